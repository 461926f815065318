"""BibTeX's grammar, read with pybtex's own scanner, which we drive to keep what its
`parse_string` throws away: the line of every command and field, the macro a value came
from, and every syntax error of an entry (with a message and hint for the user).

`scan()` turns text into `Command`s (one per `@...`); the loader builds entries from them.
`fastscan.fast_scan` reads well-formed files faster and gives up on anything unusual, which
this scanner then reads with precise errors.
"""

from __future__ import annotations

from collections.abc import Iterator

from pybtex.database.input.bibtex import LowLevelParser, SkipEntry, UndefinedMacro
from pybtex.scanner import PrematureEOF, PybtexSyntaxError, TokenRequired

from mkdocs_folio.bib.ads import AAS_JOURNALS

__all__ = [
    "MONTH_MACROS",
    "Command",
    "Macros",
    "Scanner",
    "default_macros",
    "describe_syntax_error",
    "next_word",
    "scan",
    "strip_jekyll_header",
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


class Macros(dict):
    """Macro table with BibTeX's case-insensitive names."""

    def __setitem__(self, key: str, value: str) -> None:
        super().__setitem__(key.lower(), value)

    def __getitem__(self, key: str) -> str:
        return super().__getitem__(key.lower())

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and super().__contains__(key.lower())


class Command:
    """What the scanner read for one `@...` command."""

    __slots__ = ("errors", "fields", "key", "kind", "line")

    def __init__(self, line: int) -> None:
        self.line = line
        self.kind = ""
        self.key: str | None = None
        # (name, value, line, macro-or-None)
        self.fields: list[tuple[str, str, int, str | None]] = []
        self.errors: list[PybtexSyntaxError] = []


class Scanner(LowLevelParser):
    """pybtex's scanner, extended to keep lines, macro use and errors per command."""

    def __init__(self, text: str, macros: Macros, first_line: int = 1) -> None:
        super().__init__(text, macros=macros, handle_error=self._record_error)
        self.lineno = first_line
        self._command: Command | None = None
        self._macro_parts: list[str] = []
        # the field being read, so an unclosed brace can be blamed on the line that opened it
        self.field_name: str | None = None
        self.field_line: int | None = None

    def _record_error(self, error: PybtexSyntaxError) -> None:
        if self._command is not None:
            self._command.errors.append(error)

    def commands(self) -> Iterator[Command]:
        while self.skip_to([self.AT]):
            self.command_start = self.pos - 1
            command = Command(self.lineno)
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


def strip_jekyll_header(text: str) -> str:
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


def next_word(error: PybtexSyntaxError) -> str:
    scanner = getattr(error, "parser", None)
    text = getattr(scanner, "text", "") or ""
    pos = getattr(scanner, "pos", 0) or 0
    rest = text[pos : pos + 60].split()
    return rest[0][:30] if rest else ""


def describe_syntax_error(error: PybtexSyntaxError) -> tuple[str, str, int | None]:
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
        found = next_word(error)
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


def scan(text: str, first_line: int, macros: Macros) -> list[Command]:
    return list(Scanner(text, macros, first_line).commands())


def default_macros() -> Macros:
    macros = Macros()
    for name, value in MONTH_MACROS.items():
        macros[name] = value
    return macros
