"""The exported HTML site in a real browser: headless Chromium from file:// (issue 7).

Chromium comes from Debian's `chromium` package (CI installs it when missing); the tests
skip only where it is absent. Each run gets a fresh profile under the test's tmp folder.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from newsarchive.export import article_filename, export_to_directory
from tests.conftest import FIXTURES

CHROMIUM = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (apt-get install -y chromium)")

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--enable-logging=stderr",
    "--v=0",
]
# What the page itself caused: console messages, CSP refusals, uncaught errors, missing files.
PAGE_PROBLEM = re.compile(
    r":CONSOLE|Uncaught|Refused to|violates the following Content Security Policy"
    r"|Failed to load resource|ERR_FILE_NOT_FOUND|net::ERR_"
)
RECORDS = json.loads((FIXTURES / "export" / "articles.json").read_text(encoding="utf-8"))
HOSTILE = json.loads((FIXTURES / "export" / "hostile.json").read_text(encoding="utf-8"))


def chromium(tmp: Path, *args: str) -> subprocess.CompletedProcess[str]:
    profile = tmp / f"profile-{len(list(tmp.glob('profile-*')))}"
    return subprocess.run(
        [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", *args],
        capture_output=True, text=True, timeout=60, cwd=tmp,
    )


def page_problems(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if PAGE_PROBLEM.search(line)]


class Links(HTMLParser):
    def __init__(self, text: str) -> None:
        super().__init__()
        self.hrefs: list[str] = []
        self.h1 = ""
        self._in_h1 = False
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.hrefs.append(dict(attrs).get("href") or "")
        self._in_h1 = self._in_h1 or tag == "h1"

    def handle_endtag(self, tag):
        if tag == "h1":
            self._in_h1 = False

    def handle_data(self, data):
        if self._in_h1:
            self.h1 += data


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    directory = tmp_path_factory.mktemp("site")
    export_to_directory("html", [*RECORDS, HOSTILE], directory)
    return directory


def local_targets(page: Path, hrefs: list[str]) -> list[Path]:
    """The files the page's relative links point at (web links and #anchors left out)."""
    targets = []
    for href in hrefs:
        parts = urlsplit(href)
        if parts.scheme or not parts.path:
            continue
        targets.append((page.parent / unquote(parts.path)).resolve())
    return targets


def test_index_renders_with_every_article_linked_and_no_console_error(site, tmp_path):
    index = site / "index.html"
    run = chromium(tmp_path, "--dump-dom", index.as_uri())
    assert run.returncode == 0, run.stderr[-2000:]
    assert page_problems(run.stderr) == []
    dom = Links(run.stdout)
    assert dom.h1 == "Archive"
    assert "CCSVI for MS in the UK" in run.stdout and "Zürich’s" in run.stdout
    targets = local_targets(index, dom.hrefs)
    for record in [*RECORDS, HOSTILE]:
        assert (site / article_filename(record, "html")).resolve() in targets
    assert all(target.is_file() and target.parent == site.resolve() for target in targets)
    # The hostile title is on the page as text; its script never became an element.
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in run.stdout and "<script" not in run.stdout


def test_article_page_renders_links_back_and_makes_a_screenshot(site, tmp_path):
    page = site / article_filename(RECORDS[0], "html")
    run = chromium(tmp_path, "--dump-dom", page.as_uri())
    assert run.returncode == 0, run.stderr[-2000:]
    assert page_problems(run.stderr) == []
    dom = Links(run.stdout)
    assert dom.h1 == "CCSVI for MS in the UK"
    targets = local_targets(page, dom.hrefs)
    assert (site / "index.html").resolve() in targets and all(t.is_file() for t in targets)

    shot = tmp_path / "page.png"
    run = chromium(tmp_path, f"--screenshot={shot}", "--window-size=1200,900", page.as_uri())
    assert run.returncode == 0, run.stderr[-2000:]
    assert page_problems(run.stderr) == []
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    # A blank 1200x900 page compresses to a few kilobytes; text and rules make it larger.
    assert len(data) > 20_000


def test_the_content_security_policy_really_stops_a_script(site, tmp_path):
    """Guards the two tests above: a page that does break is seen to break."""
    page = (site / article_filename(RECORDS[0], "html")).read_text(encoding="utf-8")
    planted = tmp_path / "planted.html"
    planted.write_text(page.replace("</head>", "<script>console.log('PLANTED-RAN')</script></head>"), encoding="utf-8")
    run = chromium(tmp_path, "--dump-dom", planted.as_uri())
    problems = page_problems(run.stderr)
    # Chromium words it "Refused to execute inline script" or "Executing inline script violates".
    assert any(re.search(r"inline script", line) and re.search(r"Refused|violates", line) for line in problems), \
        run.stderr[-2000:]
    assert '"PLANTED-RAN"' not in run.stderr  # console.log never ran
