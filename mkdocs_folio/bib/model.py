"""The parsed bibliography: plain, immutable values that templates, queries and caches share.

Entries are frozen because one parsed `Bibliography` is reused across `mkdocs serve` rebuilds
(cache hit = same object): nothing downstream may change it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs_folio.problems import Problems
from mkdocs_folio.site.config import as_bool

__all__ = [
    "MARK_CHARS",
    "Author",
    "Bibliography",
    "Entry",
    "merge_bibliographies",
]

# al-folio's author marks (equal contribution, corresponding author, ...), written glued to the
# last name: `Einstein*†, A.`; shown as superscripts, ignored when matching names.
MARK_CHARS = "*∗†‡§¶‖&^"


@dataclass(frozen=True, slots=True)
class Author:
    """One name of an `author`/`editor` list, LaTeX decoded, split the BibTeX way.

    `first` is the first given name, `middle` the other given names (so al-folio's
    `author.first` is `given`); `marks` is the run of `* † ‡ ...` stripped from the name.
    """

    first: str = ""
    middle: str = ""
    von: str = ""
    last: str = ""
    jr: str = ""
    marks: str = ""

    @property
    def given(self) -> str:
        """First and middle names as written ("Hendrik Antoon", "Yuki M."): al-folio's `first`."""
        return f"{self.first} {self.middle}".strip() if self.middle else self.first

    @property
    def full_last(self) -> str:
        """Last name with its particle ("van den Dool")."""
        return f"{self.von} {self.last}".strip() if self.von else self.last

    def display(self) -> str:
        """al-folio's list form: "Last, First" ("van den Dool, Winfried"; "Smith, John, Jr.")."""
        text = self.full_last
        given = self.given
        if given:
            text = f"{text}, {given}" if text else given
        if self.jr:
            text = f"{text}, {self.jr}"
        return text

    def natural(self) -> str:
        """Reading order: "First von Last Jr" (used for the hidden "more authors" text)."""
        parts = [self.given, self.full_last, self.jr]
        return " ".join(p for p in parts if p)


@dataclass(frozen=True, slots=True, eq=False)
class Entry:
    """One bibliography entry.

    - `fields`: lower-case field name -> display text (LaTeX decoded, whitespace collapsed;
      URL-like fields only unescaped). `author`/`editor` are included as decoded strings.
    - `raw_fields`: lower-case name -> the value as written in BibTeX (macros expanded, LaTeX
      and line breaks kept): the source for the "Bib" button.
    - `macro_fields`: fields whose whole value was one macro (`month = may`) -> macro name.
    - `field_lines`: 1-based line of each field's name, for warnings.
    - `digest`: hash of type, key and fields as written (stable across runs), for caches.
    """

    key: str
    type: str
    fields: Mapping[str, str]
    raw_fields: Mapping[str, str]
    authors: tuple[Author, ...] = ()
    editors: tuple[Author, ...] = ()
    title: str = ""
    title_html: str = ""
    year: int | None = None
    month: str | None = None
    source: Path | str = ""
    line: int = 0
    field_lines: Mapping[str, int] = field(default_factory=dict)
    macro_fields: Mapping[str, str] = field(default_factory=dict)
    # a short content hash (type, key, fields as written): a stable key for caches of output
    digest: str = ""

    def get(self, name: str, default: str | None = None) -> str | None:
        """Display text of a field (case-insensitive name), or `default` when absent/empty."""
        value = self.fields.get(name.lower())
        return value if value else default

    def flag(self, name: str) -> bool:
        """Truthiness of a boolean-ish custom field (`selected`, `bibtex_show`, ...)."""
        return as_bool(self.fields.get(name.lower()))

    def has(self, name: str) -> bool:
        return bool(self.fields.get(name.lower()))

    def line_of(self, name: str) -> int:
        return self.field_lines.get(name.lower(), self.line)

    def __repr__(self) -> str:
        return f"Entry({self.key!r}, {self.type!r}, {self.source}:{self.line})"


@dataclass(frozen=True, slots=True, eq=False)
class Bibliography:
    """Entries of one (or several merged) bib files, in file order. Do not mutate."""

    entries: list[Entry] = field(default_factory=list)
    by_key: dict[str, Entry] = field(default_factory=dict)
    source: Path | str = ""
    digest: str = ""
    strings: Mapping[str, str] = field(default_factory=dict)
    by_folded_key: dict[str, Entry] = field(default_factory=dict, repr=False)

    def __iter__(self) -> Iterator[Entry]:
        return iter(self.entries)

    def __len__(self) -> int:
        return len(self.entries)

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self.get(key) is not None

    def get(self, key: str) -> Entry | None:
        """Entry by key; falls back to a case-insensitive match (BibTeX keys are)."""
        entry = self.by_key.get(key)
        if entry is None:
            folded = self.by_folded_key or {e.key.casefold(): e for e in reversed(self.entries)}
            entry = folded.get(key.casefold())
        return entry

    def __repr__(self) -> str:
        return f"Bibliography({self.source!s}, {len(self.entries)} entries)"


def merge_bibliographies(
    bibliographies: Iterable[Bibliography], problems: Problems | None = None
) -> Bibliography:
    """Several bib files as one (`-f papers -f talks`, or a page listing many files).

    File order, then entry order, is kept. A key defined in two files is reported once with
    both places; the first definition wins, as within one file.
    """
    bibs = list(bibliographies)
    if len(bibs) == 1:
        return bibs[0]
    entries: list[Entry] = []
    by_key: dict[str, Entry] = {}
    folded: dict[str, Entry] = {}
    for bib in bibs:
        for entry in bib.entries:
            first = folded.get(entry.key.casefold())
            if first is not None:
                if first is not entry and problems is not None:
                    problems.add(
                        f"duplicate entry key `{entry.key}`: first defined at "
                        f"{first.source}:{first.line}, defined again here; the second one is "
                        "ignored",
                        entry.source,
                        entry.line,
                        "rename one of the two keys",
                    )
                continue
            folded[entry.key.casefold()] = entry
            by_key[entry.key] = entry
            entries.append(entry)
    return Bibliography(
        entries=entries,
        by_key=by_key,
        source=", ".join(str(b.source) for b in bibs),
        digest="+".join(b.digest for b in bibs),
        by_folded_key=folded,
    )
