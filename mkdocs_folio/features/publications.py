"""Publications: BibTeX files turned into al-folio's bibliography lists, citations and pages.

The parsing, queries, entry views and citation formats live in `mkdocs_folio.bib`; this
feature finds the files, answers the Liquid tags (`{% bibliography %}`, `{% cite %}`,
`{% reference %}`, `{% quote %}`, `{% bibliography_count %}`, `{% include bib_search.liquid %}`),
the `bibliography:` and `related_publications:` front matter, the about page's selected papers
and (opt-in) the per-publication pages. Rendered lists are kept by content key, so an unchanged
bibliography costs next to nothing on a `mkdocs serve` rebuild.

`timings` records, per page (by `src_uri`), the seconds spent parsing bib files, building entry
views and rendering list HTML; `BUILD_TIMING` holds the work done for the whole build (the bib
files read for per-publication pages), `PAGES_TIMING` the per-publication pages' views and
metadata. `bench/publications_bench.py` reads them.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from typing import Any

from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from mkdocs_folio.adapter.views import PageView
from mkdocs_folio.bib import (
    Bibliography,
    BibliographyRequest,
    BibSettings,
    Entry,
    apply_request,
    bib_settings,
    bibliography_view,
    inline_markdown,
    load_bibliography,
    merge_bibliographies,
    parse_bibliography_args,
)
from mkdocs_folio.bib.cache import content_slot, loaded_slot, stored_outline
from mkdocs_folio.bib.cite import Citation, citation_html, parse_cite_args, reference_html
from mkdocs_folio.bib.links import file_fields, local_files_of
from mkdocs_folio.bib.pagespec import read_page_bibliography
from mkdocs_folio.bib.settings import CONFIG_KEYS as SETTINGS_KEYS
from mkdocs_folio.bib.view import details_key, with_details
from mkdocs_folio.cache import trace
from mkdocs_folio.cache.fingerprint import digest
from mkdocs_folio.features.base import BuildContext, Feature
from mkdocs_folio.features.publication_pages import (
    PublicationPages,
    person_head_html,
    read_pages_config,
)
from mkdocs_folio.liquid import Registry, TagContext, reads
from mkdocs_folio.site.config import as_bool, as_text
from mkdocs_folio.site.pages import SourcePage

LIST_TEMPLATE = "partials/folio/bib/list.html"
SELECTED = "bib-selected"
"""The build cache's stage for the about page's selected papers: which kept list shows them."""
BIB_USED = "bib-used"
"""An effect: the work read this bib file (its warnings are the build's to report)."""
SEARCH_TEMPLATE = "partials/folio/bib/search.html"
CONFIG_KEYS = (*SETTINGS_KEYS, "bib_search", "publication_pages", "url", "baseurl")
"""The keys of `_config.yml` that drawing publications reads: the settings' (`scholar`
among them: the bib files, the default query), the search box, per-paper pages, the
site's address (a paper page's meta tags)."""
TEMPLATES = ("bib",)  # the entry templates this theme has (jekyll-scholar's -T/--template)
_CITED_MARK = "<!--folio-cited-bibliography:{}-->"
BUILD_TIMING = "(build)"
PAGES_TIMING = "(publication pages)"


def _list_key(
    ctx: BuildContext, entries: list[Entry], settings: BibSettings, group_by: str, order: str
) -> str | None:
    """What a rendered list is made from: the entries as written (their digests), the
    settings, the grouping and the build; None when an entry has no digest."""
    if any(not entry.digest for entry in entries):
        return None
    text = "\0".join(
        [ctx.build_digest, settings.fingerprint, group_by, order, *(e.digest for e in entries)]
    )
    return digest(text)


@dataclass
class Timing:
    """Seconds one page spent in this feature (parse bib files, entry views, list HTML), wall
    clock; `cpu` is the CPU time of the same work (what it costs on a machine not shared with
    other processes)."""

    parse: float = 0.0
    views: float = 0.0
    render: float = 0.0
    cpu: float = 0.0
    lists: int = 0
    entries: int = 0

    @property
    def total(self) -> float:
        return self.parse + self.views + self.render


@dataclass
class _PageState:
    """What the tags of one page left for its `page_content`: cited keys in citation order,
    `--cited` lists waiting for the whole page's citations."""

    cited: list[Entry] = field(default_factory=list)
    cited_keys: set[int] = field(default_factory=set)
    deferred: list[tuple[str, BibliographyRequest, Any, int | None]] = field(default_factory=list)

    def cite(self, entry: Entry) -> None:
        if id(entry) not in self.cited_keys:
            self.cited_keys.add(id(entry))
            self.cited.append(entry)


class PublicationsFeature(Feature):
    name = "publications"

    def __init__(self) -> None:
        # Rendered lists (HTML and the templates they read) by `_list_key`: serve rebuilds.
        self.html_cache: dict[str, dict[str, Any]] = {}
        self._used_keys: set[str] = set()
        self.settings: BibSettings | None = None
        self.default_name = "papers"
        self.timings: dict[str, Timing] = {}
        self.pages = PublicationPages()
        self.publications_href = "/publications/"
        self._loaded: dict[str, Bibliography] = {}
        self._all_loaded = False
        self._used_bibs: set[str] = set()
        self._slots: dict[str, str | None] = {}
        self._state: dict[str | None, _PageState] = {}

    # -- inputs ----------------------------------------------------------------------------

    def configure(self, ctx: BuildContext) -> None:
        site = ctx.site
        scholar_userid = next(
            (
                link.url.rsplit("user=", 1)[-1]
                for link in site.socials
                if link.key == "scholar_userid"
            ),
            None,
        )
        self.settings = bib_settings(
            site.config.raw,
            site.data,
            site.config.baseurl,
            scholar_userid,
            markdownify=inline_markdown,
            problems=ctx.problems,
            config_path=site.config.path,
            data_dir=site.paths.data_dir,
        )
        self.default_name = site.paths.bib_files[0].stem if site.paths.bib_files else "papers"
        self.pages = PublicationPages(
            read_pages_config(site.config.raw, ctx.problems, site.config.path or "_config.yml")
        )
        self._loaded = {}
        self._all_loaded = False
        self._used_bibs = set()
        self._slots = {}
        self._state = {}
        self._used_keys = set()
        self.timings = {}

    def files(self, ctx: BuildContext, files: Files) -> None:
        self.publications_href = self._find_publications_page(ctx, files)
        if not self.pages.config.enabled or self.settings is None:
            return
        names = list(self.pages.config.files) or [None]
        timing = self.timing(BUILD_TIMING)
        bib = merge_bibliographies([self.bibliography(ctx, n, timing) for n in names], ctx.problems)
        urls = self.pages.add(ctx, files, bib.entries, ctx.site.config.baseurl)
        self.settings = with_details(self.settings, urls)

    def _find_publications_page(self, ctx: BuildContext, files: Files) -> str:
        """The publications page (permalink `/publications/`, else a page named
        `publications.md`), as a site path with the baseurl: `{% cite %}` links there."""
        baseurl = ctx.site.config.baseurl
        candidates = [s for s in ctx.pages.values() if s.permalink == "/publications/"]
        candidates += [s for s in ctx.pages.values() if Path(s.src_uri).name == "publications.md"]
        for source in candidates:
            file = files.get_file_from_path(source.src_uri)
            if file is not None:
                return f"{baseurl}/{file.url}"
        return f"{baseurl}/{ctx.permalink_href('/publications/').lstrip('./')}"

    def bibliography(
        self, ctx: BuildContext, name: str | None = None, timing: Timing | None = None
    ) -> Bibliography:
        """A bib file by jekyll-scholar name (`papers`, `talks.bib`), parsed once per build
        and cached by content across builds. A missing file is one warning naming the path."""
        key = (name or self.default_name).strip()
        if key.endswith(".bib"):
            key = key[:-4]
        # A page reused from the cache does not load the file again; its use is replayed
        # (`replay_effect`), so that the file's warnings are reported on every build.
        trace.effect_once(BIB_USED, key)
        self._used_bibs.add(key)
        if key in self._loaded:
            return self._loaded[key]
        start, cpu = time.perf_counter(), time.thread_time()
        path = self._bib_path(ctx, key)
        bib = load_bibliography(path, ctx.problems, store=ctx.store, salt=ctx.build_digest)
        self._loaded[key] = bib
        if timing is not None:
            timing.parse += time.perf_counter() - start
            timing.cpu += time.thread_time() - cpu
        return bib

    def _bib_path(self, ctx: BuildContext, key: str) -> Path:
        if key == self.default_name and ctx.site.paths.bib_files:
            return ctx.site.paths.bib_files[0]
        return ctx.site.paths.bib_dir / f"{key}.bib"

    def _content_slot(self, ctx: BuildContext, key: str) -> str | None:
        """The bib file's name in the build cache, by its content now: from the file loaded
        this build, else read once a build."""
        if key not in self._slots:
            bib = self._loaded.get(key)
            slot = loaded_slot(bib, ctx.build_digest) if bib is not None else None
            self._slots[key] = slot or content_slot(self._bib_path(ctx, key), ctx.build_digest)
        return self._slots[key]

    def find_entry(
        self, ctx: BuildContext, key: str, files: list[str], timing: Timing | None = None
    ) -> Entry | None:
        """A cited key: in the files the tag names, else the default file, else any other
        bib file of the bibliography folder (a site citing its talks.bib from a post)."""
        for name in files or [None]:
            entry = self.bibliography(ctx, name, timing).get(key)
            if entry is not None:
                return entry
        if files:
            return None
        if not self._all_loaded:
            self._all_loaded = True
            folder = ctx.site.paths.bib_dir
            if folder.is_dir():
                for path in sorted(folder.glob("*.bib")):
                    self.bibliography(ctx, path.stem, timing)
        for bib in self._loaded.values():
            entry = bib.get(key)
            if entry is not None:
                return entry
        return None

    def default_request(self, ctx: BuildContext) -> dict[str, Any]:
        scholar = ctx.site.config.raw.get("scholar")
        scholar = scholar if isinstance(scholar, dict) else {}
        return {
            "query": as_text(scholar.get("query")) or "@*",
            "group_by": as_text(scholar.get("group_by")) or "none",
            "group_order": as_text(scholar.get("group_order")) or "ascending",
        }

    def timing(self, page_key: str | None) -> Timing:
        return self.timings.setdefault(page_key or "", Timing())

    # -- rendering -------------------------------------------------------------------------

    def render_list(
        self,
        ctx: BuildContext,
        entries: list[Entry],
        *,
        group_by: str,
        group_order: str,
        timing: Timing | None = None,
    ) -> str:
        """A list's HTML, kept by the entries, settings and grouping it was made from (and
        checked against the templates it read): a warm build or a serve rebuild after an
        edit elsewhere reuses it, an edited entry or template makes it again."""
        assert self.settings is not None
        timing = timing or Timing()
        start, cpu = time.perf_counter(), time.thread_time()
        key = _list_key(ctx, entries, self.settings, group_by, group_order)
        html = self._kept_list(ctx, key) if key else None
        middle = time.perf_counter()
        if html is None:
            view = bibliography_view(
                entries, self.settings, group_by=group_by, group_order=group_order
            )
            middle = time.perf_counter()
            work = trace.Trace()
            with trace.recording(work):
                html = ctx.render_partial(LIST_TEMPLATE, bib=view)
            if key and work.reusable and not work.effects and not work.problems:
                kept = {"deps": work.deps, "html": html}
                self.html_cache[key] = kept
                if ctx.store is not None:
                    ctx.store.put("bib-list", key, kept, plain=True, later=True)
        if key:
            # A page reused whole later still uses this list: its reuse keeps the entry
            # (`replay_effect`), or the next edit would find it forgotten.
            self._used_keys.add(key)
            trace.effect("bib-list", key)
        timing.views += middle - start
        timing.render += time.perf_counter() - middle
        timing.cpu += time.thread_time() - cpu
        timing.lists += 1
        timing.entries += len(entries)
        return html

    def _kept_list(self, ctx: BuildContext, key: str) -> str | None:
        kept = self.html_cache.get(key)
        if kept is None and ctx.store is not None:
            kept = ctx.store.get("bib-list", key, shared=True)
        if kept is None or ctx.resolver is None or not ctx.resolver.still_valid(kept["deps"]):
            return None
        self.html_cache[key] = kept
        if ctx.store is not None:
            ctx.store.keep("bib-list", key)
        trace.merge_into_active(kept["deps"], [])
        return kept["html"]

    def select(
        self,
        ctx: BuildContext,
        request: BibliographyRequest,
        *,
        cited: list[Entry] | None = None,
        source: Any = None,
        line: int | None = None,
        timing: Timing | None = None,
    ) -> list[Entry]:
        defaults = self.default_request(ctx)
        names = request.files or [None]
        bibs = [self.bibliography(ctx, n, timing) for n in names]
        bib = bibs[0] if len(bibs) == 1 else merge_bibliographies(bibs, ctx.problems)
        if request.cited:
            # --cited lists keep the entries this page cited from these files
            allowed = {id(e) for e in bib.entries}
            keys = [e.key for e in (cited or []) if id(e) in allowed]
        else:
            keys = None
        return apply_request(
            bib.entries,
            request,
            default_query=defaults["query"],
            cited_keys=keys,
            problems=ctx.problems,
            path=source,
            line=line,
        )

    def render_request(
        self,
        ctx: BuildContext,
        request: BibliographyRequest,
        *,
        cited: list[Entry] | None = None,
        source: Any = None,
        line: int | None = None,
        timing: Timing | None = None,
    ) -> str:
        defaults = self.default_request(ctx)
        entries = self.select(ctx, request, cited=cited, source=source, line=line, timing=timing)
        return self.render_list(
            ctx,
            entries,
            group_by=request.group_by or defaults["group_by"],
            group_order=request.group_order or defaults["group_order"],
            timing=timing,
        )

    def selected_papers(self, ctx: BuildContext, timing: Timing | None = None) -> str:
        """The about page's selected papers. MkDocs renders the about page on every build;
        when the bib file, the settings and the build are what they were, the list kept
        from then is shown without reading the whole bib file back (a tenth of a second of
        a warm build for 2,000 entries): which entries are selected follows from those."""
        assert self.settings is not None
        request = parse_bibliography_args("--group_by none --query @*[selected=true]*")
        defaults = self.default_request(ctx)
        slot = self._content_slot(ctx, self.default_name)
        memo = (
            digest("\0".join([ctx.build_digest, slot, self.settings.fingerprint, repr(defaults)]))
            if slot is not None and ctx.store is not None
            else None
        )
        kept = ctx.store.get(SELECTED, memo, shared=True) if memo else None
        html = self._kept_list(ctx, kept["list"]) if isinstance(kept, dict) else None
        if html is not None:
            self._used_keys.add(kept["list"])
            self._used_bibs.add(self.default_name)  # its warnings: `check_local_files`
            return html
        entries = self.select(ctx, request, timing=timing)
        group_by = request.group_by or defaults["group_by"]
        group_order = request.group_order or defaults["group_order"]
        html = self.render_list(
            ctx, entries, group_by=group_by, group_order=group_order, timing=timing
        )
        key = _list_key(ctx, entries, self.settings, group_by, group_order)
        if memo and key and key in self._used_keys and ctx.store is not None:
            ctx.store.put(SELECTED, memo, {"list": key}, plain=True)
        return html

    # -- citations -------------------------------------------------------------------------

    def page_state(self, page: Any) -> _PageState:
        key = page.get("path") if hasattr(page, "get") else None
        return self._state.setdefault(key, _PageState())

    def cite_href(self, entry: Entry, page: Any) -> str:
        """Where a citation points: the page's own References, else the entry's own page
        (when per-publication pages are on), else its anchor on the publications page."""
        if hasattr(page, "get") and as_bool(page.get("related_publications")):
            return f"#{entry.key}"
        assert self.settings is not None
        url = self.settings.details_urls.get(details_key(entry))
        if url:
            return url
        return f"{self.publications_href}#{entry.key}"

    def citations(
        self, ctx: BuildContext, args: str, tag: TagContext, name: str = "cite"
    ) -> tuple[str, list[Entry]]:
        """The HTML of `{% cite %}` arguments, and the entries found (recorded as cited)."""
        expanded = tag.render(args)
        request = parse_cite_args(expanded, tag.problems, tag.source, tag.line or None, tag=name)
        timing = self.timing(tag.page.get("path"))
        state = self.page_state(tag.page)
        found: list[Citation] = []
        entries = []
        for key in request.keys:
            entry = self.find_entry(ctx, key, request.files, timing)
            if entry is None:
                tag.problem(
                    f"{name}: unknown key `{key}`",
                    "check the key in your bib file; the citation shows the key instead",
                )
                found.append(Citation(key, None))
                continue
            state.cite(entry)
            entries.append(entry)
            found.append(Citation(entry.key, entry, self.cite_href(entry, tag.page)))
        if not found:
            return "", entries
        html = citation_html(
            found,
            locator=request.locator,
            label=request.label,
            suppress_author=request.suppress_author,
        )
        return html, entries

    # -- Liquid ----------------------------------------------------------------------------

    def register(self, ctx: BuildContext, registry: Registry) -> None:
        feature = self

        def bibliography_tag(args: str, tag: TagContext) -> str:
            expanded = tag.render(args)
            line = tag.line or None
            request = parse_bibliography_args(expanded, tag.problems, tag.source, line)
            if request.template is not None:
                name = request.template.strip().removesuffix(".liquid").removesuffix(".html")
                if name not in TEMPLATES:
                    tag.problem(
                        f"bibliography: template `{request.template}` does not exist here",
                        "only al-folio's `bib` entry template is available; using it",
                    )
            if request.cited:
                # filled in once the whole page is read, so later citations count too
                state = feature.page_state(tag.page)
                mark = _CITED_MARK.format(len(state.deferred))
                state.deferred.append((mark, request, tag.source, line))
                return tag.stash.put(mark)
            timing = feature.timing(tag.page.get("path"))
            html = feature.render_request(ctx, request, source=tag.source, line=line, timing=timing)
            return tag.stash.put(html)

        def bibliography_count_tag(args: str, tag: TagContext) -> str:
            expanded = tag.render(args)
            line = tag.line or None
            request = parse_bibliography_args(expanded, tag.problems, tag.source, line)
            state = feature.page_state(tag.page)
            entries = feature.select(ctx, request, cited=state.cited, source=tag.source, line=line)
            return str(len(entries))

        def cite_tag(args: str, tag: TagContext) -> str:
            html, _ = feature.citations(ctx, args, tag)
            return tag.stash.put(html, block=False) if html else ""

        def reference_tag(args: str, tag: TagContext) -> str:
            expanded = tag.render(args)
            request = parse_cite_args(
                expanded, tag.problems, tag.source, tag.line or None, tag="reference"
            )
            timing = feature.timing(tag.page.get("path"))
            parts = []
            for key in request.keys:
                entry = feature.find_entry(ctx, key, request.files, timing)
                if entry is None:
                    tag.problem(
                        f"reference: unknown key `{key}`",
                        "check the key in your bib file; the key is shown instead",
                    )
                    parts.append(f'<span class="reference citation-unknown">{escape(key)}</span>')
                else:
                    parts.append(reference_html(entry))
            return tag.stash.put(" ".join(parts), block=False) if parts else ""

        def quote_tag(args: str, tag: TagContext) -> str:
            cite, _ = feature.citations(ctx, args, tag, "quote")
            body = tag.markdownify(tag.content or "").strip()
            footer = f"<cite>{cite}</cite>" if cite else ""
            return tag.stash.put(f'<blockquote class="citation-quote">{body}{footer}</blockquote>')

        def bib_search_include(params: dict[str, Any], tag: TagContext) -> str:
            if not ctx.site.config.flag("bib_search", True):
                return ""
            return tag.stash.put(ctx.render_partial(SEARCH_TEMPLATE))

        # Every tag reads the bibliography: the site's bib files and the settings drawn from
        # _config.yml and _data/ (`bib_fingerprint`).
        bib = reads(("bib", "all"))
        registry.register_tag("bibliography", bib(bibliography_tag))
        registry.register_tag("bibliography_count", bib(bibliography_count_tag))
        registry.register_tag("cite", bib(cite_tag))
        registry.register_tag("reference", bib(reference_tag))
        registry.register_tag("quote", bib(quote_tag), block=True)
        registry.register_include("bib_search", reads()(bib_search_include))
        if ctx.resolver is not None:
            ctx.resolver.register("bib", lambda _key: self.bib_fingerprint(ctx))

    def bib_fingerprint(self, ctx: BuildContext) -> Any:
        """What any rendered entry depends on: every bib file of the site (by content), the
        settings made from `_config.yml` and `_data/`, the publications page's address.

        Only the keys of `_config.yml` that drawing entries reads count (`CONFIG_KEYS`), and
        of `_data/` what the settings took (co-authors, venues, citations; their fingerprint):
        a new footer text or a changed social link leaves every publication list as it is."""
        paths = ctx.site.paths
        raw = ctx.site.config.raw
        files = set(paths.bib_files)
        if paths.bib_dir.is_dir():
            files.update(paths.bib_dir.glob("*.bib"))
        contents = []
        for path in sorted(files):
            try:
                contents.append((str(path), digest(path.read_bytes())))
            except OSError:
                contents.append((str(path), None))
        return [
            contents,
            {key: raw.get(key) for key in CONFIG_KEYS},
            self.settings.fingerprint if self.settings is not None else None,
            self.publications_href,
            self.pages.urls,
        ]

    # -- pages -----------------------------------------------------------------------------

    def page_content(self, ctx: BuildContext, page: Page, source: SourcePage, html: str) -> str:
        state = self._state.pop(source.src_uri, None) or _PageState()
        meta = source.meta
        if not (state.deferred or "bibliography" in meta or "related_publications" in meta):
            return html
        trace.depend("bib", "all")
        timing = self.timing(source.src_uri)
        for mark, request, where, line in state.deferred:
            listing = self.render_request(
                ctx, request, cited=state.cited, source=where, line=line, timing=timing
            )
            html = html.replace(mark, listing, 1)
        lists = read_page_bibliography(
            meta.get("bibliography"), ctx.problems, source.abs_path, meta.lines.get("bibliography")
        )
        parts = [html]
        for spec in lists:
            if spec.heading:
                parts.append(f"<h2>{escape(spec.heading)}</h2>")
            if spec.search and ctx.site.config.flag("bib_search", True):
                parts.append(ctx.render_partial(SEARCH_TEMPLATE))
            listing = self.render_request(
                ctx, spec.request, source=source.abs_path, line=spec.line, timing=timing
            )
            parts.append(f'<div class="publications">{listing}</div>')
        if as_bool(meta.get("related_publications")) and state.cited:
            listing = self.render_list(
                ctx, state.cited, group_by="none", group_order="ascending", timing=timing
            )
            parts.append(f'<h2>References</h2>\n<div class="publications">{listing}</div>')
        return "\n".join(parts) if len(parts) > 1 else html

    def page_context(
        self, ctx: BuildContext, page: Page, source: SourcePage, view: PageView
    ) -> None:
        if view.about is not None and view.about.selected_papers:
            view.selected_papers = self.selected_papers(ctx, self.timing(source.src_uri))
        if source.is_home:
            view.head_html += person_head_html(ctx, view)
        if self.pages.entries and self.settings is not None:
            start = time.perf_counter()
            done = self.pages.page_context(
                ctx,
                source,
                view,
                self.settings,
                self.publications_href,
                page.canonical_url,
            )
            if done:
                pages_timing = self.timing(PAGES_TIMING)
                pages_timing.views += time.perf_counter() - start
                pages_timing.entries += 1

    def check_local_files(self, ctx: BuildContext) -> None:
        """A `pdf`, `slides`, `preview`... that names a file the site does not have is a
        broken button or a missing picture on every list showing the entry: one warning per
        entry and field, naming the bib file and the field's line. Only the bib files this
        build read are checked (after every file of the site is known)."""
        if self.settings is None:
            return
        files = [(bib.source, file_fields(bib)) for bib in self._loaded.values()]
        for key in sorted(self._used_bibs - set(self._loaded)):
            # Used only by pages that came from the cache: the file's outline says what its
            # warnings are; without one, the file is read back.
            slot = self._content_slot(ctx, key)
            path = self._bib_path(ctx, key)
            found = stored_outline(ctx.store, slot, path) if slot is not None else None
            if found is None:
                bib = self.bibliography(ctx, key)
                files.append((bib.source, file_fields(bib)))
                continue
            fields, problems = found
            ctx.problems.extend(list(problems))
            files.append((path, fields))
        for source, fields in files:
            for entry_key, name, value, line in fields:
                for field_name, path in local_files_of({name: value}, self.settings):
                    if not ctx.target_exists(path):
                        ctx.problems.add(
                            f"`{field_name}` of entry `{entry_key}`: file '{path}' not found",
                            source,
                            line,
                            f"add the file at {path} or give a full URL; the link is kept",
                        )

    def replay_effect(self, ctx: BuildContext, kind: str, payload: Any) -> None:
        if kind == BIB_USED and isinstance(payload, str):
            self._used_bibs.add(payload)
        if kind == "bib-list":
            self._used_keys.add(payload)
            if ctx.store is not None:
                ctx.store.keep("bib-list", payload)

    def post_build(self, ctx: BuildContext) -> None:
        self.check_local_files(ctx)
        # forget lists no page of this build used (an edited bib leaves its old lists behind)
        for key in [k for k in self.html_cache if k not in self._used_keys]:
            del self.html_cache[key]
        self._used_keys = set()
        self._state = {}
