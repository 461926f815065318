"""Heading ids as kramdown's GFM parser makes them (`auto_ids`, Jekyll's default).

kramdown lower-cases the heading's text, drops every character that is not a letter, a
digit, `_`, `-`, a space or a tab, and turns each space or tab into `-`: `Results &
Discussion` is `results--discussion`, `Ünïcödé` stays `ünïcödé`. Python-Markdown's default
slugify folds accents away and merges dashes, so links written against the al-folio site
(`/blog/post/#results--discussion`) would miss. A second heading with the same text gets
`_1` from Python-Markdown where kramdown gives `-1`: that one difference stays (the
suffix is fixed inside Python-Markdown's `toc`).
"""

from __future__ import annotations

import re

__all__ = ["kramdown_slugify"]

_NON_WORD = re.compile(r"[^\w\- \t]")


def kramdown_slugify(value: str, separator: str = "-") -> str:
    return _NON_WORD.sub("", value.lower()).replace(" ", "-").replace("\t", "-")
