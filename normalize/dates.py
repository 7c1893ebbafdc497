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

`find_dates` is the body's counterpart: every date an article body mentions, with its span,
including days printed without a year ("ngày 23/12"), which take the publication's year.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
import unicodedata
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


# Month names in words, as WordPress (vi_VN) and some portals print them: "Tháng Sáu",
# "tháng Mười Hai", "tháng Giêng". Read on the key (lower case, no diacritics).
_MONTH_WORDS = {
    "gieng": 1,
    "mot": 1,
    "hai": 2,
    "ba": 3,
    "tu": 4,
    "nam": 5,
    "sau": 6,
    "bay": 7,
    "tam": 8,
    "chin": 9,
    "muoi": 10,
    "muoi mot": 11,
    "muoi hai": 12,
    "chap": 12,
}
_MONTH_WORD = re.compile(
    r"\bthang\s+(muoi\s+mot|muoi\s+hai|gieng|chap|mot|hai|ba|tu|nam|sau|bay|tam|chin|muoi)"
    r"(?![a-z])"
)
# WordPress's month-first order once the month is a number: "thang 6 25, 2020".
_MONTH_FIRST = re.compile(r"\bthang\s+(\d{1,2})\s+(\d{1,2})\s*,\s*(\d{4})\b")


def _prepare(raw: str) -> tuple[str, str]:
    """Return (display, key): the cut, NFC, space-squashed text and its ASCII matching key.

    In the key a month written in words becomes its number ("25 tháng sáu, 2020" → "25
    thang 6, 2020"), and WordPress's month-first "Tháng Sáu 25, 2020" is put day first."""
    text = _CONTROL.sub(" ", raw[:_MAX_INPUT])
    display = _DASHES.sub("-", squash_spaces(nfc(text)))
    key = strip_diacritics(display).lower()
    key = _MONTH_WORD.sub(lambda m: f"thang {_MONTH_WORDS[' '.join(m.group(1).split())]}", key)
    key = _MONTH_FIRST.sub(r"\2 thang \1, \3", key)
    return display, key


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


# -- dates a body mentions -------------------------------------------------------------------
#
# `find_dates` reuses the publication-date patterns above (_DMY, _YMD, _WORDS, _TIME_AFTER,
# _TIME_BEFORE, _time_of, _combine) on an offset-preserving key, and adds what a body needs:
# dates without a year, spans, and the checks that keep numbers that are not dates out.


@dataclass(frozen=True)
class DateMention:
    """One date a body mentions.

    `value` is a date, or a tz-aware datetime (+07:00 unless an offset is printed) when a
    time is printed with the date; `precision` is "day", "minute" or "second".
    `year_inferred` is True when the text printed no year for this date (nor for the range
    it belongs to) and the year came from the publication date. `text` is exactly
    `input[start:end]`: the date and its attached time, without the day word ("ngày") that
    introduced it.
    """

    value: dt.date | dt.datetime
    precision: str
    year_inferred: bool
    text: str
    start: int
    end: int


# A body names history ("ngày 2/9/1945") and plans ("đến ngày 31/12/2030").
_BODY_MIN_YEAR = 1800
_BODY_MAX_YEAR = 2100
_BODY_PLACEHOLDERS = frozenset({dt.date(1970, 1, 1), dt.date(1900, 1, 1)})
_DAY_WORD_LOOKBACK = 40

# Day words as they must be printed (with their diacritics: "tới", "sang", "ngay" are other
# words), keyed by their folded form.
_DAY_WORD_PRINTED = {
    "ngay": "ngày",
    "hom": "hôm",
    "sang": "sáng",
    "chieu": "chiều",
    "toi": "tối",
    "dem": "đêm",
    "trua": "trưa",
    "tu": "từ",
}
# What joins the two ends of a range or a pair: "28/2 - 2/3", "1 đến ngày 5/3", "5 và 6/3".
_LINK = r"\s*(?:-|den|toi|va)\s*(?:ngay\s+)?"
_LINKED = re.compile(_LINK + r"\Z", _FLAGS)

# A day word right before a yearless date, possibly through "(" or ":" or the first day of
# a range: "ngày 23/12", "(ngày 23/12", "sáng ngày 15/3", "ngày 1-2/3", "ngày 1 đến ngày 5/3".
_DAY_WORD_BEFORE = re.compile(
    r"(?<![a-z])(?P<word>ngay|hom|sang|chieu|toi|dem|trua)\s*[:(]?\s*"
    r"(?:\d{1,2}" + _LINK + r")?\Z",
    _FLAGS,
)
# "mỗi ngày 1.5 tấn", "hằng ngày 12/6", "30 tấn/ngày 1.5": a quantity per day, not a date.
_PER_DAY = re.compile(r"(?:(?<![a-z])(?:moi|hang|mot|vai)|/)\s*\Z", re.ASCII)
# Day and month without a year: "23/12", "21-1", "17.5"; never a decimal, a percentage, a
# fraction inside a longer number, or "1-2 tháng 3" (days 1-2 of March).
# "23/12 năm 2019" carries its year.
_DM = re.compile(
    r"""
    (?<![\d.,/:])
    (?P<d>\d{1,2}) (?P<sep>[/.\-]) (?P<m>\d{1,2})
    (?! \d | [/.\-,:]\d | \s*% | \s*(?:thang|thg)(?![a-z]) )
    (?: \s+ nam \s+ (?P<y>\d{4}) (?!\d) )?
    """,
    _FLAGS,
)
_DIGITS = re.compile(r"\d+", re.ASCII)
_DATE_SEPARATORS = frozenset("/.-:")
_DM_SEPARATORS = frozenset("/.-")
_MONTH_WORD_AHEAD = re.compile(r"\s*th", re.ASCII)
_DM_WORDS = re.compile(r"(?<!\d)(?P<d>\d{1,2})\s*(?:thang|thg)\s*(?P<m>\d{1,2})(?!\d)", _FLAGS)
# The first day of a range whose last day carries the month: "1-2/3/2021", "1 đến ngày 5/3".
_RANGE_FIRST = re.compile(r"(?<![\d.,/:\-])(?P<d>\d{1,2})(?P<link>" + _LINK + r")\Z", _FLAGS)
_FROM_BEFORE = re.compile(r"(?<![a-z])(?P<word>ngay|tu)\s*[:(]?\s*\Z", re.ASCII)
_CLOSING = re.compile(r"\s*[)\]]")
_GLUE_ONLY = re.compile(_GLUE + r"\Z", _FLAGS)

_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
_NOT_COMBINING = re.compile(
    "[^\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]", re.DOTALL
)
_ODD_DASH = re.compile("[\u2010-\u2015\u2212]")
_ODD_SPACE = re.compile("[\t\u00a0\u2002\u2003\u2009\u202f]")
_FOLD_TABLE: dict[int, str] = {}


class _Found:
    """A date-shaped stretch of the key while `find_dates` decides about it."""

    __slots__ = ("d", "end", "inferred", "kind", "m", "start", "y")

    def __init__(self, start: int, end: int, d: int, m: int, y: int | None, kind: str) -> None:
        self.start, self.end = start, end
        self.d, self.m, self.y = d, m, y  # y None: no year printed (yet resolved)
        self.kind = kind  # "full", "dayword", "weak", "first", "claim" (no date, keeps span)
        self.inferred = False


def find_dates(text: str, *, published: dt.date | None = None) -> list[DateMention]:
    """Every date `text` (an article body) mentions, in order, with spans; never raises.

    Found: day-first numeric dates with a 4-digit year ("27/4/2018", "(14/08/2020)",
    "5-4-2021", "05.10.2016"), ISO dates ("2016-10-07"), dates in words ("31 tháng 12 năm
    2019"), "23/12 năm 2019", with a time printed before or after ("8h30 ngày 12/3/2024",
    "ngày 12/3/2024 lúc 14:00", "14:00 (GMT+7)"), and dates without a year.

    A date without a year ("23/12", "21-1", "17.5", "23 tháng 12", or a 2-digit year
    "12/6/24") counts only after a day word printed as such: "ngày", "hôm", "sáng",
    "chiều", "tối", "đêm", "trưa" (also "(ngày 23/12", "sáng ngày 15/3"); never alone, so
    ratios, scores and decimals ("tỷ lệ 12/6", "tăng 17.5%", "50/132 hồ sơ") are not dates,
    nor is a quantity per day ("mỗi ngày 1.5 tấn"). Its year is `published`'s, or the year
    before when the date would otherwise fall after `published`. Without `published` it is
    not reported.

    Ranges and pairs ("từ ngày 1 đến ngày 5/3/2021", "ngày 1-2/3/2021", "28/2 - 2/3/2021",
    "ngày 5 và 6/3"): both ends are reported. An end without a month takes the other end's
    month; an end without a year takes the other end's year (the year before or after when
    the range crosses New Year), and `year_inferred` then follows that end. A day-month
    next to a dated end counts without a day word of its own ("28/2 - 2/3/2021").

    Not dates: bare years and year ranges ("năm 2018", "2016-2020"), document numbers
    ("07/2020/TT-BKHCN", "12/3/2021/QĐ"), phone numbers, version numbers ("1.2.10.4"),
    impossible dates ("31/2", "32/1"), placeholders (01/01/1970, 01/01/1900, 00/00/0000,
    -0001-11-30), years outside 1800-2100, month names in words ("5 tháng Mười Hai").
    Text printed without diacritics ("ngay 23/12") gives no yearless dates.
    """
    if not isinstance(text, str) or not text:
        return []
    pub = _local_day(published)
    key, index = _fold_key(text)
    strong, weak = _scan(key, text, index, pub)
    taken = _resolve(strong)
    claims = [(f.start, f.end) for f in taken]
    found = [f for f in taken if f.kind != "claim"]
    found = _accept_weak(key, found, claims, weak)
    found = _resolve_years(key, found, pub)
    found = _add_range_firsts(key, text, index, found, claims)
    return _mentions(key, text, index, found)


def _local_day(published: object) -> dt.date | None:
    """The publication day at +07:00, whatever date-like value the caller has."""
    if isinstance(published, dt.datetime):
        if published.tzinfo is None or published.utcoffset() is None:
            return published.date()
        try:
            return published.astimezone(VN_TZ).date()
        except OverflowError:
            return published.date()
    if isinstance(published, dt.date):
        return published
    return None


def _fold_key(text: str) -> tuple[str, list[int] | None]:
    """The matching key: `text` as `fold_chars` folds it (lower case, no diacritics, đ→d,
    dashes and odd spaces plain, same length), and None; or, only when `text` holds
    combining marks (decomposed text), the key without them and the index in `text` of
    each key character (plus len(text))."""
    if not _COMBINING.search(text):
        # The C-speed route: NFD, drop the marks, lower. Each NFC Vietnamese letter gives
        # exactly one character; when the length shows some character did not, fall back.
        bare = _COMBINING.sub("", unicodedata.normalize("NFD", text))
        key = _ODD_SPACE.sub(" ", _ODD_DASH.sub("-", bare.lower().replace("đ", "d")))
        if len(key) == len(text):
            return key, None
    if not _FOLD_TABLE:
        from normalize.text import fold_chars

        for code in [*range(0x250), *range(0x1E00, 0x1F00), *range(0x2000, 0x2070)]:
            folded = fold_chars(chr(code))
            if folded != chr(code):
                _FOLD_TABLE[code] = folded
    key = text.translate(_FOLD_TABLE)
    if not _COMBINING.search(key):
        return key, None
    index = [m.start() for m in _NOT_COMBINING.finditer(key)]
    index.append(len(text))
    return _COMBINING.sub("", key), index


def _printed(text: str, index: list[int] | None, start: int, end: int) -> str:
    """The stretch of `text` that key[start:end] folds."""
    if index is None:
        return text[start:end]
    return text[index[start] : index[end]]


def _has_day_word(key: str, text: str, index: list[int] | None, at: int) -> bool:
    """Whether a day word ("ngày", "sáng", ...) introduces the date at key[at]."""
    match = _DAY_WORD_BEFORE.search(key, max(0, at - _DAY_WORD_LOOKBACK), at)
    if match is None:
        return False
    word = match["word"]
    start, end = match.span("word")
    if nfc(_printed(text, index, start, end)).lower() != _DAY_WORD_PRINTED[word]:
        return False
    return not (word == "ngay" and _PER_DAY.search(key, max(0, start - 12), start))


def _body_day(year: int, month: int, day: int, *, printed: bool = True) -> dt.date | None:
    """The date if it exists, in 1800-2100, and (with its year printed) no placeholder."""
    if not _BODY_MIN_YEAR <= year <= _BODY_MAX_YEAR:
        return None
    try:
        value = dt.date(year, month, day)
    except ValueError:
        return None
    return None if printed and value in _BODY_PLACEHOLDERS else value


def _body_year(digits: str, pub: dt.date | None) -> int:
    """A printed year; two digits take the century that puts it nearest the publication
    (within 80 years before to 20 after), else 1970-2069."""
    year = int(digits)
    if len(digits) == 4:
        return year
    if pub is None:
        return 2000 + year if year < 70 else 1900 + year
    full = pub.year // 100 * 100 + year
    if full > pub.year + 20:
        return full - 100
    return full + 100 if full <= pub.year - 80 else full


def _day_month_ok(day: int, month: int) -> bool:
    """Whether day/month exists in some year (29/2 does, in leap years)."""
    return 1 <= month <= 12 and 1 <= day <= (29 if month == 2 else 30 + (month + month // 8) % 2)


def _scan(
    key: str, text: str, index: list[int] | None, pub: dt.date | None
) -> tuple[list[_Found], list[_Found]]:
    """(strong, weak): dates with a year, yearless dates after a day word, and
    number-shaped stretches that are no date but must not be read piecemeal ("1.2.10.4",
    "12/3/2021/QĐ"); then day-months without a day word, dates only next to another date.

    Every pattern starts at the start of a run of digits, so the patterns are tried there
    only: a scan for digit runs is far cheaper than running each pattern over the body.
    """
    strong: list[_Found] = []
    weak: list[_Found] = []

    def full(start: int, end: int, year: int, month: int, day: int) -> None:
        ok = _body_day(year, month, day) is not None
        strong.append(_Found(start, end, day, month, year, "full" if ok else "claim"))

    def claim(start: int, end: int) -> None:
        strong.append(_Found(start, end, 0, 0, None, "claim"))

    size = len(key)
    for run in _DIGITS.finditer(key):
        start, stop = run.span()
        after = key[stop : stop + 1]
        if after in _DATE_SEPARATORS and stop + 1 < size:
            if stop - start <= 2:
                _scan_dmy(key, text, index, pub, start, full, claim)
            elif stop - start == 4:
                at = start - 1 if key[start - 1 : start] == "-" else start
                match = _YMD.match(key, at) or _YMD.match(key, start)
                if match is not None:
                    end = match.end()
                    fourth_part = (
                        key.startswith(match["sep"], end) and key[end + 1 : end + 2].isdigit()
                    )
                    if match["neg"] or fourth_part:
                        claim(match.start(), end)
                    else:
                        full(match.start(), end, int(match["y"]), int(match["m"]), int(match["d"]))
        elif stop - start <= 2 and _MONTH_WORD_AHEAD.match(key, stop):
            match = _WORDS.match(key, start)
            if match is not None:
                full(start, match.end(), int(match["y"]), int(match["m"]), int(match["d"]))
            match = _DM_WORDS.match(key, start)
            if match is not None:
                _yearless(key, text, index, match, strong, None, claim)
        if stop - start <= 2 and after in _DM_SEPARATORS:
            match = _DM.match(key, start)
            if match is None:
                continue
            if match["y"] is not None:
                full(start, match.end(), int(match["y"]), int(match["m"]), int(match["d"]))
            else:
                _yearless(key, text, index, match, strong, weak, claim)
    return strong, weak


def _scan_dmy(
    key: str,
    text: str,
    index: list[int] | None,
    pub: dt.date | None,
    start: int,
    full: Any,
    claim: Any,
) -> None:
    """A day-first date with its year at key[start], if there is one."""
    match = _DMY.match(key, start)
    if match is None:
        return
    end = match.end()
    sep, year = match["sep"], match["y"]
    if sep == ":":  # "10:25:30" is a time; "ISO 9001:2015" a standard
        return
    fourth_part = key.startswith(sep, end) and key[end + 1 : end + 2].isdigit()
    document = key[start - 1 : start] == "/" or (
        key.startswith("/", end) and key[end + 1 : end + 2].isalnum()
    )
    if fourth_part or document:
        claim(start, end)  # a fourth part or a document number: no date
    elif len(year) == 2 and not _has_day_word(key, text, index, start):
        claim(start, end)  # "1/2/10" is no date without "ngày"
    else:
        full(start, end, _body_year(year, pub), int(match["m"]), int(match["d"]))


def _yearless(
    key: str,
    text: str,
    index: list[int] | None,
    match: re.Match[str],
    strong: list[_Found],
    weak: list[_Found] | None,
    claim: Any,
) -> None:
    """A day-month: strong after a day word, else weak (when `weak` is given)."""
    start, end = match.start(), match.end()
    day, month = int(match["d"]), int(match["m"])
    if _has_day_word(key, text, index, start):
        if _day_month_ok(day, month):
            strong.append(_Found(start, end, day, month, None, "dayword"))
        else:
            claim(start, end)  # "ngày 31/2": impossible, and nothing else
    elif weak is not None and _day_month_ok(day, month):
        weak.append(_Found(start, end, day, month, None, "weak"))


def _resolve(found: list[_Found]) -> list[_Found]:
    """Keep non-overlapping stretches: the earliest first, the longest at one start."""
    kept: list[_Found] = []
    last_end = -1
    for f in sorted(found, key=lambda f: (f.start, -f.end)):
        if f.start >= last_end:
            kept.append(f)
            last_end = f.end
    return kept


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) overlaps one of `spans` (sorted, non-overlapping)."""
    i = bisect.bisect_left(spans, (end, end))
    return i > 0 and spans[i - 1][1] > start


def _accept_weak(
    key: str, found: list[_Found], claims: list[tuple[int, int]], weak: list[_Found]
) -> list[_Found]:
    """Add each day-month linked ("-", "đến", "tới", "và") to a date found on either side."""
    if not weak or not found:
        return found
    spans = list(claims)
    result = list(found)
    starts = [f.start for f in result]
    for w in weak:
        if _overlaps(spans, w.start, w.end):
            continue
        i = bisect.bisect_left(starts, w.start)  # result[i - 1] is before w, result[i] after
        before = result[i - 1] if i > 0 else None
        after = result[i] if i < len(result) else None
        if (before is not None and _LINKED.match(key, before.end, w.start)) or (
            after is not None and _LINKED.match(key, w.end, after.start)
        ):
            result.insert(i, w)
            starts.insert(i, w.start)
            bisect.insort(spans, (w.start, w.end))
    return result


def _resolve_years(key: str, found: list[_Found], pub: dt.date | None) -> list[_Found]:
    """Give each yearless date its year: from the other end of its range when that has one,
    else from the publication date; drop those left without a valid date."""
    # Right to left, a range's first end takes the year of its last; then left to right,
    # the last end (or the second of a pair) takes the year of the first.
    for i in range(len(found) - 2, -1, -1):
        f, right = found[i], found[i + 1]
        if f.y is None and right.y is not None and _LINKED.match(key, f.end, right.start):
            f.y = right.y if (f.m, f.d) <= (right.m, right.d) else right.y - 1
            f.inferred = right.inferred
    for i in range(1, len(found)):
        f, left = found[i], found[i - 1]
        if f.y is None and left.y is not None and _LINKED.match(key, left.end, f.start):
            f.y = left.y if (f.m, f.d) >= (left.m, left.d) else left.y + 1
            f.inferred = left.inferred
    kept = []
    for f in found:
        if f.y is None:
            if pub is None:
                continue
            f.y = pub.year if (f.m, f.d) <= (pub.month, pub.day) else pub.year - 1
            f.inferred = True
        if f.kind == "full" or _body_day(f.y, f.m, f.d, printed=False) is not None:
            kept.append(f)
    return kept


def _add_range_firsts(
    key: str,
    text: str,
    index: list[int] | None,
    found: list[_Found],
    claims: list[tuple[int, int]],
) -> list[_Found]:
    """The first day of "ngày 1-2/3/2021", "từ ngày 1 đến ngày 5/3": the month and year of
    the range's last day, which must be later in the same month. "1-2/3" needs no day
    word; "1 đến 5/3" needs "ngày" or "từ" before the 1."""
    spans = sorted(claims + [(f.start, f.end) for f in found])
    added = []
    for last in found:
        match = _RANGE_FIRST.search(key, max(0, last.start - _DAY_WORD_LOOKBACK), last.start)
        if match is None or last.y is None:
            continue
        start, end = match.span("d")
        day = int(match["d"])
        if not 1 <= day < last.d or _overlaps(spans, start, end):
            continue
        if match["link"] != "-":
            word = _FROM_BEFORE.search(key, max(0, start - 12), start)
            if word is None:
                continue
            printed = nfc(_printed(text, index, *word.span("word"))).lower()
            if printed != _DAY_WORD_PRINTED[word["word"]]:
                continue
        first = _Found(start, end, day, last.m, last.y, "first")
        first.inferred = last.inferred
        added.append(first)
    return sorted(found + added, key=lambda f: f.start) if added else found


def _mentions(
    key: str, text: str, index: list[int] | None, found: list[_Found]
) -> list[DateMention]:
    """DateMentions with the time printed before or after each date attached."""
    out: list[DateMention] = []
    free_from = 0  # a time before a date may not reach into the previous mention
    for i, f in enumerate(found):
        assert f.y is not None  # every date left has its year
        day = dt.date(f.y, f.m, f.d)
        next_start = found[i + 1].start if i + 1 < len(found) else len(key)
        start, end = f.start, f.end
        value: dt.date | dt.datetime = day
        precision = "day"
        after = _TIME_AFTER.match(key, f.end)
        if (
            after is not None
            and after.end() <= next_start
            and _time_of(after) is not None
            and not _belongs_to_next(key, after.end(), found, i)
        ):
            value, precision = _combine(day, after, key, after.end(), "")
            end = after.end()
            offset = _OFFSET_AFTER_TIME.match(key, end)
            if offset is not None and _offset(offset) is not None and offset.end() <= next_start:
                end = offset.end()
                opened = key[after.end() : end].lstrip()[:1] in ("(", "[")
                closing = _CLOSING.match(key, end) if opened else None
                if closing is not None and closing.end() <= next_start:
                    end = closing.end()  # "(GMT+7)": its closing bracket too
        else:
            window = max(free_from, f.start - _TIME_BEFORE_WINDOW)
            before = _TIME_BEFORE.search(key, window, f.start) if window < f.start else None
            if before is not None and _time_of(before) is not None:
                value, precision = _combine(day, before, key, before.end("time"), "")
                start = before.start("time")
        free_from = end
        if index is not None:
            start, end = index[start], index[end]
        out.append(DateMention(value, precision, f.inferred, text[start:end], start, end))
    return out


def _belongs_to_next(key: str, time_end: int, found: list[_Found], i: int) -> bool:
    """Whether a time printed between two dates introduces the next one ("..., 9h ngày
    13/3"), which has no time of its own after it."""
    if i + 1 >= len(found):
        return False
    following = found[i + 1]
    if not _GLUE_ONLY.match(key, time_end, following.start):
        return False
    own = _TIME_AFTER.match(key, following.end)
    return own is None or _time_of(own) is None
