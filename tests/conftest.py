"""Shared test set-up: every test gets its own archive path, so none touches a real archive."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(autouse=True)
def isolated_archive(tmp_path, monkeypatch):
    """Point NEWSARCHIVE_DB at a fresh temp file and keep colour and pagers out of output."""
    db = tmp_path / "archive" / "news.json"
    monkeypatch.setenv("NEWSARCHIVE_DB", str(db))
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("PAGER", "cat")
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    return db


def requires_shared(*parts: str) -> Path:
    """The path under ../shared, or skip the calling test where it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent (../shared is not beside this checkout)")
    return path
