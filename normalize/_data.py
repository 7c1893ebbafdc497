"""Where the reference data lives: `data/` at the repository root (override: DOST_DATA_DIR)."""

from __future__ import annotations

import csv
import os
from pathlib import Path

DATA_DIR = Path(os.environ.get("DOST_DATA_DIR") or Path(__file__).resolve().parent.parent / "data")


def read_data_text(name: str) -> str:
    return (DATA_DIR / name).read_text(encoding="utf-8")


def read_data_csv(name: str) -> list[dict[str, str]]:
    with (DATA_DIR / name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))
