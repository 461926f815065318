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

The parts: `networks` (the table of every network), `urls` (how a value becomes a URL),
`icons` (icon classes mapped onto the SVGs we ship), `links` (one link from one entry) and
`readers` (`resolve_socials`: which file, in which order).
"""

from mkdocs_folio.site.socials.icons import (
    LINK_ICON,
    icon_exists,
    icon_from_class,
    icon_roots,
    missing_icons,
)
from mkdocs_folio.site.socials.links import SocialLink
from mkdocs_folio.site.socials.networks import CONFIG_ORDER, NETWORKS, NETWORKS_BY_KEY, Network
from mkdocs_folio.site.socials.readers import resolve_socials
from mkdocs_folio.site.socials.urls import obfuscate

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
