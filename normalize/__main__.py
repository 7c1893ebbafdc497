"""`python -m normalize KIND`: run one normalizer over stdin, one JSON object per line out.

Each input line is one value: plain text, or a JSON string literal ("...") when the text has
newlines. Every output line is a JSON object with the input as `input` plus the fields below;
a line that cannot be read still gives an object (with nulls), never a crash.

KIND       fields
date       value (ISO 8601 or null), precision (day|minute|second|null), local_date
           [--base ISO-DATETIME: "now" for relative forms such as "2 giờ trước"]
dates      mentions [{value, precision, year_inferred, text, start, end}]: dates in a body
           [--published YYYY-MM-DD: the year of "ngày 23/12"]
province   id, name, current_id, current_name, status, kind (nulls when unknown)
           [--on YYYY-MM-DD: the date the name was written, default today]
provinces  mentions [{id, text, start, end}]: provinces named in a text
unit       id, name, province_id (nulls when unknown) [--province ID: for a bare "Sở KH&CN"]
units      mentions [{id, name, province_id, text, start, end}]: units named in a text
byline     authors, unit, unit_id, source, byline, body: the byline taken off a body's end
people     mentions [{name, honorific, academic, positions, unit, unit_id, text, start, end}]
docrefs    refs [{type, number, issuer, date, title, year, text, start, end}]
text       text (NFC, boilerplate and newspaper tags removed), fold (the matching key)

Examples:
  echo 'Thứ 5, 22/05/2014 | 20:15:07' | python -m normalize date
  echo 'Đắc Lắc' | python -m normalize province --on 2019-01-01
  echo '"Nội dung.\\n\\nMINH TRÍ"' | python -m normalize byline
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterable
from datetime import date, datetime
from typing import Any

Handler = Callable[[str, argparse.Namespace], dict[str, Any]]


def _date(text: str, args: argparse.Namespace) -> dict[str, Any]:
    from normalize.dates import parse_date

    parsed = parse_date(text, base=args.base)
    local = parsed.local_date
    return {
        "value": parsed.iso,
        "precision": parsed.precision,
        "local_date": local.isoformat() if local else None,
    }


def _dates(text: str, args: argparse.Namespace) -> dict[str, Any]:
    from normalize.dates import find_dates

    return {
        "mentions": [
            {
                "value": m.value.isoformat(),
                "precision": m.precision,
                "year_inferred": m.year_inferred,
                "text": m.text,
                "start": m.start,
                "end": m.end,
            }
            for m in find_dates(text, published=args.published)
        ]
    }


def _province(text: str, args: argparse.Namespace) -> dict[str, Any]:
    from normalize.provinces import resolve_province

    match = resolve_province(text, args.on or date.today())
    if match is None:
        keys = ("id", "name", "current_id", "current_name", "status", "kind")
        return dict.fromkeys(keys)
    unit, current = match.province, match.current
    return {
        "id": unit.id,
        "name": unit.name,
        "current_id": current.id,
        "current_name": current.name,
        "status": unit.status,
        "kind": unit.kind,
    }


def _provinces(text: str, args: argparse.Namespace) -> dict[str, Any]:
    from normalize.provinces import find_provinces

    return {
        "mentions": [
            {"id": m.province_id, "text": m.text, "start": m.start, "end": m.end}
            for m in find_provinces(text)
        ]
    }


def _unit(text: str, args: argparse.Namespace) -> dict[str, Any]:
    from normalize.units import resolve_unit

    match = resolve_unit(text, province_id=args.province)
    if match is None:
        return {"id": None, "name": None, "province_id": None}
    return {"id": match.unit_id, "name": match.name, "province_id": match.province_id}


def _units(text: str, args: argparse.Namespace) -> dict[str, Any]:
    from normalize.units import find_units

    return {
        "mentions": [
            {
                "id": m.unit_id,
                "name": m.name,
                "province_id": m.province_id,
                "text": m.text,
                "start": m.start,
                "end": m.end,
            }
            for m in find_units(text, province_id=args.province)
        ]
    }


def _byline(text: str, args: argparse.Namespace) -> dict[str, Any]:
    from normalize.bylines import split_byline
    from normalize.units import resolve_unit

    byline = split_byline(text)
    unit = resolve_unit(byline.unit, province_id=args.province) if byline.unit else None
    return {
        "authors": byline.authors,
        "unit": byline.unit,
        "unit_id": unit.unit_id if unit else None,
        "source": byline.source,
        "byline": byline.raw or None,
        "body": byline.body,
    }


def _people(text: str, args: argparse.Namespace) -> dict[str, Any]:
    from normalize.people import find_people
    from normalize.units import resolve_unit

    mentions = []
    for m in find_people(text):
        unit_text = next((p.unit for p in m.positions if p.unit), None)
        unit = resolve_unit(unit_text, province_id=args.province) if unit_text else None
        mentions.append(
            {
                "name": m.name,
                "honorific": m.honorific,
                "academic": m.academic,
                "positions": [p.text for p in m.positions],
                "unit": unit_text,
                "unit_id": unit.unit_id if unit else None,
                "text": m.text,
                "start": m.start,
                "end": m.end,
            }
        )
    return {"mentions": mentions}


def _docrefs(text: str, args: argparse.Namespace) -> dict[str, Any]:
    from normalize.docrefs import find_docrefs

    return {
        "refs": [
            {
                "type": r.type,
                "number": r.number,
                "issuer": r.issuer,
                "date": r.date,
                "title": r.title,
                "year": r.year,
                "text": r.text,
                "start": r.start,
                "end": r.end,
            }
            for r in find_docrefs(text)
        ]
    }


def _text(text: str, args: argparse.Namespace) -> dict[str, Any]:
    from normalize.text import clean_body, fold, html_to_text

    cleaned = clean_body(html_to_text(text) if args.html else text)
    return {"text": cleaned, "fold": fold(cleaned)}


KINDS: dict[str, Handler] = {
    "date": _date,
    "dates": _dates,
    "province": _province,
    "provinces": _provinces,
    "unit": _unit,
    "units": _units,
    "byline": _byline,
    "people": _people,
    "docrefs": _docrefs,
    "text": _text,
}


def read_values(lines: Iterable[str]) -> Iterable[str]:
    """Each line as text: a JSON string literal is decoded, anything else taken as is."""
    for line in lines:
        line = line.rstrip("\r\n")
        if len(line) >= 2 and line.startswith('"') and line.endswith('"'):
            try:
                value = json.loads(line)
            except ValueError:
                value = line
            yield value if isinstance(value, str) else line
        else:
            yield line


def _iso_date(value: str) -> date:
    return date.fromisoformat(value)


def _iso_datetime(value: str) -> datetime:
    return datetime.fromisoformat(value)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m normalize",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("kind", choices=sorted(KINDS))
    parser.add_argument("--on", type=_iso_date, help="province: the date of the text")
    parser.add_argument("--base", type=_iso_datetime, help="date: 'now' for relative dates")
    parser.add_argument("--published", type=_iso_date, help="dates: the publication date")
    parser.add_argument("--province", help="unit, units, byline, people: the article's province")
    parser.add_argument("--html", action="store_true", help="text: the input is HTML")
    args = parser.parse_args(argv)
    handler = KINDS[args.kind]
    out = sys.stdout
    for value in read_values(sys.stdin):
        try:
            result = handler(value, args)
        except Exception as error:  # a normalizer must not raise; say so instead of dying
            result = {"error": f"{type(error).__name__}: {error}"}
        out.write(json.dumps({"input": value, **result}, ensure_ascii=False) + "\n")
        out.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
