"""Publications from BibTeX, engine-agnostic (no MkDocs imports).

Flow: `load_bibliography(path, problems)` (parsed once per content, cached) -> `Bibliography`
of `Entry`s -> `parse_bibliography_args` / `apply_request` pick entries for a
`{% bibliography %}` tag -> `bib_settings(...)` + `bibliography_view(...)` precompute what the
Jinja partials `partials/folio/bib/list.html` / `entry.html` print.

Also here: `bib.cite` (APA in-text citations and references for `{% cite %}`,
`{% reference %}`, `{% quote %}`), `bib.pagespec` (the `bibliography:` front matter of pages
written for MkDocs), `bib.meta` (Highwire meta tags, schema.org JSON-LD, script-safe JSON).

Where each step lives: reading in `cache` (`load_bibliography`), `loader` (entries from text),
`scanner` / `fastscan` (the BibTeX grammar), `fields`, `names`, `latex` and `latex_commands`
(what values mean); choosing in `query`; showing in `settings` (`bib_settings`), `view`
(`entry_view`, `bibliography_view`), `links`, `badges` and `bibtex` (the "Bib" text).
"""

from mkdocs_folio.bib.badges import THIRD_PARTY_SCRIPTS, BadgeView
from mkdocs_folio.bib.bibtex import DEFAULT_FILTERED_KEYWORDS, entry_bibtex, entry_bibtex_html
from mkdocs_folio.bib.cache import DEFAULT_CACHE, BibCache, load_bibliography
from mkdocs_folio.bib.group import UNDATED_LABEL, Group, group_by_year
from mkdocs_folio.bib.inline import inline_markdown
from mkdocs_folio.bib.latex import latex_to_html, latex_to_text, unescape_url
from mkdocs_folio.bib.loader import parse_bibliography, parse_month
from mkdocs_folio.bib.meta import (
    highwire_meta,
    json_for_script,
    person_jsonld,
    scholarly_jsonld,
)
from mkdocs_folio.bib.model import (
    MARK_CHARS,
    Author,
    Bibliography,
    Entry,
    merge_bibliographies,
)
from mkdocs_folio.bib.names import remove_accents
from mkdocs_folio.bib.query import (
    BibliographyRequest,
    Query,
    QueryError,
    apply_request,
    compile_query,
    parse_bibliography_args,
    select_entries,
)
from mkdocs_folio.bib.settings import BibSettings, bib_settings, details_key, with_details
from mkdocs_folio.bib.view import (
    AuthorView,
    BibListView,
    ButtonView,
    EntryView,
    PreviewView,
    bibliography_view,
    cite_text,
    entry_view,
    entry_views,
)

__all__ = [
    "DEFAULT_CACHE",
    "DEFAULT_FILTERED_KEYWORDS",
    "MARK_CHARS",
    "THIRD_PARTY_SCRIPTS",
    "UNDATED_LABEL",
    "Author",
    "AuthorView",
    "BadgeView",
    "BibCache",
    "BibListView",
    "BibSettings",
    "Bibliography",
    "BibliographyRequest",
    "ButtonView",
    "Entry",
    "EntryView",
    "Group",
    "PreviewView",
    "Query",
    "QueryError",
    "apply_request",
    "bib_settings",
    "bibliography_view",
    "cite_text",
    "compile_query",
    "details_key",
    "entry_bibtex",
    "entry_bibtex_html",
    "entry_view",
    "entry_views",
    "group_by_year",
    "highwire_meta",
    "inline_markdown",
    "json_for_script",
    "latex_to_html",
    "latex_to_text",
    "load_bibliography",
    "merge_bibliographies",
    "parse_bibliography",
    "parse_bibliography_args",
    "parse_month",
    "person_jsonld",
    "remove_accents",
    "scholarly_jsonld",
    "select_entries",
    "unescape_url",
    "with_details",
]
