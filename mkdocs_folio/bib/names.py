"""How al-folio compares names: the site owner and co-authors are recognised in author lists
whatever the case, dots, spaces or accents ("Yuki M." is "yuki m", `_data/coauthors.yml`'s
`schrodinger` is "Schrödinger").
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["coauthor_key", "name_key", "remove_accents"]


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
