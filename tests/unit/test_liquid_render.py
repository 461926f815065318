"""The Liquid renderer: Jekyll semantics, includes, and errors that never break a page."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from mkdocs_folio.liquid import LiquidRenderer, Registry, TemplateCache
from mkdocs_folio.problems import Problems

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "liquid"
INCLUDES = FIXTURES / "_includes"

SITE = {
    "url": "https://example.org",
    "baseurl": "/al-folio",
    "title": "Site",
    "data": {"repositories": {"github_users": ["alice", "bob"]}, "empty": []},
    "projects": [
        {"title": "B", "importance": 2, "category": "work"},
        {"title": "A", "importance": 1, "category": "fun"},
        {"title": "C", "importance": 3, "category": "work"},
    ],
}


def make(
    site: dict | None = None,
    registry: Registry | None = None,
    **kwargs,
) -> tuple[LiquidRenderer, Problems]:
    problems = Problems()
    renderer = LiquidRenderer(
        SITE if site is None else site,
        includes_dirs=[INCLUDES],
        problems=problems,
        registry=registry if registry is not None else Registry(),
        cache=TemplateCache(),
        source_root=FIXTURES,
        **kwargs,
    )
    return renderer, problems


def render(body: str, page: dict | None = None, **kwargs) -> tuple[str, Problems]:
    renderer, problems = make()
    result = renderer.render(body, page=page or {}, source="_pages/p.md", **kwargs)
    return result.text, problems


def messages(problems: Problems) -> list[str]:
    return [problem.message for problem in problems]


# --- Plain Liquid as Jekyll runs it -----------------------------------------------------------


def test_body_without_liquid_is_returned_unchanged():
    body = "# Title\n\nSome *Markdown* with {braces} and % signs.\n"
    text, problems = render(body)
    assert text == body
    assert not problems


def test_site_and_page_variables():
    text, problems = render(
        "{{ site.baseurl }}|{{ site.url }}|{{ page.title }}|{{ site.data.repositories.github_users | join: ',' }}",
        page={"title": "About"},
    )
    assert text == "/al-folio|https://example.org|About|alice,bob"
    assert not problems


def test_undefined_variables_render_empty_without_a_problem():
    text, problems = render("[{{ page.nothing }}][{{ nothing.at.all }}][{{ page.x | upcase }}]")
    assert text == "[][][]"
    assert not problems


def test_if_unless_case_contains():
    body = (
        "{% if page.x %}yes{% else %}no{% endif %}"
        "{% unless page.y %}-u{% endunless %}"
        "{% case page.n %}{% when 1 %}-one{% when 2, 3 %}-few{% else %}-many{% endcase %}"
        "{% if page.tags contains 'ml' %}-ml{% endif %}"
        "{% if page.title contains 'Ab' %}-sub{% endif %}"
    )
    text, _ = render(body, page={"x": True, "n": 3, "tags": ["ml", "cv"], "title": "About"})
    assert text == "yes-u-few-ml-sub"


def test_for_loop_with_limit_offset_reversed_and_forloop():
    body = (
        "{% for i in page.items limit: 3 offset: 1 %}{{ i }}{% unless forloop.last %},{% endunless %}{% endfor %}"
        "|{% for i in page.items reversed %}{{ forloop.index }}:{{ i }} {% endfor %}"
    )
    text, _ = render(body, page={"items": [1, 2, 3, 4, 5]})
    assert text == "2,3,4|1:5 2:4 3:3 4:2 5:1 "


def test_for_loop_over_site_data_and_collections():
    body = (
        "{% assign sorted = site.projects | sort: 'importance' %}"
        "{% for p in sorted %}{{ p.title }}{% endfor %}"
        "|{% assign work = site.projects | where: 'category', 'work' %}{{ work.size }}"
        "|{% for u in site.data.repositories.github_users %}<{{ u }}>{% endfor %}"
    )
    text, problems = render(body)
    assert text == "ABC|2|<alice><bob>"
    assert not problems


def test_assign_capture_raw_comment_and_whitespace_control():
    body = (
        "{% assign who = 'you' | upcase %}{% capture msg %}hi {{ who }}{% endcapture %}[{{ msg }}]"
        "{% raw %}{{ not rendered }}{% endraw %}"
        "{% comment %} hidden {{ x }} {% endcomment %}"
        "a   {%- if true -%}   b   {%- endif -%}   c"
    )
    text, problems = render(body)
    assert text == "[hi YOU]{{ not rendered }}abc"
    assert not problems


def test_blank_comparisons_follow_jekyll_sites():
    """al-folio's blog writes `{% if post.redirect == blank %}` for posts without one."""
    body = (
        "{% for post in page.posts %}"
        "{% if post.redirect == blank %}local{% elsif post.redirect contains '://' %}ext"
        "{% else %}site{% endif %},{% endfor %}"
        "{% if page.text != blank %}!{% endif %}"
    )
    posts = [{}, {"redirect": ""}, {"redirect": "https://x.org"}, {"redirect": "/b/"}]
    text, _ = render(body, page={"posts": posts, "text": "   "})
    assert text == "local,local,ext,site,"


def test_dates_print_as_ruby_does():
    text, _ = render(
        "{{ page.date }}|{{ page.day }}|{{ page.date | date: '%b %d, %Y' }}",
        page={"date": __import__("datetime").datetime(2015, 10, 22, 15, 59), "day": "x"},
    )
    assert text == "2015-10-22 15:59:00 +0000|x|Oct 22, 2015"


def test_variables_argument_adds_top_level_names():
    renderer, _ = make()
    result = renderer.render(
        "{{ paginator.page }}", page={}, source="p.md", variables={"paginator": {"page": 2}}
    )
    assert result.text == "2"


# --- include ----------------------------------------------------------------------------------


def test_include_from_site_includes_with_params():
    text, problems = render(
        '{% include greeting.liquid name="Ada" place=page.city %}'
        "{% include greeting.liquid name='Bob' %}",
        page={"city": "Nürnberg"},
    )
    assert text == (
        '<p class="greeting">Hello Ada from Nürnberg</p>\n'
        '<p class="greeting">Hello Bob from nowhere</p>\n'
    )
    assert not problems


def test_nested_include_with_slashes_in_path_inside_a_loop():
    text, problems = render(
        "{% for item in page.items %}{% include cards/card.liquid item=item %}{% endfor %}",
        page={"items": [{"id": "a", "title": "first"}, {"id": "b", "title": "second"}]},
    )
    assert text == (
        '<div class="card" id="a"><h3>FIRST</h3>\n</div>\n'
        '<div class="card" id="b"><h3>SECOND</h3>\n</div>\n'
    )
    assert not problems


def test_include_of_an_older_site_with_html_extension_and_swap():
    text, problems = render(
        '{% include legacy.html label="x" %}{% include legacy.liquid label="y" %}'
    )
    assert text == '<span class="legacy">x</span>\n<span class="legacy">y</span>\n'
    assert not problems


def test_include_name_from_a_variable():
    text, problems = render(
        "{% include {{ page.inc }} name=page.who %}", page={"inc": "greeting.liquid", "who": "Z"}
    )
    assert "Hello Z" in text
    assert not problems


def test_include_params_are_quoted_strings_or_variables():
    registry = Registry()
    seen = {}

    @registry.register_include("probe")
    def probe(params, ctx):
        seen.update(params)
        return ""

    renderer, problems = make(registry=registry)
    renderer.render(
        'x\n{% include probe.liquid a="q \\"x\\"" b=\'s\' c=true d=10 e=page.v f=nothing %}',
        page={"v": [1, 2]},
        source="p.md",
    )
    assert seen == {"a": 'q "x"', "b": "s", "c": True, "d": 10, "e": [1, 2], "f": None}
    assert not problems


def test_assigns_inside_an_include_are_visible_after_it_as_in_jekyll():
    text, _ = render("{% include assigns.liquid %}[{{ leaked }}]")
    assert text.strip() == "[from include]"


def test_unknown_include_gives_one_problem_per_page_and_nothing_is_output():
    text, problems = render(
        "a\n{% include nosuch.liquid %}\nb {% include nosuch.liquid x=1 %}\n{% include other.html %}",
        first_line=5,
    )
    assert text == "a\n\nb \n"
    found = [(p.message, p.line) for p in problems]
    assert found == [
        ("unknown include 'nosuch.liquid'; it is left out of the page", 6),
        ("unknown include 'other.html'; it is left out of the page", 8),
    ]
    assert all(str(p.path) == "_pages/p.md" for p in problems)


def test_include_with_invalid_names_is_refused():
    text, problems = render("{% include ../secret.liquid %}|{% include /etc/passwd %}")
    assert text == "|"
    assert len(problems) == 2
    assert all("invalid file name" in m for m in messages(problems))


def test_invalid_include_parameters_are_reported_and_valid_ones_used():
    text, problems = render('{% include greeting.liquid name="Ada" what? %}')
    assert "Hello Ada" in text
    assert messages(problems) == ["invalid parameters in '{% include greeting.liquid %}': 'what?'"]


def test_problems_inside_an_include_name_the_include_file_and_line():
    text, problems = render("{% include broken.liquid %}{% include unknown_tag.liquid %}ok")
    assert text.endswith("ok")
    assert "never closed" in text  # the unclosed `if` is dropped, its content kept
    located = {(Path(p.path).name, p.line, p.message) for p in problems}
    assert (
        "broken.liquid",
        2,
        "Liquid syntax error: '{% if %}' is not closed by '{% endif %}'",
    ) in located
    assert (
        "unknown_tag.liquid",
        2,
        "unknown Liquid tag 'mystery'; it is left out of the page",
    ) in located


def test_recursive_include_is_a_problem_not_a_crash():
    text, problems = render("start {% include recursive.liquid %} end")
    assert text.startswith("start x")
    assert text.endswith(" end")
    assert any("recursive" in m or "depth" in m for m in messages(problems))


def test_include_relative_reads_next_to_the_page():
    renderer, problems = make()
    result = renderer.render(
        "{% include_relative snippet.md %}",
        page={"title": "T"},
        source="_pages/page.md",
    )
    assert result.text == "Included text with T.\n"
    assert not problems


def test_include_relative_does_not_use_python_includes():
    registry = Registry()
    registry.register_include("snippet", lambda params, ctx: "PYTHON")
    renderer, _ = make(registry=registry)
    result = renderer.render("{% include_relative snippet.md %}", page={}, source="_pages/x.md")
    assert result.text.startswith("Included text")


# --- Errors never break a page ----------------------------------------------------------------


def test_unknown_tag_gives_one_problem_per_name_with_file_line_and_the_rest_renders():
    body = (
        "intro {{ page.title }}\n{% foo a %}\nmiddle\n{% foo b %}{% bar %}\nend {{ 1 | plus: 1 }}"
    )
    renderer, problems = make()
    result = renderer.render(body, page={"title": "T"}, source="_pages/x.md", first_line=7)
    assert result.text == "intro T\n\nmiddle\n\nend 2"
    assert [(p.message, p.path, p.line) for p in problems] == [
        ("unknown Liquid tag 'foo'; it is left out of the page", "_pages/x.md", 8),
        ("unknown Liquid tag 'bar'; it is left out of the page", "_pages/x.md", 10),
    ]
    assert str(problems.items[0]).startswith("_pages/x.md:8: unknown Liquid tag 'foo'")


def test_unknown_block_tag_keeps_its_content_and_its_end_tag_is_not_reported():
    text, problems = render(
        "{% details Title %}\ninside {{ page.x }}\n{% enddetails %}", page={"x": 1}
    )
    assert text == "\ninside 1\n"
    assert messages(problems) == ["unknown Liquid tag 'details'; it is left out of the page"]


def test_the_same_page_rendered_twice_reports_the_same_problem_once():
    renderer, problems = make()
    for _ in range(2):
        renderer.render("{% foo %}", page={}, source="p.md")
    assert len(problems) == 1


@pytest.mark.parametrize(
    ("body", "expected_text", "line", "fragment"),
    [
        ("a\n{% if page.x %}\nb\nc", "a\n\nb\nc", 2, "'{% if %}' is not closed by '{% endif %}'"),
        ("a\n{{ x | }}\nb", "a\n\nb", 2, "in '{{ x | }}'"),
        ("a\n{% if x == %}y{% endif %}\nb", "a\ny\nb", 2, "in '{% if x == %}'"),
        ("a\n\n{% endif %}\nb", "a\n\n\nb", 3, "unexpected tag 'endif'"),
        ("a {% else %} b", "a  b", 1, "unexpected tag 'else'"),
        ("x\n{% for i in %}{{ i }}{% endfor %}", "x\n", 2, "in '{% for i in %}'"),
    ],
)
def test_syntax_errors_drop_the_broken_tag_and_render_the_rest(body, expected_text, line, fragment):
    renderer, problems = make()
    result = renderer.render(body, page={}, source="_pages/x.md", first_line=1)
    assert result.text == expected_text
    assert len(problems) == 1
    problem = problems.items[0]
    assert problem.message.startswith("Liquid syntax error")
    assert fragment in problem.message
    assert (problem.path, problem.line) == ("_pages/x.md", line)


def test_an_opener_never_closed_is_printed_as_text():
    renderer, problems = make()
    result = renderer.render("a {{ x \nb {{ 'ok' }}\n{% if", page={}, source="p.md", first_line=3)
    assert result.text == "a {{ x \nb ok\n{% if"
    assert sorted((p.line, p.message) for p in problems) == [
        (3, "'{{' is not closed by '}}'"),
        (5, "'{%' is not closed by '%}'"),
    ]


def test_errors_while_rendering_lose_one_output_only():
    body = (
        "{% for i in (1..3) %}[{{ 10 | divided_by: 0 }}{{ i }}]{% endfor %}"
        "\n{{ 'not a date' | date_to_string }}|{{ nil | sort }}|done"
    )
    text, problems = render(body)
    assert text == "[1][2][3]\n||done"
    assert [(p.line, p.message) for p in problems] == [
        (1, "Liquid error: divided_by: can't divide by 0"),
        (2, 'Liquid error: invalid date: "not a date" is not a valid datetime'),
        (2, "Liquid error: cannot sort a null object"),
    ]


def test_runaway_loops_are_a_problem_not_a_hang():
    started = time.perf_counter()
    text, problems = render("a{% for i in (1..100000000) %}{{ i }}{% endfor %}b")
    assert text == "ab"
    assert messages(problems) == ["Liquid error: loop iteration limit reached"]
    assert time.perf_counter() - started < 5


def test_unclosed_raw_is_a_syntax_error():
    text, problems = render("a {% raw %} {{ 'x' }} b")
    assert text == "a  x b"
    assert messages(problems) == [
        "Liquid syntax error: '{% raw %}' is not closed by '{% endraw %}'"
    ]


def test_unknown_filter_passes_the_value_through_with_one_problem():
    text, problems = render("{{ 'a' | frobnicate }}{{ 'b' | frobnicate: 2 }}")
    assert text == "ab"
    assert messages(problems) == [
        "unknown Liquid filter 'frobnicate'; the value is used unfiltered"
    ]


def test_break_and_continue_still_work_through_guards():
    text, problems = render(
        "{% for i in (1..6) %}{% if i == 2 %}{% continue %}{% endif %}"
        "{% if i == 5 %}{% break %}{% endif %}{{ i }}{% endfor %}"
    )
    assert text == "134"
    assert not problems


def test_markdownify_filter_uses_the_injected_converter():
    renderer, _ = make(markdownify=lambda text: f"<p>{text.strip()}</p>\n")
    result = renderer.render(
        "{{ page.interests | markdownify }}", page={"interests": "AI"}, source="p.md"
    )
    assert result.text == "<p>AI</p>\n"


def test_site_timezone_converts_date_to_string():
    site = dict(SITE, timezone="America/New_York")
    renderer, problems = make(site=site)
    result = renderer.render(
        "{{ '2015-10-23 02:00:00+0000' | date_to_string }}|{{ '2015-10-23 02:00:00+0000' | date: '%d' }}",
        page={},
        source="p.md",
    )
    assert result.text == "22 Oct 2015|23"
    assert not problems


def test_unknown_timezone_is_a_problem():
    _, problems = make(site=dict(SITE, timezone="Mars/Olympus"))
    assert "unknown timezone 'Mars/Olympus'" in problems.items[0].message


# --- Cache ------------------------------------------------------------------------------------


def test_parsed_bodies_are_cached_across_renderers_and_reuse_is_fast():
    cache = TemplateCache()
    body = "\n".join(
        f"{{% for p in site.projects %}}{{{{ p.title | upcase }}}}-{i}{{% endfor %}}"
        for i in range(300)
    )
    problems = Problems()
    first = LiquidRenderer(SITE, problems=problems, registry=Registry(), cache=cache)
    started = time.perf_counter()
    cold_text = first.render(body, page={}, source="p.md").text
    cold = time.perf_counter() - started
    assert (cache.misses, cache.hits) == (1, 0)

    # A new renderer, as a `mkdocs serve` rebuild creates: the body is not parsed again.
    second = LiquidRenderer(SITE, problems=problems, registry=Registry(), cache=cache)
    started = time.perf_counter()
    warm_text = second.render(body, page={}, source="p.md").text
    warm = time.perf_counter() - started
    assert warm_text == cold_text
    assert cache.hits == 1
    assert warm < cold


def test_cache_depends_on_the_registered_tags():
    cache = TemplateCache()
    problems = Problems()
    plain = LiquidRenderer(SITE, problems=problems, registry=Registry(), cache=cache)
    assert plain.render("{% shout %}", page={}, source="p.md").text == ""
    registry = Registry()
    registry.register_tag("shout", lambda args, ctx: "HEY")
    tagged = LiquidRenderer(SITE, problems=Problems(), registry=registry, cache=cache)
    assert tagged.render("{% shout %}", page={}, source="p.md").text == "HEY"


def test_changed_include_file_is_read_again(tmp_path):
    includes = tmp_path / "_includes"
    includes.mkdir()
    (includes / "x.liquid").write_text("one")
    problems = Problems()
    renderer = LiquidRenderer({}, includes_dirs=[includes], problems=problems, registry=Registry())
    assert renderer.render("{% include x.liquid %}", page={}, source="p.md").text == "one"
    (includes / "x.liquid").write_text("two!")
    assert renderer.render("{% include x.liquid %}", page={}, source="p.md").text == "two!"


def test_include_through_a_symlink_out_of_the_folder_is_refused(tmp_path):
    includes = tmp_path / "_includes"
    includes.mkdir()
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET")
    (includes / "link.liquid").symlink_to(secret)
    problems = Problems()
    renderer = LiquidRenderer({}, includes_dirs=[includes], problems=problems, registry=Registry())
    assert renderer.render("{% include link.liquid %}", page={}, source="p.md").text == ""
    assert "unknown include 'link.liquid'" in problems.items[0].message
