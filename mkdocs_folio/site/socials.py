"""Social links: al-folio's networks table, value clean-up and custom socials.

al-folio has stored social links in three ways over the years (keys in `_config.yml`, then
`_data/socials.yml` read by a case statement, then the jekyll-socials gem reading the same file),
and real sites carry values written for any of them: bare ids, full URLs, `@handles`, trailing
slashes, numbers, a Bluesky handle where a URL is now expected. This module turns whichever of
those a site has into one ordered list of `SocialLink`s that a template can print without
thinking: a finished URL (already escaped for an HTML attribute), an accessible title, and either
the name of an SVG icon that ships with Material or with our theme, or an image URL.

Nothing here imports MkDocs. Bad input never raises: it becomes a `Problem` naming file and line,
and the link is skipped (or shown with a generic icon) so the rest of the page still builds.
"""

from __future__ import annotations

import html
import importlib.util
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import quote

from mkdocs_folio.problems import Problems
from mkdocs_folio.site.yamlfile import line_of

__all__ = [
    "CONFIG_ORDER",
    "LINK_ICON",
    "NETWORKS",
    "NETWORKS_BY_KEY",
    "Network",
    "SocialLink",
    "icon_exists",
    "icon_from_class",
    "icon_roots",
    "missing_icons",
    "obfuscate",
    "resolve_socials",
]


# --------------------------------------------------------------------------------------------
# The networks table
# --------------------------------------------------------------------------------------------

# How a network's value becomes a URL. Most networks put an id into a pattern; a few take a URL,
# a path, an address or a mapping, and two (Mastodon, Bluesky) accept handles in several shapes.
KIND_ID = "id"  # value is an id/user name placed at `%s` in the pattern
KIND_URL = "url"  # value is a URL (pattern is just "%s")
KIND_EMAIL = "email"  # mailto:, obfuscated in the page
KIND_FEED = "feed"  # a switch: {baseurl}/feed.xml
KIND_PATH = "path"  # a site path or URL (cv_pdf): baseurl-prefixed unless absolute
KIND_ACADEMIA = "academia"  # mapping {organization, username}
KIND_MASTODON = "mastodon"  # instance.tld/@user, @user@instance.tld or a URL
KIND_BLUESKY = "bluesky"  # a URL, a handle (name.bsky.social, @name.bsky.social) or a DID
KIND_PHONE = "phone"  # a phone number: digits only for wa.me
KIND_QR = "qr"  # an image file in assets/img (WeChat QR code)


@dataclass(frozen=True)
class Network:
    """One built-in network: the data al-folio hard-codes, with Material icon names instead of
    icon-font classes so the page needs no icon font and no CDN."""

    key: str
    title: str
    icon: str
    url: str
    kind: str = KIND_ID
    rel: str | None = None


# Icons: names of SVG files under Material's `templates/.icons/` or our `theme/.icons/`. Where
# Material has no icon (the CV document and Lattes), `folio/*` are simple originals we drew.
NETWORKS: tuple[Network, ...] = (
    Network("academia_edu", "Academia", "simple/academia", "https://%s.academia.edu/%s",
            KIND_ACADEMIA),
    Network("acm_id", "ACM DL", "simple/acm", "https://dl.acm.org/profile/%s/"),
    Network("arxiv_id", "arXiv", "simple/arxiv", "https://arxiv.org/a/%s.html"),
    Network("blogger_url", "Blogger", "fontawesome/brands/blogger-b", "%s", KIND_URL),
    Network("bluesky_url", "Bluesky", "fontawesome/brands/bluesky", "https://bsky.app/profile/%s",
            KIND_BLUESKY),
    Network("cv_pdf", "CV", "folio/cv", "%s", KIND_PATH),
    Network("dblp_url", "DBLP", "simple/dblp", "%s", KIND_URL),
    Network("discord_id", "Discord", "fontawesome/brands/discord", "https://discord.com/users/%s"),
    Network("email", "Email", "fontawesome/solid/envelope", "mailto:%s", KIND_EMAIL),
    Network("facebook_id", "Facebook", "fontawesome/brands/facebook", "https://facebook.com/%s"),
    Network("flickr_id", "Flickr", "fontawesome/brands/flickr", "https://www.flickr.com/%s"),
    Network("github_username", "GitHub", "fontawesome/brands/github", "https://github.com/%s"),
    Network("gitlab_username", "GitLab", "fontawesome/brands/gitlab", "https://gitlab.com/%s"),
    Network("hal_id", "HAL", "simple/hal", "https://cv.hal.science/%s"),
    Network("ieee_id", "IEEE Xplore", "simple/ieee", "https://ieeexplore.ieee.org/author/%s/"),
    Network("inspirehep_id", "Inspire HEP", "simple/inspire", "https://inspirehep.net/authors/%s"),
    Network("instagram_id", "Instagram", "fontawesome/brands/instagram",
            "https://instagram.com/%s"),
    Network("kaggle_id", "Kaggle", "fontawesome/brands/kaggle", "https://www.kaggle.com/%s"),
    Network("keybase_username", "Keybase", "fontawesome/brands/keybase", "https://keybase.io/%s"),
    Network("lastfm_id", "Last FM", "fontawesome/brands/lastfm", "https://www.last.fm/user/%s"),
    Network("lattes_id", "Lattes", "folio/lattes", "http://lattes.cnpq.br/%s"),
    Network("leetcode_id", "LeetCode", "simple/leetcode", "https://leetcode.com/u/%s/"),
    Network("letterboxd_id", "Letterboxd", "fontawesome/brands/square-letterboxd",
            "https://letterboxd.com/%s"),
    Network("linkedin_username", "LinkedIn", "fontawesome/brands/linkedin",
            "https://www.linkedin.com/in/%s"),
    Network("mastodon_username", "Mastodon", "fontawesome/brands/mastodon", "https://%s",
            KIND_MASTODON, rel="me"),
    Network("medium_username", "Medium", "fontawesome/brands/medium", "https://medium.com/@%s"),
    Network("orcid_id", "ORCID", "simple/orcid", "https://orcid.org/%s"),
    Network("osf_id", "Open Science Framework", "simple/osf", "https://osf.io/%s/"),
    Network("pinterest_id", "Pinterest", "fontawesome/brands/pinterest",
            "https://www.pinterest.com/%s"),
    Network("publons_id", "Publons", "simple/publons", "https://publons.com/a/%s/"),
    Network("quora_username", "Quora", "fontawesome/brands/quora",
            "https://www.quora.com/profile/%s"),
    Network("research_gate_profile", "ResearchGate", "simple/researchgate",
            "https://www.researchgate.net/profile/%s/"),
    Network("rss_icon", "RSS Feed", "fontawesome/solid/square-rss", "%s/feed.xml", KIND_FEED),
    Network("scholar_userid", "Google Scholar", "simple/googlescholar",
            "https://scholar.google.com/citations?user=%s"),
    Network("scopus_id", "Scopus", "simple/scopus",
            "https://www.scopus.com/authid/detail.uri?authorId=%s"),
    Network("semanticscholar_id", "Semantic Scholar", "simple/semanticscholar",
            "https://www.semanticscholar.org/author/%s"),
    Network("spotify_id", "Spotify", "fontawesome/brands/spotify",
            "https://open.spotify.com/user/%s"),
    Network("stackoverflow_id", "Stackoverflow", "fontawesome/brands/stack-overflow",
            "https://stackoverflow.com/users/%s"),
    Network("strava_userid", "Strava", "fontawesome/brands/strava",
            "https://www.strava.com/athletes/%s"),
    Network("telegram_username", "Telegram", "fontawesome/brands/telegram",
            "https://telegram.me/%s"),
    Network("unsplash_id", "Unsplash", "fontawesome/brands/unsplash", "https://unsplash.com/@%s"),
    Network("wechat_username", "WeChat", "fontawesome/brands/weixin", "weixin://dl/chat?%s"),
    Network("whatsapp_number", "WhatsApp", "fontawesome/brands/whatsapp", "https://wa.me/%s",
            KIND_PHONE),
    Network("wikidata_id", "Wikidata", "simple/wikidata", "https://www.wikidata.org/wiki/%s"),
    Network("wikipedia_id", "Wikipedia", "fontawesome/brands/wikipedia-w",
            "https://wikipedia.org/wiki/User:%s"),
    Network("work_url", "Work", "fontawesome/solid/briefcase", "%s", KIND_URL),
    Network("x_username", "X", "fontawesome/brands/x-twitter", "https://twitter.com/%s"),
    Network("youtube_id", "YouTube", "fontawesome/brands/youtube", "https://youtube.com/@%s"),
    Network("zotero_username", "Zotero", "simple/zotero", "https://www.zotero.org/%s"),
    # Not in jekyll-socials 0.0.6: the config-era Twitter key, the generation-2 WeChat QR code,
    # and four networks the gem's README advertises without mapping them (a plain value
    # crashes the gem; we give them real links).
    Network("twitter_username", "X", "fontawesome/brands/x-twitter", "https://twitter.com/%s"),
    Network("wechat_qr", "WeChat", "fontawesome/brands/weixin", "%s", KIND_QR),
    Network("reddit_username", "Reddit", "fontawesome/brands/reddit",
            "https://www.reddit.com/user/%s"),
    Network("tiktok_username", "TikTok", "fontawesome/brands/tiktok", "https://www.tiktok.com/@%s"),
    Network("tumblr_username", "Tumblr", "fontawesome/brands/tumblr", "https://www.tumblr.com/%s"),
    Network("twitch_username", "Twitch", "fontawesome/brands/twitch", "https://www.twitch.tv/%s"),
)  # fmt: skip

NETWORKS_BY_KEY: dict[str, Network] = {network.key: network for network in NETWORKS}

# Order of the `_config.yml` era (al-folio's hard-coded `_includes/social.html`, mid-2023, with
# the keys added before socials moved to `_data/socials.yml` in 2024-12).
CONFIG_ORDER: tuple[str, ...] = (
    "email",
    "telegram_username",
    "whatsapp_number",
    "orcid_id",
    "scholar_userid",
    "semanticscholar_id",
    "publons_id",
    "lattes_id",
    "osf_id",
    "research_gate_profile",
    "scopus_id",
    "ieee_id",
    "acm_id",
    "inspirehep_id",
    "github_username",
    "linkedin_username",
    "twitter_username",
    "x_username",
    "mastodon_username",
    "medium_username",
    "quora_username",
    "flickr_id",
    "blogger_url",
    "work_url",
    "wikidata_id",
    "wikipedia_id",
    "strava_userid",
    "keybase_username",
    "gitlab_username",
    "dblp_url",
    "stackoverflow_id",
    "kaggle_id",
    "lastfm_id",
    "spotify_id",
    "pinterest_id",
    "unsplash_id",
    "instagram_id",
    "facebook_id",
    "bluesky_url",
    "youtube_id",
    "discord_id",
    "zotero_username",
    "rss_icon",
    "wechat_qr",
)

# Shown for a custom social whose logo we cannot draw.
LINK_ICON = "fontawesome/solid/link"


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


# --------------------------------------------------------------------------------------------
# Icons
# --------------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def icon_roots() -> tuple[Path, ...]:
    """Folders holding `.icons` trees: our theme's first, then Material's.

    Found without importing MkDocs or Material: `find_spec` on a top-level package only locates it.
    """
    roots: list[Path] = []
    candidates: list[Path] = [Path(__file__).resolve().parents[2] / "theme" / ".icons"]
    try:
        spec = importlib.util.find_spec("mkdocs_folio.theme")
    except (ImportError, ValueError):  # pragma: no cover - depends on how we are installed
        spec = None
    if spec is not None and spec.submodule_search_locations:
        candidates.extend(Path(p) / ".icons" for p in spec.submodule_search_locations)
    try:
        spec = importlib.util.find_spec("material")
    except (ImportError, ValueError):  # pragma: no cover
        spec = None
    if spec is not None and spec.submodule_search_locations:
        candidates.extend(Path(p) / "templates" / ".icons" for p in spec.submodule_search_locations)
    for candidate in candidates:
        if candidate.is_dir() and candidate not in roots:
            roots.append(candidate)
    return tuple(roots)


_ICON_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]*(?:/[a-z0-9][a-z0-9_-]*)+$")


@lru_cache(maxsize=4096)
def icon_exists(name: str) -> bool:
    """True if `.icons/<name>.svg` exists in our theme or in Material."""
    if not _ICON_NAME.match(name):
        return False
    return any((root / f"{name}.svg").is_file() for root in icon_roots())


# Academicons names whose Simple Icons file is not just the name without dashes.
_ACADEMICONS = {
    "google-scholar": "simple/googlescholar",
    "google-scholar-square": "simple/googlescholar",
    "semantic-scholar": "simple/semanticscholar",
    "sematnic-scholar": "simple/semanticscholar",  # al-folio's own 2022 typo
    "acmdl": "simple/acm",
    "acm": "simple/acm",
    "inspire": "simple/inspire",
    "open-access": "simple/openaccess",
    "open-access-square": "simple/openaccess",
    "cv": "folio/cv",
    "cv-square": "folio/cv",
    "lattes": "folio/lattes",
    "lattes-square": "folio/lattes",
}

# Font Awesome 4/5 names that Font Awesome 6+ (what Material ships) renamed.
_FA_RENAMED = {
    "external-link": "arrow-up-right-from-square",
    "external-link-alt": "up-right-from-square",
    "file-alt": "file-lines",
    "globe-americas": "earth-americas",
    "globe-europe": "earth-europe",
    "home": "house",
    "map-marker-alt": "location-dot",
    "mobile-alt": "mobile-screen-button",
    "phone-alt": "phone",
    "stack-overflow": "stack-overflow",
    "twitter-square": "square-twitter",
    "university": "building-columns",
}

_FA_STYLES = {
    "fab": "brands",
    "fa-brands": "brands",
    "fas": "solid",
    "fa-solid": "solid",
    "far": "regular",
    "fa-regular": "regular",
}

_FA_MODIFIER = re.compile(
    r"^fa-(?:\d+x|xs|sm|lg|xl|2xs|2xl|fw|border|spin|pulse|inverse|li|ul|stack|"
    r"stack-1x|stack-2x|pull-left|pull-right|flip|flip-horizontal|flip-vertical|beat|fade|"
    r"bounce|shake|rotate-\d+|classic|sharp|duotone|light|thin)$"
)
_SIZE_MODIFIER = re.compile(r"^(?:ai|si)-(?:\d+x|xs|sm|lg|xl|fw)$")


def _fa_candidates(name: str) -> list[str]:
    names = [name]
    if name in _FA_RENAMED:
        names.append(_FA_RENAMED[name])
    if name.endswith("-square"):  # FA5 "rss-square" is FA6 "square-rss"
        names.append("square-" + name[: -len("-square")])
    if name.endswith("-alt"):
        names.append(name[: -len("-alt")])
    return names


def icon_from_class(spec: str) -> str | None:
    """Map an icon as al-folio users write it onto an SVG name we can inline, or None.

    Accepts Font Awesome classes (`fa-brands fa-x`, `fab fa-x`, `fas fa-rss-square`, `fa fa-x`),
    Academicons (`ai ai-google-scholar`), Scholar Icons (`si si-leetcode`), Material shortcodes
    (`:fontawesome-brands-github:`) and plain icon names (`simple/orcid`). Size and animation
    modifiers (`fa-lg`, `ai-2x`) are ignored.
    """
    text = spec.strip()
    if not text:
        return None
    if "/" in text and " " not in text:
        return text if icon_exists(text) else None
    if text.startswith(":") and text.endswith(":") and len(text) > 2:
        return _icon_from_shortcode(text[1:-1])

    tokens = text.split()
    styles: list[str] = []
    fa_names: list[str] = []
    ai_names: list[str] = []
    si_names: list[str] = []
    for token in tokens:
        token = token.lower()
        if token in _FA_STYLES:
            styles.append(_FA_STYLES[token])
        elif token.startswith("fa-") and not _FA_MODIFIER.match(token):
            fa_names.append(token[3:])
        elif token.startswith("ai-") and not _SIZE_MODIFIER.match(token):
            ai_names.append(token[3:])
        elif token.startswith("si-") and not _SIZE_MODIFIER.match(token):
            si_names.append(token[3:])

    candidates: list[str] = []
    for name in ai_names:
        if name in _ACADEMICONS:
            candidates.append(_ACADEMICONS[name])
        base = name[: -len("-square")] if name.endswith("-square") else name
        candidates.append("simple/" + base.replace("-", ""))
    for name in si_names:
        candidates.append("simple/" + name.replace("-", ""))
    for name in fa_names:
        for style in styles or ["solid", "brands", "regular"]:
            candidates.extend(f"fontawesome/{style}/{n}" for n in _fa_candidates(name))
    for candidate in candidates:
        if icon_exists(candidate):
            return candidate
    return None


def _icon_from_shortcode(code: str) -> str | None:
    # Material's emoji shortcodes: set-[style-]name, e.g. fontawesome-brands-x-twitter.
    parts = code.split("-")
    if parts[0] == "fontawesome" and len(parts) >= 3:
        candidate = f"fontawesome/{parts[1]}/{'-'.join(parts[2:])}"
    elif len(parts) >= 2:
        candidate = f"{parts[0]}/{'-'.join(parts[1:])}"
    else:
        return None
    return candidate if icon_exists(candidate) else None


# --------------------------------------------------------------------------------------------
# Small helpers
# --------------------------------------------------------------------------------------------


def obfuscate(text: str) -> str:
    """Every character as a decimal character reference: browsers decode it, scrapers that
    grep the HTML for `mailto:` or `@` do not (the same purpose as Jekyll's `encode_email`)."""
    return "".join(f"&#{ord(char)};" for char in text)


def _normalise_baseurl(baseurl: Any) -> str:
    if not isinstance(baseurl, str):
        return ""
    base = baseurl.strip().rstrip("/")
    if base and not base.startswith("/") and "://" not in base:
        base = "/" + base
    return base


def _site_path(path: str, baseurl: str) -> str:
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


def _quote(text: str) -> str:
    return _UNSAFE.sub(lambda m: quote(m.group(0), safe=""), text)


_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*://", re.IGNORECASE)
_DOMAIN_LIKE = re.compile(r"^[\w-]+(?:\.[\w-]+)+(?:[/:?#]|$)")


def _as_text(value: Any) -> str | None:
    """A scalar config value as text; None for values that cannot be an id (lists, maps...)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float | str):
        text = str(value).strip()
        return text or None
    return None


def _describe(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, Mapping):
        return "a mapping"
    if isinstance(value, list | tuple):
        return "a list"
    return type(value).__name__


def _is_empty(value: Any) -> bool:
    """Real configs keep dozens of empty keys (`github_username:`): these are switched off."""
    if value is None or value is False:
        return True
    if isinstance(value, str) and not value.strip():
        return True
    return isinstance(value, Mapping | list | tuple) and not value


def _humanise(key: str) -> str:
    text = key.replace("_", " ").strip()
    return text[:1].upper() + text[1:] if text else "Link"


# --------------------------------------------------------------------------------------------
# Building one link
# --------------------------------------------------------------------------------------------


class _Context:
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


def _id_url(network: Network, text: str) -> str:
    """Put an id into the network's pattern, accepting the shapes older sites used."""
    if _SCHEME.match(text):  # a full URL where an id was expected: the user knows best
        return _quote(text)
    prefix = network.url.split("%s", 1)[0]
    host = re.sub(r"^[a-z]+://", "", prefix, flags=re.IGNORECASE)
    bare_host = host[4:] if host.startswith("www.") else host
    lowered = text.lower()
    if host and "/" in host and lowered.startswith((host.lower(), bare_host.lower())):
        return "https://" + _quote(text)  # "github.com/name": the URL without its scheme
    if network.key == "youtube_id" and re.fullmatch(r"UC[\w-]{22}", text):
        return "https://youtube.com/channel/" + text  # a channel id, not a handle
    value = text.strip("/").lstrip("@").strip("/")
    return network.url.replace("%s", _quote(value))


def _plain_url(text: str) -> str:
    if _SCHEME.match(text) or text.startswith(("/", "#", "mailto:")):
        return _quote(text)
    if _DOMAIN_LIKE.match(text):  # "example.org/me": without a scheme a browser treats it
        return "https://" + _quote(text)  # as a relative path, which is never what was meant
    return _quote(text)


def _mastodon_url(text: str) -> str:
    if _SCHEME.match(text):
        return _quote(text)
    handle = re.fullmatch(r"@?([\w.-]+)@([\w-]+(?:\.[\w-]+)+)", text)
    if handle:  # @user@instance.tld, the form Mastodon itself shows
        return f"https://{handle.group(2)}/@{handle.group(1)}"
    return "https://" + _quote(text.lstrip("/"))


def _bluesky_url(text: str) -> str:
    if _SCHEME.match(text):
        return _quote(text)
    if text.lower().startswith(("bsky.app/", "www.bsky.app/")):
        return "https://" + _quote(text)
    handle = text.lstrip("@").strip("/")
    return "https://bsky.app/profile/" + _quote(handle)


def _email(text: str) -> str:
    address = re.sub(r"^mailto:", "", text, flags=re.IGNORECASE).strip()
    return "mailto:" + address


def _feed_on(value: Any) -> bool:
    if isinstance(value, str):
        return value.strip().lower() not in {"", "false", "no", "off", "0"}
    return bool(value)


def _builtin_url(
    network: Network, value: Any, ctx: _Context, line: int | None
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
            f"social '{network.key}' should be a single value, not {_describe(value)}",
            line,
            "write the id, user name or URL as plain text; the link is left out",
        )
        return None, False
    if kind == KIND_EMAIL:
        return _email(text), True
    if kind == KIND_PATH:
        if ctx.lang:
            text = text.replace("[LANG]", ctx.lang)
        return (_quote(text) if "://" in text else _site_path(_quote(text), ctx.baseurl)), False
    if kind == KIND_QR:
        if "://" in text or text.startswith("/"):
            return _site_path(_quote(text), ctx.baseurl), False
        return _site_path("assets/img/" + _quote(text), ctx.baseurl), False
    if kind == KIND_URL:
        return _plain_url(text), False
    if kind == KIND_MASTODON:
        return _mastodon_url(text), False
    if kind == KIND_BLUESKY:
        return _bluesky_url(text), False
    if kind == KIND_PHONE and not _SCHEME.match(text):
        digits = re.sub(r"[^\d]", "", text)
        return (network.url.replace("%s", digits) if digits else None), False
    return _id_url(network, text), False


def _academia_url(value: Any, ctx: _Context, line: int | None) -> str | None:
    if isinstance(value, str) and _SCHEME.match(value.strip()):
        return _quote(value.strip())
    if isinstance(value, Mapping):
        org = _as_text(value.get("organization"))
        user = _as_text(value.get("username"))
        if org and user:
            org = re.sub(r"\.academia\.edu.*$", "", re.sub(r"^[a-z]+://", "", org))
            return f"https://{_quote(org.strip('/'))}.academia.edu/{_quote(user.strip('/'))}"
    ctx.problem(
        "social 'academia_edu' needs both 'organization' and 'username'",
        line,
        "e.g. academia_edu: {organization: princeton, username: AlbertEinstein}",
    )
    return None


def _logo(logo: Any, key: str, ctx: _Context, line: int | None) -> tuple[str | None, str | None]:
    """(icon, image) for a user-given logo: an image URL is used as given, an icon class is
    mapped onto an SVG we ship; anything else gets the generic link icon and a problem."""
    text = _as_text(logo)
    if text is None:
        if not _is_empty(logo):
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
        return None, (_quote(text) if "://" in text else _site_path(_quote(text), ctx.baseurl))
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


def _builtin_link(
    network: Network, value: Any, ctx: _Context, line: int | None
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
        if _is_empty(inner):
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


def _custom_link(key: str, value: Any, ctx: _Context, line: int | None) -> SocialLink | None:
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
    return _make_link(key, title, _plain_url(url), icon=icon, image=image)


# --------------------------------------------------------------------------------------------
# The entry point
# --------------------------------------------------------------------------------------------


def resolve_socials(
    socials_data: Any,
    config: Any,
    *,
    baseurl: str,
    problems: Problems,
    data_path: Path | None = None,
    config_path: Path | None = None,
    lang: str | None = None,
) -> list[SocialLink]:
    """The site's social links, in the order al-folio shows them.

    `socials_data` is the loaded `_data/socials.yml` (None when there is none) and `config` the
    loaded `_config.yml`. As in al-folio, the data file wins whenever it exists (real sites keep
    stale social keys in `_config.yml` next to it): its links come in file order, and an empty
    file means no links. Without it, the `_config.yml` keys are read in al-folio's hard-coded
    config-era order. `lang` replaces a `[LANG]` placeholder in `cv_pdf` (jekyll-polyglot).
    Links with the same URL as an earlier one are dropped (e.g. `twitter_username` and
    `x_username` both set).
    """
    base = _normalise_baseurl(baseurl)
    data_exists = socials_data is not None or (data_path is not None and data_path.is_file())
    links: list[SocialLink] = []
    if data_exists:
        links = _from_data(socials_data, _Context(base, lang, problems, data_path))
    elif isinstance(config, Mapping):
        links = _from_config(config, _Context(base, lang, problems, config_path))
    seen: set[str] = set()
    unique: list[SocialLink] = []
    for link in links:
        if link.url not in seen:
            seen.add(link.url)
            unique.append(link)
    return unique


def _from_data(data: Any, ctx: _Context) -> list[SocialLink]:
    if data is None:
        return []
    if not isinstance(data, Mapping):
        ctx.problem(
            f"_data/socials.yml should map network names to values, not {_describe(data)}",
            getattr(data, "line", None) or 1,
            "e.g. 'github_username: octocat' on each line; no social links are shown",
        )
        return []
    links: list[SocialLink] = []
    for raw_key, value in data.items():
        if _is_empty(value):
            continue
        key = str(raw_key).strip()
        line = line_of(data, raw_key)
        network = NETWORKS_BY_KEY.get(key)
        link = (
            _builtin_link(network, value, ctx, line)
            if network is not None
            else _custom_link(key, value, ctx, line)
        )
        if link is not None:
            links.append(link)
    return links


def _from_config(config: Mapping[Any, Any], ctx: _Context) -> list[SocialLink]:
    links: list[SocialLink] = []
    for key in CONFIG_ORDER:
        value = config.get(key)
        if _is_empty(value):
            continue
        link = _builtin_link(NETWORKS_BY_KEY[key], value, ctx, line_of(config, key))
        if link is not None:
            links.append(link)
    return links


def missing_icons(exists: Callable[[str], bool] = icon_exists) -> list[str]:
    """Icons named in the networks table that no icon root provides."""
    names = {network.icon for network in NETWORKS} | {LINK_ICON}
    names |= set(_ACADEMICONS.values())
    return sorted(name for name in names if not exists(name))
