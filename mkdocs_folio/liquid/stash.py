"""Keep finished HTML away from Markdown, and put it back afterwards.

Liquid runs before Markdown. A tag that outputs a bibliography, a figure or a table produces
finished HTML that Markdown must not touch: indentation would turn it into a code block, and
underscores or asterisks in URLs would become emphasis. The tag stores its HTML here and
writes a placeholder token instead; after Markdown, `restore` swaps every token back.

Tokens are made of ASCII letters and digits only (`FOLIOSTASHa1b2c3X0X`), which no Markdown
rule rewrites. A block token that Markdown wrapped in its own paragraph (`<p>TOKEN</p>`) is
replaced together with the paragraph; any other occurrence (in a list item, inside raw HTML,
mid-sentence) is replaced in place.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass, field

__all__ = ["TOKEN_PATTERN", "Stash", "find_tokens"]

TOKEN_PATTERN = re.compile(r"FOLIOSTASH([0-9a-f]{6})X(\d+)X")
# A token alone in a paragraph, or anywhere: one pattern for every stash (compiled once),
# the key is compared in `restore`.
_RESTORE_PATTERN = re.compile(
    r"<p>\s*(FOLIOSTASH([0-9a-f]{6})X(\d+)X)\s*</p>|FOLIOSTASH([0-9a-f]{6})X(\d+)X"
)


def find_tokens(text: str) -> list[str]:
    """Every stash token left in `text`, from any stash: non-empty means HTML went missing."""
    return [match.group(0) for match in TOKEN_PATTERN.finditer(text)]


@dataclass
class Stash:
    """Finished HTML fragments of one page, each behind a unique placeholder token."""

    key: str = field(default_factory=lambda: secrets.token_hex(3))
    _items: list[tuple[str, bool]] = field(default_factory=list, repr=False)

    def put(self, html: str, block: bool = True) -> str:
        """Store `html` and return the token to write in its place.

        `block=True` for block-level HTML (div, figure, table, ol): when the token ends up
        alone in a paragraph, the paragraph is dropped with it on restore.
        """
        token = f"FOLIOSTASH{self.key}X{len(self._items)}X"
        self._items.append((html, block))
        return token

    def items(self) -> list[tuple[str, bool]]:
        """The stored fragments and whether each is a block, in order."""
        return list(self._items)

    def get(self, token: str) -> str | None:
        """The HTML stored behind `token`, or None when it is not one of this stash's."""
        match = TOKEN_PATTERN.fullmatch(token)
        if match is None or match.group(1) != self.key:
            return None
        index = int(match.group(2))
        return self._items[index][0] if index < len(self._items) else None

    def restore(self, html: str) -> str:
        """Replace this stash's tokens in the HTML that Markdown produced.

        Stored fragments may themselves contain tokens (a `details` block around a figure),
        so replacement repeats until none of this stash's tokens remain.
        """
        if not self._items or f"FOLIOSTASH{self.key}X" not in html:
            return html
        key = self.key

        def swap(match: re.Match[str]) -> str:
            if (match.group(2) or match.group(4)) != key:
                return match.group(0)  # another stash's token
            index = int(match.group(3) or match.group(5))
            if index >= len(self._items):
                return match.group(0)
            stored, block = self._items[index]
            if match.group(1) is not None and not block:
                # An inline fragment alone in a paragraph keeps its paragraph.
                return f"<p>{stored}</p>"
            return stored

        for _ in range(len(self._items) + 1):
            restored = _RESTORE_PATTERN.sub(swap, html)
            if restored == html:
                break
            html = restored
        return html

    def unrestored(self, html: str) -> list[str]:
        """Tokens of this stash still present in `html` (after `restore`, a bug to report)."""
        return [token for token in find_tokens(html) if token[10:16] == self.key]

    def __len__(self) -> int:
        return len(self._items)

    def __bool__(self) -> bool:
        return bool(self._items)
