"""Comments (giscus, Disqus) and analytics (Google, Cronitor, Pirsch, OpenPanel).

All of them talk to a third party, so all are off unless the site's settings switch them on:

- giscus on pages with `giscus_comments: true`, from the `giscus:` map of `_config.yml`
  (`repo`, `repo_id`, `category`, `category_id`, `mapping`, `strict`, `reactions_enabled`,
  `input_position`, `light_theme`, `dark_theme`, `emit_metadata`, `lang`). Without `repo`,
  `repo_id` or `category_id`, giscus cannot work: one build warning, and no widget.
  Its colours follow the site's light/dark switch.
- Disqus on pages with `disqus_comments: true`, with `disqus_shortname`.
- Analytics on every page: `analytics: {google, cronitor, pirsch, openpanel}` (al-folio v1)
  or the older `enable_google_analytics` + `google_analytics` (and the same pairs for
  cronitor, pirsch, openpanel).
"""

from __future__ import annotations

import html
import json
import re
from typing import Any

import jinja2
from mkdocs.structure.pages import Page

from mkdocs_folio.adapter.views import PageView
from mkdocs_folio.cache import trace
from mkdocs_folio.features.base import BuildContext, Feature
from mkdocs_folio.site.config import as_bool
from mkdocs_folio.site.pages import SourcePage

__all__ = ["CommentsFeature", "analytics_html", "disqus_view", "giscus_view"]

_ID = re.compile(r"^[A-Za-z0-9_.:-]+$")
GISCUS_REQUIRED = ("repo", "repo_id", "category_id")


def _attr(value: Any) -> str:
    return html.escape(str(value), quote=True)


def _json(value: Any) -> str:
    """JSON for an inline script: `</` escaped, so a value cannot close the script."""
    return json.dumps(value).replace("</", "<\\/")


def giscus_view(settings: dict[str, Any]) -> dict[str, Any]:
    """What `comments.html` needs for giscus: the client's data attributes and both themes."""
    data = {
        "repo": settings.get("repo"),
        "repo-id": settings.get("repo_id"),
        "category": settings.get("category") or "Comments",
        "category-id": settings.get("category_id"),
        "mapping": settings.get("mapping") or "title",
        "strict": settings.get("strict", 1),
        "reactions-enabled": settings.get("reactions_enabled", 1),
        "emit-metadata": settings.get("emit_metadata", 0),
        "input-position": settings.get("input_position") or "bottom",
        "theme": str(settings.get("light_theme") or "light"),
        "lang": settings.get("lang") or "en",
        "loading": "lazy",
    }
    attrs = [
        (key, str(int(value) if isinstance(value, bool) else value))
        for key, value in data.items()
        if value is not None
    ]
    themes = {
        "light": str(settings.get("light_theme") or "light"),
        "dark": str(settings.get("dark_theme") or "dark"),
    }
    return {"attrs": attrs, "themes_json": _json(themes)}


def disqus_view(shortname: str, page_url: str, identifier: str) -> dict[str, Any]:
    return {
        "config_json": _json({"url": page_url, "identifier": identifier}),
        "script_json": _json(f"https://{shortname}.disqus.com/embed.js"),
    }


def analytics_ids(config: Any) -> dict[str, str]:
    """Which analytics services are configured: {service: id}."""
    found: dict[str, str] = {}
    block = config.get("analytics")
    if isinstance(block, dict):
        for service in ("google", "cronitor", "pirsch", "openpanel"):
            value = block.get(service)
            if value:
                found[service] = str(value).strip()
    legacy = {
        "google": ("enable_google_analytics", "google_analytics"),
        "cronitor": ("enable_cronitor_analytics", "cronitor_analytics"),
        "pirsch": ("enable_pirsch_analytics", "pirsch_analytics"),
        "openpanel": ("enable_openpanel_analytics", "openpanel_analytics"),
    }
    for service, (switch, key) in legacy.items():
        value = config.get(key)
        if service not in found and value and as_bool(config.get(switch), False):
            found[service] = str(value).strip()
    return found


def analytics_html(ids: dict[str, str]) -> str:
    parts: list[str] = []
    if "google" in ids:
        gid = ids["google"]
        parts.append(
            f'<script async src="https://www.googletagmanager.com/gtag/js?id={_attr(gid)}"></script>'
            "<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}"
            f"gtag('js',new Date());gtag('config',{json.dumps(gid)});</script>"
        )
    if "cronitor" in ids:
        parts.append(
            '<script async src="https://rum.cronitor.io/script.js"></script>'
            "<script>window.cronitor=window.cronitor||function(){(window.cronitor.q=window.cronitor.q||[]).push(arguments)};"
            f"cronitor('config',{{clientKey:{json.dumps(ids['cronitor'])}}});</script>"
        )
    if "pirsch" in ids:
        parts.append(
            '<script defer src="https://api.pirsch.io/pirsch-extended.js" id="pirschextendedjs" '
            f'data-code="{_attr(ids["pirsch"])}"></script>'
        )
    if "openpanel" in ids:
        parts.append(
            "<script>window.op=window.op||function(){(window.op.q=window.op.q||[]).push([].slice.call(arguments))};"
            f"window.op('init',{{clientId:{json.dumps(ids['openpanel'])},trackScreenViews:true,"
            "trackOutgoingLinks:true,trackAttributes:true}});</script>"
            '<script src="https://openpanel.dev/op1.js" defer async></script>'
        )
    return "\n".join(parts)


class CommentsFeature(Feature):
    name = "comments"

    def __init__(self) -> None:
        self.giscus: dict[str, Any] | None = None
        self.giscus_missing: list[str] = []
        self._giscus_reported = False
        self._analytics = ""

    def configure(self, ctx: BuildContext) -> None:
        cfg = ctx.site.config
        raw = cfg.get("giscus")
        self.giscus = raw if isinstance(raw, dict) else None
        self.giscus_missing = [key for key in GISCUS_REQUIRED if not (self.giscus or {}).get(key)]
        self._giscus_reported = False
        if ctx.resolver is not None:
            ctx.resolver.register("comments", lambda _key: self.giscus)
        ids = {}
        for service, value in analytics_ids(cfg).items():
            if _ID.match(value):
                ids[service] = value
            else:
                ctx.problems.add(
                    f"analytics: the {service} id {value!r} does not look like an id",
                    cfg.path,
                    cfg.line_of("analytics") or cfg.line_of(f"{service}_analytics"),
                    "it is left out; check the value in _config.yml",
                )
        self._analytics = analytics_html(ids)

    def env(self, ctx: BuildContext, env: jinja2.Environment) -> None:
        view = ctx.site_view
        if self._analytics and view is not None and self._analytics not in view.head_html:
            view.head_html += self._analytics

    def page_context(
        self, ctx: BuildContext, page: Page, source: SourcePage, view: PageView
    ) -> None:
        meta = source.meta
        cfg = ctx.site.config
        giscus = disqus = None
        if as_bool(meta.get("giscus_comments"), False):
            trace.record("comments", "giscus", self.giscus)  # read from _config.yml at start
            if self.giscus_missing:
                if not self._giscus_reported:
                    self._giscus_reported = True
                    ctx.problems.add(
                        "giscus comments are switched on (giscus_comments: true in "
                        f"{source.src_uri}) but giscus: lacks {', '.join(self.giscus_missing)}",
                        cfg.path,
                        cfg.line_of("giscus"),
                        "copy repo, repo_id and category_id from https://giscus.app into the "
                        "giscus: map of _config.yml; until then no page shows comments",
                    )
            else:
                giscus = giscus_view(self.giscus or {})
        if as_bool(meta.get("disqus_comments"), False):
            shortname = str(cfg.get("disqus_shortname") or "").strip()
            if not re.fullmatch(r"[A-Za-z0-9-]+", shortname):
                ctx.problems.add(
                    f"disqus_comments: true in {source.src_uri}, but disqus_shortname is "
                    f"{'missing' if not shortname else repr(shortname)}",
                    cfg.path,
                    cfg.line_of("disqus_shortname"),
                    "set disqus_shortname: <your shortname> in _config.yml",
                )
            else:
                url = (ctx.config.site_url or "").rstrip("/") + "/" + (page.url or "")
                disqus = disqus_view(shortname, url, page.url or "/")
        if giscus or disqus:
            view.extra["comments_html"] = ctx.render_partial(
                "partials/folio/content/comments.html", giscus=giscus, disqus=disqus
            )
