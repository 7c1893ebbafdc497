"""Every normalizer accepts any string without raising: empty, huge, binary garbage,
mixed encodings (UTF-8 read as Latin-1 or cp1252, as broken pages are)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from normalize.bylines import split_byline
from normalize.dates import find_dates, parse_date
from normalize.docrefs import find_docrefs
from normalize.people import find_people
from normalize.provinces import find_province, find_provinces, resolve_province
from normalize.text import clean_body, clean_title, fold, fold_chars, html_to_text
from normalize.units import expand_abbreviations, find_units, resolve_unit

SAMPLE = (
    "Ngày 15/3/2023, Đồng chí Lâm Văn Tân, Bí thư Đảng ủy, Giám đốc Sở KH&CN tỉnh Bến Tre "
    "chủ trì Hội nghị triển khai Kế hoạch số 2145/KH-UBND ngày 03/11/2021.\n\nCẩm Tú – VP Sở"
)


def mojibake(raw: bytes) -> st.SearchStrategy[str]:
    return st.sampled_from(["latin-1", "cp1252"]).map(lambda enc: raw.decode(enc, errors="replace"))


texts = st.one_of(
    st.text(max_size=400),
    st.binary(max_size=400).map(lambda b: b.decode("utf-8", errors="replace")),
    st.binary(max_size=400).map(lambda b: b.decode("latin-1")),
    mojibake(SAMPLE.encode()),
    st.text(alphabet="ĐđÀÁẢÃẠăâêôơư0123456789/.-:() ,\n", max_size=300),
)

FUNCTIONS = {
    "parse_date": lambda t: parse_date(t),
    "find_dates": lambda t: find_dates(t, published=date(2020, 1, 6)),
    "find_province": find_province,
    "resolve_province": lambda t: resolve_province(t, date(2019, 1, 1)),
    "find_provinces": find_provinces,
    "resolve_unit": lambda t: resolve_unit(t, province_id="ben-tre"),
    "find_units": lambda t: find_units(t, province_id="ben-tre"),
    "expand_abbreviations": expand_abbreviations,
    "split_byline": split_byline,
    "find_people": find_people,
    "find_docrefs": find_docrefs,
    "clean_body": lambda t: clean_body(t, t[:30]),
    "clean_title": clean_title,
    "fold": fold,
    "fold_chars": fold_chars,
    "html_to_text": html_to_text,
}


@pytest.mark.parametrize("name", FUNCTIONS)
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=texts)
def test_never_raises(name, text):
    FUNCTIONS[name](text)


@pytest.mark.parametrize("name", FUNCTIONS)
def test_huge_input(name):
    FUNCTIONS[name]((SAMPLE + "\n") * 400)  # ~100 kB


@pytest.mark.parametrize("name", FUNCTIONS)
def test_mojibake_of_a_real_sentence(name):
    FUNCTIONS[name](SAMPLE.encode().decode("latin-1"))
