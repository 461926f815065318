"""A small al-folio site of our own with every collection and stock page type.

Built once per test module (see the fixtures in test_collections.py) and read back as HTML.
"""

from __future__ import annotations

CONFIG = """
title: blank
first_name: Ada
middle_name: Q.
last_name: Lovelace
url: https://ada.example.org
baseurl: ""
description: Ada's site.
permalink: /blog/:year/:title/
blog_name: Ada's notes
blog_description: engines and other things
display_tags: [alpha, beta]
display_categories: [notes]
enable_project_categories: true
pagination:
  enabled: true
related_blog_posts:
  enabled: true
  max_related: 2
repo_theme_light: default
repo_theme_dark: dark
repo_trophies:
  enabled: true
  theme_light: flat
  theme_dark: gitdimmed
external_sources:
  - name: Elsewhere
    posts:
      - url: https://elsewhere.example.org/2024/my-guest-post/
        published_date: 2024-03-10
    categories: [external-posts]
    tags: [guest]
  - name: medium.com
    rss_url: https://medium.com/@ada/feed
collections:
  news:
    defaults:
      layout: post
    output: true
  projects:
    output: true
  teachings:
    output: true
  books:
    output: true
  talks:
    output: true
    permalink: /talks/:path/
  hidden:
    output: false
defaults:
  - scope:
      path: "_posts"
    values:
      author: Ada Default
exclude:
  - _pages/ada_bio.md
scholar:
  last_name: [Lovelace]
  first_name: [Ada, A.]
"""

ABOUT = """
---
layout: about
title: about
permalink: /
announcements:
  enabled: true
  limit: 2
latest_posts:
  enabled: true
  limit: 2
---

Hello.
"""

BLOG = """
---
layout: default
permalink: /blog/
title: blog
nav: true
nav_order: 1
pagination:
  enabled: true
  collection: posts
  permalink: /page/:num/
  per_page: 3
  sort_field: date
  sort_reverse: true
  trail:
    before: 1
    after: 2
---

<ul class="post-list">
{% for post in paginator.posts %}
<li><a class="post-title" href="{{ post.url | relative_url }}">{{ post.title }}</a> <span class="tags">{{ post.tags | join: "," }}</span> <span class="read">{{ post.content | number_of_words | divided_by: 180 | plus: 1 }}</span></li>
{% endfor %}
</ul>
<p class="count">{{ paginator.page }}/{{ paginator.total_pages }}/{{ paginator.total_posts }}</p>

{% include pagination.liquid %}
"""

NEWS_PAGE = """
---
layout: page
title: news
permalink: /news/
---

{% include news.liquid %}
"""

PROJECTS_PAGE = """
---
layout: page
title: projects
permalink: /projects/
description: things I built
nav: true
display_categories: [work, fun]
horizontal: false
---

<div class="projects">
{% if site.enable_project_categories and page.display_categories %}
  {% for category in page.display_categories %}
  <a id="{{ category }}" href=".#{{ category }}"><h2 class="category">{{ category }}</h2></a>
  {% assign categorized_projects = site.projects | where: "category", category %}
  {% assign sorted_projects = categorized_projects | sort: "importance" %}
  <div class="row row-cols-1 row-cols-md-3">
    {% for project in sorted_projects %}
      {% include projects.liquid %}
    {% endfor %}
  </div>
  {% endfor %}
{% endif %}
</div>
"""

PROJECTS_H_PAGE = """
---
layout: page
title: projects in rows
permalink: /projects-h/
horizontal: true
---

{% assign sorted_projects = site.projects | sort: "importance" %}
<div class="container"><div class="row row-cols-1 row-cols-md-2">
{% for project in sorted_projects %}
  {% include projects_horizontal.liquid %}
{% endfor %}
</div></div>
"""

TEACHING_PAGE = """
---
layout: page
title: teaching
permalink: /teaching/
calendar: true
---

Courses I teach.

{% include calendar.liquid calendar_id='ada@example.org' timezone='Europe/London' %}

{% include courses.liquid %}
"""

CV_PAGE = """
---
layout: cv
title: cv
permalink: /cv/
cv_pdf: ada_cv.pdf
description: my curriculum
---
"""

LEGACY_CV = """
- title: General Information
  type: map
  contents:
    - name: Full Name
      value: Ada Lovelace
    - name: Languages
      value: English, <em>French</em>
      links:
        - name: profile
          link: https://example.org/ada
- title: Education
  type: time_table
  contents:
    - title: Private tutoring
      institution: London
      year: 1830
      description:
        - Mathematics with **Mary Somerville**
        - title: Logic
          contents:
            - with Augustus De Morgan
- title: Interests
  type: nested_list
  contents:
    - title: Engines
      items:
        - Analytical
        - Difference
- title: Other Interests
  type: list
  contents:
    - <u>Hobbies:</u> horses, music
- title: Skills
  type: list_groups
  contents:
    - category: Languages
      icon: fa-solid fa-hashtag
      items:
        - name: French
          level: fluent
- title: Nonsense
  type: spiral
  contents: []
"""

PROFILES_PAGE = """
---
layout: profiles
title: people
permalink: /people/
description: the lab
profiles:
  - align: right
    image: prof_pic.jpg
    content: ada_bio.md
    more_info: >
      <p>Room 1</p>
  - align: left
    image: prof_pic.jpg
    image_circular: true
---

The page body, shown for profiles without content.
"""

ADA_BIO = "Ada **designed** programs. Site: {{ site.title }}.\n"

REPOS_PAGE = """
---
layout: page
title: repositories
permalink: /repositories/
---

## GitHub users

<div class="repositories d-flex flex-wrap">
  {% for user in site.data.repositories.github_users %}
    {% include repository/repo_user.liquid username=user %}
  {% endfor %}
</div>

{% if site.repo_trophies.enabled %}
{% for user in site.data.repositories.github_users %}
<div class="repositories trophies">
{% include repository/repo_trophies.liquid username=user %}
</div>
{% endfor %}
{% endif %}

## GitHub Repositories

<div class="repositories d-flex flex-wrap">
  {% for repo in site.data.repositories.github_repos %}
    {% include repository/repo.liquid repository=repo %}
  {% endfor %}
</div>
"""

REPOS_DATA = """
github_users:
  - ada
github_repos:
  - ada/engine
  - babbage/difference
repo_description_lines_max: 3
"""

BOOKS_PAGE = """
---
layout: book-shelf
title: bookshelf
permalink: /books/
collection: books
---

Books I read.
"""


def post(title: str, extra: str = "", body: str = "Some words here.") -> str:
    return f"---\nlayout: post\ntitle: {title}\n{extra}---\n\n{body}\n"


FILES: dict[str, str | bytes] = {
    "_config.yml": CONFIG,
    "_pages/about.md": ABOUT,
    "_pages/blog.md": BLOG,
    "_pages/news.md": NEWS_PAGE,
    "_pages/projects.md": PROJECTS_PAGE,
    "_pages/projects-h.md": PROJECTS_H_PAGE,
    "_pages/teaching.md": TEACHING_PAGE,
    "_pages/cv.md": CV_PAGE,
    "_pages/profiles.md": PROFILES_PAGE,
    "_pages/ada_bio.md": ADA_BIO,
    "_pages/repositories.md": REPOS_PAGE,
    "_pages/books.md": BOOKS_PAGE,
    "_data/cv.yml": LEGACY_CV,
    "_data/repositories.yml": REPOS_DATA,
    "assets/img/prof_pic.jpg": b"\xff\xd8\xff\xe0img",
    "assets/img/engine.jpg": b"\xff\xd8\xff\xe0img",
    "assets/img/thumb.jpg": b"\xff\xd8\xff\xe0img",
    "assets/img/covers/ada.jpg": b"\xff\xd8\xff\xe0img",
    "assets/pdf/ada_cv.pdf": b"%PDF-1.4",
    # News: mixed date formats, inline and titled, and Jekyll's skip rules.
    "_news/n1.md": "---\ndate: 2015-10-22 15:59:00-0400\ninline: true\n---\nInline *one*.\n",
    "_news/n2.md": "---\ndate: 2016-01-15\ntitle: Titled news\n---\nMore text.\n",
    "_news/n3.md": "---\ndate: Jan 20, 2016\ninline: true\n---\nNewest.\n",
    "_news/_archive/old.md": "---\ndate: 2010-01-01\ninline: true\n---\nArchived.\n",
    "_news/_draft_item.md": "---\ndate: 2012-01-01\ninline: true\n---\nHidden.\n",
    # Posts.
    "_posts/2024-01-05-first-post.md": post(
        "first post",
        "date: 2024-01-05 10:00:00\ntags: alpha beta\ncategories: notes\n"
        "description: the very first\nlast_updated: 2024-02-01\n",
        " ".join(["word"] * 400),
    ),
    "_posts/2024-02-10-second-post.md": post(
        "second post",
        "tags: [alpha, gamma]\ncategories: [notes, misc]\nfeatured: true\n"
        "thumbnail: assets/img/thumb.jpg\nauthor: Guest Writer\n",
    ),
    "_posts/2024-03-01-cite-me.md": post(
        "cite me", "tags: alpha\ncitation: true\nrelated_posts: false\n"
    ),
    "_posts/2023-06-01-outward.md": post(
        "outward", "redirect: https://example.org/away\ntags: delta\n"
    ),
    "_posts/2023-05-01-inward.md": post("inward", "redirect: /blog/\ntags: delta\n"),
    "_posts/2023-01-15-plain.md": post("plain one", "categories: misc\n"),
    "_posts/2022-12-24-old.md": post("old one", "tags: beta\n"),
    "_posts/2999-01-01-future.md": post("from the future"),
    "_posts/2021-01-01-unpublished.md": post("unpublished", "published: false\n"),
    "_posts/notes.md": post("badly named"),
    "_drafts/an-idea.md": post("an idea"),
    # Projects.
    "_projects/a.md": "---\ntitle: engine\ndescription: the big one\nimg: assets/img/engine.jpg\n"
    "importance: 2\ncategory: work\ngithub: https://github.com/ada/engine\n"
    "github_stars: ada/engine\n---\nProject A.\n",
    "_projects/b.md": "---\ntitle: loom\ndescription: woven\nimportance: 1\ncategory: work\n"
    "img: assets/img/missing.jpg\n---\nProject B.\n",
    "_projects/c.md": "---\ntitle: elsewhere\ndescription: away\nredirect: https://example.org/c\n"
    "importance: 1\ncategory: fun\n---\nProject C.\n",
    # Teaching.
    "_teachings/engines-101.md": "---\nlayout: course\ntitle: Engines 101\n"
    "description: Build an *engine*.\ninstructor: Ada\nyear: 2024\nterm: Spring\n"
    "location: Room 2\ntime: Mondays\ncourse_id: engines-101\nschedule:\n"
    "  - week: 1\n    date: Feb 5\n    topic: Gears\n    description: Gears and **cams**.\n"
    "    materials:\n      - name: Slides\n        url: /assets/pdf/ada_cv.pdf\n"
    "      - name: Lab\n        url: https://example.org/lab\n"
    "  - week: 2\n    date: Feb 12\n    topic: Cards\n---\n\nCourse body.\n",
    "_teachings/old-course.md": "---\nlayout: course\ntitle: Old Course\nyear: 2022\nterm: Fall\n"
    "instructor: Charles\ndescription: An older one.\n---\n",
    # Books.
    "_books/ada.md": "---\nlayout: book-review\ntitle: Sketch of the Engine\nauthor: Menabrea\n"
    "cover: assets/img/covers/ada.jpg\ndate: 2024-08-23\nstarted: 2024-08-23\n"
    "finished: 2024-09-07\nreleased: 1843\nstars: 4.5\nstatus: Finished\n"
    "tags: classics\ncategories: science\n---\n\nA fine review.\n",
    "_books/queued.md": "---\nlayout: book-review\ntitle: Queued Book\nolid: OL1M\n"
    "date: 2023-01-01\nstarted: 2023-01-01\nstatus: whatever\n---\n",
    # Other collections.
    "_talks/keynote.md": "---\nlayout: page\ntitle: Keynote\n---\nA talk.\n",
    "_hidden/secret.md": "---\ntitle: Secret\n---\nNot a page.\n",
}
