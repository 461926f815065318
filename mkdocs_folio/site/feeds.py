"""RSS and Atom feeds named by `external_sources: [{name, rss_url}]`, fetched as al-folio does.

al-folio's `external-posts` plugin fetches each `rss_url` at build time and makes one post per
entry: its title, its link (the post redirects there), its publication date, its summary as
the post's `description` and its content as `feed_content` (what the blog's reading time
counts). This module does the same with the standard library only, and makes it safe to
build with:

- a short timeout and a size limit (`fetch`); only `http` and `https` addresses;
- no DTD: a feed that declares entities (the way to the "billion laughs" and to external
  entities) is refused, as defusedxml refuses it (`parse_feed`);
- the last good copy of every feed is kept on disk (`FeedStore`), so a build without the
  network, or with the feed down, lists what the last good fetch listed;
- within one process a feed is fetched at most once per `ttl` seconds (`mkdocs serve`
  rebuilds do not hit the network on every save).

Nothing here raises on a bad feed: `FeedStore.read` returns what it could and why not.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
import time
import urllib.error
import urllib.request
import xml.parsers.expat as expat
from dataclasses import dataclass, field
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import Element, TreeBuilder

from mkdocs_folio.site.textfile import write_whole

__all__ = [
    "FeedError",
    "FeedItem",
    "FeedRead",
    "FeedStore",
    "escape_text",
    "fetch",
    "parse_feed",
    "plain_text",
    "safe_url",
]

DEFAULT_TIMEOUT = 5.0
MAX_BYTES = 5 * 1024 * 1024
"""A feed larger than this is not read (a few hundred posts with their content is < 1 MB)."""
DEFAULT_TTL = 600.0
USER_AGENT = "mkdocs-folio (external_sources)"


class FeedError(Exception):
    """Why a feed could not be fetched or read, in words for the build's warning."""


@dataclass(frozen=True)
class FeedItem:
    """One entry of a feed, as al-folio's plugin reads it (Feedjira's entry)."""

    title: str
    url: str
    content: str = ""
    summary: str = ""
    published: datetime | None = None


# --- Fetching -----------------------------------------------------------------------------------


def fetch(url: str, *, timeout: float = DEFAULT_TIMEOUT, max_bytes: int = MAX_BYTES) -> bytes:
    """The body of `url`, or FeedError (timeout, HTTP error, too large, not http)."""
    if not re.match(r"^https?://", url, re.I):
        raise FeedError("only http:// and https:// feeds are fetched")
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            length = response.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                raise FeedError(f"the feed is larger than {max_bytes // (1024 * 1024)} MB")
            data = response.read(max_bytes + 1)
    except FeedError:
        raise
    except urllib.error.HTTPError as exc:
        raise FeedError(f"the server answered HTTP {exc.code}") from None
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, TimeoutError) or "timed out" in str(reason):
            raise FeedError(f"no answer within {timeout:g} s") from None
        raise FeedError(f"could not connect ({reason})") from None
    except TimeoutError:
        raise FeedError(f"no answer within {timeout:g} s") from None
    except (OSError, ValueError) as exc:
        raise FeedError(f"could not fetch it ({exc})") from None
    if len(data) > max_bytes:
        raise FeedError(f"the feed is larger than {max_bytes // (1024 * 1024)} MB")
    return data


# --- Reading ------------------------------------------------------------------------------------


def _xml_tree(data: bytes) -> Element:
    """The document's root element; FeedError for bad XML or any entity declaration."""
    builder = TreeBuilder()
    parser = expat.ParserCreate(namespace_separator="}")
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.buffer_text = True

    def forbidden(*_args: Any) -> None:
        raise FeedError("the feed declares entities in a DTD, which is not read (unsafe)")

    def name(raw: str) -> str:
        return "{" + raw if "}" in raw else raw

    parser.EntityDeclHandler = forbidden
    parser.UnparsedEntityDeclHandler = forbidden
    parser.ExternalEntityRefHandler = forbidden
    parser.StartElementHandler = lambda tag, attrs: builder.start(
        name(tag), {name(k): v for k, v in attrs.items()}
    )
    parser.EndElementHandler = lambda tag: builder.end(name(tag))
    parser.CharacterDataHandler = builder.data
    try:
        parser.Parse(data, True)
    except expat.ExpatError as exc:
        raise FeedError(f"the feed is not well-formed XML ({exc})") from None
    return builder.close()


ATOM = "{http://www.w3.org/2005/Atom}"
CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"
RDF_ITEM = "{http://purl.org/rss/1.0/}item"


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _child_text(element: Element, *names: str) -> str:
    """The text of the first child named (local name or `{ns}name`) one of `names`."""
    for wanted in names:
        exact = [child for child in element if child.tag == wanted]
        local = [child for child in element if "}" not in wanted and _local(child.tag) == wanted]
        for child in exact or local:
            return "".join(child.itertext()).strip()
    return ""


def _date(text: str) -> datetime | None:
    text = text.strip()
    if not text:
        return None
    try:
        value = parsedate_to_datetime(text)  # RSS: RFC 822
    except (TypeError, ValueError, IndexError):
        try:
            value = datetime.fromisoformat(text.replace("Z", "+00:00"))  # Atom: RFC 3339
        except ValueError:
            return None
    return value if value.tzinfo else value.replace(tzinfo=timezone.utc)


def parse_feed(data: bytes) -> list[FeedItem]:
    """The entries of an RSS 2.0, RSS 1.0 (RDF) or Atom feed, in the feed's order."""
    root = _xml_tree(data)
    items: list[FeedItem] = []
    if root.tag == f"{ATOM}feed":
        for entry in root.iter(f"{ATOM}entry"):
            url = ""
            for link in entry.iter(f"{ATOM}link"):
                if link.get("rel", "alternate") == "alternate" and link.get("href"):
                    url = link.get("href", "")
                    break
            items.append(
                FeedItem(
                    title=_child_text(entry, f"{ATOM}title"),
                    url=url.strip(),
                    content=_child_text(entry, f"{ATOM}content"),
                    summary=_child_text(entry, f"{ATOM}summary"),
                    published=_date(
                        _child_text(entry, f"{ATOM}published")
                        or _child_text(entry, f"{ATOM}updated")
                    ),
                )
            )
        return items
    if _local(root.tag) not in ("rss", "RDF"):
        raise FeedError(
            f"this is not an RSS or Atom feed (its root element is <{_local(root.tag)}>)"
        )
    for item in [*root.iter("item"), *root.iter(RDF_ITEM)]:
        items.append(
            FeedItem(
                title=_child_text(item, "title"),
                url=_child_text(item, "link") or _child_text(item, "guid"),
                content=_child_text(item, CONTENT),
                summary=_child_text(item, "description"),
                published=_date(_child_text(item, "pubDate") or _child_text(item, "date")),
            )
        )
    return items


# --- Making text safe ---------------------------------------------------------------------------

_TAGS = re.compile(r"<!--.*?-->|<[^>]*>", re.S)
_SPACE = re.compile(r"\s+")


def plain_text(markup: str) -> str:
    """Text of a feed's HTML (titles, summaries): tags dropped, entities decoded, spaces
    folded. Run twice, so HTML escaped into the feed (`&lt;p&gt;`) goes too."""
    text = markup
    for _ in range(2):
        text = html.unescape(_TAGS.sub(" ", text))
    return _SPACE.sub(" ", text).strip()


def escape_text(text: str) -> str:
    """`text` for a place that prints it as HTML (al-folio's Liquid prints `post.title`)."""
    return html.escape(text, quote=True)


def safe_url(url: str) -> str:
    """An entry's link for an `href`: http(s) only, with quotes, brackets and spaces encoded;
    empty when it is anything else (a `javascript:` link)."""
    url = url.strip()
    if not re.match(r"^https?://", url, re.I):
        return ""
    return re.sub(r"[\"'<>`\s\\]", lambda m: f"%{ord(m.group()):02X}", url)


# --- The last good copy -------------------------------------------------------------------------


@dataclass
class FeedRead:
    """What a build gets for one feed: its entries and, when they are not fresh, why."""

    items: list[FeedItem] = field(default_factory=list)
    error: str = ""
    """Why this build could not fetch or read the feed ('' when it did, or did not try)."""
    saved_at: str = ""
    """When the copy in use was fetched (ISO date), when it is the last good copy."""
    digest: str = ""
    """The fingerprint of the feed's bytes in use (what the blog's pages are keyed on)."""


_memo: dict[str, tuple[float, bytes | None, str]] = {}
"""url -> (when fetched, body or None, error): one fetch per feed per `ttl` per process."""


def forget_fetches() -> None:
    """Forget this process's fetches (tests; a new session)."""
    _memo.clear()


class FeedStore:
    """Feeds fetched at most once per `ttl` seconds, with the last good copy kept in `folder`
    (`<cache_dir>/feeds/`), used when the feed cannot be fetched or read."""

    def __init__(
        self,
        folder: Path | None,
        *,
        offline: bool = False,
        timeout: float = DEFAULT_TIMEOUT,
        ttl: float = DEFAULT_TTL,
        max_bytes: int = MAX_BYTES,
    ) -> None:
        self.folder = folder
        self.offline = offline
        self.timeout = timeout
        self.ttl = ttl
        self.max_bytes = max_bytes

    def _paths(self, url: str) -> tuple[Path, Path] | None:
        if self.folder is None:
            return None
        stem = hashlib.sha256(url.encode("utf-8")).hexdigest()[:32]
        return self.folder / f"{stem}.xml", self.folder / f"{stem}.json"

    def _saved(self, url: str) -> tuple[bytes, str] | None:
        paths = self._paths(url)
        if paths is None:
            return None
        try:
            data = paths[0].read_bytes()
            about = json.loads(paths[1].read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return data, str(about.get("fetched", "")) if isinstance(about, dict) else ""

    def _save(self, url: str, data: bytes) -> None:
        paths = self._paths(url)
        if paths is None:
            return
        try:
            paths[0].parent.mkdir(parents=True, exist_ok=True)
            if not (paths[0].is_file() and paths[0].read_bytes() == data):
                write_whole(paths[0], data)
            fetched = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
            paths[1].write_text(json.dumps({"url": url, "fetched": fetched}), encoding="utf-8")
        except OSError:
            pass  # the copy is a convenience: a read-only folder still builds

    def _fetch(self, url: str) -> tuple[bytes | None, str, bool]:
        """The body or the error, and whether it was fetched just now (not remembered)."""
        now = time.monotonic()
        known = _memo.get(url)
        if known is not None and now - known[0] < self.ttl:
            return known[1], known[2], False
        try:
            data: bytes | None = fetch(url, timeout=self.timeout, max_bytes=self.max_bytes)
            error = ""
        except FeedError as exc:
            data, error = None, str(exc)
        _memo[url] = (now, data, error)
        return data, error, True

    def read(self, url: str) -> FeedRead:
        """The feed's entries: fetched (or from this process's fetch), else the last good copy."""
        error = ""
        if not self.offline:
            data, error, fresh = self._fetch(url)
            if data is not None:
                try:
                    items = parse_feed(data)
                except FeedError as exc:
                    error = str(exc)
                else:
                    if fresh:
                        self._save(url, data)
                    return FeedRead(items=items, digest=hashlib.sha256(data).hexdigest())
        saved = self._saved(url)
        if saved is not None:
            data, fetched = saved
            try:
                items = parse_feed(data)
            except FeedError:
                items = []
            else:
                return FeedRead(
                    items=items,
                    error=error,
                    saved_at=fetched,
                    digest=hashlib.sha256(data).hexdigest(),
                )
        if self.offline:
            return FeedRead(error="the build is offline and no copy of it is saved")
        return FeedRead(error=error or "no copy of it has been saved yet")
