"""A real WordPress for the test suite: Debian's `wordpress`, `mariadb-server` and
`php-cli` (which .ci/run installs), run from a temporary folder on loopback: MariaDB on
its own socket and data folder, WordPress copied beside it with its own wp-config.php and
served by PHP's built-in server, installed and given an application password without a
browser. Everything stops when the tests end."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

WORDPRESS = Path("/usr/share/wordpress")

CONFIG = """<?php
define('DB_NAME', 'wordpress');
define('DB_USER', 'wordpress');
define('DB_PASSWORD', 'wordpress');
define('DB_HOST', 'localhost:{socket}');
define('DB_CHARSET', 'utf8mb4');
define('WP_HOME', 'http://127.0.0.1:{port}');
define('WP_SITEURL', 'http://127.0.0.1:{port}');
define('WP_ENVIRONMENT_TYPE', 'local');
define('WP_CONTENT_DIR', '{root}/wp-content');
define('AUTOMATIC_UPDATER_DISABLED', true);
define('WP_HTTP_BLOCK_EXTERNAL', true);
// No cron: it would call the site from inside a request to the one-worker PHP server.
define('DISABLE_WP_CRON', true);
$table_prefix = 'wp_';
if (!defined('ABSPATH')) define('ABSPATH', __DIR__ . '/');
require_once ABSPATH . 'wp-settings.php';
"""

INSTALL = """
define('WP_INSTALLING', true);
$_SERVER['HTTP_HOST'] = '127.0.0.1:{port}';
require '{root}/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
wp_install('retell test', 'editor', 'editor@example.org', false, '', 'not-the-app-password');
$user = get_user_by('login', 'editor');
list($password) = WP_Application_Passwords::create_new_application_password(
    $user->ID, array('name' => 'retell')
);
echo $password;
"""


@dataclass(frozen=True)
class Account:
    """A running WordPress and the account the tests post as."""

    url: str
    user: str
    password: str


def installed() -> bool:
    """Whether Debian's WordPress, MariaDB and PHP are here."""
    return WORDPRESS.is_dir() and all(shutil.which(name) for name in ("mariadbd", "php"))


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


def _wait(check: object, what: str, seconds: float = 60.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():  # type: ignore[operator]
            return
        time.sleep(0.2)
    raise RuntimeError(f"{what} did not start")


@contextmanager
def server() -> Iterator[Account]:
    """Start MariaDB and WordPress on loopback; yields the site and its account."""
    root = Path(tempfile.mkdtemp(prefix="retell-wp-"))
    data, sock, site = root / "db", root / "mysql.sock", root / "site"
    as_mysql = ["runuser", "-u", "mysql", "--"] if os.geteuid() == 0 else []
    if os.geteuid() == 0:
        shutil.chown(root, "mysql", "mysql")
    subprocess.run(
        [*as_mysql, "mariadb-install-db", f"--datadir={data}",
         "--auth-root-authentication-method=socket", "--skip-test-db"],
        check=True, capture_output=True,
    )  # fmt: skip
    database = subprocess.Popen(
        [*as_mysql, "mariadbd", f"--datadir={data}", f"--socket={sock}", "--skip-networking",
         f"--pid-file={root / 'db.pid'}", "--skip-log-bin"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    php: subprocess.Popen[bytes] | None = None
    try:
        _wait(sock.exists, "MariaDB")
        statements = (
            "CREATE DATABASE wordpress; CREATE USER 'wordpress'@'localhost' IDENTIFIED BY "
            "'wordpress'; GRANT ALL ON wordpress.* TO 'wordpress'@'localhost';"
        )
        subprocess.run(["mariadb", "-S", str(sock), "-u", "root", "-e", statements], check=True)
        port = _free_port()
        shutil.copytree(WORDPRESS, site, symlinks=False)
        (site / "wp-config.php").write_text(CONFIG.format(socket=sock, port=port, root=site))
        password = subprocess.run(
            ["php", "-r", INSTALL.format(port=port, root=site)],
            check=True, capture_output=True, text=True,
        ).stdout.strip().splitlines()[-1]  # fmt: skip
        php = subprocess.Popen(
            ["php", "-S", f"127.0.0.1:{port}", "-t", str(site)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            env={**os.environ, "PHP_CLI_SERVER_WORKERS": "4"},
            # Its own process group: the workers it forks are stopped with it.
            start_new_session=True,
        )  # fmt: skip
        url = f"http://127.0.0.1:{port}"
        _wait(lambda: _answers(url), "WordPress")
        yield Account(url, "editor", password)
    finally:
        if php is not None:
            os.killpg(php.pid, signal.SIGTERM)
            php.wait(timeout=10)
        database.terminate()
        database.wait(timeout=30)
        shutil.rmtree(root, ignore_errors=True)


def _answers(url: str) -> bool:
    try:
        return httpx.get(url + "/?rest_route=/", timeout=2).status_code == 200
    except httpx.HTTPError:
        return False
