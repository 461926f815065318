"""Registered tags, block tags and includes: what handlers receive and what they may do."""

from __future__ import annotations

from pathlib import Path

import pytest

from mkdocs_folio.liquid import LiquidRenderer, Registry, TemplateCache
from mkdocs_folio.liquid.registry import default_registry, include_key
from mkdocs_folio.problems import Problems

INCLUDES = Path(__file__).resolve().parents[1] / "fixtures" / "liquid" / "_includes"


def renderer_for(registry: Registry, site: dict | None = None) -> tuple[LiquidRenderer, Problems]:
    problems = Problems()
    renderer = LiquidRenderer(
        site or {"baseurl": "/b"},
        includes_dirs=[INCLUDES],
        problems=problems,
        registry=registry,
        cache=TemplateCache(),
    )
    return renderer, problems


def test_inline_tag_gets_raw_args_and_location():
    registry = Registry()
    calls = []

    @registry.register_tag("cite")
    def cite(args, ctx):
        calls.append((args, ctx.name, ctx.source, ctx.line, ctx.content, ctx.raw_content))
        return f"[{args}]"

    renderer, problems = renderer_for(registry)
    result = renderer.render(
        "x\n\n{% cite einstein1905 , curie1903 %}", page={}, source="_posts/a.md", first_line=4
    )
    assert result.text == "x\n\n[einstein1905 , curie1903]"
    assert calls == [("einstein1905 , curie1903", "cite", "_posts/a.md", 6, None, None)]
    assert not problems


def test_tag_without_arguments_gets_an_empty_string():
    registry = Registry()
    registry.register_tag("now", lambda args, ctx: f"<{args}>")
    renderer, _ = renderer_for(registry)
    assert renderer.render("a{% now %}b{%- now -%} c", page={}, source="p").text == "a<>b<>c"


def test_expression_evaluation_in_tag_args_inside_a_for_loop():
    """`{% bibliography -q @*[year={{y}}]* %}` inside a loop over years."""
    registry = Registry()
    queries = []

    @registry.register_tag("bibliography")
    def bibliography(args, ctx):
        queries.append(ctx.render(args))
        return f"<ol data-year='{ctx.evaluate('y')}' data-first='{ctx.evaluate('page.years | first')}'></ol>"

    renderer, problems = renderer_for(registry)
    body = "{%- for y in page.years %}\n<h2>{{y}}</h2>\n{% bibliography -f papers -q @*[year={{y}}]* %}\n{% endfor %}"
    result = renderer.render(body, page={"years": [2024, 2023]}, source="p.md")
    assert queries == ["-f papers -q @*[year=2024]*", "-f papers -q @*[year=2023]*"]
    assert "<ol data-year='2024' data-first='2024'></ol>" in result.text
    assert "<ol data-year='2023' data-first='2024'></ol>" in result.text
    assert not problems


def test_evaluate_returns_the_default_for_missing_values_and_bad_expressions():
    registry = Registry()
    results = []

    @registry.register_tag("probe")
    def probe(args, ctx):
        results.append(ctx.evaluate("page.missing", default="dflt"))
        results.append(ctx.evaluate("page.list | size"))
        results.append(ctx.evaluate("page.list | ", default="bad"))
        return ""

    renderer, problems = renderer_for(registry)
    renderer.render("\n{% probe %}", page={"list": [1, 2, 3]}, source="p.md")
    assert results == ["dflt", 3, "bad"]
    assert len(problems) == 1
    assert problems.items[0].line == 2
    assert "invalid Liquid expression 'page.list |' in tag 'probe'" in problems.items[0].message


def test_block_tag_receives_rendered_and_raw_content():
    registry = Registry()

    @registry.register_tag("details", block=True)
    def details(args, ctx):
        return f"<details><summary>{args}</summary>{ctx.content}|{ctx.raw_content}</details>"

    renderer, problems = renderer_for(registry)
    result = renderer.render(
        "{% details Click {{here}} %}Hi {{ page.name }}{% enddetails %}",
        page={"name": "Ada"},
        source="p.md",
    )
    assert result.text == (
        "<details><summary>Click {{here}}</summary>Hi Ada|Hi {{ page.name }}</details>"
    )
    assert not problems


def test_nested_block_tags_like_tabs():
    registry = Registry()

    @registry.register_tag("tabs", block=True)
    def tabs(args, ctx):
        return f"<div class='tabs' data-name='{args}'>{ctx.content.strip()}</div>"

    @registry.register_tag("tab", block=True)
    def tab(args, ctx):
        group, _, title = args.partition(" ")
        return f"<section data-group='{group}' title='{title}'>{ctx.content.strip()}</section>"

    renderer, problems = renderer_for(registry)
    body = (
        "{% tabs log %}\n{% tab log php %}\nvar_dump('x');\n{% endtab %}\n"
        "{% tab log js %}\nconsole.log({{ page.n }});\n{% endtab %}\n{% endtabs %}"
    )
    result = renderer.render(body, page={"n": 1}, source="p.md")
    assert result.text == (
        "<div class='tabs' data-name='log'><section data-group='log' title='php'>"
        "var_dump('x');</section>\n<section data-group='log' title='js'>console.log(1);"
        "</section></div>"
    )
    assert not problems


def test_block_tag_with_a_custom_end_name():
    registry = Registry()
    registry.register_tag("box", lambda args, ctx: f"[{ctx.content}]", block=True, end="endbox_")
    renderer, _ = renderer_for(registry)
    assert renderer.render("{% box %}in{% endbox_ %}", page={}, source="p").text == "[in]"


def test_block_tag_never_closed_is_a_syntax_error_and_the_rest_renders():
    registry = Registry()
    registry.register_tag("details", lambda args, ctx: "X", block=True)
    renderer, problems = renderer_for(registry)
    result = renderer.render("a\n{% details t %}\nb", page={}, source="p.md")
    assert result.text == "a\n\nb"
    assert [(p.line, p.message) for p in problems] == [
        (2, "Liquid syntax error: '{% details %}' is not closed by '{% enddetails %}'")
    ]


def test_block_content_is_rendered_only_when_asked():
    registry = Registry()
    registry.register_tag("hide", lambda args, ctx: "", block=True)
    renderer, problems = renderer_for(registry)
    result = renderer.render(
        "{% hide %}{{ 1 | divided_by: 0 }}{% endhide %}ok", page={}, source="p"
    )
    assert result.text == "ok"
    assert not problems


def test_registered_include_matches_liquid_html_and_bare_names():
    registry = Registry()

    @registry.register_include("figure")
    def figure(params, ctx):
        return f"<figure src='{params['path']}' zoom='{params.get('zoomable')}' name='{ctx.name}'>"

    renderer, problems = renderer_for(registry)
    result = renderer.render(
        '{% include figure.liquid path="a.jpg" zoomable=true %}'
        '{% include figure.html path="b.jpg" %}'
        "{% include figure path=page.img %}",
        page={"img": "c.jpg"},
        source="p.md",
    )
    assert result.text == (
        "<figure src='a.jpg' zoom='True' name='figure.liquid'>"
        "<figure src='b.jpg' zoom='None' name='figure.html'>"
        "<figure src='c.jpg' zoom='None' name='figure'>"
    )
    assert not problems


def test_python_include_wins_over_the_site_file():
    registry = Registry()
    registry.register_include("greeting", lambda params, ctx: "PY")
    renderer, _ = renderer_for(registry)
    assert (
        renderer.render('{% include greeting.liquid name="x" %}', page={}, source="p").text == "PY"
    )


def test_include_handler_sees_raw_args_and_tag_location_inside_an_include_file(tmp_path):
    includes = tmp_path / "_includes"
    includes.mkdir()
    (includes / "wrapper.liquid").write_text("line one\n{% include inner.liquid k=1 %}\n")
    registry = Registry()
    seen = []

    @registry.register_include("inner")
    def inner(params, ctx):
        seen.append((params, ctx.args, Path(ctx.source).name, ctx.line))
        ctx.problem("something to fix", "a hint")
        return "IN"

    problems = Problems()
    renderer = LiquidRenderer(
        {}, includes_dirs=[includes], problems=problems, registry=registry, cache=TemplateCache()
    )
    result = renderer.render("{% include wrapper.liquid %}", page={}, source="p.md")
    assert result.text == "line one\nIN\n"
    assert seen == [({"k": 1}, "inner.liquid k=1", "wrapper.liquid", 2)]
    assert [(Path(p.path).name, p.line, p.message, p.hint) for p in problems] == [
        ("wrapper.liquid", 2, "something to fix", "a hint")
    ]


def test_failing_handler_is_a_problem_and_the_page_renders():
    registry = Registry()

    @registry.register_tag("boom")
    def boom(args, ctx):
        raise ValueError("no such paper")

    @registry.register_include("bad")
    def bad(params, ctx):
        raise KeyError("path")

    renderer, problems = renderer_for(registry)
    result = renderer.render("a\n{% boom %}\nb {% include bad.liquid %} c", page={}, source="p.md")
    assert result.text == "a\n\nb  c"
    assert [(p.line, p.message) for p in problems] == [
        (2, "the Liquid tag 'boom' failed: ValueError: no such paper"),
        (3, "the Liquid tag 'bad.liquid' failed: KeyError: 'path'"),
    ]


def test_handler_output_can_be_stashed():
    registry = Registry()
    registry.register_tag(
        "table", lambda args, ctx: ctx.stash.put("<table>\n  <tr><td>1</td></tr>\n</table>")
    )
    renderer, _ = renderer_for(registry)
    result = renderer.render("{% table %}", page={}, source="p")
    assert (
        result.stash.restore(f"<p>{result.text}</p>") == "<table>\n  <tr><td>1</td></tr>\n</table>"
    )


def test_handlers_see_page_site_and_markdownify():
    registry = Registry()

    @registry.register_tag("probe")
    def probe(args, ctx):
        return f"{ctx.page['title']}|{ctx.site['baseurl']}|{ctx.markdownify('*x*')}"

    problems = Problems()
    renderer = LiquidRenderer(
        {"baseurl": "/b"},
        problems=problems,
        registry=registry,
        markdownify=lambda text: text.replace("*x*", "<em>x</em>"),
    )
    assert renderer.render("{% probe %}", page={"title": "T"}, source="p").text == "T|/b|<em>x</em>"


def test_registered_filter():
    registry = Registry()

    @registry.register_filter("hideCustomBibtex")
    def hide(value, *fields):
        return value.replace("secret", "")

    registry.register_filter("explode", lambda value: 1 / 0)
    renderer, problems = renderer_for(registry)
    result = renderer.render(
        "{{ 'a secret b' | hideCustomBibtex }}|{{ 1 | explode }}", page={}, source="p"
    )
    assert result.text == "a  b|"
    assert problems.items[0].message == "Liquid error: explode: ZeroDivisionError: division by zero"


def test_renderers_take_a_snapshot_of_the_registry():
    registry = Registry()
    renderer, _ = renderer_for(registry)
    registry.register_tag("late", lambda args, ctx: "LATE")
    assert renderer.render("{% late %}", page={}, source="p").text == ""
    later, _ = renderer_for(registry)
    assert later.render("{% late %}", page={}, source="p").text == "LATE"


def test_registry_rejects_invalid_names_and_normalises_include_names():
    registry = Registry()
    with pytest.raises(ValueError):
        registry.register_tag("bad name", lambda args, ctx: "")
    with pytest.raises(ValueError):
        registry.register_include("", lambda params, ctx: "")
    assert include_key("figure.liquid") == include_key("figure.html") == "figure"
    assert include_key("repository/repo_user.liquid") == "repository/repo_user"


def test_default_registry_is_used_when_none_is_given():
    name = "folio_test_default_tag"
    default_registry.register_tag(name, lambda args, ctx: "DEFAULT")
    try:
        renderer = LiquidRenderer({}, problems=Problems())
        assert renderer.render(f"{{% {name} %}}", page={}, source="p").text == "DEFAULT"
    finally:
        del default_registry.tags[name]


def test_shared_template_cache_uses_each_renderers_own_handler():
    """A rebuild registers new handlers (closures over the new build); a compiled template
    cached by the first build must call the handler of the renderer that runs now."""
    cache = TemplateCache()
    outputs = []
    for build in ("first", "second"):
        registry = Registry()
        registry.register_tag("who", lambda args, ctx, build=build: build)
        renderer = LiquidRenderer({}, problems=Problems(), registry=registry, cache=cache)
        outputs.append(renderer.render("{% who %}", page={}, source="p.md").text)
    assert outputs == ["first", "second"]
    assert len(cache) == 1  # one parse, shared
