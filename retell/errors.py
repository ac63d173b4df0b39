"""Errors that retell reports to its users.

Every error a user can cause carries the exit code the CLI ends with and
prints as one line naming the input it is about. The tree::

    RetellError                  (exit 1)  anything retell reports
    ├── InputError                         the input could not be read as a page
    │   ├── InputNotFound        (exit 3)  no such file or directory
    │   ├── EmptyInput           (exit 4)  zero bytes, or only whitespace
    │   ├── BinaryInput          (exit 5)  an image, archive or other non-text
    │   ├── InputTooLarge        (exit 6)  over the size limit
    │   └── UndecodableInput     (exit 7)  no text encoding fits the bytes
    ├── NoArticle                (exit 8)  readable, but holds no article
    ├── FetchError               (exit 9)  a URL refused, timed out or failed
    │   └── AddressRefused       (exit 9)  a URL whose address the policy forbids
    └── BackendError             (exit 10) a language-model backend failed
        ├── UnknownBackend       (exit 10) a backend string names no backend
        ├── ModelError           (exit 11) a model file missing, corrupt or not verified
        └── ServerError          (exit 12) a model server unreachable, failing or gone
    ├── UnsupportedLanguage      (exit 15) an article in a language retell cannot rewrite
    ├── StoreError               (exit 13) the store file cannot be opened or used
    ├── EngineError              (exit 14) a batch engine missing or unreachable (Ray)
    ├── JobTimedOut              (exit 16) a service job ran past its time limit
    ├── PublishError             (exit 2)  a publish target that cannot be used as given
    ├── BudgetSpent              (exit 17) a run stopped at its token budget; run again to go on
    └── ConfigError              (exit 2)  a configuration file or variable that does not fit

Exit code 1 on its own means that a run over several inputs finished but
some of them failed; 2 is a usage mistake (an unknown option, a bad value).
"""

from __future__ import annotations

from typing import ClassVar

EXIT_OK = 0
EXIT_SOME_FAILED = 1
EXIT_USAGE = 2


class RetellError(Exception):
    """Base of every error retell reports; carries the source it is about."""

    exit_code: ClassVar[int] = 1

    def __init__(self, message: str, *, source: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.source = source

    def one_line(self) -> str:
        """The error as the single line the CLI prints, naming its input."""
        text = " ".join(self.message.split())
        return f"{self.source}: {text}" if self.source else text


class InputError(RetellError):
    """The input could not be read as a page."""

    exit_code = 3


class InputNotFound(InputError):
    """A path that does not exist or cannot be opened."""

    exit_code = 3


class EmptyInput(InputError):
    """An input with no bytes, or nothing but whitespace."""

    exit_code = 4


class BinaryInput(InputError):
    """An input that is not text: an image, an archive, a PDF."""

    exit_code = 5


class InputTooLarge(InputError):
    """An input over the configured size limit."""

    exit_code = 6


class UndecodableInput(InputError):
    """Bytes that no known text encoding decodes."""

    exit_code = 7


class NoArticle(RetellError):
    """A readable page in which no article text was found."""

    exit_code = 8


class FetchError(RetellError):
    """A URL that refused, timed out, redirected too often or answered an error."""

    exit_code = 9


class AddressRefused(FetchError):
    """A URL, or a redirect hop, whose host is a loopback, private or reserved address
    when only public ones may be fetched."""

    exit_code = 9


class BackendError(RetellError):
    """A language-model backend could not do what was asked."""

    exit_code = 10


class UnknownBackend(BackendError):
    """A backend string that names no registered backend."""

    exit_code = 10


class ModelError(BackendError):
    """A model file that is missing, corrupt or fails its checksum."""

    exit_code = 11


class ServerError(BackendError):
    """A model server that cannot be reached, keeps failing, or died mid-run."""

    exit_code = 12


class UnsupportedLanguage(RetellError):
    """An article in a language a stage does not support, such as rewriting German."""

    exit_code = 15


class StoreError(RetellError):
    """A store file that cannot be opened, is not a store, or lacks what was asked for."""

    exit_code = 13


class EngineError(RetellError):
    """A batch engine that is not installed or cannot be reached, such as a Ray cluster."""

    exit_code = 14


class JobTimedOut(RetellError):
    """A job of `retell serve` that ran past its time limit; what it finished is kept."""

    exit_code = 16


class PublishError(RetellError):
    """A publish target retell does not know, or one given without what it needs."""

    exit_code = 2


class BudgetSpent(RetellError):
    """A run that stopped cleanly at its token budget: what it finished is stored, and the
    same command run again goes on with what is left."""

    exit_code = 17


class ConfigError(RetellError):
    """A configuration file or RETELL_* variable that cannot be read or does not fit."""

    exit_code = 2


ALL_ERRORS: tuple[type[RetellError], ...] = (
    RetellError,
    InputError,
    InputNotFound,
    EmptyInput,
    BinaryInput,
    InputTooLarge,
    UndecodableInput,
    NoArticle,
    FetchError,
    AddressRefused,
    BackendError,
    UnknownBackend,
    ModelError,
    ServerError,
    UnsupportedLanguage,
    StoreError,
    EngineError,
    JobTimedOut,
    PublishError,
    BudgetSpent,
    ConfigError,
)
