"""Distill-style posts (`layout: distill`) as plain HTML: no Distill runtime.

al-folio's distill layout loads the Distill web components (`d-title`, `d-byline`, `d-cite`,
`d-footnote`, `d-code`, `d-appendix`) from a CDN and lets them draw the page. Here the page is
drawn at build time and the template (`theme/layouts/distill.html`) only presents it:

- title block: title, description, authors with their affiliations and links, date;
- `toc:` (a list of `{name, subsections}` in this layout) as a contents box;
- `<d-cite key="a,b">` -> numbered citations `[1, 2]` linking to the references, read from
  the post's `bibliography:` file in `assets/bibliography/` (parsed with `mkdocs_folio.bib`);
- `<d-footnote>text</d-footnote>` -> numbered footnote markers;
- `<d-code block language="js">...</d-code>` -> a highlighted code block (inline without
  `block`);
- an appendix with the footnotes and the references.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mkdocs.structure.pages import Page

from mkdocs_folio.adapter.views import PageView
from mkdocs_folio.bib import Bibliography, Entry, load_bibliography
from mkdocs_folio.cache import codec, trace
from mkdocs_folio.features.base import BuildContext, Feature
from mkdocs_folio.markdown.segments import code_map
from mkdocs_folio.site.dates import long_date, parse_date
from mkdocs_folio.site.pages import SourcePage

__all__ = ["DistillFeature", "DistillView"]

_D_CODE = re.compile(r"<d-code(?P<attrs>[^>]*)>(?P<body>.*?)</d-code>", re.S | re.I)
_LANGUAGE = re.compile(r'language\s*=\s*["\']?([\w+#.-]+)')
_CITE = re.compile(r"<d-cite\b[^>]*?\bkey\s*=\s*[\"']([^\"']*)[\"'][^>]*>(?:\s*</d-cite>)?", re.I)
_FOOTNOTE = re.compile(r"<d-footnote\b[^>]*>(.*?)</d-footnote>", re.S | re.I)
_WRAPPERS = re.compile(r"</?d-(?:article|appendix|byline|title)\b[^>]*>", re.I)


@codec.register
@dataclass
class DistillView:
    """`folio_page.extra["distill"]`: what `layouts/distill.html` prints."""

    authors: list[dict[str, Any]] = field(default_factory=list)
    affiliations: bool = False
    date_label: str = ""
    toc: list[dict[str, Any]] = field(default_factory=list)
    footnotes: list[tuple[int, str]] = field(default_factory=list)
    references: list[dict[str, str]] = field(default_factory=list)


def _slug(text: str) -> str:
    text = re.sub(r"<[^>]+>", "", text).strip().lower()
    text = re.sub(r"[^\w\s-]", "", text)
    return re.sub(r"[-\s]+", "-", text).strip("-")


def _names(authors: tuple[Any, ...]) -> str:
    names = [a.natural() for a in authors]
    if len(names) <= 2:
        return " and ".join(names)
    return ", ".join(names[:-1]) + ", and " + names[-1]


def reference_html(entry: Entry) -> dict[str, str]:
    """One reference of the appendix: title, authors, venue line and link."""
    venue = (
        entry.get("journal")
        or entry.get("booktitle")
        or entry.get("publisher")
        or entry.get("school")
        or entry.get("howpublished")
        or ""
    )
    parts = [p for p in (venue, entry.get("volume") and f"Vol {entry.get('volume')}") if p]
    if entry.year:
        parts.append(str(entry.year))
    url = entry.get("url") or (f"https://doi.org/{entry.get('doi')}" if entry.get("doi") else "")
    return {
        "key": entry.key,
        "title": entry.title_html or html.escape(entry.title or entry.key),
        "authors": html.escape(_names(entry.authors)),
        "venue": html.escape(". ".join(parts)),
        "url": url,
    }


class DistillFeature(Feature):
    name = "distill"

    def __init__(self) -> None:
        self._views: dict[str, DistillView] = {}

    def configure(self, ctx: BuildContext) -> None:
        self._views = {}

    # -- before Markdown: <d-code> ---------------------------------------------------------

    def page_markdown(self, ctx: BuildContext, page: Page, source: SourcePage, text: str) -> str:
        if source.layout != "distill" or "<d-code" not in text:
            return text
        cmap = code_map(text, literal_tags=("pre", "code", "script", "style", "textarea"))
        out: list[str] = []
        position = 0
        for match in _D_CODE.finditer(text):
            if cmap.is_code(match.start()):
                continue
            out.append(text[position : match.start()])
            position = match.end()
            attrs = match.group("attrs")
            language = _LANGUAGE.search(attrs)
            lang = language.group(1) if language else ""
            body = html.unescape(match.group("body"))
            if re.search(r"\bblock\b", attrs):
                code = _dedent(body)
                longest = max((len(r) for r in re.findall(r"`+", code)), default=0)
                fence = "`" * max(3, longest + 1)
                out.append(f"\n\n{fence}{lang}\n{code}\n{fence}\n\n")
            else:
                escaped = html.escape(body.strip())
                out.append(f'<code class="language-{html.escape(lang)}">{escaped}</code>')
        out.append(text[position:])
        return "".join(out)

    # -- after Markdown: citations, footnotes ----------------------------------------------

    def page_content(
        self, ctx: BuildContext, page: Page, source: SourcePage, html_text: str
    ) -> str:
        if source.layout != "distill":
            return html_text
        meta = source.meta
        view = DistillView()
        bib = self._bibliography(ctx, source)
        order: dict[str, int] = {}

        def cite(match: re.Match[str]) -> str:
            links = []
            for key in [k.strip() for k in match.group(1).split(",") if k.strip()]:
                entry = bib.by_key.get(key) if bib else None
                if entry is None:
                    ctx.problems.add(
                        f"<d-cite key=\"{key}\">: no entry '{key}' in "
                        f"{meta.get('bibliography') or 'the post (no bibliography: set)'}",
                        source.abs_path,
                        hint="add the entry to the post's bib file in assets/bibliography/",
                    )
                    links.append('<span class="citation-missing">?</span>')
                    continue
                if key not in order:
                    order[key] = len(order) + 1
                    view.references.append(reference_html(entry))
                title = html.escape(f"{_names(entry.authors)}. {entry.title}".strip(". "))
                links.append(f'<a href="#bib-{html.escape(key)}" title="{title}">{order[key]}</a>')
            return f'<span class="citation">[{", ".join(links)}]</span>'

        html_text = _CITE.sub(cite, html_text)

        def footnote(match: re.Match[str]) -> str:
            number = len(view.footnotes) + 1
            view.footnotes.append((number, match.group(1).strip()))
            return (
                f'<sup class="footnote-marker" id="dfnref-{number}">'
                f'<a href="#dfn-{number}" aria-label="Footnote {number}">{number}</a></sup>'
            )

        html_text = _FOOTNOTE.sub(footnote, html_text)
        html_text = _WRAPPERS.sub("", html_text)

        authors = meta.get("authors")
        for author in authors if isinstance(authors, list) else []:
            if not isinstance(author, dict):
                ctx.problems.add(
                    f"each of 'authors' must be a mapping with a name, found {author!r}",
                    source.abs_path,
                    meta.lines.get("authors"),
                    "write it like `- name: Ada Lovelace`; this author is left out of the byline",
                )
                continue
            affiliations = author.get("affiliations") or []
            if isinstance(affiliations, dict):
                affiliations = [affiliations]
            names = [
                {"name": str(a.get("name") or ""), "url": str(a.get("url") or "")}
                for a in affiliations
                if isinstance(a, dict) and a.get("name")
            ]
            view.authors.append(
                {
                    "name": str(author.get("name") or ""),
                    "url": str(author.get("url") or ""),
                    "affiliations": names,
                }
            )
        view.affiliations = any(a["affiliations"] for a in view.authors)
        when = parse_date(meta.get("date")) if meta.get("date") else None
        if when is None:
            when = _date_from_name(source.abs_path)
        view.date_label = long_date(when)
        toc = meta.get("toc")
        if isinstance(toc, list):
            view.toc = [_toc_entry(item) for item in toc if isinstance(item, dict)]
        self._views[page.file.src_uri] = view
        return html_text

    def export_page(self, ctx: BuildContext, src_uri: str) -> Any:
        return self._views.get(src_uri)

    def import_page(self, ctx: BuildContext, src_uri: str, kept: Any) -> None:
        if kept is not None:
            self._views[src_uri] = kept

    def page_context(
        self, ctx: BuildContext, page: Page, source: SourcePage, view: PageView
    ) -> None:
        distill = self._views.pop(page.file.src_uri, None)
        if distill is not None:
            view.extra["distill"] = distill

    def _bibliography(self, ctx: BuildContext, source: SourcePage) -> Bibliography | None:
        name = source.meta.get("bibliography")
        if not name:
            return None
        name = str(name).strip()
        paths = ctx.site.paths
        candidates = [
            paths.root / "assets" / "bibliography" / name,
            paths.assets_dir / "bibliography" / name,
            paths.bib_dir / name,
        ]
        for path in candidates:
            trace.depend("file", str(path))  # the post is drawn again when the file changes
            if path.is_file():
                return load_bibliography(path, ctx.problems)
        ctx.problems.add(
            f"bibliography: '{name}' not found",
            source.abs_path,
            source.meta.lines.get("bibliography"),
            f"put the file in {paths.root / 'assets' / 'bibliography'}",
        )
        return None


def _toc_entry(item: dict[str, Any]) -> dict[str, Any]:
    name = str(item.get("name") or "")
    subsections = item.get("subsections") or []
    return {
        "name": name,
        "id": _slug(name),
        "subsections": [_toc_entry(s) for s in subsections if isinstance(s, dict)],
    }


def _dedent(text: str) -> str:
    lines = text.strip("\n").split("\n")
    indents = [len(line) - len(line.lstrip()) for line in lines if line.strip()]
    cut = min(indents) if indents else 0
    return "\n".join(line[cut:] for line in lines)


def _date_from_name(path: Path) -> Any:
    match = re.match(r"(\d{4})-(\d{2})-(\d{2})-", Path(path).name)
    if not match:
        return None
    from datetime import date

    try:
        return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None
