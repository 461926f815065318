"""Every real page body renders; the only problems are tags and includes not written yet.

The list of unknown tags and includes printed by these tests is the work list of the
features that register them (bibliography, figure, details, tabs...).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mkdocs_folio.liquid import LiquidRenderer, Registry, TemplateCache
from mkdocs_folio.problems import Problems
from mkdocs_folio.site.yamlfile import YamlError, load_yaml_file, parse_yaml
from tests.conftest import shared_path

SITES = ["al-folio-starter", "legacy-2023-site"]
ALLOWED = re.compile(r"^unknown (Liquid tag|include) '[^']+'; it is left out of the page$")


def split_front_matter(text: str) -> tuple[dict, str, int]:
    match = re.match(r"---[ \t]*\r?\n(.*?)\r?\n---[ \t]*\r?\n", text, re.S)
    if not match:
        return {}, text, 1
    try:
        front = parse_yaml(match.group(1)) or {}
    except YamlError:
        front = {}
    return dict(front), text[match.end() :], text.count("\n", 0, match.end()) + 1


def load_site(root: Path, problems: Problems) -> dict:
    site = dict(load_yaml_file(root / "_config.yml", problems, default={}))
    site["data"] = {
        path.stem: load_yaml_file(path, problems) for path in sorted((root / "_data").glob("*.yml"))
    }
    for collection in ("posts", "news", "projects", "teachings", "books"):
        items = []
        for path in sorted((root / f"_{collection}").glob("*.md")):
            front, body, _ = split_front_matter(path.read_text(encoding="utf-8"))
            items.append({**front, "content": body, "url": f"/{collection}/{path.stem}/"})
        site[collection] = items
    return site


def page_bodies(root: Path) -> list[Path]:
    return sorted((root / "_pages").glob("*.md")) + sorted((root / "_posts").glob("*.md"))


@pytest.mark.parametrize("name", SITES)
def test_every_page_body_of_the_real_sites_renders(name):
    root = shared_path("fixtures", name)
    problems = Problems()
    site = load_site(root, problems)
    setup_problems = len(problems)
    renderer = LiquidRenderer(
        site,
        includes_dirs=[root / "_includes"],
        problems=problems,
        registry=Registry(),
        cache=TemplateCache(),
        source_root=root,
    )
    rendered = 0
    for path in page_bodies(root):
        front, body, first_line = split_front_matter(path.read_text(encoding="utf-8"))
        result = renderer.render(
            body, page=front, source=path.relative_to(root), first_line=first_line
        )
        assert isinstance(result.text, str)
        rendered += 1
    assert rendered >= 2
    liquid_problems = problems.items[setup_problems:]
    unexpected = [str(p) for p in liquid_problems if not ALLOWED.match(p.message)]
    assert unexpected == []
    for problem in liquid_problems:
        # Every problem names a real line of the file, where the tag is.
        lines = (root / problem.path).read_text(encoding="utf-8").splitlines()
        name_in_message = problem.message.split("'")[1]
        assert name_in_message.split(".")[0] in lines[problem.line - 1], str(problem)
    work_list = sorted({p.message.split(";")[0] for p in liquid_problems})
    print(f"\n{name}: {rendered} bodies; still unknown:\n  " + "\n  ".join(work_list))


def test_starter_blog_page_renders_its_liquid_program():
    root = shared_path("fixtures", "al-folio-starter")
    problems = Problems()
    site = load_site(root, problems)
    renderer = LiquidRenderer(site, problems=problems, registry=Registry(), cache=TemplateCache())
    front, body, first_line = split_front_matter((root / "_pages/blog.md").read_text())
    text = renderer.render(body, page=front, source="_pages/blog.md", first_line=first_line).text
    assert "<h1>al-folio</h1>" in text
    assert 'href="/al-folio/blog/tag/formatting"' in text
    assert "{%" not in text and "{{" not in text


BODY_PIECES = st.sampled_from(
    [
        "{%",
        "%}",
        "{{",
        "}}",
        "{% if x %}",
        "{% endif %}",
        "{% else %}",
        "{% for i in l %}",
        "{% endfor %}",
        "{{ x | upcase }}",
        "{{ x | date: '%Y' }}",
        "{% include a.liquid k=v %}",
        "{% include %}",
        "{% raw %}",
        "{% endraw %}",
        "{% comment %}",
        "{% endcomment %}",
        "{% foo %}",
        "{% endfoo %}",
        "{% case x %}",
        "{% when 1 %}",
        "{%- assign y = x -%}",
        "{% capture c %}",
        "{% endcapture %}",
        "{{ 1 | divided_by: 0 }}",
        "{% break %}",
        "\n",
        " ",
        "text",
        "|",
        "'",
        '"',
        "{",
        "}",
        "%",
    ]
)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.one_of(st.text(max_size=120), st.lists(BODY_PIECES, max_size=25).map("".join)))
def test_random_bodies_never_raise(body):
    problems = Problems()
    renderer = LiquidRenderer(
        {"baseurl": "/b"}, problems=problems, registry=Registry(), cache=TemplateCache()
    )
    result = renderer.render(body, page={"title": "t"}, source="p.md", first_line=3)
    assert isinstance(result.text, str)
    for problem in problems:
        assert problem.path == "p.md"
        assert problem.line is None or 3 <= problem.line <= 3 + body.count("\n")
