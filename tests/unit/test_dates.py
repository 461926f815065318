"""Dates as al-folio sites write them, and Ruby's strftime."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mkdocs_folio.site.dates import parse_date, strftime

UTC = timezone.utc
EDT = timezone(timedelta(hours=-4))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2015-10-22 15:59:00-0400", datetime(2015, 10, 22, 15, 59, tzinfo=EDT)),
        ("2015-10-22 15:59:00 -0400", datetime(2015, 10, 22, 15, 59, tzinfo=EDT)),
        ("2015-10-22 15:59:00 -04:00", datetime(2015, 10, 22, 15, 59, tzinfo=EDT)),
        ("2015-10-22T15:59:00Z", datetime(2015, 10, 22, 15, 59, tzinfo=UTC)),
        (
            "2015-10-22T15:59:00.123456+02:00",
            datetime(2015, 10, 22, 15, 59, 0, 123456, tzinfo=timezone(timedelta(hours=2))),
        ),
        ("2015-10-22 15:59", datetime(2015, 10, 22, 15, 59, tzinfo=UTC)),
        ("2015-10-22", datetime(2015, 10, 22, tzinfo=UTC)),
        ("2015-1-2", datetime(2015, 1, 2, tzinfo=UTC)),
        ("2015/10/22", datetime(2015, 10, 22, tzinfo=UTC)),
        ("2015-10", datetime(2015, 10, 1, tzinfo=UTC)),
        ("Oct 22, 2015", datetime(2015, 10, 22, tzinfo=UTC)),
        ("October 22nd, 2015 3:04 pm", datetime(2015, 10, 22, 15, 4, tzinfo=UTC)),
        ("22 October 2015", datetime(2015, 10, 22, tzinfo=UTC)),
        ("Thu, 22 Oct 2015 15:59:00 +0000", datetime(2015, 10, 22, 15, 59, tzinfo=UTC)),
        ("September 11, 2001 12:46:30 -0000", datetime(2001, 9, 11, 12, 46, 30, tzinfo=UTC)),
        ("Sept 2020", datetime(2020, 9, 1, tzinfo=UTC)),
        ("  '2015-10-22'  ", datetime(2015, 10, 22, tzinfo=UTC)),
    ],
)
def test_parse_date_forms(text, expected):
    parsed = parse_date(text)
    assert parsed == expected
    assert parsed.utcoffset() == expected.utcoffset()


@pytest.mark.parametrize(
    "value",
    [
        "",
        "soon",
        "2015-02-30",
        "2015-13-01",
        "2015-10-22 25:00",
        "2015-10-22 10:00 +2500",
        "Foo 22, 2015",
        "2020",
        2020,
        1.5,
        True,
        None,
        ["2015-10-22"],
        "13:00 pm 2015-10-22",
    ],
)
def test_parse_date_rejects_what_is_not_a_date(value):
    assert parse_date(value) is None


def test_parse_date_objects():
    assert parse_date(date(2020, 2, 29)) == datetime(2020, 2, 29, tzinfo=UTC)
    naive = datetime(2020, 2, 29, 10, 30)
    assert parse_date(naive) == datetime(2020, 2, 29, 10, 30, tzinfo=UTC)
    aware = datetime(2020, 2, 29, 10, 30, tzinfo=EDT)
    assert parse_date(aware) is aware


def test_parse_date_with_a_default_timezone():
    berlin = ZoneInfo("Europe/Berlin")
    parsed = parse_date("2020-07-01 12:00", default_tz=berlin)
    assert parsed.utcoffset() == timedelta(hours=2)
    assert parse_date("2020-07-01 12:00Z", default_tz=berlin).utcoffset() == timedelta(0)
    assert parse_date(date(2020, 1, 1), default_tz=berlin).tzinfo is berlin


MOMENT = datetime(2015, 10, 22, 15, 59, 7, 123456, tzinfo=EDT)


@pytest.mark.parametrize(
    ("fmt", "expected"),
    [
        ("%b %d, %Y", "Oct 22, 2015"),
        ("%B %-d, %Y", "October 22, 2015"),
        ("%e|%-m|%-H|%k|%l|%-I", "22|10|15|15| 3|3"),
        ("%A %a %^a %^B %#b %h", "Thursday Thu THU OCTOBER OCT Oct"),
        ("%H:%M:%S %p %P %#p", "15:59:07 PM pm pm"),
        ("%j %U %W %V %G %g %u %w", "295 42 42 43 2015 15 4 4"),
        ("%y %C", "15 20"),
        ("%z %:z %::z %Z", "-0400 -04:00 -04:00:00 "),
        ("%L %N %3N %6N", "123 123456000 123 123456"),
        ("%F %T %D %R %r", "2015-10-22 15:59:07 10/22/15 15:59 03:59:07 PM"),
        ("%c", "Thu Oct 22 15:59:07 2015"),
        ("%s", "1445543947"),
        ("%10A|%-10A|%_5d|%05e|%3y", "  Thursday|Thursday|   22|00022|015"),
        ("100%% %n%t%Q %i", "100% \n\t%Q %i"),
    ],
)
def test_strftime_ruby_directives(fmt, expected):
    assert strftime(MOMENT, fmt) == expected


def test_strftime_small_years_dates_and_zones():
    assert strftime(datetime(5, 1, 2, tzinfo=UTC), "%Y/%-d") == "0005/2"
    assert strftime(date(2020, 1, 5), "%d %b %Y %H:%M") == "05 Jan 2020 00:00"
    assert strftime(datetime(2020, 1, 5, tzinfo=UTC), "%Z %z") == "UTC +0000"
    new_york = datetime(2020, 1, 5, 12, tzinfo=ZoneInfo("America/New_York"))
    assert strftime(new_york, "%Z %z") == "EST -0500"
    assert strftime(datetime(2020, 1, 5, 0, 5), "%I:%M %p") == "12:05 AM"


aware_datetimes = st.datetimes(
    min_value=datetime(1000, 1, 1),
    max_value=datetime(9999, 12, 31),
    timezones=st.sampled_from([UTC, EDT, timezone(timedelta(hours=5, minutes=30))]),
).map(lambda moment: moment.replace(microsecond=0))


@given(aware_datetimes)
def test_parse_date_round_trips_al_folio_forms(moment):
    for fmt in ("%Y-%m-%d %H:%M:%S%z", "%Y-%m-%d %H:%M:%S %z", "%Y-%m-%dT%H:%M:%S%:z"):
        text = strftime(moment, fmt)
        parsed = parse_date(text)
        assert parsed == moment, text
        assert parsed.utcoffset() == moment.utcoffset()
    day = parse_date(strftime(moment, "%Y-%m-%d"))
    assert day == datetime(moment.year, moment.month, moment.day, tzinfo=UTC)
    assert parse_date(strftime(moment, "%b %-d, %Y")).date() == moment.date()


@given(st.one_of(st.text(max_size=40), st.integers(), st.floats(), st.none(), st.booleans()))
def test_parse_date_never_raises(value):
    result = parse_date(value)
    assert result is None or result.tzinfo is not None


@given(
    st.text(alphabet="%-_0^#:123abcdeHIjklLmMnNpPsStuUVwWxXyYzZ%+ ", max_size=30), aware_datetimes
)
def test_strftime_never_raises(fmt, moment):
    assert isinstance(strftime(moment, fmt), str)
