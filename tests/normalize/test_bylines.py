import pytest

from normalize.bylines import restore_case, split_byline

BODY = "Hội nghị đã thống nhất các nội dung đề ra."


@pytest.mark.parametrize(
    ("byline", "authors", "unit", "source"),
    [
        (
            "Kim Tuyền\nTrung tâm Thông tin và Thống kê KH&CN",
            ["Kim Tuyền"],
            "Trung tâm Thông tin và Thống kê KH&CN",
            None,
        ),
        ("Cẩm Tú – VP Sở KH&CN", ["Cẩm Tú"], "VP Sở KH&CN", None),
        ("Văn Sơn - Phòng QLKH", ["Văn Sơn"], "Phòng QLKH", None),
        ("HN", ["HN"], None, None),
        ("T.L", ["T.L"], None, None),
        ("N.V.A", ["N.V.A"], None, None),
        ("Hoàng Dũng", ["Hoàng Dũng"], None, None),
        ("MINH TRÍ", ["Minh Trí"], None, None),
        ("Tin, ảnh: Lò Văn Minh", ["Lò Văn Minh"], None, None),
        ("Bài, ảnh: NGỌC LAN", ["Ngọc Lan"], None, None),
        ("Thanh tra Sở", [], "Thanh tra Sở", None),
        (
            "Chi cục Tiêu chuẩn Đo lường Chất lượng",
            [],
            "Chi cục Tiêu chuẩn Đo lường Chất lượng",
            None,
        ),
        ("Nguồn: Cổng TTĐT tỉnh Lạng Sơn", [], None, "Cổng TTĐT tỉnh Lạng Sơn"),
        ("(Theo most.gov.vn)", [], None, "most.gov.vn"),
        ("Người đăng tin: Test Test", [], None, None),
        ("admin", [], None, None),
        ("Tác giả :", [], None, None),
    ],
)
def test_split_byline_shapes(byline, authors, unit, source):
    result = split_byline(f"{BODY}\n\n{byline}")
    assert result.authors == authors
    assert result.unit == unit
    assert result.source == source
    assert result.body == BODY
    assert result.raw == byline


def test_byline_after_end_mark():
    result = split_byline("Hội nghị kết thúc./.\n\nThu Hà")
    assert result.authors == ["Thu Hà"]
    assert result.body == "Hội nghị kết thúc./."


@pytest.mark.parametrize(
    "ending",
    [
        "Quang cảnh Hội nghị.",
        "Thực hành tiết kiệm, chống lãng phí; cải tiến công tác quản lý.",
        "- Tổ chức 29 lớp tập huấn với hơn 1.200 lượt người tham dự",
    ],
)
def test_body_text_is_not_a_byline(ending):
    result = split_byline(f"{BODY}\n\n{ending}")
    assert result.authors == [] and result.raw == ""
    assert result.body.endswith(ending)


def test_restore_case_keeps_initials():
    assert restore_case("HN") == "HN"
    assert restore_case("LÒ VĂN MINH") == "Lò Văn Minh"
    assert restore_case("Thu Hà") == "Thu Hà"


@pytest.mark.parametrize(
    ("byline", "authors", "unit"),
    [
        ("Thanh Hà (Trung tâm TT&TK KH&CN)", ["Thanh Hà"], "Trung tâm TT&TK KH&CN"),
        ("Tác giả: Nguyễn Văn An - Phòng QLKH", ["Nguyễn Văn An"], "Phòng QLKH"),
        ("Tin và ảnh: Minh Hòa, Thanh Tâm", ["Minh Hòa", "Thanh Tâm"], None),
        (
            "NGUYỄN THỊ THU HÀ - TRUNG TÂM ỨNG DỤNG TBKHCN",
            ["Nguyễn Thị Thu Hà"],
            "TRUNG TÂM ỨNG DỤNG TBKHCN",
        ),
        ("PV", [], None),
        ("Tin: PV", [], None),
        ("Ban Biên tập", [], None),
    ],
)
def test_split_byline_more_shapes(byline, authors, unit):
    result = split_byline(f"{BODY}\n\n{byline}")
    assert (result.authors, result.unit) == (authors, unit)
    assert result.body == BODY


@pytest.mark.parametrize(
    ("byline", "authors", "unit"),
    [
        ("Lê Minh Tuấn - Phó Trưởng phòng QLKH", ["Lê Minh Tuấn"], "phòng QLKH"),
        ("Hà Vy - Chuyên viên Văn phòng Sở", ["Hà Vy"], "Văn phòng Sở"),
        ("Tin: Quang Vinh; ảnh: Thanh Hải", ["Quang Vinh", "Thanh Hải"], None),
        ("Nguyễn Văn A, Trần Thị B", ["Nguyễn Văn A", "Trần Thị B"], None),
        ("T.L (Chi cục TĐC)", ["T.L"], "Chi cục TĐC"),
    ],
)
def test_split_byline_positions_roles_and_several_writers(byline, authors, unit):
    result = split_byline(f"{BODY}\n\n{byline}")
    assert (result.authors, result.unit) == (authors, unit)
    assert result.body == BODY


def test_a_place_and_date_line_is_not_a_byline():
    result = split_byline(f"{BODY}\n\nHải Phòng, ngày 12 tháng 3 năm 2024")
    assert result.raw == "" and result.authors == []


@pytest.mark.parametrize(
    ("byline", "authors", "unit"),
    [
        (
            "Tác giả : Chi cục Tiêu chuẩn Đo lường Chất lượng",
            [],
            "Chi cục Tiêu chuẩn Đo lường Chất lượng",
        ),
        ("Tác giả: Thanh tra Sở", [], "Thanh tra Sở"),
        ("TS. Nguyễn Văn An", ["Nguyễn Văn An"], None),
        ("Bài, ảnh: ThS. Lê Thu Hà", ["Lê Thu Hà"], None),
    ],
)
def test_split_byline_units_after_roles_and_academic_titles(byline, authors, unit):
    result = split_byline(f"{BODY}\n\n{byline}")
    assert (result.authors, result.unit) == (authors, unit)


def test_byline_glued_after_the_end_mark_on_the_same_line():
    result = split_byline("Hội nghị kết thúc lúc 11 giờ cùng ngày./. Hải Yến")
    assert result.authors == ["Hải Yến"]
    assert result.body == "Hội nghị kết thúc lúc 11 giờ cùng ngày./."
    assert result.raw == "Hải Yến"
