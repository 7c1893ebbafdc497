"""Tests for normalize.docrefs: every printed shape of a document reference, the seeds'
sentences, what must not match, spans, and the data file."""

from __future__ import annotations

import csv
import time
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from normalize.docrefs import DocRef, find_docrefs
from normalize.text import nfc, strip_diacritics

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "tests" / "seeds"
DOC_TYPES = ROOT / "data" / "doc_types.csv"

Facts = tuple[str, str | None, str | None, str | None, str | None, int | None, str]


def facts(ref: DocRef) -> Facts:
    return (ref.type, ref.number, ref.issuer, ref.date, ref.title, ref.year, ref.text)


def all_facts(text: str) -> list[Facts]:
    refs = find_docrefs(text)
    for ref in refs:
        assert text[ref.start : ref.end] == ref.text
    return [facts(ref) for ref in refs]


# One reference per text: (text, (type, number, issuer, date, title, year, text as printed)).
SINGLE: list[tuple[str, Facts]] = [
    # -- formats.md, "Document references" --------------------------------------------------
    (
        "Nghị quyết số 12-NQ/TW ngày 05/06/2023",
        (
            "Nghị quyết",
            "12-NQ/TW",
            "TW",
            "2023-06-05",
            None,
            2023,
            "Nghị quyết số 12-NQ/TW ngày 05/06/2023",
        ),
    ),
    (
        "Kế hoạch 2145/KH-UBND ngày 03/11/2021",
        (
            "Kế hoạch",
            "2145/KH-UBND",
            "UBND",
            "2021-11-03",
            None,
            2021,
            "Kế hoạch 2145/KH-UBND ngày 03/11/2021",
        ),
    ),
    (
        "Công văn số 870/SNV-TĐKT",
        ("Công văn", "870/SNV-TĐKT", "SNV", None, None, None, "Công văn số 870/SNV-TĐKT"),
    ),
    ("Chỉ thị 18-CT/TW", ("Chỉ thị", "18-CT/TW", "TW", None, None, None, "Chỉ thị 18-CT/TW")),
    (
        "Nghị quyết 05/NQ-CP",
        ("Nghị quyết", "05/NQ-CP", "CP", None, None, None, "Nghị quyết 05/NQ-CP"),
    ),
    (
        "Quyết định số 312/QĐ-SKHCN",
        ("Quyết định", "312/QĐ-SKHCN", "SKHCN", None, None, None, "Quyết định số 312/QĐ-SKHCN"),
    ),
    (
        "Thông tư số 07/2020/TT-BKHCN",
        ("Thông tư", "07/2020/TT-BKHCN", "BKHCN", None, None, 2020, "Thông tư số 07/2020/TT-BKHCN"),
    ),
    (
        "Nghị định 40/2023/NĐ-CP",
        ("Nghị định", "40/2023/NĐ-CP", "CP", None, None, 2023, "Nghị định 40/2023/NĐ-CP"),
    ),
    (
        "Luật Khoa học và Công nghệ 2013",
        (
            "Luật",
            None,
            None,
            None,
            "Luật Khoa học và Công nghệ",
            2013,
            "Luật Khoa học và Công nghệ 2013",
        ),
    ),
    # -- the invented articles' bodies ------------------------------------------------------
    (
        "Căn cứ Quyết định số 312/QĐ-UBND ngày 05/02/2021 của UBND tỉnh Kiên Giang",
        (
            "Quyết định",
            "312/QĐ-UBND",
            "UBND",
            "2021-02-05",
            None,
            2021,
            "Quyết định số 312/QĐ-UBND ngày 05/02/2021",
        ),
    ),
    (
        "Căn cứ Thông tư số 07/2014/TT-BKHCN ngày 26/5/2014 của Bộ Khoa học và Công nghệ",
        (
            "Thông tư",
            "07/2014/TT-BKHCN",
            "BKHCN",
            "2014-05-26",
            None,
            2014,
            "Thông tư số 07/2014/TT-BKHCN ngày 26/5/2014",
        ),
    ),
    (
        "chứng nhận 02 doanh nghiệp khoa học và công nghệ theo "
        "Nghị định 13/2019/NĐ-CP của Chính phủ.",
        ("Nghị định", "13/2019/NĐ-CP", "CP", None, None, 2019, "Nghị định 13/2019/NĐ-CP"),
    ),
    (
        "(chi tiết tại Công văn số 245/SKHCN-QLKH ngày 16/3/2018).",
        (
            "Công văn",
            "245/SKHCN-QLKH",
            "SKHCN",
            "2018-03-16",
            None,
            2018,
            "Công văn số 245/SKHCN-QLKH ngày 16/3/2018",
        ),
    ),
    (
        "Kế hoạch thực hiện Nghị quyết số 57-NQ/TW của Bộ Chính trị.",
        ("Nghị quyết", "57-NQ/TW", "TW", None, None, None, "Nghị quyết số 57-NQ/TW"),
    ),
    (
        "tham mưu UBND thành phố ban hành Kế hoạch 2145/KH-UBND ngày 03/11/2017 triển khai",
        (
            "Kế hoạch",
            "2145/KH-UBND",
            "UBND",
            "2017-11-03",
            None,
            2017,
            "Kế hoạch 2145/KH-UBND ngày 03/11/2017",
        ),
    ),
    (
        "khai thác hiệu quả các nhiệm vụ theo Nghị định số 08/2014/NĐ-CP.",
        ("Nghị định", "08/2014/NĐ-CP", "CP", None, None, 2014, "Nghị định số 08/2014/NĐ-CP"),
    ),
    (
        "từ ngày 01/7/2025 theo Nghị quyết số 202/2025/QH15 của Quốc hội",
        ("Nghị quyết", "202/2025/QH15", "QH15", None, None, 2025, "Nghị quyết số 202/2025/QH15"),
    ),
    (
        "Thực hiện Quyết định số 86/QĐ-TĐC ngày 05/5/2016 của Chi cục trưởng",
        (
            "Quyết định",
            "86/QĐ-TĐC",
            "TĐC",
            "2016-05-05",
            None,
            2016,
            "Quyết định số 86/QĐ-TĐC ngày 05/5/2016",
        ),
    ),
    (
        "Chủ tịch UBND tỉnh ban hành Quyết định số 1587/QĐ-UBND về việc công bố danh mục",
        ("Quyết định", "1587/QĐ-UBND", "UBND", None, None, None, "Quyết định số 1587/QĐ-UBND"),
    ),
    # -- "số" and its variants ----------------------------------------------------------------
    (
        "Quyết định 312/QĐ-UBND",
        ("Quyết định", "312/QĐ-UBND", "UBND", None, None, None, "Quyết định 312/QĐ-UBND"),
    ),
    (
        "Quyết định số: 312/QĐ-UBND",
        ("Quyết định", "312/QĐ-UBND", "UBND", None, None, None, "Quyết định số: 312/QĐ-UBND"),
    ),
    (
        "Quyết định Số : 312/QĐ-UBND",
        ("Quyết định", "312/QĐ-UBND", "UBND", None, None, None, "Quyết định Số : 312/QĐ-UBND"),
    ),
    (
        "Quyết định so 312/QĐ-UBND",
        ("Quyết định", "312/QĐ-UBND", "UBND", None, None, None, "Quyết định so 312/QĐ-UBND"),
    ),
    # words run together where an inline tag ended
    (
        "Quyết định số312/QĐ-UBND",
        ("Quyết định", "312/QĐ-UBND", "UBND", None, None, None, "Quyết định số312/QĐ-UBND"),
    ),
    # -- spacing and dashes -------------------------------------------------------------------
    (
        "Quyết định số 312 /QĐ-UBND",
        ("Quyết định", "312/QĐ-UBND", "UBND", None, None, None, "Quyết định số 312 /QĐ-UBND"),
    ),
    (
        "Quyết định số 312/ QĐ-UBND",
        ("Quyết định", "312/QĐ-UBND", "UBND", None, None, None, "Quyết định số 312/ QĐ-UBND"),
    ),
    (
        "Quyết định số 312 / QĐ - UBND",
        ("Quyết định", "312/QĐ-UBND", "UBND", None, None, None, "Quyết định số 312 / QĐ - UBND"),
    ),
    (
        "Quyết định số 312/QĐ–UBND",
        ("Quyết định", "312/QĐ-UBND", "UBND", None, None, None, "Quyết định số 312/QĐ–UBND"),
    ),
    (
        "Quyết định số 312/QĐ—UBND",
        ("Quyết định", "312/QĐ-UBND", "UBND", None, None, None, "Quyết định số 312/QĐ—UBND"),
    ),
    (
        "Nghị quyết số 12 – NQ/TW",
        ("Nghị quyết", "12-NQ/TW", "TW", None, None, None, "Nghị quyết số 12 – NQ/TW"),
    ),
    (
        "Thông tư số 07 / 2020 / TT - BKHCN",
        (
            "Thông tư",
            "07/2020/TT-BKHCN",
            "BKHCN",
            None,
            None,
            2020,
            "Thông tư số 07 / 2020 / TT - BKHCN",
        ),
    ),
    (
        "Quyết\u00a0định\u00a0số\u00a0312/QĐ-UBND\u00a0ngày\u00a015/3/2021",
        (
            "Quyết định",
            "312/QĐ-UBND",
            "UBND",
            "2021-03-15",
            None,
            2021,
            "Quyết\u00a0định\u00a0số\u00a0312/QĐ-UBND\u00a0ngày\u00a015/3/2021",
        ),
    ),
    (
        "Quyết định số\u2009312/QĐ\u2009–\u2009UBND",
        (
            "Quyết định",
            "312/QĐ-UBND",
            "UBND",
            None,
            None,
            None,
            "Quyết định số\u2009312/QĐ\u2009–\u2009UBND",
        ),
    ),
    # -- case and diacritics of the type word -------------------------------------------------
    (
        "quyết định số 312/QĐ-UBND",
        ("Quyết định", "312/QĐ-UBND", "UBND", None, None, None, "quyết định số 312/QĐ-UBND"),
    ),
    (
        "QUYẾT ĐỊNH SỐ 312/QĐ-UBND NGÀY 15/3/2021",
        (
            "Quyết định",
            "312/QĐ-UBND",
            "UBND",
            "2021-03-15",
            None,
            2021,
            "QUYẾT ĐỊNH SỐ 312/QĐ-UBND NGÀY 15/3/2021",
        ),
    ),
    (
        "Quyet dinh so 312/QĐ-UBND",
        ("Quyết định", "312/QĐ-UBND", "UBND", None, None, None, "Quyet dinh so 312/QĐ-UBND"),
    ),
    (
        "nghị quyết 05/NQ-CP",
        ("Nghị quyết", "05/NQ-CP", "CP", None, None, None, "nghị quyết 05/NQ-CP"),
    ),
    # -- dates ----------------------------------------------------------------------------------
    (
        "Quyết định số 312/QĐ-UBND ngày 15 tháng 3 năm 2021 của UBND tỉnh",
        (
            "Quyết định",
            "312/QĐ-UBND",
            "UBND",
            "2021-03-15",
            None,
            2021,
            "Quyết định số 312/QĐ-UBND ngày 15 tháng 3 năm 2021",
        ),
    ),
    (
        "Quyết định số 312/QĐ-UBND ngày 15-3-2021",
        (
            "Quyết định",
            "312/QĐ-UBND",
            "UBND",
            "2021-03-15",
            None,
            2021,
            "Quyết định số 312/QĐ-UBND ngày 15-3-2021",
        ),
    ),
    (
        "Quyết định số 312/QĐ-UBND ngày 15.03.2021",
        (
            "Quyết định",
            "312/QĐ-UBND",
            "UBND",
            "2021-03-15",
            None,
            2021,
            "Quyết định số 312/QĐ-UBND ngày 15.03.2021",
        ),
    ),
    # the year in the number wins over the date's
    (
        "Thông tư số 07/2020/TT-BKHCN ngày 03/01/2021",
        (
            "Thông tư",
            "07/2020/TT-BKHCN",
            "BKHCN",
            "2021-01-03",
            None,
            2020,
            "Thông tư số 07/2020/TT-BKHCN ngày 03/01/2021",
        ),
    ),
    # a date after a comma, without a year, impossible or before 1990 is not the document's
    (
        "Quyết định số 312/QĐ-UBND, ngày 15/3/2021 Sở tổ chức",
        ("Quyết định", "312/QĐ-UBND", "UBND", None, None, None, "Quyết định số 312/QĐ-UBND"),
    ),
    (
        "Quyết định số 312/QĐ-UBND ngày 15/3 của UBND tỉnh",
        ("Quyết định", "312/QĐ-UBND", "UBND", None, None, None, "Quyết định số 312/QĐ-UBND"),
    ),
    (
        "Quyết định số 312/QĐ-UBND ngày 31/02/2021",
        ("Quyết định", "312/QĐ-UBND", "UBND", None, None, None, "Quyết định số 312/QĐ-UBND"),
    ),
    (
        "Nghị định số 12/CP ngày 1/3/1989",
        ("Nghị định", "12/CP", "CP", None, None, None, "Nghị định số 12/CP"),
    ),
    # -- issuers ------------------------------------------------------------------------------
    ("Chỉ thị 16/CT-TTg", ("Chỉ thị", "16/CT-TTg", "TTg", None, None, None, "Chỉ thị 16/CT-TTg")),
    (
        "Quyết định 749/QĐ-TTg",
        ("Quyết định", "749/QĐ-TTg", "TTg", None, None, None, "Quyết định 749/QĐ-TTg"),
    ),
    ("Nghị định 35/CP", ("Nghị định", "35/CP", "CP", None, None, None, "Nghị định 35/CP")),
    (
        "Văn bản số 123/UBND-KT",
        ("Văn bản", "123/UBND-KT", "UBND", None, None, None, "Văn bản số 123/UBND-KT"),
    ),
    (
        "Công văn số 1234/BKHCN-PTTTDN",
        (
            "Công văn",
            "1234/BKHCN-PTTTDN",
            "BKHCN",
            None,
            None,
            None,
            "Công văn số 1234/BKHCN-PTTTDN",
        ),
    ),
    (
        "Công văn số 123/CV-UBND",
        ("Công văn", "123/CV-UBND", "UBND", None, None, None, "Công văn số 123/CV-UBND"),
    ),
    (
        "Quyết định số 123/QĐ-SKHCN-VP",
        (
            "Quyết định",
            "123/QĐ-SKHCN-VP",
            "SKHCN",
            None,
            None,
            None,
            "Quyết định số 123/QĐ-SKHCN-VP",
        ),
    ),
    (
        "Công văn số 45/SKH&CN-VP",
        ("Công văn", "45/SKH&CN-VP", "SKH&CN", None, None, None, "Công văn số 45/SKH&CN-VP"),
    ),
    (
        "Hướng dẫn 45-HD/BTGTW",
        ("Hướng dẫn", "45-HD/BTGTW", "BTGTW", None, None, None, "Hướng dẫn 45-HD/BTGTW"),
    ),
    (
        "Kết luận số 69-KL/TW",
        ("Kết luận", "69-KL/TW", "TW", None, None, None, "Kết luận số 69-KL/TW"),
    ),
    # joint documents: every body after the joint code
    (
        "Thông tư liên tịch số 55/2015/TTLT-BTC-BKHCN ngày 22/4/2015",
        (
            "Thông tư liên tịch",
            "55/2015/TTLT-BTC-BKHCN",
            "BTC-BKHCN",
            "2015-04-22",
            None,
            2015,
            "Thông tư liên tịch số 55/2015/TTLT-BTC-BKHCN ngày 22/4/2015",
        ),
    ),
    (
        "Nghị quyết liên tịch số 01/2020/NQLT-CP-UBTƯMTTQVN",
        (
            "Nghị quyết liên tịch",
            "01/2020/NQLT-CP-UBTƯMTTQVN",
            "CP-UBTƯMTTQVN",
            None,
            None,
            2020,
            "Nghị quyết liên tịch số 01/2020/NQLT-CP-UBTƯMTTQVN",
        ),
    ),
    # a code in lower case, or a word after a spaced dash, ends the number
    (
        "Quyết định số 312/QĐ-UBND - Sở KH&CN chủ trì",
        ("Quyết định", "312/QĐ-UBND", "UBND", None, None, None, "Quyết định số 312/QĐ-UBND"),
    ),
    (
        "Quyết định số 312/QĐ-UBND - Sa Pa",
        ("Quyết định", "312/QĐ-UBND", "UBND", None, None, None, "Quyết định số 312/QĐ-UBND"),
    ),
    # -- other types and their codes ----------------------------------------------------------
    (
        "Tờ trình số 12/TTr-SKHCN",
        ("Tờ trình", "12/TTr-SKHCN", "SKHCN", None, None, None, "Tờ trình số 12/TTr-SKHCN"),
    ),
    (
        "Quy định số 08-QĐi/TW",
        ("Quy định", "08-QĐi/TW", "TW", None, None, None, "Quy định số 08-QĐi/TW"),
    ),
    # the word decides over a code shared with another type
    (
        "Quy định số 205-QĐ/TW",
        ("Quy định", "205-QĐ/TW", "TW", None, None, None, "Quy định số 205-QĐ/TW"),
    ),
    (
        "Thông tri số 01-TT/TW",
        ("Thông tri", "01-TT/TW", "TW", None, None, None, "Thông tri số 01-TT/TW"),
    ),
    (
        "Hợp đồng số 05/2023/HĐ-KHCN",
        ("Hợp đồng", "05/2023/HĐ-KHCN", "KHCN", None, None, 2023, "Hợp đồng số 05/2023/HĐ-KHCN"),
    ),
    (
        "Lệnh số 05/2023/L-CTN",
        ("Lệnh", "05/2023/L-CTN", "CTN", None, None, 2023, "Lệnh số 05/2023/L-CTN"),
    ),
    (
        "Thông báo số 45/TB-SKHCN",
        ("Thông báo", "45/TB-SKHCN", "SKHCN", None, None, None, "Thông báo số 45/TB-SKHCN"),
    ),
    (
        "Báo cáo số 120/BC-UBND",
        ("Báo cáo", "120/BC-UBND", "UBND", None, None, None, "Báo cáo số 120/BC-UBND"),
    ),
    (
        "Đề án số 03/ĐA-UBND",
        ("Đề án", "03/ĐA-UBND", "UBND", None, None, None, "Đề án số 03/ĐA-UBND"),
    ),
    (
        "Công điện số 05/CĐ-TTg",
        ("Công điện", "05/CĐ-TTg", "TTg", None, None, None, "Công điện số 05/CĐ-TTg"),
    ),
    (
        "Giấy mời số 31/GM-SKHCN",
        ("Giấy mời", "31/GM-SKHCN", "SKHCN", None, None, None, "Giấy mời số 31/GM-SKHCN"),
    ),
    (
        "Quy chế số 02/QC-SKHCN",
        ("Quy chế", "02/QC-SKHCN", "SKHCN", None, None, None, "Quy chế số 02/QC-SKHCN"),
    ),
    (
        "Pháp lệnh số 02/2022/UBTVQH15",
        (
            "Pháp lệnh",
            "02/2022/UBTVQH15",
            "UBTVQH15",
            None,
            None,
            2022,
            "Pháp lệnh số 02/2022/UBTVQH15",
        ),
    ),
    # the generic word takes the type of the number's code
    (
        "Văn bản số 312/QĐ-UBND",
        ("Quyết định", "312/QĐ-UBND", "UBND", None, None, None, "Văn bản số 312/QĐ-UBND"),
    ),
    (
        "Văn bản hợp nhất số 12/VBHN-BKHCN",
        (
            "Văn bản hợp nhất",
            "12/VBHN-BKHCN",
            "BKHCN",
            None,
            None,
            None,
            "Văn bản hợp nhất số 12/VBHN-BKHCN",
        ),
    ),
    # -- a number with a type code and no type word -------------------------------------------
    (
        "theo số 312/QĐ-UBND của UBND tỉnh",
        ("Quyết định", "312/QĐ-UBND", "UBND", None, None, None, "số 312/QĐ-UBND"),
    ),
    (
        "theo 1587/QĐ-UBND của UBND tỉnh",
        ("Quyết định", "1587/QĐ-UBND", "UBND", None, None, None, "1587/QĐ-UBND"),
    ),
    (
        "(số 2937/QĐ-SHTT)",
        ("Quyết định", "2937/QĐ-SHTT", "SHTT", None, None, None, "số 2937/QĐ-SHTT"),
    ),
    ("Số: 45/TB-SKHCN", ("Thông báo", "45/TB-SKHCN", "SKHCN", None, None, None, "Số: 45/TB-SKHCN")),
    ("Số: 12-NQ/TW", ("Nghị quyết", "12-NQ/TW", "TW", None, None, None, "Số: 12-NQ/TW")),
    ("số 08-QĐi/TW", ("Quy định", "08-QĐi/TW", "TW", None, None, None, "số 08-QĐi/TW")),
    ("số 12/QyĐ-UBND", ("Quy định", "12/QyĐ-UBND", "UBND", None, None, None, "số 12/QyĐ-UBND")),
    (
        "số 07/2020/TT-BKHCN ngày 10/6/2020",
        (
            "Thông tư",
            "07/2020/TT-BKHCN",
            "BKHCN",
            "2020-06-10",
            None,
            2020,
            "số 07/2020/TT-BKHCN ngày 10/6/2020",
        ),
    ),
    # a type word followed by other words: the number alone, typed by its code
    (
        "Quyết định phê duyệt số 312/QĐ-UBND",
        ("Quyết định", "312/QĐ-UBND", "UBND", None, None, None, "số 312/QĐ-UBND"),
    ),
    (
        "Chương trình hành động số 15-CTr/TU",
        ("Chương trình", "15-CTr/TU", "TU", None, None, None, "số 15-CTr/TU"),
    ),
    # "Thông tri" has no code of its own: "TT" is Thông tư's
    ("số 01-TT/TW", ("Thông tư", "01-TT/TW", "TW", None, None, None, "số 01-TT/TW")),
    # -- a number and its year only, a bare number ---------------------------------------------
    (
        "Nghị định 13/2019 của Chính phủ",
        ("Nghị định", "13/2019", None, None, None, 2019, "Nghị định 13/2019"),
    ),
    (
        "Nghị quyết 57 của Bộ Chính trị",
        ("Nghị quyết", "57", None, None, None, None, "Nghị quyết 57"),
    ),
    ("thực hiện Nghị quyết 57.", ("Nghị quyết", "57", None, None, None, None, "Nghị quyết 57")),
    (
        "triển khai Nghị quyết 57 ngày 22/12/2024",
        ("Nghị quyết", "57", None, "2024-12-22", None, 2024, "Nghị quyết 57 ngày 22/12/2024"),
    ),
    ("Đề án 06 của Chính phủ", ("Đề án", "06", None, None, None, None, "Đề án 06")),
    ("Chương trình 135 và", ("Chương trình", "135", None, None, None, None, "Chương trình 135")),
    ("theo kế hoạch số 12.", ("Kế hoạch", "12", None, None, None, None, "kế hoạch số 12")),
    # -- laws, codes and ordinances by name ----------------------------------------------------
    (
        "và thực hiện tốt Luật Thi đua, khen thưởng và các văn bản hướng dẫn.",
        ("Luật", None, None, None, "Luật Thi đua, khen thưởng", None, "Luật Thi đua, khen thưởng"),
    ),
    (
        "thực hiện Luật Khoa học, công nghệ và đổi mới sáng tạo.",
        (
            "Luật",
            None,
            None,
            None,
            "Luật Khoa học, công nghệ và đổi mới sáng tạo",
            None,
            "Luật Khoa học, công nghệ và đổi mới sáng tạo",
        ),
    ),
    (
        "Luật Khoa học và Công nghệ năm 2013",
        (
            "Luật",
            None,
            None,
            None,
            "Luật Khoa học và Công nghệ",
            2013,
            "Luật Khoa học và Công nghệ năm 2013",
        ),
    ),
    (
        "Luật Khoa học và công nghệ 2013",
        (
            "Luật",
            None,
            None,
            None,
            "Luật Khoa học và công nghệ",
            2013,
            "Luật Khoa học và công nghệ 2013",
        ),
    ),
    (
        "Luật Đất đai năm 2024 có hiệu lực",
        ("Luật", None, None, None, "Luật Đất đai", 2024, "Luật Đất đai năm 2024"),
    ),
    (
        "Luật Đất đai ban hành năm 2013",
        ("Luật", None, None, None, "Luật Đất đai", None, "Luật Đất đai"),
    ),
    ("Luật Đất đai 2013-2020", ("Luật", None, None, None, "Luật Đất đai", None, "Luật Đất đai")),
    ("Luật Đất đai, theo đó", ("Luật", None, None, None, "Luật Đất đai", None, "Luật Đất đai")),
    (
        "Luật Đất đai, cơ quan nhà nước có thẩm quyền",
        ("Luật", None, None, None, "Luật Đất đai", None, "Luật Đất đai"),
    ),
    (
        "Luật Đất đai và tuyên truyền pháp luật",
        ("Luật", None, None, None, "Luật Đất đai", None, "Luật Đất đai"),
    ),
    (
        "Luật Khoa học và công nghệ.",
        ("Luật", None, None, None, "Luật Khoa học", None, "Luật Khoa học"),
    ),
    (
        "Luật Phòng, chống tham nhũng năm 2018",
        (
            "Luật",
            None,
            None,
            None,
            "Luật Phòng, chống tham nhũng",
            2018,
            "Luật Phòng, chống tham nhũng năm 2018",
        ),
    ),
    (
        "Luật Sở hữu trí tuệ",
        ("Luật", None, None, None, "Luật Sở hữu trí tuệ", None, "Luật Sở hữu trí tuệ"),
    ),
    (
        "Luật Ngân sách nhà nước quy định",
        ("Luật", None, None, None, "Luật Ngân sách nhà nước", None, "Luật Ngân sách nhà nước"),
    ),
    (
        "Luật Giao thông đường bộ",
        ("Luật", None, None, None, "Luật Giao thông đường bộ", None, "Luật Giao thông đường bộ"),
    ),
    (
        "Luật Thực hiện dân chủ ở cơ sở",
        (
            "Luật",
            None,
            None,
            None,
            "Luật Thực hiện dân chủ ở cơ sở",
            None,
            "Luật Thực hiện dân chủ ở cơ sở",
        ),
    ),
    # "số" that is not a number's ("digital") stays in the title
    (
        "Luật Công nghiệp công nghệ số",
        (
            "Luật",
            None,
            None,
            None,
            "Luật Công nghiệp công nghệ số",
            None,
            "Luật Công nghiệp công nghệ số",
        ),
    ),
    (
        "Luật Chuyển đổi số 2025",
        ("Luật", None, None, None, "Luật Chuyển đổi số", 2025, "Luật Chuyển đổi số 2025"),
    ),
    ("Luật KH&CN 2013", ("Luật", None, None, None, "Luật KH&CN", 2013, "Luật KH&CN 2013")),
    (
        "LUẬT KHOA HỌC VÀ CÔNG NGHỆ",
        (
            "Luật",
            None,
            None,
            None,
            "LUẬT KHOA HỌC VÀ CÔNG NGHỆ",
            None,
            "LUẬT KHOA HỌC VÀ CÔNG NGHỆ",
        ),
    ),
    (
        "Bộ luật Lao động 2019",
        ("Bộ luật", None, None, None, "Bộ luật Lao động", 2019, "Bộ luật Lao động 2019"),
    ),
    (
        "Pháp lệnh Thư viện",
        ("Pháp lệnh", None, None, None, "Pháp lệnh Thư viện", None, "Pháp lệnh Thư viện"),
    ),
    (
        "Luật số 29/2013/QH13",
        ("Luật", "29/2013/QH13", "QH13", None, None, 2013, "Luật số 29/2013/QH13"),
    ),
    (
        "Căn cứ Luật Khoa học và Công nghệ số 29/2013/QH13 ngày 18 tháng 6 năm 2013;",
        (
            "Luật",
            "29/2013/QH13",
            "QH13",
            "2013-06-18",
            "Luật Khoa học và Công nghệ",
            2013,
            "Luật Khoa học và Công nghệ số 29/2013/QH13 ngày 18 tháng 6 năm 2013",
        ),
    ),
    (
        "Căn cứ Luật Giao dịch điện tử số 20/2023/QH15;",
        (
            "Luật",
            "20/2023/QH15",
            "QH15",
            None,
            "Luật Giao dịch điện tử",
            2023,
            "Luật Giao dịch điện tử số 20/2023/QH15",
        ),
    ),
    (
        "Luật Sở hữu trí tuệ ngày 29 tháng 11 năm 2005",
        (
            "Luật",
            None,
            None,
            "2005-11-29",
            "Luật Sở hữu trí tuệ",
            2005,
            "Luật Sở hữu trí tuệ ngày 29 tháng 11 năm 2005",
        ),
    ),
    # -- named Central Committee resolutions -------------------------------------------------
    (
        "gắn với Nghị quyết Trung ương 4; tiếp tục",
        (
            "Nghị quyết",
            None,
            None,
            None,
            "Nghị quyết Trung ương 4",
            None,
            "Nghị quyết Trung ương 4",
        ),
    ),
    (
        "Nghị quyết Trung ương 4 khóa XII về xây dựng Đảng",
        (
            "Nghị quyết",
            None,
            None,
            None,
            "Nghị quyết Trung ương 4 khóa XII",
            None,
            "Nghị quyết Trung ương 4 khóa XII",
        ),
    ),
    (
        "Nghị quyết Trung ương 4 (khóa XII)",
        (
            "Nghị quyết",
            None,
            None,
            None,
            "Nghị quyết Trung ương 4 (khóa XII)",
            None,
            "Nghị quyết Trung ương 4 (khóa XII)",
        ),
    ),
    (
        "Nghị quyết Hội nghị Trung ương 8 khóa XI",
        (
            "Nghị quyết",
            None,
            None,
            None,
            "Nghị quyết Hội nghị Trung ương 8 khóa XI",
            None,
            "Nghị quyết Hội nghị Trung ương 8 khóa XI",
        ),
    ),
    ("Nghị quyết TW4", ("Nghị quyết", None, None, None, "Nghị quyết TW4", None, "Nghị quyết TW4")),
]


@pytest.mark.parametrize(("text", "expected"), SINGLE, ids=[t for t, _ in SINGLE])
def test_single_reference(text: str, expected: Facts) -> None:
    assert all_facts(text) == [expected]


@pytest.mark.parametrize(("text", "expected"), SINGLE, ids=[t for t, _ in SINGLE])
def test_reference_in_a_sentence_keeps_its_facts_and_span(text: str, expected: Facts) -> None:
    prefix = "Sở KH&CN (Phòng QLKH) đã căn cứ "
    sentence = f"{prefix}{text}; ngoài ra 95% hồ sơ đạt yêu cầu."
    refs = find_docrefs(sentence)
    assert [facts(r) for r in refs] == [expected]
    assert refs[0].start == len(prefix) + text.index(expected[6])
    assert sentence[refs[0].start : refs[0].end] == expected[6]


@pytest.mark.parametrize(("text", "expected"), SINGLE, ids=[t for t, _ in SINGLE])
def test_decomposed_input_gives_spans_of_the_input(text: str, expected: Facts) -> None:
    nfd = unicodedata.normalize("NFD", text)
    refs = find_docrefs(nfd)
    assert len(refs) == 1
    ref = refs[0]
    assert nfd[ref.start : ref.end] == ref.text
    assert nfc(ref.text) == nfc(expected[6])
    assert facts(ref)[:6] == expected[:6]


MULTI: list[tuple[str, list[Facts]]] = [
    (
        "Nghị quyết số 12-NQ/TW ngày 05/06/2023, Kế hoạch 2145/KH-UBND ngày 03/11/2021, "
        "Công văn số 870/SNV-TĐKT và Chỉ thị 18-CT/TW.",
        [
            (
                "Nghị quyết",
                "12-NQ/TW",
                "TW",
                "2023-06-05",
                None,
                2023,
                "Nghị quyết số 12-NQ/TW ngày 05/06/2023",
            ),
            (
                "Kế hoạch",
                "2145/KH-UBND",
                "UBND",
                "2021-11-03",
                None,
                2021,
                "Kế hoạch 2145/KH-UBND ngày 03/11/2021",
            ),
            ("Công văn", "870/SNV-TĐKT", "SNV", None, None, None, "Công văn số 870/SNV-TĐKT"),
            ("Chỉ thị", "18-CT/TW", "TW", None, None, None, "Chỉ thị 18-CT/TW"),
        ],
    ),
    (
        "tuyên truyền về Luật Đo lường, Thông tư số 23/2013/TT-BKHCN quy định về đo lường",
        [
            ("Luật", None, None, None, "Luật Đo lường", None, "Luật Đo lường"),
            (
                "Thông tư",
                "23/2013/TT-BKHCN",
                "BKHCN",
                None,
                None,
                2013,
                "Thông tư số 23/2013/TT-BKHCN",
            ),
        ],
    ),
    (
        "thực hiện Luật Khoa học, công nghệ và đổi mới sáng tạo và Nghị quyết số 57-NQ/TW, Sở sẽ",
        [
            (
                "Luật",
                None,
                None,
                None,
                "Luật Khoa học, công nghệ và đổi mới sáng tạo",
                None,
                "Luật Khoa học, công nghệ và đổi mới sáng tạo",
            ),
            ("Nghị quyết", "57-NQ/TW", "TW", None, None, None, "Nghị quyết số 57-NQ/TW"),
        ],
    ),
    (
        "Luật Tiêu chuẩn và Quy chuẩn kỹ thuật, Luật Chất lượng sản phẩm, hàng hóa "
        "và Luật Đo lường",
        [
            (
                "Luật",
                None,
                None,
                None,
                "Luật Tiêu chuẩn và Quy chuẩn kỹ thuật",
                None,
                "Luật Tiêu chuẩn và Quy chuẩn kỹ thuật",
            ),
            (
                "Luật",
                None,
                None,
                None,
                "Luật Chất lượng sản phẩm, hàng hóa",
                None,
                "Luật Chất lượng sản phẩm, hàng hóa",
            ),
            ("Luật", None, None, None, "Luật Đo lường", None, "Luật Đo lường"),
        ],
    ),
    (
        "Luật Khoa học và Công nghệ và Nghị định số 08/2014/NĐ-CP",
        [
            (
                "Luật",
                None,
                None,
                None,
                "Luật Khoa học và Công nghệ",
                None,
                "Luật Khoa học và Công nghệ",
            ),
            ("Nghị định", "08/2014/NĐ-CP", "CP", None, None, 2014, "Nghị định số 08/2014/NĐ-CP"),
        ],
    ),
    (
        "Quyết định số 312/QĐ-UBND và số 313/QĐ-UBND ngày 16/3/2021",
        [
            ("Quyết định", "312/QĐ-UBND", "UBND", None, None, None, "Quyết định số 312/QĐ-UBND"),
            (
                "Quyết định",
                "313/QĐ-UBND",
                "UBND",
                "2021-03-16",
                None,
                2021,
                "số 313/QĐ-UBND ngày 16/3/2021",
            ),
        ],
    ),
    # "HĐ" (Hợp đồng) and "HD" (Hướng dẫn) fold alike: the printed letters decide
    (
        "số 05/HĐ-KHCN và số 06/HD-SKHCN",
        [
            ("Hợp đồng", "05/HĐ-KHCN", "KHCN", None, None, None, "số 05/HĐ-KHCN"),
            ("Hướng dẫn", "06/HD-SKHCN", "SKHCN", None, None, None, "số 06/HD-SKHCN"),
        ],
    ),
    (
        "Nghị quyết 57, Nghị quyết 59 và Nghị quyết 66 của Bộ Chính trị",
        [
            ("Nghị quyết", "57", None, None, None, None, "Nghị quyết 57"),
            ("Nghị quyết", "59", None, None, None, None, "Nghị quyết 59"),
            ("Nghị quyết", "66", None, None, None, None, "Nghị quyết 66"),
        ],
    ),
    # a date belongs to the reference right before it, not to the next
    (
        "Kế hoạch 3617/KH-UBND ngày 15/12/2015 của Ủy ban nhân dân tỉnh Cao Bằng, Công văn số "
        "1295/SNV-BTĐKH ngày 14/7/2016 của Sở Nội vụ",
        [
            (
                "Kế hoạch",
                "3617/KH-UBND",
                "UBND",
                "2015-12-15",
                None,
                2015,
                "Kế hoạch 3617/KH-UBND ngày 15/12/2015",
            ),
            (
                "Công văn",
                "1295/SNV-BTĐKH",
                "SNV",
                "2016-07-14",
                None,
                2016,
                "Công văn số 1295/SNV-BTĐKH ngày 14/7/2016",
            ),
        ],
    ),
]


@pytest.mark.parametrize(("text", "expected"), MULTI, ids=[t[:60] for t, _ in MULTI])
def test_several_references(text: str, expected: list[Facts]) -> None:
    assert all_facts(text) == expected


NOTHING = [
    # numbers that are not document numbers
    "Phấn đấu trên 95% cán bộ công chức, viên chức đạt danh hiệu lao động tiên tiến",
    "năm 2019 chỉ có 50/132 (37,9%) hồ sơ được công nhận sáng kiến cấp tỉnh",
    "Tốc độ đổi mới công nghệ đạt 19,07%, tăng 0,97% so với cùng kỳ",
    "Tổ chức 29 lớp tập huấn với hơn 1.200 lượt người tham dự",
    "Điện thoại: 0290.3861234 - 0290 3 862 456, Fax: (0275) 3.822.111",
    "Mật độ thả 250 - 300 con/m², năng suất đạt 35 - 40 tấn/ha/vụ",
    "mua nước ngọt với giá 150.000 đồng/m³, 50 kg/ha, 120 km/h",
    "Số nhà 12/3A, số 45/KP2, hẻm 7/12",
    # dates, times and ranges
    "giai đoạn 2015-2020, 2015 – 2020, nhiệm kỳ 2017 - 2022",
    "Ngày 08/9/2017, Sở tổ chức hội nghị; ngày 8/3; Thứ 5, 22/05/2014 | 20:15:07",
    "từ tháng 6/2014 đến tháng 12/2016",
    "Ngày 31 tháng 12 năm 2019, Sở Khoa học và Công nghệ tổ chức Hội nghị",
    # technical standards and addresses on the web
    "nước sau lọc đạt QCVN 01-1:2018/BYT về chất lượng nước sạch",
    "ghi nhãn hàng hóa theo QCVN 2:2008/BKHCN, QCVN 01:2015/BKHCN",
    "Hệ thống quản lý chất lượng theo TCVN ISO 9001:2015",
    "https://skhcn.gov.vn/van-ban/12/QD-UBND",
    # type words without a number or a name
    "Báo cáo kiểm điểm việc thực hiện Nghị quyết hội nghị công chức viên chức năm 2016",
    "thực hiện thắng lợi Nghị quyết Hội nghị đã đề ra",
    "Đánh giá việc thực hiện Nghị quyết Đại hội Đảng bộ tỉnh Bến Tre lần thứ X",
    "Nghị quyết Hội nghị lần thứ sáu Ban chấp hành Trung ương Đảng khóa XIII",
    "dự thảo Nghị quyết của HĐND tỉnh do MTTQ tỉnh chủ trì",
    "Biểu mẫu và công văn hướng dẫn xem tại các văn bản hướng dẫn",
    "Tại Hội nghị, Văn phòng Sở đã thông qua Quy chế tổ chức hoạt động",
    "kế hoạch triển khai thực hiện; báo cáo hoạt động; chương trình giảm nghèo bền vững",
    "theo quy định của luật. Luật sư Nguyễn Văn An, LUẬT SƯ Trần Bình, Luật gia Lê Hà",
    "Kế hoạch Sở 12.",
    # a number after a type word that is a year, a count, a decimal, or not printed as a name
    "Kế hoạch 2021.",
    "Kế hoạch 5 năm 2021-2025",
    "Quyết định 3 nội dung quan trọng",
    "Nghị quyết 57.5",
    "kế hoạch 12.",
    # numbers without a type code are not typed by themselves
    "theo số 12/UBND-VP và số 870/SNV-TĐKT",
    "số 12/2023 và số 202/2025/QH15",
    # codes in lower case are no codes
    "Quyết định số 312/qđ-ubnd",
    "số 312/qđ-UBND",
]


@pytest.mark.parametrize("text", NOTHING)
def test_no_reference(text: str) -> None:
    assert find_docrefs(text) == []


def _seed(prefix: str) -> str:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("seed", "expected"),
    [
        ("000", []),
        (
            "001",
            [
                (
                    "Nghị quyết",
                    None,
                    None,
                    None,
                    "Nghị quyết Trung ương 4",
                    None,
                    "Nghị quyết Trung ương 4",
                )
            ],
        ),
        (
            "002",
            [
                (
                    "Kế hoạch",
                    "3617/KH-UBND",
                    "UBND",
                    "2015-12-15",
                    None,
                    2015,
                    "Kế hoạch 3617/KH-UBND ngày 15/12/2015",
                ),
                (
                    "Công văn",
                    "1295/SNV-BTĐKH",
                    "SNV",
                    "2016-07-14",
                    None,
                    2016,
                    "Công văn số 1295/SNV-BTĐKH ngày 14/7/2016",
                ),
                ("Chỉ thị", "34-CT/TW", "TW", None, None, None, "Chỉ thị 34-CT/TW"),
                (
                    "Luật",
                    None,
                    None,
                    None,
                    "Luật Thi đua, khen thưởng",
                    None,
                    "Luật Thi đua, khen thưởng",
                ),
            ],
        ),
        ("003", [("Nghị quyết", "02/NQ-CP", "CP", None, None, None, "Nghị quyết 02/NQ-CP")]),
        ("004", []),
    ],
)
def test_seed_articles(seed: str, expected: list[Facts]) -> None:
    assert all_facts(_seed(seed)) == expected


# -- the data file ----------------------------------------------------------------------------


def _rows() -> list[dict[str, str]]:
    with DOC_TYPES.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        assert reader.fieldnames == ["type", "code", "name_en"]
        return list(reader)


def test_data_has_the_types_pages_cite() -> None:
    rows = _rows()
    types = {r["type"] for r in rows}
    expected = {
        "Nghị quyết", "Quyết định", "Kế hoạch", "Công văn", "Chỉ thị", "Thông tư",
        "Thông tư liên tịch", "Nghị định", "Luật", "Pháp lệnh", "Thông báo", "Báo cáo",
        "Tờ trình", "Chương trình", "Đề án", "Hướng dẫn", "Kết luận", "Quy định", "Quy chế",
        "Công điện", "Giấy mời", "Lệnh", "Văn bản",
    }  # fmt: skip
    assert expected <= types
    for row in rows:
        assert row["type"] == nfc(row["type"]).strip() and row["name_en"].strip(), row
    codes = [r["code"] for r in rows if r["code"]]
    assert len(codes) == len(set(codes)), "a code names one type"


@pytest.mark.parametrize("row", _rows(), ids=lambda r: f"{r['type']}-{r['code']}")
def test_every_type_word_and_code_is_recognized(row: dict[str, str]) -> None:
    kind, code = row["type"], row["code"]
    (typed,) = find_docrefs(f"theo {kind} số 17/2024/ABC-XY ngày 02/01/2024")
    assert (typed.type, typed.number, typed.issuer, typed.year) == (
        kind,
        "17/2024/ABC-XY",
        "ABC",
        2024,
    )
    # case, diacritics and đ do not matter in the word
    (bare_word,) = find_docrefs(f"theo {strip_diacritics(kind).upper()} so 17/ABC-XY.")
    assert bare_word.type == kind
    if code:
        (by_code,) = find_docrefs(f"theo số 17/{code}-UBND.")
        assert (by_code.type, by_code.number, by_code.issuer) == (kind, f"17/{code}-UBND", "UBND")


# -- invariants --------------------------------------------------------------------------------

FRAGMENTS = [
    "Quyết định", "quyết định", "Nghị quyết", "Luật", "Bộ luật", "Thông tư liên tịch",
    "Văn bản", "Trung ương", "khóa", "XII", "số", "Số:", "Sở", "ngày", "tháng", "năm",
    "và", "các", "của", "Khoa", "học", "Công", "nghệ", "đổi", "mới", "12", "312", "2013",
    "2021", "05", "/", "-", "–", "—", " ", " ", " ", "\u00a0", "\n", ",", ".", ":", "(",
    ")", "QĐ", "UBND", "NQ", "TW", "TT", "BKHCN", "TTg", "QĐi", "qđ", "HĐ", "KH&CN", "%",
    "\u0301", "\u0323", "Đ", "ß", "İ", "\ud800", "💡",
]  # fmt: skip


def _check_invariants(text: str) -> None:
    refs = find_docrefs(text)
    previous_end = 0
    for ref in refs:
        assert 0 <= previous_end <= ref.start < ref.end <= len(text)
        assert text[ref.start : ref.end] == ref.text
        previous_end = ref.end
        if ref.number is not None:
            assert ref.number == nfc(ref.number)
            assert not any(ch.isspace() for ch in ref.number)
        if ref.date is not None:
            assert len(ref.date) == 10 and ref.date[4] == "-" and ref.date[7] == "-"
        if ref.year is not None:
            assert 1945 <= ref.year <= 2100


@given(st.text(max_size=300))
def test_any_text_never_raises_and_spans_are_in_bounds(text: str) -> None:
    _check_invariants(text)


@settings(max_examples=300)
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=40).map("".join))
def test_reference_like_text_never_raises_and_spans_are_in_bounds(text: str) -> None:
    _check_invariants(text)


def test_not_a_string_gives_nothing() -> None:
    assert find_docrefs(None) == []  # type: ignore[arg-type]
    assert find_docrefs("") == []


def test_a_20_kb_body_takes_well_under_10_ms() -> None:
    body = "\n\n".join(_seed(p) for p in ("002", "003", "001"))
    body = (body * (20_000 // len(body) + 1))[:20_000]
    expected = len(find_docrefs(body))
    assert expected >= 10
    best = float("inf")
    for _ in range(5):
        started = time.perf_counter()
        assert len(find_docrefs(body)) == expected
        best = min(best, time.perf_counter() - started)
    assert best < 0.010
