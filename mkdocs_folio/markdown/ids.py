"""Heading ids as kramdown's GFM parser makes them (`auto_ids`, Jekyll's default).

kramdown lower-cases the heading's text, drops every character that is not a letter, a
digit, `_`, `-`, a space or a tab, and turns each space or tab into `-`: `Results &
Discussion` is `results--discussion`, `Ünïcödé` stays `ünïcödé`. Python-Markdown's default
slugify folds accents away and merges dashes, so links written against the al-folio site
(`/blog/post/#results--discussion`) would miss. A second heading with the same text is
`notes-1` in kramdown (Python-Markdown's `toc` would make it `notes_1`): the slugify counts
the ids it gave in the page being converted, and `KramdownExtension` starts the count again
at the start of each conversion (`reset_ids`).
"""

from __future__ import annotations

import re

__all__ = ["kramdown_slugify", "reset_ids"]

_NON_WORD = re.compile(r"[^\w\- \t]")
# How many times each id was given in the page being converted (one conversion at a time:
# MkDocs converts pages one after the other, and workers are processes of their own).
_given: dict[str, int] = {}


def reset_ids() -> None:
    _given.clear()


def kramdown_slugify(value: str, separator: str = "-") -> str:
    base = _NON_WORD.sub("", value.lower()).replace(" ", "-").replace("\t", "-")
    count = _given.get(base, -1) + 1
    _given[base] = count
    return f"{base}-{count}" if count else base
