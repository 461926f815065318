"""Jekyll's filters give Jekyll's outputs (expected values from Jekyll's docs and tests)."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mkdocs_folio.liquid import LiquidRenderer, Registry, TemplateCache
from mkdocs_folio.liquid.filters import (
    absolute_url,
    array_to_sentence_string,
    cgi_escape,
    jsonify,
    number_of_words,
    relative_url,
    ruby_inspect,
    slugify,
    smartify,
    transliterate,
    uri_escape,
    xml_escape,
)
from mkdocs_folio.problems import Problems

SITE = {"url": "http://example.com", "baseurl": "/base", "timezone": "UTC"}
SAMPLE_TIME = datetime(2013, 3, 27, 11, 22, 33, tzinfo=timezone.utc)
OBJECTS = [
    {"color": "teal", "size": "large"},
    {"color": "red", "size": "large"},
    {"color": "red", "size": "medium"},
    {"color": "blue", "size": "medium"},
]


def liquid(template: str, site: dict | None = None, **variables) -> str:
    problems = Problems()
    renderer = LiquidRenderer(
        SITE if site is None else site,
        problems=problems,
        registry=Registry(),
        cache=TemplateCache(),
    )
    result = renderer.render(template, page={}, source="t.md", variables=variables)
    assert not problems, [str(p) for p in problems]
    return result.text


# --- URLs -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "baseurl", "expected"),
    [
        ("/about/my_favorite_page/", "/base", "/base/about/my_favorite_page/"),
        ("about/my_favorite_page/", "/base", "/base/about/my_favorite_page/"),
        ("about/my_favorite_page/", "base", "/base/about/my_favorite_page/"),
        ("错误.html", "/base", "/base/%E9%94%99%E8%AF%AF.html"),
        ("about/my_favorite_page/", None, "/about/my_favorite_page/"),
        ("", "/base", "/base"),
        ("/css/main.css", "/base/", "/base/css/main.css"),
        ("/", "/", "/"),
        ("//example.com/", "/base", "/base//example.com/"),
        ("file:///file.html", "/base", "file:///file.html"),
        ("https://example.com/错误", "/base", "https://example.com/错误"),
        ("assets/img/my pic.jpg", "", "/assets/img/my%20pic.jpg"),
        ("/a/./b/../c", "", "/a/c"),
        (None, "/base", None),
    ],
)
def test_relative_url(value, baseurl, expected):
    assert relative_url(value, baseurl) == expected


@pytest.mark.parametrize(
    ("value", "url", "baseurl", "expected"),
    [
        (
            "/about/my_favorite_page/",
            "http://example.com",
            "/base",
            "http://example.com/base/about/my_favorite_page/",
        ),
        (
            "about/my_favorite_page/",
            "http://example.com",
            "/base",
            "http://example.com/base/about/my_favorite_page/",
        ),
        (
            "about/my_favorite_page/",
            "http://example.com",
            "base",
            "http://example.com/base/about/my_favorite_page/",
        ),
        ("about/my_favorite_page/", "", "base", "/base/about/my_favorite_page/"),
        ("about/my_favorite_page/", None, "base", "/base/about/my_favorite_page/"),
        (
            "about/my_favorite_page/",
            "http://example.com",
            None,
            "http://example.com/about/my_favorite_page/",
        ),
        ("", "http://example.com", "/base", "http://example.com/base"),
        ("/", "http://example.com", "/base", "http://example.com/base/"),
        ("/", "http://example.com", None, "http://example.com/"),
        ("/", "http://example.com", "/", "http://example.com/"),
        ("", "http://ümlaut.example.org/", None, "http://xn--mlaut-jva.example.org/"),
        ("http://example.com/", "http://example.org", "/base", "http://example.com/"),
    ],
)
def test_absolute_url(value, url, baseurl, expected):
    assert absolute_url(value, url, baseurl) == expected


def test_url_filters_use_the_site_config():
    assert liquid("{{ 'x/y.png' | relative_url }}|{{ '/x' | absolute_url }}") == (
        "/base/x/y.png|http://example.com/base/x"
    )
    assert liquid("{{ page_obj | relative_url }}", page_obj={"url": "/p/"}) == "/base/p/"
    assert liquid(
        "{{ '/foo/index.html' | strip_index }}|{{ '/index.html/foo' | strip_index }}"
    ) == ("/foo/|/index.html/foo")


# --- Dates ------------------------------------------------------------------------------------


def test_date_to_string_family_with_a_time():
    assert liquid(
        "{{ t | date_to_string }}|{{ t | date_to_long_string }}|{{ t | date_to_string: 'ordinal', 'US' }}"
        "|{{ t | date_to_long_string: 'ordinal' }}|{{ t | date_to_xmlschema }}|{{ t | date_to_rfc822 }}",
        t=SAMPLE_TIME,
    ) == (
        "27 Mar 2013|27 March 2013|Mar 27th, 2013|27th March 2013"
        "|2013-03-27T11:22:33+00:00|Wed, 27 Mar 2013 11:22:33 +0000"
    )


def test_date_to_string_family_with_a_date_a_string_and_a_timestamp():
    assert (
        liquid(
            "{{ d | date_to_string }}|{{ d | date_to_string: 'ordinal' }}"
            "|{{ d | date_to_long_string: 'ordinal', 'US' }}|{{ d | date_to_xmlschema }}"
            "|{{ d | date_to_rfc822 }}",
            d=date(2013, 3, 2),
        )
        == "02 Mar 2013|2nd Mar 2013|March 2nd, 2013|2013-03-02T00:00:00+00:00|Sat, 02 Mar 2013 00:00:00 +0000"
    )
    text = "September 11, 2001 12:46:30 -0000"
    assert (
        liquid(
            "{{ s | date_to_string }}|{{ s | date_to_long_string: 'ordinal', 'UK' }}|{{ s | date_to_xmlschema }}",
            s=text,
        )
        == "11 Sep 2001|11th September 2001|2001-09-11T12:46:30+00:00"
    )
    assert (
        liquid(
            "{{ n | date_to_string: 'ordinal', 'US' }}|{{ n | date_to_rfc822 }}", n=1_399_680_607
        )
        == "May 10th, 2014|Sat, 10 May 2014 00:10:07 +0000"
    )


def test_date_filters_return_empty_input_unchanged():
    assert liquid("[{{ nothing | date_to_xmlschema }}][{{ '' | date_to_string }}]") == "[][]"


@pytest.mark.parametrize(
    ("day", "ordinal"),
    [
        (1, "1st"),
        (2, "2nd"),
        (3, "3rd"),
        (4, "4th"),
        (11, "11th"),
        (12, "12th"),
        (13, "13th"),
        (21, "21st"),
        (22, "22nd"),
        (23, "23rd"),
        (31, "31st"),
    ],
)
def test_ordinals(day, ordinal):
    assert (
        liquid("{{ d | date_to_string: 'ordinal' }}", d=date(2020, 1, day)) == f"{ordinal} Jan 2020"
    )


def test_date_filter_with_ruby_directives_and_al_folio_dates():
    news = "2015-10-22 15:59:00-0400"
    assert liquid("{{ d | date: '%b %d, %Y' }}", d=news) == "Oct 22, 2015"
    assert liquid("{{ d | date: '%B %-d, %Y at %-I:%M %P (%z)' }}", d=news) == (
        "October 22, 2015 at 3:59 pm (-0400)"
    )
    assert liquid("[{{ d | date: '%e' }}][{{ d | date: '%^a %j %y' }}]", d=date(2020, 2, 5)) == (
        "[ 5][WED 036 20]"
    )
    assert liquid("{{ d | date: '%Y' }}", d=date(2020, 2, 5)) == "2020"
    assert liquid("{{ 0 | date: '%Y-%m-%d %H:%M' }}", site={}) == "1970-01-01 00:00"
    assert liquid("{{ '1399680607' | date: '%F' }}", site={}) == "2014-05-10"


def test_date_filter_leaves_non_dates_and_empty_formats_alone():
    assert liquid("{{ 'not a date' | date: '%Y' }}|{{ '2020-01-01' | date: '' }}") == (
        "not a date|2020-01-01"
    )


def test_date_now_uses_the_clock():
    year = str(datetime.now(timezone.utc).year)
    assert liquid("{{ 'now' | date: '%Y' }}") in (year, str(int(year) + 1))


# --- Arrays -----------------------------------------------------------------------------------


def test_where():
    assert liquid("{{ objs | where: 'color', 'red' | size }}", objs=OBJECTS) == "2"
    hashes = {"a": {"color": "red"}, "b": {"color": "blue"}}
    assert liquid("{{ h | where: 'color', 'red' | jsonify }}", h=hashes) == '[{"color":"red"}]'
    assert liquid("{{ s | where: 'la', 'le' }}", s="some string") == "some string"
    nulls = [{}, {"color": None}, {"color": ""}, {"color": "text"}]
    assert liquid("{{ a | where: 'color', nil | size }}", a=nulls) == "2"
    numbers = [{"value": "555"}, {"value": 555}, {"value": 24.625}, {"value": "24.625"}]
    assert (
        liquid(
            "{{ a | where: 'value', 24.625 | size }}|{{ a | where: 'value', 555 | size }}",
            a=numbers,
        )
        == "2|2"
    )
    tags = {"a": {"tags": ["x", "y"]}, "b": {"tags": "x"}, "c": {"tags": ["y", "z"]}}
    assert liquid("{{ h | where: 'tags', 'x' | size }}", h=tags) == "2"
    animals = {"a": {"category": "bear"}, "c": {"category": ["bear", "lion"]}}
    assert liquid("{{ h | where: 'category', 'ear' | size }}", h=animals) == "0"
    films = [
        {"rating": 1.2, "featured": False},
        {"rating": 9.2, "featured": True},
        {"rating": 4.7, "featured": True},
    ]
    assert (
        liquid("{{ f | where: 'featured', 'true' | map: 'rating' | join: ',' }}", f=films)
        == "9.2,4.7"
    )
    assert liquid("{{ f | where: 'rating', 4.7 | size }}", f=films) == "1"
    empties = {
        "a": {"tags": {}},
        "b": {"tags": ""},
        "c": {"tags": None},
        "d": {"tags": ["x", None]},
        "e": {"tags": []},
        "f": {"tags": "xtra"},
    }
    assert (
        liquid("{{ h | where: 'tags', '' | jsonify }}", h=empties)
        == '[{"tags":""},{"tags":["x",null]}]'
    )
    nested = [{"author": {"name": "A"}}, {"author": {"name": "B"}}]
    assert liquid("{{ n | where: 'author.name', 'B' | size }}", n=nested) == "1"


def test_where_exp_and_find_exp():
    hashes = {"a": {"color": "red"}, "b": {"color": "blue"}}
    assert (
        liquid("{{ h | where_exp: 'item', \"item.color == 'red'\" | jsonify }}", h=hashes)
        == '[{"color":"red"}]'
    )
    people = [{"name": "A", "age": 30}, {"name": "B", "age": 17}, {"name": "C", "age": 45}]
    assert (
        liquid(
            "{{ p | where_exp: 'x', 'x.age >= 18 and x.name != \"C\"' | map: 'name' }}", p=people
        )
        == "A"
    )
    assert (
        liquid(
            "{{ p | where_exp: 'x', 'x.tags contains \"ml\"' | size }}", p=[{"tags": ["ml"]}, {}]
        )
        == "1"
    )
    assert liquid("{{ p | find_exp: 'x', 'x.age < 18' | map: 'name' }}", p=people) == "B"
    assert liquid("[{{ p | find_exp: 'x', 'x.age > 99' }}]", p=people) == "[]"


def test_where_exp_blank_comparison_matches_missing_values():
    posts = [{"t": "a"}, {"t": "b", "redirect": "https://x"}, {"t": "c", "redirect": ""}]
    assert (
        liquid("{{ p | where_exp: 'x', 'x.redirect == blank' | map: 't' | join: '' }}", p=posts)
        == "ac"
    )
    assert (
        liquid("{{ p | where_exp: 'x', 'x.redirect != blank' | map: 't' | join: '' }}", p=posts)
        == "b"
    )


def test_find():
    assert (
        liquid("{{ objs | find: 'color', 'red' | jsonify }}", objs=OBJECTS)
        == '{"color":"red","size":"large"}'
    )
    assert liquid("[{{ objs | find: 'color', 'pink' }}]", objs=OBJECTS) == "[]"


def test_group_by_and_group_by_exp():
    assert (
        liquid(
            "{% assign g = objs | group_by: 'size' %}{% for x in g %}{{ x.name }}:{{ x.size }}:{{ x.items | map: 'color' | join: '+' }};{% endfor %}",
            objs=OBJECTS,
        )
        == "large:2:teal+red;medium:2:red+blue;"
    )
    missing = [{"layout": "default"}, {}, {"layout": None}]
    assert (
        liquid(
            "{% for x in g %}[{{ x.name }}]{% endfor %}",
            g=None,
        )
        == ""
    )
    assert (
        liquid(
            "{% assign g = m | group_by: 'layout' %}{% for x in g %}[{{ x.name }}={{ x.size }}]{% endfor %}",
            m=missing,
        )
        == "[default=1][=2]"
    )
    posts = [{"date": "2015-10-22"}, {"date": date(2016, 1, 1)}, {"date": "2015-01-02"}]
    assert (
        liquid(
            "{% assign g = posts | group_by_exp: 'post', \"post.date | date: '%Y'\" %}{% for x in g %}{{ x.name }}={{ x.size }};{% endfor %}",
            posts=posts,
        )
        == "2015=2;2016=1;"
    )


def test_sort_with_property_and_nils():
    items = [{"n": 3, "t": "c"}, {"t": "x"}, {"n": "10", "t": "a"}, {"n": 1, "t": "b"}]
    assert liquid("{{ i | sort: 'n' | map: 't' | join: '' }}", i=items) == "xbca"
    assert liquid("{{ i | sort: 'n', 'last' | map: 't' | join: '' }}", i=items) == "bcax"
    assert liquid("{{ l | sort | join: ',' }}", l=[3, 1, 2]) == "1,2,3"
    assert liquid("{{ l | sort | join: ',' }}", l=["b", 1, "a"]) == "1,a,b"
    dated = [
        {"d": datetime(2020, 1, 2, tzinfo=timezone(timedelta(hours=-4)))},
        {"d": date(2020, 1, 1)},
    ]
    assert (
        liquid("{{ x | sort: 'd' | map: 'd' | join: ',' }}", x=dated)
        == "2020-01-01,2020-01-02 00:00:00 -0400"
    )


def test_sort_rejects_an_invalid_nils_order():
    problems = Problems()
    renderer = LiquidRenderer({}, problems=problems, registry=Registry())
    renderer.render("{{ i | sort: 'n', 'middle' }}", page={}, source="t.md", variables={"i": [{}]})
    assert "invalid nils order 'middle'" in problems.items[0].message


def test_sample_is_deterministic():
    items = list(range(20))
    first = liquid("{{ i | sample }}|{{ i | sample: 3 | join: ',' }}", i=items)
    assert first == liquid("{{ i | sample }}|{{ i | sample: 3 | join: ',' }}", i=items)
    one, three = first.split("|")
    assert int(one) in items
    assert len(set(three.split(","))) == 3
    assert liquid("[{{ e | sample }}]", e=[]) == "[]"


def test_push_pop_shift_unshift_do_not_modify_the_input():
    assert (
        liquid(
            "{{ a | push: 'd' }}|{{ a | pop }}|{{ a | pop: 2 }}|{{ a | shift }}"
            "|{{ a | shift: 2 }}|{{ a | unshift: 'z' }}|{{ a }}",
            a=["a", "b", "c"],
        )
        == "abcd|ab|a|bc|c|zabc|abc"
    )
    assert liquid("{{ s | push: 1 }}", s="text") == "text"


def test_array_to_sentence_string():
    assert array_to_sentence_string([]) == ""
    assert array_to_sentence_string([1]) == "1"
    assert array_to_sentence_string(["chunky", "bacon"]) == "chunky and bacon"
    assert array_to_sentence_string([1, 2, 3, 4]) == "1, 2, 3, and 4"
    assert array_to_sentence_string([1, 2, 3, 4], "or") == "1, 2, 3, or 4"
    assert liquid("{{ a | array_to_sentence_string: 'or' }}", a=["x", "y"]) == "x or y"


# --- Text -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "mode", "expected"),
    [
        ("The _config.yml file", None, "the-config-yml-file"),
        ("The _config.yml file", "pretty", "the-_config.yml-file"),
        ("The _config.yml file", "raw", "the-_config.yml-file"),
        ("The _cönfig.yml file", "ascii", "the-c-nfig-yml-file"),
        ("The cönfig.yml file", "latin", "the-config-yml-file"),
        (" Q*bert says @!#?@!", None, "q-bert-says"),
        (" Q*bert says @!#?@!", "pretty", "q-bert-says-@!-@!"),
        ("The _config.yml file?", "none", "the _config.yml file?"),
        ("Machine Learning", None, "machine-learning"),
        ("Événements 2024", None, "événements-2024"),
        ("日本語 タイトル", None, "日本語-タイトル"),
    ],
)
def test_slugify(text, mode, expected):
    assert slugify(text, mode) == expected


def test_slugify_through_liquid():
    assert liquid("{{ 'Deep Learning' | slugify | prepend: '/blog/tag/' | relative_url }}") == (
        "/base/blog/tag/deep-learning"
    )
    assert liquid("[{{ nothing | slugify }}]") == "[]"


def test_jsonify():
    assert jsonify({"age": 18}) == '{"age":18}'
    assert jsonify([1, 2]) == "[1,2]"
    assert jsonify([{"name": "Jack"}, {"name": "Smith"}]) == '[{"name":"Jack"},{"name":"Smith"}]'
    assert (
        jsonify({"t": "Nürnberg </a>", "n": None, "b": True})
        == '{"t":"Nürnberg </a>","n":null,"b":true}'
    )
    assert jsonify(datetime(2008, 2, 2, tzinfo=timezone.utc)) == '"2008-02-02 00:00:00 +0000"'
    assert liquid("{{ d | jsonify }}", d={"a": [1, 2.5]}) == '{"a":[1,2.5]}'


def test_escapes():
    assert xml_escape("AT&T") == "AT&amp;T"
    assert xml_escape('foo "bar" <baz>') == "foo &quot;bar&quot; &lt;baz&gt;"
    assert xml_escape(None) == ""
    assert cgi_escape("my things") == "my+things"
    assert cgi_escape("hey!") == "hey%21"
    assert cgi_escape("foo, bar;baz?") == "foo%2C+bar%3Bbaz%3F"
    assert uri_escape("my things") == "my%20things"
    assert uri_escape("foo!*'();:@&=+$,/?#[]bar") == "foo!*'();:@&=+$,/?#[]bar"
    assert uri_escape("foo bar!*'();:@&=+$,/?#[]baz") == "foo%20bar!*'();:@&=+$,/?#[]baz"
    assert uri_escape("foo, bar \\baz?") == "foo,%20bar%20%5Cbaz?"
    assert uri_escape("a%20b ü") == "a%20b%20%C3%BC"


def test_number_of_words():
    assert number_of_words("These aren't the droids you're looking for.") == 7
    assert number_of_words("Hello world!") == 2
    assert number_of_words("hello 日本語") == 2
    assert number_of_words("hello 日本語", "cjk") == 4
    assert number_of_words("hello world", "auto") == 2
    assert number_of_words("hello 日本語", "auto") == 4
    assert liquid("{{ c | number_of_words | divided_by: 180 | plus: 1 }}", c="word " * 400) == "3"


def test_normalize_whitespace_and_strip_html():
    assert liquid("[{{ s | normalize_whitespace }}]", s="  a\n\n b\t c ") == "[a b c]"
    assert liquid("{{ s | strip_html }}", s="<p>Hi <b>there</b></p>") == "Hi there"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("SmartyPants is *not* Markdown", "SmartyPants is *not* Markdown"),
        ('"This filter\'s test..."', "“This filter’s test…”"),
        ("#hashtag", "#hashtag"),
        ("&rsquo;", "’"),
        ("&ldquo;", "“"),
        ("...\n...", "…\n…"),
        ("Span HTML is <em>not</em> escaped", "Span HTML is <em>not</em> escaped"),
        ("<div>Block HTML is not escaped</div>", "<div>Block HTML is not escaped</div>"),
        ("3 < 4", "3 &lt; 4"),
        ("5 > 4", "5 &gt; 4"),
        ("This & that", "This &amp; that"),
        (404, "404"),
        ('Use "Jekyll" --- the static generator', "Use “Jekyll” — the static generator"),
        ("pages 1--2", "pages 1–2"),
        ("the '80s and 'quoted' words", "the ’80s and ‘quoted’ words"),
        ("He said, \"'Quoted' words.\"", "He said, “‘Quoted’ words.”"),
        ('<a href="x">"link"</a>', '<a href="x">”link”</a>'),
    ],
)
def test_smartify(text, expected):
    assert smartify(text) == expected


def test_inspect():
    assert liquid("{{ 'string' | inspect }}") == "&quot;string&quot;"
    assert liquid("{{ h | inspect }}", h={"<a>": 1}) == "{&quot;&lt;a&gt;&quot;=&gt;1}"
    assert ruby_inspect([1, "a", None, True, 1.0, 1e20]) == '[1, "a", nil, true, 1.0, 1.0e+20]'
    assert ruby_inspect('tab\t"q" #{x}') == '"tab\\t\\"q\\" \\#{x}"'


def test_to_integer_and_remove_accents():
    assert liquid("{{ '42abc' | to_integer | plus: 1 }}|{{ true | to_integer }}") == "43|1"
    assert transliterate("Nürnberg Łódź Æsir straße") == "Nurnberg Lodz AEsir strasse"
    assert transliterate("日本") == "??"
    assert liquid("{{ 'Škoda' | remove_accents }}") == "Skoda"


def test_markdownify_of_nothing_is_empty_input():
    problems = Problems()
    seen = []
    renderer = LiquidRenderer(
        {},
        problems=problems,
        registry=Registry(),
        markdownify=lambda text: seen.append(text) or "<p></p>",
    )
    renderer.render("{{ page.none | markdownify }}", page={}, source="t.md")
    assert seen == [""]


def test_liquid_output_of_arrays_hashes_and_booleans():
    assert liquid(
        "{{ a }}|{{ h }}|{{ t }}|{{ f }}|{{ n }}",
        a=["x", ["y", 1]],
        h={"k": "v"},
        t=True,
        f=1.5,
        n=None,
    ) == ('xy1|{"k"=>"v"}|true|1.5|')


@given(
    st.text(max_size=60),
    st.sampled_from([None, "default", "raw", "pretty", "ascii", "latin", "none"]),
)
def test_slugify_never_raises_and_has_no_edge_hyphens(text, mode):
    slug = slugify(text, mode)
    assert isinstance(slug, str)
    if mode not in ("raw", "none"):
        assert not slug.startswith("-") and not slug.endswith("-")
        assert "--" not in slug


@given(st.text(max_size=80))
def test_text_filters_never_raise(text):
    smartify(text)
    uri_escape(text)
    cgi_escape(text)
    xml_escape(text)
    jsonify(text)
    number_of_words(text, "auto")
    relative_url(text, "/base")
    absolute_url(text, "https://example.org", "/base")
    transliterate(text)
