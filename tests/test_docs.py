"""The README documents every command and normalizer a user can run."""

from pathlib import Path

import pytest

from normalize.__main__ import KINDS

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
COMMANDS = sorted(
    p.stem for p in (ROOT / "crawlers" / "commands").glob("*.py") if p.stem != "__init__"
)
# Documented in the text for README.md that comes with the operations docs (#6); the
# marks go when it is merged (strict: a test that passes then fails, as a reminder).
OPERATIONS_SETTINGS = [
    "DOST_BACKFILL",
    "DOST_PROGRESS_INTERVAL",
    "DOST_RETRY_BACKOFF",
    "DOST_RETRY_BACKOFF_MAX",
    "DOST_HEALTH_HISTORY",
    "DOST_HEALTH_DEGRADED",
    "DOST_HEALTH_FAILING",
    "DOST_HEALTH_VOLUME_DROP",
    "DOST_ALERT_COMMAND",
    "DOST_ALERT_WEBHOOK",
    "DOST_ALERT_TIMEOUT",
]
TARGETS = [
    "demo",
    "data",
    "serve",
    "serve-public",
    "crawl",
    "test",
    "mirror",
    "mirror-build",
    "lint",
]


@pytest.mark.parametrize(
    "command",
    COMMANDS,
)
def test_every_scrapy_command_is_in_the_readme(command):
    assert f"scrapy {command}" in README


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_every_normalizer_kind_is_in_the_readme(kind):
    assert f"| `{kind}` |" in README


@pytest.mark.parametrize("target", TARGETS)
def test_every_make_target_is_in_the_readme(target):
    assert f"make {target}" in README
    assert f"\n{target}:" in (ROOT / "Makefile").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "setting",
    [
        "DOST_DB",
        "DOST_MIRROR",
        "DOST_MIRROR_DIR",
        "DOST_MAX_PAGES",
        "DOST_STATE_DIR",
        "DOST_CONTACT_URL",
        *OPERATIONS_SETTINGS,
    ],
)
def test_every_setting_is_in_the_readme(setting):
    assert f"`{setting}`" in README


def test_the_readme_points_programs_to_the_api_page():
    assert "docs/api.md" in README
    assert (ROOT / "docs" / "api.md").exists()
