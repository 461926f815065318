"""`mkdocs-folio new PATH`: a new, ready-to-edit academic website.

The site uses al-folio's folder layout (`_config.yml`, `_pages/`, `_bibliography/`,
`_data/`, `_news/`, `_posts/`), so al-folio's documentation applies to it as it is, plus an
`mkdocs.yml` and a GitHub Actions workflow that builds with `--strict` and publishes to
GitHub Pages. Every example file is ours and says what to change. It never writes into a
folder that already has files in it.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from pathlib import Path

from mkdocs_folio import __version__

CONFIG_YML = """\
# Your site's settings, in al-folio's format: every al-folio key documented in mkdocs-folio's
# docs/configuration.md is read from here at each build. mkdocs.yml only points at this site.
title: blank # "blank" shows your name as the title of the site
first_name: {first}
middle_name: ""
last_name: {last}
description: >
  {name}'s academic website: research, publications and news.
contact_note: >
  Email is the best way to reach me.
footer_text: >
  Built with <a href="https://github.com/mkdocs-folio/mkdocs-folio">mkdocs-folio</a>.

# Where the site will be published. For GitHub Pages:
#   a user site (USERNAME.github.io repository):  url: https://USERNAME.github.io, baseurl: ""
#   a project site (any other repository NAME):    url: https://USERNAME.github.io, baseurl: /NAME
url: https://username.github.io
baseurl: ""

# How your name is written in BibTeX author lists: those authors are highlighted.
scholar:
  last_name: [{last}]
  first_name: [{first}, {initial}]

max_author_limit: 3 # longer author lists end with "and N more authors"
bib_search: true # the filter box on the publications page
enable_darkmode: true
"""

# What every mkdocs.yml we write says after site_name and site_url (`new` and `init`).
MKDOCS_SETTINGS = """\
docs_dir: _pages
site_dir: _site

theme:
  name: folio

plugins:
  - material/search
  - folio
"""

MKDOCS_YML = (
    """\
# Written by `mkdocs-folio new`. The site's own settings live in _config.yml (al-folio's
# format); this file tells MkDocs where the pages are and which theme and plugins to use.
site_name: "{name}"
site_url: https://username.github.io/
"""
    + MKDOCS_SETTINGS
)

ABOUT_MD = """\
---
layout: about
title: about
permalink: /
subtitle: Researcher in <em>your field</em> at <a href="https://example.org">Your University</a>.

profile:
  align: right
  image: prof_pic.svg
  image_circular: false
  more_info: >
    <p>Office 1.23</p>
    <p>Your University</p>

selected_papers: true # papers with selected = {{true}} in _bibliography/papers.bib
social: true # the icons from _data/socials.yml

announcements:
  enabled: true # news from _news/
  scrollable: true
  limit: 5

latest_posts:
  enabled: true # posts from _posts/
  scrollable: true
  limit: 3
---

Welcome! This is the about page of {name}. Write a few paragraphs about yourself here, in
Markdown: what you work on, where, and with whom. This file is `_pages/about.md`; the picture
beside it is `assets/img/prof_pic.svg` (use a JPEG or PNG of your own and change `image:`
above).

Your selected papers, news and latest posts appear below by themselves.
"""

PUBLICATIONS_MD = """\
---
layout: page
title: publications
permalink: /publications/
description: Publications in reverse chronological order.
nav: true
nav_order: 1
---

{% include bib_search.liquid %}

<div class="publications">

{% bibliography %}

</div>
"""

BIB = """\
---
---
% Your publications, in BibTeX. Export them from Google Scholar, DBLP or your reference
% manager and paste them here. Extra fields control the buttons: abstract, pdf, code,
% html, slides, bibtex_show, selected, abbr (the badge) and more (see the documentation).

@article{{{key}2025example,
  title = {{An Example Paper You Can Replace}},
  author = {{{last}, {first} and Doe, Jane and Roe, Richard}},
  journal = {{Journal of Examples}},
  year = {{2025}},
  abstract = {{A short abstract: readers open it with the Abs button.}},
  abbr = {{JEx}},
  bibtex_show = {{true}},
  selected = {{true}},
}}

@inproceedings{{{key}2023workshop,
  title = {{A Workshop Paper from a Few Years Ago}},
  author = {{Doe, Jane and {last}, {first}}},
  booktitle = {{Proceedings of the Workshop on Examples}},
  year = {{2023}},
  html = {{https://example.org/}},
}}
"""

SOCIALS_YML = """\
# Social links shown as icons on the about page, in this order. Remove what you do not use;
# the documentation lists every network (scholar_userid, orcid_id, linkedin_username, ...).
email: {email}
github_username: username
orcid_id: 0000-0000-0000-0000
"""

NEWS_MD = """\
---
layout: post
date: {date}
inline: true
---

This website is online, built with mkdocs-folio.
"""

POST_MD = """\
---
layout: post
title: Hello, world
date: {date}
description: The first post of this website.
tags: news
---

This is a blog post: a Markdown file in `_posts/` whose name starts with its date
(`YYYY-MM-DD-title.md`). The newest posts are listed on the about page.

Write *Markdown* as usual: lists, links, code and tables work.

```python
print("hello, world")
```
"""

# What the deploy workflow's cache key hashes: the site's settings, content and requirements.
CACHE_INPUTS = (
    "requirements.txt",
    "mkdocs.yml",
    "_config.yml",
    "_pages/**",
    "_bibliography/**",
    "_data/**",
    "_news/**",
    "_posts/**",
    "_projects/**",
    "_teachings/**",
    "assets/**",
)

WORKFLOW_YML = """\
# Builds the site with `mkdocs build --strict` on every push to main and publishes it to
# GitHub Pages. In the repository's Settings > Pages, set "Source" to "GitHub Actions".
name: Deploy site

on:
  push:
    branches: [main]
  workflow_dispatch:

permissions:
  contents: read
  pages: write
  id-token: write

concurrency:
  group: pages
  cancel-in-progress: false

jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-python@v5
        with:
          python-version: "3.12"
          cache: pip
          cache-dependency-path: requirements.txt
      - run: python -m pip install -r requirements.txt
      # mkdocs-folio's build cache: what an unchanged file needs is not worked out again.
      # The key changes with the content; a near match (the newest cache) is used otherwise.
      - uses: actions/cache@v4
        with:
          path: .cache/mkdocs-folio
          key: mkdocs-folio-${{ runner.os }}-${{ hashFiles(CACHE_INPUTS) }}
          restore-keys: |
            mkdocs-folio-${{ runner.os }}-
      - run: mkdocs build --strict
        env:
          NO_MKDOCS_2_WARNING: "1"
      - uses: actions/upload-pages-artifact@v3
        with:
          path: _site

  deploy:
    needs: build
    runs-on: ubuntu-latest
    environment:
      name: github-pages
      url: ${{ steps.deployment.outputs.page_url }}
    steps:
      - id: deployment
        uses: actions/deploy-pages@v4
"""

# Where mkdocs-folio's source is published. The project's address is not settled yet
# (pyproject.toml names none), so `<owner>` is a placeholder that the new site's README asks
# the user to fill in; write the real account here once there is one. (The footer of
# CONFIG_YML and the link in README already say https://github.com/mkdocs-folio/mkdocs-folio,
# an address nobody has confirmed: settle both together.)
SOURCE_REPOSITORY = "https://github.com/<owner>/mkdocs-folio"

REQUIREMENTS = """\
# The mkdocs-folio version that wrote this site: raise it to upgrade. Until this version is
# on PyPI, install it from its repository instead (see README.md):
#   mkdocs-folio @ git+{repository}@v{version}
mkdocs-folio=={version}
"""

GITIGNORE = """\
_site/
.cache/
__pycache__/
"""

README = """\
# {name}'s website

An academic website built with [mkdocs-folio](https://github.com/mkdocs-folio/mkdocs-folio)
from al-folio's files.

```bash
python -m pip install -r requirements.txt
mkdocs serve          # preview at http://127.0.0.1:8000, reloads as you edit
mkdocs build --strict # the site in _site/
```

| what | where |
| --- | --- |
| settings (name, URL, ...) | `_config.yml` |
| pages | `_pages/` (`about.md` is the home page) |
| publications | `_bibliography/papers.bib` |
| social links | `_data/socials.yml` |
| news | `_news/` |
| blog posts | `_posts/` |
| pictures, PDFs | `assets/` |

Pushing to `main` on GitHub builds and publishes the site with
`.github/workflows/deploy.yml` (Settings > Pages > Source: GitHub Actions).

## mkdocs-folio's version

`requirements.txt` pins mkdocs-folio {version}, the version that wrote this site, so that the
site builds the same way next year; raise the pin to upgrade.

If mkdocs-folio {version} is not on PyPI yet (`pip install -r requirements.txt` says "No
matching distribution"), install it from its repository instead: replace the line
`mkdocs-folio=={version}` of `requirements.txt` with

```text
mkdocs-folio @ git+{repository}@v{version}
```

where `<owner>` is the GitHub account that hosts mkdocs-folio (its address was not settled
when this site was written). The deploy workflow installs the same line.
"""

# A plain head-and-shoulders silhouette of our own, as a placeholder portrait.
PROFILE_SVG = """\
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 300 360" role="img" aria-label="Placeholder portrait">
  <rect width="300" height="360" fill="#e9dcea"/>
  <circle cx="150" cy="135" r="62" fill="#6d4a6b"/>
  <path d="M40 360c0-75 50-125 110-125s110 50 110 125z" fill="#6d4a6b"/>
</svg>
"""


def _hash_files_arguments() -> str:
    """`hashFiles`' arguments in the workflow: quoted patterns, comma-separated."""
    return ", ".join(f"'{pattern}'" for pattern in CACHE_INPUTS)


def _split_name(name: str) -> tuple[str, str]:
    parts = name.split()
    if not parts:
        return "Ada", "Lovelace"
    if len(parts) == 1:
        return parts[0], parts[0]
    return parts[0], " ".join(parts[1:])


def site_files(name: str, today: dt.date | None = None) -> dict[str, str]:
    """Every file of a new site, by path relative to the site folder."""
    # No braces, backslashes or quotes: the name goes into YAML strings and templates as is.
    name = " ".join(re.sub(r"[{}\\\"]", "", name).split()) or "Ada Lovelace"
    first, last = _split_name(name)
    today = today or dt.date.today()
    key = re.sub(r"[^a-z0-9]", "", last.lower()) or "me"
    email = f"{re.sub(r'[^a-z0-9.]', '', first.lower()) or 'you'}@example.org"
    values = {
        "name": name,
        "first": first,
        "last": last,
        "initial": f"{first[0]}.",
        "key": key,
        "email": email,
        "date": today.isoformat(),
        "version": __version__,
        "repository": SOURCE_REPOSITORY,
    }
    stamp = today.isoformat()
    return {
        "_config.yml": CONFIG_YML.format(**values),
        "mkdocs.yml": MKDOCS_YML.format(**values),
        "_pages/about.md": ABOUT_MD.format(**values),
        "_pages/publications.md": PUBLICATIONS_MD,
        "_bibliography/papers.bib": BIB.format(**values),
        "_data/socials.yml": SOCIALS_YML.format(**values),
        f"_news/{stamp}-website-online.md": NEWS_MD.format(**values),
        f"_posts/{stamp}-hello-world.md": POST_MD.format(**values),
        "assets/img/prof_pic.svg": PROFILE_SVG,
        ".github/workflows/deploy.yml": WORKFLOW_YML.replace(
            "CACHE_INPUTS", _hash_files_arguments()
        ),
        "requirements.txt": REQUIREMENTS.format(**values),
        ".gitignore": GITIGNORE,
        "README.md": README.format(**values),
    }


def create_site(path: Path, name: str = "Ada Lovelace") -> int:
    """Write a new site into `path` (absent or empty). Returns a process exit code."""
    path = Path(path)
    if path.exists() and not path.is_dir():
        print(f"error: {path} is a file; give a folder to create.", file=sys.stderr)
        return 2
    if path.is_dir() and any(path.iterdir()):
        print(
            f"error: {path} is not empty; mkdocs-folio new only writes into a new or empty "
            "folder (to set up MkDocs for an existing al-folio site, use mkdocs-folio init).",
            file=sys.stderr,
        )
        return 1
    files = site_files(name)
    for rel, text in files.items():
        target = path / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    print(f"Created a new site in {path} ({len(files)} files). Next:")
    print(f"  cd {path}")
    print("  mkdocs serve              # preview at http://127.0.0.1:8000")
    print("  edit _config.yml, _pages/about.md and _bibliography/papers.bib")
    print("  push to GitHub: .github/workflows/deploy.yml publishes it to GitHub Pages")
    print(f"requirements.txt pins mkdocs-folio {__version__}; README.md says what to do if")
    print("that version is not on PyPI yet.")
    return 0
