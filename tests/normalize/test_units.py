import csv
import datetime
import re
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from normalize.provinces import provinces
from normalize.text import fold
from normalize.units import (
    UnitMatch,
    abbreviations,
    expand_abbreviations,
    find_units,
    resolve_unit,
    units,
)

DATA = Path(__file__).resolve().parents[2] / "data"
SLUG = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
KINDS = {
    "department",
    "office",
    "inspectorate",
    "division",
    "sub-department",
    "center",
    "union",
    "party",
    "external",
}


def _rows(name: str) -> list[dict[str, str]]:
    with (DATA / name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


# -- the tables ----------------------------------------------------------------------------


def test_units_table_is_well_formed():
    table = units()
    assert len(table) == len(_rows("units.csv"))
    assert table["department"].kind == "department"
    assert table["department"].parent_id is None
    for unit in table.values():
        assert SLUG.match(unit.id), unit.id
        assert unit.kind in KINDS, unit.id
        assert unit.name and unit.name_en, unit.id
        if unit.kind == "external":
            assert unit.parent_id is None, unit.id
        elif unit.kind != "department":
            assert unit.parent_id == "department", unit.id
        if unit.since and unit.until:
            assert unit.since <= unit.until, unit.id


def test_the_2025_merger_dates():
    table = units()
    merger = datetime.date(2025, 3, 1)
    for unit_id in ("post-telecom", "digital-transformation", "ict-center"):
        assert table[unit_id].since == merger
        assert table[unit_id].parent_id == "department"
    assert table["dept-information-communications"].until == datetime.date(2025, 2, 28)
    assert table["dept-information-communications"].kind == "external"
    assert table["office"].since is None and table["office"].until is None


def test_aliases_point_to_known_units_and_fold_uniquely():
    rows = _rows("unit_aliases.csv")
    table = units()
    assert all(r["unit_id"] in table for r in rows)
    keys = [fold(r["alias"]) for r in rows]
    duplicates = {k for k in keys if keys.count(k) > 1}
    assert not duplicates
    # Every unit can be named by at least its canonical name and one more spelling.
    named = {r["unit_id"] for r in rows}
    assert named == set(table)


def test_every_alias_and_canonical_name_resolves_to_its_unit():
    pairs = [(r["alias"], r["unit_id"]) for r in _rows("unit_aliases.csv")]
    pairs += [(u.name, u.id) for u in units().values()]
    for alias, unit_id in pairs:
        match = resolve_unit(alias)
        assert match is not None, alias
        assert match.unit_id == unit_id, alias
        assert (match.start, match.end) == (0, len(alias)), alias


def test_abbreviation_table_covers_the_catalogue():
    table = abbreviations()
    for abbreviation in [
        "KH&CN",
        "KHCN",
        "KH-CN",
        "ĐMST",
        "CĐS",
        "TĐC",
        "SHTT",
        "TT&TT",
        "UBND",
        "HĐND",
        "MTTQ",
        "CBCCVC",
        "CBCCVC-LĐ",
        "BCH",
        "NCKH",
        "TBKHCN",
        "QLKH",
        "QLCN",
        "TCĐLCL",
        "KT-XH",
        "CNTT",
        "ATBX",
        "NQ",
        "QĐ",
    ]:
        assert table.get(abbreviation), abbreviation
    assert "KH" not in table  # ambiguous alone (kế hoạch, khách hàng, khoa học)
    assert all(v == v.strip() and v for v in table.values())


# -- resolve_unit --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "unit_id"),
    [
        # the department, every spelling of formats.md and neighbours
        ("Sở Khoa học và Công nghệ", "department"),
        ("Sở KH&CN", "department"),
        ("Sở KHCN", "department"),
        ("Sở KH-CN", "department"),
        ("Sở KH- CN", "department"),
        ("Sở KH -CN", "department"),
        ("Sở KH – CN", "department"),
        ("Sở KH & CN", "department"),
        ("Sở KH và CN", "department"),
        ("Sở Khoa học công nghệ", "department"),
        ("Sở Khoa học & Công nghệ", "department"),
        ("Sở Khoa học - Công nghệ", "department"),
        ("SỞ KHOA HỌC VÀ CÔNG NGHỆ", "department"),
        ("SỞ KH&CN", "department"),
        ("so khoa hoc va cong nghe", "department"),
        ("So KH&CN", "department"),
        ("sở  kh&cn", "department"),
        ("Sở\u00a0KH&CN", "department"),
        ("SKHCN", "department"),
        ("DOST", "department"),
        # office
        ("Văn phòng Sở", "office"),
        ("VP Sở", "office"),
        ("VP Sở KH&CN", "office"),
        ("Văn phòng Sở KH&CN", "office"),
        ("Văn phòng Sở Khoa học và Công nghệ", "office"),
        ("VĂN PHÒNG SỞ", "office"),
        ("Văn phòng", "office"),
        ("Van phong So", "office"),
        # inspectorate
        ("Thanh tra Sở", "inspectorate"),
        ("Thanh tra Sở KH&CN", "inspectorate"),
        ("THANH TRA SỞ", "inspectorate"),
        ("Thanh tra", "inspectorate"),
        # divisions
        ("Phòng Kế hoạch - Tài chính", "planning-finance"),
        ("Phòng Kế hoạch – Tài chính", "planning-finance"),
        ("Phòng Kế hoạch Tài chính", "planning-finance"),
        ("Phòng Kế hoạch và Tài chính", "planning-finance"),
        ("Phòng KH-TC", "planning-finance"),
        ("Phòng KHTC", "planning-finance"),
        ("Phòng KH&TC", "planning-finance"),
        ("Phòng Quản lý Khoa học", "science-management"),
        ("Phòng QLKH", "science-management"),
        ("phòng qlkh", "science-management"),
        ("Phòng QL Khoa học", "science-management"),
        ("Phòng QLKH Sở KH&CN", "science-management"),
        ("Phòng Quản lý Công nghệ và Thị trường công nghệ", "technology-management"),
        ("Phòng Quản lý Công nghệ", "technology-management"),
        ("Phòng QLCN", "technology-management"),
        ("Phòng QLCN&TTCN", "technology-management"),
        ("Phòng QLCN và TTCN", "technology-management"),
        ("Phòng QLCN & TTCN", "technology-management"),
        ("Phòng QLCN-TTCN", "technology-management"),
        ("Phòng Quản lý Chuyên ngành", "specialized-management"),
        ("Phòng QL Chuyên ngành", "specialized-management"),
        ("Phòng Quản lý Khoa học và Công nghệ cơ sở", "grassroots-management"),
        ("Phòng Quản lý KH&CN cơ sở", "grassroots-management"),
        ("Phòng QL KHCN cơ sở", "grassroots-management"),
        ("Phòng QLKH&CN cơ sở", "grassroots-management"),
        # sub-department and centres
        ("Chi cục Tiêu chuẩn Đo lường Chất lượng", "tdc"),
        ("Chi cục Tiêu chuẩn - Đo lường - Chất lượng", "tdc"),
        ("Chi cục TĐC", "tdc"),
        ("Chi cục TDC", "tdc"),
        ("Chi cục TÐC", "tdc"),  # Ð (U+00D0) typed for Đ
        ("CHI CỤC TĐC", "tdc"),
        ("Chi cục TCĐLCL", "tdc"),
        ("Chi cục TC-ĐL-CL", "tdc"),
        ("Chi cục TĐC thuộc Sở KH&CN", "tdc"),
        ("Chi cục TĐC trực thuộc Sở KH&CN", "tdc"),
        ("Trung tâm Thông tin và Thống kê KH&CN", "info-statistics-center"),
        ("Trung tâm Thông tin và Thống kê khoa học và công nghệ", "info-statistics-center"),
        ("Trung tâm Thông tin - Thống kê KH&CN", "info-statistics-center"),
        ("Trung tâm TT&TK KH&CN", "info-statistics-center"),
        ("TT Thông tin và Thống kê KH&CN", "info-statistics-center"),
        ("Trung tâm Thông tin KH&CN", "info-statistics-center"),
        ("Trung tâm Thông tin và Ứng dụng tiến bộ KH&CN", "info-application-center"),
        (
            "Trung tâm Thông tin và Ứng dụng tiến bộ khoa học và công nghệ",
            "info-application-center",
        ),
        ("Trung tâm Thông tin và Ứng dụng TBKHCN", "info-application-center"),
        ("TRUNG TÂM THÔNG TIN VÀ ỨNG DỤNG TBKH&CN", "info-application-center"),
        ("Trung tâm Thông tin - Ứng dụng tiến bộ KH&CN", "info-application-center"),
        ("Trung tâm Thông tin và Ứng dụng KH&CN", "info-application-center"),
        ("Trung tâm Ứng dụng tiến bộ KH&CN", "application-center"),
        ("Trung tâm Ứng dụng tiến bộ khoa học và công nghệ", "application-center"),
        ("Trung tâm Ứng dụng TBKHCN", "application-center"),
        ("Trung tam Ung dung tien bo KHCN", "application-center"),
        ("TT Ứng dụng TBKHCN", "application-center"),
        ("Trung tâm Kỹ thuật Tiêu chuẩn Đo lường Chất lượng", "tdc-technical-center"),
        ("Trung tâm KT TĐC", "tdc-technical-center"),
        ("Trung tâm Kỹ thuật TĐC", "tdc-technical-center"),
        ("Trung tâm KTTĐC", "tdc-technical-center"),
        # unions and party
        ("Công đoàn Sở", "trade-union"),
        ("Công đoàn cơ sở Sở", "trade-union"),
        ("Công đoàn cơ sở Sở KH&CN", "trade-union"),
        ("Công đoàn", "trade-union"),
        ("Đoàn Thanh niên Sở", "youth-union"),
        ("Chi đoàn Sở KH&CN", "youth-union"),
        ("Đảng ủy Sở", "party-committee"),
        ("Đảng uỷ Sở", "party-committee"),
        ("Đảng bộ Sở", "party-committee"),
        ("Đảng bộ Sở KH&CN", "party-committee"),
        ("DANG UY SO", "party-committee"),
        # units taken over from the Department of Information and Communications
        ("Phòng Bưu chính - Viễn thông", "post-telecom"),
        ("Phòng Bưu chính – Viễn thông", "post-telecom"),
        ("Phòng BCVT", "post-telecom"),
        ("Phòng BC-VT", "post-telecom"),
        ("Phòng Chuyển đổi số", "digital-transformation"),
        ("Phòng CĐS", "digital-transformation"),
        ("Phòng Công nghệ thông tin", "information-technology"),
        ("Phòng CNTT", "information-technology"),
        ("Trung tâm Công nghệ thông tin và Truyền thông", "ict-center"),
        ("Trung tâm CNTT&TT", "ict-center"),
        ("Trung tâm CNTT và TT", "ict-center"),
        ("Trung tâm CNTT - TT", "ict-center"),
        ("TT CNTT&TT", "ict-center"),
        # bodies outside the department
        ("Bộ Khoa học và Công nghệ", "ministry"),
        ("Bộ KH&CN", "ministry"),
        ("Bộ KHCN", "ministry"),
        ("Bộ KH-CN", "ministry"),
        ("BỘ KH&CN", "ministry"),
        ("Bộ Thông tin và Truyền thông", "ministry-information-communications"),
        ("Bộ TT&TT", "ministry-information-communications"),
        ("Ủy ban nhân dân", "people-committee"),
        ("Uỷ ban nhân dân tỉnh", "people-committee"),
        ("UBND", "people-committee"),
        ("UBND tỉnh", "people-committee"),
        ("UBND thành phố", "people-committee"),
        ("UBND TP", "people-committee"),
        ("Sở Thông tin và Truyền thông", "dept-information-communications"),
        ("Sở TT&TT", "dept-information-communications"),
        ("Sở TTTT", "dept-information-communications"),
        ("Sở TT-TT", "dept-information-communications"),
        ("Sở Thông tin & Truyền thông", "dept-information-communications"),
    ],
)
def test_resolve_unit(text, unit_id):
    match = resolve_unit(text)
    assert match is not None
    assert match.unit_id == unit_id
    assert match.name == units()[unit_id].name
    assert match.text == text[match.start : match.end]
    assert (match.start, match.end) == (0, len(text))


@pytest.mark.parametrize(
    ("text", "unit_id", "printed"),
    [
        ("(Thanh tra Sở)", "inspectorate", "Thanh tra Sở"),
        ("  VP Sở KH&CN. ", "office", "VP Sở KH&CN"),
        ("– Chi cục TĐC", "tdc", "Chi cục TĐC"),
        ("Sở KH&CN:", "department", "Sở KH&CN"),
    ],
)
def test_resolve_unit_ignores_surrounding_punctuation(text, unit_id, printed):
    match = resolve_unit(text)
    assert match is not None and match.unit_id == unit_id
    assert match.text == printed == text[match.start : match.end]


@pytest.mark.parametrize(
    ("text", "unit_id", "province_id"),
    [
        ("Sở KH&CN tỉnh Cao Bằng", "department", "cao-bang"),
        ("Sở KH&CN Tỉnh Cao Bằng", "department", "cao-bang"),
        ("SỞ KH&CN TỈNH CAO BẰNG", "department", "cao-bang"),
        ("Sở Khoa học và Công nghệ Bến Tre", "department", "ben-tre"),
        ("Sở Khoa học & Công nghệ tỉnh Bến Tre", "department", "ben-tre"),
        ("Sở KH- CN tỉnh Bến Tre", "department", "ben-tre"),
        ("Sở KH&CN thành phố Hải Phòng", "department", "hai-phong"),
        ("Sở KH&CN Thành phố Hải Phòng", "department", "hai-phong"),
        ("Sở KH&CN TP. Hải Phòng", "department", "hai-phong"),
        ("Sở KH&CN TP Hải Phòng", "department", "hai-phong"),
        ("Sở KH&CN Tp. Hồ Chí Minh", "department", "ho-chi-minh"),
        ("Sở KH&CN TP.HCM", "department", "ho-chi-minh"),
        ("Sở KH&CN TPHCM", "department", "ho-chi-minh"),
        ("Sở KH&CN tỉnh Bà Rịa - Vũng Tàu", "department", "ba-ria-vung-tau"),
        ("Sở KH&CN tỉnh Bà Rịa – Vũng Tàu", "department", "ba-ria-vung-tau"),
        ("Sở KH&CN BR-VT", "department", "ba-ria-vung-tau"),
        ("Sở KH&CN Thừa Thiên Huế", "department", "thua-thien-hue"),
        ("Sở KH&CN tỉnh Thừa Thiên - Huế", "department", "thua-thien-hue"),
        ("Sở KH&CN Khánh Hoà", "department", "khanh-hoa"),
        ("Sở KH&CN tỉnh Khánh Hòa", "department", "khanh-hoa"),
        ("Sở KH&CN tỉnh Đắk Lắk", "department", "dak-lak"),
        ("Sở KHCN Hà Nội", "department", "ha-noi"),
        ("Sở KH&CN tỉnh Kiên Giang", "department", "kien-giang"),
        ("VP Sở KH&CN tỉnh Lào Cai", "office", "lao-cai"),
        ("Văn phòng Sở Khoa học và Công nghệ Gia Lai", "office", "gia-lai"),
        ("Chi cục TĐC tỉnh Bến Tre", "tdc", "ben-tre"),
        ("Chi cục TĐC thuộc Sở KH&CN tỉnh Bà Rịa - Vũng Tàu", "tdc", "ba-ria-vung-tau"),
        ("Trung tâm Ứng dụng tiến bộ KH&CN tỉnh Phú Thọ", "application-center", "phu-tho"),
        ("UBND tỉnh Cao Bằng", "people-committee", "cao-bang"),
        ("UBND TP.HCM", "people-committee", "ho-chi-minh"),
        ("Ủy ban nhân dân thành phố Đà Nẵng", "people-committee", "da-nang"),
        ("UBND thành phố Cần Thơ", "people-committee", "can-tho"),
        ("Sở TT&TT tỉnh Yên Bái", "dept-information-communications", "yen-bai"),
    ],
)
def test_resolve_unit_with_province(text, unit_id, province_id):
    match = resolve_unit(text, province_id="ha-giang")
    assert match is not None
    assert (match.unit_id, match.province_id) == (unit_id, province_id)
    assert match.text == text


def test_province_argument_is_the_default():
    assert resolve_unit("Sở KH&CN").province_id is None
    assert resolve_unit("Sở KH&CN", province_id="cao-bang").province_id == "cao-bang"
    assert resolve_unit("Sở KH&CN tỉnh", province_id="cao-bang").province_id == "cao-bang"
    assert resolve_unit("UBND tỉnh", province_id="son-la").province_id == "son-la"
    assert resolve_unit("Phòng QLKH", province_id="son-la").province_id == "son-la"
    named = resolve_unit("Sở KH&CN tỉnh Bến Tre", province_id="cao-bang")
    assert named.province_id == "ben-tre"


def test_ministries_take_no_province():
    assert resolve_unit("Bộ KH&CN", province_id="cao-bang").province_id is None
    found = find_units("Bộ KH&CN Hà Nội", province_id="cao-bang")
    assert [(m.unit_id, m.text, m.province_id) for m in found] == [("ministry", "Bộ KH&CN", None)]


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "Sở Nội vụ",
        "Sở Tài chính",
        "Sở Y tế",
        "Sở Tư pháp",
        "Sở Kế hoạch và Đầu tư",
        "Sở KH&ĐT",
        "Sở GD&ĐT",
        "Sở Khoa học",
        "Văn phòng Sở Nội vụ",
        "Thanh tra Sở Tài chính",
        "Công đoàn Sở Y tế",
        "Phòng Kế hoạch - Tài chính Sở Giáo dục và Đào tạo",
        "Văn phòng UBND tỉnh",
        "Thanh tra tỉnh",
        "Thanh tra tỉnh Cao Bằng",
        "Thanh tra Chính phủ",
        "Văn phòng Chính phủ",
        "phòng họp",
        "văn phòng phẩm",
        "trung tâm hội nghị tỉnh",
        "Trung tâm",
        "Phòng",
        "Chi cục",
        "Chi cục Thủy lợi",
        "UBND huyện Bảo Lạc",
        "UBND xã Tân Lập",
        "Ủy ban nhân dân phường 3",
        "Trung tâm Thông tin KH&CN quốc gia",
        "Hồng Nhung – VP Sở KH&CN",
        "Sở KH&CN và Bộ KH&CN",
        "Sở KH&CN tổ chức hội nghị",
        "Sở KHCNTT",
        "KH&CN",
        "x" * 10_000,
        "\x00\x01",
    ],
)
def test_resolve_unit_rejects(text):
    assert resolve_unit(text) is None


# -- find_units ----------------------------------------------------------------------------


def _found(text: str, **kw) -> list[tuple[str, str, str | None]]:
    out = []
    for m in find_units(text, **kw):
        assert text[m.start : m.end] == m.text
        out.append((m.unit_id, m.text, m.province_id))
    return out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Đồng chí Trần Văn An, Bí thư Đảng ủy, Giám đốc Sở KH&CN chủ trì hội nghị.",
            [("department", "Sở KH&CN", None)],
        ),
        (
            "Ông Phạm Quốc Huy - Phó Giám đốc Sở KH&CN tỉnh Cao Bằng phát biểu",
            [("department", "Sở KH&CN tỉnh Cao Bằng", "cao-bang")],
        ),
        (
            "Chánh Văn phòng Sở và Chánh Thanh tra Sở cùng dự.",
            [("office", "Văn phòng Sở", None), ("inspectorate", "Thanh tra Sở", None)],
        ),
        (
            "Ngày 12/3, Văn phòng Sở Nội vụ làm việc với Văn phòng Sở KH&CN.",
            [("office", "Văn phòng Sở KH&CN", None)],
        ),
        (
            "Thanh tra Sở Tài chính và Thanh tra Sở phối hợp kiểm tra",
            [("inspectorate", "Thanh tra Sở", None)],
        ),
        (
            "công tác thanh tra, kiểm tra; mua văn phòng phẩm; sửa phòng họp",
            [],
        ),
        (
            "Hội nghị tại trung tâm hội nghị tỉnh do UBND tỉnh tổ chức",
            [("people-committee", "UBND tỉnh", None)],
        ),
        (
            "Văn phòng UBND tỉnh Cao Bằng và Chủ tịch UBND huyện Hà Quảng",
            [("people-committee", "UBND tỉnh Cao Bằng", "cao-bang")],
        ),
        (
            "theo Kế hoạch của Bộ KH&CN và Sở TT&TT tỉnh Hà Giang",
            [
                ("ministry", "Bộ KH&CN", None),
                ("dept-information-communications", "Sở TT&TT tỉnh Hà Giang", "ha-giang"),
            ],
        ),
        (
            "Sở Khoa học và Công nghệ Bến Tre phối hợp Chi cục TĐC",
            [
                ("department", "Sở Khoa học và Công nghệ Bến Tre", "ben-tre"),
                ("tdc", "Chi cục TĐC", None),
            ],
        ),
        (
            # "Văn phòng Sở TT&TT" is that department's office: only the department counts.
            "Văn phòng Sở TT&TT",
            [("dept-information-communications", "Sở TT&TT", None)],
        ),
        (
            "Chi bộ Văn phòng Sở tổ chức đại hội",
            [("office", "Văn phòng Sở", None)],
        ),
        (
            "Ngọc Lan\nTrung tâm Thông tin và Thống kê KH&CN",
            [("info-statistics-center", "Trung tâm Thông tin và Thống kê KH&CN", None)],
        ),
        (
            "Hồng Nhung – VP Sở KH&CN",
            [("office", "VP Sở KH&CN", None)],
        ),
        (
            "Văn Sơn - Phòng QLKH",
            [("science-management", "Phòng QLKH", None)],
        ),
        (
            "Quyết định số 312/QĐ-SKHCN của Sở KH&CN",
            [("department", "SKHCN", None), ("department", "Sở KH&CN", None)],
        ),
        (
            # a comma ends a name; a line break ends a province
            "Sở KH&CN, Bến Tre",
            [("department", "Sở KH&CN", None)],
        ),
        (
            "Sở KH&CN\nBến Tre",
            [("department", "Sở KH&CN", None)],
        ),
        (
            "Sở KH&CN. Hà Nội là",
            [("department", "Sở KH&CN", None)],
        ),
        (
            # lower case after the unit: a verb, not a province ("hòa bình" = peace)
            "Sở KH&CN hòa bình với",
            [("department", "Sở KH&CN", None)],
        ),
        (
            "Sở KH&CN Bến Tre Nguyễn Văn Nam",
            [("department", "Sở KH&CN Bến Tre", "ben-tre")],
        ),
        (
            "Giám đốc Sở KH&CN Trần Văn Hùng",
            [("department", "Sở KH&CN", None)],
        ),
        (
            "SỞ KH&CN TỈNH LAI CHÂU TỔ CHỨC HỘI NGHỊ",
            [("department", "SỞ KH&CN TỈNH LAI CHÂU", "lai-chau")],
        ),
        (
            "Phòng Chuyển đổi số, Phòng Bưu chính - Viễn thông và Trung tâm CNTT&TT",
            [
                ("digital-transformation", "Phòng Chuyển đổi số", None),
                ("post-telecom", "Phòng Bưu chính - Viễn thông", None),
                ("ict-center", "Trung tâm CNTT&TT", None),
            ],
        ),
        (
            # district, commune and national bodies are not the department's units
            "Trung tâm Thông tin KH&CN Quốc gia, UBND xã Tân Lập, Ủy ban nhân dân quận 3",
            [],
        ),
        (
            "Phòng QLKH Sở Y tế; Văn phòng Sở Cao Bằng",
            [("office", "Văn phòng Sở Cao Bằng", "cao-bang")],
        ),
        (
            "Sở KH&CN quản lý nhà nước",  # "quản" folds like "quận": still the department
            [("department", "Sở KH&CN", None)],
        ),
        (
            "Sở Quản lý KH&CN; ĐoànThanh tra",  # no such unit, runs-together words
            [],
        ),
        (
            "Công đoàn cơ sở Sở KH&CN tổ chức; công đoàn cơ sở các xã",
            [("trade-union", "Công đoàn cơ sở Sở KH&CN", None)],
        ),
        (
            "Phòng Quản lý Khoa học và Công nghệ cơ sở; Phòng Quản lý Khoa học",
            [
                ("grassroots-management", "Phòng Quản lý Khoa học và Công nghệ cơ sở", None),
                ("science-management", "Phòng Quản lý Khoa học", None),
            ],
        ),
        (
            "Trung tâm Thông tin và Ứng dụng tiến bộ KH&CN (Sở KH&CN)",
            [
                (
                    "info-application-center",
                    "Trung tâm Thông tin và Ứng dụng tiến bộ KH&CN",
                    None,
                ),
                ("department", "Sở KH&CN", None),
            ],
        ),
    ],
)
def test_find_units(text, expected):
    assert _found(text) == expected


def test_find_units_uses_the_province_argument():
    text = "Sở KH&CN phối hợp Chi cục TĐC tỉnh Bến Tre và Bộ KH&CN"
    assert _found(text, province_id="cao-bang") == [
        ("department", "Sở KH&CN", "cao-bang"),
        ("tdc", "Chi cục TĐC tỉnh Bến Tre", "ben-tre"),
        ("ministry", "Bộ KH&CN", None),
    ]


def test_find_units_spans_in_a_long_body():
    parts = [
        "Sáng 5/3, Sở KH&CN tỉnh Cao Bằng tổ chức hội nghị. ",
        "Tham dự có lãnh đạo Văn phòng Sở, Thanh tra Sở, Phòng QLKH. ",
        "Đại diện Bộ KH&CN và UBND tỉnh phát biểu. ",
        "Mua văn phòng phẩm cho phòng họp tại trung tâm hội nghị tỉnh. ",
    ]
    text = "".join(parts) * 50
    found = find_units(text)
    assert len(found) == 6 * 50
    previous_end = 0
    for m in found:
        assert previous_end <= m.start < m.end <= len(text)
        assert text[m.start : m.end] == m.text
        previous_end = m.end


def test_find_units_is_fast_on_a_20_kb_body():
    chunk = (
        "Ngày 5/3, Văn phòng Sở KH&CN tỉnh Cao Bằng phối hợp với Thanh tra Sở, UBND huyện "
        "Hà Quảng và Trung tâm Thông tin và Thống kê KH&CN tổ chức kiểm tra việc thực hiện "
        "các nhiệm vụ khoa học và công nghệ cấp cơ sở, văn phòng phẩm, phòng họp. "
    )
    body = (chunk * (20_000 // len(chunk) + 1))[:20_000]
    find_units(body)  # compile once
    best = min(_timed(find_units, body) for _ in range(10))
    assert best < 0.010, best


def _timed(fn, arg) -> float:
    start = time.perf_counter()
    fn(arg)
    return time.perf_counter() - start


# -- expand_abbreviations ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sở KH&CN", "Sở khoa học và công nghệ"),
        ("Sở KHCN", "Sở khoa học và công nghệ"),
        ("Sở KH-CN", "Sở khoa học và công nghệ"),
        ("Sở KH- CN", "Sở khoa học và công nghệ"),
        ("Sở KH & CN", "Sở khoa học và công nghệ"),
        ("Sở KH và CN", "Sở khoa học và công nghệ"),
        (
            "hoạt động KH&CN, ĐMST và CĐS",
            "hoạt động khoa học và công nghệ, đổi mới sáng tạo và chuyển đổi số",
        ),
        ("Chi cục TĐC", "Chi cục tiêu chuẩn đo lường chất lượng"),
        ("Chi cục TÐC", "Chi cục tiêu chuẩn đo lường chất lượng"),
        ("UBND tỉnh", "ủy ban nhân dân tỉnh"),
        ("HĐND, UBND, MTTQ", "hội đồng nhân dân, ủy ban nhân dân, mặt trận tổ quốc"),
        ("Sở TT&TT", "Sở thông tin và truyền thông"),
        ("CBCCVC-LĐ", "cán bộ, công chức, viên chức, người lao động"),
        ("CBCCVC", "cán bộ, công chức, viên chức"),
        ("BCH Công đoàn", "ban chấp hành Công đoàn"),
        ("đề tài NCKH", "đề tài nghiên cứu khoa học"),
        ("(SHTT)", "(sở hữu trí tuệ)"),
        ("Ứng dụng TBKHCN.", "Ứng dụng tiến bộ khoa học và công nghệ."),
        ("Phòng QLKH", "Phòng quản lý khoa học"),
        ("Phòng QLCN", "Phòng quản lý công nghệ"),
        ("Chi cục TCĐLCL", "Chi cục tiêu chuẩn đo lường chất lượng"),
        ("phát triển KT-XH", "phát triển kinh tế - xã hội"),
        ("ứng dụng CNTT", "ứng dụng công nghệ thông tin"),
        ("cấp phép ATBX", "cấp phép an toàn bức xạ"),
        ("theo NQ của", "theo nghị quyết của"),
        ("ban hành QĐ số 12", "ban hành quyết định số 12"),
        # codes keep their letters
        ("Nghị quyết số 12-NQ/TW", "Nghị quyết số 12-NQ/TW"),
        ("Quyết định số 312/QĐ-SKHCN", "Quyết định số 312/QĐ-SKHCN"),
        ("Kế hoạch 2145/KH-UBND", "Kế hoạch 2145/KH-UBND"),
        # not abbreviations: parts of words, lower case, the ambiguous "KH"
        ("UBNDX và xUBND", "UBNDX và xUBND"),
        ("ubnd tỉnh", "ubnd tỉnh"),
        ("Phòng KH-TC", "Phòng KH-TC"),
        ("sản phẩm OCOP", "sản phẩm OCOP"),
        ("", ""),
    ],
)
def test_expand_abbreviations(text, expected):
    assert expand_abbreviations(text) == expected


# -- never raises --------------------------------------------------------------------------

_PIECES = st.sampled_from(
    [
        "Sở",
        "KH&CN",
        "Sở KH&CN",
        "tỉnh",
        "TP.",
        "Cao Bằng",
        "Bà Rịa - Vũng Tàu",
        "Văn phòng",
        "Thanh tra",
        "VP Sở",
        "Chi cục TĐC",
        "UBND",
        "huyện",
        "Nội vụ",
        "thuộc",
        "&",
        "và",
        "-",
        " ",
        "\n",
        ".",
        ",",
        "İ",
        "ß",
        "ð",
        "\u0301",
        "\x00",
    ]
)
_TEXTS = st.one_of(
    st.text(max_size=300),
    st.lists(st.one_of(_PIECES, st.text(max_size=4)), max_size=40).map("".join),
    st.lists(_PIECES, max_size=30).map(" ".join),
)


def _check(match: UnitMatch, text: str) -> None:
    assert 0 <= match.start < match.end <= len(text)
    assert text[match.start : match.end] == match.text
    assert match.unit_id in units()
    assert match.province_id is None or match.province_id in provinces()


@settings(max_examples=400, deadline=None)
@given(_TEXTS)
def test_never_raises_and_spans_are_in_bounds(text):
    found = find_units(text)
    previous_end = 0
    for match in found:
        _check(match, text)
        assert match.start >= previous_end
        previous_end = match.end
    single = resolve_unit(text)
    if single is not None:
        _check(single, text)
    assert isinstance(expand_abbreviations(text), str)


@pytest.mark.parametrize("text", ["Sở", "SỞ", " Sở ", "(Sở)"])
def test_a_bare_so_as_a_whole_unit_is_the_department(text):
    match = resolve_unit(text, province_id="ben-tre")
    assert (match.unit_id, match.province_id) == ("department", "ben-tre")
    assert text[match.start : match.end] == match.text
