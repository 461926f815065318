"""Collections and the stock pages that list them, built for real from a site of our own
(tests/integration/collections_site.py) and read back as HTML."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from tests.integration.collections_site import CV_PAGE, FILES
from tests.sitebuilder import BuildResult, build_site, init_and_build, text, write_files

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> BuildResult:
    root = tmp_path_factory.mktemp("collections")
    write_files(root, FILES)
    result = init_and_build(root)
    assert result.error is None, result.error
    return result


# -- documents become pages ------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "news/n1/",
        "news/n2/",
        "news/n3/",
        "blog/2024/first-post/",
        "blog/2024/second-post/",
        "blog/2023/outward/",
        "projects/a/",
        "projects/c/",
        "teachings/engines-101/",
        "books/ada/",
        "talks/keynote/",
    ],
)
def test_document_pages_exist(site, url):
    assert site.exists(url)


@pytest.mark.parametrize(
    "url",
    [
        "news/old/",  # _news/_archive/ is skipped
        "news/_archive/old/",
        "news/_draft_item/",
        "blog/2999/future/",  # future dates are hidden by default
        "blog/2021/unpublished/",  # published: false
        "blog/notes/",
        "hidden/secret/",  # a collection with output: false
        "ada_bio/",  # excluded by _config.yml
    ],
)
def test_skipped_documents_have_no_page(site, url):
    assert not site.exists(url)


def test_skip_rule_and_bad_names_warn_once(site):
    bad = [w for w in site.warnings if "YYYY-MM-DD-title.md" in w]
    assert len(bad) == 1 and "_posts/notes.md" in bad[0]
    assert not any("an-idea" in w for w in site.warnings)
    assert not site.exists("blog/an-idea/")  # drafts only when asked


def test_documents_stay_out_of_the_navbar(site):
    labels = [text(a) for a in site.soup().select("#navbar .nav-link")]
    assert "first post" not in labels and "Engines 101" not in labels
    assert "blog" in labels


def test_output_false_collection_is_still_in_liquid(tmp_path):
    files = dict(FILES)
    files["_pages/secret.md"] = (
        "---\nlayout: page\ntitle: s\npermalink: /s/\n---\n"
        "{% for d in site.hidden %}<span class='d'>{{ d.title }}</span>{% endfor %}\n"
    )
    write_files(tmp_path, files)
    result = init_and_build(tmp_path)
    assert [text(s) for s in result.soup("s/").select("span.d")] == ["Secret"]


# -- news ----------------------------------------------------------------------------------------


def test_news_page_lists_everything_newest_first(site):
    soup = site.soup("news/")
    rows = soup.select("article div.news tr")
    assert [text(r.th) for r in rows] == ["Jan 20, 2016", "Jan 15, 2016", "Oct 22, 2015"]
    assert text(rows[0].td) == "Newest."
    link = rows[1].select_one("a.news-title")
    assert text(link) == "Titled news" and link["href"] == "n2/"
    assert rows[2].td.em is not None and "<p>" not in str(rows[2].td)
    assert "Archived" not in text(soup)


def test_about_page_applies_the_limit(site):
    news, posts = site.soup().select("div.news")
    assert len(news.select("tr")) == 2
    links = posts.select("a")
    assert [text(a) for a in links] == ["My guest post", "cite me"]
    assert links[0]["href"] == "https://elsewhere.example.org/2024/my-guest-post/"
    assert links[0].find_next_sibling("svg") is not None  # the outward arrow


def test_news_item_page_uses_the_post_layout(site):
    soup = site.soup("news/n2/")
    assert text(soup.select_one("h1.post-title")) == "Titled news"
    assert "Created on January 15, 2016" in text(soup.select_one("p.post-meta"))
    # not under /blog/: the chips are not links (al-folio's rule)
    assert soup.select("p.post-tags a") == []


def test_empty_news(tmp_path):
    files = {k: v for k, v in FILES.items() if not k.startswith("_news/")}
    write_files(tmp_path, files)
    result = init_and_build(tmp_path)
    assert "No news so far..." in text(result.soup("news/").select_one("div.news"))


# -- posts ---------------------------------------------------------------------------------------


def test_post_header(site):
    soup = site.soup("blog/2024/first-post/")
    assert text(soup.select_one("h1.post-title")) == "first post"
    meta = text(soup.select_one("p.post-meta"))
    assert meta.startswith("Created on January 05, 2024 by Ada Default")
    assert "last updated on February 01, 2024" in meta
    chips = soup.select("p.post-tags a")
    assert [(text(a), a["href"]) for a in chips] == [
        ("2024", "../"),
        ("alpha", "../../tag/alpha/"),
        ("beta", "../../tag/beta/"),
        ("notes", "../../category/notes/"),
    ]
    assert soup.select_one("p.post-tags .folio-icon svg") is not None


def test_tags_as_a_list_and_own_author(site):
    soup = site.soup("blog/2024/second-post/")
    assert "by Guest Writer" in text(soup.select_one("p.post-meta"))
    labels = [text(a) for a in soup.select("p.post-tags a")]
    assert labels == ["2024", "alpha", "gamma", "notes", "misc"]


def test_citation_block(site):
    soup = site.soup("blog/2024/cite-me/")
    block = soup.select_one("#citation")
    assert "please cite this as" in text(block)
    quote = text(block.select_one("blockquote"))
    assert quote == (
        "Lovelace, Ada Q. (Mar 2024). cite me. https://ada.example.org/blog/2024/cite-me/."
    )
    bibtex = block.select_one("pre code").get_text()
    assert bibtex.startswith("@article{lovelace2024cite-me,")
    assert "author  = {Lovelace, Ada Q.}" in bibtex
    assert "url     = {https://ada.example.org/blog/2024/cite-me/}" in bibtex
    assert soup.select_one(".related-posts") is None  # related_posts: false


def test_related_posts_share_tags(site):
    soup = site.soup("blog/2024/first-post/")
    related = soup.select_one(".related-posts")
    assert "Enjoy Reading This Article?" in text(related)
    titles = [text(a) for a in related.select("a")]
    assert len(titles) == 2  # max_related
    assert titles[0] == "second post"  # shares alpha and notes
    assert "first post" not in titles


def test_redirect_post_page_redirects(site):
    html = site.html("blog/2023/outward/")
    assert 'http-equiv="refresh"' in html and "https://example.org/away" in html


def test_reading_time_and_content_in_liquid(site):
    rows = site.soup("blog/page/2/").select("ul.post-list li")
    reads = {text(r.select_one("a")): text(r.select_one(".read")) for r in rows}
    assert reads.get("first post") == "3"  # 400 words / 180 + 1


# -- blog index, pagination, archives ----------------------------------------------------------


def test_blog_pagination(site):
    first = site.soup("blog/")
    titles = [text(a) for a in first.select("ul.post-list a.post-title")]
    assert titles == ["My guest post", "cite me", "second post"]
    assert text(first.select_one("p.count")) == "1/3/8"
    pager = first.select_one("nav ul.pagination")
    items = pager.select("li.page-item")
    assert "disabled" in items[0]["class"] and text(items[0]) == "Newer"
    numbers = [(text(a), a["href"]) for a in pager.select("li.page-item a.page-link")]
    assert numbers == [("1", "./"), ("2", "page/2/"), ("3", "page/3/"), ("Older", "page/2/")]
    assert "active" in pager.select("li.page-item")[1]["class"]
    second = site.soup("blog/page/2/")
    assert text(second.select_one("p.count")) == "2/3/8"
    links = {text(a): a["href"] for a in second.select("nav .page-link[href]")}
    assert links["Newer"] == "../../" and links["Older"] == "../3/"
    last = site.soup("blog/page/3/")
    assert len(last.select("ul.post-list li")) == 2
    assert not site.exists("blog/page/4/")
    assert not site.exists("blog/page/1/")


def test_external_post_in_listing_and_feed_warning(site):
    everything = " ".join(site.html(u) for u in ("blog/", "blog/page/2/", "blog/page/3/"))
    assert "https://elsewhere.example.org/2024/my-guest-post/" in everything
    rss = [w for w in site.warnings if "medium.com" in w]
    assert len(rss) == 1 and "offline" in rss[0] and "_config.yml" in rss[0]


@pytest.mark.parametrize(
    ("url", "title", "description", "count"),
    [
        ("blog/2024/", "2024", "an archive of posts from this year", 4),
        ("blog/tag/alpha/", "alpha", "an archive of posts with this tag", 3),
        ("blog/category/notes/", "notes", "an archive of posts in this category", 2),
        ("blog/tag/guest/", "guest", "an archive of posts with this tag", 1),
    ],
)
def test_archives(site, url, title, description, count):
    soup = site.soup(url)
    assert text(soup.select_one("h1.post-title")) == title
    assert text(soup.select_one("p.post-description")) == description
    rows = soup.select("article.archive tr")
    assert len(rows) == count
    assert all(r.th.get_text(strip=True) for r in rows)


def test_archive_links_out_with_arrow(site):
    soup = site.soup("blog/tag/delta/")
    links = {text(a): a for a in soup.select("a.post-link")}
    assert links["outward"]["href"] == "https://example.org/away"
    assert links["outward"].find_next_sibling("svg") is not None
    assert links["inward"]["href"] == "../../"


def test_atom_feed_and_sitemap(site):
    feed = ET.fromstring((site.out / "feed.xml").read_bytes())
    assert feed.tag == f"{ATOM}feed"
    entries = feed.findall(f"{ATOM}entry")
    assert 1 <= len(entries) <= 10
    external, cite = entries[0], entries[1]
    assert external.find(f"{ATOM}id").text == "https://elsewhere.example.org/2024/my-guest-post/"
    assert cite.find(f"{ATOM}title").text == "cite me"
    assert cite.find(f"{ATOM}id").text == "https://ada.example.org/blog/2024/cite-me/"
    assert "Some words here." in cite.find(f"{ATOM}content").text
    assert 'type="application/atom+xml"' in site.html("")
    sitemap = (site.out / "sitemap.xml").read_text()
    for url in ("blog/2024/first-post/", "news/n2/", "blog/page/2/", "blog/tag/alpha/"):
        assert f"<loc>https://ada.example.org/{url}</loc>" in sitemap


# -- projects --------------------------------------------------------------------------------------


def test_projects_grid_by_category_and_importance(site):
    soup = site.soup("projects/")
    assert [text(h) for h in soup.select(".projects h2.category")] == ["work", "fun"]
    grids = soup.select(".projects .row")
    work = [text(c.select_one(".card-title")) for c in grids[0].select(".card")]
    assert work == ["loom", "engine"]  # importance 1 before 2
    engine = grids[0].select(".card")[1]
    assert engine.select_one("img")["src"] == "../assets/img/engine.jpg"
    assert engine.select_one("img")["alt"] == "project thumbnail"
    assert engine.select_one(".card-title a")["href"] == "a/"
    assert engine.select_one(".card-text").get_text() == "the big one"
    assert engine.select_one(".github-icon a.icon")["href"] == "https://github.com/ada/engine"
    stars = engine.select_one(".github-icon a.stars")
    assert stars["href"] == "https://github.com/ada/engine/stargazers"
    loom = grids[0].select(".card")[0]
    assert loom.select_one("img") is None  # missing image: no broken <img>
    away = grids[1].select_one(".card-title a")
    assert away["href"] == "https://example.org/c"
    assert soup.select(".card a .card a") == []  # no nested links
    missing = [w for w in site.warnings if "missing.jpg" in w]
    assert len(missing) == 1 and "_projects/b.md:6" in missing[0]


def test_projects_horizontal(site):
    soup = site.soup("projects-h/")
    cards = soup.select(".card-item.col .card")
    assert len(cards) == 3
    assert cards[-1].select_one(".card-img img") is not None  # engine, importance 2
    assert cards[-1].select_one("h3.card-title")


# -- teaching ------------------------------------------------------------------------------------


def test_teaching_index_and_calendar_link(site):
    soup = site.soup("teaching/")
    assert [text(h) for h in soup.select(".courses h2.year")] == ["2024", "2022"]
    items = soup.select(".courses div.course-item")
    assert text(items[0].select_one("h3.course-title a")) == "Engines 101"
    assert items[0].select_one("h3.course-title a")["href"] == "../teachings/engines-101/"
    assert text(items[0].select_one(".course-term")) == "Spring"
    assert items[0].select_one(".course-description em") is not None
    link = soup.select_one(".calendar a.calendar-link")
    assert link["href"].startswith(
        "https://calendar.google.com/calendar/embed?src=ada%40example.org"
    )
    assert "Europe/London" in link["href"]
    assert soup.select("iframe") == []  # no third-party embed unless asked


def test_course_page(site):
    soup = site.soup("teachings/engines-101/")
    info = [text(p) for p in soup.select(".course-info p")]
    assert info == ["Instructor: Ada", "Term: Spring", "Location: Room 2", "Time: Mondays"]
    assert "Course body." in text(soup.select_one(".course"))
    heads = [text(th) for th in soup.select("table.course-schedule thead th")]
    assert heads == ["Week", "Date", "Topic", "Materials"]
    rows = soup.select("table.course-schedule tbody tr")
    assert len(rows) == 2
    assert text(rows[0].select_one("strong")) == "Gears"
    assert rows[0].select_one(".schedule-description strong").get_text() == "cams"
    materials = rows[0].select(".schedule-materials a")
    assert materials[0]["href"] == "../../assets/pdf/ada_cv.pdf"
    assert materials[1]["href"] == "https://example.org/lab"


def test_calendar_embed_is_opt_in(tmp_path):
    files = dict(FILES)
    files["_pages/teaching.md"] = FILES["_pages/teaching.md"].replace(
        "timezone='Europe/London'", "timezone='Europe/London' embed=true"
    )
    write_files(tmp_path, files)
    soup = init_and_build(tmp_path).soup("teaching/")
    iframe = soup.select_one("details.calendar-wrapper iframe")
    assert iframe["loading"] == "lazy"


# -- CV -----------------------------------------------------------------------------------------------


def test_cv_older_list_format(site):
    soup = site.soup("cv/")
    header = soup.select_one("h1.post-title")
    pdf = header.select_one("a.float-right")
    assert pdf["href"] == "../assets/pdf/ada_cv.pdf" and pdf["aria-label"]
    cards = soup.select("div.cv div.card.mt-3.p-3")
    titles = [text(c.select_one("h3.card-title")) for c in cards]
    assert titles == ["General Information", "Education", "Interests", "Other Interests", "Skills"]
    rows = cards[0].select("tr")
    assert text(rows[1]).startswith("Languages English, French")
    assert rows[1].select_one("em") is not None
    education = cards[1]
    assert text(education.select_one(".badge")) == "1830"
    assert education.select_one(".items strong").get_text() == "Mary Somerville"
    assert text(education.select_one(".subitems")) == "with Augustus De Morgan"
    assert [text(li) for li in cards[2].select(".subitems li")] == ["Analytical", "Difference"]
    assert cards[3].select_one("u").get_text() == "Hobbies:"
    assert text(cards[4].select_one(".list-group-category")) == "Languages"
    unknown = [w for w in site.warnings if "unknown type 'spiral'" in w]
    assert len(unknown) == 1


RENDERCV = """
cv:
  name: Ada Lovelace
  label: Analyst
  email: ada@example.org
  website: https://ada.example.org
  address: {street: 1 St James's Square, city: London}
  summary: The *first* programmer.
  sections:
    Education:
      - institution: Home
        area: Mathematics
        studyType: Tutoring
        start_date: 1830
        end_date: 1835
    Experience:
      - company: Analytical Society
        position: Analyst
        start_date: 1842-01-01
        highlights: [Notes on the engine]
    Volunteer:
      - company: Ladies' Club
        position: Helper
        start_date: 1840
        end_date: 1841
    Skills:
      - name: Mathematics
        level: Master
        keywords: "Calculus, Algebra"
    Misc:
      - bullet: A **bold** bullet
"""

RESUME = """{"basics": {"name": "Ada J", "label": "Resume Analyst", "email": "a@b.c",
 "location": {"city": "London"}},
 "work": [{"name": "Engine Co", "position": "Lead", "startDate": "1840-02-01"}],
 "education": [{"institution": "Home", "studyType": "Tutoring", "startDate": "1830"}]}"""


@pytest.mark.parametrize(
    ("cv_format", "files", "expected_titles", "contact_name"),
    [
        (
            "",
            {"_data/cv.yml": RENDERCV, "assets/json/resume.json": RESUME},
            [
                "Contact Information",
                "Professional Summary",
                "Experience",
                "Education",
                "Skills",
                "Misc",
            ],
            "Ada Lovelace",
        ),
        (
            "cv_format: jsonresume\n",
            {"_data/cv.yml": RENDERCV, "assets/json/resume.json": RESUME},
            ["Contact Information", "Experience", "Education"],
            "Ada J",
        ),
        (
            "",
            {"_data/cv.yml": "", "assets/json/resume.json": RESUME},
            ["Contact Information", "Experience", "Education"],
            "Ada J",
        ),
    ],
)
def test_cv_rendercv_and_jsonresume(tmp_path, cv_format, files, expected_titles, contact_name):
    site_files = dict(FILES)
    site_files.update(files)
    site_files["_pages/cv.md"] = CV_PAGE.replace("cv_pdf: ada_cv.pdf\n", cv_format)
    write_files(tmp_path, site_files)
    result = init_and_build(tmp_path)
    soup = result.soup("cv/")
    cards = soup.select("div.cv div.card.mt-3.p-3")
    assert [text(c.select_one("h3.card-title")) for c in cards] == expected_titles
    assert contact_name in text(cards[0])
    assert soup.select_one("h1.post-title a") is None  # no cv_pdf
    if contact_name == "Ada Lovelace":
        experience = cards[2]
        assert [text(h) for h in experience.select("h6.title")] == ["Analyst", "Helper"]
        assert text(experience.select_one(".badge")) == "1842.01 - Present"
        assert text(cards[3].select_one(".badge")) == "1830 - 1835"
        assert [text(k) for k in cards[4].select(".cv-keyword")] == ["Calculus", "Algebra"]
        assert cards[5].select_one("strong").get_text() == "bold"
        assert cards[1].select_one("em").get_text() == "first"
        assert soup.select_one("a.anchor#experience") is not None


# -- people, repositories, books ----------------------------------------------------------------


def test_profiles_page(site):
    soup = site.soup("people/")
    blocks = soup.select("article .profiles-block")
    assert len(blocks) == 2
    first, second = blocks
    assert "float-right" in first.select_one("div.profile")["class"]
    assert "float-left" in second.select_one("div.profile")["class"]
    assert "rounded-circle" in second.select_one("img")["class"]
    assert first.select_one(".more-info p").get_text() == "Room 1"
    bio = first.select_one("div.clearfix")
    assert bio.select_one("strong").get_text() == "designed"
    assert "Site: Ada Q. Lovelace." in text(bio)  # Liquid ran in the content file
    assert "The page body" in text(second.select_one("div.clearfix"))


def test_repositories_cards(site):
    soup = site.soup("repositories/")
    users = soup.select(".repo--user")
    assert len(users) == 1
    link = users[0].select_one("a.repo-link")
    assert link["href"] == "https://github.com/ada"
    assert text(link.select_one(".repo-name")) == "ada"
    images = link.select("img")
    assert len(images) == 2 and all(i["loading"] == "lazy" and i["alt"] for i in images)
    assert "theme=default" in images[0]["src"] and "theme=dark" in images[1]["src"]
    repos = soup.select(".repo--repo")
    assert [text(r.select_one(".repo-name")) for r in repos] == ["ada/engine", "babbage/difference"]
    assert "description_lines_count=3" in repos[0].select_one("img")["src"]
    assert len(soup.select(".repo--trophies")) == 1


def test_no_third_party_images_elsewhere(site):
    for url in ("", "blog/", "projects/", "teaching/", "cv/", "books/"):
        for img in site.soup(url).select("img[src]"):
            assert "://" not in img["src"], (url, img["src"])


def test_book_review_and_shelf(site):
    soup = site.soup("books/ada/")
    assert text(soup.select_one("h1.post-title")) == "Sketch of the Engine"
    metas = [text(p) for p in soup.select("p.post-meta")]
    assert metas[0] == "Menabrea · 1843"
    assert "August 23, 2024" in metas[1] and "September 07, 2024" in metas[1]
    stars = soup.select_one(".book-stars")
    assert stars["aria-label"] == "4.5 out of 5 stars"
    chips = {text(a): a["href"] for a in soup.select("p.post-tags a")}
    assert chips == {
        "2024": "../2024/",
        "classics": "../tag/classics/",
        "science": "../category/science/",
    }
    assert soup.select_one("figure.book-cover img")["src"] == "../../assets/img/covers/ada.jpg"
    queued = site.soup("books/queued/")
    assert queued.select_one("figure img") is None  # Open Library is linked, not loaded
    assert queued.select_one("figure a")["href"] == "https://openlibrary.org/books/OL1M"
    assert text(queued.select_one(".clearfix h4")) == "UNCATEGORIZED"
    shelf = site.soup("books/")
    assert [text(h) for h in shelf.select("h1.shelf-year")] == ["2024", "2023"]
    captions = [text(f) for f in shelf.select("figure.cover figcaption")]
    assert captions == ["FINISHED", "UNCATEGORIZED"]
    assert "Books I read." in text(shelf.select_one("article"))


# -- Liquid left raw -----------------------------------------------------------------------------


def test_no_raw_liquid_anywhere(site):
    for path in site.out.rglob("*.html"):
        soup = site.soup(path.relative_to(site.out).as_posix())
        body = soup.select_one("article") or soup.body
        for code in body.select("code, pre, script"):
            code.decompose()
        assert "{%" not in body.get_text() and "{{" not in body.get_text(), path


# -- options and rebuilds ------------------------------------------------------------------------


def test_drafts_and_future_only_when_asked(tmp_path):
    files = dict(FILES)
    files["_config.yml"] = FILES["_config.yml"] + "future: true\n"
    write_files(tmp_path, files)
    init_and_build(tmp_path)
    mkdocs_yml = tmp_path / "mkdocs.yml"
    mkdocs_yml.write_text(
        mkdocs_yml.read_text().replace("  - folio\n", "  - folio:\n      drafts: true\n")
    )
    result = build_site(tmp_path)
    assert result.error is None
    assert result.exists("blog/2999/future/")
    drafts = list((result.out / "blog").glob("*/an-idea/index.html"))
    assert len(drafts) == 1


def test_serve_rebuild_keeps_the_plugin_and_reparses_only_the_edited_post(tmp_path):
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    write_files(tmp_path, FILES)
    init_and_build(tmp_path)
    out = tmp_path / "_serve"

    def rebuild():
        config = load_config(str(tmp_path / "mkdocs.yml"), site_dir=str(out))
        config.plugins.on_startup(command="serve", dirty=False)
        build(config, serve_url="http://127.0.0.1:8000/")
        return config.plugins["folio"]

    first = rebuild()
    post = tmp_path / "_posts/2024-01-05-first-post.md"
    post.write_text(post.read_text().replace("title: first post", "title: first post, edited"))
    misses = first.cache.misses
    second = rebuild()
    assert second is first  # one plugin instance for the whole serve session
    assert second.cache.misses - misses == 1  # only the edited post was parsed again
    html = (out / "blog/2024/first-post/index.html").read_text()
    assert "first post, edited" in html
    blog = (out / "blog/page/2/index.html").read_text()
    assert "first post, edited" in blog


def test_search_index_skips_generated_pages_and_obeys_posts_in_search(site, tmp_path):
    import json

    index = json.loads((site.out / "search/search_index.json").read_text())
    locations = {doc["location"].split("#")[0] for doc in index["docs"]}
    assert "blog/2024/first-post/" in locations
    assert not any(loc.startswith(("blog/page/", "blog/tag/", "blog/2024/#")) for loc in locations)
    assert "blog/2024/" not in locations
    files = dict(FILES)
    files["_config.yml"] = FILES["_config.yml"] + "posts_in_search: false\n"
    write_files(tmp_path, files)
    result = init_and_build(tmp_path)
    index = json.loads((result.out / "search/search_index.json").read_text())
    locations = {doc["location"].split("#")[0] for doc in index["docs"]}
    assert not any(loc.startswith("blog/20") for loc in locations)
    assert "news/n2/" in locations
