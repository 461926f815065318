"""The output folder kept between builds: what is already there is not written again.

MkDocs empties `site_dir` before every build and then writes every page and copies every
static file. On a large site that alone costs seconds, on `mkdocs serve` after each saved
edit too: thousands of folders removed and made again, thousands of files created, when
almost all of them end up byte for byte what they were.

So when a build starts, the previous output is moved aside into a hidden folder (MkDocs'
cleaning passes over hidden entries) and moved back before anything is written. A file is
then left in place only when folio knows it is what this build would write:

- a static file (theme asset, image, PDF) whose source has the size and time it had when the
  file was copied, and whose copy still has the size and time it had then;
- a page folio renders itself whose HTML has the fingerprint of the HTML written then, with
  the same size and time on disk.

Every other file is written as usual. When the build ends, every file in the folder that this
build neither wrote nor kept is deleted, so the folder holds exactly what a clean build would
write. Hidden entries at the top of the folder are left alone, as MkDocs leaves them.
`mkdocs build --dirty` and `cache: false` keep MkDocs' own behaviour.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from pathlib import Path
from typing import Any

from mkdocs.structure.files import File, Files, InclusionLevel

from mkdocs_folio.cache.fingerprint import digest
from mkdocs_folio.cache.store import CacheStore

__all__ = ["KeptFile", "OutputKeeper"]

ASIDE = ".folio-previous-output"
MARKER = ".folio-build-started"


class KeptFile(File):
    """A static file whose copy from the last build is kept: MkDocs does not copy it."""

    def copy_file(self, dirty: bool = False) -> None:
        return None


def _stat(path: str | os.PathLike[str]) -> tuple[int, int] | None:
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return (stat.st_size, stat.st_mtime_ns)


class OutputKeeper:
    """Decides, for one site folder across builds, which output files stay as they are."""

    def __init__(self) -> None:
        self.site_dir: Path | None = None
        self.active = False
        self.records: dict[str, list[Any]] = {}
        """Output path (relative) -> what it was made from and its size and time on disk."""
        self.kept: set[str] = set()
        self.written: set[str] = set()
        self.started_ns = 0
        self._swapped: list[File] = []

    # -- the folder -------------------------------------------------------------------------

    def before_clean(self, site_dir: Path, *, enabled: bool, store: CacheStore) -> None:
        """on_pre_build: move last build's output aside, out of MkDocs' cleaning."""
        self.active = enabled
        self.kept = set()
        self.written = set()
        self._swapped = []
        if site_dir != self.site_dir:
            self.records = {}
        self.site_dir = site_dir
        if not enabled:
            return
        if not self.records:
            stored = store.get("outputs", str(site_dir))
            self.records = stored if isinstance(stored, dict) else {}
        aside = site_dir / ASIDE
        shutil.rmtree(aside, ignore_errors=True)  # left by a build that was killed
        marker = site_dir / MARKER
        try:
            # The folder's own clock marks the start: any file older than this that the
            # build neither writes nor keeps is from an earlier build.
            site_dir.mkdir(parents=True, exist_ok=True)
            marker.write_bytes(b"")
            self.started_ns = os.stat(marker).st_mtime_ns
            marker.unlink()
        except OSError:
            self.active = False
            return
        try:
            aside.mkdir()
            for entry in os.listdir(site_dir):
                if not entry.startswith("."):
                    os.replace(site_dir / entry, aside / entry)
        except OSError:
            self.put_back()
            self.active = False

    def put_back(self) -> None:
        """on_files (first thing), or when a build fails early: the output back in place."""
        if self.site_dir is None:
            return
        aside = self.site_dir / ASIDE
        if not aside.is_dir():
            return
        for entry in os.listdir(aside):
            target = self.site_dir / entry
            if target.exists():
                continue  # written during this build already: the new one stays
            with contextlib.suppress(OSError):
                os.replace(aside / entry, target)
        shutil.rmtree(aside, ignore_errors=True)

    # -- static files -----------------------------------------------------------------------

    @staticmethod
    def _static_files(files: Files) -> list[File]:
        """The files MkDocs copies as they are (not pages, not another plugin's kinds)."""
        return [file for file in files if type(file) is File and not file.is_documentation_page()]

    def _copy_is_intact(self, file: File) -> bool:
        state = self._static_state(file)
        record = self.records.get(file.dest_uri)
        if state is None or record is None or record[0] != "static" or record[1] != state:
            return False
        return list(_stat(file.abs_dest_path) or ()) == record[2]

    def static_to_copy(self, files: Files) -> list[File]:
        """The static files whose copy is not intact, for `copy_ahead` in a render worker."""
        if not self.active or self.site_dir is None:
            return []
        return [
            file
            for file in self._static_files(files)
            if InclusionLevel.is_included(file.inclusion) and not self._copy_is_intact(file)
        ]

    def copy_ahead(self, files: list[File]) -> list[list[Any]]:
        """Copy `files` as MkDocs would (in a render worker, while pages render); returns
        each copy's destination and what it was made from."""
        copied = []
        for file in files:
            try:
                file.copy_file()
            except OSError:
                continue  # the main process copies it, and reports what goes wrong
            copied.append([file.dest_uri, self._static_state(file)])
        return copied

    def keep_static_files(self, files: Files, copied: list[list[Any]] | None = None) -> None:
        """Just before MkDocs copies static files: those whose copy is intact are kept, and
        those a worker copied already (`copied`) from the same source are not copied again."""
        if not self.active or self.site_dir is None:
            return
        ahead = {rel: state for rel, state in copied or ()}
        for file in self._static_files(files):
            rel = file.dest_uri
            copied_ahead = rel in ahead and ahead.pop(rel) == self._static_state(file)
            if not copied_ahead:
                if not self._copy_is_intact(file):
                    continue
                self.kept.add(rel)
            file.__class__ = KeptFile
            self._swapped.append(file)
        for rel in ahead:  # another plugin dropped the file since: its copy goes too
            with contextlib.suppress(OSError):
                os.unlink(self.site_dir / rel)

    def static_files_copied(self, files: Files) -> None:
        """Right after MkDocs copied them: remember what each copy was made from."""
        for file in self._swapped:
            file.__class__ = File
        self._swapped = []
        if not self.active:
            return
        for file in self._static_files(files):
            rel = file.dest_uri
            if rel in self.kept:
                continue
            state = self._static_state(file)
            written = _stat(file.abs_dest_path)
            if state is not None and written is not None:
                self.records[rel] = ["static", state, list(written)]
                self.written.add(rel)

    @staticmethod
    def _static_state(file: File) -> Any:
        content = file._content
        if content is not None:
            data = content.encode("utf-8") if isinstance(content, str) else content
            return ["content", digest(data)]
        if file.abs_src_path is None:
            return None
        stat = _stat(file.abs_src_path)
        return ["source", file.abs_src_path, *stat] if stat is not None else None

    # -- pages ------------------------------------------------------------------------------

    def is_current(self, rel: str, html_key: str, abs_dest: str) -> bool:
        """Whether the file at `rel` is the HTML with this fingerprint, written by folio."""
        if not self.active:
            return False
        record = self.records.get(rel)
        if record is None or record[0] != "page" or record[1] != html_key:
            return False
        if list(_stat(abs_dest) or ()) != record[2]:
            return False
        self.kept.add(rel)
        return True

    @staticmethod
    def on_disk(abs_dest: str) -> list[int] | None:
        """A written file's size and time (taken where it was written: a worker)."""
        written = _stat(abs_dest)
        return list(written) if written is not None else None

    def page_written(self, rel: str, html_key: str, on_disk: list[int]) -> None:
        if self.active:
            self.records[rel] = ["page", html_key, on_disk]
            self.written.add(rel)

    # -- the end ----------------------------------------------------------------------------

    def finish(self, store: CacheStore) -> int:
        """on_post_build, last: delete what no part of this build wrote or kept; remember the
        rest. Returns how many stale files were deleted."""
        if not self.active or self.site_dir is None or not self.site_dir.is_dir():
            return 0
        keep = self.kept | self.written
        deleted = 0
        with os.scandir(self.site_dir) as entries:
            for entry in entries:
                if not entry.name.startswith("."):  # hidden entries at the top stay
                    deleted += self._sweep(entry, entry.name, keep)[0]
        self.records = {rel: record for rel, record in self.records.items() if rel in keep}
        store.put("outputs", str(self.site_dir), self.records, plain=True)
        return deleted

    def _sweep(self, entry: os.DirEntry[str], rel: str, keep: set[str]) -> tuple[int, bool]:
        """Delete the stale files under one entry (a folder left empty goes too); returns
        how many were deleted and whether the entry itself is still there."""
        if entry.is_dir(follow_symlinks=False):
            deleted = 0
            remaining = False
            with os.scandir(entry.path) as inner:
                for child in inner:
                    gone, present = self._sweep(child, f"{rel}/{child.name}", keep)
                    deleted += gone
                    remaining = remaining or present
            if not remaining:
                with contextlib.suppress(OSError):
                    os.rmdir(entry.path)
                    return deleted, False
            return deleted, True
        if rel in keep:
            return 0, True
        try:
            stale = entry.stat(follow_symlinks=False).st_mtime_ns < self.started_ns
        except OSError:
            return 0, False
        if stale and self._delete(entry.path):
            return 1, False
        return 0, True

    @staticmethod
    def _delete(path: str) -> int:
        try:
            os.unlink(path)
        except OSError:
            return 0
        return 1
