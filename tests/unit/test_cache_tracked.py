"""What tracked collections note when Liquid filters them: one read per field of a whole
collection (`where`, `sort`, `group_by`), checked again by the build's resolver."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

from mkdocs_folio.cache import trace
from mkdocs_folio.cache.trace import Resolver, Trace
from mkdocs_folio.liquid.filters.arrays import find, group_by, sort, where
from mkdocs_folio.render.deps import TrackedSite


def _posts(featured: dict[str, object]) -> tuple[TrackedSite, Resolver]:
    site = TrackedSite()
    documents = [
        SimpleNamespace(
            abs_path=f"/site/_posts/{name}.md",
            liquid=lambda name=name, n=n: {
                "title": name.upper(),
                "date": date(2024, 1, 1 + n),
                **({"featured": featured[name]} if name in featured else {}),
            },
        )
        for n, name in enumerate(["a", "b", "c", "d"])
    ]
    site.documents("posts", documents)
    resolver = Resolver()
    resolver.register("column", site.column)
    for kind in ("doc",):
        resolver.register(kind, lambda key, kind=kind: site.field(kind, key))
    return site, resolver


def test_where_over_a_collection_is_one_read_and_the_same_result():
    site, resolver = _posts({"b": True, "d": "true"})
    posts = site.lists["posts"]
    work = Trace()
    with trace.recording(work):
        found = where(posts, "featured", "true")
    assert [post["title"] for post in found] == ["B", "D"]
    assert list(work.deps) == [f"column{trace.SEP}posts{trace.SEP}featured"]
    assert resolver.still_valid(work.deps)
    plain = [dict(dict.items(post)) for post in posts]
    assert [p["title"] for p in where(plain, "featured", "true")] == ["B", "D"]


def test_a_changed_or_added_field_of_any_document_is_a_change():
    work = Trace()
    site, _ = _posts({"b": True})
    with trace.recording(work):
        where(site.lists["posts"], "featured", "true")
    for changed in ({"b": False}, {"b": True, "a": True}, {}):
        _, resolver = _posts(changed)
        assert not resolver.still_valid(work.deps), changed
    _, same = _posts({"b": True})
    assert same.still_valid(work.deps)


def test_sort_group_by_and_find_read_the_column_too():
    site, resolver = _posts({"c": True})
    posts = site.lists["posts"]
    work = Trace()
    with trace.recording(work):
        newest = sort(posts, "date")[-1]
        groups = group_by(posts, "featured")
        first = find(posts, "featured", "true")
    assert newest["title"] == "D" and first["title"] == "C"
    assert sorted(g["size"] for g in groups) == [1, 3]
    names = {name.split(trace.SEP)[2] for name in work.deps if name.startswith("column")}
    assert names == {"date", "featured"}
    assert resolver.still_valid(work.deps)


def test_a_dotted_property_is_read_document_by_document():
    site, _ = _posts({})
    work = Trace()
    with trace.recording(work):
        where(site.lists["posts"], "author.name", "x")
    assert not any(name.startswith("column") for name in work.deps)
