"""Every key mkdocs-folio reads, and what each takes: the tables `schema.py` checks against.

`CONFIG` (`_config.yml`), `FRONT_MATTER` (pages, posts, collection documents) and `DATA`
(`_data/*.yml` files of a known shape) map a key to its `Spec`; `KNOWN_CONFIG` and
`KNOWN_FRONT_MATTER` list the keys read elsewhere (with their own checks) or defined by
al-folio and its Jekyll plugins, which are never reported as typos. A key mkdocs-folio starts
to read is added here with an example: the example is what a warning about a bad value
suggests.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "BOOL",
    "CONFIG",
    "DATA",
    "DATE",
    "FRONT_MATTER",
    "KNOWN_CONFIG",
    "KNOWN_FRONT_MATTER",
    "LISTING",
    "NUMBER",
    "TEXT",
    "WORDS",
    "Spec",
]


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
