"""The about page of an al-folio site, built for real and read back as HTML."""

from __future__ import annotations

import pytest

from tests.sitebuilder import al_folio_site, build_site, init_and_build, write_files

CURRENT = """
---
layout: about
title: about
permalink: /
subtitle: <a href='#'>Senior Engineer</a>. Lets <em>dissect</em> things.
profile:
  align: right
  image: prof_pic.jpg
  image_circular: false
  more_info: >
    <p>Bengaluru, Karnataka</p>
    <p>India</p>
selected_papers: true
social: true
announcements:
  enabled: false
latest_posts:
  enabled: false
---

<!-- a leftover comment that must stay invisible -->

## Biography

I build **engines**.
"""


@pytest.fixture
def current(tmp_path):
    return init_and_build(al_folio_site(tmp_path, CURRENT))


def test_header_title_and_subtitle(current):
    soup = current.soup()
    title = soup.select_one("h1.post-title")
    assert title.select_one(".font-weight-bold").get_text() == "Ada"
    assert " ".join(title.get_text().split()) == "Ada Q. Lovelace"
    desc = soup.select_one("p.desc")
    assert desc.select_one("a").get_text() == "Senior Engineer"
    assert desc.select_one("em").get_text() == "dissect"


def test_profile_right_square_with_more_info(current):
    soup = current.soup()
    profile = soup.select_one("article div.profile")
    assert "float-right" in profile["class"]
    img = profile.select_one("img")
    assert "rounded" in img["class"] and "rounded-circle" not in img["class"]
    assert img["src"].endswith("assets/img/prof_pic.jpg")
    info = profile.select_one("div.more-info")
    assert [p.get_text() for p in info.select("p")] == ["Bengaluru, Karnataka", "India"]
    assert current.exists("assets/img/prof_pic.jpg")


def test_bio_in_clearfix_and_comment_invisible(current):
    soup = current.soup()
    bio = soup.select_one("article div.clearfix")
    assert bio.select_one("h2").get_text(strip=True) == "Biography"
    assert bio.select_one("strong").get_text() == "engines"
    assert "leftover comment" not in bio.get_text()


def test_sections_in_order_and_switches(current):
    soup = current.soup()
    headings = [h.get_text(strip=True) for h in soup.select("article > h2")]
    assert headings == ["selected publications"]
    assert soup.select_one("div.news") is None
    assert soup.select_one("article div.social") is not None


def test_socials_and_contact_note(current):
    soup = current.soup()
    social = soup.select_one("div.social")
    links = social.select("div.contact-icons a")
    assert [a["title"] for a in links] == ["Email", "GitHub", "Google Scholar"]
    assert links[1]["href"] == "https://github.com/ada"
    assert links[2]["href"] == "https://scholar.google.com/citations?user=abcdEFGHijkl"
    assert links[0]["href"].startswith("mailto:")
    assert all(a.get("aria-label") for a in links)
    assert social.select_one("div.contact-note em").get_text() == "post"


def test_circular_image_left_and_legacy_address(tmp_path):
    about = (
        CURRENT.replace("align: right", "align: left")
        .replace("image_circular: false", "image_circular: true")
        .replace("more_info:", "address:")
    )
    result = init_and_build(al_folio_site(tmp_path, about))
    profile = result.soup().select_one("div.profile")
    assert "float-left" in profile["class"]
    assert "rounded-circle" in profile.select_one("img")["class"]
    assert profile.select_one("div.address") is not None
    assert profile.select_one("div.more-info") is None


@pytest.mark.parametrize("align", ["center", "left-box", "", "Right"])
def test_unknown_align_is_right(tmp_path, align):
    result = init_and_build(
        al_folio_site(tmp_path, CURRENT.replace("align: right", f"align: {align}"))
    )
    assert "float-right" in result.soup().select_one("div.profile")["class"]


def test_description_is_the_subtitle_fallback(tmp_path):
    about = CURRENT.replace(
        "subtitle: <a href='#'>Senior Engineer</a>. Lets <em>dissect</em> things.",
        "description: <em>Old</em> style",
    )
    result = init_and_build(al_folio_site(tmp_path, about))
    assert result.soup().select_one("p.desc em").get_text() == "Old"


NEWS = {
    "_news/a1.md": "---\ndate: 2015-10-22 15:59:00-0400\ninline: true\n---\nA *simple* inline announcement.\n",
    "_news/a2.md": "---\ndate: 2015-11-07\ninline: false\ntitle: A long announcement\n---\nDetails.\n",
    "_news/a3.md": "---\ndate: 2016-01-15 16:40:16\ninline: true\n---\nNewest one.\n",
    "_news/a4.md": "---\ndate: 2014-01-01\ninline: true\n---\nOldest one.\n",
    "_posts/2020-01-02-hello.md": "---\nlayout: post\ntitle: Hello\n---\nHi.\n",
    "_posts/2021-05-06-later.md": "---\nlayout: post\ntitle: Later post\n---\nHi.\n",
}


def test_news_and_posts_current_schema(tmp_path):
    about = CURRENT.replace(
        "announcements:\n  enabled: false",
        "announcements:\n  enabled: true\n  scrollable: true\n  limit: 3",
    ).replace("latest_posts:\n  enabled: false", "latest_posts:\n  enabled: true\n  limit: 1")
    result = init_and_build(al_folio_site(tmp_path, about, NEWS))
    soup = result.soup()
    headings = [h.get_text(strip=True) for h in soup.select("article > h2")]
    assert headings == ["news", "latest posts", "selected publications"]
    news, posts = soup.select("div.news")
    rows = news.select("tr")
    assert [r.th.get_text(strip=True) for r in rows] == [
        "Jan 15, 2016",
        "Nov 07, 2015",
        "Oct 22, 2015",
    ]
    assert rows[1].select_one("a.news-title").get_text() == "A long announcement"
    assert rows[2].td.em.get_text() == "simple"
    assert "<p>" not in str(rows[2].td)
    assert "60vw" not in str(news)  # scroll box only beyond three rows
    assert [a.get_text() for a in posts.select("a")] == ["Later post"]
    # The site has no news, blog or publications page: the headings link nowhere.
    assert soup.select("article > h2 a") == []


def test_section_headings_link_to_the_pages_the_site_has(tmp_path):
    about = CURRENT.replace(
        "announcements:\n  enabled: false", "announcements:\n  enabled: true"
    ).replace("latest_posts:\n  enabled: false", "latest_posts:\n  enabled: true")
    pages = {
        "_pages/news.md": "---\nlayout: page\ntitle: news\npermalink: /news/\n---\nAll news.\n",
        "_pages/publications.md": (
            "---\nlayout: page\ntitle: publications\npermalink: /publications/\n---\nPapers.\n"
        ),
    }
    result = init_and_build(al_folio_site(tmp_path, about, {**NEWS, **pages}))
    headings = {
        h.get_text(strip=True): (h.a["href"] if h.a else None)
        for h in result.soup().select("article > h2")
    }
    assert headings == {
        "news": "news/",
        "latest posts": None,  # no blog page
        "selected publications": "publications/",
    }


def test_news_legacy_2023_schema(tmp_path):
    about = CURRENT.replace(
        "announcements:\n  enabled: false\nlatest_posts:\n  enabled: false\n",
        "news: true\nlatest_posts: false\n",
    )
    extra = dict(NEWS)
    extra["_config.yml"] = (
        "title: blank\nfirst_name: Ada\nlast_name: L\n"
        "announcements:\n  enabled: true\n  scrollable: true\n  limit: 4\n"
        "latest_posts:\n  enabled: true\n"
    )
    result = init_and_build(al_folio_site(tmp_path, about, extra))
    soup = result.soup()
    news = soup.select("div.news")
    assert len(news) == 1
    assert len(news[0].select("tr")) == 4
    assert "60vw" in str(news[0])


def test_missing_profile_image_is_a_warning_and_img_is_kept(tmp_path):
    root = al_folio_site(tmp_path, CURRENT.replace("prof_pic.jpg", "missing.jpg"))
    result = init_and_build(root)
    assert result.error is None
    assert any("profile image 'assets/img/missing.jpg' not found" in w for w in result.warnings)
    assert result.soup().select_one("div.profile img")["src"].endswith("assets/img/missing.jpg")


def test_profile_not_a_mapping_is_one_clear_warning(tmp_path):
    about = CURRENT.replace(
        "profile:\n  align: right\n  image: prof_pic.jpg\n  image_circular: false\n  more_info: >\n"
        "    <p>Bengaluru, Karnataka</p>\n    <p>India</p>\n",
        "profile: prof_pic.jpg\n",
    )
    result = init_and_build(al_folio_site(tmp_path, about))
    matching = [w for w in result.warnings if "'profile' must be a mapping" in w]
    assert len(matching) == 1 and "_pages/about.md:6" in matching[0]
    assert result.soup().select_one("div.profile") is None


def test_broken_front_matter_is_reported_with_line_and_not_leaked(tmp_path):
    about = CURRENT.replace("selected_papers: true", "selected_papers: [true")
    result = init_and_build(al_folio_site(tmp_path, about))
    assert result.error is None
    matching = [w for w in result.warnings if "broken YAML front matter" in w]
    assert len(matching) == 1 and "_pages/about.md:" in matching[0]
    assert "selected_papers" not in result.soup().get_text()


def test_strict_turns_warnings_into_failure(tmp_path):
    root = al_folio_site(tmp_path, CURRENT.replace("prof_pic.jpg", "missing.jpg"))
    result = init_and_build(root, strict=True)
    assert result.error is not None


def test_clean_site_builds_strict(current, tmp_path):
    assert current.folio_warnings() == []
    assert build_site(current.root, strict=True).error is None


def test_footer_and_title(current):
    soup = current.soup()
    footer = soup.select_one("footer")
    text = " ".join(footer.get_text().split())
    assert "Copyright" in text and "Ada Q. Lovelace" in text
    assert footer.select_one("a")["href"] == "https://example.org"
    assert soup.title.get_text() == "Ada Q. Lovelace"


def test_no_sidebars_and_no_third_party_requests(current):
    html = current.html()
    soup = current.soup()
    assert soup.select(".md-sidebar") == []
    assert "fonts.googleapis" not in html and "cdn.jsdelivr" not in html
    for tag in soup.select("script[src], link[href], img[src]"):
        url = tag.get("src") or tag.get("href")
        if tag.name == "link" and tag.get("rel") == ["canonical"]:
            continue
        assert "://" not in url or url.startswith("data:"), url


def test_init_does_not_overwrite_and_force_does(tmp_path, capsys):
    from mkdocs_folio.cli import main

    root = al_folio_site(tmp_path, CURRENT)
    (root / "mkdocs.yml").write_text("site_name: mine\n")
    assert main(["init", str(root)]) == 1
    assert (root / "mkdocs.yml").read_text() == "site_name: mine\n"
    assert main(["init", str(root), "--force"]) == 0
    text = (root / "mkdocs.yml").read_text()
    assert (
        "theme:\n  name: folio" in text
        and "- material/search" in text
        and "docs_dir: _pages" in text
    )
    assert 'site_name: "Ada Q. Lovelace"' in text and 'site_url: "https://ada.example.org/"' in text


def test_config_is_read_at_every_build(tmp_path):
    root = al_folio_site(tmp_path, CURRENT)
    init_and_build(root)
    (root / "_config.yml").write_text(
        (root / "_config.yml").read_text().replace("title: blank", "title: New Title")
    )
    result = build_site(root)
    assert result.soup().title.get_text() == "New Title"


def test_jekyll_skip_rules_and_exclude(tmp_path):
    root = al_folio_site(
        tmp_path,
        CURRENT,
        {
            "_pages/_disabled.md": "---\nlayout: page\npermalink: /disabled/\n---\nNo.\n",
            "_pages/notes.md~": "backup",
            "_pages/secret.md": "---\nlayout: page\npermalink: /secret/\n---\nNo.\n",
            "_pages/copy of page.md": "---\nlayout: page\npermalink: /copy/\ntitle: copy\n---\nYes.\n",
            "_pages/unpublished.md": "---\nlayout: page\npermalink: /unpub/\npublished: false\n---\nNo.\n",
        },
    )
    (root / "_config.yml").write_text(
        (root / "_config.yml").read_text() + "exclude: [_pages/secret.md]\n"
    )
    result = init_and_build(root)
    assert (
        not result.exists("disabled/")
        and not result.exists("secret/")
        and not result.exists("unpub/")
    )
    assert result.exists("copy/")


def test_navbar_like_al_folio(tmp_path):
    extra = {
        "_pages/pubs.md": "---\nlayout: page\ntitle: publications\npermalink: /publications/\nnav: true\nnav_order: 2\n---\n",
        "_pages/blog.md": "---\nlayout: page\ntitle: blog\npermalink: /blog/\nnav: true\nnav_order: 1\n---\n",
        "_pages/menu.md": (
            "---\nlayout: page\ntitle: submenus\nnav: true\nnav_order: 3\ndropdown: true\nchildren:\n"
            "  - title: publications\n    permalink: /publications/\n  - title: divider\n"
            "  - title: blog\n    permalink: /blog/\n---\n"
        ),
    }
    result = init_and_build(al_folio_site(tmp_path, CURRENT, extra))
    soup = result.soup("publications/")
    items = soup.select("ul.navbar-nav > li.nav-item")
    labels = [
        " ".join(li.find(["a", "button"]).get_text().split())
        for li in items
        if li.find(["a", "button"])
    ]
    assert labels[:4] == ["about", "blog", "publications (current)", "submenus"]
    assert "active" in items[2]["class"]
    menu = soup.select_one("li.dropdown .dropdown-menu")
    assert [c["class"][0] for c in menu.find_all(["a", "div"])] == [
        "dropdown-item",
        "dropdown-divider",
        "dropdown-item",
    ]
    brand = soup.select_one("a.navbar-brand")
    assert brand.select_one(".font-weight-bold").get_text() == "Ada"
    assert result.soup().select_one("a.navbar-brand") is None  # no brand on the home page


def test_permalink_collision_is_reported(tmp_path):
    extra = {
        "_pages/a.md": "---\nlayout: page\npermalink: /same/\n---\nA\n",
        "_pages/b.md": "---\nlayout: page\npermalink: /same/\n---\nB\n",
    }
    result = init_and_build(al_folio_site(tmp_path, CURRENT, extra))
    assert any("are both published at /same/" in w for w in result.warnings)


def test_unknown_liquid_tag_warns_and_page_renders(tmp_path):
    extra = {
        "_pages/x.md": "---\nlayout: page\npermalink: /x/\n---\nBefore {% frobnicate a b %} after {{ site.title }}.\n"
    }
    result = init_and_build(al_folio_site(tmp_path, CURRENT, extra))
    matching = [w for w in result.warnings if "frobnicate" in w]
    assert len(matching) == 1 and "_pages/x.md:5" in matching[0]
    text = result.soup("x/").select_one("article").get_text()
    assert "Before  after Ada Q. Lovelace." in text


def test_liquid_page_and_site_data(tmp_path):
    extra = {
        "_data/people.yml": "- name: Grace\n- name: Alan\n",
        "_pages/x.md": (
            "---\nlayout: page\npermalink: /x/\ninterests: '*math*'\n---\n"
            "{% for p in site.data.people %}{{ p.name }};{% endfor %}\n\n"
            "{{ page.interests | markdownify }}\n\n[home]({{ '/' | relative_url }})\n"
        ),
    }
    result = init_and_build(al_folio_site(tmp_path, CURRENT, extra))
    article = result.soup("x/").select_one("article")
    assert "Grace;Alan;" in article.get_text()
    assert article.select_one("em").get_text() == "math"


def test_plugin_options_for_a_fresh_mkdocs_site(tmp_path):
    write_files(
        tmp_path,
        {
            "mkdocs.yml": """
                site_name: placeholder
                theme: {name: folio}
                plugins:
                  - material/search
                  - folio:
                      data_dir: data
                      bibliography: refs/mine.bib
                      site:
                        first_name: Grace
                        last_name: Hopper
                        title: blank
                        scholar: {last_name: [Hopper], first_name: [Grace]}
            """,
            "docs/index.md": "---\nlayout: about\npermalink: /\ntitle: about\nsocial: true\nselected_papers: true\n---\nHi.\n",
            "data/socials.yml": "github_username: grace\n",
            "refs/mine.bib": "@article{k, title={Compilers}, author={Hopper, Grace}, year={1952}, selected={true}}\n",
        },
    )
    result = build_site(tmp_path, strict=True)
    assert result.error is None, result.warnings
    soup = result.soup()
    assert soup.title.get_text() == "Grace Hopper"
    assert soup.select_one("div.contact-icons a")["href"] == "https://github.com/grace"


def test_wrong_theme_and_search_plugin_are_clear_errors(tmp_path):
    write_files(
        tmp_path,
        {
            "mkdocs.yml": "site_name: x\ntheme: {name: folio}\nplugins: [search, folio]\n",
            "docs/index.md": "hi",
        },
    )
    result = build_site(tmp_path)
    assert result.error is not None
    write_files(tmp_path, {"mkdocs.yml": "site_name: x\ntheme: {name: mkdocs}\nplugins: [folio]\n"})
    result = build_site(tmp_path)
    assert result.error is not None


def test_selected_papers_in_file_order_with_owner_highlighted(current):
    soup = current.soup()
    pubs = soup.select_one("article div.publications")
    assert pubs.select("h2") == []  # one flat list, no year headings
    items = pubs.select("ol.bibliography > li")
    assert [li.select_one("div.title").get_text(strip=True) for li in items] == [
        "The First Paper",
        "The Third, Selected One",
    ]
    assert items[0].select_one("[id='first2024']") is not None
    owner = items[0].select_one("div.author em")
    assert owner is not None and "Lovelace" in owner.get_text()
    assert "Journal of Engines" in items[0].select_one("div.periodical").get_text()
    assert "2024" in items[0].select_one("div.periodical").get_text()
    assert "Babbage" in items[0].select_one("div.author").get_text()


def test_bib_syntax_error_names_file_and_line_and_keeps_other_entries(tmp_path):
    root = al_folio_site(tmp_path, CURRENT)
    bib = root / "_bibliography/papers.bib"
    bib.write_text(bib.read_text() + "\n@article{broken2020,\n  title = {Oops\n  year = 2020,\n")
    result = init_and_build(root)
    assert result.error is None
    matching = [w for w in result.warnings if "_bibliography/papers.bib:" in w]
    assert len(matching) == 1, result.warnings
    titles = [d.get_text(strip=True) for d in result.soup().select("div.publications div.title")]
    assert titles == ["The First Paper", "The Third, Selected One"]


def test_missing_bib_file_is_a_warning(tmp_path):
    root = al_folio_site(tmp_path, CURRENT)
    (root / "_bibliography/papers.bib").unlink()
    result = init_and_build(root)
    assert result.error is None
    assert any("papers.bib" in w and "not found" in w for w in result.warnings)
    assert result.soup().select("div.publications li") == []


def test_plugin_option_pointing_nowhere_is_reported(tmp_path):
    write_files(
        tmp_path,
        {
            "mkdocs.yml": "site_name: x\ntheme: {name: folio}\nplugins:\n  - material/search\n"
            "  - folio:\n      data_dir: missing-data\n",
            "docs/index.md": "---\nlayout: page\npermalink: /\ntitle: home\n---\nhi\n",
        },
    )
    result = build_site(tmp_path)
    assert result.error is None
    assert any("`data_dir: missing-data` is not a folder" in w for w in result.warnings)
