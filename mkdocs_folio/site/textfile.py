"""Reading a user's text file: UTF-8 as Jekyll expects, never a crash when it is not.

Files saved by older editors on Windows are often Latin-1 or cp1252. Jekyll refuses them;
MkDocs dies with a `UnicodeDecodeError` traceback. We read them anyway, as Latin-1 (every
byte is a character, so nothing the user wrote is dropped), and report the line of the first
byte that is not UTF-8, so the user can find it and re-save the file.

What folio keeps for later builds (a feed's last copy, compiled templates) is written whole
(`write_whole`), so that a reader never finds half a file. The pages of the site are
written over in place (`overwrite`).
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from mkdocs_folio.problems import Problems


def decode_text(data: bytes, path: Path | str, problems: Problems, what: str = "file") -> str:
    """Bytes as text: UTF-8 (with or without a byte-order mark), else Latin-1 with a problem."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        problems.add(
            f"{what} is not UTF-8 (byte 0x{data[exc.start]:02x} on this line); read as Latin-1",
            path,
            line,
            "save the file as UTF-8 in your editor",
        )
        text = data.decode("latin-1")
    return text[1:] if text.startswith("\ufeff") else text


def read_text(
    path: Path, problems: Problems, *, display: Path | str | None = None, what: str = "file"
) -> str | None:
    """The text of `path`, or None (with a problem) when it cannot be read at all."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        problems.add("file not found", display or path)
        return None
    except OSError as exc:
        problems.add(f"cannot read {what}: {exc.strerror or exc}", display or path)
        return None
    return decode_text(data, display or path, problems, what)


def is_utf8(path: Path) -> bool:
    """Whether MkDocs can read `path` itself (it decodes every page as UTF-8)."""
    try:
        path.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    return True


def write_whole(path: Path, data: bytes) -> None:
    """Write `path` through a file of this process's own beside it, then rename it: two
    builds at once each write a whole file, and a reader never sees half of one. Raises
    `OSError` (leaving nothing behind) when the folder cannot be written."""
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        temporary.write_bytes(data)
        os.replace(temporary, path)
    except OSError:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise


def overwrite(path: str, data: bytes) -> None:
    """Write `data` over the file at `path` (made, with its folders, when missing) in place,
    cutting off what is left of the old content.

    Why not `open(path, "wb")`: on ext4, emptying a file that has content and writing it
    again costs about 80 microseconds a file (the filesystem frees the blocks, then takes
    new ones at close); writing over the same blocks costs 6. A serve rebuild that puts a
    new footer in 1,600 pages spends a tenth of a second less. A reader in the middle of it
    sees a mixed file, as it would see a half-written one with MkDocs' own writer.
    """
    try:
        handle = os.open(path, os.O_WRONLY | os.O_CREAT, 0o666)
    except FileNotFoundError:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        handle = os.open(path, os.O_WRONLY | os.O_CREAT, 0o666)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(handle, view) :]
        os.ftruncate(handle, len(data))
    finally:
        os.close(handle)
