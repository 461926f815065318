"""jekyll-scholar queries, `{% bibliography %}` arguments and year grouping."""

from __future__ import annotations

import contextlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mkdocs_folio.bib import (
    BibliographyRequest,
    QueryError,
    apply_request,
    compile_query,
    group_by_year,
    parse_bibliography,
    parse_bibliography_args,
    select_entries,
)
from mkdocs_folio.problems import Problems

BIB = """
@article{a2020, title = {A}, year = {2020}, selected = {true}, abbr = {NeurIPS}}
@inproceedings{b2021, title = {B}, year = {2021}, selected = {True}, abbr = {ICML}}
@article{c2020, title = {C}, year = {2020}, abbr = {neurips}, publisher = {Wiley and Sons}}
@book{d, title = {Undated book}}
@article{e2019, title = {E}, year = {2019}, selected = {false}, author = {Curie, Marie}}
@misc{f2021, title = {F}, year = {2021}}
"""


@pytest.fixture(scope="module")
def entries():
    return parse_bibliography(BIB, "q.bib", Problems()).entries


def keys(selected) -> list[str]:
    return [e.key for e in selected]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("@*", ["a2020", "b2021", "c2020", "d", "e2019", "f2021"]),
        ("@article", ["a2020", "c2020", "e2019"]),
        ("@ARTICLE", ["a2020", "c2020", "e2019"]),
        ("@*[selected=true]*", ["a2020", "b2021"]),
        ("@*[selected=false]*", ["c2020", "d", "e2019", "f2021"]),
        ("@*[year=2020]*", ["a2020", "c2020"]),
        ("@*[year>=2020 && abbr=NeurIPS]", ["a2020", "c2020"]),
        ("@*[year > 2019, year < 2021]", ["a2020", "c2020"]),
        ("@*[year<=2019 || abbr=ICML]", ["b2021", "e2019"]),
        ("@*[year!=2020]", ["b2021", "d", "e2019", "f2021"]),
        ("@*[publisher^=wiley]", ["c2020"]),
        ("@*[title~=^[ab]$]", ["a2020", "b2021"]),
        ("@*[abbr$=URIPS]", ["a2020", "c2020"]),
        ("@*[abbr]", ["a2020", "b2021", "c2020"]),
        ("@*[!year]", ["d"]),
        ("@*[author~=curie]", ["e2019"]),
        ("@*[type=book]", ["d"]),
        ("@*[key=c2020]", ["c2020"]),
        ("  @* [ year = '2021' ] *  ", ["b2021", "f2021"]),
        ("[year=2019]", ["e2019"]),
        ("", ["a2020", "b2021", "c2020", "d", "e2019", "f2021"]),
    ],
)
def test_queries(entries, query: str, expected: list[str]) -> None:
    problems = Problems()
    assert keys(select_entries(entries, query, problems)) == expected
    assert list(problems) == []


@pytest.mark.parametrize("query", ["year=2020", "@*[year=2020", "@*[=2020]", "@*[!year=2]"])
def test_broken_query_selects_nothing_with_a_problem(entries, query: str) -> None:
    with pytest.raises(QueryError):
        compile_query(query)
    problems = Problems()
    assert select_entries(entries, query, problems, "_pages/pubs.md", 7) == []
    (problem,) = problems
    assert problem.path == "_pages/pubs.md" and problem.line == 7


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("@*[]=!<>~^$&|, ayer20'\"")), max_size=30))
def test_query_compiler_raises_only_query_errors(text: str) -> None:
    with contextlib.suppress(QueryError):
        compile_query(text)


# -- {% bibliography %} arguments ----------------------------------------------------------------


def test_args_seen_in_real_sites() -> None:
    assert parse_bibliography_args("") == BibliographyRequest()
    r = parse_bibliography_args("-f papers -q @*[year=2020]*")
    assert r.files == ["papers"] and r.query == "@*[year=2020]*"
    r = parse_bibliography_args("--file talks.bib --query @*[selected=true]* --group_by none")
    assert r.file == "talks" and r.query == "@*[selected=true]*" and r.group_by == "none"
    r = parse_bibliography_args("-f papers -f talks --group_by year --group_order ascending")
    assert r.files == ["papers", "talks"]
    assert (r.group_by, r.group_order) == ("year", "ascending")
    r = parse_bibliography_args("--cited_in_order")
    assert r.cited and r.cited_in_order
    r = parse_bibliography_args("-c -T bib --max 3")
    assert r.cited and not r.cited_in_order and r.template == "bib" and r.max == 3


def test_query_values_may_contain_spaces_and_dashes() -> None:
    r = parse_bibliography_args("--query @*[year >= 2020 && title~=self-supervised] -f papers")
    assert r.query == "@*[year >= 2020 && title~=self-supervised]"
    assert r.files == ["papers"]
    r = parse_bibliography_args('--query="@*[abbr=NeurIPS]"')
    assert r.query == "@*[abbr=NeurIPS]"


def test_unknown_options_become_problems() -> None:
    problems = Problems()
    r = parse_bibliography_args(
        "stray --frobnicate 3 --max lots --group_by type", problems, "pubs.md", 4
    )
    assert r.max is None and r.group_by == "none"
    messages = [p.message for p in problems]
    assert any("unexpected argument `stray`" in m for m in messages)
    assert any("unknown option `--frobnicate`" in m for m in messages)
    assert any("needs a whole number" in m for m in messages)
    assert any("grouping by `type`" in m for m in messages)
    assert all(p.path == "pubs.md" and p.line == 4 for p in problems)


def test_ignored_jekyll_scholar_options_are_accepted_silently() -> None:
    problems = Problems()
    parse_bibliography_args("-s apa --prefix x -A", problems)
    assert list(problems) == []


def test_apply_request(entries) -> None:
    request = parse_bibliography_args("-q @*[year>=2020]* --max 2")
    assert keys(apply_request(entries, request)) == ["a2020", "b2021"]
    cited = parse_bibliography_args("--cited")
    assert keys(apply_request(entries, cited, cited_keys=["e2019", "A2020"])) == [
        "a2020",
        "e2019",
    ]
    in_order = parse_bibliography_args("--cited_in_order")
    assert keys(
        apply_request(entries, in_order, cited_keys=["e2019", "a2020", "e2019", "zzz"])
    ) == ["e2019", "a2020"]
    default = BibliographyRequest()
    assert keys(apply_request(entries, default, default_query="@book")) == ["d"]


# -- grouping ------------------------------------------------------------------------------------


def test_group_by_year_descending_keeps_file_order(entries) -> None:
    groups = group_by_year(entries)
    assert [(g.label, g.year, keys(g.entries)) for g in groups] == [
        ("2021", 2021, ["b2021", "f2021"]),
        ("2020", 2020, ["a2020", "c2020"]),
        ("2019", 2019, ["e2019"]),
        ("Undated", None, ["d"]),
    ]


def test_group_by_year_ascending_and_none(entries) -> None:
    groups = group_by_year(entries, order="ascending")
    assert [g.label for g in groups] == ["2019", "2020", "2021", "Undated"]
    (flat,) = group_by_year(entries, group_by="none")
    assert flat.label is None and keys(flat.entries) == keys(entries)
    assert group_by_year([], group_by="none") == []
