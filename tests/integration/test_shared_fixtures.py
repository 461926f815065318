"""Real al-folio content from ../shared (skipped when it is absent): the seeds' about pages,
al-folio's own starter and a real 2023-schema site build after `mkdocs-folio init`."""

from __future__ import annotations

import pytest

from tests.conftest import shared_path
from tests.sitebuilder import al_folio_site, copy_tree, init_and_build


@pytest.mark.parametrize(
    ("seed", "circular", "subtitle_tag", "info_paragraphs"),
    [("about-ml-engineer.md", False, "a", 2), ("about-phd-student.md", True, "em", 0)],
)
def test_seed_about_pages(tmp_path, seed, circular, subtitle_tag, info_paragraphs):
    about = shared_path("fixtures", "seeds", seed).read_text(encoding="utf-8")
    image = "1000011868.jpg" if "phd" in seed else "prof_pic.jpg"
    root = al_folio_site(tmp_path, about, {f"assets/img/{image}": b"\xff\xd8\xff\xe0img"})
    result = init_and_build(root)
    assert result.error is None
    assert result.folio_warnings() == []
    soup = result.soup()
    profile = soup.select_one("div.profile")
    assert "float-right" in profile["class"]
    img_class = profile.select_one("img")["class"]
    assert ("rounded-circle" in img_class) is circular
    assert ("rounded" in img_class) is not circular
    info = profile.select_one("div.more-info")
    assert len(info.select("p")) == info_paragraphs
    assert info.get_text(strip=True)
    desc = soup.select_one("p.desc")
    assert desc.select_one(subtitle_tag) is not None
    if subtitle_tag == "em":
        assert desc.select_one("em br") is not None
    assert len(soup.select("div.publications ol.bibliography > li")) == 2
    assert len(soup.select("div.social div.contact-icons a")) == 3
    assert soup.select("div.news") == []
    headings = [h.get_text(strip=True) for h in soup.select("article > h2")]
    assert "news" not in headings and "latest posts" not in headings
    assert "Write your biography here" not in soup.get_text()  # HTML comment stays invisible


def test_al_folio_starter_builds(tmp_path):
    root = copy_tree(shared_path("fixtures", "al-folio-starter"), tmp_path / "site")
    result = init_and_build(root)
    assert result.error is None
    assert not any("Traceback" in w for w in result.warnings)
    soup = result.soup()
    profile = soup.select_one("div.profile")
    assert "float-right" in profile["class"] and "rounded" in profile.select_one("img")["class"]
    assert [p.get_text() for p in profile.select(".more-info p")][0] == "555 your office number"
    headings = [h.get_text(strip=True) for h in soup.select("article > h2")]
    assert headings == ["news", "latest posts", "selected publications"]
    assert len(soup.select("div.news")[0].select("tr")) == 3
    assert len(soup.select("div.news")[1].select("tr")) == 3  # latest_posts.limit
    titles = [a["title"] for a in soup.select("div.contact-icons a")]
    assert titles[:4] == ["CV", "Email", "Inspire HEP", "RSS Feed"]
    assert soup.select_one("div.publications li [id='PhysRev.47.777']") is not None
    assert soup.title.get_text() == "You R. Name"
    # The warning about the missing profile picture names the path.
    assert any("assets/img/prof_pic.jpg" in w for w in result.warnings)


def test_legacy_2023_site_builds(tmp_path):
    root = copy_tree(shared_path("fixtures", "legacy-2023-site"), tmp_path / "site")
    result = init_and_build(root)
    assert result.error is None
    soup = result.soup()
    profile = soup.select_one("div.profile")
    assert "float-right" in profile["class"]
    assert profile.select_one("div.address") is not None
    assert "Nürnberg" in profile.select_one("div.address").get_text()
    headings = [h.get_text(strip=True) for h in soup.select("article > h2")]
    assert headings == ["news", "selected publications"]
    rows = soup.select("div.news tr")
    assert len(rows) == 3  # site-level announcements.limit
    assert "60vw" not in str(soup.select_one("div.news"))
    titles = [a["title"] for a in soup.select("div.contact-icons a")]
    assert titles == ["Email", "Google Scholar", "GitHub", "LinkedIn", "X", "RSS Feed"]
    assert soup.title.get_text() == "Yuki M. Asano"
    assert len(soup.select("div.publications ol.bibliography > li")) >= 1
