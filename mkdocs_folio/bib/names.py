"""Author names: how a BibTeX name list becomes `Author`s, and how al-folio compares names.

Reading: a list is split at ` and ` outside braces, each name the BibTeX way (pybtex's
`Person`: "von Last, Jr, First"), decoded from LaTeX, with al-folio's marks (`*`, `†`...)
pulled out of it. Comparing: the site owner and co-authors are recognised in author lists
whatever the case, dots, spaces or accents ("Yuki M." is "yuki m", `_data/coauthors.yml`'s
`schrodinger` is "Schrödinger").
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import pybtex.errors
from pybtex.database import Person

from mkdocs_folio.bib.latex import NBSP, latex_to_text
from mkdocs_folio.bib.model import MARK_CHARS, Author

__all__ = [
    "coauthor_key",
    "name_key",
    "parse_name",
    "remove_accents",
    "split_names",
    "strip_marks",
]


# --- Reading names from BibTeX ---------------------------------------------------------------


@lru_cache(maxsize=16384)
def parse_name(name: str) -> tuple[Author, str | None]:
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


_AND_OR_BRACE_RE = re.compile(r"[{}]| [Aa][Nn][Dd] ")


def split_names(text: str) -> list[str]:
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


def strip_marks(raw: str) -> str:
    return re.sub(r"(?<!\\)[" + re.escape(MARK_CHARS) + "]", "", raw)


# --- Comparing names ------------------------------------------------------------------------

_EXTRA_LETTERS = str.maketrans(
    {"ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe",
     "Œ": "OE", "đ": "d", "Đ": "D", "ð": "d", "Ð": "D", "þ": "th", "Þ": "TH", "ı": "i"}
)  # fmt: skip


def remove_accents(text: str) -> str:
    """ "Schrödinger" -> "Schrodinger", "Łukasz" -> "Lukasz" (al-folio's `remove_accents`)."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text.translate(_EXTRA_LETTERS))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=16384)
def name_key(text: str) -> str:
    """Lenient name comparison: case, dots and spaces do not matter ("Yuki M." == "yuki m")."""
    return re.sub(r"[.\s]+", "", unicodedata.normalize("NFC", text)).casefold()


def coauthor_key(last: str) -> str:
    """The `_data/coauthors.yml` key for a last name: lower-case, accents removed."""
    return remove_accents(last).strip().lower()
