"""A tiny inline Markdown converter for al-folio's Markdown fields (`award`, `additional_info`).

The MkDocs adapter is expected to pass its own Python-Markdown based converter (so the site's
extensions apply); this default keeps the core usable and fast without it. Like Jekyll's
`markdownify`, raw HTML in the text passes through: these fields are HTML by al-folio's
definition. Handles `**bold**`, `__bold__`, `*em*`, `_em_`, `` `code` `` and `[text](url)`.
"""

from __future__ import annotations

import re
from functools import lru_cache
from html import escape

from mkdocs_folio.markup import UNSAFE_URL

__all__ = ["inline_markdown"]

_CODE_RE = re.compile(r"`([^`]+)`")
_LINK_RE = re.compile(r"\[([^\]]+)\]\(\s*([^)\s]+)(?:\s+\"([^\"]*)\")?\s*\)")
_STRONG_RE = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_EM_STAR_RE = re.compile(r"(?<![*\w])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![*\w])")
_EM_UNDERSCORE_RE = re.compile(r"(?<![_\w])_(?=[^\s_])(.+?)(?<=[^\s_])_(?![_\w])")


@lru_cache(maxsize=4096)
def inline_markdown(text: str) -> str:
    """Inline Markdown to HTML; never wraps the result in `<p>`."""
    if not text:
        return ""
    stash: list[str] = []

    def keep(html: str) -> str:
        stash.append(html)
        return f"\x00{len(stash) - 1}\x00"

    text = _CODE_RE.sub(lambda m: keep(f"<code>{escape(m.group(1))}</code>"), text)

    def link(m: re.Match[str]) -> str:
        url = m.group(2)
        if UNSAFE_URL.match(url):
            url = "#"
        title = f' title="{escape(m.group(3))}"' if m.group(3) else ""
        return keep(f'<a href="{escape(url)}"{title}>') + m.group(1) + keep("</a>")

    text = _LINK_RE.sub(link, text)
    text = _STRONG_RE.sub(r"<strong>\2</strong>", text)
    text = _EM_STAR_RE.sub(r"<em>\1</em>", text)
    text = _EM_UNDERSCORE_RE.sub(r"<em>\1</em>", text)
    if stash:
        text = re.sub(r"\x00(\d+)\x00", lambda m: stash[int(m.group(1))], text)
    return text
