"""Reading BibTeX into entries, with problems naming file and line (mkdocs_folio.bib.loader,
scanner, fields, names)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mkdocs_folio.bib import scanner
from mkdocs_folio.bib.fastscan import fast_scan
from mkdocs_folio.bib.loader import parse_bibliography, parse_month
from mkdocs_folio.bib.model import Author, Entry
from mkdocs_folio.bib.names import split_names
from mkdocs_folio.problems import Problem, Problems
from mkdocs_folio.site.config import as_bool
from tests.conftest import SHARED

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "bib"


def parse(name: str) -> tuple[list[Entry], list[Problem], object]:
    problems = Problems()
    path = FIXTURES / name
    bib = parse_bibliography(path.read_text(encoding="utf-8"), path, problems)
    return bib.entries, list(problems), bib


def by_key(entries: list[Entry]) -> dict[str, Entry]:
    return {e.key: e for e in entries}


# -- al-folio style bib --------------------------------------------------------------------------


def test_alfolio_entries_in_file_order_with_real_lines() -> None:
    entries, problems, _ = parse("alfolio.bib")
    assert problems == []
    assert [(e.key, e.line) for e in entries] == [
        ("curie2021radiance", 6),  # after the Jekyll header and the @string
        ("curie2019thesis", 32),
        ("curie1903recherches", 49),
        ("undated2020draft", 56),
        ("curie2021book", 61),
    ]
    assert all(e.source == FIXTURES / "alfolio.bib" for e in entries)


def test_fields_are_decoded_and_raw_fields_kept_as_written() -> None:
    entries, _, _ = parse("alfolio.bib")
    e = by_key(entries)["curie2021radiance"]
    assert e.type == "inproceedings"
    assert e.title == "Neural Radiance Fields for Örsted's Magnets"
    assert e.fields["publisher"] == "IEEE Press"  # @string macro
    assert e.macro_fields == {"month": "dec", "publisher": "ieee"}
    assert e.month == "Dec" and e.year == 2021
    # the abstract's line breaks survive in raw_fields, not in the display text
    assert e.raw_fields["abstract"].count("\n") == 2
    assert e.fields["abstract"] == (
        "We study radiance fields. A second line of the abstract and a third line with math "
        "$E = mc^2$."
    )
    assert e.field_lines["abstract"] == 17
    assert e.line_of("pdf") == 20
    assert e.flag("bibtex_show") and e.flag("selected") and not e.flag("missing")
    assert e.get("pdf") == "curie2021.pdf" and e.get("nothing", "x") == "x"


def test_authors_split_decoded_and_marks_stripped() -> None:
    entries, _, _ = parse("alfolio.bib")
    authors = by_key(entries)["curie2021radiance"].authors
    assert authors[0] == Author(first="Marie", last="Curie", marks="*")
    assert authors[1].last == "Skłodowska" and authors[1].first == "Bronisława"
    assert authors[2].display() == "Müller, Jörg"
    assert authors[3].first == "Niels" and authors[3].middle == "Henrik"
    assert authors[3].given == "Niels Henrik"
    raw_author = by_key(entries)["curie2021radiance"].raw_fields["author"]
    assert "*" not in raw_author and raw_author.startswith("Curie, Marie and")


def test_month_and_year_forms() -> None:
    entries, _, _ = parse("alfolio.bib")
    e = by_key(entries)
    assert e["curie2019thesis"].year == 2019 and e["curie2019thesis"].month == "Jan"
    assert e["undated2020draft"].year is None
    assert e["curie2019thesis"].title == "A Étude of Polonium – and Radium"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("jan", "Jan"),
        ("January", "Jan"),
        ("1", "Jan"),
        ("09", "Sep"),
        ("sept.", "Sep"),
        ("may", "May"),
        ("spring", "Spring"),
        ("", None),
        (None, None),
    ],
)
def test_parse_month(value: str | None, expected: str | None) -> None:
    assert parse_month(value) == expected


@pytest.mark.parametrize(
    ("value", "truth"),
    [("{true}", True), ("True", True), ("true", True), ("yes", True), ("1", True),
     ("false", False), ("", False), (None, False), ("{False}", False)],
)  # fmt: skip
def test_bibtex_booleans(value: str | None, truth: bool) -> None:
    assert as_bool(value) is truth


# -- exports: ADS, DBLP, Google Scholar ---------------------------------------------------------


def test_ads_export_journal_macros_and_braced_names() -> None:
    entries, problems, _ = parse("ads.bib")
    assert problems == []
    first, second = entries
    assert first.type == "article"  # @ARTICLE
    assert first.fields["journal"] == "MNRAS"
    assert second.fields["journal"] == "ApJ"
    assert first.title == r"A study of stellar things at $z\sim2$"
    assert first.title_html == r"A study of <em>stellar</em> things at $z\sim2$"
    smith, muller, berg = first.authors
    assert (smith.last, smith.first, smith.middle) == ("Smith", "J.", "A.")
    assert smith.given == "J. A."  # `J.~A.`: a plain space in names
    assert muller.last == "Müller"
    assert berg.full_last == "van der Berg"
    assert first.month == "Jan" and first.macro_fields["month"] == "jan"
    assert second.title == "Another & Better Study"


def test_ads_bare_journal_macro() -> None:
    problems = Problems()
    bib = parse_bibliography("@article{k, journal = \\mnras, year = 2020}", "x.bib", problems)
    assert list(problems) == []
    assert bib.entries[0].fields["journal"] == "MNRAS"


def test_dblp_export() -> None:
    entries, problems, _ = parse("dblp.bib")
    assert problems == []
    vaswani = entries[0]
    assert vaswani.key == "DBLP:conf/nips/VaswaniSPUJGKP17"
    assert len(vaswani.authors) == 8
    assert vaswani.editors[1].full_last == "von Luxburg"
    assert vaswani.fields["booktitle"].endswith("Long Beach, CA, USA")
    assert "\n" in vaswani.raw_fields["booktitle"]
    bert = entries[1]
    assert bert.title.startswith("BERT: Pre-training")
    assert bert.authors[1].display() == "Chang, Ming-Wei"


def test_google_scholar_export() -> None:
    entries, problems, _ = parse("scholar.bib")
    assert problems == []
    assert [e.key for e in entries] == ["einstein1935can", "he2016deep"]
    assert entries[1].fields["booktitle"].startswith("Proceedings of the IEEE")


# -- errors --------------------------------------------------------------------------------------


def test_broken_entries_cost_only_themselves() -> None:
    entries, problems, _ = parse("broken.bib")
    assert [e.key for e in entries] == ["good1", "good2", "dupfield", "good3"]
    path = FIXTURES / "broken.bib"
    assert all(p.path == path for p in problems)
    lines = {p.line: p.message for p in problems}
    assert "`title` is never closed" in lines[8] and "`unclosed`" in lines[8]
    assert "expected `,`" in lines[20] and "`missingcomma`" in lines[20]
    # a duplicate key names both places
    assert "duplicate entry key `good1`" in lines[23]
    assert f"{path}:1" in lines[23]
    assert "duplicate field `title`" in lines[30] and "line 29" in lines[30]
    assert "too many commas" in lines[31]
    assert "undefined macro `undefinedmacro`" in lines[32]
    assert by_key(entries)["good1"].title == "First good entry"  # the first one wins
    assert by_key(entries)["dupfield"].title == "Duplicate field"


def test_unclosed_brace_at_top_does_not_swallow_the_file() -> None:
    text = "@article{a, title = {never closed,\n year = {2020}}\n\n" + "".join(
        f"@article{{k{i}, title = {{T{i}}}, year = {{2020}}}}\n" for i in range(5)
    )
    problems = Problems()
    bib = parse_bibliography(text, "x.bib", problems)
    assert [e.key for e in bib.entries] == [f"k{i}" for i in range(5)]
    assert len(problems) == 1 and next(iter(problems)).line == 1


def test_duplicate_keys_are_case_insensitive() -> None:
    problems = Problems()
    bib = parse_bibliography("@misc{Key, title={a}}\n@misc{key, title={b}}\n", "x.bib", problems)
    assert [e.key for e in bib.entries] == ["Key"]
    (problem,) = problems
    assert problem.line == 2 and "x.bib:1" in problem.message
    assert bib.get("KEY") is bib.entries[0] and "key" in bib


def test_jekyll_header_and_crlf_keep_line_numbers() -> None:
    text = (
        "---\r\ntitle: x@y.org\r\n---\r\n\r\n@misc{a,\r\n  title = {A}\r\n}\r\n@misc{b, title={B}}"
    )
    problems = Problems()
    bib = parse_bibliography(text, "x.bib", problems)
    assert list(problems) == []
    assert [(e.key, e.line) for e in bib.entries] == [("a", 5), ("b", 8)]
    assert bib.entries[0].field_lines["title"] == 6


def test_bom_comment_preamble_and_parentheses() -> None:
    text = (
        '\ufeff@comment{ignored}\n@preamble{"\\newcommand{\\x}{y}"}\n'
        '@article(p1, title = "Quoted {Title}", year = 2001)\n'
        "@misc{c, title = {a} # { b} # jan}\n"
    )
    problems = Problems()
    bib = parse_bibliography(text, "x.bib", problems)
    assert list(problems) == []
    assert [e.key for e in bib.entries] == ["p1", "c"]
    assert bib.entries[0].title == "Quoted Title"
    assert bib.entries[1].raw_fields["title"] == "a bJanuary"


def test_load_bibliography_missing_and_latin1(tmp_path: Path) -> None:
    from mkdocs_folio.bib.cache import BibCache

    cache = BibCache()
    problems = Problems()
    missing = cache.load(tmp_path / "nope.bib", problems)
    assert len(missing) == 0
    assert "not found" in next(iter(problems)).message
    latin = tmp_path / "latin.bib"
    latin.write_bytes("@misc{k, title = {Caf\xe9}}".encode("latin-1"))
    problems = Problems()
    bib = cache.load(latin, problems)
    assert bib.entries[0].title == "Café"
    assert "not UTF-8" in next(iter(problems)).message


# -- the fast scanner agrees with pybtex's -------------------------------------------------------


def _slow(text: str) -> list[tuple]:
    commands = scanner.scan(text, 1, scanner.default_macros())
    return [
        (c.kind, c.key, c.line, c.fields)
        for c in commands
        if not c.errors and c.kind not in ("string", "preamble")
    ]


def _fast(text: str) -> list[tuple] | None:
    commands = fast_scan(text, 1, scanner.default_macros())
    if commands is None:
        return None
    return [(c.kind, c.key, c.line, c.fields) for c in commands]


def _fixture_texts() -> list[str]:
    paths = sorted(FIXTURES.glob("*.bib"))
    for name in ("al-folio-starter", "legacy-2023-site"):
        paths += sorted((SHARED / "fixtures" / name / "_bibliography").glob("*.bib"))
    texts = []
    for path in paths:
        text = scanner.strip_jekyll_header(path.read_text(encoding="utf-8"))
        texts.append(text.replace("\r\n", "\n"))
    return texts


@pytest.mark.parametrize("text", _fixture_texts())
def test_fast_scanner_matches_pybtex_scanner(text: str) -> None:
    fast = _fast(text)
    if "never closed" in text or "missingcomma" in text:
        assert fast is None  # broken input goes to pybtex for the error messages
        return
    assert fast is not None
    assert fast == _slow(text)


FIELD_VALUES = st.one_of(
    st.text(alphabet=st.sampled_from(list("ab c{}\\\"'\n-$~")), max_size=20).map(
        lambda s: "{" + s.replace("{", "").replace("}", "") + "}"
    ),
    st.integers(min_value=0, max_value=3000).map(str),
    st.sampled_from(["jan", "feb", "{A {nested} value}", '"quoted {x} value"', "{a} # jan"]),
)
ENTRY = st.tuples(
    st.sampled_from(["article", "INPROCEEDINGS", "misc"]),
    st.from_regex(r"[A-Za-z][A-Za-z0-9:_./-]{0,12}", fullmatch=True),
    st.lists(
        st.tuples(st.sampled_from(["title", "Author", "year", "note", "abbr"]), FIELD_VALUES),
        max_size=5,
        unique_by=lambda f: f[0].lower(),
    ),
    st.sampled_from([",\n", ", ", ",\n\n  "]),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(ENTRY, max_size=4))
def test_fast_scanner_matches_pybtex_on_generated_bibs(entries: list) -> None:
    text = "\n".join(
        f"@{kind}{{{key}{sep}" + sep.join(f"{n} = {v}" for n, v in fields) + "}\n"
        for kind, key, fields, sep in entries
    )
    fast = _fast(text)
    assert fast is not None
    assert fast == _slow(text)


# -- random and broken input: only Problems, never an exception ---------------------------------

BIBTEXISH = st.lists(
    st.sampled_from(
        ["@article{", "@string{", "@comment{", "@", "key", ",", "=", "{", "}", '"', "#", "(",
         ")", " ", "\n", "title", "author", " and ", "Einstein, A.", "\\\"u", "2020", "jan",
         "$x$", "---", "\n---\n", "a, b, c, d", "others"]
    ),
    max_size=60,
).map("".join)  # fmt: skip


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(BIBTEXISH)
def test_random_bibtex_never_raises(text: str) -> None:
    problems = Problems()
    bib = parse_bibliography(text, "random.bib", problems)
    line_count = text.count("\n") + 1
    for problem in problems:
        assert isinstance(problem, Problem)
        assert problem.path == "random.bib"
        assert problem.line is None or 1 <= problem.line <= line_count + 1
    for entry in bib.entries:
        assert 1 <= entry.line <= line_count


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=200))
def test_arbitrary_text_never_raises(text: str) -> None:
    parse_bibliography(text, "random.bib", Problems())


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(["A", "b", " and ", " AND ", "{", "}", "{x and y}", ",", " ", "Anderson"]),
        max_size=20,
    ).map("".join)
)
def test_name_splitting_matches_pybtex(text: str) -> None:
    from pybtex.bibtex.utils import split_name_list

    text = " ".join(text.split())
    depth = 0
    for char in text:
        depth += {"{": 1, "}": -1}.get(char, 0)
        if depth < 0:
            return  # the scanner only ever passes balanced values
    if depth:
        return
    assert split_names(text) == split_name_list(text)


def _everything(text: str) -> tuple:
    problems = Problems()
    bib = parse_bibliography(text, "pieces.bib", problems)
    entries = [
        (e.key, e.type, e.fields, e.raw_fields, e.line, e.field_lines, e.macro_fields,
         e.title_html, e.authors, e.editors, e.year, e.month, e.digest)
        for e in bib.entries
    ]  # fmt: skip
    return entries, [(p.message, p.line, p.hint) for p in problems], bib.strings


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(ENTRY, max_size=6),
    st.sampled_from(["", "@string{venue = {Journal of Tests}}\n", "% a comment\n"]),
    BIBTEXISH,
)
def test_reading_in_pieces_gives_what_reading_in_one_go_gives(entries, head, noise) -> None:
    """A long file is read entry by entry and each piece remembered (a serve rebuild after
    one edit reads one entry); the result, problems included, is the one-go result, also
    for pieces that come back from memory and for broken text."""
    from mkdocs_folio.bib import loader

    text = head + "\n".join(
        f"@{kind}{{{key}{sep}" + sep.join(f"{n} = {v}" for n, v in fields) + "}\n"
        for kind, key, fields, sep in entries
    )
    edited = text + "\n" + noise
    start = loader.PIECES_FROM
    try:
        loader.PIECES_FROM = 10**9
        expected = [_everything(text), _everything(edited)]
        loader.PIECES_FROM = 0
        assert [_everything(text), _everything(edited)] == expected
        assert [_everything(text), _everything(edited)] == expected  # from memory
    finally:
        loader.PIECES_FROM = start
