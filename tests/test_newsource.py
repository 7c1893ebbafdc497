"""`scrapy newsource` writes a new source's three files, and its test fails until filled."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A scratch copy of the project (code and reference data; no mirror pages)."""
    root = tmp_path / "repo"
    ignore = shutil.ignore_patterns("__pycache__")
    for folder in ("crawlers", "normalize", "spiders"):
        shutil.copytree(ROOT / folder, root / folder, ignore=ignore)
    (root / "tests" / "spiders").mkdir(parents=True)
    shutil.copy(ROOT / "tests" / "conftest.py", root / "tests" / "conftest.py")
    (root / "data" / "mirror").mkdir(parents=True)
    for path in (ROOT / "data").glob("*.*"):
        shutil.copy(path, root / "data" / path.name)
    shutil.copytree(ROOT / "data" / "mirror" / "_content", root / "data" / "mirror" / "_content")
    for name in ("scrapy.cfg", "pyproject.toml"):
        shutil.copy(ROOT / name, root / name)
    return root


def newsource(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(BIN / "scrapy"), "newsource", *args],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_newsource_writes_three_files_and_the_generated_test_fails(project):
    result = newsource(
        project, "lai_chau_moi", "https://skhcn.laichau.gov.vn/tin-tuc/", "--platform", "aspnet"
    )
    assert result.returncode == 0, result.stderr
    spider = (project / "spiders" / "lai_chau_moi.py").read_text(encoding="utf-8")
    for section in ("Department:", "Website:", "Platform:", "Evidence:", "Notes:"):
        assert section in spider
    assert 'province = "lai-chau"' in spider
    assert "class LaiChauMoiSpider(AspNetSpider)" in spider
    spec = json.loads((project / "data/mirror/_content/lai_chau_moi.json").read_text("utf-8"))
    assert spec["site"]["host"] == "skhcn.laichau.gov.vn"
    assert spec["site"]["listing"]["first"] == "/tin-tuc/"

    listed = subprocess.run(
        [str(BIN / "scrapy"), "list"], cwd=project, capture_output=True, text=True, timeout=120
    )
    assert "lai_chau_moi" in listed.stdout.split()

    generated = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "tests/spiders/test_lai_chau_moi.py",
        ],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert generated.returncode == 1
    assert "fill in ARTICLE_URL" in generated.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["Bad-Slug", "https://x.gov.vn/", "--platform", "aspnet"], "lower-case ASCII"),
        (["new_one", "ftp://x.gov.vn/", "--platform", "aspnet"], "not an http(s) URL"),
        (["new_one", "https://skhcn.laichau.gov.vn/", "--platform", "cobol"], "unknown platform"),
        (["new_one", "https://example.com/", "--platform", "aspnet"], "give --province"),
        (["cao_bang", "https://khcncaobang.gov.vn/", "--platform", "nukeviet"], "already there"),
    ],
)
def test_newsource_refuses_bad_input(project, args, message):
    result = newsource(project, *args)
    assert result.returncode != 0
    assert message in result.stderr + result.stdout
