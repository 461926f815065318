"""`publication_pages:` settings, page addresses and the site origin used for absolute URLs."""

from __future__ import annotations

from mkdocs_folio.features.publication_pages import (
    PublicationPagesConfig,
    publication_slug,
    read_pages_config,
    site_origin,
)
from mkdocs_folio.problems import Problems
from mkdocs_folio.site.yamlfile import parse_yaml


def config(text: str) -> tuple[PublicationPagesConfig, list[tuple[int | None, str]]]:
    problems = Problems()
    result = read_pages_config(parse_yaml(text), problems, "_config.yml")
    return result, [(p.line, p.message) for p in problems]


def test_forms():
    assert config("title: x\n") == (PublicationPagesConfig(), [])
    assert config("publication_pages: true\n") == (PublicationPagesConfig(True), [])
    assert config("publication_pages: false\n") == (PublicationPagesConfig(False), [])
    assert config("publication_pages: {files: [papers, talks.bib]}\n") == (
        PublicationPagesConfig(True, ("papers", "talks")),
        [],
    )
    assert config("publication_pages: {enabled: false, files: talks}\n")[0] == (
        PublicationPagesConfig(False, ("talks",))
    )


def test_bad_values_are_reported_with_their_line():
    result, problems = config("title: x\npublication_pages: yes please\n")
    assert result == PublicationPagesConfig()
    assert problems[0][0] == 2 and "true/false or a mapping" in problems[0][1]
    result, problems = config("publication_pages:\n  files: 3\n")
    assert result == PublicationPagesConfig(True, ())
    assert "list of bib file names" in problems[0][1]


def test_slugs():
    assert publication_slug("PhysRev.47.777") == "PhysRev.47.777"
    assert publication_slug("einstein1905_a-b") == "einstein1905_a-b"
    assert publication_slug("DBLP:journals/corr/abs-1234") == "DBLP-journals-corr-abs-1234"
    assert publication_slug("../etc") == "etc"
    assert publication_slug("ü") == "entry"


def test_site_origin():
    assert site_origin("https://x.github.io/al-folio/") == "https://x.github.io"
    assert site_origin("", "http://example.org") == "http://example.org"
    assert site_origin("", "") == ""
