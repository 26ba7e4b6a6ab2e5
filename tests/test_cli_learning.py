"""Learning a site's furniture from the archive: import, reextract and import --explain."""

import pytest

from tests.conftest import FIXTURES

PAGE = (FIXTURES / "text" / "pages" / "reader-appeal.txt").read_text(encoding="utf-8")
APPEAL = "Our journalism is funded by readers like you"
TOPICS = ["barley", "ferries", "orchards", "quarries", "libraries"]


def variant(tmp_path, topic: str):
    """Another article of the same site: same masthead, menu and appeal, other words."""
    text = PAGE.replace("wool insulation", f"{topic} co-operatives").replace("fleeces", f"{topic} contracts")
    text = text.replace("Eirlys Pugh", f"Eirlys {topic.title()}").replace("sixty farms", f"sixty {topic}")
    path = tmp_path / f"{topic}.txt"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def pages(tmp_path):
    return [variant(tmp_path, topic) for topic in TOPICS]


def bodies(run_cli):
    return [r["body"] for r in run_cli("export", "--format", "json").json()]


def test_a_single_page_keeps_the_appeal_it_cannot_tell_from_prose(run_cli, pages):
    run_cli("import", pages[0])
    (body,) = bodies(run_cli)
    assert APPEAL in body


def test_pages_of_one_site_teach_each_other_their_furniture(run_cli, pages):
    assert run_cli("import", *pages[:4]).code == 0
    found = bodies(run_cli)
    assert len(found) == 4
    assert all(APPEAL not in body for body in found)
    assert all("Sheep farmers in the uplands" in body for body in found)


def test_pages_that_name_no_site_are_still_grouped_by_their_template(run_cli, pages):
    # No masthead to show as the site, only a brand the footer credits; the pages still
    # teach each other, while the site stays unnamed rather than guessed.
    for page in pages[:4]:
        text = page.read_text(encoding="utf-8").replace("The Upland Courier\n", "•\n", 1)
        page.write_text(text + "\nPowered by PressKit\n", encoding="utf-8")
    assert run_cli("import", *pages[:4]).code == 0
    records = run_cli("export", "--format", "json").json()
    assert all(record["site"] is None for record in records)
    assert all(APPEAL not in record["body"] for record in records)


def test_reextract_improves_pages_imported_before_the_site_was_known(run_cli, pages):
    run_cli("import", pages[0])
    run_cli("import", *pages[1:4])
    assert sum(APPEAL in body for body in bodies(run_cli)) == 1  # the first page, read alone
    result = run_cli("reextract", "--all", "--format", "json").json()
    assert len(result["changed"]) == 1
    assert all(APPEAL not in body for body in bodies(run_cli))


def test_explain_shows_the_learnt_line_and_why(run_cli, pages):
    run_cli("import", *pages[:4])
    (page,) = run_cli("import", "--explain", "--json", pages[4]).json()
    appeal = next(block for block in page["blocks"] if block["text"].startswith(APPEAL))
    assert not appeal["kept"]
    assert "recurs on other pages of this site" in appeal["rule"]


def test_pages_in_sealed_segments_still_teach_the_site(run_cli, pages, monkeypatch):
    """The site's earlier pages are found through the segments' summaries, not by parsing them."""
    from newsarchive.store import segments

    monkeypatch.setattr(segments, "DEFAULT_SEGMENT_SIZE", 2)
    for page in pages[:3]:
        assert run_cli("import", page).code == 0  # one at a time: two sealed, one inline
    run_cli("import", pages[3])
    newest = run_cli("export", "--format", "json").json()
    last = next(r for r in newest if "quarries" in r["title"])
    assert APPEAL not in last["body"]
