"""The errors selon raises, and the exit code each one gives on the command line.

    SelonError                      exit 1   anything selon reports as a clean error
    ├── InputError                  exit 2   an input selon cannot read as an article
    │   ├── EmptyInputError                  no text at all, or only white space
    │   ├── BinaryInputError                 bytes that are not text (NUL bytes, control codes)
    │   ├── EncodingError                    text that is not valid UTF-8
    │   ├── InputTooLargeError               over the size limit (see limits.py)
    │   ├── MalformedInputError              JSON, JSON Lines or HTML that cannot be parsed
    │   ├── UnsupportedLanguageError         neither French nor English
    │   └── FetchError                       a URL that could not be fetched
    │       └── ForbiddenAddressError        a private or loopback address, not allowed
    ├── StoreError                  exit 1   the SQLite store cannot be opened or migrated
    ├── NotFoundError               exit 4   an id that is not in the store
    └── GateError                   exit 3   a quality floor fell (selon eval)

Every message says what went wrong and, where there is one, what to do next.
"""

from __future__ import annotations

EXIT_OK = 0
EXIT_SOME_FAILED = 1
EXIT_BAD_INPUT = 2
EXIT_GATE = 3
EXIT_NOT_FOUND = 4


class SelonError(Exception):
    """Base class of every error selon reports without a traceback."""

    exit_code = EXIT_SOME_FAILED
    code = "error"

    def __init__(self, message: str, *, origin: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.origin = origin

    def __str__(self) -> str:
        return f"{self.origin}: {self.message}" if self.origin else self.message

    def to_dict(self) -> dict[str, str | None]:
        """The one error shape of selon's JSON outputs."""
        return {"error": self.code, "message": self.message, "origin": self.origin}


class InputError(SelonError):
    exit_code = EXIT_BAD_INPUT
    code = "bad_input"


class EmptyInputError(InputError):
    code = "empty"


class BinaryInputError(InputError):
    code = "binary"


class EncodingError(InputError):
    code = "encoding"


class InputTooLargeError(InputError):
    code = "too_large"


class MalformedInputError(InputError):
    code = "malformed"


class UnsupportedLanguageError(InputError):
    code = "unsupported_language"


class FetchError(InputError):
    code = "fetch"


class ForbiddenAddressError(FetchError):
    code = "forbidden_address"


class StoreError(SelonError):
    code = "store"


class NotFoundError(SelonError):
    exit_code = EXIT_NOT_FOUND
    code = "not_found"


class GateError(SelonError):
    exit_code = EXIT_GATE
    code = "gate"
