"""`python -m normalize KIND` as a user runs it: lines in, one JSON object per line out."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def run(kind: str, lines: list[str], *args: str) -> list[dict]:
    result = subprocess.run(
        [sys.executable, "-m", "normalize", kind, *args],
        input="\n".join(lines) + "\n",
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(out) == len(lines)
    return out


def test_date():
    out = run(
        "date", ["Thứ 5, 22/05/2014 | 20:15:07", "Ngày đăng: 11-10-2020", "-0001-11-30 07:06:30"]
    )
    assert [o["value"] for o in out] == ["2014-05-22T20:15:07+07:00", "2020-10-11", None]
    assert [o["precision"] for o in out] == ["second", "day", None]
    assert out[0]["input"] == "Thứ 5, 22/05/2014 | 20:15:07"


def test_date_relative_needs_a_base():
    assert run("date", ["hôm qua"])[0]["value"] is None
    out = run("date", ["hôm qua"], "--base", "2024-03-10T09:00:00+07:00")
    assert out[0]["value"] == "2024-03-09"


def test_province_as_it_was_and_today():
    out = run("province", ["Kiên Giang", "Khánh Hoà", "Atlantis"], "--on", "2019-01-01")
    assert (out[0]["id"], out[0]["current_id"], out[0]["current_name"]) == (
        "kien-giang",
        "an-giang",
        "An Giang",
    )
    assert out[1]["id"] == "khanh-hoa"
    assert out[2] == {
        "input": "Atlantis",
        "id": None,
        "name": None,
        "current_id": None,
        "current_name": None,
        "status": None,
        "kind": None,
    }


def test_unit():
    out = run("unit", ["VP Sở KH&CN", "Sở KH&CN tỉnh Cao Bằng", "Sở Nội vụ"])
    assert out[0]["id"] == "office"
    assert (out[1]["id"], out[1]["province_id"]) == ("department", "cao-bang")
    assert out[2]["id"] is None


def test_byline_reads_json_string_literals_with_newlines():
    body = "Nội dung bài viết về hội nghị.\n\nMINH TRÍ\nTrung tâm Thông tin và Thống kê KH&CN"
    out = run("byline", [json.dumps(body, ensure_ascii=False)])
    assert out[0]["authors"] == ["Minh Trí"]
    assert out[0]["unit"] == "Trung tâm Thông tin và Thống kê KH&CN"
    assert out[0]["body"] == "Nội dung bài viết về hội nghị."


def test_people():
    out = run("people", ["Đồng chí Lâm Văn Tân, Bí thư Đảng ủy, Giám đốc Sở KH&CN đến dự."])
    mention = out[0]["mentions"][0]
    assert mention["name"] == "Lâm Văn Tân"
    assert len(mention["positions"]) == 2


def test_docrefs():
    out = run("docrefs", ["Thực hiện Kế hoạch 3617/KH-UBND ngày 15/12/2015 của UBND tỉnh."])
    ref = out[0]["refs"][0]
    assert (ref["type"], ref["number"], ref["issuer"], ref["date"]) == (
        "Kế hoạch",
        "3617/KH-UBND",
        "UBND",
        "2015-12-15",
    )


def test_text():
    out = run("text", [json.dumps("Lượt xem: 12\n\nNội dung\n\nTin khác\n\nBài khác")])
    assert out[0]["text"] == "Nội dung"
    assert out[0]["fold"] == "noi dung"


@pytest.mark.parametrize(
    "kind",
    [
        "date",
        "province",
        "unit",
        "byline",
        "people",
        "docrefs",
        "text",
        "dates",
        "provinces",
        "units",
    ],
)
def test_every_kind_survives_junk(kind):
    junk = ["", "\x00\x01\x02", '"unterminated', "<<<>>>", "x" * 5000, "\ud7ff\ufffd"]
    out = run(kind, junk)
    assert all("error" not in o for o in out)


def test_help_documents_every_kind():
    result = subprocess.run(
        [sys.executable, "-m", "normalize", "--help"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    for kind in ["date", "province", "unit", "byline", "people", "docrefs", "text"]:
        assert f"\n{kind} " in result.stdout
