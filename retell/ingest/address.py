"""Which network addresses a fetch may connect to: the guard against server-side request
forgery that `retell serve` puts in front of every URL a user hands it.

A host name is resolved once, every address it resolves to is checked, and the fetch then
connects to the checked address itself (the name still goes in the Host header and the TLS
server name), so a name that resolves to a public address when checked and to a private one
when connected cannot slip through. The fetcher checks every redirect hop the same way.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable
from dataclasses import dataclass, field

from retell.errors import AddressRefused, FetchError

Address = ipaddress.IPv4Address | ipaddress.IPv6Address
Resolver = Callable[[str, int], list[str]]
Notice = Callable[[str], None]

# The kinds in the order they are named: the most telling first ("loopback" before the
# "private" that Python also calls 127.0.0.1).
_KINDS: tuple[tuple[str, Callable[[Address], bool]], ...] = (
    ("unspecified", lambda ip: ip.is_unspecified),
    ("loopback", lambda ip: ip.is_loopback),
    ("link-local", lambda ip: ip.is_link_local),
    ("multicast", lambda ip: ip.is_multicast),
    ("reserved", lambda ip: ip.is_reserved),
    ("private", lambda ip: ip.is_private),
    # Shared (carrier-grade NAT) space and the like: not private, not public either.
    ("reserved", lambda ip: not ip.is_global),
)


def address_kind(text: str) -> str | None:
    """The kind of a non-public address ("loopback", "private", "link-local", "multicast",
    "reserved", "unspecified"), or None for a public one. An IPv4 address written as IPv6
    (``::ffff:127.0.0.1``) is judged as the IPv4 address it carries."""
    ip = ipaddress.ip_address(text.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return next((kind for kind, test in _KINDS if test(ip)), None)


def resolve(host: str, port: int) -> list[str]:
    """Every address a host name resolves to for a TCP connection, in the resolver's order."""
    try:
        found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as error:
        raise FetchError("could not resolve the host name", source=host) from error
    addresses: list[str] = []
    for *_, sockaddr in found:
        if str(sockaddr[0]) not in addresses:
            addresses.append(str(sockaddr[0]))
    return addresses


@dataclass(frozen=True)
class AddressPolicy:
    """What a fetch may connect to. By default only public addresses; `allowed` names
    addresses let through all the same (a newsroom's own mirror, say), and `allow_private`
    lets every address through, telling `notice` (when given) about each non-public one."""

    allow_private: bool = False
    notice: Notice | None = None
    resolver: Resolver = field(default=resolve)
    allowed: frozenset[str] = frozenset()

    def connect_to(self, host: str, port: int, url: str) -> str:
        """The address to connect to for `host`, after checking all it resolves to; raises
        FetchError naming the first refused address."""
        addresses = [host] if _is_literal(host) else self.resolver(host, port)
        if not addresses:
            raise FetchError("could not resolve the host name", source=url)
        for address in addresses:
            self._check(address, host, url)
        return addresses[0]

    def _check(self, address: str, host: str, url: str) -> None:
        """Refuse or note one non-public address."""
        kind = address_kind(address)
        if kind is None or address in self.allowed:
            return
        where = host if host == address else f"{host} ({address})"
        if not self.allow_private:
            raise AddressRefused(
                f"refused to fetch a {kind} address, {where}; "
                "only public addresses may be fetched unless private ones are allowed",
                source=url,
            )
        if self.notice is not None:
            self.notice(f"{url}: fetching a {kind} address, {where}")


def _is_literal(host: str) -> bool:
    """Whether a URL's host is an IP address rather than a name."""
    try:
        ipaddress.ip_address(host.split("%", 1)[0])
    except ValueError:
        return False
    return True
