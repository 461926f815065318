"""Reading BibTeX files into `Bibliography` values, with every error as a `Problem` (file:line).

pybtex's low-level scanner does the tokenising (braces, quotes, `#` concatenation, `@string`
macros). We drive it ourselves instead of using `pybtex.database.parse_string` because we need
what that API throws away:
- the line of every entry and field (pybtex reports none for duplicate keys/fields or bad names);
- the value as written, with its line breaks, for the "Bib" button (al-folio #3380);
- recovery: one broken entry must cost that entry only. pybtex skips to the next `@` after an
  error, but an unclosed brace swallows the rest of the file; in that case we parse again,
  entry by entry (chunks starting at lines that begin with `@`).

Error collection uses `pybtex.errors.capture()` only, never the process-global strict mode.

The parts: `scanner` (the grammar and its error messages), `fastscan` (the fast path for
well-formed files), `fields` (what each field's value means), `names` (author names).
"""

from __future__ import annotations

import hashlib
import itertools
import re
from pathlib import Path

from pybtex.database.input.bibtex import UndefinedMacro

from mkdocs_folio.bib.fastscan import fast_scan
from mkdocs_folio.bib.fields import MARKUP_FIELDS, URL_FIELDS, decode_field, parse_month
from mkdocs_folio.bib.latex import latex_to_html
from mkdocs_folio.bib.model import Author, Bibliography, Entry
from mkdocs_folio.bib.names import parse_name, split_names, strip_marks
from mkdocs_folio.bib.scanner import (
    MONTH_MACROS,
    Command,
    default_macros,
    describe_syntax_error,
    next_word,
    scan,
    strip_jekyll_header,
)
from mkdocs_folio.problems import Problems

__all__ = [
    "MARKUP_FIELDS",
    "MONTH_MACROS",
    "URL_FIELDS",
    "decode_bib_bytes",
    "parse_bibliography",
    "parse_month",
]


# bench/bib_bench.py clears the name cache under its old name.
_parse_name = parse_name

_NAME_FIELDS = ("author", "editor")
_AND_RE = re.compile(r" [Aa][Nn][Dd] ")
_YEAR_RE = re.compile(r"(?<!\d)(\d{4})(?!\d)")
_CHUNK_RE = re.compile(r"^[ \t]*@", re.MULTILINE)


def _entry_digest(kind: str, key: str, raw: dict[str, str]) -> str:
    parts = [kind, key]
    for name, value in raw.items():
        parts += (name, value)
    return hashlib.blake2b("\0".join(parts).encode(), digest_size=8).hexdigest()


# A key holding `=`, braces, quotes or spaces is the first field, read as a key.
_BAD_KEY_RE = re.compile(r'[\s={}"]')
_KIND_RE = re.compile(r"[a-z][a-z0-9_:-]*")


class _Builder:
    """Turns scanned commands into entries, reporting problems with file and line."""

    def __init__(self, source: Path | str, problems: Problems) -> None:
        self.source = source
        self.problems = problems
        self._before = len(problems)
        self.entries: list[Entry] = []
        self.by_key: dict[str, Entry] = {}
        self.folded: dict[str, Entry] = {}

    def add(self, command: Command) -> None:
        if command.kind in ("string", "preamble", "comment"):
            for error in command.errors:
                message, hint, line = describe_syntax_error(error)
                self.problems.add(message, self.source, line, hint)
            return
        fatal = [e for e in command.errors if not isinstance(e, UndefinedMacro)]
        for error in command.errors:
            if isinstance(error, UndefinedMacro):
                message, hint, line = describe_syntax_error(error)
                self.problems.add(message, self.source, line, hint)
        if fatal and not command.fields and next_word(fatal[0]) == "=":
            # `@article{ title = {...}`: the scanner read the first field's name as the key.
            self.problems.add(
                f"an entry without a citation key (found `{command.key} =` where the key "
                "should be) is skipped",
                self.source,
                command.line,
                "write the key first, then a comma: @article{einstein1905, title = {...}, ...}",
            )
            return
        if fatal:
            message, hint, line = describe_syntax_error(fatal[0])
            what = f"entry `{command.key}`" if command.key else "an entry"
            self.problems.add(
                f"{message}; {what} starting at line {command.line} is skipped",
                self.source,
                line,
                hint,
            )
            return
        if not command.key or _BAD_KEY_RE.search(command.key):
            # `@article{ title = {...}, ...`: the scanner took `title = {...` for the key.
            self.problems.add(
                f"an entry without a citation key (found `{command.key or ''}`"
                f"{' where the key should be' if command.key else ''}) is skipped",
                self.source,
                command.line,
                "write the key first, then a comma: @article{einstein1905, title = {...}, ...}",
            )
            return
        if not _KIND_RE.fullmatch(command.kind):
            self.problems.add(
                f"`@{command.kind}` is not an entry type; entry `{command.key}` is skipped",
                self.source,
                command.line,
                "write the type as one word after a single @, such as @article or @inproceedings",
            )
            return
        entry = self._entry_of(command)
        folded = entry.key.casefold()
        first = self.folded.get(folded)
        if first is not None:
            self.problems.add(
                f"duplicate entry key `{entry.key}`: first defined at "
                f"{first.source}:{first.line}, defined again here; the second one is ignored",
                self.source,
                entry.line,
                "rename one of the two keys; BibTeX keys ignore case",
            )
            return
        self.folded[folded] = entry
        self.by_key[entry.key] = entry
        self.entries.append(entry)

    def _entry_of(self, command: Command) -> Entry:
        """The entry of a command, made once per command object: the commands of a piece of
        the file that did not change come back from `_PIECES`, and so do their entries (the
        same objects, which later memos key on), with the problems found making them."""
        known = _MADE.get(id(command))
        if known is not None and known[0] is command:
            self.problems.extend(list(known[2]))
            return known[1]
        mine, self.problems = self.problems, Problems()
        try:
            entry = self._entry(command)
        finally:
            found, self.problems = self.problems, mine
        mine.extend(list(found))
        _MADE[id(command)] = (command, entry, tuple(found))
        return entry

    def _entry(self, command: Command) -> Entry:
        key = command.key or ""
        fields: dict[str, str] = {}
        raw: dict[str, str] = {}
        lines: dict[str, int] = {}
        macros: dict[str, str] = {}
        names: dict[str, tuple[Author, ...]] = {}
        for name, value, line, macro in command.fields:
            lname = name.lower()
            if lname in raw:
                self.problems.add(
                    f"duplicate field `{lname}` in entry `{key}` (first at line "
                    f"{lines[lname]}); this value is ignored",
                    self.source,
                    line,
                    "remove one of the two",
                )
                continue
            raw[lname] = strip_marks(value) if lname in _NAME_FIELDS else value
            lines[lname] = line
            if macro is not None:
                macros[lname] = macro
            if lname in _NAME_FIELDS:
                people = self._names(value, key, lname, line)
                names[lname] = people
                # decoded once per name (cached), not once per list: "Last, First and ..."
                fields[lname] = " and ".join(p.display() + p.marks for p in people)
            else:
                fields[lname] = decode_field(lname, value)
        title_raw = raw.get("title", "")
        year = None
        if fields.get("year"):
            match = _YEAR_RE.search(fields["year"])
            year = int(match.group(1)) if match else None
        return Entry(
            key=key,
            type=command.kind,
            fields=fields,
            raw_fields=raw,
            authors=names.get("author", ()),
            editors=names.get("editor", ()),
            title=fields.get("title", ""),
            title_html=latex_to_html(title_raw) if title_raw else "",
            year=year,
            month=parse_month(fields.get("month")),
            source=self.source,
            line=command.line,
            field_lines=lines,
            macro_fields=macros,
            digest=_entry_digest(command.kind, key, raw),
        )

    def _names(self, value: str, key: str, field: str, line: int) -> tuple[Author, ...]:
        text = " ".join(value.split())
        if not text:
            return ()
        authors = []
        names = split_names(text) if "{" in text else _AND_RE.split(text)
        for name in names:
            if name.strip().lower() == "others":
                authors.append(Author(last="others"))
                continue
            author, error = parse_name(name)
            if error is not None:
                self.problems.add(
                    f"{field} name `{name}` in entry `{key}` has too many commas",
                    self.source,
                    line,
                    "separate names with ` and `, and write each as `Last, First` or `First Last`",
                )
            authors.append(author)
        return tuple(authors)

    def build(self, digest: str, strings: dict[str, str]) -> Bibliography:
        if not self.entries and len(self.problems) == self._before:
            self.problems.add(
                "this bibliography file has no entries",
                self.source,
                None,
                "add entries such as @article{key, title = {...}, ...}; the lists that use "
                "this file are empty",
            )
        return Bibliography(
            entries=self.entries,
            by_key=self.by_key,
            source=self.source,
            digest=digest,
            strings=dict(strings),
            by_folded_key=self.folded,
        )


def parse_bibliography(
    text: str, source: Path | str, problems: Problems, *, digest: str = ""
) -> Bibliography:
    """Parse BibTeX text. Every error becomes a `Problem` naming `source` and the line; the
    entries that can be read are always returned, in file order."""
    text = text.lstrip("\ufeff")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = strip_jekyll_header(text)
    macros = default_macros()
    try:
        fast = _scan_in_pieces(text, str(source), macros)
        if fast is None:
            macros = default_macros()
            fast = fast_scan(text, 1, macros)
        if fast is not None:
            commands: list = fast
        else:
            macros = default_macros()
            commands = scan(text, 1, macros)
        if any(c.errors for c in commands if _fatal(c)):
            # Re-read entry by entry, so an unclosed brace cannot swallow later entries.
            macros = default_macros()
            commands = []
            starts = [m.start() for m in _CHUNK_RE.finditer(text)] or [0]
            if starts[0] != 0:
                starts.insert(0, 0)
            starts.append(len(text))
            line = 1
            for begin, end in itertools.pairwise(starts):
                chunk = text[begin:end]
                commands.extend(scan(chunk, line, macros))
                line += chunk.count("\n")
    except Exception as exc:  # pragma: no cover - defensive: the core never raises on input
        problems.add(f"cannot read this bibliography: {exc}", source, None)
        return Bibliography(source=source, digest=digest)
    builder = _Builder(source, problems)
    for command in commands:
        try:
            builder.add(command)
        except Exception as exc:  # pragma: no cover - defensive
            problems.add(f"cannot read this entry: {exc}", source, command.line)
    return builder.build(digest, dict(macros))


_PIECES: dict[tuple[str, int, str, str], list] = {}
"""Commands read from a piece of a bib file, by (text, first line, file, macros before)."""

_MADE: dict[int, tuple] = {}
"""Entries made from commands, by the command's id (checked against the command itself)."""

_PIECES_MAX = 20_000
PIECES_FROM = 64
"""Files with fewer entries are read in one go: remembering pieces would not pay."""
_STRING_RE = re.compile(r"[ \t]*@string\b", re.IGNORECASE)


def _scan_in_pieces(text: str, source: str, macros: dict[str, str]) -> list | None:
    """The fast scanner's commands for `text`, read entry by entry (pieces start at lines
    that begin with `@`), so that after a `mkdocs serve` edit to one entry only that
    entry is read and made again. None when a piece does not read cleanly on its own (an
    entry whose value has a line starting with `@`, a syntax error): the whole text is then
    read in one go, as before."""
    starts = [m.start() for m in _CHUNK_RE.finditer(text)]
    if not starts or len(starts) < PIECES_FROM:
        return None  # a short file reads in one go faster than in pieces
    if starts[0] != 0:
        starts.insert(0, 0)
    starts.append(len(text))
    if len(_PIECES) > _PIECES_MAX:
        _PIECES.clear()
        _MADE.clear()
    commands: list = []
    line = 1
    defined = ""  # the @string pieces so far: what a later piece's macros depend on
    for begin, end in itertools.pairwise(starts):
        piece = text[begin:end]
        defines = _STRING_RE.match(text, begin) is not None
        key = (piece, line, source, defined)
        found = None if defines else _PIECES.get(key)
        if found is None:
            found = fast_scan(piece, line, macros)
            if found is None or any(command.errors for command in found):
                return None
            if not defines:
                _PIECES[key] = found
        if defines:
            defined = hashlib.blake2b(f"{defined}\0{piece}".encode(), digest_size=8).hexdigest()
        commands += found
        line += piece.count("\n")
    return commands


def _fatal(command: Command) -> bool:
    return any(not isinstance(e, UndefinedMacro) for e in command.errors)


def decode_bib_bytes(data: bytes, path: Path | str, problems: Problems) -> str:
    """A bib file's bytes as text: UTF-8, or Latin-1 with a problem at the first bad byte
    (older exports from reference managers), so the file still builds."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        problems.add(
            "bibliography file is not UTF-8; read as Latin-1",
            path,
            line,
            "save the file as UTF-8",
        )
        return data.decode("latin-1")
