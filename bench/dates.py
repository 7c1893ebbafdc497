"""Benchmark: `normalize.dates.parse_date` against `dateparser.parse(s, languages=["vi"])`.

    python -m bench.dates [--n 5000] [--seed 7] [--runs 3] [--check]

Generates N publication-date strings in the shapes of shared/reference/formats.md, each from
a known true datetime (seeded, so a run is repeatable), then times both parsers on the same
strings in the same process (both warmed up first; best of --runs) and scores each against
the truth: the calendar date at +07:00, and the clock time when one is printed (to the
second when seconds are printed). Relative forms ("2 giờ trước") are compared within five
minutes, as dateparser reads them against its own clock. Disagreements are grouped by shape
with two examples each and a label saying who is wrong and why.

`--check` only runs parse_date (no dateparser, well under a second) and exits 1 when it is
wrong on any generated string: cheap enough for CI.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import random
import statistics
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from normalize.dates import VN_TZ, parse_date

# -- the truth and its printed forms --------------------------------------------------------


@dataclass(frozen=True)
class Case:
    shape: str
    text: str
    day: dt.date | None  # None: a placeholder, no date
    clock: tuple[int, ...] | None  # (h, m) or (h, m, s) when printed
    relative: bool = False  # read against "now": compared within RELATIVE_SLACK


RELATIVE_SLACK = dt.timedelta(minutes=5)

# Weekday names as pages print them, Monday first: words, digits, lower and title case.
WEEKDAYS = [
    ["Thứ Hai", "Thứ hai", "Thứ 2", "THỨ HAI"],
    ["Thứ Ba", "Thứ ba", "Thứ 3", "THỨ BA"],
    ["Thứ Tư", "Thứ tư", "Thứ 4", "THỨ TƯ"],
    ["Thứ Năm", "Thứ năm", "Thứ 5", "THỨ NĂM"],
    ["Thứ Sáu", "Thứ sáu", "Thứ 6", "THỨ SÁU"],
    ["Thứ Bảy", "Thứ bảy", "Thứ 7", "THỨ BẢY"],
    ["Chủ nhật", "Chủ Nhật", "CN", "CHỦ NHẬT"],
]
LABELS = [
    "Ngày đăng: ",
    "Ngày đăng : ",
    "Ngày đăng tin: ",
    "Đăng ngày: ",
    "Cập nhật: ",
    "cập nhật: ",
    "Ngày cập nhật: ",
    "Thời gian đăng: ",
    "Ngày xuất bản: ",
    "Ngày ",
]
PLACEHOLDERS = ["-0001-11-30 07:06:30", "00/00/0000", "01/01/1970", "01/01/1900"]


def _dmy(day: dt.date, sep: str = "/", pad: bool = True) -> str:
    if pad:
        return f"{day.day:02d}{sep}{day.month:02d}{sep}{day.year}"
    return f"{day.day}{sep}{day.month}{sep}{day.year}"


def _hm(h: int, m: int, s: int | None = None) -> str:
    return f"{h:02d}:{m:02d}" if s is None else f"{h:02d}:{m:02d}:{s:02d}"


def _weekday(rnd: random.Random, day: dt.date) -> str:
    return rnd.choice(WEEKDAYS[day.weekday()])


# Each shape: (weight, generator). Weights are realistic proportions: most pages print a
# plain dd/mm/yyyy, with or without a time; the rarer shapes are there because real pages
# print them.
Gen = Callable[[random.Random, dt.date, int, int, int, dt.datetime], Case]


def g_plain(r: random.Random, d: dt.date, h: int, m: int, s: int, now: dt.datetime) -> Case:
    return Case("plain dd/mm/yyyy", _dmy(d), d, None)


def g_plain_time(r: random.Random, d: dt.date, h: int, m: int, s: int, now: dt.datetime) -> Case:
    sep = r.choice([" ", " - ", " | ", ", ", " – "])
    if r.random() < 0.25:
        return Case("date then time", _dmy(d) + sep + _hm(h, m, s), d, (h, m, s))
    return Case("date then time", _dmy(d) + sep + _hm(h, m), d, (h, m))


def g_label(r: random.Random, d: dt.date, h: int, m: int, s: int, now: dt.datetime) -> Case:
    return Case("label + date", r.choice(LABELS) + _dmy(d, r.choice("/-")), d, None)


def g_label_time(r: random.Random, d: dt.date, h: int, m: int, s: int, now: dt.datetime) -> Case:
    text = r.choice(LABELS) + _dmy(d) + " " + _hm(h, m, s)
    return Case("label + date + time", text, d, (h, m, s))


def g_label_weekday(r: random.Random, d: dt.date, h: int, m: int, s: int, now: dt.datetime) -> Case:
    label = r.choice(["Ngày đăng: ", "Cập nhật: ", "Đăng ngày: "])
    middle = r.choice([", ", ", ngày "])
    return Case("label + weekday", label + _weekday(r, d) + middle + _dmy(d), d, None)


def g_weekday_time(r: random.Random, d: dt.date, h: int, m: int, s: int, now: dt.datetime) -> Case:
    if r.random() < 0.5:
        return Case(
            "weekday first, time after", f"{_weekday(r, d)}, {_dmy(d)} - {_hm(h, m)}", d, (h, m)
        )
    text = f"{_weekday(r, d)}, {_dmy(d)} | {_hm(h, m, s)}"
    return Case("weekday first, time after", text, d, (h, m, s))


def g_time_first(r: random.Random, d: dt.date, h: int, m: int, s: int, now: dt.datetime) -> Case:
    return Case("time then date", _hm(h, m) + r.choice([" ", ", "]) + _dmy(d), d, (h, m))


def g_newspaper(r: random.Random, d: dt.date, h: int, m: int, s: int, now: dt.datetime) -> Case:
    lead = r.choice(["Cập nhật, ", "Cập nhật lúc "])
    text = f"{lead}{_hm(h, m)}, {_weekday(r, d)}, {_dmy(d)} (GMT+7)"
    return Case("newspaper style", text, d, (h, m))


def g_newspaper_unpadded(
    r: random.Random, d: dt.date, h: int, m: int, s: int, now: dt.datetime
) -> Case:
    return Case("newspaper, unpadded time", f"{_dmy(d, pad=False)}, {h}:{m} (GMT+7)", d, (h, m))


def g_unpadded(r: random.Random, d: dt.date, h: int, m: int, s: int, now: dt.datetime) -> Case:
    return Case("bare, unpadded", _dmy(d, r.choice("/-"), pad=False), d, None)


def g_dashed(r: random.Random, d: dt.date, h: int, m: int, s: int, now: dt.datetime) -> Case:
    return Case("bare dd-mm-yyyy", _dmy(d, "-"), d, None)


def g_parens(r: random.Random, d: dt.date, h: int, m: int, s: int, now: dt.datetime) -> Case:
    return Case("in parentheses", f"({_dmy(d, r.choice('/-'))})", d, None)


def g_dotted(r: random.Random, d: dt.date, h: int, m: int, s: int, now: dt.datetime) -> Case:
    return Case("dd.mm.yyyy", _dmy(d, "."), d, None)


def g_iso(r: random.Random, d: dt.date, h: int, m: int, s: int, now: dt.datetime) -> Case:
    return Case("ISO / database", f"{d.isoformat()} {_hm(h, m, s)}", d, (h, m, s))


def g_words(r: random.Random, d: dt.date, h: int, m: int, s: int, now: dt.datetime) -> Case:
    month = f"{d.month:02d}" if r.random() < 0.5 else str(d.month)
    text = f"ngày {d.day} tháng {month} năm {d.year}"
    lead = r.choice(["", "Ngày", f"{_weekday(r, d)}, "])
    text = "N" + text[1:] if lead == "Ngày" else lead + text
    return Case("words", text, d, None)


def g_relative(r: random.Random, d: dt.date, h: int, m: int, s: int, now: dt.datetime) -> Case:
    kind = r.randrange(5)
    if kind == 0:
        hours = r.randint(1, 23)
        when = now - dt.timedelta(hours=hours)
        return Case("relative", f"{hours} giờ trước", when.date(), (when.hour, when.minute), True)
    if kind == 1:
        minutes = r.randint(1, 59)
        when = now - dt.timedelta(minutes=minutes)
        return Case(
            "relative", f"{minutes} phút trước", when.date(), (when.hour, when.minute), True
        )
    if kind == 2:
        days = r.randint(1, 6)
        return Case("relative", f"{days} ngày trước", now.date() - dt.timedelta(days=days), None)
    yesterday = now.date() - dt.timedelta(days=1)
    if kind == 3:
        return Case("relative", r.choice(["hôm qua", "Hôm qua"]), yesterday, None)
    return Case("relative", f"Hôm qua {_hm(h, m)}", yesterday, (h, m))


def g_placeholder(r: random.Random, d: dt.date, h: int, m: int, s: int, now: dt.datetime) -> Case:
    return Case("placeholder", r.choice(PLACEHOLDERS), None, None)


SHAPES: list[tuple[int, Gen]] = [
    (30, g_plain),
    (16, g_plain_time),
    (8, g_label),
    (3, g_label_time),
    (5, g_label_weekday),
    (6, g_weekday_time),
    (4, g_time_first),
    (5, g_newspaper),
    (2, g_newspaper_unpadded),
    (4, g_unpadded),
    (3, g_dashed),
    (3, g_parens),
    (2, g_dotted),
    (3, g_iso),
    (3, g_words),
    (2, g_relative),
    (1, g_placeholder),
]


def generate(n: int, seed: int, now: dt.datetime) -> list[Case]:
    """N cases, seeded; each printed from a true date (and time) between 2008 and 2025."""
    rnd = random.Random(seed)
    weights = [w for w, _ in SHAPES]
    gens = [g for _, g in SHAPES]
    first, span = dt.date(2008, 1, 1).toordinal(), (dt.date(2025, 12, 31) - dt.date(2008, 1, 1))
    cases = []
    for _ in range(n):
        gen = rnd.choices(gens, weights)[0]
        day = dt.date.fromordinal(first + rnd.randrange(span.days + 1))
        hour, minute, second = rnd.randint(6, 22), rnd.randrange(60), rnd.randrange(60)
        cases.append(gen(rnd, day, hour, minute, second, now))
    return cases


# -- scoring --------------------------------------------------------------------------------


def _wall(value: Any) -> dt.datetime | dt.date | None:
    """A parser's answer as Vietnamese wall time: aware values converted, naive taken as is."""
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None and value.utcoffset() is not None:
            return value.astimezone(VN_TZ).replace(tzinfo=None)
        return value
    if isinstance(value, dt.date):
        return value
    return None


def correct(case: Case, value: Any) -> bool:
    got = _wall(value)
    if case.day is None or got is None:
        return case.day is None and got is None
    if case.relative and case.clock is not None:
        if not isinstance(got, dt.datetime):
            return False
        truth = dt.datetime.combine(case.day, dt.time(*case.clock))
        return abs(got.replace(second=0, microsecond=0) - truth) <= RELATIVE_SLACK
    got_day = got.date() if isinstance(got, dt.datetime) else got
    if got_day != case.day:
        return False
    if case.clock is None:
        return True
    if not isinstance(got, dt.datetime):
        return False
    printed = (got.hour, got.minute, got.second)[: len(case.clock)]
    return printed == case.clock


def projection(case: Case, value: Any) -> Any:
    """What is compared, for "do the two parsers agree": date, plus the printed clock (two
    answers to a relative form agree when both are within the slack of the truth)."""
    got = _wall(value)
    if got is None:
        return None
    if not isinstance(got, dt.datetime):
        return (got,)
    if case.clock is None:
        return (got.date(),)
    return (got.date(), got.hour, got.minute, got.second)[: 1 + len(case.clock)]


def why_dateparser_is_wrong(case: Case, value: Any, today: dt.date) -> str:
    """A label for one dateparser miss, from what it returned."""
    got = _wall(value)
    if case.day is None:
        return "dateparser takes a placeholder for a real date"
    if got is None:
        if case.shape.startswith("label"):
            return "dateparser finds no date behind a label ('Ngày đăng:', 'Cập nhật:')"
        if case.shape == "newspaper style":
            return "dateparser finds no date in the newspaper line (label + weekday + GMT+7)"
        return "dateparser finds no date"
    got_day = got.date() if isinstance(got, dt.datetime) else got
    if case.relative:
        delta = dt.datetime.combine(case.day, dt.time(*(case.clock or (0, 0))))
        if isinstance(got, dt.datetime) and case.clock is not None:
            hours = round((got - delta).total_seconds() / 3600)
            return (
                f"dateparser reads 'X giờ/phút trước' against the machine clock "
                f"({time.tzname[0]}), {hours:+d} h off Vietnam time"
            )
        return (
            f"dateparser counts days back from the machine's date ({time.tzname[0]}), not Vietnam's"
        )
    if got_day == today and case.day != today:
        return "dateparser returns today's date"
    if got_day == case.day:
        return "dateparser gets the day but not the printed time"
    if (got_day.month, got_day.day) == (case.day.day, case.day.month):
        return "dateparser reads the date month first"
    return "dateparser returns another date"


def why_parse_date_is_wrong(case: Case, value: Any) -> str:
    if case.day is None:
        return "parse_date takes a placeholder for a real date"
    if value is None:
        return "parse_date finds no date"
    return "parse_date returns another date or time"


# -- timing ---------------------------------------------------------------------------------


def timed(fn: Callable[[str], Any], texts: list[str], runs: int) -> tuple[float, float]:
    """(best, median) seconds for one pass over `texts`."""
    passes = []
    for _ in range(runs):
        start = time.perf_counter()
        for text in texts:
            fn(text)
        passes.append(time.perf_counter() - start)
    return min(passes), statistics.median(passes)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.dates", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--n", type=int, default=5000, help="strings to generate (5000)")
    parser.add_argument("--seed", type=int, default=7, help="random seed (7)")
    parser.add_argument("--runs", type=int, default=3, help="timed passes, best reported (3)")
    parser.add_argument("--check", action="store_true", help="parse_date only; exit 1 if wrong")
    args = parser.parse_args(argv)

    now = dt.datetime.now(VN_TZ).replace(second=0, microsecond=0, tzinfo=None)
    base = now.replace(tzinfo=VN_TZ)
    cases = generate(args.n, args.seed, now)
    texts = [c.text for c in cases]

    def ours(text: str) -> Any:
        return parse_date(text, base=base).value

    ours_values = [ours(t) for t in texts]
    ours_ok = [correct(c, v) for c, v in zip(cases, ours_values, strict=True)]
    wrong = [(c, v) for c, v, ok in zip(cases, ours_values, ours_ok, strict=True) if not ok]
    if args.check:
        for case, value in wrong[:20]:
            print(f"WRONG {case.shape}: {case.text!r} -> {value!r} (truth {case.day} {case.clock})")
        print(f"parse_date: {len(cases) - len(wrong)}/{len(cases)} correct (seed {args.seed})")
        return 1 if wrong else 0

    import dateparser

    def theirs(text: str) -> Any:
        return dateparser.parse(text, languages=["vi"])

    for text in texts[:200]:  # warm up: imports, locale data, regex caches
        ours(text)
        theirs(text)
    ours_best, ours_median = timed(ours, texts, args.runs)
    theirs_best, theirs_median = timed(theirs, texts, args.runs)
    theirs_values = [theirs(t) for t in texts]
    today = dt.date.today()

    n = len(cases)
    theirs_ok = [correct(c, v) for c, v in zip(cases, theirs_values, strict=True)]
    agree = [
        (ok_a and ok_b) or projection(c, a) == projection(c, b)
        for c, a, b, ok_a, ok_b in zip(
            cases, ours_values, theirs_values, ours_ok, theirs_ok, strict=True
        )
    ]
    print(
        f"bench.dates: {n} publication-date strings (seed {args.seed}), best of {args.runs} "
        f"passes; Python {platform.python_version()}, {os.cpu_count()} CPUs, "
        f"dateparser {dateparser.__version__}"
    )
    print()
    print(f"{'':28}{'best':>12}{'median':>12}{'per string':>14}")
    for name, best, median in (
        ("normalize.dates.parse_date", ours_best, ours_median),
        ("dateparser.parse(vi)", theirs_best, theirs_median),
    ):
        per = best / n * 1e6
        print(f"{name:28}{best * 1e3:>9.1f} ms{median * 1e3:>9.1f} ms{per:>11.1f} µs")
    print(f"parse_date is {theirs_best / ours_best:.1f}x faster")
    print()
    print("correct (calendar date at +07:00, and the clock time when one is printed):")
    print(f"  parse_date  {_share(sum(ours_ok), n)}")
    print(f"  dateparser  {_share(sum(theirs_ok), n)}")
    print(f"  the two agree on {_share(sum(agree), n)}")
    print()
    print(f"{'shape':28}{'strings':>8}{'parse_date':>12}{'dateparser':>12}")
    by_shape: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for c, a, b in zip(cases, ours_ok, theirs_ok, strict=True):
        row = by_shape[c.shape]
        row[0] += 1
        row[1] += a
        row[2] += b
    for shape, (count, a, b) in sorted(by_shape.items(), key=lambda kv: -kv[1][0]):
        print(f"{shape:28}{count:>8}{a / count:>11.1%}{b / count:>12.1%}")

    groups: dict[tuple[str, str], list[tuple[Case, Any, Any]]] = defaultdict(list)
    for c, a, b, ok_a, ok_b, same in zip(
        cases, ours_values, theirs_values, ours_ok, theirs_ok, agree, strict=True
    ):
        if same and ok_a == ok_b:
            continue
        if ok_a and not ok_b:
            label = why_dateparser_is_wrong(c, b, today)
        elif ok_b and not ok_a:
            label = why_parse_date_is_wrong(c, a)
        else:
            label = "both wrong: " + why_parse_date_is_wrong(c, a)
        groups[(c.shape, label)].append((c, a, b))
    print()
    total = sum(len(v) for v in groups.values())
    print(f"disagreements: {total}, by shape and who is wrong")
    for (shape, label), items in sorted(groups.items(), key=lambda kv: -len(kv[1])):
        print(f"  [{shape}] {len(items)}: {label}")
        for case, a, b in items[:2]:
            print(
                f"      {case.text!r}: truth {_truth(case)}; parse_date {_show(a)}; "
                f"dateparser {_show(b)}"
            )
    verdicts = Counter(label.split(" ", 1)[0] for _, label in groups)
    print()
    print(
        "every disagreement is a dateparser error"
        if set(verdicts) <= {"dateparser"}
        else f"NOT every disagreement is a dateparser error: {dict(verdicts)}"
    )
    return 0


def _share(k: int, n: int) -> str:
    return f"{k / n:7.2%}  ({k}/{n})"


def _truth(case: Case) -> str:
    if case.day is None:
        return "no date"
    if case.clock is None:
        return case.day.isoformat()
    return f"{case.day.isoformat()} " + ":".join(f"{x:02d}" for x in case.clock)


def _show(value: Any) -> str:
    if value is None:
        return "None"
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ", timespec="seconds")
    return value.isoformat()


if __name__ == "__main__":
    sys.exit(main())
