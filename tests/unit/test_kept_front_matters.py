"""Front matters kept on disk by the text they came from (cache/frontmatters.py): a build
that reads an unchanged file gets exactly the parse a fresh parse would give, warnings too."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mkdocs_folio.cache import frontmatters
from mkdocs_folio.cache.frontmatters import STAGE, KeptFrontMatters, parser_key
from mkdocs_folio.cache.store import CacheStore
from mkdocs_folio.problems import Problems
from mkdocs_folio.site.filecache import FileCache
from mkdocs_folio.site.frontmatter import FrontMatter, split_front_matter

KEY = parser_key("code")


def build(folder: Path, texts: dict[str, str]) -> tuple[dict[str, FrontMatter], dict, int]:
    """One build in a new process: each text split through a memo read from `folder`.
    Returns the parses, the problems by file, and how many texts were parsed anew."""
    store = CacheStore()
    problems = Problems()
    store.open(folder, problems)
    memo = KeptFrontMatters()
    memo.start(store, KEY)
    parsed = 0
    real = frontmatters.split_front_matter

    def counting(text, where, found):
        nonlocal parsed
        parsed += 1
        return real(text, where, found)

    frontmatters.split_front_matter = counting
    try:
        fronts, noted = {}, {}
        for name, text in texts.items():
            local = Problems()
            fronts[name] = memo.split(text, name, local)
            noted[name] = [str(problem) for problem in local]
    finally:
        frontmatters.split_front_matter = real
    memo.finish()
    store.save(problems)
    assert not problems
    return fronts, noted, parsed


def same(a: FrontMatter, b: FrontMatter) -> None:
    assert a.fingerprint() == b.fingerprint()
    assert a.meta == b.meta and a.meta.lines == b.meta.lines and a.meta.line == b.meta.line
    assert [type(v) for v in a.meta.values()] == [type(v) for v in b.meta.values()]
    assert (a.body, a.body_line, a.has_front_matter, a.broken) == (
        b.body,
        b.body_line,
        b.has_front_matter,
        b.broken,
    )


TEXTS = {
    "post.md": "---\nlayout: post\ntitle: A\ndate: 2024-01-02 10:00:00 +0200\ntags: [a, b]\n---\n\nBody\n",
    "dates.md": "---\nday: 2024-01-02\nbad: 2024-02-30\nwhen: 2020-05-06T07:08:09Z\n---\nx",
    "nested.md": "---\nprofile:\n  align: right\n  image: prof.jpg\nlist:\n  - {a: 1}\n  - 2.5\n  - null\n---\n",
    "keys.md": "---\n1: one\ntrue: yes\n~: none\n2020-01-01: day\n---\nbody",
    "twice.md": "---\ntitle: a\ntitle: b\n---\nbody",
    "broken.md": "---\ntitle: [unclosed\nlayout: post\n---\nbody",
    "open.md": "---\ntitle: never closed\n",
    "plain.md": "No front matter at all.\n",
    "bom.md": "\ufeff---\ntitle: bom\n---\nbody",
    "scalar.md": "---\njust text\n---\nbody",
    "empty.md": "---\n---\nbody",
    "odd.md": "---\nset: !!set {a, b}\nbig: 123456789012345678901234567890\ninf: .inf\nnan: .nan\n---\n",
    "unknown.md": "---\npermalnk: /x/\n---\nbody",
}


def test_a_second_build_parses_nothing_and_gets_the_same_parses_and_warnings(tmp_path):
    _, first_noted, parsed = build(tmp_path, TEXTS)
    assert parsed == len(TEXTS)
    second, second_noted, parsed = build(tmp_path, TEXTS)
    assert parsed == 0
    for name, text in TEXTS.items():
        fresh = Problems()
        reference = split_front_matter(text, name, fresh)
        if name == "odd.md":  # NaN is not equal to itself: compare what can be compared
            assert second[name].fingerprint() == reference.fingerprint()
            assert sorted(second[name].meta["set"]) == ["a", "b"]
        else:
            same(second[name], reference)
        assert second_noted[name] == first_noted[name] == [str(p) for p in fresh]
    assert any("title" in text for text in second_noted["twice.md"])  # written twice
    assert second_noted["broken.md"] and second_noted["unknown.md"]


def test_an_edited_file_is_parsed_again_and_only_its_latest_parse_is_kept(tmp_path):
    build(tmp_path, TEXTS)
    edited = {**TEXTS, "post.md": TEXTS["post.md"].replace("title: A", "title: B")}
    fronts, _, parsed = build(tmp_path, edited)
    assert parsed == 1 and fronts["post.md"].meta["title"] == "B"
    fronts, _, parsed = build(tmp_path, TEXTS)  # back to the old text: parsed again
    assert parsed == 1 and fronts["post.md"].meta["title"] == "A"


def test_records_of_deleted_files_are_dropped(tmp_path):
    real = tmp_path / "site" / "a.md"
    real.parent.mkdir()
    real.write_text("---\ntitle: a\n---\n")
    gone = tmp_path / "site" / "b.md"
    texts = {str(real): real.read_text(), str(gone): "---\ntitle: b\n---\n"}
    build(tmp_path, texts)
    build(tmp_path, {str(real): texts[str(real)]})  # b.md was not read and does not exist
    store = CacheStore()
    store.open(tmp_path, Problems())
    assert set(store.get(STAGE, KEY)) == {str(real)}


def test_a_value_the_cache_cannot_hold_is_parsed_every_build(tmp_path):
    texts = {"bin.md": "---\ndata: !!binary aGVsbG8=\ntitle: t\n---\nbody"}
    fronts, _, parsed = build(tmp_path, texts)
    assert parsed == 1 and fronts["bin.md"].meta["data"] == b"hello"
    fronts, _, parsed = build(tmp_path, texts)
    assert parsed == 1 and fronts["bin.md"].meta["data"] == b"hello"


@pytest.mark.parametrize(
    "record",
    [
        "not a record",
        [None, None],
        ["digest-of-nothing"],
        "P[1, 2]",
        'P[999999, 1, true, false, {"a": 1}, []]',
    ],
)
def test_a_record_that_does_not_read_back_is_parsed_again(tmp_path, record):
    text = "---\ntitle: t\n---\nbody"
    build(tmp_path, {"a.md": text})
    store = CacheStore()
    problems = Problems()
    store.open(tmp_path, problems)
    kept = store.get(STAGE, KEY)
    digest = kept["a.md"][0]
    forged = record if isinstance(record, list) else [digest, record]
    store.put(STAGE, KEY, {"a.md": forged})
    store.save(problems)
    fronts, _, parsed = build(tmp_path, {"a.md": text})
    assert parsed == 1
    same(fronts["a.md"], split_front_matter(text, "a.md", Problems()))


def test_a_foreign_parser_key_reads_nothing(tmp_path):
    build(tmp_path, TEXTS)
    store = CacheStore()
    store.open(tmp_path, Problems())
    memo = KeptFrontMatters()
    memo.start(store, parser_key("other code"))
    assert memo._kept == {}


def test_a_disabled_cache_still_splits(tmp_path):
    store = CacheStore()
    store.open(tmp_path, Problems(), enabled=False)
    memo = KeptFrontMatters()
    memo.start(store, KEY)
    front = memo.split(TEXTS["post.md"], "post.md", Problems())
    assert front.meta["title"] == "A"
    memo.finish()
    store.save(Problems())
    assert not any(tmp_path.iterdir())


def test_the_file_cache_reads_pages_through_the_memo(tmp_path):
    page = tmp_path / "p.md"
    page.write_text("---\ntitle: t\n---\nbody")
    cache = FileCache()
    seen = []
    cache.split = lambda text, where, problems: (
        seen.append(where) or split_front_matter(text, where, problems)
    )
    assert cache.front_matter(page, Problems()).meta["title"] == "t"
    assert cache.front_matter(page, Problems()).body == "body"
    assert seen == [page]  # the second read is the file cache's


yaml_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**20), 10**20),
    st.floats(allow_nan=False, allow_infinity=True),
    st.text(st.characters(blacklist_categories=("Cs",)), max_size=20),
    st.dates(dt.date(1900, 1, 1), dt.date(2100, 1, 1)),
    st.datetimes(dt.datetime(1900, 1, 1), dt.datetime(2100, 1, 1)),
)
yaml_values = st.recursive(
    yaml_scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    meta=st.dictionaries(st.text(min_size=1, max_size=10), yaml_values, max_size=6),
    body=st.text(max_size=40),
)
def test_any_front_matter_comes_back_as_a_fresh_parse_gives_it(tmp_path_factory, meta, body):
    import yaml

    folder = tmp_path_factory.mktemp("memo")
    text = "---\n" + yaml.safe_dump(meta, allow_unicode=True) + "---\n" + body
    build(folder, {"x.md": text})
    fronts, noted, parsed = build(folder, {"x.md": text})
    assert parsed == 0
    fresh = Problems()
    reference = split_front_matter(text, "x.md", fresh)
    same(fronts["x.md"], reference)
    assert noted["x.md"] == [str(p) for p in fresh]
