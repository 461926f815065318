"""Reading RSS and Atom feeds safely (`site/feeds.py`)."""

from __future__ import annotations

import pytest

from mkdocs_folio.site.feeds import FeedError, parse_feed, plain_text, safe_url


def test_atom_entries():
    atom = b"""<?xml version="1.0"?>
    <feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>
      <entry><title type="html">A &amp;amp; B</title>
        <link rel="self" href="https://e.org/self"/><link href="https://e.org/a"/>
        <published>2024-03-10T10:00:00Z</published><summary>Short</summary>
        <content type="html">&lt;p&gt;Long text&lt;/p&gt;</content></entry>
      <entry><title>Updated only</title><link rel="alternate" href="https://e.org/b"/>
        <updated>2023-01-02T00:00:00+02:00</updated></entry>
    </feed>"""
    first, second = parse_feed(atom)
    assert first.url == "https://e.org/a" and plain_text(first.title) == "A & B"
    assert first.summary == "Short" and plain_text(first.content) == "Long text"
    assert first.published.year == 2024 and first.published.tzinfo is not None
    assert second.url == "https://e.org/b" and second.published.year == 2023


def test_rss_one_rdf_items():
    rdf = b"""<?xml version="1.0"?>
    <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
      xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
      <item><title>R</title><link>https://e.org/r</link><dc:date>2022-05-01</dc:date></item>
    </rdf:RDF>"""
    (item,) = parse_feed(rdf)
    assert item.title == "R" and item.url == "https://e.org/r" and item.published.year == 2022


@pytest.mark.parametrize(
    "data",
    [
        b'<!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><rss>&b;</rss>',
        b'<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><rss>&x;</rss>',
        b'<!DOCTYPE r [<!ENTITY % p SYSTEM "http://127.0.0.1:9/x.dtd"> %p;]><rss/>',
    ],
    ids=["laughs", "external", "parameter"],
)
def test_entity_declarations_are_refused(data):
    with pytest.raises(FeedError):
        parse_feed(data)


def test_text_and_links_are_made_safe():
    assert plain_text("&lt;b&gt;Bold&lt;/b&gt; <i>x</i>") == "Bold x"
    assert safe_url("javascript:alert(1)") == ""
    assert safe_url('https://e.org/a"onmouseover=x') == "https://e.org/a%22onmouseover=x"
