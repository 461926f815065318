"""The build cache's values: fingerprints that tell contents apart, and text that reads back
as the value it was written from."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from unittest.mock import patch

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mkdocs_folio.cache import codec
from mkdocs_folio.cache.fingerprint import Unfingerprintable, fingerprint
from mkdocs_folio.site.yamlfile import LineDict

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False),
    st.text(),
    st.dates(),
    st.datetimes(timezones=st.sampled_from([None, timezone.utc, timezone(timedelta(hours=-4))])),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.tuples(inner, inner),
        st.dictionaries(st.text(max_size=8), inner, max_size=4),
        st.dictionaries(st.integers(), inner, max_size=3),
    ),
    max_leaves=12,
)


@codec.register
@dataclasses.dataclass
class Card:
    title: str
    tags: list[str] = dataclasses.field(default_factory=list)
    when: date | None = None


@given(values)
def test_the_codec_reads_back_what_it_wrote(value):
    assert codec.loads(codec.dumps(value)) == value


@given(values)
def test_a_value_and_its_copy_have_one_fingerprint(value):
    assert fingerprint(value) == fingerprint(codec.loads(codec.dumps(value)))


@given(values, values)
def test_different_values_have_different_fingerprints(first, second):
    if _with_text_keys(first) != _with_text_keys(second):
        assert fingerprint(first) != fingerprint(second)


def _with_text_keys(value):
    """The one difference a fingerprint does not see: a mapping key 1 and a key "1" (see
    cache/fingerprint.py); everything else must tell two values apart."""
    if isinstance(value, dict):
        return codec.dumps({str(k): _with_text_keys(v) for k, v in value.items()})
    if isinstance(value, (list, tuple)):
        return codec.dumps([_with_text_keys(v) for v in value])
    return codec.dumps(value)


def test_fingerprints_tell_apart_what_json_would_mix_up():
    assert fingerprint("1") != fingerprint(1)
    assert fingerprint(True) != fingerprint(1)
    assert fingerprint(None) != fingerprint("")
    assert fingerprint(date(2024, 1, 1)) != fingerprint("2024-01-01")
    assert fingerprint(Path("a")) != fingerprint("a")
    aware = datetime(2024, 1, 1, 12, tzinfo=timezone.utc)
    assert fingerprint(aware) != fingerprint(aware.replace(tzinfo=None))
    assert fingerprint({"a": 1, "b": 2}) != fingerprint({"b": 2, "a": 1})  # order is shown


def test_yaml_mappings_keep_their_lines_through_the_codec():
    meta = LineDict({"title": "x", "date": date(2024, 5, 1)})
    meta.lines = {"title": 2, "date": 3}
    meta.line = 1
    back = codec.loads(codec.dumps(meta))
    assert isinstance(back, LineDict)
    assert back == meta and back.lines == meta.lines and back.line == 1


def test_registered_dataclasses_travel_and_others_do_not():
    card = Card("t", ["a"], date(2020, 2, 2))
    assert codec.loads(codec.dumps(card)) == card
    assert fingerprint(card) != fingerprint(Card("t", ["b"], date(2020, 2, 2)))

    @dataclasses.dataclass
    class Unregistered:
        x: int

    with pytest.raises(TypeError):
        codec.dumps(Unregistered(1))


def test_types_without_a_faithful_fingerprint_are_refused():
    with pytest.raises(Unfingerprintable):
        fingerprint(object())
    with pytest.raises(Unfingerprintable):
        fingerprint({"f": lambda: None})


@pytest.mark.parametrize(
    "text",
    ["", "garbage", "P{not json", 'T{"\\u0000": "nope"}', 'T{"\\u0000": "dc", "t": "os:system"}'],
)
def test_text_the_codec_did_not_write_is_refused(text):
    with pytest.raises(ValueError):
        codec.loads(text)


# -- long texts kept beside the JSON -------------------------------------------------------

json_values = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.text()),
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)


def short_long_texts():
    """Every text of three characters or more counts as long, so that small generated values
    take the long-text ways."""
    return patch.object(codec, "LONG", 3)


@given(value=values)
def test_values_with_long_texts_read_back(value):
    with short_long_texts():
        text = codec.dumps(value)
        assert codec.loads(text) == value
        assert fingerprint(codec.loads(text)) == fingerprint(value)


@given(value=st.dictionaries(st.text(max_size=8), json_values, max_size=5))
def test_plain_mappings_with_long_texts_read_back(value):
    with short_long_texts():
        text = codec.dumps_plain(value)
        assert codec.loads(text) == value
        assert codec.is_plain(text)


def test_a_long_html_is_kept_as_it_is():
    html = '<a href="x">caf\u00e9 "quoted" \\ back</a>\n' * 4000
    for text in (
        codec.dumps({"html": html, "deps": {"a": "b"}}),
        codec.dumps_plain({"html": html}),
    ):
        assert text.endswith(html)  # not escaped for JSON: read back by slicing
        assert codec.loads(text)["html"] == html
    nested = codec.dumps({"features": {"search": html}, "when": date(2024, 1, 2)})
    assert nested.startswith("R") and codec.loads(nested)["features"]["search"] == html


@pytest.mark.parametrize("cut", [1, 5, 40, -1, -5000])
def test_a_long_value_cut_short_is_refused(cut):
    html = "<p>x</p>" * 10000
    for text in (codec.dumps({"html": html, "t": (1, 2)}), codec.dumps_plain({"html": html})):
        with pytest.raises(ValueError):
            codec.loads(text[:cut])
