"""Where reused work is kept: in memory for a `mkdocs serve` session, in SQLite across builds.

An entry is a `(stage, key)` pair and a value (text from `codec.dumps`). Keys are fingerprints
of everything the work was made from, so an entry is never stale; the value may carry the
trace of other inputs it read (checked by the caller before use).

On disk the cache is one SQLite file (`build.sqlite` in the cache folder), read entry by
entry as a build asks (a build that reuses a page's HTML file never reads its HTML here).
Each build saves in one transaction, so two builds at once never leave it half-written (the
second waits, or skips saving), and each value carries its own checksum, so a damaged file
is noticed and rebuilt instead of serving what it damaged. A file that is not such a
database (foreign, truncated, corrupt, another format version) gives one warning, is moved
aside and starts anew. Entries that a build did not use are dropped when it saves, so the
cache follows the site.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sqlite3
import threading
import time
from pathlib import Path
from typing import Any

from mkdocs_folio.cache import codec, trace
from mkdocs_folio.problems import Problems

__all__ = ["FILE_NAME", "FORMAT", "CacheStore"]

FORMAT = "mkdocs-folio-cache 1"
FILE_NAME = "build.sqlite"

_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT)",
    "CREATE TABLE IF NOT EXISTS entries (stage TEXT, key TEXT, value TEXT, checksum BLOB, "
    "used REAL, PRIMARY KEY (stage, key))",
)


def _checksum(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=8).digest()


def _to_bytes(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")


def _encoded(value: Any, plain: bool) -> str | None:
    """A value as the text kept of it; None when the codec cannot write it."""
    try:
        return codec.dumps_plain(value) if plain else codec.dumps(value)
    except (TypeError, ValueError):
        return None


class _Unreadable(Exception):
    """The cache file is not one this version wrote, or it is damaged."""


SAVE_DELAY = 0.5
"""Seconds a background save waits, so that the browser's reload is served first."""


class _SaveSoon:
    """`save(used)` in a thread after `SAVE_DELAY`; `finish()` runs it at once when it has
    not begun, else waits for it."""

    def __init__(self, save: Any, used: set[tuple[str, str]]) -> None:
        self._save = save
        self._used = used
        self._lock = threading.Lock()
        self._done = False
        self._timer = threading.Timer(SAVE_DELAY, self._run)
        self._timer.name = "folio-cache-save"
        self._timer.start()

    def _run(self) -> None:
        with self._lock:
            if not self._done:
                self._done = True
                self._save(self._used)

    def finish(self) -> None:
        self._timer.cancel()
        self._run()  # waits for a save in progress, or does it now
        self._timer.join()


class _WriteAhead:
    """A save begun in a thread before its build ends (`CacheStore.write_ahead`): the
    transaction opens and takes the entries made so far at once; `finish` hands it the rest
    and what the build used, and it commits; `abandon` rolls it back."""

    def __init__(
        self,
        path: Path,
        first: dict[tuple[str, str], str],
        later: dict[tuple[str, str], tuple[Any, bool]],
    ) -> None:
        self._path = path
        self._first = first
        self._later = later
        self._rest: tuple[dict[tuple[str, str], str], set[tuple[str, str]]] | None = None
        self._handed = threading.Event()
        self._thread = threading.Thread(target=self._run, name="folio-cache-write", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            self._path.parent.mkdir(parents=True, exist_ok=True)
            connection = CacheStore._connect(self._path)
        except (sqlite3.Error, OSError):
            return  # a read-only folder: saving is skipped
        try:
            # Values put `later` are never changed again by their callers: they are written
            # as text here, off the build's own thread.
            for slot, (value, plain) in self._later.items():
                text = _encoded(value, plain)
                if text is not None:
                    self._first[slot] = text
            if not (_begin(connection) and _insert(connection, self._first)):
                return
            self._handed.wait()
            if self._rest is None:
                _rollback(connection)
                return
            new, used = self._rest
            if _insert(connection, new):
                _end(connection, used)
        finally:
            connection.close()

    def finish(self, new: dict[tuple[str, str], str], used: set[tuple[str, str]]) -> None:
        self._rest = (new, used)
        self._handed.set()
        self._thread.join()

    def abandon(self) -> None:
        self._rest = None
        self._handed.set()
        self._thread.join()


class CacheStore:
    """One per plugin instance; `open()` at the start of each build, `save()` at its end."""

    def __init__(self) -> None:
        self._memory: dict[tuple[str, str], str] = {}
        self._decoded: dict[tuple[str, str], Any] = {}
        self._fetched: set[str] = set()  # stages read whole from this file (`prefetch`)
        self._used: set[tuple[str, str]] = set()
        self._new: dict[tuple[str, str], str] = {}
        self._connection: sqlite3.Connection | None = None
        self._writer: _SaveSoon | None = None
        self._ahead: _WriteAhead | None = None
        self._later: dict[tuple[str, str], tuple[Any, bool]] = {}
        self._problems: Problems | None = None
        self.path: Path | None = None
        self.enabled = True
        self.hits = 0
        self.misses = 0

    # -- life cycle -------------------------------------------------------------------------

    def open(self, folder: Path | None, problems: Problems, *, enabled: bool = True) -> None:
        """Start a build. Entries read in earlier builds of this process stay in memory."""
        self.wait()
        self.abandon()
        self.enabled = enabled
        self._used = set()
        self._new = {}
        self._later = {}
        self._problems = problems
        self.hits = self.misses = 0
        path = folder / FILE_NAME if (enabled and folder is not None) else None
        if path != self.path:
            self._close()
            self._memory = {}
            self._decoded = {}
            self._fetched = set()
            self.path = path
        if path is not None and self._connection is None and path.exists():
            self._connection = self._connect_reader(path, problems)

    def get(self, stage: str, key: str, *, shared: bool = False) -> Any | None:
        """The value kept under `(stage, key)`, or None. `shared`: the caller only reads the
        value, so the one decoded in an earlier build of this process is handed out again."""
        if not self.enabled:
            return None
        slot = (stage, key)
        if slot in self._later:
            self._write_down(slot)
        if shared:
            decoded = self._decoded.get(slot)
            if decoded is not None and slot in self._memory:
                self._used.add(slot)
                self.hits += 1
                return decoded
        text = self._memory.get(slot)
        if text is None and self._connection is not None:
            text = self._read(slot)
            if text is not None:
                self._memory[slot] = text
        if text is None:
            self.misses += 1
            return None
        try:
            value = codec.loads(text)
        except ValueError:
            self._memory.pop(slot, None)
            self.misses += 1
            return None
        self._used.add(slot)
        self.hits += 1
        if shared:
            self._decoded[slot] = value
        return value

    def is_plain(self, stage: str, key: str) -> bool:
        """Whether the entry kept under `(stage, key)` holds only JSON's own types (its text
        says so): a value made from it with more of them can be `put` with `plain`."""
        return codec.is_plain(self._memory.get((stage, key), ""))

    def put(
        self, stage: str, key: str, value: Any, *, plain: bool = False, later: bool = False
    ) -> None:
        """Keep `value`; one that the codec cannot write is simply not kept. `plain`: the
        caller vouches that it holds only JSON's own types (no tuples, dates, non-text keys),
        which are written as they are, much faster. `later`: the caller never changes
        `value` again, so it is written as text only when needed (a background save writes
        a long publication list while the browser already shows the page)."""
        if not self.enabled:
            return
        slot = (stage, key)
        if later:
            self._later[slot] = (value, plain)
            self._used.add(slot)
            return
        self._later.pop(slot, None)
        self._keep_text(slot, value, plain)

    def _write_down(self, slot: tuple[str, str]) -> None:
        value, plain = self._later.pop(slot)
        self._keep_text(slot, value, plain)

    def _keep_text(self, slot: tuple[str, str], value: Any, plain: bool) -> None:
        text = _encoded(value, plain)
        if text is None:
            return
        if self._memory.get(slot) != text:
            self._new[slot] = text
            self._decoded.pop(slot, None)
        self._memory[slot] = text
        self._used.add(slot)

    def new_entries(self) -> dict[tuple[str, str], str]:
        """The entries this build made so far (a worker sends them to the main process)."""
        for slot in list(self._later):
            self._write_down(slot)
        return dict(self._new)

    def add_entries(self, entries: dict[tuple[str, str], str]) -> None:
        """Entries a worker made, as `put` would have kept them."""
        for slot, text in entries.items():
            if self._memory.get(slot) != text:
                self._new[slot] = text
                self._decoded.pop(slot, None)
            self._memory[slot] = text
            self._used.add(slot)

    def after_fork(self) -> None:
        """In a forked worker: a database connection must not cross a fork. The worker
        opens its own to read, and reports only the entries it makes itself."""
        self._connection = None
        self._new = {}
        if self.path is not None and self.path.exists() and self._problems is not None:
            self._connection = self._connect_reader(self.path, self._problems)

    def keep(self, stage: str, key: str) -> None:
        """This build still uses an entry it did not read (its work was reused another way)."""
        self._used.add((stage, key))

    def save(self, problems: Problems, *, background: bool = False) -> None:
        """End of a build: forget what it did not use; write what changed to disk.

        `background`: write a moment later in a thread, for `mkdocs serve`, where the browser
        should not wait for the disk (after an edit to one paper of a long list, writing
        takes a quarter of a second) nor for the interpreter while it encodes; the next
        build, or `wait()`, finishes it before anything else touches the file."""
        if not self.enabled:
            return
        for slot in [slot for slot in self._memory if slot not in self._used]:
            del self._memory[slot]
            self._decoded.pop(slot, None)
        if background:
            self._writer = _SaveSoon(self._save, set(self._used))
        else:
            self._save(self._used)

    def write_ahead(self) -> None:
        """`mkdocs build` near its end (its pages are rendered): what it made so far starts
        going to disk now, in a thread, while the build copies static files and writes its
        last files; `save` hands over the rest and ends the one transaction, so the file
        holds the whole build or none of it, as before. A cold build saves its cache (66 MB
        at the bench site) mostly during the rest of its work instead of after it.

        Only a build that reads no cache file does this: while the thread's transaction is
        open and large, it may lock the file, and this process's own reads would wait."""
        if (
            not self.enabled
            or self.path is None
            or self._connection is not None
            or self._ahead is not None
            or self._writer is not None
        ):
            return
        new, self._new = self._new, {}
        later, self._later = self._later, {}
        self._ahead = _WriteAhead(self.path, new, later)

    def abandon(self) -> None:
        """A build that failed: a save it began (`write_ahead`) is rolled back."""
        ahead, self._ahead = self._ahead, None
        if ahead is not None:
            ahead.abandon()

    def wait(self) -> None:
        """Until a save in the background is done (or done now, if it has not begun)."""
        writer, self._writer = self._writer, None
        if writer is not None:
            writer.finish()

    def _save(self, used: set[tuple[str, str]]) -> None:
        for slot in list(self._later):
            self._write_down(slot)
        new, self._new = self._new, {}
        ahead, self._ahead = self._ahead, None
        if ahead is not None:
            ahead.finish(new, used)
        elif self.path is not None:
            self._write(self.path, new, used)

    def _close(self) -> None:
        if self._connection is not None:
            with contextlib.suppress(sqlite3.Error):
                self._connection.close()
        self._connection = None

    # -- disk -------------------------------------------------------------------------------

    @staticmethod
    def _connect(path: Path) -> sqlite3.Connection:
        connection = sqlite3.connect(
            str(path), timeout=10.0, isolation_level=None, check_same_thread=False
        )
        # The file alone holds the cache (no write-ahead log beside it to be left behind
        # when the file is replaced or cut short): what is read is what the file says.
        connection.execute("PRAGMA journal_mode=DELETE")
        # A save does not wait for the disk to confirm it (fsync): writing a cold build's
        # 66 MB on the bench machine took 0.22 s with the wait, 0.18 s without, and disks
        # slow to confirm wait longer. A build killed mid-save leaves the file intact
        # (the journal rolls it back); only a crash of the machine itself can damage it,
        # which the next build notices like any damage: one warning, a new cache.
        connection.execute("PRAGMA synchronous=OFF")
        return connection

    def _connect_reader(self, path: Path, problems: Problems) -> sqlite3.Connection | None:
        try:
            connection = self._connect(path)
            try:
                if connection.execute("PRAGMA page_count").fetchone()[0] == 0:
                    # An empty database: what a build stopped before its first save leaves
                    # (a file made, its transaction rolled back). Nothing to read or lose.
                    connection.close()
                    return None
                row = connection.execute("SELECT value FROM meta WHERE name='format'").fetchone()
                if row is None or row[0] != FORMAT:
                    raise _Unreadable(
                        f"it was written in format {row[0] if row else 'unknown'!r}, not {FORMAT!r}"
                    )
                connection.execute("SELECT count(*) FROM entries").fetchone()
            except BaseException:
                connection.close()
                raise
            return connection
        except (sqlite3.Error, _Unreadable, OSError) as exc:
            self._discard(path, problems, str(exc))
            return None

    def prefetch(self, stage: str) -> None:
        """Read every entry of `stage` now, in one query: for a build about to ask for
        nearly all of them (one per owned page), a query each costs more than the reading."""
        if not self.enabled or self._connection is None or stage in self._fetched:
            return
        self._fetched.add(stage)  # a next build of this process has them in memory
        try:
            rows = self._connection.execute(
                "SELECT key, value, checksum FROM entries WHERE stage=?", (stage,)
            ).fetchall()
        except sqlite3.Error as exc:
            self._damaged(f"reading it failed ({exc})")
            return
        memory = self._memory
        for key, value, checksum in rows:
            slot = (stage, key)
            if slot in memory:
                continue
            text = self._verified(slot, value, checksum)
            if text is None:
                return  # damaged: nothing more is read from it
            memory[slot] = text

    def _read(self, slot: tuple[str, str]) -> str | None:
        assert self._connection is not None
        try:
            row = self._connection.execute(
                "SELECT value, checksum FROM entries WHERE stage=? AND key=?", slot
            ).fetchone()
        except sqlite3.Error as exc:
            self._damaged(f"reading it failed ({exc})")
            return None
        if row is None:
            return None
        return self._verified(slot, *row)

    def _verified(self, slot: tuple[str, str], value: Any, checksum: Any) -> str | None:
        """A row's value as text, or None (and the file set aside) when it is damaged."""
        # Values are written as UTF-8 bytes (a BLOB): the checksum is taken of what was read,
        # and the text made once. Earlier versions wrote text; its checksum is of the same
        # bytes, so their files are read too.
        text: str | None = None
        if isinstance(value, str):
            text, value = value, _to_bytes(value)
        if not isinstance(value, bytes) or _checksum(value) != checksum:
            self._damaged(f"an entry does not match its checksum ({slot[0]})")
            return None
        if text is None:
            try:
                text = value.decode("utf-8", "surrogatepass")
            except UnicodeDecodeError:
                self._damaged(f"an entry is not text ({slot[0]})")
                return None
        return text

    def _damaged(self, why: str) -> None:
        """A damaged file noticed mid-build: nothing more is read from it."""
        self._close()
        if self.path is not None and self._problems is not None:
            self._discard(self.path, self._problems, why)
        self._memory = {slot: text for slot, text in self._memory.items() if slot in self._new}
        self._decoded = {}
        self._fetched = set()

    def _discard(self, path: Path, problems: Problems, why: str) -> None:
        """Move a bad cache file aside (never delete what might be someone's file)."""
        aside = path.with_name(f"{path.name}.unreadable")
        try:
            for extra in ("-wal", "-shm"):
                Path(f"{path}{extra}").unlink(missing_ok=True)
            os.replace(path, aside)
        except OSError:
            pass
        # About this build's cache, not about the work that happened to read it: never kept
        # with that work (it would be reported again by every build that reuses it).
        with trace.paused():
            self._report(problems, path, why, aside)

    @staticmethod
    def _report(problems: Problems, path: Path, why: str, aside: Path) -> None:
        problems.add(
            f"the build cache could not be used: {why}",
            path,
            None,
            "this build renders every page again and writes a new cache; the old file is "
            f"kept as {aside.name} (delete it, or the whole {path.parent.name}/ folder, "
            "whenever you like)",
        )

    def _write(
        self, path: Path, new: dict[tuple[str, str], str], used: set[tuple[str, str]]
    ) -> None:
        connection = self._writer_connection(path)
        if connection is None:
            return  # a read-only folder: saving is skipped
        if not (_begin(connection) and _insert(connection, new) and _end(connection, used)):
            self._close()

    def _writer_connection(self, path: Path) -> sqlite3.Connection | None:
        """The connection this process writes with: the one it reads with, unless that
        one's file is gone."""
        connection = self._connection
        if connection is not None and not path.exists():
            # A worker found the file damaged and moved it aside (render/workers.py): this
            # connection still reads the old file. Say so here, and start a new one.
            self._close()
            connection = None
            if self._problems is not None:
                with trace.paused():
                    self._report(
                        self._problems,
                        path,
                        "an entry read while rendering did not match its checksum",
                        path.with_name(f"{path.name}.unreadable"),
                    )
        if connection is None:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                connection = self._connection = self._connect(path)
            except (sqlite3.Error, OSError):
                return None
        return connection


def _begin(connection: sqlite3.Connection) -> bool:
    """A transaction begun, in a file of this format; False when the file cannot be
    written now (a build beside this one holds it too long, the disk is full, the file
    was damaged: the next build renders again what this one could not keep)."""
    try:
        connection.execute("BEGIN IMMEDIATE")
    except sqlite3.Error:
        return False
    try:
        for statement in _SCHEMA:
            connection.execute(statement)
        row = connection.execute("SELECT value FROM meta WHERE name='format'").fetchone()
        if row is not None and row[0] != FORMAT:
            connection.execute("DELETE FROM entries")
        connection.execute(
            "INSERT OR REPLACE INTO meta (name, value) VALUES ('format', ?)", (FORMAT,)
        )
    except sqlite3.Error:
        _rollback(connection)
        return False
    return True


def _insert(connection: sqlite3.Connection, new: dict[tuple[str, str], str]) -> bool:
    """`new` written in the transaction begun; False (rolled back) when that failed."""
    now = time.time()
    try:
        # Rows made one at a time as SQLite takes them: the bytes of a whole build (66 MB at
        # the bench site) are never all held at once beside the texts they come from.
        connection.executemany(
            "INSERT OR REPLACE INTO entries (stage, key, value, checksum, used) "
            "VALUES (?, ?, ?, ?, ?)",
            (
                (s, k, data, _checksum(data), now)
                for (s, k), v in new.items()
                for data in (_to_bytes(v),)
            ),
        )
    except sqlite3.Error:
        _rollback(connection)
        return False
    return True


def _end(connection: sqlite3.Connection, used: set[tuple[str, str]]) -> bool:
    """The transaction ended: what the build did not use goes, and all is committed."""
    try:
        # What this build did not use goes (a build running beside this one on the same
        # folder writes what it used in its own transaction).
        connection.execute(
            "CREATE TEMP TABLE IF NOT EXISTS used (stage TEXT, key TEXT, PRIMARY KEY (stage, key))"
        )
        connection.execute("DELETE FROM used")
        connection.executemany("INSERT OR IGNORE INTO used VALUES (?, ?)", list(used))
        connection.execute(
            "DELETE FROM entries WHERE NOT EXISTS (SELECT 1 FROM used "
            "WHERE used.stage = entries.stage AND used.key = entries.key)"
        )
        connection.execute("COMMIT")
    except sqlite3.Error:
        _rollback(connection)
        return False
    return True


def _rollback(connection: sqlite3.Connection) -> None:
    with contextlib.suppress(sqlite3.Error):
        connection.execute("ROLLBACK")
