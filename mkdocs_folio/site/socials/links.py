"""One `SocialLink` from one `_data/socials.yml` entry: a built-in network's value (or its
`{value, logo, title}` form), or a custom social `{logo, title, url}`. A value that cannot
become a link is a problem naming the file and line, and the link is left out (or drawn with
a generic icon), never an exception.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mkdocs_folio.problems import Problems
from mkdocs_folio.site.socials.icons import LINK_ICON, icon_from_class
from mkdocs_folio.site.socials.networks import (
    KIND_ACADEMIA,
    KIND_BLUESKY,
    KIND_EMAIL,
    KIND_FEED,
    KIND_MASTODON,
    KIND_PATH,
    KIND_PHONE,
    KIND_QR,
    KIND_URL,
    Network,
)
from mkdocs_folio.site.socials.urls import (
    SCHEME,
    bluesky_url,
    email_url,
    id_url,
    mastodon_url,
    obfuscate,
    plain_url,
    quote_url,
    site_path,
)

__all__ = ["LinkContext", "SocialLink", "builtin_link", "custom_link", "describe_value", "is_empty"]


@dataclass(frozen=True)
class SocialLink:
    """One link as the template prints it.

    `href` is `url` made safe for a double-quoted HTML attribute (for email: every character as
    a numeric character reference, so naive address harvesters find no `@` or `mailto:`). The
    template prints `href` as is and never builds URLs itself. Exactly one of `icon` (an SVG
    name under `.icons/`, without `.svg`) and `image` (an image URL) is set.
    """

    key: str
    title: str
    url: str
    href: str
    icon: str | None = None
    image: str | None = None
    rel: str | None = None
    obfuscated: bool = False


def _as_text(value: Any) -> str | None:
    """A scalar config value as text; None for values that cannot be an id (lists, maps...)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float | str):
        text = str(value).strip()
        return text or None
    return None


def describe_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, Mapping):
        return "a mapping"
    if isinstance(value, list | tuple):
        return "a list"
    return type(value).__name__


def is_empty(value: Any) -> bool:
    """Real configs keep dozens of empty keys (`github_username:`): these are switched off."""
    if value is None or value is False:
        return True
    if isinstance(value, str) and not value.strip():
        return True
    return isinstance(value, Mapping | list | tuple) and not value


def _humanise(key: str) -> str:
    text = key.replace("_", " ").strip()
    return text[:1].upper() + text[1:] if text else "Link"


class LinkContext:
    """What every link needs: site baseurl, page language, the problem sink and the file."""

    def __init__(
        self, baseurl: str, lang: str | None, problems: Problems, path: Path | None
    ) -> None:
        self.baseurl = baseurl
        self.lang = lang
        self.problems = problems
        self.path = path

    def problem(self, message: str, line: int | None, hint: str = "") -> None:
        self.problems.add(message, self.path, line, hint)


def _feed_on(value: Any) -> bool:
    if isinstance(value, str):
        return value.strip().lower() not in {"", "false", "no", "off", "0"}
    return bool(value)


def _builtin_url(
    network: Network, value: Any, ctx: LinkContext, line: int | None
) -> tuple[str | None, bool]:
    """The URL for a built-in network's value; (None, _) when there is nothing to link."""
    kind = network.kind
    if kind == KIND_FEED:
        return (f"{ctx.baseurl}/feed.xml" if _feed_on(value) else None), False
    if kind == KIND_ACADEMIA:
        return _academia_url(value, ctx, line), False
    text = _as_text(value)
    if text is None:
        ctx.problem(
            f"social '{network.key}' should be a single value, not {describe_value(value)}",
            line,
            "write the id, user name or URL as plain text; the link is left out",
        )
        return None, False
    if kind == KIND_EMAIL:
        return email_url(text), True
    if kind == KIND_PATH:
        if ctx.lang:
            text = text.replace("[LANG]", ctx.lang)
        return (
            quote_url(text) if "://" in text else site_path(quote_url(text), ctx.baseurl)
        ), False
    if kind == KIND_QR:
        if "://" in text or text.startswith("/"):
            return site_path(quote_url(text), ctx.baseurl), False
        return site_path("assets/img/" + quote_url(text), ctx.baseurl), False
    if kind == KIND_URL:
        return plain_url(text), False
    if kind == KIND_MASTODON:
        return mastodon_url(text), False
    if kind == KIND_BLUESKY:
        return bluesky_url(text), False
    if kind == KIND_PHONE and not SCHEME.match(text):
        digits = re.sub(r"[^\d]", "", text)
        return (network.url.replace("%s", digits) if digits else None), False
    return id_url(network, text), False


def _academia_url(value: Any, ctx: LinkContext, line: int | None) -> str | None:
    if isinstance(value, str) and SCHEME.match(value.strip()):
        return quote_url(value.strip())
    if isinstance(value, Mapping):
        org = _as_text(value.get("organization"))
        user = _as_text(value.get("username"))
        if org and user:
            org = re.sub(r"\.academia\.edu.*$", "", re.sub(r"^[a-z]+://", "", org))
            return f"https://{quote_url(org.strip('/'))}.academia.edu/{quote_url(user.strip('/'))}"
    ctx.problem(
        "social 'academia_edu' needs both 'organization' and 'username'",
        line,
        "e.g. academia_edu: {organization: princeton, username: AlbertEinstein}",
    )
    return None


def _logo(logo: Any, key: str, ctx: LinkContext, line: int | None) -> tuple[str | None, str | None]:
    """(icon, image) for a user-given logo: an image URL is used as given, an icon class is
    mapped onto an SVG we ship; anything else gets the generic link icon and a problem."""
    text = _as_text(logo)
    if text is None:
        if not is_empty(logo):
            ctx.problem(
                f"logo of social '{key}' should be an image path/URL or an icon class",
                line,
                "a generic link icon is shown",
            )
            return LINK_ICON, None
        return None, None
    if re.search(r"\.(?:png|jpe?g|gif|webp|svg|avif|ico)(?:[?#].*)?$", text, re.IGNORECASE) or (
        text.startswith("data:image/")
    ):
        return None, (quote_url(text) if "://" in text else site_path(quote_url(text), ctx.baseurl))
    icon = icon_from_class(text)
    if icon is None:
        ctx.problem(
            f"icon '{text}' of social '{key}' is not one mkdocs-folio can draw",
            line,
            "use a Font Awesome, Academicons or Simple Icons class, or an image file; "
            "a generic link icon is shown",
        )
        return LINK_ICON, None
    return icon, None


def _make_link(
    key: str,
    title: str,
    url: str,
    *,
    icon: str | None,
    image: str | None,
    rel: str | None = None,
    obfuscated: bool = False,
) -> SocialLink:
    href = obfuscate(url) if obfuscated else html.escape(url, quote=True)
    if icon is None and image is None:
        icon = LINK_ICON
    return SocialLink(
        key=key,
        title=title,
        url=url,
        href=href,
        icon=icon if image is None else None,
        image=image,
        rel=rel,
        obfuscated=obfuscated,
    )


def builtin_link(
    network: Network, value: Any, ctx: LinkContext, line: int | None
) -> SocialLink | None:
    icon: str | None = network.icon
    image: str | None = None
    title = network.title
    if isinstance(value, Mapping) and network.kind != KIND_ACADEMIA:
        # {value, logo[, title]}: a built-in network with the user's own icon.
        if "logo" in value:
            logo_icon, logo_image = _logo(value.get("logo"), network.key, ctx, line)
            if logo_icon or logo_image:
                icon, image = logo_icon, logo_image
        custom_title = _as_text(value.get("title"))
        if custom_title:
            title = custom_title
        inner = value.get("value", value.get(network.key))
        if network.kind == KIND_FEED and inner is None:
            inner = True
        if is_empty(inner):
            if "url" in value and _as_text(value.get("url")):
                inner = value.get("url")
            else:
                ctx.problem(
                    f"social '{network.key}' is a mapping without 'value'",
                    line,
                    f"write {network.key}: {{value: <id>, logo: <icon>}} or a plain value",
                )
                return None
        value = inner
    url, obfuscated = _builtin_url(network, value, ctx, line)
    if not url:
        return None
    return _make_link(
        network.key, title, url, icon=icon, image=image, rel=network.rel, obfuscated=obfuscated
    )


def custom_link(key: str, value: Any, ctx: LinkContext, line: int | None) -> SocialLink | None:
    if not isinstance(value, Mapping):
        ctx.problem(
            f"unknown social network '{key}'",
            line,
            "use a custom social {logo, title, url} or remove it",
        )
        return None
    url = _as_text(value.get("url"))
    if url is None:
        ctx.problem(
            f"custom social '{key}' has no 'url'",
            line,
            "a custom social needs logo, title and url; the link is left out",
        )
        return None
    title = _as_text(value.get("title")) or _humanise(key)
    icon, image = _logo(value.get("logo"), key, ctx, line)
    return _make_link(key, title, plain_url(url), icon=icon, image=image)
