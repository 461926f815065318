"""kramdown attribute lists: `{: .class #id key="value" ref }`, parsed into values.

kramdown (Jekyll's Markdown) attaches HTML attributes with an "inline attribute list" (IAL)
written on the line after a block (`{: .block-tip }` under a blockquote), after a span
(`[link](url){:target="_blank"}`), or defines reusable lists with an ALD
(`{:note: .callout}`, then `{: note}`). This module only reads the text between the braces;
`kramdown.py` decides which element receives the attributes.

Reading is forgiving: a token that is not one of the forms above is kept in `invalid`, so the
caller can report it, and the valid ones still apply.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

__all__ = ["Attributes", "format_attributes", "parse_attributes"]

_TOKEN = re.compile(
    r"""
    \s*(?:
        \.(?P<cls>[^\s.#=}"']+)
      | \#(?P<id>[^\s.#=}"']+)
      | (?P<key>[^\s.#="'}][^\s="'}]*)=(?:
            "(?P<dq>(?:\\.|[^"\\])*)"
          | '(?P<sq>(?:\\.|[^'\\])*)'
          | (?P<bare>[^\s"'}]+)
        )
      | (?P<ref>[A-Za-z0-9_][A-Za-z0-9_-]*)
    )(?=\s|$)
    """,
    re.X,
)
# Characters a Markdown author escapes with a backslash (prettier writes `\_blank`).
_ESCAPED = re.compile(r"\\([\\`*_{}\[\]()#+\-.!\"'|<>~=])")


@dataclass
class Attributes:
    """One attribute list: id, classes, other attributes, ALD references, leftovers."""

    id: str | None = None
    classes: list[str] = field(default_factory=list)
    pairs: dict[str, str] = field(default_factory=dict)
    refs: list[str] = field(default_factory=list)
    invalid: list[str] = field(default_factory=list)

    def merge(self, other: Attributes) -> Attributes:
        """`other` applied on top of this list (kramdown: later ids and values win)."""
        classes = list(self.classes)
        for name in other.classes:
            if name not in classes:
                classes.append(name)
        return Attributes(
            id=other.id or self.id,
            classes=classes,
            pairs={**self.pairs, **other.pairs},
            refs=[*self.refs, *other.refs],
            invalid=[*self.invalid, *other.invalid],
        )

    def resolve(self, definitions: dict[str, Attributes]) -> Attributes:
        """References to ALDs replaced by their attributes (unknown names stay in `refs`)."""
        result = Attributes()
        unknown: list[str] = []
        for name in self.refs:
            if name in definitions:
                result = result.merge(definitions[name])
            else:
                unknown.append(name)
        own = Attributes(self.id, self.classes, self.pairs, [], self.invalid)
        result = result.merge(own)
        result.refs = unknown
        return result

    def items(self) -> list[tuple[str, str]]:
        """HTML attributes in a stable order: id, class, then the rest as written."""
        out: list[tuple[str, str]] = []
        if self.id:
            out.append(("id", self.id))
        if self.classes:
            out.append(("class", " ".join(self.classes)))
        for key, value in self.pairs.items():
            if key in ("id", "class"):
                continue
            out.append((key, value))
        return out

    def __bool__(self) -> bool:
        return bool(self.id or self.classes or self.pairs or self.refs)


def _unescape(value: str) -> str:
    return _ESCAPED.sub(r"\1", value)


def parse_attributes(text: str) -> Attributes:
    """The attributes of `text`, the inside of `{: ... }` (without the braces and colon)."""
    result = Attributes()
    position = 0
    text = text.strip()
    while position < len(text):
        if text[position].isspace():
            position += 1
            continue
        match = _TOKEN.match(text, position)
        if match is None or match.end() == position:
            end = position
            while end < len(text) and not text[end].isspace():
                end += 1
            result.invalid.append(text[position:end])
            position = end
            continue
        position = match.end()
        if match.group("cls") is not None:
            name = _unescape(match.group("cls"))
            if name not in result.classes:
                result.classes.append(name)
        elif match.group("id") is not None:
            result.id = _unescape(match.group("id"))
        elif match.group("key") is not None:
            key = match.group("key")
            value = match.group("dq")
            if value is None:
                value = match.group("sq")
            if value is None:
                value = match.group("bare")
            value = _unescape(value)
            if key == "class":
                for name in value.split():
                    if name not in result.classes:
                        result.classes.append(name)
            elif key == "id":
                result.id = value
            else:
                result.pairs[key] = value
        else:
            result.refs.append(match.group("ref"))
    return result


def format_attributes(attributes: Attributes) -> str:
    """The kramdown text of an attribute list (inverse of `parse_attributes`)."""
    parts: list[str] = []
    parts.extend(attributes.refs)
    if attributes.id:
        parts.append("#" + attributes.id)
    parts.extend("." + name for name in attributes.classes)
    for key, value in attributes.pairs.items():
        escaped = value.replace("\\", "\\\\").replace('"', '\\"')
        parts.append(f'{key}="{escaped}"')
    return " ".join(parts)
