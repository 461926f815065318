"""Jekyll's string filters: `slugify`, `remove_accents` (transliterate), `number_of_words`,
`normalize_whitespace`, `jsonify` and `smartify` (kramdown's SmartyPants).
"""

from __future__ import annotations

import functools
import html
import json
import math
import re
import unicodedata
from collections.abc import Mapping
from typing import Any

from mkdocs_folio.liquid.filters.ruby import plain, ruby_str

__all__ = [
    "jsonify",
    "normalize_whitespace",
    "number_of_words",
    "slugify",
    "smartify",
    "transliterate",
]


# I18n.transliterate's approximations for the Latin letters that do not decompose.
_LATIN_SPECIALS = {
    "Æ": "AE",
    "Ð": "D",
    "Ø": "O",
    "Þ": "Th",
    "ß": "ss",
    "æ": "ae",
    "ð": "d",
    "ø": "o",
    "þ": "th",
    "Đ": "D",
    "đ": "d",
    "Ħ": "H",
    "ħ": "h",
    "ı": "i",
    "Ĳ": "IJ",
    "ĳ": "ij",
    "ĸ": "k",
    "Ŀ": "L",
    "ŀ": "l",
    "Ł": "L",
    "ł": "l",
    "ŉ": "'n",
    "Ŋ": "NG",
    "ŋ": "ng",
    "Œ": "OE",
    "œ": "oe",
    "Ŧ": "T",
    "ŧ": "t",
    "×": "x",
}


@functools.lru_cache(maxsize=4096)
def _transliterate_char(char: str) -> str:
    if char in _LATIN_SPECIALS:
        return _LATIN_SPECIALS[char]
    if 0xC0 <= ord(char) <= 0x17F:
        ascii_part = "".join(
            c for c in unicodedata.normalize("NFKD", char) if c.isascii() and c.isprintable()
        )
        if ascii_part:
            return ascii_part
    return "?"


def transliterate(value: Any) -> str:
    """Ruby I18n's `transliterate` (al-folio's `remove_accents`): `Nürnberg` -> `Nurnberg`.

    Accented Latin letters lose their accents; any other non-ASCII character becomes `?`.
    """
    text = ruby_str(value)
    if text.isascii():
        return text
    return "".join(c if c.isascii() else _transliterate_char(c) for c in text)


_SLUG_MODES = ("raw", "default", "pretty", "ascii", "latin")
_PRETTY_KEEP = frozenset("._~!$&'()+,;=@")


def _keeps(char: str, mode: str) -> bool:
    if mode == "ascii":
        return char.isascii() and char.isalnum()
    category = unicodedata.category(char)
    if category[0] in "LM" or category == "Nd":
        return True
    return mode == "pretty" and char in _PRETTY_KEEP


def slugify(value: Any, mode: Any = None) -> str | None:
    """Jekyll's `slugify` with its modes `default`, `raw`, `pretty`, `ascii`, `latin`, `none`.

    `"The _config.yml file"` -> `the-config-yml-file` (default), `the-_config.yml-file`
    (pretty). An unknown mode (`none`) only lower-cases.
    """
    value = plain(value)
    if value is None:
        return None
    text = ruby_str(value)
    mode = "default" if plain(mode) is None else ruby_str(mode)
    if mode not in _SLUG_MODES:
        return text.lower()
    if mode == "latin":
        text = transliterate(text)
    if mode == "raw":
        slug = re.sub(r"\s+", "-", text)
    else:
        effective = "default" if mode == "latin" else mode
        out: list[str] = []
        for char in text:
            if _keeps(char, effective):
                out.append(char)
            elif not out or out[-1] != "-":
                # A run of other characters becomes one hyphen (kept characters never are).
                out.append("-")
        slug = "".join(out)
    slug = re.sub(r"^-|-$", "", slug, flags=re.M)
    return slug.lower()


def normalize_whitespace(value: Any) -> str:
    return re.sub(r"\s+", " ", ruby_str(value)).strip()


_CJK = (
    r"\u1100-\u11ff\u2e80-\u2fdf\u3005\u3007\u3021-\u3029\u3038-\u303b\u3041-\u309f"
    r"\u30a0-\u30ff\u3130-\u318f\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\ua960-\ua97f"
    r"\uac00-\ud7af\ud7b0-\ud7ff\uf900-\ufaff\uff66-\uff9f\uffa0-\uffdc"
    r"\U00020000-\U0003ffff"
)
_CJK_CHAR = re.compile(f"[{_CJK}]")
_NON_CJK_WORD = re.compile(rf"[^{_CJK}\s]+")


def number_of_words(value: Any, mode: Any = None) -> int:
    """Words separated by whitespace; `"cjk"` and `"auto"` count CJK characters as words."""
    text = ruby_str(value)
    mode = ruby_str(mode)
    if mode == "cjk":
        return len(_CJK_CHAR.findall(text)) + len(_NON_CJK_WORD.findall(text))
    if mode == "auto":
        cjk = len(_CJK_CHAR.findall(text))
        return len(text.split()) if cjk == 0 else cjk + len(_NON_CJK_WORD.findall(text))
    return len(text.split())


def _jsonable(value: Any) -> Any:
    value = plain(value)
    if value is None or isinstance(value, (str, bool, int)):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, Mapping):
        return {ruby_str(key): _jsonable(item) for key, item in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [_jsonable(item) for item in value]
    return ruby_str(value)


def jsonify(value: Any) -> str:
    """Compact JSON, non-ASCII kept, dates as Ruby prints them (Ruby's `to_json`)."""
    return json.dumps(_jsonable(value), ensure_ascii=False, separators=(",", ":"))


# SmartyPants as kramdown does it, for the `smartify` filter.
_HTML_TAG = re.compile(r"<!--.*?-->|<[A-Za-z/!?][^<>]*>", re.S)
_SQ_PUNCT = set("!\"#$%'()*+,-./:;<=>?@[\\]^_`{|}~")
_SQ_NOT_CLOSE = set(" \\\t\r\n[{(-")
_ESCAPABLE = set("\\.*_+`<>()[]{}#!:|\"'$=-")
_ENTITY = re.compile(r"&(#\d+|#[xX][0-9a-fA-F]+|\w+);")
_TYPOGRAPHIC = (("---", "\u2014"), ("--", "\u2013"), ("...", "\u2026"), ("<<", "«"), (">>", "»"))
_QUOTE = {
    ("open", '"'): "\u201c",
    ("close", '"'): "\u201d",
    ("open", "'"): "\u2018",
    ("close", "'"): "\u2019",
}


def _is_word(char: str) -> bool:
    return bool(char) and (char.isalnum() or char == "_")


def _quote_kind(text: str, index: int) -> str:
    """Opening or closing quote at `index`, following kramdown's smart-quote rules."""
    previous = text[index - 1] if index > 0 else ""
    after = text[index + 1 :]
    if not previous:
        if re.match(r"[_*]{1,2}\S", after):
            return "open"
        if after[:1] in _SQ_PUNCT and after[1:3] != ".." and not _is_word(after[1:2]):
            return "close"
    if previous.isspace() or not previous:
        if re.match(r"\d\ds", after) and text[index] == "'":
            return "close"
        if previous and _is_word(after[:1]):
            return "open"
    if previous and previous not in _SQ_NOT_CLOSE:
        return "close"
    if not previous and (not after or after[0].isspace() or re.match(r"s\b", after)):
        return "close"
    return "open"


def _smart_entity(text: str, index: int, end: int) -> tuple[str, int]:
    """An entity becomes its character, except `&lt; &gt; &amp;` which must stay escaped."""
    match = _ENTITY.match(text, index, end)
    if not match:
        return "&amp;", index + 1
    entity = match.group(0)
    decoded = html.unescape(entity)
    if decoded == entity:
        return "&amp;" + entity[1:], match.end()
    if decoded in ("<", ">", "&"):
        return entity, match.end()
    return decoded, match.end()


def _smart_text(text: str, start: int, end: int) -> str:
    out: list[str] = []
    index = start
    while index < end:
        char = text[index]
        if char == "\\" and index + 1 < end and text[index + 1] in _ESCAPABLE:
            out.append(html.escape(text[index + 1], quote=False))
            index += 2
            continue
        if char == "&":
            piece, index = _smart_entity(text, index, end)
            out.append(piece)
            continue
        symbol = next((s for s in _TYPOGRAPHIC if text.startswith(s[0], index)), None)
        if symbol is not None and index + len(symbol[0]) <= end:
            out.append(symbol[1])
            index += len(symbol[0])
            continue
        if char in "\"'":
            previous = text[index - 1] if index > 0 else ""
            second = text[index + 1] if index + 1 < end else ""
            if (
                second in ('"', "'")
                and second != char
                and (not previous or previous.isspace())
                and _is_word(text[index + 2 : index + 3])
            ):
                # "'Quoted' words": two opening quotes in a row.
                out.append(_QUOTE[("open", char)] + _QUOTE[("open", second)])
                index += 2
                continue
            out.append(_QUOTE[(_quote_kind(text, index), char)])
        elif char == "<":
            out.append("&lt;")
        elif char == ">":
            out.append("&gt;")
        else:
            out.append(char)
        index += 1
    return "".join(out)


def smartify(value: Any) -> str:
    """Curly quotes, dashes and ellipses, as Jekyll's `smartify` (kramdown's SmartyPants).

    HTML tags pass through untouched; `<`, `>` and `&` in the text are escaped; entities
    such as `&rsquo;` become characters.
    """
    text = ruby_str(value)
    out: list[str] = []
    position = 0
    for match in _HTML_TAG.finditer(text):
        out.append(_smart_text(text, position, match.start()))
        out.append(match.group(0))
        position = match.end()
    out.append(_smart_text(text, position, len(text)))
    return "".join(out)
