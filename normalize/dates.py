"""Publication dates as department pages print them, parsed into a `ParsedDate`.

Numeric dates are ALWAYS day first: `05/04/2021` is 5 April, and `12/13/2020` is no date
(month 13), never 13 December. A page is at +07:00 unless the text prints another offset.

Input forms accepted (labels, weekdays, brackets and odd spacing around them are ignored):

- numeric day-first dates, separators ``/ - . :`` used consistently, parts unpadded or
  padded, 4- or 2-digit years: ``23/05/2012``, ``5-4-2021``, ``05.10.2016``, ``12/06/24``;
- year-first (ISO / database) dates: ``2016-10-07``, ``2016/10/07``,
  ``2016-10-07 03:14:52``, ``2016-10-07T03:14:52+07:00``, ``2016-10-07T03:14:52Z``;
- dates in words: ``Ngày 21 tháng 02 năm 2022``, ``21 tháng 2, 2022``, and through
  dateparser month names such as ``5 tháng Mười Hai, 2020``;
- a time before or after the date, joined by spaces, ``,``, ``-``, ``|``, ``lúc``,
  ``ngày`` or a weekday: ``13/11/2019 10:25``, ``21/06/2019 - 14:07``,
  ``09:48 05/10/2016``, ``Cập nhật lúc 20:10, Thứ Ba, 04/02/2020 (GMT+7)``; times as
  ``9:7``, ``20:15:07``, ``9h30``, ``9h``, ``9g30``, ``09 giờ 30 phút``, ``10:20 AM``/``PM``,
  ``SA``/``CH``, ``sáng``/``trưa``/``chiều``/``tối``/``đêm``;
- offsets ``(GMT+7)``, ``GMT+07:00``, ``(UTC+7)``, ``+07:00``, ``+0700``; another printed
  offset (``GMT+8``) is kept, but UTC (``Z``, ``UTC``, ``+00:00``) is converted to +07:00,
  because a UTC stamp is a database's, and the page's own day is the Vietnamese one;
- relative forms, only when `base` is given: ``2 giờ trước``, ``15 phút trước``,
  ``30 giây trước``, ``3 ngày trước``, ``1 giờ 30 phút trước``, ``hôm nay``, ``hôm qua``,
  ``hôm kia``, ``Hôm qua 10:20``, ``vừa xong``, ``vừa đăng``, ``vừa cập nhật``.

Refused on purpose (value None): placeholders and years before 1990 or after `base` year + 1
(2100 without a base); impossible dates; dates without a day (``tháng 02/2022``) or without
a year (``ngày 23/12``); relative forms coarser than a day (``1 tuần trước``,
``2 tháng trước``), whose day cannot be known.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from normalize.text import nfc, squash_spaces, strip_diacritics

VN_TZ: dt.tzinfo = dt.timezone(dt.timedelta(hours=7))

# Cut before any regex runs: a date line is short, and this bounds the cost of every search.
_MAX_INPUT = 500
# dateparser is slow and guesses; it only ever sees short leftovers.
_MAX_FALLBACK = 120
_MIN_YEAR = 1990
_MAX_YEAR_WITHOUT_BASE = 2100
# How far before a date a leading time ("09:05, Thứ Năm, 27/06/2019") may start.
_TIME_BEFORE_WINDOW = 80
_MAX_OFFSET = dt.timedelta(hours=14)

# All patterns run on the "key": NFC, diacritics stripped, lower case, spaces squashed.
# re.ASCII keeps \d to 0-9, so int() only ever sees ASCII digits.
_FLAGS = re.ASCII | re.VERBOSE

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_DASHES = re.compile(r"[\u2010-\u2015\u2212]")

_WEEKDAY = r"(?:thu\s*(?:hai|ba|tu|nam|sau|bay|[2-7])|chu\s*nhat|cn|t[2-7])"

# Day first, one separator used twice. The lookbehind keeps "2016-10-07" and "-0001-11-30"
# from yielding "16-10-07" / "01-11-30".
_DMY = re.compile(
    r"""
    (?<![\d.])
    (?P<d>\d{1,2}) (?P<sep>[/.\-:]) (?P<m>\d{1,2}) (?P=sep) (?P<y>\d{4}|\d{2})
    (?!\d)
    """,
    _FLAGS,
)
# Year first: only with four digits, so it can never be confused with day first.
# The optional minus catches the database zero date "-0001-11-30".
_YMD = re.compile(
    r"""
    (?<![\d.])
    (?P<neg>-)? (?P<y>\d{4}) (?P<sep>[/.\-]) (?P<m>\d{1,2}) (?P=sep) (?P<d>\d{1,2})
    (?!\d)
    """,
    _FLAGS,
)
_WORDS = re.compile(
    r"""
    (?<!\d)
    (?P<d>\d{1,2}) \s* (?:thang|thg) \s* (?P<m>\d{1,2})
    (?: \s* (?:,|/|-|\.|nam) \s* | \s+ ) (?P<y>\d{4})
    (?!\d)
    """,
    _FLAGS,
)
# Anything that looks like a numeric date, valid or not: when one is present but no strict
# pattern accepted it, the text is a broken or placeholder date, and guessing is forbidden.
_NUMERIC_CANDIDATE = re.compile(r"\d{1,4}[/.\-]\d{1,2}[/.\-]\d{1,4}", re.ASCII)

_TIME = r"""
    (?<![\d:.])
    (?P<hour>\d{1,2})
    (?:
        :(?P<minute>\d{1,2}) (?: :(?P<second>\d{1,2}) (?:\.\d{1,9})? )?
      | \s* (?:gio|h|g(?=\s*\d)) (?![a-z])
        (?: \s* (?P<minute2>\d{1,2}) \s* (?:phut|p)?
            (?: \s* (?P<second2>\d{1,2}) \s* (?:giay|s) )? )?
    )
    (?![\d:])
    (?: \s* (?P<meridiem>a\.?m\.?|p\.?m\.?|sang|sa|trua|chieu|ch|toi|dem) (?![a-z]) )?
"""
# What may sit between a date and its time: punctuation, "lúc", "vào", "ngày", a weekday,
# and the ISO "T".
_GLUE = rf"(?: \s | [,;|\-()\[\]:] | luc | vao | ngay | t(?=\d) | {_WEEKDAY} )*"
_TIME_AFTER = re.compile(_GLUE + _TIME, _FLAGS)
_TIME_BEFORE = re.compile(rf"(?P<time>{_TIME}) {_GLUE} \Z", _FLAGS)
_TIME_ANYWHERE = re.compile(_TIME, _FLAGS)

# An offset printed right after the time: "(GMT+7)", "GMT+07:00", "+07:00", "+0700", "Z".
_OFFSET_AFTER_TIME = re.compile(
    r"""
    \s* [(\[]? \s*
    (?:
        (?P<label>gmt|utc) (?: \s* (?P<sign>[+-]) \s* (?P<h>\d{1,2}) (?: :? (?P<m>\d{2}) )? )?
      | (?P<sign2>[+-]) (?P<h2>\d{2}) :? (?P<m2>\d{2})
      | (?P<zulu>z)
    )
    (?![\da-z/.\-])
    """,
    _FLAGS,
)
# A labelled offset anywhere in the line, for "09:05, Thứ Năm, 27/06/2019 (GMT+7)".
_OFFSET_LABELLED = re.compile(
    r"(?:gmt|utc)\s*(?P<sign>[+-])\s*(?P<h>\d{1,2})(?::?(?P<m>\d{2}))?(?!\d)", re.ASCII
)

_AGO = re.compile(
    r"(?<!\d)(?P<parts>(?:\d{1,4}\s*(?:giay|phut|gio|tieng|ngay)\s*)+)truoc(?![a-z])",
    re.ASCII,
)
_AGO_PART = re.compile(r"(\d{1,4})\s*(giay|phut|gio|tieng|ngay)", re.ASCII)
_JUST_NOW = re.compile(
    r"(?<![a-z])(?:vua\s*(?:xong|dang|cap\s*nhat)|moi\s*(?:dang|cap\s*nhat)|vai\s*giay\s*truoc)",
    re.ASCII,
)
_DAY_WORD = re.compile(r"(?<![a-z])hom\s*(?P<which>nay|qua|kia)(?![a-z])", re.ASCII)
_DAYS_BACK = {"nay": 0, "qua": 1, "kia": 2}
# Hours a time-of-day word moves past noon: "8 giờ tối" is 20:00; "1 giờ trưa" is 13:00 but
# "11 giờ trưa" 11:00; "10 giờ đêm" is 22:00 but "2 giờ đêm" 02:00.
_PLUS_12: dict[str, range] = {
    "pm": range(12),
    "ch": range(12),
    "chieu": range(12),
    "toi": range(12),
    "trua": range(6),
    "dem": range(6, 12),
}

_DOT_DIGIT = re.compile(r"\.\d", re.ASCII)
_FALLBACK_NEEDS = re.compile(r"(?<![a-z])(?:thang|thg)(?![a-z])", re.ASCII)
_YEAR4 = re.compile(r"(?<!\d)\d{4}(?!\d)", re.ASCII)


@dataclass(frozen=True)
class ParsedDate:
    """One parsed publication date.

    `value` is a tz-aware datetime (+07:00 unless the text printed another offset) when a
    time was printed, a date when only the day was, None when there is no usable date.
    `precision` is "day", "minute" or "second" (None exactly when `value` is None).
    `raw` is the input, unchanged.
    """

    value: dt.date | dt.datetime | None
    precision: str | None
    raw: str

    @property
    def iso(self) -> str | None:
        """ISO text: "2018-05-02" for a day, "2019-06-27T09:05:00+07:00" for a time, else None."""
        return None if self.value is None else self.value.isoformat()

    @property
    def local_date(self) -> dt.date | None:
        """The calendar date at +07:00 (a time printed at another offset may shift it)."""
        if isinstance(self.value, dt.datetime):
            return self.value.astimezone(VN_TZ).date()
        return self.value


def parse_date(raw: str, *, base: dt.datetime | None = None) -> ParsedDate:
    """Parse one publication date as a department page prints it. Never raises.

    Accepts every form listed in the module docstring. `base` is "now" for relative forms
    ("2 giờ trước", "hôm qua", "vừa xong"); a naive `base` is read as +07:00. Without a
    base, relative forms give value None. When a line holds several dates the first one
    decides; when that one is a placeholder or impossible, the result is None rather than a
    guess from the rest of the line.
    """
    nothing = ParsedDate(None, None, raw)
    if not isinstance(raw, str):  # callers pass whatever a selector returned
        return nothing
    display, key = _prepare(raw)
    if not key:
        return nothing
    now = _local_now(base)
    max_year = _MAX_YEAR_WITHOUT_BASE if now is None else now.year + 1

    found = _first_absolute(key, now, max_year)
    if found is not None:
        day, start, end = found
        if day is None:
            return nothing
        value, precision = _with_time(day, key, start, end)
        return ParsedDate(value, precision, raw)
    if _NUMERIC_CANDIDATE.search(key):
        return nothing

    relative = _relative(key, now)
    if relative is not None:
        value, precision = relative
        if value is None or not _MIN_YEAR <= value.year <= max_year:
            return nothing
        return ParsedDate(value, precision, raw)

    fallback = _fallback(display, key, now, max_year)
    if fallback is None:
        return nothing
    return ParsedDate(fallback[0], fallback[1], raw)


def _prepare(raw: str) -> tuple[str, str]:
    """Return (display, key): the cut, NFC, space-squashed text and its ASCII matching key."""
    text = _CONTROL.sub(" ", raw[:_MAX_INPUT])
    display = _DASHES.sub("-", squash_spaces(nfc(text)))
    return display, strip_diacritics(display).lower()


def _local_now(base: dt.datetime | None) -> dt.datetime | None:
    """`base` as an aware +07:00 datetime; a naive base already is Vietnamese wall time."""
    if base is None:
        return None
    if base.tzinfo is None or base.utcoffset() is None:
        return base.replace(tzinfo=VN_TZ)
    try:
        return base.astimezone(VN_TZ)
    except OverflowError:  # datetime.min/max with an offset
        return None


def _valid_day(year: int, month: int, day: int, max_year: int) -> dt.date | None:
    """The date, or None when impossible or outside [1990, max_year] (placeholders)."""
    if not _MIN_YEAR <= year <= max_year:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:  # 31/02, month 13, day 0
        return None


def _full_year(digits: str, now: dt.datetime | None) -> int:
    """Expand a 2-digit year: the latest century that does not pass `now` + 1 year."""
    year = int(digits)
    if len(digits) == 4:
        return year
    if now is None:
        return 2000 + year if year < 70 else 1900 + year
    full = now.year // 100 * 100 + year
    return full - 100 if full > now.year + 1 else full


def _first_absolute(
    key: str, now: dt.datetime | None, max_year: int
) -> tuple[dt.date | None, int, int] | None:
    """The earliest date-shaped match as (date or None when invalid, start, end)."""
    candidates: list[tuple[int, int, dt.date | None]] = []
    for match in _DMY.finditer(key):
        sep, year = match["sep"], match["y"]
        if sep == ":" and len(year) != 4:  # "10:25:30" is a time, not a date
            continue
        if key.startswith(sep, match.end()) and key[match.end() + 1 : match.end() + 2].isdigit():
            continue  # a fourth part, "1.2.10.4" or "5/10/16/2": a number, not a date
        day = _valid_day(_full_year(year, now), int(match["m"]), int(match["d"]), max_year)
        candidates.append((match.start(), match.end(), day))
        break
    for match in _YMD.finditer(key):
        if match["sep"] == "." and _DOT_DIGIT.match(key, match.end()):
            continue
        day = None
        if not match["neg"]:
            day = _valid_day(int(match["y"]), int(match["m"]), int(match["d"]), max_year)
        candidates.append((match.start(), match.end(), day))
        break
    match = _WORDS.search(key)
    if match is not None:
        day = _valid_day(int(match["y"]), int(match["m"]), int(match["d"]), max_year)
        candidates.append((match.start(), match.end(), day))
    if not candidates:
        return None
    start, end, day = min(candidates, key=lambda c: c[0])
    return day, start, end


def _time_of(match: re.Match[str]) -> tuple[int, int, int | None] | None:
    """(hour, minute, second or None when not printed) from a _TIME match, if valid."""
    if _AGO.match(match.string, match.start("hour")):  # "2 giờ trước" is no clock time
        return None
    hour = int(match["hour"])
    minute_text = match["minute"] or match["minute2"]
    second_text = match["second"] or match["second2"]
    minute = int(minute_text) if minute_text else 0
    second = int(second_text) if second_text else None
    meridiem = (match["meridiem"] or "").replace(".", "")
    if meridiem in ("am", "sa"):
        if hour > 12:
            return None
        hour = 0 if hour == 12 else hour
    elif hour in _PLUS_12.get(meridiem, ()):
        hour += 12
    if hour > 23 or minute > 59 or (second is not None and second > 59):
        return None
    return hour, minute, second


def _offset(match: re.Match[str] | None) -> dt.tzinfo | None:
    """The tzinfo an _OFFSET_* match prints, None when absent or out of range."""
    if match is None:
        return None
    groups = match.groupdict()
    if groups.get("zulu") or (groups.get("label") and not groups.get("sign")):
        return dt.UTC
    sign = groups.get("sign") or groups.get("sign2")
    hours = groups.get("h") or groups.get("h2")
    minutes = groups.get("m") or groups.get("m2") or "0"
    if sign is None or hours is None:
        return None
    delta = dt.timedelta(hours=int(hours), minutes=int(minutes))
    if delta > _MAX_OFFSET or int(minutes) > 59:
        return None
    return dt.timezone(-delta if sign == "-" else delta)


def _with_time(day: dt.date, key: str, start: int, end: int) -> tuple[dt.date | dt.datetime, str]:
    """Attach the time printed right after (preferred) or right before the date span."""
    after = _TIME_AFTER.match(key, end)
    if after is not None:
        return _combine(day, after, key, after.end(), key)
    window = key[max(0, start - _TIME_BEFORE_WINDOW) : start]
    before = _TIME_BEFORE.search(window)
    if before is not None:
        return _combine(day, before, window, before.end("time"), key)
    return day, "day"


def _combine(
    day: dt.date, time_match: re.Match[str], source: str, time_end: int, key: str
) -> tuple[dt.date | dt.datetime, str]:
    """The datetime for `day` at the matched time, in the offset printed after the time
    (in `source`) or anywhere in the line (GMT/UTC-labelled), else +07:00."""
    parts = _time_of(time_match)
    if parts is None:  # "24h", "25:61": keep the date, drop the nonsense time
        return day, "day"
    hour, minute, second = parts
    tz = _offset(_OFFSET_AFTER_TIME.match(source, time_end))
    if tz is None:
        tz = _offset(_OFFSET_LABELLED.search(key)) or VN_TZ
    value = dt.datetime(day.year, day.month, day.day, hour, minute, second or 0, tzinfo=tz)
    if tz.utcoffset(None) == dt.timedelta(0):
        # Database UTC stamps: the page's date is the Vietnamese one.
        value = value.astimezone(VN_TZ)
    return value, "minute" if second is None else "second"


def _relative(
    key: str, now: dt.datetime | None
) -> tuple[dt.date | dt.datetime | None, str | None] | None:
    """Relative forms: None when there is none, (None, None) when found but `now` is None."""
    ago = _AGO.search(key)
    just_now = _JUST_NOW.search(key)
    day_word = _DAY_WORD.search(key)
    if ago is None and just_now is None and day_word is None:
        return None
    if now is None:
        return None, None
    try:
        if ago is not None:
            return _ago(ago["parts"], now)
        if just_now is not None:
            return now.replace(second=0, microsecond=0), "minute"
        assert day_word is not None
        day = now.date() - dt.timedelta(days=_DAYS_BACK[day_word["which"]])
    except OverflowError:  # a base near datetime.min
        return None, None
    return _with_time(day, key, day_word.start(), day_word.end())


def _ago(parts: str, now: dt.datetime) -> tuple[dt.date | dt.datetime, str]:
    """`now` minus "2 giờ 30 phút"-style parts; precision follows the finest unit printed."""
    seconds = {"giay": 1, "phut": 60, "gio": 3600, "tieng": 3600, "ngay": 86400}
    units = _AGO_PART.findall(parts)
    delta = dt.timedelta(seconds=sum(int(n) * seconds[unit] for n, unit in units))
    printed = {unit for _, unit in units}
    value = now - delta
    if "giay" in printed:
        return value.replace(microsecond=0), "second"
    if printed == {"ngay"}:
        return value.date(), "day"
    return value.replace(second=0, microsecond=0), "minute"


def _fallback(
    display: str, key: str, now: dt.datetime | None, max_year: int
) -> tuple[dt.date | dt.datetime, str] | None:
    """Month names in words ("5 tháng Mười Hai, 2020") through dateparser, checked."""
    if len(key) > _MAX_FALLBACK or not _FALLBACK_NEEDS.search(key):
        return None
    years = set(_YEAR4.findall(key))
    if not years:  # REQUIRE_PARTS wants a year; without one dateparser would invent it
        return None
    import dateparser  # lazy: importing it costs a noticeable fraction of a second

    settings: dict[str, Any] = {
        "DATE_ORDER": "DMY",
        "PREFER_DAY_OF_MONTH": "first",
        "RETURN_AS_TIMEZONE_AWARE": False,
        "REQUIRE_PARTS": ["day", "month", "year"],
    }
    if now is not None:
        settings["RELATIVE_BASE"] = now.replace(tzinfo=None)
    try:
        got = dateparser.parse(display, languages=["vi"], settings=settings)
    except Exception:  # third-party code on hostile text: any failure means "no date"
        return None
    if got is None or f"{got.year:04d}" not in years:  # never accept an invented year
        return None
    day = _valid_day(got.year, got.month, got.day, max_year)
    if day is None:
        return None
    time_match = _TIME_ANYWHERE.search(key)
    if time_match is None:
        return day, "day"
    return _combine(day, time_match, key, time_match.end(), key)
