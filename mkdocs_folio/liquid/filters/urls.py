"""Jekyll's URL and escaping filters: `relative_url`, `absolute_url`, `strip_index`,
`xml_escape`, `cgi_escape`, `uri_escape`.

`relative_url` and `absolute_url` normalise the result as Jekyll does through Addressable
(spaces and non-ASCII percent-encoded, host lower-cased, dot segments removed), so links
come out byte for byte as Jekyll writes them.
"""

from __future__ import annotations

import functools
import html
import re
import unicodedata
from collections.abc import Mapping
from typing import Any
from urllib.parse import quote, quote_plus, unquote_to_bytes, urlsplit, urlunsplit

from mkdocs_folio.liquid.filters.ruby import is_undefined, plain, ruby_str

__all__ = ["absolute_url", "cgi_escape", "relative_url", "strip_index", "uri_escape", "xml_escape"]


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


@functools.lru_cache(maxsize=16384)
def _normalize_url(url: str) -> str:
    """Addressable's `normalize`: percent-encode, lower-case the host, tidy the path.

    Remembered: a blog index page normalises the same few dozen addresses as every other."""
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
    if isinstance(value, Mapping) and not is_undefined(value):
        return value.get("url")
    return value


def relative_url(value: Any, baseurl: Any) -> str | None:
    """Jekyll's `relative_url`: `baseurl` + the path, each given a leading slash.

    Absolute URLs (with a scheme) come back unchanged; the result is normalised as Jekyll
    does (spaces and non-ASCII characters percent-encoded).
    """
    value = plain(_url_of(plain(value)))
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
    value = plain(_url_of(plain(value)))
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
    value = plain(value)
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
