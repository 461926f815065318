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
"""

from __future__ import annotations

import hashlib
import itertools
import re
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

import pybtex.errors
from pybtex.database import Person
from pybtex.database.input.bibtex import LowLevelParser, SkipEntry, UndefinedMacro
from pybtex.scanner import PrematureEOF, PybtexSyntaxError, TokenRequired

from mkdocs_folio.bib.ads import AAS_JOURNALS
from mkdocs_folio.bib.fastscan import fast_scan
from mkdocs_folio.bib.latex import NBSP, latex_to_html, latex_to_text, unescape_url
from mkdocs_folio.bib.model import MARK_CHARS, Author, Bibliography, Entry
from mkdocs_folio.problems import Problems

__all__ = [
    "MARKUP_FIELDS",
    "MONTH_MACROS",
    "URL_FIELDS",
    "decode_bib_bytes",
    "parse_bibliography",
    "parse_month",
]

# BibTeX's predefined month macros (as in plain.bst).
MONTH_MACROS = {
    "jan": "January",
    "feb": "February",
    "mar": "March",
    "apr": "April",
    "may": "May",
    "jun": "June",
    "jul": "July",
    "aug": "August",
    "sep": "September",
    "oct": "October",
    "nov": "November",
    "dec": "December",
}
_MONTH_ABBR = {name[:3].lower(): name[:3] for name in MONTH_MACROS.values()}
_MONTH_ALIASES = {
    **{full.lower(): full[:3] for full in MONTH_MACROS.values()},
    **{str(i + 1): name[:3] for i, name in enumerate(MONTH_MACROS.values())},
    **{f"{i + 1:02d}": name[:3] for i, name in enumerate(MONTH_MACROS.values())},
    "sept": "Sep",
}

# Fields holding URLs, identifiers or file names: `~`, `--` and `%` keep their literal meaning.
URL_FIELDS = frozenset(
    {
        "url",
        "doi",
        "pdf",
        "html",
        "supp",
        "supplementary",
        "code",
        "website",
        "blog",
        "poster",
        "slides",
        "video",
        "preview",
        "arxiv",
        "hal",
        "eprint",
        "altmetric",
        "dimensions",
        "google_scholar_id",
        "inspirehep_id",
        "pmid",
        "isbn",
        "issn",
        "file",
        "adsurl",
        "biburl",
        "link",
        "urldate",
    }
)

# Fields that al-folio defines as HTML/Markdown: LaTeX is decoded, but `~` stays (URLs).
MARKUP_FIELDS = frozenset({"award", "annotation", "additional_info"})

_NAME_FIELDS = ("author", "editor")
_AND_RE = re.compile(r" [Aa][Nn][Dd] ")
_YEAR_RE = re.compile(r"(?<!\d)(\d{4})(?!\d)")
_CHUNK_RE = re.compile(r"^[ \t]*@", re.MULTILINE)
_TILDE_SENTINEL = "\ue000"


class _Macros(dict):
    """Macro table with BibTeX's case-insensitive names."""

    def __setitem__(self, key: str, value: str) -> None:
        super().__setitem__(key.lower(), value)

    def __getitem__(self, key: str) -> str:
        return super().__getitem__(key.lower())

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and super().__contains__(key.lower())


class _Command:
    """What the scanner read for one `@...` command."""

    __slots__ = ("errors", "fields", "key", "kind", "line")

    def __init__(self, line: int) -> None:
        self.line = line
        self.kind = ""
        self.key: str | None = None
        # (name, value, line, macro-or-None)
        self.fields: list[tuple[str, str, int, str | None]] = []
        self.errors: list[PybtexSyntaxError] = []


class _Scanner(LowLevelParser):
    """pybtex's scanner, extended to keep lines, macro use and errors per command."""

    def __init__(self, text: str, macros: _Macros, first_line: int = 1) -> None:
        super().__init__(text, macros=macros, handle_error=self._record_error)
        self.lineno = first_line
        self._command: _Command | None = None
        self._macro_parts: list[str] = []
        # the field being read, so an unclosed brace can be blamed on the line that opened it
        self.field_name: str | None = None
        self.field_line: int | None = None

    def _record_error(self, error: PybtexSyntaxError) -> None:
        if self._command is not None:
            self._command.errors.append(error)

    def commands(self) -> Iterator[_Command]:
        while self.skip_to([self.AT]):
            self.command_start = self.pos - 1
            command = _Command(self.lineno)
            self._command = command
            self.field_name = self.field_line = None
            try:
                kind, _ = self.parse_command()
                command.kind = kind.lower()
            except SkipEntry:
                continue
            except PybtexSyntaxError as error:
                command.errors.append(error)
            command.key = self.current_entry_key
            yield command

    # The overrides below keep pybtex's grammar and add bookkeeping.

    def parse_entry_fields(self) -> None:
        command = self._command
        while True:
            self.current_field_name = None
            self.current_value = []
            name = self.optional([self.NAME])
            if name:
                line = self.lineno
                self.current_field_name = name.value
                self.field_name, self.field_line = name.value, line
                self.required([self.EQUALS])
                self._macro_parts = []
                self.parse_value()
                if self.current_value and command is not None:
                    macro = None
                    if len(self.current_value) == 1 and len(self._macro_parts) == 1:
                        macro = self._macro_parts[0]
                    value = "".join(self.current_value)
                    command.fields.append((name.value, value, line, macro))
            if not self.optional([self.COMMA]):
                return

    def substitute_macro(self, name: str) -> str:
        self._macro_parts.append(name)
        try:
            return self.macros[name]
        except KeyError:
            pass
        if name.startswith("\\") and name[1:].lower() in AAS_JOURNALS:
            return name  # `journal = \mnras` (unbraced ADS macro): decoded later like `{\mnras}`
        self.handle_error(UndefinedMacro(name, self))
        return ""


def _strip_jekyll_header(text: str) -> str:
    """Blank out al-folio's leading `---`/`---` front matter, keeping the line count."""
    if not text.startswith("---"):
        return text
    lines = text.split("\n")
    if lines[0].strip() != "---":
        return text
    for end in range(1, len(lines)):
        if lines[end].strip() == "---":
            return "\n" * end + "\n" + "\n".join(lines[end + 1 :])
    return text


def _next_word(error: PybtexSyntaxError) -> str:
    scanner = getattr(error, "parser", None)
    text = getattr(scanner, "text", "") or ""
    pos = getattr(scanner, "pos", 0) or 0
    rest = text[pos : pos + 60].split()
    return rest[0][:30] if rest else ""


def _describe(error: PybtexSyntaxError) -> tuple[str, str, int | None]:
    """A short message, a hint and the best line for a pybtex syntax error."""
    line = error.lineno
    scanner = getattr(error, "parser", None)
    if isinstance(error, PrematureEOF):
        field = getattr(scanner, "field_name", None)
        field_line = getattr(scanner, "field_line", None)
        if field and field_line:
            return (
                f'the value of `{field}` is never closed (a `{{` or `"` without its match)',
                "check the braces and quotes of this field; the rest of the entry is lost",
                field_line,
            )
        return (
            "unexpected end of file: a brace or quote opened in this entry is never closed",
            'check that every `{` has its `}` and every `"` its closing quote',
            line,
        )
    if isinstance(error, UndefinedMacro):
        name = error.args[0] if error.args else "?"
        return (
            f"undefined macro `{name}` (a bare word used as a field value)",
            f"write the value in braces ({{{name}}}) or define it with @string",
            line,
        )
    if isinstance(error, TokenRequired):
        what = str(error.args[0]) if error.args else "a token"
        found = _next_word(error)
        found_text = f", found `{found}`" if found else ""
        if what in ("'}' expected", "')' expected"):
            return (
                f"BibTeX syntax error: expected `,` or the closing `{what[1]}`{found_text}",
                "a comma is probably missing at the end of the previous field",
                line,
            )
        return (
            f"BibTeX syntax error: {what}{found_text}",
            "look for a missing comma between fields, or a missing `=` or brace",
            line,
        )
    message = str(error.args[0]) if error.args else "syntax error"
    return (f"BibTeX syntax error: {message}", "check the braces and commas of this entry", line)


@lru_cache(maxsize=16384)
def _parse_name(name: str) -> tuple[Author, str | None]:
    """Split one name the BibTeX way (pybtex's `Person`), decode it, pull out al-folio marks.

    Cached: a personal bibliography repeats the same names hundreds of times. The second item
    is an error message (e.g. too many commas) for the caller to report with its own line.
    """
    with pybtex.errors.capture() as errors:
        person = Person(name)
    error = str(errors[0]) if errors else None

    def part(names: list[str]) -> str:
        text = latex_to_text(" ".join(names)) if names else ""
        return text.replace(NBSP, " ") if NBSP in text else text

    first_names = person.first_names
    first = part(first_names[:1])
    middle = part(first_names[1:] + person.middle_names)
    von = part(person.prelast_names)
    last = part(person.last_names)
    jr = part(person.lineage_names)
    last, marks = _pull_marks(last, anywhere=True)
    # marks glued to the end of the given names or jr ("Einstein, A.*") count as well
    if not marks:
        if jr:
            jr, marks = _pull_marks(jr)
        elif middle:
            middle, marks = _pull_marks(middle)
        else:
            first, marks = _pull_marks(first)
    if not last and (first or middle):  # a one-word name whose last part was only marks
        last, first, middle = f"{first} {middle}".strip(), "", ""
    return Author(first, middle, von, last, jr, marks), error


def _pull_marks(text: str, *, anywhere: bool = False) -> tuple[str, str]:
    """Split al-folio marks off a name part: ("Einstein*†", anywhere) -> ("Einstein", "*†")."""
    if not text:
        return text, ""
    if anywhere:
        if not any(c in MARK_CHARS for c in text):
            return text, ""
        marks = "".join(c for c in text if c in MARK_CHARS)
        return "".join(c for c in text if c not in MARK_CHARS).strip(), marks
    stripped = text.rstrip(MARK_CHARS)
    return stripped.strip(), text[len(stripped) :]


def parse_month(value: str | None) -> str | None:
    """al-folio shows a capitalised month: "jan", "January", "1" -> "Jan"; others as given."""
    if not value:
        return None
    text = value.strip().rstrip(".")
    if not text:
        return None
    lower = text.lower()
    if lower in _MONTH_ALIASES:
        return _MONTH_ALIASES[lower]
    if lower[:3] in _MONTH_ABBR and len(lower) == 3:
        return _MONTH_ABBR[lower]
    return text[:1].upper() + text[1:]


def _decode_markup(value: str) -> str:
    if "\\" not in value and "{" not in value and "}" not in value:
        return value
    protected = value.replace("~", _TILDE_SENTINEL)
    return latex_to_text(protected).replace(_TILDE_SENTINEL, "~")


def _decode(name: str, value: str) -> str:
    if name in URL_FIELDS:
        return unescape_url(value)
    if name in MARKUP_FIELDS:
        return _decode_markup(" ".join(value.split()))
    return latex_to_text(value)


_AND_OR_BRACE_RE = re.compile(r"[{}]| [Aa][Nn][Dd] ")


def _split_names(text: str) -> list[str]:
    """Split a name list at ` and ` outside braces (pybtex's `split_name_list`, faster)."""
    if not text:
        return []
    names = []
    depth = 0
    start = 0
    for m in _AND_OR_BRACE_RE.finditer(text):
        token = m.group()
        if token == "{":
            depth += 1
        elif token == "}":
            depth = max(depth - 1, 0)
        elif depth == 0:
            names.append(text[start : m.start()].strip())
            start = m.end()
    names.append(text[start:].strip())
    return names


def _entry_digest(kind: str, key: str, raw: dict[str, str]) -> str:
    parts = [kind, key]
    for name, value in raw.items():
        parts += (name, value)
    return hashlib.blake2b("\0".join(parts).encode(), digest_size=8).hexdigest()


def _strip_marks(raw: str) -> str:
    return re.sub(r"(?<!\\)[" + re.escape(MARK_CHARS) + "]", "", raw)


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

    def add(self, command: _Command) -> None:
        if command.kind in ("string", "preamble", "comment"):
            for error in command.errors:
                message, hint, line = _describe(error)
                self.problems.add(message, self.source, line, hint)
            return
        fatal = [e for e in command.errors if not isinstance(e, UndefinedMacro)]
        for error in command.errors:
            if isinstance(error, UndefinedMacro):
                message, hint, line = _describe(error)
                self.problems.add(message, self.source, line, hint)
        if fatal and not command.fields and _next_word(fatal[0]) == "=":
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
            message, hint, line = _describe(fatal[0])
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
        entry = self._entry(command)
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

    def _entry(self, command: _Command) -> Entry:
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
            raw[lname] = _strip_marks(value) if lname in _NAME_FIELDS else value
            lines[lname] = line
            if macro is not None:
                macros[lname] = macro
            if lname in _NAME_FIELDS:
                people = self._names(value, key, lname, line)
                names[lname] = people
                # decoded once per name (cached), not once per list: "Last, First and ..."
                fields[lname] = " and ".join(p.display() + p.marks for p in people)
            else:
                fields[lname] = _decode(lname, value)
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
        names = _split_names(text) if "{" in text else _AND_RE.split(text)
        for name in names:
            if name.strip().lower() == "others":
                authors.append(Author(last="others"))
                continue
            author, error = _parse_name(name)
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


def _scan(text: str, first_line: int, macros: _Macros) -> list[_Command]:
    return list(_Scanner(text, macros, first_line).commands())


def _default_macros() -> _Macros:
    macros = _Macros()
    for name, value in MONTH_MACROS.items():
        macros[name] = value
    return macros


def parse_bibliography(
    text: str, source: Path | str, problems: Problems, *, digest: str = ""
) -> Bibliography:
    """Parse BibTeX text. Every error becomes a `Problem` naming `source` and the line; the
    entries that can be read are always returned, in file order."""
    text = text.lstrip("\ufeff")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _strip_jekyll_header(text)
    macros = _default_macros()
    try:
        fast = fast_scan(text, 1, macros)
        if fast is not None:
            commands: list = fast
        else:
            macros = _default_macros()
            commands = _scan(text, 1, macros)
        if any(c.errors for c in commands if _fatal(c)):
            # Re-read entry by entry, so an unclosed brace cannot swallow later entries.
            macros = _default_macros()
            commands = []
            starts = [m.start() for m in _CHUNK_RE.finditer(text)] or [0]
            if starts[0] != 0:
                starts.insert(0, 0)
            starts.append(len(text))
            line = 1
            for begin, end in itertools.pairwise(starts):
                chunk = text[begin:end]
                commands.extend(_scan(chunk, line, macros))
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


def _fatal(command: _Command) -> bool:
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
