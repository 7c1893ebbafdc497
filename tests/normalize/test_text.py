import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from normalize.text import clean_body, clean_title, fold, fold_chars, html_to_text, nfc


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Hòa Bình", "Hoà Bình"),  # tone-mark placement
        ("Đảng ủy", "dang uy"),  # đ has no decomposition
        ("ĐẢNG ỦY", "đảng uỷ"),
        ("Thừa Thiên - Huế", "thua thien hue"),
        ("Bà Rịa – Vũng Tàu", "ba ria vung tau"),
        ("KH&CN", "kh&cn"),
    ],
)
def test_fold_matches_variants(a, b):
    assert fold(a) == fold(b)


def test_fold_keeps_different_words_apart():
    assert fold("Bắc Giang") != fold("Bắc Ninh")


def test_nfc_composes_decomposed_input():
    decomposed = unicodedata.normalize("NFD", "Sở Khoa học")
    assert nfc(decomposed) == "Sở Khoa học"
    assert unicodedata.is_normalized("NFC", nfc(decomposed))


def test_html_to_text_keeps_paragraphs_and_line_breaks():
    html = "<p>Một <b>hai</b></p><p>ba<br>bốn</p><table><tr><td><img src='x.jpg'></td></tr></table>"
    assert html_to_text(html) == "Một hai\n\nba\nbốn"


def test_html_to_text_runs_inline_words_together_like_a_browser():
    assert html_to_text("<p><span>Khoa</span><span>học</span></p>") == "Khoahọc"


def test_html_to_text_drops_scripts_and_styles():
    assert html_to_text("<div><script>var a=1;</script><style>p{}</style>Nội dung</div>") == (
        "Nội dung"
    )


@pytest.mark.parametrize("junk", ["", "   ", "<", "<<<>>>", "\x00\x01", "<p>"])
def test_html_to_text_accepts_junk(junk):
    assert isinstance(html_to_text(junk), str)


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        (
            "Hội nghị ký kết giao ước thi đua năm 2018 A A",
            "Hội nghị ký kết giao ước thi đua năm 2018",
        ),
        ("  Tiêu đề   bài   viết  ", "Tiêu đề bài viết"),
        ("Tiêu đề A+ A- In", "Tiêu đề"),
        ("Bài A A A A", "Bài"),
    ],
)
def test_clean_title_drops_font_tools(raw, clean):
    assert clean_title(raw) == clean


@pytest.mark.parametrize(
    "line",
    [
        "Lượt xem: 701",
        "Lượt xem : 1.234",
        "Thống kê truy cập",
        "Đang truy cập: 1",
        "• Tổng lượt truy cập: 1",
        "Tổng truy cập : 57,998",
        "Đăng nhập",
        "imaged",
        "image advertisement",
        "A A",
        "1 2 3 4 5 ...",
        "Description: C:\\Users\\admin\\Desktop\\anh1.jpg",
        "![]() |",
        "Dành cho bệnh nhân",
        "Trang chủ >> Tin KH&CN trong tỉnh",
        "Facebook Zalo",
        "7",
    ],
)
def test_clean_body_drops_boilerplate_lines(line):
    body = f"Đoạn đầu của bài.\n\n{line}\n\nĐoạn cuối của bài."
    assert clean_body(body) == "Đoạn đầu của bài.\n\nĐoạn cuối của bài."


@pytest.mark.parametrize("marker", ["Tin khác", "Tin tức khác cùng chuyên mục", "Tin liên quan:"])
def test_clean_body_cuts_trailing_lists(marker):
    body = f"Nội dung bài.\n\nHN\n\n{marker}\n\nBài khác (12/03/2020)\n\n1 2 3"
    assert clean_body(body) == "Nội dung bài.\n\nHN"


def test_clean_body_drops_headline_printed_again():
    title = "Đại hội Công đoàn Sở nhiệm kỳ 2017 - 2022"
    body = f"{title}\n\nĐược sự đồng ý của Đảng ủy."
    assert clean_body(body, title) == "Được sự đồng ý của Đảng ủy."


def test_clean_body_keeps_ordinary_text_with_boilerplate_words():
    body = "Hội nghị đã xem video giới thiệu và lượt xem các trang tăng mạnh."
    assert clean_body(body) == body


@given(st.text(max_size=300))
def test_text_functions_never_raise(text):
    assert isinstance(clean_body(text, text[:20]), str)
    assert isinstance(clean_title(text), str)
    assert isinstance(fold(text), str)
    assert isinstance(html_to_text(text), str)


def test_clean_body_cuts_attachment_lists():
    body = "Nội dung thông báo.\n\nThanh Tâm\n\nFile đính kèm:\n\nQuyết định số 312/QĐ-SKHCN"
    assert clean_body(body) == "Nội dung thông báo.\n\nThanh Tâm"


@given(st.text(max_size=200))
def test_fold_chars_keeps_length(text):
    assert len(fold_chars(text)) == len(text)


def test_fold_chars_maps_spans_back():
    text = "Đồng chí Lâm Văn Tân, Bí thư Đảng ủy"
    folded = fold_chars(text)
    start = folded.index("bi thu dang uy")
    assert text[start : start + len("bi thu dang uy")] == "Bí thư Đảng ủy"


@pytest.mark.parametrize(
    ("first", "clean"),
    [
        ("PTO- Sáng 12/3, Sở KH&CN tổ chức hội nghị.", "Sáng 12/3, Sở KH&CN tổ chức hội nghị."),
        ("(GLO)- Chiều nay, đoàn công tác làm việc.", "Chiều nay, đoàn công tác làm việc."),
        ("(ĐN) - Ngày 5/4, hội thảo diễn ra.", "Ngày 5/4, hội thảo diễn ra."),
        ("(BĐ) – Hội nghị tổng kết.", "Hội nghị tổng kết."),
        ("UBND tỉnh ban hành kế hoạch.", "UBND tỉnh ban hành kế hoạch."),
        ("Sở KH&CN - đơn vị dẫn đầu.", "Sở KH&CN - đơn vị dẫn đầu."),
    ],
)
def test_clean_body_strips_newspaper_tag_at_the_start(first, clean):
    assert clean_body(f"{first}\n\nĐoạn hai.") == f"{clean}\n\nĐoạn hai."
