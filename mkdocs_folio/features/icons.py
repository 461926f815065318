"""Font Awesome `<i class="fa-solid fa-calendar">` elements in page bodies, drawn as inline SVG.

al-folio pages write icons as empty `<i>` elements for the Font Awesome web font, which the
folio theme does not load (no CDN, no icon font on every page). The stock blog page, the
archives strip and many user pages use them, so each one is replaced by the matching SVG of
the Font Awesome set that ships with mkdocs-material. Unknown names stay as they are.
"""

from __future__ import annotations

import re

from mkdocs.structure.pages import Page

from mkdocs_folio.features.base import BuildContext, Feature
from mkdocs_folio.site.pages import SourcePage

_ICON = re.compile(r"<i\s+class=\"(?P<classes>[^\"]*\bfa-[^\"]*)\"(?P<rest>[^>]*)>\s*</i>")
_STYLE = {
    "fa-solid": "solid",
    "fas": "solid",
    "fa-regular": "regular",
    "far": "regular",
    "fa-brands": "brands",
    "fab": "brands",
    "fa": "solid",
}
_NOT_NAMES = {"fa-solid", "fa-regular", "fa-brands", "fa-fw", "fa-lg", "fa-xs", "fa-sm", "fa-2x"}


class IconsFeature(Feature):
    name = "icons"

    def __init__(self) -> None:
        self._svgs: dict[tuple[str, str], str | None] = {}

    def svg(self, ctx: BuildContext, style: str, name: str) -> str | None:
        key = (style, name)
        if key not in self._svgs:
            env = ctx.jinja()
            try:
                source, _, _ = env.loader.get_source(  # type: ignore[union-attr]
                    env, f".icons/fontawesome/{style}/{name}.svg"
                )
            except Exception:
                source = None
            self._svgs[key] = source.strip() if source else None
        return self._svgs[key]

    def replace(self, ctx: BuildContext, html: str) -> str:
        if "fa-" not in html or "<i" not in html:
            return html

        def swap(match: re.Match[str]) -> str:
            classes = match.group("classes").split()
            style = next((_STYLE[c] for c in classes if c in _STYLE), "solid")
            names = [
                c[3:]
                for c in classes
                if c.startswith("fa-") and c not in _NOT_NAMES and not c[3:4].isdigit()
            ]
            for name in names:
                svg = self.svg(ctx, style, name) or self.svg(ctx, "solid", name)
                if svg:
                    title = re.search(r'title="([^"]*)"', match.group("rest"))
                    label = (
                        f' role="img" aria-label="{title.group(1)}"'
                        if title
                        else ' aria-hidden="true"'
                    )
                    extra = " ".join(c for c in classes if c.startswith("fa-"))
                    return f'<span class="folio-icon {extra}"{label}>{svg}</span>'
            return match.group(0)

        return _ICON.sub(swap, html)

    def page_content(self, ctx: BuildContext, page: Page, source: SourcePage, html: str) -> str:
        return self.replace(ctx, html)
