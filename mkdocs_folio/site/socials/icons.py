"""Icons for social links as users write them, mapped onto SVGs that ship with Material or our
theme: Font Awesome classes of any version (`fab fa-github`, `fa-brands fa-x-twitter`,
`fas fa-rss-square`), Academicons (`ai ai-google-scholar`), Scholar Icons, Material's
shortcodes, or plain icon names. Found without importing MkDocs or Material.
"""

from __future__ import annotations

import importlib.util
import re
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from mkdocs_folio.site.socials.networks import NETWORKS

__all__ = ["LINK_ICON", "icon_exists", "icon_from_class", "icon_roots", "missing_icons"]


# Shown for a custom social whose logo we cannot draw.
LINK_ICON = "fontawesome/solid/link"


@lru_cache(maxsize=1)
def icon_roots() -> tuple[Path, ...]:
    """Folders holding `.icons` trees: our theme's first, then Material's.

    Found without importing MkDocs or Material: `find_spec` on a top-level package only locates it.
    """
    roots: list[Path] = []
    candidates: list[Path] = [Path(__file__).resolve().parents[3] / "theme" / ".icons"]
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


def missing_icons(exists: Callable[[str], bool] = icon_exists) -> list[str]:
    """Icons named in the networks table that no icon root provides."""
    names = {network.icon for network in NETWORKS} | {LINK_ICON}
    names |= set(_ACADEMICONS.values())
    return sorted(name for name in names if not exists(name))
