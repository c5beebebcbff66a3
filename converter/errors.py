"""The converter's exceptions, one base with a subclass per kind of failure.

    ConverterError                 exit 1  anything the converter reports cleanly
    ├── InputError                 exit 2  the input cannot be used
    │   ├── EmptyInputError                an empty file
    │   ├── BinaryInputError               not a text or HTML document
    │   ├── InputTooLargeError             over the size limit
    │   ├── EncodingError                  undecodable text
    │   ├── NoStatementsError              no financial statement found
    │   └── MissingCikError                no CIK in the document and none given
    ├── UsageError                 exit 3  options that do not fit together
    ├── TaxonomyError              exit 4  the concept index or a taxonomy package is unusable
    ├── ValidationFailedError      exit 5  Arelle found errors in the package
    └── OutputError                exit 6  the output folder cannot be written
    (anything else)                exit 70 an internal error: a bug to report

Each error builds its message from the offending value, so the CLI can print
``error: <message>`` on one line.
"""

from __future__ import annotations

from pathlib import Path


class ConverterError(Exception):
    exit_code = 1


class InputError(ConverterError):
    exit_code = 2


class EmptyInputError(InputError):
    def __init__(self, path: Path) -> None:
        super().__init__(f"{path} is empty")


class BinaryInputError(InputError):
    def __init__(self, path: Path) -> None:
        super().__init__(f"{path} is a binary file, not a text or HTML filing")


class InputTooLargeError(InputError):
    def __init__(self, path: Path, size: int, limit: int) -> None:
        super().__init__(
            f"{path} is {size / 1e6:.0f} MB; the limit is {limit / 1e6:.0f} MB"
        )


class EncodingError(InputError):
    def __init__(self, path: Path, detail: str) -> None:
        super().__init__(f"{path} is not readable text: {detail}")


class NoStatementsError(InputError):
    def __init__(self, path: Path) -> None:
        super().__init__(f"no balance sheet, income statement or cash flow table found in {path}")


class MissingCikError(InputError):
    def __init__(self, path: Path) -> None:
        super().__init__(f"{path} carries no CIK; pass it with --cik (for example --cik 0001009759)")


class UsageError(ConverterError):
    exit_code = 3


class TaxonomyError(ConverterError):
    exit_code = 4


class ValidationFailedError(ConverterError):
    exit_code = 5


class OutputError(ConverterError):
    exit_code = 6


INTERNAL_ERROR_EXIT = 70
WORKER_DIED_EXIT = -9  # batch only: the worker process running the filing was killed

# What each exit code means, in the words the manifest of a batch records.
EXIT_MEANINGS = {
    0: "converted: a valid package",
    1: "a converter error",
    2: "unusable input",
    3: "bad usage",
    4: "taxonomy problem",
    5: "the package is invalid",
    6: "the output cannot be written",
    INTERNAL_ERROR_EXIT: "internal error (a bug)",
    WORKER_DIED_EXIT: "the worker process died (killed, or out of memory)",
}
