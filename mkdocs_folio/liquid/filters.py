"""Jekyll's Liquid filters, with Jekyll's exact outputs.

Page bodies written for Jekyll use its filters (`relative_url`, `date`, `where`, `slugify`,
`jsonify`...) and rely on their small details: `relative_url` adds a missing leading slash,
`where` compares values as Ruby strings (`where: "featured", "true"` matches `featured: true`),
`sort` puts missing values first, `date` prints Ruby's `strftime` directives. These functions
reproduce them so a body renders the same text under mkdocs-folio as under Jekyll.

Values that do not fit (a date that is no date, an unsortable list) raise `FilterError`; the
renderer turns it into a problem at the line of the filter and leaves that output out.
"""

from __future__ import annotations

import functools
import hashlib
import html
import json
import math
import random
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime, timezone, tzinfo
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, quote_plus, unquote_to_bytes, urlsplit, urlunsplit

from liquid.builtin.expressions import BooleanExpression, FilteredExpression, tokenize
from liquid.exceptions import FilterArgumentError, LiquidError
from liquid.stream import TokenStream
from liquid.token import TOKEN_EXPRESSION, Token
from liquid.undefined import Undefined

from mkdocs_folio.liquid.compare import blank_aware
from mkdocs_folio.site.dates import parse_date, strftime

if TYPE_CHECKING:
    from liquid import Environment
    from liquid.context import RenderContext

__all__ = [
    "FilterError",
    "JekyllFilters",
    "absolute_url",
    "array_to_sentence_string",
    "cgi_escape",
    "jsonify",
    "liquid_str",
    "normalize_whitespace",
    "number_of_words",
    "relative_url",
    "ruby_inspect",
    "ruby_str",
    "slugify",
    "smartify",
    "transliterate",
    "uri_escape",
    "xml_escape",
]


class FilterError(FilterArgumentError):
    """A filter received a value it cannot work with."""

    def __init__(self, message: str) -> None:
        super().__init__(message, token=None)


# --- Ruby's ways of turning values into text ------------------------------------------------


def _plain(value: Any) -> Any:
    """`Undefined` (a missing variable) behaves as Ruby's nil in every filter."""
    return None if isinstance(value, Undefined) else value


def _ruby_float(value: float) -> str:
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "Infinity" if value > 0 else "-Infinity"
    text = repr(value)
    if "e" in text:
        mantissa, exponent = text.split("e")
        if "." not in mantissa:
            mantissa += ".0"
        sign = exponent[0] if exponent[0] in "+-" else "+"
        digits = exponent.lstrip("+-").rjust(2, "0")
        return f"{mantissa}e{sign}{digits}"
    return text


def _ruby_time(value: datetime) -> str:
    if value.tzinfo is None:
        value = value.replace(tzinfo=timezone.utc)
    return strftime(value, "%Y-%m-%d %H:%M:%S %z")


def ruby_str(value: Any) -> str:
    """Ruby's `to_s`: how Jekyll compares and groups values (`nil` is "", `true` is "true")."""
    value = _plain(value)
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return _ruby_float(value)
    if isinstance(value, datetime):
        return _ruby_time(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (list, tuple, Mapping)):
        return ruby_inspect(value)
    return str(value)


def liquid_str(value: Any) -> str:
    """What `{{ value }}` prints: arrays joined, hashes inspected, nil empty."""
    value = _plain(value)
    if isinstance(value, str):
        return value
    if isinstance(value, (list, tuple)):
        return "".join(liquid_str(item) for item in value)
    if isinstance(value, range):
        return f"{value.start}..{value.stop - 1}"
    return ruby_str(value)


_RUBY_ESCAPES = {
    "\\": "\\\\",
    '"': '\\"',
    "\n": "\\n",
    "\t": "\\t",
    "\r": "\\r",
    "\f": "\\f",
    "\v": "\\v",
    "\a": "\\a",
    "\b": "\\b",
    "\x1b": "\\e",
}


def _ruby_string_inspect(text: str) -> str:
    out = []
    for index, char in enumerate(text):
        if char in _RUBY_ESCAPES:
            out.append(_RUBY_ESCAPES[char])
        elif char == "#" and text[index + 1 : index + 2] in ("{", "$", "@"):
            out.append("\\#")
        elif unicodedata.category(char) in ("Cc", "Cs", "Co", "Cn"):
            out.append(f"\\u{ord(char):04X}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def ruby_inspect(value: Any) -> str:
    """Ruby's `inspect` (the `inspect` filter, and how Liquid prints a hash)."""
    value = _plain(value)
    if value is None:
        return "nil"
    if isinstance(value, str):
        return _ruby_string_inspect(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return _ruby_float(value)
    if isinstance(value, Mapping):
        pairs = (f"{ruby_inspect(k)}=>{ruby_inspect(v)}" for k, v in value.items())
        return "{" + ", ".join(pairs) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(ruby_inspect(item) for item in value) + "]"
    return ruby_str(value)


# --- URLs ---------------------------------------------------------------------------------

_UNRESERVED = "-._~"
_PATH_SAFE = "/!$&'()*+,;=:@%" + _UNRESERVED
_QUERY_SAFE = _PATH_SAFE + "?"
_LONE_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")
_ESCAPE = re.compile(r"%([0-9A-Fa-f]{2})")
_DEFAULT_PORTS = {"http": "80", "https": "443", "ftp": "21"}


def _is_absolute(url: str) -> bool:
    """Addressable's `absolute?`: the URL has a scheme (`https:`, `mailto:`, `file:`)."""
    try:
        return bool(urlsplit(url).scheme)
    except ValueError:
        return False


def _encode(part: str, safe: str) -> str:
    part = _LONE_PERCENT.sub("%25", part)
    part = quote(part, safe=safe)

    def tidy(match: re.Match[str]) -> str:
        char = chr(int(match.group(1), 16))
        if char.isascii() and (char.isalnum() or char in _UNRESERVED):
            return char
        return "%" + match.group(1).upper()

    return _ESCAPE.sub(tidy, part)


def _remove_dot_segments(path: str) -> str:
    if "." not in path:
        return path
    output: list[str] = []
    segments = path.split("/")
    for index, segment in enumerate(segments):
        last = index == len(segments) - 1
        if segment == ".":
            if last:
                output.append("")
        elif segment == "..":
            if len(output) > 1:
                output.pop()
            if last:
                output.append("")
        else:
            output.append(segment)
    return "/".join(output)


def _normalize_url(url: str) -> str:
    """Addressable's `normalize`: percent-encode, lower-case the host, tidy the path."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return url
    scheme = parts.scheme.lower()
    netloc = parts.netloc
    if parts.hostname is not None:
        host = parts.hostname
        try:
            host = host.encode("idna").decode("ascii")
        except UnicodeError:
            host = host.lower()
        userinfo = netloc.rpartition("@")[0]
        netloc = (userinfo + "@" if userinfo else "") + host
        if port is not None and str(port) != _DEFAULT_PORTS.get(scheme):
            netloc += f":{port}"
    path = parts.path
    if path.startswith("/") or netloc:
        path = _remove_dot_segments(path)
    path = _encode(path, _PATH_SAFE)
    if not path and netloc and scheme in ("http", "https"):
        path = "/"
    query = _encode(parts.query, _QUERY_SAFE)
    fragment = _encode(parts.fragment, _QUERY_SAFE)
    text = urlunsplit((scheme, netloc, path, query, fragment))
    if url.endswith("?") and not query:
        text += "?"
    if url.endswith("#") and not fragment:
        text += "#"
    return text


def _url_of(value: Any) -> Any:
    if isinstance(value, Mapping) and not isinstance(value, Undefined):
        return value.get("url")
    return value


def relative_url(value: Any, baseurl: Any) -> str | None:
    """Jekyll's `relative_url`: `baseurl` + the path, each given a leading slash.

    Absolute URLs (with a scheme) come back unchanged; the result is normalised as Jekyll
    does (spaces and non-ASCII characters percent-encoded).
    """
    value = _plain(_url_of(_plain(value)))
    if value is None:
        return None
    text = ruby_str(value)
    if _is_absolute(text):
        return text
    base = ruby_str(baseurl)
    base = base[:-1] if base.endswith("/") else base
    joined = "".join(
        part if not part or part.startswith("/") else "/" + part for part in (base, text)
    )
    return _normalize_url(joined)


def absolute_url(value: Any, url: Any, baseurl: Any) -> str | None:
    """Jekyll's `absolute_url`: `url` + `relative_url`; unchanged when already absolute."""
    value = _plain(_url_of(_plain(value)))
    if value is None:
        return None
    text = ruby_str(value)
    if _is_absolute(text):
        return text
    site_url = ruby_str(url)
    relative = relative_url(text, baseurl) or ""
    if not site_url:
        return relative
    return _normalize_url(site_url + relative)


def strip_index(value: Any) -> Any:
    value = _plain(value)
    if value is None or value == "":
        return value
    return re.sub(r"/index\.html?$", "/", ruby_str(value))


def xml_escape(value: Any) -> str:
    """Escape `& < > "` (Ruby's `encode(xml: :attr)` without the surrounding quotes)."""
    return html.escape(ruby_str(value), quote=False).replace('"', "&quot;")


def cgi_escape(value: Any) -> str:
    """Ruby's `CGI.escape`: form encoding, spaces become `+`."""
    return quote_plus(ruby_str(value), safe="~")


def uri_escape(value: Any) -> str:
    """Addressable's `normalize_component`: escape what is neither reserved nor unreserved."""
    raw = unquote_to_bytes(ruby_str(value))
    safe = ":/?#[]@!$&'()*+,;=" + _UNRESERVED
    try:
        text = unicodedata.normalize("NFC", raw.decode("utf-8"))
    except UnicodeDecodeError:
        return quote(raw, safe=safe)
    return quote(text, safe=safe)


# --- Text ---------------------------------------------------------------------------------

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
    value = _plain(value)
    if value is None:
        return None
    text = ruby_str(value)
    mode = "default" if _plain(mode) is None else ruby_str(mode)
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


def array_to_sentence_string(value: Any, connector: Any = "and") -> str:
    """`["a", "b", "c"]` -> `a, b, and c`."""
    items = _as_list(value)
    words = [ruby_str(item) for item in items]
    connector = ruby_str(connector)
    if not words:
        return ""
    if len(words) == 1:
        return words[0]
    if len(words) == 2:
        return f"{words[0]} {connector} {words[1]}"
    return f"{', '.join(words[:-1])}, {connector} {words[-1]}"


def _jsonable(value: Any) -> Any:
    value = _plain(value)
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


# --- Arrays -------------------------------------------------------------------------------

_INTEGER_LIKE = re.compile(r"\s*-?\d+\s*")
_FLOAT_LIKE = re.compile(r"\s*-?(?:\d+\.?\d*|\.\d+)\s*")


def _as_list(value: Any) -> list[Any]:
    value = _plain(value)
    if value is None:
        return []
    if isinstance(value, Mapping):
        return list(value.values())
    if isinstance(value, (list, tuple)):
        return list(value)
    if isinstance(value, (str, bytes)):
        return [value]
    if isinstance(value, Iterable):
        return list(value)
    return [value]


def _sort_input(value: Any) -> Any:
    """Jekyll reads numeric strings as numbers when comparing (`"10"` sorts after `"9"`)."""
    text = ruby_str(value)
    if _INTEGER_LIKE.fullmatch(text):
        return int(text)
    if _FLOAT_LIKE.fullmatch(text):
        return float(text)
    return value


def item_property(item: Any, name: Any) -> Any:
    """`item[name]`, following dots (`author.name`); numeric strings read as numbers."""
    item = _plain(item)
    value: Any = item
    for key in ruby_str(name).split("."):
        if isinstance(value, Mapping):
            value = value.get(key)
        elif isinstance(value, (list, tuple)) and key.lstrip("-").isdigit():
            index = int(key)
            value = value[index] if -len(value) <= index < len(value) else None
        else:
            value = None
        value = _plain(value)
        if value is None:
            break
    return _sort_input(value) if value is not None else None


def _ruby_array(value: Any) -> list[Any]:
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        return list(value)
    if isinstance(value, Mapping):
        return [[key, item] for key, item in value.items()]
    return [value]


def _matches(prop: Any, target: Any) -> bool:
    if target is None:
        return prop is None
    wanted = ruby_str(target)
    if isinstance(prop, str):
        return prop == wanted
    return any(ruby_str(item) == wanted for item in _ruby_array(prop))


def where(value: Any, prop: Any = None, target: Any = None) -> Any:
    """Items whose `prop` equals `target`, compared as Ruby strings; list values match any."""
    value, prop, target = _plain(value), _plain(prop), _plain(target)
    if not prop or isinstance(target, (list, tuple, Mapping)):
        return value
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return [item for item in _as_list(value) if _matches(item_property(item, prop), target)]


def find(value: Any, prop: Any = None, target: Any = None) -> Any:
    """The first item `where` would return, or nil."""
    value, prop, target = _plain(value), _plain(prop), _plain(target)
    if not prop or isinstance(target, (list, tuple, Mapping)):
        return value
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    for item in _as_list(value):
        if _matches(item_property(item, prop), target):
            return item
    return None


def _compare(a: Any, b: Any) -> int:
    """Ruby's `a <=> b || a.to_s <=> b.to_s`, with dates compared as instants."""
    if isinstance(a, date) and isinstance(b, date):
        first, second = parse_date(a), parse_date(b)
        if first is not None and second is not None:
            return (first > second) - (first < second)
    if isinstance(a, bool) or isinstance(b, bool):
        a, b = ruby_str(a), ruby_str(b)
    try:
        return (a > b) - (a < b)
    except TypeError:
        a, b = ruby_str(a), ruby_str(b)
        return (a > b) - (a < b)


def sort(value: Any, prop: Any = None, nils: Any = "first") -> list[Any]:
    """Jekyll's `sort`: by value, or by a property with missing values first (or `"last"`)."""
    value, prop = _plain(value), _plain(prop)
    if value is None:
        raise FilterError("cannot sort a null object")
    if isinstance(value, Mapping):
        items: list[Any] = [[key, item] for key, item in value.items()]
    else:
        items = _as_list(value)
    if prop is None:
        return sorted(items, key=functools.cmp_to_key(_compare))
    nils = ruby_str(nils)
    if nils not in ("first", "last"):
        raise FilterError(f"invalid nils order '{nils}': it must be 'first' or 'last'")
    order = -1 if nils == "first" else 1
    keyed = [(item_property(item, prop), item) for item in items]

    def compare(a: tuple[Any, Any], b: tuple[Any, Any]) -> int:
        if a[0] is not None and b[0] is None:
            return -order
        if a[0] is None and b[0] is not None:
            return order
        if a[0] is None:
            return 0
        return _compare(a[0], b[0])

    return [item for _, item in sorted(keyed, key=functools.cmp_to_key(compare))]


def group_by(value: Any, prop: Any) -> Any:
    """`[{"name": "2020", "items": [...], "size": 3}, ...]`, names as Ruby strings."""
    value = _plain(value)
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    groups: dict[str, list[Any]] = {}
    for item in _as_list(value):
        groups.setdefault(ruby_str(item_property(item, prop)), []).append(item)
    return [{"name": name, "items": items, "size": len(items)} for name, items in groups.items()]


def sample(value: Any, count: Any = 1) -> Any:
    """Random items, but the same ones on every build (the seed is the list's content)."""
    value = _plain(value)
    if not isinstance(value, (list, tuple)):
        return value
    try:
        number = int(ruby_str(count) or 1)
    except ValueError:
        number = 1
    seed = hashlib.sha256(ruby_inspect(list(value)).encode("utf-8", "replace")).hexdigest()
    chooser = random.Random(seed)
    if number == 1:
        return chooser.choice(value) if value else None
    return chooser.sample(list(value), max(0, min(number, len(value))))


def _to_integer(value: Any) -> int:
    value = _plain(value)
    if value is True:
        return 1
    if value is False or value is None:
        return 0
    if isinstance(value, (int, float)):
        return int(value)
    match = re.match(r"\s*[-+]?\d+", ruby_str(value))
    return int(match.group(0)) if match else 0


def push(value: Any, item: Any) -> Any:
    return [*value, _plain(item)] if isinstance(value, list) else value


def pop(value: Any, count: Any = 1) -> Any:
    if not isinstance(value, list):
        return value
    number = _to_integer(count)
    return value[: max(0, len(value) - number)] if number > 0 else list(value)


def shift(value: Any, count: Any = 1) -> Any:
    if not isinstance(value, list):
        return value
    number = _to_integer(count)
    return value[number:] if number > 0 else list(value)


def unshift(value: Any, item: Any) -> Any:
    return [_plain(item), *value] if isinstance(value, list) else value


def to_integer(value: Any) -> int:
    return _to_integer(value)


def _flatten(items: Iterable[Any]) -> Iterable[Any]:
    for item in items:
        if isinstance(item, (list, tuple)):
            yield from _flatten(item)
        else:
            yield item


def join(value: Any, separator: Any = " ") -> str:
    """Liquid's `join`, items printed as Ruby prints them (dates, nil, true)."""
    value = _plain(value)
    if isinstance(value, (list, tuple)):
        return ruby_str(separator).join(ruby_str(item) for item in _flatten(value))
    return liquid_str(value)


# --- The filter set of one renderer -------------------------------------------------------


def _ordinal(day: int) -> str:
    if 11 <= day <= 13:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")


def _expression_token(text: str) -> Token:
    return Token(TOKEN_EXPRESSION, text, 0, text)


class JekyllFilters:
    """The Jekyll filters of one site: URLs from its `url`/`baseurl`, dates in its timezone.

    `register(env)` adds them to a python-liquid environment, each wrapped so that any
    exception becomes a Liquid filter error (reported with the filter's line).
    """

    def __init__(
        self,
        site: Mapping[str, Any],
        *,
        markdownify: Callable[[str], str],
        tz: tzinfo | None = None,
        now: Callable[[], datetime] | None = None,
    ) -> None:
        self.site = site
        self._markdownify = markdownify
        self.tz = tz
        self._now = now or (lambda: datetime.now(tz or timezone.utc))
        self._expressions: dict[tuple[str, str], Any] = {}

    # URLs
    def relative_url(self, value: Any) -> str | None:
        return relative_url(value, self.site.get("baseurl"))

    def absolute_url(self, value: Any) -> str | None:
        return absolute_url(value, self.site.get("url"), self.site.get("baseurl"))

    # Markdown
    def markdownify(self, value: Any) -> str:
        return self._markdownify(ruby_str(value))

    # Dates
    def to_date(self, value: Any) -> datetime | None:
        """Liquid's `to_date`: dates, `now`/`today`, unix timestamps, date strings."""
        value = _plain(value)
        default_tz = self.tz or timezone.utc
        if isinstance(value, bool) or value is None:
            return None
        if isinstance(value, int):
            return datetime.fromtimestamp(value, tz=default_tz)
        if isinstance(value, str):
            text = value.strip().lower()
            if not text:
                return None
            if text in ("now", "today"):
                return self._now()
            if text.isdigit():
                try:
                    return datetime.fromtimestamp(int(text), tz=default_tz)
                except (OverflowError, OSError, ValueError):
                    return None
        return parse_date(value, default_tz=default_tz)

    def _time(self, value: Any) -> datetime:
        moment = self.to_date(value)
        if moment is None:
            raise FilterError(f"invalid date: {ruby_inspect(value)} is not a valid datetime")
        return moment.astimezone(self.tz) if self.tz is not None else moment

    def date(self, value: Any, fmt: Any = None) -> Any:
        """Liquid's `date`: Ruby `strftime`; a value that is not a date comes back unchanged."""
        fmt_text = ruby_str(fmt)
        if not fmt_text:
            return value
        moment = self.to_date(value)
        if moment is None:
            return value
        return strftime(moment, fmt_text)

    def _stringify_date(self, value: Any, month: str, kind: Any, style: Any) -> Any:
        if ruby_str(value) == "":
            return value
        moment = self._time(value)
        if ruby_str(kind) == "ordinal":
            day = f"{moment.day}{_ordinal(moment.day)}"
            if ruby_str(style) == "US":
                return strftime(moment, f"{month} {day}, %Y")
            return strftime(moment, f"{day} {month} %Y")
        return strftime(moment, f"%d {month} %Y")

    def date_to_string(self, value: Any, kind: Any = None, style: Any = None) -> Any:
        return self._stringify_date(value, "%b", kind, style)

    def date_to_long_string(self, value: Any, kind: Any = None, style: Any = None) -> Any:
        return self._stringify_date(value, "%B", kind, style)

    def date_to_xmlschema(self, value: Any) -> Any:
        if ruby_str(value) == "":
            return value
        return strftime(self._time(value), "%Y-%m-%dT%H:%M:%S%:z")

    def date_to_rfc822(self, value: Any) -> Any:
        if ruby_str(value) == "":
            return value
        return strftime(self._time(value), "%a, %d %b %Y %H:%M:%S %z")

    # Expressions evaluated per item
    def _parsed(self, env: Environment, kind: str, text: str) -> Any:
        key = (kind, text)
        parsed = self._expressions.get(key)
        if parsed is None:
            stream = TokenStream(tokenize(text, _expression_token(text)))
            if kind == "condition":
                parsed = BooleanExpression.parse(env, stream)
                blank_aware(parsed)
            else:
                parsed = FilteredExpression.parse(env, stream)
            self._expressions[key] = parsed
        return parsed

    def _each_in_scope(
        self, context: RenderContext, value: Any, variable: Any, kind: str, expression: Any
    ) -> Iterable[tuple[Any, Any]]:
        parsed = self._parsed(context.env, kind, ruby_str(expression))
        name = ruby_str(variable)
        for item in _as_list(value):
            with context.extend({name: item}):
                yield item, parsed.evaluate(context)

    def where_exp(self, value: Any, variable: Any, expression: Any, *, context: Any) -> Any:
        value = _plain(value)
        if value is None or isinstance(value, (str, int, float, bool)):
            return value
        return [
            item
            for item, ok in self._each_in_scope(context, value, variable, "condition", expression)
            if ok
        ]

    def find_exp(self, value: Any, variable: Any, expression: Any, *, context: Any) -> Any:
        value = _plain(value)
        if value is None or isinstance(value, (str, int, float, bool)):
            return value
        for item, ok in self._each_in_scope(context, value, variable, "condition", expression):
            if ok:
                return item
        return None

    def group_by_exp(self, value: Any, variable: Any, expression: Any, *, context: Any) -> Any:
        value = _plain(value)
        if value is None or isinstance(value, (str, int, float, bool)):
            return value
        groups: list[tuple[Any, list[Any]]] = []
        index: dict[str, int] = {}
        for item, result in self._each_in_scope(context, value, variable, "value", expression):
            result = _plain(result)
            key = ruby_inspect(result)
            if key not in index:
                index[key] = len(groups)
                groups.append((result, []))
            groups[index[key]][1].append(item)
        return [{"name": name, "items": items, "size": len(items)} for name, items in groups]

    def functions(self) -> dict[str, Callable[..., Any]]:
        """Every filter by its Liquid name."""
        plain: dict[str, Callable[..., Any]] = {
            "relative_url": self.relative_url,
            "absolute_url": self.absolute_url,
            "strip_index": strip_index,
            "markdownify": self.markdownify,
            "smartify": smartify,
            "date": self.date,
            "date_to_string": self.date_to_string,
            "date_to_long_string": self.date_to_long_string,
            "date_to_xmlschema": self.date_to_xmlschema,
            "date_to_rfc822": self.date_to_rfc822,
            "where": where,
            "find": find,
            "group_by": group_by,
            "sort": sort,
            "sample": sample,
            "slugify": slugify,
            "jsonify": jsonify,
            "xml_escape": xml_escape,
            "cgi_escape": cgi_escape,
            "uri_escape": uri_escape,
            "number_of_words": number_of_words,
            "array_to_sentence_string": array_to_sentence_string,
            "normalize_whitespace": normalize_whitespace,
            "inspect": lambda value: xml_escape(ruby_inspect(value)),
            "push": push,
            "pop": pop,
            "shift": shift,
            "unshift": unshift,
            "to_integer": to_integer,
            "join": join,
            "remove_accents": transliterate,
        }
        wrapped = {name: safe_filter(name, func) for name, func in plain.items()}
        for name, func in (
            ("where_exp", self.where_exp),
            ("find_exp", self.find_exp),
            ("group_by_exp", self.group_by_exp),
        ):
            wrapped[name] = safe_filter(name, func, with_context=True)
        return wrapped

    def register(self, env: Environment) -> None:
        for name, func in self.functions().items():
            env.add_filter(name, func)


def safe_filter(
    name: str, func: Callable[..., Any], *, with_context: bool = False
) -> Callable[..., Any]:
    """`func` as a Liquid filter whose failures are Liquid errors, never Python tracebacks."""

    @functools.wraps(func)
    def run(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except LiquidError:
            raise
        except TypeError as exc:
            raise FilterError(f"{name}: wrong arguments ({exc})") from exc
        except RecursionError as exc:
            raise FilterError(f"{name}: value nested too deeply") from exc
        except Exception as exc:
            raise FilterError(f"{name}: {type(exc).__name__}: {exc}") from exc

    if with_context:
        run.with_context = True  # type: ignore[attr-defined]
    return run
