"""Reading a file's bytes into text, with the checks every reader needs first."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from converter.errors import (
    BinaryInputError,
    EmptyInputError,
    EncodingError,
    InputError,
    InputTooLargeError,
)

# Control characters other than tab, newline, carriage return and form feed (C0, DEL, C1).  A few of them
# in a text filing are transmission debris (a NUL from a bad copy, a vertical tab): they are
# removed and the removal is reported.  More than one in a hundred characters means the file
# is not text at all.
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
_MAX_CONTROL_SHARE = 0.01


@dataclass
class LoadedText:
    text: str
    notes: list[str] = field(default_factory=list)  # what was changed on the way in, for the report


def load_text(path: Path, limit: int) -> LoadedText:
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
    sample = data[:65536]
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        encodings: tuple[str, ...] = ("utf-16",)
    elif sample.count(b"\x00") > _MAX_CONTROL_SHARE * len(sample):
        raise BinaryInputError(path)
    else:
        # cp1252 leaves five bytes undefined; latin-1 reads them as control characters,
        # which are then removed and reported below
        encodings = ("utf-8-sig", "cp1252", "latin-1")
    for encoding in encodings:
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError as exc:
            detail = f"byte {exc.start} cannot be decoded"
    else:
        raise EncodingError(path, detail)
    head = text[:65536]
    if len(_CONTROLS.findall(head)) > _MAX_CONTROL_SHARE * len(head):
        raise BinaryInputError(path)
    loaded = LoadedText(text.replace("\r\n", "\n").replace("\r", "\n"))
    loaded.text, removed = _CONTROLS.subn("", loaded.text)
    if removed:
        loaded.notes.append(f"{removed} control character{'s' if removed > 1 else ''} (such as NUL) removed "
                            f"from the text")
    return loaded
