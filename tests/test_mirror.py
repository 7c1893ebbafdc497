"""The mirror: pages match their sources, the server routes by host, seeds are on their sites."""

from __future__ import annotations

import filecmp
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from crawlers.mirror import MIRROR_DIR
from crawlers.mirror.build import build, load_sites
from tests.conftest import SEEDS_DIR, content, mirror_file

SITES = load_sites()
SEED_SITES = {
    "000": "ben_tre",
    "001": "kien_giang",
    "002": "cao_bang",
    "003": "ben_tre",
    "004": "hai_phong",
}


def get(mirror, host: str, target: str) -> tuple[int, bytes]:
    request = urllib.request.Request(mirror.url + target, headers={"Host": host})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def test_committed_pages_are_what_the_builder_renders(tmp_path):
    build(tmp_path)
    for site in SITES.values():
        comparison = filecmp.dircmp(tmp_path / site.host, MIRROR_DIR / site.host)
        stack = [comparison]
        while stack:
            cmp = stack.pop()
            assert not (cmp.left_only or cmp.right_only or cmp.diff_files), (
                f"{site.host}: run `make mirror-build` "
                f"({cmp.left_only} {cmp.right_only} {cmp.diff_files})"
            )
            stack.extend(cmp.subdirs.values())


@pytest.mark.parametrize("spider", sorted(set(SEED_SITES.values())))
def test_each_seed_source_has_three_listing_pages_and_eight_articles(spider):
    site = SITES[spider]
    articles = content(spider)
    assert len(articles) >= 8
    assert -(-len(articles) // site.per_page) >= 3


def test_server_routes_by_host_and_exact_target(mirror):
    seed = next(a for a in content("kien_giang") if a.get("seed") == "001")
    status, body = get(mirror, "skhcn.kiengiang.gov.vn", SITES["kien_giang"].article_path(seed))
    assert status == 200
    assert seed["title"] in body.decode()


@pytest.mark.parametrize(
    ("host", "target"),
    [
        ("skhcn.kiengiang.gov.vn", "/cac-tin-tuc-khac/chitiet/999999/khong-co"),
        ("unknown.example", "/"),
        ("khcncaobang.gov.vn", "/index.php?nv=news&language=vi&op=Khoa-hoc-cong-nghe"),
    ],
)
def test_server_answers_404_for_what_the_site_does_not_have(mirror, host, target):
    status, _ = get(mirror, host, target)
    assert status == 404


def test_server_serves_robots_txt(mirror):
    status, body = get(mirror, "dost-bentre.gov.vn", "/robots.txt")
    assert status == 200 and b"User-agent" in body


def seed_lines(number: str) -> list[str]:
    path = next(SEEDS_DIR.glob(f"{number}_*.txt"))
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize("number", sorted(SEED_SITES))
def test_seed_article_is_on_its_site(number):
    spider = SEED_SITES[number]
    site = SITES[spider]
    article = next(a for a in content(spider) if a.get("seed") == number)
    page = mirror_file(f"{site.scheme}://{site.host}{site.article_path(article)}")
    html = page.read_text(encoding="utf-8")
    from normalize.text import html_to_text

    text = html_to_text(html)
    for block in article["body"]:
        if isinstance(block, str):
            assert " ".join(block.split()) in text
    assert article["title"] in seed_lines(number)[0] or any(
        article["title"] in line for line in seed_lines(number)
    )


def test_seed_date_lines_are_printed_as_extracted():
    kg = next(a for a in content("kien_giang") if a.get("seed") == "001")
    hp = next(a for a in content("hai_phong") if a.get("seed") == "004")
    assert "02/05/2018" in seed_lines("001")
    kg_page = mirror_file("http://skhcn.kiengiang.gov.vn" + SITES["kien_giang"].article_path(kg))
    assert '<div class="ngaydang">02/05/2018</div>' in kg_page.read_text(encoding="utf-8")
    assert any(line.endswith("(26/12/2017)") for line in seed_lines("004"))
    hp_page = mirror_file("http://www.haiphong.gov.vn" + SITES["hai_phong"].article_path(hp))
    assert "(26/12/2017)</span>" in hp_page.read_text(encoding="utf-8")


def test_pages_carry_the_traps_of_real_sites():
    html = {
        spider: Path(
            mirror_file(f"{s.scheme}://{s.host}{s.article_path(content(spider)[0])}")
        ).read_text(encoding="utf-8")
        for spider, s in SITES.items()
    }
    assert (
        "Thống kê truy cập" in html["ben_tre"] and "Tin tức khác cùng chuyên mục" in html["ben_tre"]
    )
    assert "Dành cho bệnh nhân" in html["kien_giang"] and ">A</a> <a" in html["kien_giang"]
    assert "Lượt xem:" in html["cao_bang"] and "image advertisement" in html["cao_bang"]
    assert "Khách trực tuyến" in html["hai_phong"] and "Đường dây nóng" in html["hai_phong"]


@pytest.mark.parametrize(
    ("pattern", "printed"),
    [
        ("wd, ngày dd/mm/yyyy", "Thứ Năm, ngày 19/11/2026"),
        ("wdl, dd/mm/yyyy HH:MM", "thứ năm, 19/11/2026 09:05"),
        ("Posted d/m/yyyy", "Posted 19/11/2026"),
        ("(dd/mm/yyyy)", "(19/11/2026)"),
    ],
)
def test_vn_date_replaces_tokens_only(pattern, printed):
    from crawlers.mirror.build import vn_date

    assert vn_date("2026-11-19T09:05", pattern) == printed


def get_with(mirror, host: str, target: str, **headers: str) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(mirror.url + target, headers={"Host": host, **headers})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def first_article(spider: str) -> tuple[str, str]:
    site = SITES[spider]
    return site.host, site.article_path(content(spider)[0])


@pytest.mark.parametrize(
    ("spider", "sent"),
    [
        ("bac_kan", {"ETag", "Last-Modified"}),  # Drupal's page cache
        ("ha_noi", {"ETag"}),  # Liferay's ETag filter
        ("cao_bang", {"Last-Modified"}),  # NukeViet
        ("kien_giang", set()),  # an ASP.NET portal: no validators, always 200
    ],
)
def test_server_sends_the_validators_its_site_sends(mirror, spider, sent):
    status, headers, _ = get_with(mirror, *first_article(spider))
    assert status == 200
    assert {"ETag", "Last-Modified"} & set(headers) == sent


def test_server_answers_304_to_a_matching_conditional_request(mirror):
    host, target = first_article("bac_kan")
    _, headers, body = get_with(mirror, host, target)
    status, again, rest = get_with(mirror, host, target, **{"If-None-Match": headers["ETag"]})
    assert (status, rest, again["ETag"]) == (304, b"", headers["ETag"])
    status, _, _ = get_with(mirror, host, target, **{"If-Modified-Since": headers["Last-Modified"]})
    assert status == 304
    # If-None-Match decides when both are sent (RFC 9110): an old tag gets the page.
    status, _, fresh = get_with(
        mirror,
        host,
        target,
        **{"If-None-Match": '"old"', "If-Modified-Since": headers["Last-Modified"]},
    )
    assert (status, fresh) == (200, body)


def test_a_site_without_validators_always_sends_the_page(mirror):
    host, target = first_article("kien_giang")
    status, _, body = get_with(
        mirror, host, target, **{"If-Modified-Since": "Fri, 01 Jan 2100 00:00:00 GMT"}
    )
    assert status == 200 and body


def test_an_edited_or_deleted_page_is_served_as_it_is_now(tmp_path):
    import os
    import shutil

    from crawlers.mirror import MirrorServer

    site = SITES["bac_kan"]
    shutil.copytree(MIRROR_DIR / site.host, tmp_path / site.host)
    page = tmp_path / mirror_file(f"{site.base_url}{first_article('bac_kan')[1]}").relative_to(
        MIRROR_DIR
    )
    host, target = first_article("bac_kan")
    with MirrorServer(tmp_path) as server:
        _, headers, _ = get_with(server, host, target)
        page.write_text(page.read_text(encoding="utf-8") + "<!-- sửa -->", encoding="utf-8")
        mtime = page.stat().st_mtime + 60
        os.utime(page, (mtime, mtime))
        status, _, body = get_with(server, host, target, **{"If-None-Match": headers["ETag"]})
        assert status == 200 and "sửa".encode() in body
        status, _, _ = get_with(
            server, host, target, **{"If-Modified-Since": headers["Last-Modified"]}
        )
        assert status == 200
        page.unlink()
        assert get_with(server, host, target)[0] == 404


def test_every_site_says_which_validators_it_sends():
    kinds = {tuple(site.validators) for site in SITES.values()}
    assert kinds == {(), ("etag",), ("last-modified",), ("etag", "last-modified")}


def test_a_page_deleted_on_purpose_answers_410(tmp_path):
    import json
    import shutil

    from crawlers.mirror import MANIFEST, MirrorServer

    host, target = first_article("bac_kan")
    shutil.copytree(MIRROR_DIR / host, tmp_path / host)
    manifest = json.loads((tmp_path / host / MANIFEST).read_text(encoding="utf-8"))
    manifest["pages"][target] = {"status": 410}
    (tmp_path / host / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    with MirrorServer(tmp_path) as server:
        assert get_with(server, host, target)[0] == 410
