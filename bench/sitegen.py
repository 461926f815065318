"""The bench site: a generated al-folio site of any size, and the same posts for Jekyll and Hugo.

`bench/site_bench.py` measures builds of it; `tests/integration/test_incremental.py` edits a
small one under `mkdocs serve`-style rebuilds. Every kind of edit a user makes all day
(`EDITS`) is defined here once, so the benchmark times exactly what the test checks.

    generate(root, posts=1000, news=300, projects=100, entries=2000)

writes `root/folio` (the al-folio site), `root/jekyll` and `root/hugo`.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bib_bench import make_bib, write_linked_files

WORDS = [
    "model",
    "data",
    "learning",
    "engine",
    "graph",
    "signal",
    "theory",
    "method",
    "result",
    "network",
    "energy",
    "field",
    "system",
    "measure",
    "sample",
    "error",
    "bound",
    "proof",
    "claim",
    "study",
    "paper",
    "figure",
    "table",
]
TAGS = ["ml", "physics", "notes", "code", "math", "teaching", "travel", "ideas", "books", "talks"]
CATEGORIES = ["research", "life", "tutorials", "meta"]

CONFIG = """
title: blank
first_name: Bench
last_name: Mark
url: https://bench.example.org
baseurl: ""
description: A generated site.
permalink: /blog/:year/:title/
blog_name: notes
blog_description: a generated blog
display_tags: [ml, physics, code]
display_categories: [research]
enable_project_categories: true
pagination:
  enabled: true
related_blog_posts:
  enabled: true
  max_related: 5
collections:
  news:
    defaults:
      layout: post
    output: true
  projects:
    output: true
scholar:
  last_name: [Asano]
  first_name: [Yuki M.]
  group_by: year
  group_order: descending
"""

ABOUT = """---
layout: about
title: about
permalink: /
selected_papers: true
social: true
announcements:
  enabled: true
  scrollable: true
  limit: 5
latest_posts:
  enabled: true
  scrollable: true
  limit: 3
---

A generated biography with **Markdown**.

{% include bench_note.liquid text="from the about page" %}
"""

# The site's own include (al-folio sites carry `_includes/`), used by the about page.
INCLUDE = """<p class="bench-note">A note {{ include.text }}, kept in _includes/.</p>
"""

# A theme override (`theme: custom_dir`) of the page layout: what a site that changes a
# layout provides. It adds a line under every page that uses the layout.
PAGE_OVERRIDE = """{% extends "main.html" %}
{% from "partials/folio/titles.html" import page_header %}
{% block content %}
<div class="post">
  {{ page_header(page.title, folio_page.description if folio_page) }}
  <article>
    {{ page.content }}
  </article>
  <p class="bench-override">page layout from overrides/</p>
</div>
{% endblock %}
"""

# Two posts that read other inputs: one cites a paper, one lists the newest posts.
CITING_POST = """---
layout: post
title: a post that cites a paper
date: 2024-06-01 09:00:00
tags: notes
categories: research
---

This builds on {% cite KEY %}, a selected paper.
"""

LISTING_POST = """---
layout: post
title: a post that lists the newest posts
date: 2024-06-02 09:00:00
tags: notes
categories: meta
---

The newest posts:
{% for post in site.posts limit:3 %}
- [{{ post.title }}]({{ post.url | relative_url }})
{% endfor %}
"""

BLOG = """---
layout: default
permalink: /blog/
title: blog
nav: true
nav_order: 1
pagination:
  enabled: true
  collection: posts
  permalink: /page/:num/
  per_page: 5
  sort_field: date
  sort_reverse: true
  trail:
    before: 1
    after: 3
---

<div class="post">
<div class="header-bar"><h1>{{ site.blog_name }}</h1><h2>{{ site.blog_description }}</h2></div>
{% assign featured_posts = site.posts | where: "featured", "true" %}
{% if featured_posts.size > 0 %}<div class="featured-posts">{% for post in featured_posts %}
<a href="{{ post.url | relative_url }}">{{ post.title }}</a>{% endfor %}</div>{% endif %}
<ul class="post-list">
{% for post in paginator.posts %}
{% assign read_time = post.content | number_of_words | divided_by: 180 | plus: 1 %}
{% assign year = post.date | date: "%Y" %}
<li><h3><a class="post-title" href="{{ post.url | relative_url }}">{{ post.title }}</a></h3>
<p>{{ post.description }}</p>
<p class="post-meta">{{ read_time }} min read &middot; {{ post.date | date: '%B %d, %Y' }}</p>
<p class="post-tags"><a href="{{ year | prepend: '/blog/' | relative_url }}">{{ year }}</a>
{% for tag in post.tags %}<a href="{{ tag | slugify | prepend: '/blog/tag/' | relative_url }}">{{ tag }}</a> {% endfor %}
{% for category in post.categories %}<a href="{{ category | slugify | prepend: '/blog/category/' | relative_url }}">{{ category }}</a> {% endfor %}</p>
</li>
{% endfor %}
</ul>
{% include pagination.liquid %}
</div>
"""

NEWS = """---
layout: page
title: news
permalink: /news/
nav: true
---

{% include news.liquid %}
"""

PROJECTS = """---
layout: page
title: projects
permalink: /projects/
nav: true
display_categories: [work, fun]
---

<div class="projects">
{% for category in page.display_categories %}
<h2 class="category">{{ category }}</h2>
{% assign sorted_projects = site.projects | where: "category", category | sort: "importance" %}
<div class="row row-cols-1 row-cols-md-3">
{% for project in sorted_projects %}{% include projects.liquid %}{% endfor %}
</div>
{% endfor %}
</div>
"""

PUBLICATIONS = """---
layout: page
title: publications
permalink: /publications/
nav: true
---

{% include bib_search.liquid %}

<div class="publications">

{% bibliography %}

</div>
"""


def words(rng: random.Random, count: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(count))


def post_body(rng: random.Random, index: int) -> str:
    parts = [words(rng, 80) + ".", f"## Section {index}", words(rng, 120) + "."]
    parts.append("- " + words(rng, 6) + "\n- " + words(rng, 6) + "\n- " + words(rng, 6))
    parts.append("```python\nfor i in range(10):\n    print(i * 2)\n```")
    parts.append(f"A [link](https://example.org/{index}) and `code` and *emphasis*.")
    parts.append(words(rng, 150) + ".")
    return "\n\n".join(parts) + "\n"


def generate(
    root: Path,
    posts: int,
    news: int,
    projects: int,
    entries: int,
    *,
    publication_pages: bool = False,
) -> dict[str, Path]:
    """Write the folio site to `root/folio`, and the same posts for Jekyll and Hugo.

    Besides the posts, news, projects and papers, the folio site has what the edit kinds of
    `EDITS` touch: an include of its own, a layout override and posts that cite a paper
    and list other posts. `publication_pages` gives every paper a page of its own.
    """
    rng = random.Random(11)
    folio = root / "folio"
    jekyll = root / "jekyll"
    hugo = root / "hugo"
    for folder in ("_pages", "_posts", "_news", "_projects", "_bibliography", "_data"):
        (folio / folder).mkdir(parents=True, exist_ok=True)
    config = CONFIG + ("publication_pages: true\n" if publication_pages else "")
    (folio / "_config.yml").write_text(config)
    (folio / "_includes").mkdir(exist_ok=True)
    (folio / "_includes/bench_note.liquid").write_text(INCLUDE)
    (folio / "overrides/layouts").mkdir(parents=True, exist_ok=True)
    (folio / "overrides/layouts/page.html").write_text(PAGE_OVERRIDE)
    (folio / "_posts/2024-06-02-listing-post.md").write_text(LISTING_POST)
    (folio / "_data/socials.yml").write_text("email: bench@example.org\nrss_icon: true\n")
    (folio / "_pages/about.md").write_text(ABOUT)
    (folio / "_pages/blog.md").write_text(BLOG)
    (folio / "_pages/news.md").write_text(NEWS)
    (folio / "_pages/projects.md").write_text(PROJECTS)
    (folio / "_pages/publications.md").write_text(PUBLICATIONS)
    bib = make_bib(entries)
    (folio / "_bibliography/papers.bib").write_text(bib)
    write_linked_files(folio, bib)
    (folio / "_posts/2024-06-01-citing-post.md").write_text(
        CITING_POST.replace("KEY", _selected_key(bib))
    )
    (folio / "mkdocs.yml").write_text(
        "site_name: Bench Mark\nsite_url: https://bench.example.org/\ndocs_dir: _pages\n"
        "site_dir: _site\ntheme:\n  name: folio\n  custom_dir: overrides\nplugins:\n  - material/search\n  - folio\n"
    )

    (jekyll / "_posts").mkdir(parents=True, exist_ok=True)
    (jekyll / "_layouts").mkdir(parents=True, exist_ok=True)
    (jekyll / "_config.yml").write_text(
        "permalink: /blog/:year/:title/\nmarkdown: kramdown\n"
        "collections:\n  news:\n    output: true\n  projects:\n    output: true\n"
    )
    (jekyll / "_news").mkdir(exist_ok=True)
    (jekyll / "_projects").mkdir(exist_ok=True)
    layout = (
        "<!doctype html><title>{{ page.title }}</title><h1>{{ page.title }}</h1>{{ content }}\n"
    )
    (jekyll / "_layouts/post.html").write_text(layout)
    (jekyll / "_layouts/default.html").write_text(layout)
    for section in ("posts", "news", "projects"):
        (hugo / "content" / section).mkdir(parents=True, exist_ok=True)
    (hugo / "layouts/_default").mkdir(parents=True, exist_ok=True)
    (hugo / "config.toml").write_text(
        'baseURL = "https://bench.example.org/"\ntitle = "bench"\n'
        'disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT"]\n'
        "[permalinks]\n  posts = '/blog/:year/:slug/'\n"
    )
    (hugo / "layouts/_default/single.html").write_text(
        "<!doctype html><title>{{ .Title }}</title><h1>{{ .Title }}</h1>{{ .Content }}\n"
    )
    (hugo / "layouts/_default/list.html").write_text("<!doctype html><title>{{ .Title }}</title>\n")

    for i in range(posts):
        year = 2000 + i % 25
        month = 1 + i % 12
        day = 1 + i % 28
        slug = f"post-{i:04d}"
        tags = rng.sample(TAGS, 2)
        category = rng.choice(CATEGORIES)
        title = f"post {i}: {words(rng, 4)}"
        date = f"{year}-{month:02d}-{day:02d}"
        body = post_body(rng, i)
        featured = "featured: true\n" if i % 250 == 0 else ""
        front = (
            f'---\nlayout: post\ntitle: "{title}"\ndate: {date} 10:{i % 60:02d}:00\n'
            f"description: {words(rng, 8)}\ntags: {' '.join(tags)}\ncategories: {category}\n"
            f"{featured}---\n\n"
        )
        (folio / "_posts" / f"{date}-{slug}.md").write_text(front + body)
        (jekyll / "_posts" / f"{date}-{slug}.md").write_text(front + body)
        hugo_front = (
            f'---\ntitle: "{title}"\ndate: {date}T10:{i % 60:02d}:00Z\nslug: {slug}\n'
            f"tags: [{', '.join(tags)}]\ncategories: [{category}]\n---\n\n"
        )
        (hugo / "content/posts" / f"{date}-{slug}.md").write_text(hugo_front + body)
    for i in range(news):
        inline = i % 3 != 0
        title = "" if inline else f"title: announcement {i}\n"
        date = f"{2010 + i % 15}-{1 + i % 12:02d}-{1 + i % 28:02d}"
        text = (
            f"---\nlayout: post\ndate: {date} 15:59:00-0400\n"
            f"inline: {'true' if inline else 'false'}\n{title}---\n\n"
            f"News *{i}*: {words(rng, 20)}.\n"
        )
        (folio / "_news" / f"announcement_{i:03d}.md").write_text(text)
        (jekyll / "_news" / f"announcement_{i:03d}.md").write_text(text)
        (hugo / "content/news" / f"announcement_{i:03d}.md").write_text(
            f"---\ntitle: announcement {i}\ndate: {date}T15:59:00-04:00\n---\n\n"
            + text.split("---\n\n", 1)[1]
        )
    for i in range(projects):
        body = f"{words(rng, 200)}.\n"
        front = (
            f"---\nlayout: page\ntitle: project {i}\ndescription: {words(rng, 6)}\n"
            f"importance: {i % 7}\ncategory: {'work' if i % 2 else 'fun'}\n---\n\n"
        )
        (folio / "_projects" / f"{i:03d}_project.md").write_text(front + body)
        (jekyll / "_projects" / f"{i:03d}_project.md").write_text(front + body)
        (hugo / "content/projects" / f"{i:03d}_project.md").write_text(
            f"---\ntitle: project {i}\n---\n\n{body}"
        )
    return {"folio": folio, "jekyll": jekyll, "hugo": hugo}


# --- Edits: what a user changes all day, each with the page that shows it ---------------------


@dataclass(frozen=True)
class Edit:
    """One kind of edit. `apply(site, n)` makes the n-th edit of this kind (n = 1, 2, ...)
    in the folio site and returns (url, marker): a page that must change and a text that
    is on it after the edit (or, when `gone` is true, that is no longer on it)."""

    name: str
    apply: Callable[[Path, int], tuple[str, str]]
    gone: bool = False


def _posts(site: Path) -> list[Path]:
    return sorted((site / "_posts").glob("*.md"))


def _edit_post_body(site: Path, n: int) -> tuple[str, str]:
    generated = [p for p in _posts(site) if "-post-" in p.name]
    post = generated[len(generated) // 2]
    text = post.read_text()
    head, body = text.split("---\n\n", 1)
    marker = f"Edited body {n}."
    post.write_text(f"{head}---\n\n{marker}\n\n{body}")
    year, slug = post.name[:4], post.stem[11:]
    return f"blog/{year}/{slug}/", marker


def _edit_post_title(site: Path, n: int) -> tuple[str, str]:
    newest = _posts(site)[-1]
    lines = newest.read_text().split("\n")
    marker = f"Retitled post {n}"
    lines = [f'title: "{marker}"' if line.startswith("title:") else line for line in lines]
    newest.write_text("\n".join(lines))
    return "", marker


def _feature_post(site: Path, n: int) -> tuple[str, str]:
    """A post's front matter: featured, it shows on every page of the blog index."""
    generated = [p for p in _posts(site) if "-post-" in p.name]
    # The n-th post that is not featured yet: the edit always changes a file.
    plain = [p for p in generated if "featured: true" not in p.read_text()]
    post = plain[n % len(plain)]
    text = post.read_text()
    post.write_text(text.replace("\n---\n", "\nfeatured: true\n---\n", 1))
    title = re.search(r'title: "([^"]*)"', text)
    assert title is not None
    return "blog/page/2/", title.group(1)


def _selected_key(bib: str) -> str:
    return re.findall(r"@article\{(key\d+),[^@]*?selected = \{true\}", bib)[0]


def _edit_paper_title(site: Path, n: int) -> tuple[str, str]:
    path = site / "_bibliography/papers.bib"
    bib = path.read_text()
    key = _selected_key(bib)
    start = bib.index("@article{" + key + ",")
    end = bib.index("\n}\n", start)
    marker = f"Retitled paper {n}"
    entry = re.sub(r"  title = [^\n]*", f"  title = {{{marker}}},", bib[start:end], count=1)
    path.write_text(bib[:start] + entry + bib[end:])
    return "", marker


def _newest_inline_news(site: Path) -> Path:
    items = [p for p in (site / "_news").glob("*.md") if "inline: true" in p.read_text()]
    return max(items, key=lambda p: (p.read_text().split("date: ", 1)[1][:10], p.name))


def _edit_news(site: Path, n: int) -> tuple[str, str]:
    item = _newest_inline_news(site)
    head, _body = item.read_text().split("---\n\n", 1)
    marker = f"News edited {n}"
    item.write_text(f"{head}---\n\n{marker}: the newest announcement.\n")
    return "", marker


def _edit_socials(site: Path, n: int) -> tuple[str, str]:
    marker = f"bench-user-{n}"
    (site / "_data/socials.yml").write_text(
        f"email: bench@example.org\ngithub_username: {marker}\nrss_icon: true\n"
    )
    return "", marker


def _edit_config(site: Path, n: int) -> tuple[str, str]:
    path = site / "_config.yml"
    lines = [line for line in path.read_text().split("\n") if not line.startswith("footer_text:")]
    marker = f"Footer edited {n}"
    path.write_text("\n".join(lines).rstrip("\n") + f"\nfooter_text: {marker}\n")
    generated = [p for p in _posts(site) if "-post-" in p.name]
    post = generated[0]
    return f"blog/{post.name[:4]}/{post.stem[11:]}/", marker


def _edit_include(site: Path, n: int) -> tuple[str, str]:
    marker = f"include edited {n}"
    (site / "_includes/bench_note.liquid").write_text(
        f'<p class="bench-note">A note {{{{ include.text }}}}, {marker}.</p>\n'
    )
    return "", marker


def _edit_layout(site: Path, n: int) -> tuple[str, str]:
    path = site / "overrides/layouts/page.html"
    marker = f"layout edited {n}"
    text = re.sub(
        r'<p class="bench-override">[^<]*</p>',
        f'<p class="bench-override">{marker}</p>',
        path.read_text(),
    )
    path.write_text(text)
    return "projects/", marker


NEW_POST = "2025-12-31-a-new-post.md"


def _add_post(site: Path, n: int) -> tuple[str, str]:
    marker = f"A new post {n}"
    (site / "_posts" / NEW_POST).write_text(
        f'---\nlayout: post\ntitle: "{marker}"\ndate: 2025-12-31 10:00:00\ntags: ml\n---\n\nNew.\n'
    )
    return "", marker


def _delete_post(site: Path, n: int) -> tuple[str, str]:
    (site / "_posts" / NEW_POST).unlink()
    return "", f"A new post {n}"


NEW_NEWS = "announcement_new.md"


def _add_news(site: Path, n: int) -> tuple[str, str]:
    marker = f"Fresh news {n}"
    (site / "_news" / NEW_NEWS).write_text(
        f"---\nlayout: post\ndate: 2025-12-31 15:59:00-0400\ninline: true\n---\n\n{marker}.\n"
    )
    return "", marker


def _delete_news(site: Path, n: int) -> tuple[str, str]:
    (site / "_news" / NEW_NEWS).unlink()
    return "", f"Fresh news {n}"


def _add_paper(site: Path, n: int) -> tuple[str, str]:
    path = site / "_bibliography/papers.bib"
    marker = f"A new paper {n}"
    path.write_text(
        path.read_text()
        + f"\n@article{{newpaper,\n  title = {{{marker}}},\n  author = {{Asano, Yuki M.}},\n"
        "  journal = {Journal of Bench},\n  year = {2025},\n  selected = {true}\n}\n"
    )
    return "", marker


def _delete_paper(site: Path, n: int) -> tuple[str, str]:
    path = site / "_bibliography/papers.bib"
    bib = path.read_text()
    path.write_text(bib[: bib.index("\n@article{newpaper,")] + "\n")
    return "", f"A new paper {n}"


EDITS: tuple[Edit, ...] = (
    Edit("post body", _edit_post_body),
    Edit("post title", _edit_post_title),
    Edit("post front matter", _feature_post),
    Edit("paper title", _edit_paper_title),
    Edit("news item", _edit_news),
    Edit("_data/socials.yml", _edit_socials),
    Edit("_config.yml", _edit_config),
    Edit("_includes/ file", _edit_include),
    Edit("layout override", _edit_layout),
    Edit("add a post", _add_post),
    Edit("delete a post", _delete_post, gone=True),
    Edit("add a news item", _add_news),
    Edit("delete a news item", _delete_news, gone=True),
    Edit("add a paper", _add_paper),
    Edit("delete a paper", _delete_paper, gone=True),
)
