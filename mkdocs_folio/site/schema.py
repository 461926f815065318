"""The type of every `_config.yml` and front-matter key that mkdocs-folio reads, checked once.

al-folio's readers are forgiving on purpose: `as_bool("maybe")` is false, a `scholar: yes` is
"no settings", a `collections: []` is "the default collections". That keeps the build alive,
but it also made a typo silent: the user wrote something, and nothing said it was ignored.

This module is the one place that knows what shape each key must have. A value of the wrong
type is reported once (file, line, what the key takes, what happens now) and removed, so the
readers further down see "not set" and use their default instead of guessing, and no second
warning about the same value follows. Keys that a reader checks itself, with a more precise
message (`permalink`, `nav_order`, `profile`, `exclude`, `max_author_limit`...), are not listed
here. An unknown key is reported only when it looks like a typo of a known one (or sits in a
map whose keys are all known): Jekyll sites carry many settings for other plugins.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from mkdocs_folio.problems import Problems
from mkdocs_folio.site.dates import parse_date
from mkdocs_folio.site.yamlfile import LineDict

BOOL_WORDS = {"true", "false", "yes", "no", "on", "off", "1", "0"}
CSS_LENGTH = re.compile(r"^\s*\d+(\.\d+)?\s*(px|em|rem|%|vw|ch|pt|cm|mm|in)?\s*$", re.I)


@dataclass(frozen=True)
class Spec:
    """What one key takes: one or more of `bool`, `text`, `number`, `date`, `length`, `map`,
    `list`, `words` (a word, or a list of words); for maps the specs of their `fields` (or of
    every value, `values`), for lists the spec of their `items`."""

    kinds: tuple[str, ...]
    fields: Mapping[str, Spec] = field(default_factory=dict)
    values: Spec | None = None
    items: Spec | None = None
    example: str = ""
    closed: tuple[str, ...] | None = None
    """For maps whose keys are all known: the keys besides `fields` that are read elsewhere.
    Any other key is a typo (`aling: left`) and is reported."""


def _s(*kinds: str, example: str = "", **kwargs: Any) -> Spec:
    return Spec(tuple(kinds), example=example, **kwargs)


BOOL = _s("bool", example="true")
TEXT = _s("text", example="some text")
NUMBER = _s("number", example="3")
DATE = _s("date", example="2024-05-01")
WORDS = _s("words", example="[a, b]")
LISTING = _s(
    "map",
    "bool",
    example="{enabled: true, limit: 5}",
    fields={"enabled": BOOL, "scrollable": BOOL},
    closed=("limit",),
)

# _config.yml: every key mkdocs-folio reads, except the ones checked by their own reader.
CONFIG: dict[str, Spec] = {
    **dict.fromkeys(
        [
            "title",
            "first_name",
            "middle_name",
            "last_name",
            "baseurl",
            "description",
            "footer_text",
            "contact_note",
            "impressum_path",
            "icon",
            "permalink",
            "blog_name",
            "blog_description",
            "disqus_shortname",
            "repo_theme_light",
            "repo_theme_dark",
            "google_analytics",
            "cronitor_analytics",
            "pirsch_analytics",
            "openpanel_analytics",
        ],
        TEXT,
    ),
    **dict.fromkeys(
        [
            "last_updated",
            "navbar_fixed",
            "footer_fixed",
            "enable_darkmode",
            "enable_progressbar",
            "enable_navbar_social",
            "enable_publication_thumbnails",
            "enable_video_embedding",
            "bib_search",
            "enable_math",
            "enable_medium_zoom",
            "lazy_loading_images",
            "future",
            "posts_in_search",
            "enable_project_categories",
            "enable_google_analytics",
            "enable_cronitor_analytics",
            "enable_pirsch_analytics",
            "enable_openpanel_analytics",
        ],
        BOOL,
    ),
    "keywords": WORDS,
    "timezone": _s("timezone", example="America/New_York"),
    "max_width": _s("length", example="930px"),
    "exclude": WORDS,
    "include": WORDS,
    "display_tags": WORDS,
    "display_categories": WORDS,
    "filtered_bibtex_keywords": WORDS,
    "announcements": LISTING,
    "latest_posts": LISTING,
    "scholar": _s(
        "map",
        example="{last_name: [Einstein], first_name: [Albert, A.]}",
        fields={
            "last_name": WORDS,
            "first_name": WORDS,
            **dict.fromkeys(
                ["source", "bibliography", "query", "group_by", "group_order", "style", "locale"],
                TEXT,
            ),
        },
    ),
    "enable_publication_badges": _s(
        "map",
        example="{altmetric: true}",
        fields=dict.fromkeys(["altmetric", "dimensions", "google_scholar", "inspirehep"], BOOL),
        closed=(),
    ),
    "badges": _s(
        "map",
        example="{altmetric_badge: true}",
        fields=dict.fromkeys(("altmetric_badge", "dimensions_badge"), BOOL),
    ),
    "pagination": _s(
        "map", example="{enabled: true}", fields={"enabled": BOOL, "per_page": NUMBER}
    ),
    "related_blog_posts": _s(
        "map",
        example="{enabled: true, max_related: 5}",
        fields={"enabled": BOOL, "max_related": NUMBER},
        closed=(),
    ),
    "collections": _s(
        "map",
        example="{news: {output: true}}",
        values=_s("map", example="{output: true}", fields={"output": BOOL, "permalink": TEXT}),
    ),
    "defaults": _s(
        "list",
        example="[{scope: {path: _posts}, values: {layout: post}}]",
        items=_s("map", example="{scope: {path: _posts}, values: {layout: post}}"),
    ),
    "external_sources": _s(
        "list",
        example="[{name: blog, posts: [...]}]",
        items=_s("map", example="{name: blog, posts: [...]}"),
    ),
    "jekyll_get_json": _s(
        "list",
        example="[{data: resume, json: file.json}]",
        items=_s("map", example="{data: resume, json: file.json}"),
    ),
    "jsonresume": _s("list", items=TEXT, example="[basics, work, education]"),
    "jekyll-archives": _s("map", example="{posts: {enabled: [year, tags]}}"),
    "feed": _s("map", example="{posts_limit: 10}"),
    "imagemagick": _s(
        "map",
        example="{enabled: true, widths: [480, 800]}",
        fields={
            "enabled": BOOL,
            "widths": _s("list", items=NUMBER, example="[480, 800, 1400]"),
            "input_directories": WORDS,
            "input_formats": WORDS,
        },
        closed=("output_formats",),
    ),
    "giscus": _s("map", example="{repo: you/site, repo_id: ..., category_id: ...}"),
    "analytics": _s("map", example="{google: G-XXXXXXXXXX}"),
    "calendar": _s("map", example="{calendar_id: you@gmail.com}"),
    "repo_trophies": _s(
        "map",
        example="{enabled: true}",
        fields={"enabled": BOOL},
        closed=("theme_light", "theme_dark"),
    ),
    "external_services": _s("map", example="{github_readme_stats_url: https://...}"),
}

# Front matter: the keys of pages, posts and collection documents.
FRONT_MATTER: dict[str, Spec] = {
    **dict.fromkeys(
        [
            "title",
            "description",
            "subtitle",
            "_styles",
            "img",
            "thumbnail",
            "cover",
            "category",
            "github",
            "github_stars",
            "cv_pdf",
            "cv_format",
            "status",
            "buy_link",
            "goodreads_review",
            "olid",
            "isbn",
            "instructor",
            "term",
            "location",
            "time",
            "course_id",
            "meta",
            "released",
        ],
        TEXT,
    ),
    **dict.fromkeys(
        [
            "nav",
            "dropdown",
            "published",
            "pretty_table",
            "selected_papers",
            "social",
            "news",
            "related_publications",
            "related_posts",
            "giscus_comments",
            "disqus_comments",
            "citation",
            "featured",
            "inline",
            "horizontal",
            "code_diff",
            "map",
            "pseudocode",
            "tikzjax",
            "typograms",
            "tabs",
        ],
        BOOL,
    ),
    **dict.fromkeys(("date", "started", "finished"), DATE),
    **dict.fromkeys(("last_updated", "last_modified_at"), _s("date", "bool", example="2024-05-01")),
    "redirect": _s("bool", "text", example="/blog/"),
    "tags": WORDS,
    "categories": WORDS,
    "display_categories": WORDS,
    "importance": NUMBER,
    "stars": NUMBER,
    "years": _s("list", items=NUMBER, example="[2024, 2023]"),
    "author": _s("text", "map", example="Ada Lovelace"),
    "authors": _s("list", example="[{name: Ada Lovelace, affiliations: {name: ...}}]"),
    "announcements": LISTING,
    "latest_posts": LISTING,
    "toc": _s(
        "map",
        "list",
        "bool",
        example="{sidebar: left}",
        fields={"beginning": BOOL},
        closed=("sidebar",),
    ),
    "pagination": _s("map", "bool", example="{enabled: true}", fields={"enabled": BOOL}),
    "mermaid": _s(
        "map", "bool", example="{enabled: true}", fields={"enabled": BOOL}, closed=("zoomable",)
    ),
    "chart": _s(
        "map",
        "bool",
        example="{chartjs: true}",
        fields=dict.fromkeys(["chartjs", "echarts", "plotly", "vega_lite"], BOOL),
        closed=(),
    ),
    "images": _s(
        "map",
        example="{compare: true}",
        closed=("compare", "slider", "lightbox2", "photoswipe", "spotlight", "venobox"),
    ),
    "search": _s("map", example="{exclude: true}"),
}

# _data/*.yml files that al-folio's readers expect in a given shape (socials.yml and cv.yml
# are checked by their own readers, which know every older form).
_COAUTHOR = _s(
    "map",
    example="{firstname: [Boris, B.], url: https://...}",
    fields={"firstname": WORDS},  # a bad `url` is reported by the co-author reader
)
DATA: dict[str, Spec] = {
    "coauthors": _s(
        "map",
        example="{podolsky: [{firstname: [Boris], url: https://...}]}",
        values=_s(
            "list",
            "map",
            example="[{firstname: [Boris], url: https://...}]",
            fields=_COAUTHOR.fields,
            items=_COAUTHOR,
        ),
    ),
    "venues": _s(
        "map",
        example='{AJP: {url: https://..., color: "#00369f"}}',
        values=_s("map", example='{color: "#00369f"}', fields={"url": TEXT, "color": TEXT}),
    ),
    "citations": _s(
        "map",
        example='{papers: {"qc6CJjYAAAAJ:qyhmnyLat1gC": {citations: 42}}}',
        fields={
            "papers": _s(
                "map",
                example='{"qc6CJjYAAAAJ:qyhmnyLat1gC": {citations: 42}}',
                values=_s("map", "number", example="{citations: 42}", fields={"citations": NUMBER}),
            )
        },
    ),
    "repositories": _s(
        "map",
        example="{github_users: [torvalds], github_repos: [alshedivat/al-folio]}",
        fields={
            "github_users": WORDS,
            "github_repos": WORDS,
            "repo_description_lines_max": NUMBER,
        },
    ),
}

_WHAT = {
    "bool": "true or false",
    "text": "text",
    "number": "a number",
    "date": "a date such as 2024-05-01",
    "length": "a width such as 930px",
    "map": "a mapping of `key: value` lines",
    "list": "a list",
    "words": "a word or a list of words",
    "timezone": "a time zone name from the tz database",
}


# Keys that are read by other parts of mkdocs-folio (with their own checks) or that al-folio
# and its Jekyll plugins define: never "did you mean" material.
KNOWN_CONFIG = {
    "url", "news_limit", "max_author_limit", "more_authors_animation_delay",
    "publication_pages", "math_engine", "socials", "rss_icon", "email", "lang", "markdown",
    "kramdown", "highlighter", "plugins", "theme", "sass", "keep_files", "include", "exclude",
    "search_enabled", "socials_in_search", "back_to_top", "serve_og_meta", "serve_schema_org",
    "og_image", "google_site_verification", "bing_site_verification", "newsletter", "lsi",
    "enable_masonry", "enable_tooltips", "enable_cookie_consent", "enable_google_verification",
    "enable_bing_verification", "external_links", "third_party_libraries", "al_folio",
    "highlight_theme_light", "highlight_theme_dark", "blog_nav_title", "panelbear_analytics",
    "enable_panelbear_analytics", "jekyll-minifier", "terser", "jekyll-diagrams", "academicons",
    "timezone", "source", "destination", "encoding", "repository", "github",
}  # fmt: skip
KNOWN_FRONT_MATTER = {
    "layout", "permalink", "nav_order", "children", "profile", "profiles", "bibliography",
    "schedule", "year", "collection", "covers", "sort", "tag", "image", "comments",
    "jupyter", "enable_math", "redirect_from", "last_modified_at", "excerpt", "slug",
    "lang", "sitemap", "hide", "og_image", "keywords", "math", "distill", "affiliations",
    "display_tags", "giscus", "disqus", "mermaid", "categories", "category",
}  # fmt: skip


def _near_misses(
    mapping: dict[Any, Any],
    specs: Mapping[str, Spec],
    known: set[str],
    path: Path | str | None,
    problems: Problems,
) -> None:
    """A key that is not read but is one letter away from one that is (`max_widht`,
    `pretty_tabel`) is a typo whose value is silently unused: say which key was meant.
    Other unknown keys stay quiet: Jekyll sites carry settings for many other plugins."""
    names = [*specs, *known]
    lines = mapping.lines if isinstance(mapping, LineDict) else {}
    for key in mapping:
        if not isinstance(key, str) or key in specs or key in known:
            continue
        guess = difflib.get_close_matches(key, names, n=1, cutoff=0.85)
        if guess:
            problems.add(
                f"unknown key '{key}'; did you mean '{guess[0]}'?",
                path,
                lines.get(key),
                f"rename it to {guess[0]}; until then it is ignored",
            )


def check_config(raw: dict[str, Any], path: Path | str | None, problems: Problems) -> None:
    """Check the keys of `_config.yml` (or of the plugin's `site:` option); remove bad values."""
    _near_misses(raw, CONFIG, KNOWN_CONFIG, path, problems)
    _check_map(raw, CONFIG, path, problems, prefix="", fallback_line=None)


def check_data(name: str, value: Any, path: Path | str, problems: Problems) -> bool:
    """Check one data file of al-folio's (`coauthors`, `venues`...); False: ignore the file.
    Bad entries inside it are removed, each with its warning."""
    spec = DATA.get(name)
    if spec is None:
        return True
    if not isinstance(value, dict):
        problems.add(
            f"{name} data must be a mapping of `key: value` lines, found {_describe(value)}",
            path,
            1,
            f"write lines like `{spec.example.strip('{}')}`; the file is ignored until then",
        )
        return False
    return check_value(value, spec, name, path, getattr(value, "line", None) or 1, problems)


def check_front_matter(meta: LineDict, path: Path | str, problems: Problems) -> None:
    """Check the front-matter keys of one file; remove bad values."""
    _near_misses(meta, FRONT_MATTER, KNOWN_FRONT_MATTER, path, problems)
    _check_map(meta, FRONT_MATTER, path, problems, prefix="", fallback_line=meta.line)


def _check_map(
    mapping: dict[Any, Any],
    specs: Mapping[str, Spec],
    path: Path | str | None,
    problems: Problems,
    *,
    prefix: str,
    fallback_line: int | None,
    values: Spec | None = None,
) -> None:
    lines = mapping.lines if isinstance(mapping, LineDict) else {}
    for key in list(mapping):
        spec = specs.get(key) if isinstance(key, str) else None
        if spec is None:
            spec = values
        if spec is None:
            continue
        value = mapping[key]
        line = lines.get(key, fallback_line)
        name = f"{prefix}{key}"
        if not check_value(value, spec, name, path, line, problems):
            del mapping[key]


def check_value(
    value: Any, spec: Spec, name: str, path: Path | str | None, line: int | None, problems: Problems
) -> bool:
    """Whether `value` may stay; reports it when it may not. Nested values of maps and lists
    are checked too, and bad ones removed from them in place (scalars are never changed)."""
    if value is None:
        return True  # an empty key: "not set", as in every al-folio config
    kind = _kind_of(value, spec.kinds)
    if kind is None:
        what = " or ".join(_WHAT[k] for k in spec.kinds)
        key = name.rsplit(".", 1)[-1]
        if "[" in key:
            fix = f"write each entry like `- {spec.example}`; " if spec.example else ""
        else:
            fix = f"write it like `{key}: {spec.example}`; " if spec.example else ""
        problems.add(
            f"'{name}' must be {what}, found {_describe(value)}",
            path,
            line,
            f"{fix}until then it is ignored",
        )
        return False
    if kind == "map" and spec.closed is not None:
        unknown_keys(value, [*spec.fields, *spec.closed], name, path, line, problems)
    if kind == "map" and (spec.fields or spec.values):
        _check_map(
            value,
            spec.fields,
            path,
            problems,
            prefix=f"{name}.",
            fallback_line=line,
            values=spec.values,
        )
    elif kind == "list" and spec.items is not None:
        kept = []
        for index, item in enumerate(value):
            item_line = getattr(item, "line", None) or line
            if check_value(item, spec.items, f"{name}[{index + 1}]", path, item_line, problems):
                kept.append(item)
        value[:] = kept
    elif kind == "words" and isinstance(value, list):
        bad = [item for item in value if isinstance(item, (dict, list))]
        if bad:
            problems.add(
                f"'{name}' must be a list of words, found {_describe(bad[0])} in it",
                path,
                line,
                "write each entry as a plain word; the others are kept",
            )
            value[:] = [item for item in value if not isinstance(item, (dict, list))]
    return True


def unknown_keys(
    mapping: Mapping[Any, Any],
    known: list[str],
    name: str,
    path: Path | str | None,
    line: int | None,
    problems: Problems,
) -> None:
    """Report the keys of a map whose keys are all known (`profile`, `toc`...) that are not
    among them: a typo such as `aling: left` is otherwise silently unused."""
    lines = getattr(mapping, "lines", {})
    for key in [k for k in mapping if k not in known]:
        guess = difflib.get_close_matches(str(key), known, n=1, cutoff=0.6)
        problems.add(
            f"unknown key '{key}' in '{name}'" + (f"; did you mean '{guess[0]}'?" if guess else ""),
            path,
            lines.get(key, line),
            f"the keys of {name} are {', '.join(known)}; it is ignored",
        )


def _kind_of(value: Any, kinds: tuple[str, ...]) -> str | None:
    """The first of `kinds` that `value` is, or None."""
    for kind in kinds:
        if kind == "bool" and (
            isinstance(value, bool)
            or (isinstance(value, int) and value in (0, 1))
            or (isinstance(value, str) and value.strip().lower() in BOOL_WORDS)
        ):
            return kind
        if kind == "text" and not isinstance(value, (dict, list)):
            return kind
        if kind == "number" and _is_number(value):
            return kind
        if kind == "date" and (isinstance(value, date) or parse_date(value) is not None):
            return kind
        if kind == "length" and (
            _is_number(value) or (isinstance(value, str) and CSS_LENGTH.match(value))
        ):
            return kind
        if kind == "timezone" and isinstance(value, str) and _is_timezone(value):
            return kind
        if kind == "map" and isinstance(value, dict):
            return kind
        if kind == "list" and isinstance(value, list):
            return kind
        if kind == "words" and not isinstance(value, dict):
            return kind
    return None


def _is_timezone(name: str) -> bool:
    try:
        ZoneInfo(name.strip())
    except (ValueError, ZoneInfoNotFoundError, OSError):
        return False
    return True


def _is_number(value: Any) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(value, (int, float)):
        return True
    if isinstance(value, str):
        try:
            float(value)
        except ValueError:
            return False
        return True
    return False


def _describe(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    text = str(value)
    return repr(text if len(text) <= 40 else text[:37] + "...")
