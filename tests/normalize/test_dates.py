"""Tests for normalize.dates: every printed shape, every placeholder, relative forms."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from normalize.dates import VN_TZ, ParsedDate, parse_date

# A fixed "now" for relative forms: Sunday 10 March 2024, 15:30:45 in Vietnam.
BASE = dt.datetime(2024, 3, 10, 15, 30, 45)

PARSES = [
    # labels, any case, odd spacing
    ("Ngày 07-03-2023", "2023-03-07", "day"),
    ("Ngày đăng: 11-10-2020", "2020-10-11", "day"),
    ("Ngày đăng : 09/02/2022", "2022-02-09", "day"),
    ("Ngày đăng tin: 21/08/2013", "2013-08-21", "day"),
    ("Đăng ngày: 02/11/2019", "2019-11-02", "day"),
    ("NGÀY ĐĂNG:   14/05/2015", "2015-05-14", "day"),
    ("ngày đăng:04/04/2018", "2018-04-04", "day"),
    ("Cập nhật: 30/09/2021", "2021-09-30", "day"),
    ("Ngày cập nhật 08/08/2018", "2018-08-08", "day"),
    ("Thời gian đăng: 15/01/2020", "2020-01-15", "day"),
    ("Ngày xuất bản: 03/03/2023", "2023-03-03", "day"),
    ("Ngày\u00a0đăng:\u00a016/07/2017", "2017-07-16", "day"),
    ("Ngày đăng:\n\t16/07/2017\n", "2017-07-16", "day"),
    # weekdays, with and without diacritics, in words, digits and abbreviations
    ("Ngày đăng: Thứ tư, 12/06/2024", "2024-06-12", "day"),
    ("Cập nhật: Thứ Sáu, ngày 03/04/2020", "2020-04-03", "day"),
    ("Thứ hai, 06/01/2020", "2020-01-06", "day"),
    ("THỨ BẢY 11/01/2020", "2020-01-11", "day"),
    ("Chủ nhật, 12/01/2020", "2020-01-12", "day"),
    ("Thu sau, 10/01/2020", "2020-01-10", "day"),
    ("thu 3 - 07/01/2020", "2020-01-07", "day"),
    ("T2, 06/01/2020", "2020-01-06", "day"),
    ("CN 12/01/2020", "2020-01-12", "day"),
    # weekday contradicting the date: the date wins
    ("Thứ hai, 12/01/2020", "2020-01-12", "day"),
    # date then time
    ("13/11/2019 10:25", "2019-11-13T10:25:00+07:00", "minute"),
    ("21/06/2019 - 14:07", "2019-06-21T14:07:00+07:00", "minute"),
    ("21/06/2019 – 14:07", "2019-06-21T14:07:00+07:00", "minute"),
    ("cập nhật: 25/07/2016 16:40:12", "2016-07-25T16:40:12+07:00", "second"),
    ("28/02/2023 - 07:15", "2023-02-28T07:15:00+07:00", "minute"),
    ("03/05/2018 | 08:00", "2018-05-03T08:00:00+07:00", "minute"),
    ("03/05/2018, 8:00", "2018-05-03T08:00:00+07:00", "minute"),
    ("03/05/2018 lúc 17:45", "2018-05-03T17:45:00+07:00", "minute"),
    ("Thứ bảy, 17/09/2022 - 09:41", "2022-09-17T09:41:00+07:00", "minute"),
    ("Thứ 5, 22/05/2014 | 20:15:07", "2014-05-22T20:15:07+07:00", "second"),
    ("Thứ 5, 22/05/2014 | 20:15:07 (GMT+7)", "2014-05-22T20:15:07+07:00", "second"),
    # time then date
    ("09:48 05/10/2016", "2016-10-05T09:48:00+07:00", "minute"),
    ("11:30, 14/03/2017", "2017-03-14T11:30:00+07:00", "minute"),
    ("lúc 7:05 ngày 01/12/2015", "2015-12-01T07:05:00+07:00", "minute"),
    ("09:05 AM, Thứ Năm, 27/06/2019", "2019-06-27T09:05:00+07:00", "minute"),
    # newspaper style
    ("Cập nhật, 09:05, Thứ Năm, 27/06/2019 (GMT+7)", "2019-06-27T09:05:00+07:00", "minute"),
    ("Cập nhật lúc 20:10, Thứ Ba, 04/02/2020 (GMT+7)", "2020-02-04T20:10:00+07:00", "minute"),
    ("Cập nhật lúc 20:10, 04/02/2020 (GMT+07:00)", "2020-02-04T20:10:00+07:00", "minute"),
    ("19/6/2021, 9:7 (GMT+7)", "2021-06-19T09:07:00+07:00", "minute"),
    ("19/6/2021, 9:7 (UTC+7)", "2021-06-19T09:07:00+07:00", "minute"),
    # time spellings
    ("05/10/2016 9h30", "2016-10-05T09:30:00+07:00", "minute"),
    ("9h30 ngày 05/10/2016", "2016-10-05T09:30:00+07:00", "minute"),
    ("9g30, 05/10/2016", "2016-10-05T09:30:00+07:00", "minute"),
    ("Ngày 12/06/2024 lúc 9h", "2024-06-12T09:00:00+07:00", "minute"),
    ("05/10/2016 lúc 09 giờ 30", "2016-10-05T09:30:00+07:00", "minute"),
    ("05/10/2016 lúc 09 giờ 30 phút 15 giây", "2016-10-05T09:30:15+07:00", "second"),
    ("05/10/2016 10:20 PM", "2016-10-05T22:20:00+07:00", "minute"),
    ("05/10/2016 10:20 AM", "2016-10-05T10:20:00+07:00", "minute"),
    ("05/10/2016 12:05 AM", "2016-10-05T00:05:00+07:00", "minute"),
    ("05/10/2016 12:05 p.m.", "2016-10-05T12:05:00+07:00", "minute"),
    ("T7, 05/10/2016 8:05 SA", "2016-10-05T08:05:00+07:00", "minute"),
    ("CN 05/10/2016 08:05 CH", "2016-10-05T20:05:00+07:00", "minute"),
    ("05/10/2016 8 giờ 15 tối", "2016-10-05T20:15:00+07:00", "minute"),
    ("05/10/2016 1 giờ trưa", "2016-10-05T13:00:00+07:00", "minute"),
    ("05/10/2016 10 giờ đêm", "2016-10-05T22:00:00+07:00", "minute"),
    ("05/10/2016 3h chiều", "2016-10-05T15:00:00+07:00", "minute"),
    # brackets and parentheses
    ("(14/08/2020)", "2020-08-14", "day"),
    ("(19-03-2018)", "2018-03-19", "day"),
    ("[19-03-2018]", "2018-03-19", "day"),
    ("[19-03-2018 10:20]", "2018-03-19T10:20:00+07:00", "minute"),
    # unpadded parts and other separators
    ("23/05/2012", "2012-05-23", "day"),
    ("5-4-2021", "2021-04-05", "day"),
    ("17-6-2019", "2019-06-17", "day"),
    ("1/2/2021", "2021-02-01", "day"),
    ("05.10.2016", "2016-10-05", "day"),
    ("05:10:2016", "2016-10-05", "day"),
    # two-digit years
    ("12/06/24", "2024-06-12", "day"),
    ("05/10/16 10:20", "2016-10-05T10:20:00+07:00", "minute"),
    ("12/06/99", "1999-06-12", "day"),
    # ISO / database
    ("2016-10-07", "2016-10-07", "day"),
    ("2016/10/07", "2016-10-07", "day"),
    ("2016-10-07 03:14:52", "2016-10-07T03:14:52+07:00", "second"),
    ("2016-10-07 03:14", "2016-10-07T03:14:00+07:00", "minute"),
    ("2016-10-07T03:14:52+07:00", "2016-10-07T03:14:52+07:00", "second"),
    ("2016-10-07T03:14:52.123456+07:00", "2016-10-07T03:14:52+07:00", "second"),
    ("2016-10-07T03:14:52+0700", "2016-10-07T03:14:52+07:00", "second"),
    ("2016-10-07T03:14:52Z", "2016-10-07T10:14:52+07:00", "second"),
    ("2016-10-07T20:14:52Z", "2016-10-08T03:14:52+07:00", "second"),
    ("2016-10-07 03:14:52 UTC", "2016-10-07T10:14:52+07:00", "second"),
    ("2016-10-07T03:14:52+00:00", "2016-10-07T10:14:52+07:00", "second"),
    # another printed offset is kept
    ("2016-10-07 10:00 (GMT+8)", "2016-10-07T10:00:00+08:00", "minute"),
    ("2016-10-07T10:00:00-05:00", "2016-10-07T10:00:00-05:00", "second"),
    # dates in words
    ("Ngày 21 tháng 02 năm 2022", "2022-02-21", "day"),
    ("ngày 4 tháng 7 năm 2023", "2023-07-04", "day"),
    ("Chủ nhật, ngày 8 tháng 3 năm 2026", "2026-03-08", "day"),
    ("21 tháng 2, 2022", "2022-02-21", "day"),
    ("NGÀY 21 THÁNG 2 NĂM 2022", "2022-02-21", "day"),
    ("ngay 21 thang 2 nam 2022", "2022-02-21", "day"),
    ("10:15 ngày 21 tháng 2 năm 2022", "2022-02-21T10:15:00+07:00", "minute"),
    ("ngày 21 tháng 2 năm 2022 lúc 10:15", "2022-02-21T10:15:00+07:00", "minute"),
    # month names in words go through dateparser
    ("5 tháng Mười Hai, 2020", "2020-12-05", "day"),
    ("ngày 5 tháng Mười Hai năm 2020 lúc 10:20", "2020-12-05T10:20:00+07:00", "minute"),
    # a date inside a longer line; the first of several wins
    (
        "Đại hội Công đoàn Sở KH&CN nhiệm kỳ 2017 - 2022 (26/12/2017)",
        "2017-12-26",
        "day",
    ),
    ("Kế hoạch giai đoạn 2021-2025 [03-02-2021]", "2021-02-03", "day"),
    ("Ngày đăng: 05/10/2016 - Cập nhật: 06/10/2016 10:20", "2016-10-05", "day"),
    ("Số 12/2020/TT-BKHCN ngày 05/10/2020", "2020-10-05", "day"),
    # a nonsense time keeps the date and drops the time
    ("05/10/2016 25:61", "2016-10-05", "day"),
    ("Tin 24h, 05/10/2016", "2016-10-05", "day"),
    # a relative phrase next to a date is not its clock time
    ("05/10/2016 - 1 giờ 30 phút trước", "2016-10-05", "day"),
]


@pytest.mark.parametrize(("raw", "iso", "precision"), PARSES)
def test_printed_date_parses_day_first_with_its_time(raw: str, iso: str, precision: str) -> None:
    parsed = parse_date(raw)
    assert (parsed.iso, parsed.precision) == (iso, precision)
    assert parsed.raw == raw


NO_DATE = [
    # placeholders
    "-0001-11-30 07:06:30",
    "-0001-11-30",
    "0000-00-00 00:00:00",
    "0000-00-00",
    "00/00/0000",
    "00/00/0000 00:00",
    "01/01/1970",
    "01/01/1970 07:00:00",
    "01/01/1900",
    "1970-01-01 00:00:00",
    "1970-01-01T00:00:00Z",
    "Ngày đăng: 01/01/1970",
    "31/12/1989",
    # impossible dates, never read month first
    "31/02/2020",
    "29/02/2021",
    "32/01/2020",
    "12/13/2020",
    "00/05/2020",
    "2020-13-01",
    "2020-02-30",
    "Ngày 31 tháng 4 năm 2021",
    "ngày 31 tháng Hai năm 2020",
    # years out of range without a base
    "05/10/2101",
    # a placeholder first does not fall through to a later date
    "00/00/0000 | Cập nhật 05/10/2016",
    # not dates: year ranges, counts, bare times, month only, day without year
    "nhiệm kỳ 2017 - 2022",
    "nhiệm kỳ 2017-2022",
    "2020",
    "10:25:30",
    "10:25",
    "tháng 02/2022",
    "Tháng 02 năm 2022",
    "ngày 23/12",
    "Ngày 21-1",
    "17.5",
    "1.2.10.4",
    # empty and junk
    "",
    "   ",
    "\u00a0\n\t",
    "Ngày đăng:",
    "garbage",
    "Thứ Hai",
    "\x00\x01\x02\ufffd",
    "\ud800",
    "🙂📅",
    "1/" * 300,
]


@pytest.mark.parametrize("raw", NO_DATE)
def test_placeholder_impossible_or_missing_date_gives_none(raw: str) -> None:
    parsed = parse_date(raw, base=BASE)
    assert parsed == ParsedDate(None, None, raw)
    assert parsed.iso is None
    assert parsed.local_date is None


RELATIVE = [
    ("2 giờ trước", "2024-03-10T13:30:00+07:00", "minute"),
    ("khoảng 2 giờ trước", "2024-03-10T13:30:00+07:00", "minute"),
    ("2 tiếng trước", "2024-03-10T13:30:00+07:00", "minute"),
    ("15 phút trước", "2024-03-10T15:15:00+07:00", "minute"),
    ("1 giờ 30 phút trước", "2024-03-10T14:00:00+07:00", "minute"),
    ("30 giây trước", "2024-03-10T15:30:15+07:00", "second"),
    ("20 giờ trước", "2024-03-09T19:30:00+07:00", "minute"),
    ("3 ngày trước", "2024-03-07", "day"),
    ("Đăng 10 ngày trước", "2024-02-29", "day"),
    ("hôm qua", "2024-03-09", "day"),
    ("Hôm qua", "2024-03-09", "day"),
    ("Hôm qua 10:20", "2024-03-09T10:20:00+07:00", "minute"),
    ("Hôm qua lúc 10:20", "2024-03-09T10:20:00+07:00", "minute"),
    ("10:20 hôm qua", "2024-03-09T10:20:00+07:00", "minute"),
    ("hôm nay", "2024-03-10", "day"),
    ("Hôm nay, 08:15", "2024-03-10T08:15:00+07:00", "minute"),
    ("hôm kia", "2024-03-08", "day"),
    ("vừa xong", "2024-03-10T15:30:00+07:00", "minute"),
    ("Vừa đăng", "2024-03-10T15:30:00+07:00", "minute"),
    ("vừa cập nhật", "2024-03-10T15:30:00+07:00", "minute"),
    ("vua xong", "2024-03-10T15:30:00+07:00", "minute"),
    # an absolute date beats a relative word on the same line
    ("Hôm nay, 05/10/2016", "2016-10-05", "day"),
]


@pytest.mark.parametrize(("raw", "iso", "precision"), RELATIVE)
def test_relative_form_counts_back_from_base(raw: str, iso: str, precision: str) -> None:
    parsed = parse_date(raw, base=BASE)
    assert (parsed.iso, parsed.precision) == (iso, precision)


@pytest.mark.parametrize(("raw", "iso", "precision"), RELATIVE[:-1])
def test_relative_form_without_base_gives_none(raw: str, iso: str, precision: str) -> None:
    assert parse_date(raw).value is None


@pytest.mark.parametrize("raw", ["1 tuần trước", "2 tháng trước", "1 năm trước", "ngày mai"])
def test_relative_form_coarser_than_a_day_or_in_future_gives_none(raw: str) -> None:
    assert parse_date(raw, base=BASE).value is None


def test_aware_base_is_read_in_vietnam_time() -> None:
    # 20:00 UTC on 9 March is already 10 March in Vietnam.
    base = dt.datetime(2024, 3, 9, 20, 0, tzinfo=dt.UTC)
    assert parse_date("hôm qua", base=base).iso == "2024-03-09"
    assert parse_date("1 giờ trước", base=base).iso == "2024-03-10T02:00:00+07:00"


@pytest.mark.parametrize("base", [dt.datetime.min, dt.datetime.max])
def test_extreme_base_never_raises(base: dt.datetime) -> None:
    for raw in ("hôm qua", "3 ngày trước", "2 giờ trước", "vừa xong", "05/10/2016"):
        assert parse_date(raw, base=base).raw == raw


def test_year_after_base_year_plus_one_is_refused() -> None:
    assert parse_date("05/10/2025", base=BASE).iso == "2025-10-05"
    assert parse_date("05/10/2026", base=BASE).value is None
    assert parse_date("2026-01-01 10:00", base=BASE).value is None


def test_year_up_to_2100_is_accepted_without_base() -> None:
    assert parse_date("05/10/2100").iso == "2100-10-05"
    assert parse_date("Chủ nhật, ngày 8 tháng 3 năm 2026").iso == "2026-03-08"


def test_two_digit_year_takes_the_century_that_does_not_pass_base() -> None:
    assert parse_date("12/06/25", base=BASE).iso == "2025-06-12"
    assert parse_date("12/06/26", base=BASE).value is None  # 1926: before 1990
    assert parse_date("12/06/95", base=BASE).iso == "1995-06-12"


def test_value_is_date_without_time_and_aware_datetime_with_time() -> None:
    day = parse_date("05/10/2016").value
    assert type(day) is dt.date
    stamp = parse_date("05/10/2016 10:20").value
    assert isinstance(stamp, dt.datetime)
    assert stamp.utcoffset() == dt.timedelta(hours=7)
    assert stamp.tzinfo == VN_TZ


def test_local_date_is_the_calendar_date_in_vietnam() -> None:
    # 23:30 at UTC-5 on 6 October is 11:30 on 7 October in Vietnam.
    parsed = parse_date("2016-10-06T23:30:00-05:00")
    assert parsed.iso == "2016-10-06T23:30:00-05:00"
    assert parsed.local_date == dt.date(2016, 10, 7)
    assert parse_date("05/10/2016").local_date == dt.date(2016, 10, 5)
    assert parse_date("05/10/2016 23:59").local_date == dt.date(2016, 10, 5)


def test_labelled_offset_applies_to_a_time_printed_before_the_date() -> None:
    parsed = parse_date("Cập nhật lúc 09:05, Thứ Năm, 27/06/2019 (GMT+8)")
    assert parsed.iso == "2019-06-27T09:05:00+08:00"
    assert parsed.local_date == dt.date(2019, 6, 27)


def test_date_beyond_the_input_cut_is_not_seen() -> None:
    assert parse_date("x" * 490 + " 05/10/2016").value is None
    assert parse_date("x" * 400 + " 05/10/2016").iso == "2016-10-05"


def test_raw_is_kept_unchanged() -> None:
    raw = "  Ngày\u00a0đăng: 05/10/2016  "
    assert parse_date(raw).raw == raw


def test_non_string_input_gives_none() -> None:
    assert parse_date(None).value is None  # type: ignore[arg-type]
    assert parse_date(20161005).value is None  # type: ignore[arg-type]


def test_import_does_not_load_dateparser() -> None:
    code = "import sys, normalize.dates; print('dateparser' in sys.modules)"
    root = Path(__file__).resolve().parents[2]
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "False"


@settings(max_examples=300, deadline=None)
@given(
    raw=st.one_of(
        st.text(max_size=600),
        st.text(alphabet="0123456789/-.: ,|()[]hTZ+giờnàytháng", max_size=60),
        st.binary(max_size=200).map(lambda b: b.decode("latin-1")),
    ),
    base=st.one_of(
        st.none(),
        st.datetimes(),
        st.datetimes(timezones=st.sampled_from([dt.UTC, dt.timezone(dt.timedelta(hours=-12))])),
    ),
)
def test_any_text_never_raises_and_keeps_raw(raw: str, base: dt.datetime | None) -> None:
    parsed = parse_date(raw, base=base)
    assert isinstance(parsed, ParsedDate)
    assert parsed.raw == raw
    assert (parsed.value is None) == (parsed.precision is None)
    assert parsed.precision in (None, "day", "minute", "second")
    if parsed.value is not None and (base is None or base.tzinfo is None):
        assert 1990 <= parsed.value.year <= (2100 if base is None else base.year + 1)


LABELS = ["", "Ngày đăng: ", "Cập nhật: ", "Thứ hai, ", "Đăng ngày: ", "("]


@settings(max_examples=300, deadline=None)
@given(
    day=st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2100, 12, 31)),
    sep=st.sampled_from(["/", "-", "."]),
    padded=st.booleans(),
    label=st.sampled_from(LABELS),
    time=st.one_of(st.none(), st.tuples(st.integers(0, 23), st.integers(0, 59))),
    time_first=st.booleans(),
)
def test_any_valid_day_first_date_round_trips(
    day: dt.date,
    sep: str,
    padded: bool,
    label: str,
    time: tuple[int, int] | None,
    time_first: bool,
) -> None:
    fmt = "{:02d}" if padded else "{:d}"
    text = sep.join([fmt.format(day.day), fmt.format(day.month), str(day.year)])
    if time is not None:
        clock = f"{time[0]:02d}:{time[1]:02d}"
        text = f"{clock}, {text}" if time_first else f"{text} - {clock}"
    parsed = parse_date(label + text)
    if time is None:
        assert (parsed.value, parsed.precision) == (day, "day")
    else:
        expected = dt.datetime.combine(day, dt.time(*time), tzinfo=VN_TZ)
        assert (parsed.value, parsed.precision) == (expected, "minute")


@pytest.mark.parametrize(
    "raw", ["05/10/20166, hôm qua", "123/10/2016 hôm nay", "5/10/16/2, ngày 12 tháng Năm"]
)
def test_broken_numeric_date_is_not_replaced_by_a_guess(raw: str) -> None:
    assert parse_date(raw, base=BASE).value is None


@pytest.mark.parametrize(
    ("raw", "iso"),
    [
        ("25 Tháng Sáu, 2020", "2020-06-25"),  # WordPress vi_VN, day first
        ("Tháng Năm 25, 2020", "2020-05-25"),  # WordPress vi_VN, month first
        ("Tháng Mười Hai 3, 2019", "2019-12-03"),
        ("ngày 5 tháng Giêng năm 2021", "2021-01-05"),
        ("Đăng ngày 1 tháng Mười Một, 2018", "2018-11-01"),
        ("5/10/16/2 ngày 5 tháng Mười Hai 2020", "2020-12-05"),  # as with "tháng 12"
    ],
)
def test_month_names_in_words(raw: str, iso: str) -> None:
    assert parse_date(raw).iso == iso
