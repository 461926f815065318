"""Social links: the networks table, value clean-up, custom socials, and the partial's markup."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mkdocs_folio.problems import Problems
from mkdocs_folio.site.socials import (
    CONFIG_ORDER,
    LINK_ICON,
    NETWORKS,
    NETWORKS_BY_KEY,
    SocialLink,
    icon_exists,
    icon_from_class,
    missing_icons,
    obfuscate,
    resolve_socials,
)
from mkdocs_folio.site.yamlfile import LineDict, load_yaml_file, parse_yaml
from tests.conftest import REPO, SHARED, shared_path
from tests.sitebuilder import theme_env

REFERENCE = SHARED / "notes" / "al-folio-reference.md"
DATA = Path("_data/socials.yml")
CONFIG = Path("_config.yml")


def data_links(
    yaml_text: str, *, baseurl: str = "", config: dict | None = None
) -> tuple[list[SocialLink], Problems]:
    problems = Problems()
    links = resolve_socials(
        parse_yaml(yaml_text),
        config or {},
        baseurl=baseurl,
        problems=problems,
        data_path=DATA,
        config_path=CONFIG,
    )
    return links, problems


def one(yaml_text: str, **kwargs) -> SocialLink:
    links, problems = data_links(yaml_text, **kwargs)
    assert not problems, [str(p) for p in problems]
    assert len(links) == 1, links
    return links[0]


# --------------------------------------------------------------------------------------------
# Every network of the reference table (jekyll-socials 0.0.6), from a sample value
# --------------------------------------------------------------------------------------------

# key: (YAML value, expected URL). Copied from the table in al-folio-reference.md section 5.3.
REFERENCE_URLS = {
    "academia_edu": ("{organization: princeton, username: AlbertEinstein}",
                     "https://princeton.academia.edu/AlbertEinstein"),
    "acm_id": ("99659269441", "https://dl.acm.org/profile/99659269441/"),
    "arxiv_id": ("einstein_a_1", "https://arxiv.org/a/einstein_a_1.html"),
    "blogger_url": ("https://al.blogspot.com", "https://al.blogspot.com"),
    "bluesky_url": ("https://bsky.app/profile/al.bsky.social",
                    "https://bsky.app/profile/al.bsky.social"),
    "cv_pdf": ("/assets/pdf/cv.pdf", "/assets/pdf/cv.pdf"),
    "dblp_url": ("https://dblp.org/pid/12/345.html", "https://dblp.org/pid/12/345.html"),
    "discord_id": ("123456789012345678", "https://discord.com/users/123456789012345678"),
    "email": ("you@example.com", "mailto:you@example.com"),
    "facebook_id": ("al", "https://facebook.com/al"),
    "flickr_id": ("al", "https://www.flickr.com/al"),
    "github_username": ("octocat", "https://github.com/octocat"),
    "gitlab_username": ("octocat", "https://gitlab.com/octocat"),
    "hal_id": ("albert-einstein", "https://cv.hal.science/albert-einstein"),
    "ieee_id": ("37089731404", "https://ieeexplore.ieee.org/author/37089731404/"),
    "inspirehep_id": ("1010907", "https://inspirehep.net/authors/1010907"),
    "instagram_id": ("al", "https://instagram.com/al"),
    "kaggle_id": ("al", "https://www.kaggle.com/al"),
    "keybase_username": ("al", "https://keybase.io/al"),
    "lastfm_id": ("al", "https://www.last.fm/user/al"),
    "lattes_id": ("1234567890123456", "http://lattes.cnpq.br/1234567890123456"),
    "leetcode_id": ("al", "https://leetcode.com/u/al/"),
    "letterboxd_id": ("al", "https://letterboxd.com/al"),
    "linkedin_username": ("al-einstein", "https://www.linkedin.com/in/al-einstein"),
    "mastodon_username": ("mastodon.social/@al", "https://mastodon.social/@al"),
    "medium_username": ("al", "https://medium.com/@al"),
    "orcid_id": ("0000-0002-1825-0097", "https://orcid.org/0000-0002-1825-0097"),
    "osf_id": ("abcde", "https://osf.io/abcde/"),
    "pinterest_id": ("al", "https://www.pinterest.com/al"),
    "publons_id": ("1234", "https://publons.com/a/1234/"),
    "quora_username": ("Al-Einstein", "https://www.quora.com/profile/Al-Einstein"),
    "research_gate_profile": ("Albert_Einstein", "https://www.researchgate.net/profile/Albert_Einstein/"),
    "rss_icon": ("true", "/feed.xml"),
    "scholar_userid": ("qc6CJjYAAAAJ", "https://scholar.google.com/citations?user=qc6CJjYAAAAJ"),
    "scopus_id": ("7004212771", "https://www.scopus.com/authid/detail.uri?authorId=7004212771"),
    "semanticscholar_id": ("1741101", "https://www.semanticscholar.org/author/1741101"),
    "spotify_id": ("al", "https://open.spotify.com/user/al"),
    "stackoverflow_id": ("1234/al", "https://stackoverflow.com/users/1234/al"),
    "strava_userid": ("1234", "https://www.strava.com/athletes/1234"),
    "telegram_username": ("al", "https://telegram.me/al"),
    "unsplash_id": ("al", "https://unsplash.com/@al"),
    "wechat_username": ("al", "weixin://dl/chat?al"),
    "whatsapp_number": ("4917612345678", "https://wa.me/4917612345678"),
    "wikidata_id": ("Q937", "https://www.wikidata.org/wiki/Q937"),
    "wikipedia_id": ("Al", "https://wikipedia.org/wiki/User:Al"),
    "work_url": ("https://example.org/me", "https://example.org/me"),
    "x_username": ("al", "https://twitter.com/al"),
    "youtube_id": ("al", "https://youtube.com/@al"),
    "zotero_username": ("al", "https://www.zotero.org/al"),
}  # fmt: skip

# Keys we add beyond jekyll-socials 0.0.6.
EXTRA_URLS = {
    "twitter_username": ("al", "https://twitter.com/al"),
    "wechat_qr": ("wechat-qr.png", "/assets/img/wechat-qr.png"),
    "reddit_username": ("al", "https://www.reddit.com/user/al"),
    "tiktok_username": ("al", "https://www.tiktok.com/@al"),
    "tumblr_username": ("al", "https://www.tumblr.com/al"),
    "twitch_username": ("al", "https://www.twitch.tv/al"),
}


def test_table_covers_reference_and_extras_exactly():
    assert set(NETWORKS_BY_KEY) == set(REFERENCE_URLS) | set(EXTRA_URLS)
    assert len(NETWORKS) == len(NETWORKS_BY_KEY)  # one row per key


def test_docs_list_every_network():
    docs = (REPO / "docs" / "socials.md").read_text(encoding="utf-8")
    assert [key for key in NETWORKS_BY_KEY if f"`{key}`" not in docs] == []


@pytest.mark.parametrize("key", sorted({**REFERENCE_URLS, **EXTRA_URLS}))
def test_every_network_url_from_a_sample_value(key):
    value, expected = {**REFERENCE_URLS, **EXTRA_URLS}[key]
    link = one(f"{key}: {value}\n")
    assert link.key == key
    assert link.url == expected
    assert link.title == NETWORKS_BY_KEY[key].title
    assert link.icon == NETWORKS_BY_KEY[key].icon
    assert link.image is None


def _reference_table() -> dict[str, tuple[str, str]]:
    shared_path("notes", "al-folio-reference.md")
    text = REFERENCE.read_text(encoding="utf-8")
    section = text.split("### 5.3", 1)[1].split("**Gotchas**", 1)[0]
    rows = {}
    for match in re.finditer(r"^\| (\w+) \| `([^`]+)`[^|]*\| `([^`]+)`", section, re.M):
        rows[match.group(1)] = (match.group(2), match.group(3))
    assert len(rows) > 40
    return rows


def test_reference_table_keys_and_patterns_match():
    rows = _reference_table()
    assert set(rows) == set(REFERENCE_URLS)
    for key, (_, url) in rows.items():
        network = NETWORKS_BY_KEY[key]
        if "%s" in url and url != "%s" and key not in {"mastodon_username"}:
            assert network.url == url, key
        # The reference's own pattern, filled with our sample value, gives our URL.
        value, expected = REFERENCE_URLS[key]
        if "%s" in url and url.count("%s") == 1 and key not in {"rss_icon", "cv_pdf"}:
            assert url.replace("%s", value) == expected, key


def test_reference_titles_are_generation_two_titles():
    titles = {key: NETWORKS_BY_KEY[key].title for key in NETWORKS_BY_KEY}
    assert titles["scholar_userid"] == "Google Scholar"
    assert titles["orcid_id"] == "ORCID"
    assert titles["x_username"] == titles["twitter_username"] == "X"
    assert titles["rss_icon"] == "RSS Feed"
    assert titles["osf_id"] == "Open Science Framework"
    assert titles["ieee_id"] == "IEEE Xplore"
    assert titles["acm_id"] == "ACM DL"


def test_every_icon_in_the_table_ships_as_svg():
    assert missing_icons() == []
    for network in NETWORKS:
        assert icon_exists(network.icon), network.key
    assert icon_exists(LINK_ICON)
    # our own drawings are self-contained 24x24 currentColor SVGs
    for name in ("cv", "lattes"):
        svg = (REPO / "theme" / ".icons" / "folio" / f"{name}.svg").read_text()
        assert 'viewBox="0 0 24 24"' in svg and 'fill="currentColor"' in svg
        assert "href" not in svg and "url(" not in svg


# --------------------------------------------------------------------------------------------
# Order and sources
# --------------------------------------------------------------------------------------------


def test_data_file_order_is_kept():
    links, problems = data_links(
        "zotero_username: z\nemail: a@b.c\nrss_icon: true\ngithub_username: g\n"
        "academia_edu: {organization: o, username: u}\n"
    )
    assert not problems
    assert [link.key for link in links] == [
        "zotero_username",
        "email",
        "rss_icon",
        "github_username",
        "academia_edu",
    ]


def test_config_era_uses_al_folio_hard_coded_order():
    config = LineDict(
        rss_icon=True,
        github_username="g",
        email="a@b.c",
        twitter_username="t",
        scholar_userid="s",
        orcid_id="0000",
        discord_id="1",
        wechat_qr="qr.png",
        title="not a social",
        arxiv_id="not shown in the config era",
    )
    problems = Problems()
    links = resolve_socials(None, config, baseurl="", problems=problems, config_path=CONFIG)
    assert not problems
    assert [link.key for link in links] == [
        "email",
        "orcid_id",
        "scholar_userid",
        "github_username",
        "twitter_username",
        "discord_id",
        "rss_icon",
        "wechat_qr",
    ]
    assert CONFIG_ORDER.index("email") == 0
    assert set(CONFIG_ORDER) <= set(NETWORKS_BY_KEY)


def test_data_file_wins_over_stale_config_keys():
    config = {"github_username": "stale", "email": "old@x.org", "rss_icon": True}
    links, problems = data_links("orcid_id: 0000-0001\n", config=config)
    assert not problems
    assert [link.key for link in links] == ["orcid_id"]


def test_empty_data_file_means_no_links(tmp_path):
    path = tmp_path / "socials.yml"
    path.write_text("# nothing yet\n")
    problems = Problems()
    data = load_yaml_file(path, problems)
    links = resolve_socials(
        data, {"github_username": "x"}, baseurl="", problems=problems, data_path=path
    )
    assert links == [] and not problems


def test_missing_data_file_falls_back_to_config(tmp_path):
    problems = Problems()
    links = resolve_socials(
        None,
        {"github_username": "x"},
        baseurl="",
        problems=problems,
        data_path=tmp_path / "absent.yml",
    )
    assert [link.url for link in links] == ["https://github.com/x"]


def test_empty_values_are_skipped_silently():
    links, problems = data_links(
        "github_username:\ngitlab_username: ''\nrss_icon: false\nacademia_edu:\n"
        "custom_thing:\norcid_id: '  '\nemail: a@b.c\n"
    )
    assert not problems
    assert [link.key for link in links] == ["email"]


def test_twitter_and_x_with_same_handle_give_one_link():
    config = {"twitter_username": "al", "x_username": "al"}
    links = resolve_socials(None, config, baseurl="", problems=Problems())
    assert [link.url for link in links] == ["https://twitter.com/al"]


# --------------------------------------------------------------------------------------------
# Values
# --------------------------------------------------------------------------------------------


def test_email_is_mailto_and_obfuscated():
    link = one("email: you@example.com\n")
    assert link.url == "mailto:you@example.com"
    assert link.obfuscated is True
    assert "@" not in link.href and "mailto" not in link.href
    assert html.unescape(link.href) == "mailto:you@example.com"
    assert link.href == obfuscate("mailto:you@example.com")
    assert one("email: mailto:you@example.com\n").url == "mailto:you@example.com"


@pytest.mark.parametrize(
    ("baseurl", "expected"),
    [("", "/feed.xml"), ("/al-folio", "/al-folio/feed.xml"), ("/al-folio/", "/al-folio/feed.xml"),
     (None, "/feed.xml"), ("al-folio", "/al-folio/feed.xml")],
)  # fmt: skip
def test_rss_icon_uses_baseurl(baseurl, expected):
    assert one("rss_icon: true\n", baseurl=baseurl).url == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("/assets/pdf/cv.pdf", "/al-folio/assets/pdf/cv.pdf"),
        ("assets/pdf/cv.pdf", "/al-folio/assets/pdf/cv.pdf"),
        ("/al-folio/assets/pdf/cv.pdf", "/al-folio/assets/pdf/cv.pdf"),
        ("https://example.org/cv.pdf", "https://example.org/cv.pdf"),
    ],
)
def test_cv_pdf_relative_vs_absolute(value, expected):
    link = one(f"cv_pdf: {value}\n", baseurl="/al-folio")
    assert link.url == expected
    assert link.icon == "folio/cv"


def test_cv_pdf_lang_placeholder():
    problems = Problems()
    data = parse_yaml("cv_pdf: /assets/pdf/cv-[LANG].pdf\n")
    links = resolve_socials(data, None, baseurl="", problems=problems, lang="de")
    assert links[0].url == "/assets/pdf/cv-de.pdf"


def test_academia_edu():
    link = one("academia_edu:\n  organization: princeton\n  username: AlbertEinstein\n")
    assert link.url == "https://princeton.academia.edu/AlbertEinstein"
    assert link.title == "Academia"
    links, problems = data_links("academia_edu:\n  organization: princeton\n")
    assert links == []
    assert len(problems) == 1 and problems.items[0].line == 1


@pytest.mark.parametrize(
    "value",
    ["al.bsky.social", "'@al.bsky.social'", "https://bsky.app/profile/al.bsky.social",
     "bsky.app/profile/al.bsky.social"],
)  # fmt: skip
def test_bluesky_handle_becomes_profile_link(value):
    link = one(f"bluesky_url: {value}\n")
    assert link.url == "https://bsky.app/profile/al.bsky.social"
    assert link.icon == "fontawesome/brands/bluesky"


def test_bluesky_handle_in_config_era():
    links = resolve_socials(
        None, {"bluesky_url": "al.bsky.social"}, baseurl="", problems=Problems()
    )
    assert links[0].url == "https://bsky.app/profile/al.bsky.social"


@pytest.mark.parametrize(
    ("yaml_line", "expected"),
    [
        ("linkedin_username: yuki-m-asano/", "https://www.linkedin.com/in/yuki-m-asano"),
        ("linkedin_username: https://www.linkedin.com/in/yuki/", "https://www.linkedin.com/in/yuki/"),
        ("linkedin_username: linkedin.com/in/yuki", "https://linkedin.com/in/yuki"),
        ("github_username: '@octocat'", "https://github.com/octocat"),
        ("github_username: github.com/octocat", "https://github.com/octocat"),
        ("github_username: https://github.com/octocat", "https://github.com/octocat"),
        ("osf_id: abcde/", "https://osf.io/abcde/"),
        ("research_gate_profile: /Albert_Einstein/", "https://www.researchgate.net/profile/Albert_Einstein/"),
        ("x_username: '@al'", "https://twitter.com/al"),
        ("medium_username: '@al'", "https://medium.com/@al"),
        ("youtube_id: '@al'", "https://youtube.com/@al"),
        ("youtube_id: UCabcdefghijklmnopqrstuv", "https://youtube.com/channel/UCabcdefghijklmnopqrstuv"),
        ("scholar_userid: https://scholar.google.com/citations?user=X&hl=en",
         "https://scholar.google.com/citations?user=X&hl=en"),
        ("orcid_id: https://orcid.org/0000-0002-1825-0097", "https://orcid.org/0000-0002-1825-0097"),
        ("inspirehep_id: 1010907", "https://inspirehep.net/authors/1010907"),
        ("whatsapp_number: '+49 (176) 123-45'", "https://wa.me/4917612345"),
        ("whatsapp_number: 4917612345", "https://wa.me/4917612345"),
        ("work_url: example.org/me", "https://example.org/me"),
        ("mastodon_username: '@al@mastodon.social'", "https://mastodon.social/@al"),
        ("mastodon_username: al@sigmoid.social", "https://sigmoid.social/@al"),
        ("mastodon_username: https://mastodon.social/@al", "https://mastodon.social/@al"),
        ("research_gate_profile: Albert Einstein", "https://www.researchgate.net/profile/Albert%20Einstein/"),
    ],
)  # fmt: skip
def test_older_value_shapes_are_normalised(yaml_line, expected):
    assert one(yaml_line + "\n").url == expected


def test_mastodon_gets_rel_me_and_others_do_not():
    links, _ = data_links("mastodon_username: mastodon.social/@al\ngithub_username: g\n")
    assert links[0].rel == "me"
    assert links[1].rel is None


def test_wechat_qr_links_to_the_image():
    link = one("wechat_qr: wechat-qr.png\n", baseurl="/al-folio")
    assert link.url == "/al-folio/assets/img/wechat-qr.png"
    assert link.title == "WeChat" and link.icon == "fontawesome/brands/weixin"


def test_href_is_attribute_safe():
    link = one("scholar_userid: 'X\"&<y>'\n")
    assert '"' not in link.href and "<" not in link.href
    assert "&amp;" in link.href


# --------------------------------------------------------------------------------------------
# Custom socials and logos
# --------------------------------------------------------------------------------------------


def test_custom_social_png():
    link = one(
        "custom_social:\n  logo: https://example.org/icon.png\n  title: Custom Social\n"
        "  url: https://example.org/\n"
    )
    assert (link.key, link.title, link.url) == (
        "custom_social",
        "Custom Social",
        "https://example.org/",
    )
    assert link.image == "https://example.org/icon.png" and link.icon is None


def test_custom_social_svg_is_an_image_with_baseurl_when_relative():
    link = one(
        "lab:\n  logo: /assets/img/lab.svg\n  title: My Lab\n  url: https://lab.example.org\n",
        baseurl="/al-folio",
    )
    assert link.image == "/al-folio/assets/img/lab.svg" and link.icon is None
    link = one("lab:\n  logo: assets/img/lab.webp\n  url: https://lab.example.org\n", baseurl="/b")
    assert link.image == "/b/assets/img/lab.webp"
    assert link.title == "Lab"  # no title: the key, readable


@pytest.mark.parametrize(
    ("logo", "icon"),
    [
        ("fa-brands fa-github", "fontawesome/brands/github"),
        ("fab fa-github fa-lg", "fontawesome/brands/github"),
        ("fas fa-rss-square", "fontawesome/solid/rss-square"),  # Material ships FA5 aliases
        ("fa fa-envelope", "fontawesome/solid/envelope"),
        ("fa-brands fa-x-twitter", "fontawesome/brands/x-twitter"),
        ("ai ai-google-scholar", "simple/googlescholar"),
        ("ai ai-orcid ai-2x", "simple/orcid"),
        ("ai ai-semantic-scholar", "simple/semanticscholar"),
        ("ai ai-cv", "folio/cv"),
        ("ai ai-lattes", "folio/lattes"),
        ("ai ai-mendeley", "simple/mendeley"),
        ("si si-leetcode", "simple/leetcode"),
        (":fontawesome-brands-mastodon:", "fontawesome/brands/mastodon"),
        ("simple/orcid", "simple/orcid"),
    ],
)
def test_icon_class_logos_map_onto_material_icons(logo, icon):
    assert icon_from_class(logo) == icon
    link = one(f"thing:\n  logo: '{logo}'\n  title: Thing\n  url: https://t.example\n")
    assert link.icon == icon and link.image is None


def test_unknown_icon_class_gets_link_icon_and_problem():
    links, problems = data_links(
        "x:\n  logo: fa-brands fa-no-such-icon\n  title: X\n  url: https://x.example\n"
    )
    assert [link.icon for link in links] == [LINK_ICON]
    assert len(problems) == 1
    assert problems.items[0].path == DATA and problems.items[0].line == 1
    assert "fa-no-such-icon" in problems.items[0].message


def test_builtin_with_value_and_logo_override():
    link = one("letterboxd_id:\n  value: alberteinstein\n  logo: fa-brands fa-letterboxd\n")
    assert link.url == "https://letterboxd.com/alberteinstein"
    assert link.icon == "fontawesome/brands/letterboxd"
    link = one("github_username:\n  value: octocat\n  logo: /assets/img/gh.png\n", baseurl="/s")
    assert link.image == "/s/assets/img/gh.png" and link.icon is None
    assert link.title == "GitHub"
    link = one("rss_icon:\n  logo: fa-solid fa-rss\n")
    assert link.url == "/feed.xml" and link.icon == "fontawesome/solid/rss"


def test_custom_social_without_url_is_a_problem():
    links, problems = data_links("email: a@b.c\nlab:\n  logo: x.png\n  title: Lab\n")
    assert [link.key for link in links] == ["email"]
    assert len(problems) == 1
    problem = problems.items[0]
    assert (problem.path, problem.line) == (DATA, 2)
    assert "'lab'" in problem.message and "url" in problem.message


def test_unknown_key_with_plain_value_gives_exactly_one_problem_with_file_and_line():
    text = "email: a@b.c\n# comment\n\n\n\n\nfoo: bar\ngithub_username: g\n"
    links, problems = data_links(text)
    assert [link.key for link in links] == ["email", "github_username"]
    assert len(problems) == 1
    problem = problems.items[0]
    assert problem.path == DATA and problem.line == 7
    assert "unknown social network 'foo'" in problem.message
    assert "custom social" in problem.hint
    assert str(problem).startswith("_data/socials.yml:7: unknown social network 'foo'")


def test_wrong_type_for_a_builtin_is_a_problem_not_a_crash():
    links, problems = data_links("github_username: [a, b]\norcid_id: true\nemail: a@b.c\n")
    assert [link.key for link in links] == ["email"]
    assert [p.line for p in problems] == [1, 2]


def test_data_file_that_is_not_a_mapping():
    links, problems = data_links("- github_username: x\n")
    assert links == []
    assert len(problems) == 1 and problems.items[0].path == DATA


# --------------------------------------------------------------------------------------------
# Robustness: nothing the YAML can hold makes it raise
# --------------------------------------------------------------------------------------------

_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True),
    st.text(max_size=30),
    st.sampled_from(
        ["@x", "x/", "https://e.org/", "a@b", "x.png", "fa-brands fa-github", "ai ai-q"]
    ),
)
_junk = st.recursive(
    _scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=3),
        st.dictionaries(
            st.sampled_from(["logo", "title", "url", "value", "organization", "username", "x"]),
            children,
            max_size=4,
        ),
    ),
    max_leaves=8,
)
_keys = st.one_of(
    st.sampled_from([*NETWORKS_BY_KEY, "custom", "foo"]), st.text(max_size=12), st.integers()
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    data=st.one_of(_junk, st.dictionaries(_keys, _junk, max_size=8)),
    config=st.one_of(_junk, st.dictionaries(st.sampled_from(CONFIG_ORDER), _junk, max_size=8)),
    baseurl=st.one_of(st.none(), st.sampled_from(["", "/al-folio", "/x/"]), st.text(max_size=8)),
)
def test_weird_input_never_raises_and_links_are_complete(data, config, baseurl):
    problems = Problems()
    config_path = Path("_config.yml")
    links = resolve_socials(
        data, config, baseurl=baseurl, problems=problems, data_path=DATA, config_path=config_path
    )
    for link in links:
        assert link.url and link.href and link.title
        assert (link.icon is None) != (link.image is None)
        if link.icon:
            assert icon_exists(link.icon), link.icon
        assert '"' not in link.href and "<" not in link.href
    # Without a data file the links come from _config.yml, and so do the problems.
    expected = DATA if data is not None else config_path
    for problem in problems:
        assert problem.path == expected


# --------------------------------------------------------------------------------------------
# The partial
# --------------------------------------------------------------------------------------------


def _soup(markup: str):
    bs4 = pytest.importorskip("bs4")
    return bs4.BeautifulSoup(markup, "html.parser")


ALL_NETWORKS_YAML = "".join(
    f"{key}: {value}\n" for key, (value, _) in {**REFERENCE_URLS, **EXTRA_URLS}.items()
) + (
    "img_social:\n  logo: /assets/img/x.png\n  title: 'Me & <you>'\n  url: https://e.org/?a=1&b=2\n"
)


def test_partial_renders_about_block():
    links, problems = data_links(ALL_NETWORKS_YAML, baseurl="/al-folio")
    assert not problems
    # the configs that share a URL with another network collapse (twitter/x)
    env = theme_env()
    markup = env.get_template("partials/folio/socials.html").render(
        socials=links, contact_note="Reach me by <b>email</b>."
    )
    soup = _soup(markup)
    social = soup.select_one("div.social")
    assert social is not None
    anchors = social.select("div.contact-icons > a")
    assert len(anchors) == len(links)
    for anchor, link in zip(anchors, links, strict=True):
        assert anchor["href"] and anchor["href"] == link.url
        assert anchor["title"] == anchor["aria-label"] == link.title
        if link.image:
            img = anchor.find("img")
            assert img["src"] == link.image and img["alt"] == ""
        else:
            icon = anchor.select_one("span[aria-hidden=true] > svg")
            assert icon is not None, link.key
    mastodon = social.find("a", attrs={"aria-label": "Mastodon"})
    assert mastodon["rel"] == ["me"]
    assert "you@example.com" not in markup  # the address is only in character references
    assert social.find("a", attrs={"aria-label": "Me & <you>"}) is not None
    note = social.select_one("div.contact-note")
    assert note is not None and note.b.text == "email"  # contact_note is raw HTML


def test_partial_renders_nothing_without_socials_and_note():
    markup = (
        theme_env().get_template("partials/folio/socials.html").render(socials=[], contact_note="")
    )
    assert markup.strip() == ""


def test_navbar_macro_variant():
    links, _ = data_links("github_username: g\nemail: a@b.c\n")
    template = theme_env().from_string(
        '{% import "partials/folio/socials.html" as s %}'
        '{{ s.social_icons(socials, "navbar-brand social") }}'
    )
    soup = _soup(template.render(socials=links))
    div = soup.select_one("div.navbar-brand.social")
    assert div is not None
    assert [a["aria-label"] for a in div.find_all("a")] == ["GitHub", "Email"]
    assert soup.select_one("div.contact-note") is None


def test_css_has_al_folio_look():
    css = (REPO / "theme" / "assets" / "css" / "socials.css").read_text()
    assert "4rem" in css and "var(--folio-theme-color" in css and ".contact-note" in css


# --------------------------------------------------------------------------------------------
# Real sites
# --------------------------------------------------------------------------------------------


def test_al_folio_starter_socials():
    data_path = shared_path("fixtures", "al-folio-starter", "_data", "socials.yml")
    problems = Problems()
    data = load_yaml_file(data_path, problems)
    config = load_yaml_file(data_path.parents[1] / "_config.yml", problems)
    links = resolve_socials(
        data, config, baseurl=config.get("baseurl"), problems=problems, data_path=data_path
    )
    assert not problems, [str(p) for p in problems]
    assert [(link.key, link.url) for link in links] == [
        ("cv_pdf", "/al-folio/assets/pdf/example_pdf.pdf"),
        ("email", "mailto:you@example.com"),
        ("inspirehep_id", "https://inspirehep.net/authors/1010907"),
        ("rss_icon", "/al-folio/feed.xml"),
        ("scholar_userid", "https://scholar.google.com/citations?user=qc6CJjYAAAAJ"),
        ("custom_social", "https://www.alberteinstein.com/"),
    ]
    assert links[-1].image.endswith("cropped-favicon-192x192.png")
    assert links[-1].title == "Custom Social"


def test_legacy_2023_config_socials():
    config_path = shared_path("fixtures", "legacy-2023-site", "_config.yml")
    problems = Problems()
    config = load_yaml_file(config_path, problems)
    data_path = config_path.parent / "_data" / "socials.yml"
    links = resolve_socials(
        None,
        config,
        baseurl=config.get("baseurl"),
        problems=problems,
        data_path=data_path,
        config_path=config_path,
    )
    assert not problems
    assert [(link.key, link.title, link.url) for link in links] == [
        ("email", "Email", "mailto:yuki.asano@utn.de"),
        ("scholar_userid", "Google Scholar", "https://scholar.google.com/citations?user=CdpLhlgAAAAJ"),
        ("github_username", "GitHub", "https://github.com/yukimasano"),
        ("linkedin_username", "LinkedIn", "https://www.linkedin.com/in/yuki-m-asano"),
        ("twitter_username", "X", "https://twitter.com/y_m_asano"),
        ("rss_icon", "RSS Feed", "/feed.xml"),
    ]  # fmt: skip


def test_macro_without_class_emits_bare_links_for_the_callers_wrapper():
    links, _ = data_links("github_username: g\norcid_id: '0000'\n")
    template = theme_env().from_string(
        '{% from "partials/folio/socials.html" import social_icons %}'
        '<div class="social"><div class="contact-icons">{{ social_icons(socials, "") }}</div></div>'
    )
    soup = _soup(template.render(socials=links))
    anchors = soup.select("div.social > div.contact-icons > a")
    assert [a["aria-label"] for a in anchors] == ["GitHub", "ORCID"]
    assert soup.find("div", class_="") is None and 'class=""' not in str(soup)
