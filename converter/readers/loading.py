"""Reading a file's bytes into text, with the checks every reader needs first."""

from __future__ import annotations

from pathlib import Path

from converter.errors import (
    BinaryInputError,
    EmptyInputError,
    EncodingError,
    InputError,
    InputTooLargeError,
)

MAX_BYTES = 200_000_000


def load_text(path: Path, limit: int = MAX_BYTES) -> str:
    """The file's text; a clear InputError for anything that is not a usable text file."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise InputError(f"{path} does not exist") from None
    except OSError as exc:
        raise InputError(f"{path} cannot be read: {exc.strerror}") from None
    if path.is_dir():
        raise InputError(f"{path} is a folder, not a filing document")
    if size > limit:
        raise InputTooLargeError(path, size, limit)
    data = path.read_bytes()
    if not data.strip():
        raise EmptyInputError(path)
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        encodings: tuple[str, ...] = ("utf-16",)
    elif b"\x00" in data[:65536]:
        raise BinaryInputError(path)
    else:
        encodings = ("utf-8-sig", "cp1252")
    for encoding in encodings:
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError as exc:
            detail = f"byte {exc.start} cannot be decoded"
    else:
        raise EncodingError(path, detail)
    controls = sum(1 for ch in text[:65536] if ord(ch) < 32 and ch not in "\t\n\r\f")
    if controls > 0.01 * min(len(text), 65536):
        raise BinaryInputError(path)
    return text.replace("\r\n", "\n").replace("\r", "\n")
