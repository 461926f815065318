"""How folio renders one of its own pages, reusing every part a build made before.

A page's HTML comes from three kinds of work, each kept in the build cache (`cache/store.py`)
under the fingerprint of its own inputs, with the trace of what else it read
(`cache/trace.py`):

- the **body**: Liquid, the features' Markdown hooks, Markdown, the features' HTML hooks;
  kept with `page.content`, the table of contents and what the features noted of the page
  (search entries, the feed's HTML, diagram libraries...);
- the **page** as a whole, keyed by what is cheap to know before any work: the page's own
  source, its address, the build and the site's chrome. Its trace is the union of the
  body's reads, the reads of the features that build the page's view (`folio_page`) and
  the templates its layout loads. Its HTML is not kept here: the file the last build wrote
  is (see `render/outputs.py`).

A page whose inputs and traced reads are all unchanged costs a key and a lookup; one whose
navbar changed renders its layout again around its kept body; one whose source changed
renders its body again. What work reported (warnings, MkDocs' log messages) and did (image
variants to write) is kept with it and reported and done again when it is reused.
"""

from __future__ import annotations

import copy
import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from mkdocs.commands.build import get_context
from mkdocs.structure.toc import AnchorLink, TableOfContents

from mkdocs_folio.adapter.logs import captured_logs
from mkdocs_folio.cache import trace
from mkdocs_folio.cache.fingerprint import Unfingerprintable, digest, fingerprint
from mkdocs_folio.cache.trace import Trace
from mkdocs_folio.render import splice
from mkdocs_folio.render.deps import RecordingFiles

if TYPE_CHECKING:
    import jinja2
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import File, Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page

    from mkdocs_folio.features.base import BuildContext
    from mkdocs_folio.render.host import PageHost
    from mkdocs_folio.site.pages import SourcePage

__all__ = [
    "Rendered",
    "apply_entry",
    "probe_page",
    "render_page",
    "splice_page",
]


@dataclass
class Rendered:
    """One page's result: its HTML (None when it was reused and not rendered), the
    fingerprint of that HTML, and what rendering it noted (`entry`: its reads, warnings,
    log messages, effects and the features' notes), kept under `key` when reusable."""

    html: str | None
    html_key: str
    reused: bool
    key: str | None = None
    entry: dict[str, Any] | None = None
    reusable: bool = False


def probe_page(
    plugin: PageHost, page: Page, env: jinja2.Environment, nav: Navigation
) -> Rendered | None:
    """A page whose inputs and traced reads are all what they were when it was last
    rendered: taken back (the features' notes, its warnings) without rendering it. A page
    whose reads changed only inside its layout's fragments (the navbar, the footer) comes
    back not reused, with its entry, for `splice_page`. None when it must be rendered."""
    ctx = plugin.ctx
    assert ctx is not None and ctx.resolver is not None
    source = ctx.pages[page.file.src_uri]
    page.meta = plugin.meta_for(source)
    key = page_key(plugin, page, source, plugin.liquid_extras(page, source), env, nav)
    kept = plugin.store.get("page", key, shared=True) if key else None
    if kept is None:
        return None
    if ctx.resolver.still_valid(kept["deps"]):
        _reuse_page(plugin, page, kept)
        return Rendered(None, kept["html"], reused=True, key=key)
    if kept.get("fragments") and _outer_valid(plugin, kept):
        if kept.get("body"):
            plugin.store.keep("body", kept["body"])
        return Rendered(None, kept["html"], reused=False, key=key, entry=kept)
    return None


def _outer_valid(plugin: PageHost, kept: dict[str, Any]) -> bool:
    """Whether every read the page made outside its fragments is unchanged."""
    ctx = plugin.ctx
    assert ctx is not None and ctx.resolver is not None
    deps = kept["deps"]
    fingerprint_of = ctx.resolver.fingerprint_of
    return all(fingerprint_of(name) == deps.get(name) for name in kept.get("outer", ()))


def splice_page(plugin: PageHost, page: Page, probed: Rendered) -> Rendered | None:
    """The page's last HTML with its fragments' texts of this build in place of the old
    (render/splice.py), kept as a whole page rendering would be; None when that cannot be
    done and the page must be rendered."""
    kept, key = probed.entry, probed.key
    if kept is None or key is None:
        return None
    try:
        with open(page.file.abs_dest_path, encoding="utf-8") as handle:
            old = handle.read()
    except (OSError, UnicodeDecodeError):
        return None
    made = splice.replace(old, kept["fragments"], plugin.fragments)
    if made is None:
        return None
    html, spans, used = made
    deps = {name: kept["deps"][name] for name in kept["outer"]}
    for fragment in used:
        deps.update(fragment.deps)
    html_key = digest(html)
    entry = {**kept, "deps": deps, "fragments": spans, "html": html_key}
    # Text keys and values, lists of text and numbers: what it adds to the kept entry is
    # plain, so it is when the kept entry was.
    plugin.store.put("page", key, entry, plain=plugin.store.is_plain("page", key))
    return Rendered(html, html_key, False, key, entry, True)


def render_page(
    plugin: PageHost,
    page: Page,
    env: jinja2.Environment,
    config: MkDocsConfig,
    files: Files,
    nav: Navigation,
    pages: list[File],
) -> Rendered:
    """One owned page from its source to its HTML, through folio's page hooks. The entry
    is kept in the store here; the caller reports what it noted (`apply_entry`)."""
    ctx = plugin.ctx
    assert ctx is not None and ctx.resolver is not None
    source = ctx.pages[page.file.src_uri]
    config._current_page = page
    try:
        page.meta = plugin.meta_for(source)
        variables = plugin.liquid_variables(page, source)
        extras = {name: value for name, value in variables.items() if name != "page"}
        key = page_key(plugin, page, source, extras, env, nav)
        work = Trace()
        outer = Trace()  # what the page read outside its layout's fragments
        with captured_logs() as logs, trace.recording(work), trace.recording(outer):
            body_key, features = render_body(plugin, page, source, variables, files)
            plugin.fragments.begin_page(outer)
            try:
                html = render_template(plugin, page, env, config, nav, pages)
            finally:
                used = plugin.fragments.end_page()
        html_key = digest(html)
        spans = splice.locate(html, used)
        entry = {
            "deps": work.deps,
            "problems": work.problems,
            "effects": work.effects,
            "logs": logs,
            "body": body_key,
            "features": {
                feature.name: features.get(feature.name)
                for feature in plugin.features
                if feature.after_render
            },
            "html": html_key,
            "fragments": spans,
            "outer": sorted(outer.deps) if spans else [],
        }
        reusable = bool(key) and work.reusable
        if reusable:
            plugin.store.put("page", key, entry)  # type: ignore[arg-type]
        return Rendered(html, html_key, False, key, entry, reusable)
    finally:
        page.active = False
        config._current_page = None


def apply_entry(plugin: PageHost, page: Page, entry: dict[str, Any], *, effects: bool) -> None:
    """Report what rendering a page noted, in page order: its warnings, MkDocs' messages,
    the features' notes (the search index, the feed); its effects too when they were done
    in another process."""
    ctx = plugin.ctx
    assert ctx is not None
    for feature in plugin.features:
        if feature.after_render:
            feature.import_page(ctx, page.file.src_uri, entry["features"].get(feature.name))
    for problem in entry["problems"]:
        ctx.problems.append(problem)
    for name, level, message in entry["logs"]:
        logging.getLogger(name).log(level, "%s", message)
    if effects:
        _redo(plugin, entry["effects"])


def page_key(
    plugin: PageHost,
    page: Page,
    source: SourcePage,
    extras: dict[str, Any],
    env: jinja2.Environment,
    nav: Navigation,
) -> str | None:
    """What a page is made from that is known before any work: the build, the chrome, the
    page's source and front matter, its address, and its Liquid variables beyond `page`
    (a blog page's `paginator`, which lists other posts)."""
    return _key(
        "page",
        plugin.template_digest(env, nav),
        page.file.src_uri,
        page.file.url,
        source.front.fingerprint(),
        [source.layout, source.title, source.permalink, source.collection, source.generated],
        page.meta.get("template"),  # the rest of page.meta comes from the front matter
        {name: _compact(value) for name, value in extras.items()},
    )


def _compact(value: Any) -> Any:
    """A value as its own fingerprint says it (`__fingerprint__`), else as it is."""
    own = getattr(type(value), "__fingerprint__", None)
    return own(value) if own is not None else value


def _reuse_page(plugin: PageHost, page: Page, kept: dict[str, Any]) -> None:
    ctx = plugin.ctx
    assert ctx is not None
    for feature in plugin.features:
        if feature.after_render:
            feature.import_page(ctx, page.file.src_uri, kept["features"].get(feature.name))
    if kept.get("body"):
        plugin.store.keep("body", kept["body"])  # needed again when only the layout changes
    _replay(plugin, kept)


# -- the body: Liquid, Markdown, the features' hooks ----------------------------------------


def render_body(
    plugin: PageHost,
    page: Page,
    source: SourcePage,
    variables: dict[str, Any],
    files: Files,
) -> tuple[str | None, dict[str, Any]]:
    """Fill `page.content` (and the features' notes on the page) from the page's source,
    reusing the body a build made before from the same inputs. Returns the body's key and
    the features' notes."""
    ctx = plugin.ctx
    assert ctx is not None and ctx.resolver is not None
    key = _key(
        "body", plugin.build_digest, page.file.src_uri, page.file.url, source, page.meta, variables
    )
    kept = plugin.store.get("body", key) if key else None
    if kept is not None and ctx.resolver.still_valid(kept["deps"]):
        _reuse_body(plugin, page, kept)
        return key, kept["features"]
    work = Trace()
    with captured_logs() as logs, trace.recording(work):
        page.markdown = plugin.page_markdown_of(page, source, variables)
        assert plugin.page_markdown is not None
        plugin.page_markdown.render(page, RecordingFiles(files))  # type: ignore[arg-type]
        page.content = plugin.page_html_of(page, source, page.content or "")
    features = {
        feature.name: feature.export_page(ctx, page.file.src_uri) for feature in plugin.features
    }
    if key and work.reusable:
        needs_markdown = "title" not in page.meta and not page._title_from_render
        plugin.store.put(
            "body",
            key,
            {
                "deps": work.deps,
                "problems": work.problems,
                "effects": work.effects,
                "logs": logs,
                "meta": page.meta,
                "markdown": page.markdown if needs_markdown else "",
                "content": page.content,
                "toc": toc_data(page.toc),
                "title": page._title_from_render,
                "anchors": sorted(page.present_anchor_ids or ()),
                "features": features,
            },
        )
        return key, features
    return None, features


def _reuse_body(plugin: PageHost, page: Page, kept: dict[str, Any]) -> None:
    ctx = plugin.ctx
    assert ctx is not None
    page.meta = kept["meta"]
    page.markdown = kept["markdown"]
    page.content = kept["content"]
    page.toc = toc_from(kept["toc"])
    page._title_from_render = kept["title"]
    page.present_anchor_ids = set(kept["anchors"])
    for feature in plugin.features:
        feature.import_page(ctx, page.file.src_uri, kept["features"].get(feature.name))
    _replay(plugin, kept)


# -- an ordinary page's HTML hooks --------------------------------------------------------


def page_html(plugin: PageHost, page: Page, source: SourcePage, html: str) -> str:
    """The features' HTML hooks on a page MkDocs renders (after its Markdown), reused when
    the same HTML comes out of the same Markdown again: a publications page is indexed for
    search, and its icons drawn, once per change, not once per build."""
    ctx = plugin.ctx
    assert ctx is not None and ctx.resolver is not None
    stash = plugin.stashes.get(page.file.src_uri)
    stashed = [[digest(item), block] for item, block in stash.items()] if stash else None
    key = _key(
        "html",
        plugin.build_digest,
        page.file.src_uri,
        page.url,
        digest(html),
        stashed,
        page.meta,
        toc_data(page.toc),
        source,
    )
    kept = plugin.store.get("page-html", key) if key else None
    if key:
        trace.effect(KEEP, ["page-html", key])  # a whole page taken back keeps this too
    if kept is not None and ctx.resolver.still_valid(kept["deps"]):
        plugin.stashes.pop(page.file.src_uri, None)
        page.meta = kept["meta"]
        for feature in plugin.features:
            feature.import_page(ctx, page.file.src_uri, kept["features"].get(feature.name))
        _replay(plugin, kept)
        return kept["html"]
    work = Trace()
    with captured_logs() as logs, trace.recording(work):
        html = plugin.page_html_of(page, source, html)
    if key and work.reusable:
        features = {
            feature.name: feature.export_page(ctx, page.file.src_uri) for feature in plugin.features
        }
        # Written down later (a publications page is megabytes: `mkdocs serve` saves it in
        # the background), so from copies of what may still change.
        plugin.store.put(
            "page-html",
            key,
            {
                "deps": dict(work.deps),
                "problems": list(work.problems),
                "effects": list(work.effects),
                "logs": list(logs),
                "meta": copy.deepcopy(page.meta),
                "html": html,
                "features": copy.deepcopy(features),
            },
            later=True,
        )
    return html


# -- the template: the layout around the body -----------------------------------------------


def render_template(
    plugin: PageHost,
    page: Page,
    env: jinja2.Environment,
    config: MkDocsConfig,
    nav: Navigation,
    pages: list[File],
) -> str:
    """The page's layout around its body, rendered as MkDocs would (folio's context hook
    included). Not kept on its own: when anything of it changes, the body or the chrome,
    the page is rendered anew, and the whole page is what is kept (`render_page`)."""
    ctx = plugin.ctx
    assert ctx is not None
    page.active = True
    context = get_context(nav, pages, config, page)
    context = plugin.on_page_context(context, page=page, config=config, nav=nav) or context
    return env.get_template(page.meta.get("template", "main.html")).render(context)


# -- shared -------------------------------------------------------------------------------


def _key(*parts: Any) -> str | None:
    """The fingerprint a piece of work is kept under; None when an input has none."""
    try:
        with trace.paused():
            return fingerprint(list(parts))
    except Unfingerprintable:
        return None


def _replay(plugin: PageHost, kept: dict[str, Any]) -> None:
    """Report and do again what reused work reported and did, and let any work recording
    around it (the whole page) know what it read."""
    ctx: BuildContext | None = plugin.ctx
    assert ctx is not None
    trace.merge_into_active(kept["deps"], kept["effects"])
    for problem in kept["problems"]:  # noted again by what records around (Problems.append)
        ctx.problems.append(problem)
    for name, level, message in kept["logs"]:
        logging.getLogger(name).log(level, "%s", message)
    _redo(plugin, kept["effects"])


KEEP = "keep"
"""An effect: the work used a cache entry of its own (`[stage, key]`); reusing the work
uses it too, so that the build does not forget it (the next change would find it gone)."""


def _redo(plugin: PageHost, effects: list[Any]) -> None:
    ctx = plugin.ctx
    assert ctx is not None
    for kind, payload in effects:
        if kind == KEEP:
            plugin.store.keep(*payload)
            continue
        for feature in plugin.features:
            feature.replay_effect(ctx, kind, payload)


def toc_data(toc: Any) -> list[Any]:
    return [
        [
            item.title,
            item.id,
            item.level,
            bool(getattr(item, "active", False)),
            toc_data(item.children),
        ]
        for item in (toc or [])
    ]


def toc_from(data: list[Any]) -> TableOfContents:
    def items(entries: list[Any]) -> list[AnchorLink]:
        made = []
        for title, anchor, level, active, children in entries:
            link = AnchorLink(title, anchor, level)
            if active:
                link.active = True  # type: ignore[attr-defined]
            link.children = items(children)
            made.append(link)
        return made

    return TableOfContents(items(data))
