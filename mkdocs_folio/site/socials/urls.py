"""How a social value becomes a URL: an id put into the network's pattern (accepting the
shapes older sites used: a full URL, `github.com/name`, `@handle`, trailing slashes), a
Mastodon or Bluesky handle in any of its forms, a site path with the baseurl, an obfuscated
`mailto:`. Only characters never valid in a URL are percent-encoded.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import quote

from mkdocs_folio.site.socials.networks import Network

__all__ = [
    "SCHEME",
    "bluesky_url",
    "email_url",
    "id_url",
    "link_baseurl",
    "mastodon_url",
    "obfuscate",
    "plain_url",
    "quote_url",
    "site_path",
]


def obfuscate(text: str) -> str:
    """Every character as a decimal character reference: browsers decode it, scrapers that
    grep the HTML for `mailto:` or `@` do not (the same purpose as Jekyll's `encode_email`)."""
    return "".join(f"&#{ord(char)};" for char in text)


def link_baseurl(baseurl: Any) -> str:
    """The baseurl that site paths in links start with: `/path`, or a full URL kept as it is
    (unlike `site.config.normalise_baseurl`, which only knows Jekyll's `/path` form)."""
    if not isinstance(baseurl, str):
        return ""
    base = baseurl.strip().rstrip("/")
    if base and not base.startswith("/") and "://" not in base:
        base = "/" + base
    return base


def site_path(path: str, baseurl: str) -> str:
    """A site-relative path with the baseurl, without doubling slashes or the baseurl itself."""
    if "://" in path or path.startswith(("//", "data:", "mailto:", "#")):
        return path
    path = "/" + path.lstrip("/")
    if baseurl and (path == baseurl or path.startswith(baseurl + "/")):
        return path
    return baseurl + path


# Characters never valid in a URL: whitespace, controls, quotes, angle brackets... Only these
# are percent-encoded, so ids, existing escapes and non-ASCII (IRIs) pass through unchanged.
_UNSAFE = re.compile(r'[\x00-\x20\x7f"<>\\^`{|}]')


def quote_url(text: str) -> str:
    return _UNSAFE.sub(lambda m: quote(m.group(0), safe=""), text)


SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*://", re.IGNORECASE)
_DOMAIN_LIKE = re.compile(r"^[\w-]+(?:\.[\w-]+)+(?:[/:?#]|$)")


def id_url(network: Network, text: str) -> str:
    """Put an id into the network's pattern, accepting the shapes older sites used."""
    if SCHEME.match(text):  # a full URL where an id was expected: the user knows best
        return quote_url(text)
    prefix = network.url.split("%s", 1)[0]
    host = re.sub(r"^[a-z]+://", "", prefix, flags=re.IGNORECASE)
    bare_host = host[4:] if host.startswith("www.") else host
    lowered = text.lower()
    if host and "/" in host and lowered.startswith((host.lower(), bare_host.lower())):
        return "https://" + quote_url(text)  # "github.com/name": the URL without its scheme
    if network.key == "youtube_id" and re.fullmatch(r"UC[\w-]{22}", text):
        return "https://youtube.com/channel/" + text  # a channel id, not a handle
    value = text.strip("/").lstrip("@").strip("/")
    return network.url.replace("%s", quote_url(value))


def plain_url(text: str) -> str:
    if SCHEME.match(text) or text.startswith(("/", "#", "mailto:")):
        return quote_url(text)
    if _DOMAIN_LIKE.match(text):  # "example.org/me": without a scheme a browser treats it
        return "https://" + quote_url(text)  # as a relative path, which is never what was meant
    return quote_url(text)


def mastodon_url(text: str) -> str:
    if SCHEME.match(text):
        return quote_url(text)
    handle = re.fullmatch(r"@?([\w.-]+)@([\w-]+(?:\.[\w-]+)+)", text)
    if handle:  # @user@instance.tld, the form Mastodon itself shows
        return f"https://{handle.group(2)}/@{handle.group(1)}"
    return "https://" + quote_url(text.lstrip("/"))


def bluesky_url(text: str) -> str:
    if SCHEME.match(text):
        return quote_url(text)
    if text.lower().startswith(("bsky.app/", "www.bsky.app/")):
        return "https://" + quote_url(text)
    handle = text.lstrip("@").strip("/")
    return "https://bsky.app/profile/" + quote_url(handle)


def email_url(text: str) -> str:
    address = re.sub(r"^mailto:", "", text, flags=re.IGNORECASE).strip()
    return "mailto:" + address
