"""The Markdown importer: front matter mapped like structured columns, the body kept as text (issue 6, item 4)."""

from __future__ import annotations

import time

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from newsarchive.errors import BadInputError
from newsarchive.export.markdown import export_markdown
from newsarchive.extract import ExtractContext, extract
from newsarchive.extract.markdown import inline_text, markdown_blocks
from newsarchive.model import Article

from .conftest import FIXTURES

NOTES = FIXTURES / "markdown"


def run(data: bytes, path: str = "note.md") -> list[Article | BadInputError]:
    return list(extract("markdown", data, ExtractContext(path=path)))


def test_hugo_post_front_matter_and_body():
    [post] = run((NOTES / "hugo_post.md").read_bytes())
    assert post.title == "Tide mill restored to working order"
    assert post.published == "2023-09-14"
    assert post.authors == ["Tamsin Hale"]
    assert post.source == "Estuary Notes"
    assert post.tags == ["heritage", "mills", "local history"]
    assert post.extra == {"draft": False}
    assert post.headings == ["How the mill works"]
    assert post.body.split("\n\n") == [
        # The line break is the file's own: kept as written.
        "The tide mill on the creek turned its wheel on Saturday for the first time in sixty years, watched by a "
        "crowd of\nvolunteers who had spent four winters rebuilding the sluice gates.",
        "How the mill works",
        "Water is held behind the gates at high tide and let out through the wheel race as the tide falls,\nwhich "
        "gives the miller about four hours of grinding twice a day.",
        "The wheel is oak, rebuilt from the original drawings.",
        "The millstones came from a farm sale in the next valley.",
        '"We thought it would take two years," said the project\'s leader.',
        "Flour will be sold at the mill shop from October, priced *per bag* rather than by weight.",
    ]


def test_without_front_matter_the_first_heading_is_the_title():
    [note] = run((NOTES / "obsidian_note.md").read_bytes())
    assert note.title == "Ferry strike called off"
    assert note.headings == ["What changed"]
    assert not note.body.startswith("Ferry strike")
    assert "four weeks ahead" in note.body and "[[" not in note.body


def test_without_any_title_the_file_name_is_the_title():
    [note] = run(b"Just a paragraph of notes about the harbour meeting on Tuesday.", "notes/harbour_meeting.md")
    assert note.title == "harbour meeting"


def test_toml_front_matter():
    [post] = run((NOTES / "hugo_toml.md").read_bytes())
    assert (post.title, post.published, post.tags) == ("Allotment waiting list closes", "2024-01-08", ["gardening"])


def test_front_matter_that_is_not_valid_yaml_names_the_line():
    with pytest.raises(BadInputError) as caught:
        run((NOTES / "jekyll_bad_yaml.md").read_bytes(), "bad.md")
    assert caught.value.path == "bad.md"
    assert caught.value.line == 2
    assert "YAML" in caught.value.message


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("---\ntitle: ok\n  bad: indent\n---\nbody words\n", 3),
        ("---\ntitle: [unclosed\n---\nbody words\n", 2),
        ("---\n- a list\n- not a mapping\n---\nbody words\n", 1),
        ("---\ntitle: never closed\n\nbody words\n", 1),
        ("+++\ntitle = \n+++\nbody words\n", 2),
    ],
)
def test_broken_front_matter_is_bad_input_with_a_line(text, line):
    with pytest.raises(BadInputError) as caught:
        run(text.encode())
    assert caught.value.line == line


def test_yaml_is_loaded_safely():
    with pytest.raises(BadInputError):
        run(b"---\ntitle: !!python/object/apply:os.system ['echo pwned']\n---\nbody words here\n")


def test_yaml_alias_bomb_is_refused_quickly():
    levels = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    levels += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 9)]
    text = "---\ntitle: bomb\n" + "\n".join(levels) + "\n---\nbody words\n"
    started = time.process_time()
    with pytest.raises(BadInputError, match="too large"):
        run(text.encode())
    assert time.process_time() - started < 2


def test_inline_markup_is_reduced_to_text():
    assert inline_text("**bold** and *it* and _em_ and `co*de*` and ~~gone~~ snake_case_name") == (
        "bold and it and em and co*de* and gone snake_case_name"
    )
    assert inline_text("[a link](https://x.example/a_(b)) <https://y.example> ![img](p.png) &amp; \\*lit\\*") == (
        "a link https://y.example & *lit*"
    )


def test_setext_headings_fences_and_tables():
    blocks = markdown_blocks("Intro\n=====\n\nText\n\n```\ncode *here*\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n***\n")
    assert blocks == [("Intro", 1), ("Text", 0), ("code *here*", 0), ("a | b", 0), ("1 | 2", 0)]
    assert markdown_blocks("```\nfirst()\n\n  second()\n```") == [("first()\n  second()", 0)]


def test_markdown_export_round_trips():
    """The Markdown exporter writes every field as front matter; reading it back gives the same article."""
    record = Article(
        title="Council #1 votes: *no* to [car park] <script>",
        body="First paragraph with *stars*, _underscores_, `ticks` and a [bracket](link).\n\n"
        "Sub-heading: the vote\n\n# not a heading\n\n1. not a list either\n\n- nor this\n\n---\n\n"
        "Roses are red,\n# violets are blue,\n- and a line that looks like a list.\n\n"
        "Price rose 5% & fell; a\\b path stays.",
        authors=["Ana Souto", "Ben Okri"],
        source="The Wire",
        site="wire.example",
        section="Politics",
        published="2024-05-01",
        url="https://wire.example/vote",
        language="en",
        tags=["council", "parking"],
        notes=[{"at": "2024-05-02T09:00:00+00:00", "text": "check the minutes"}],
        headings=["Sub-heading: the vote"],
        extra={"wire_id": "W-17"},
        id="abc123",
        imported_at="2024-05-02T08:00:00+00:00",
    ).to_record()
    text = export_markdown([record])
    [back] = run(text.encode("utf-8"))
    for field in ("title", "body", "authors", "source", "site", "section", "published", "url", "language", "tags", "notes", "headings"):
        assert getattr(back, field) == record[field], field
    assert back.extra == {"wire_id": "W-17"}


def test_several_exported_documents_in_one_stream():
    records = [
        Article(title=f"Story {n}", body=f"Body of story {n}.\n\n---\n\nStill story {n}.", id=f"id{n}").to_record()
        for n in range(3)
    ]
    items = run(export_markdown(records).encode())
    assert [a.title for a in items] == ["Story 0", "Story 1", "Story 2"]
    assert items[1].body == "Body of story 1.\n\n---\n\nStill story 1."


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=300) | st.builds(lambda a, b: f"---\n{a}\n---\n{b}", st.text(max_size=120), st.text(max_size=120)))
def test_hostile_text_never_raises_anything_but_bad_input(text):
    try:
        for item in run(text.encode("utf-8", "surrogatepass")):
            if isinstance(item, Article):
                assert item.title.strip() and item.body.strip()
    except BadInputError:
        pass


def test_yaml_surrogate_escapes_are_replaced():
    """Issue 8, row 11: YAML's "\\ud800" makes a lone surrogate, which JSON cannot store."""
    import orjson

    [note] = run(b'---\ntitle: "A \\ud800 b"\ntags: ["x\\udc00"]\nwhere: {"k\\ud800": "v"}\n---\nbody words here\n')
    assert note.title == "A \ufffd b"
    orjson.dumps(note.to_record())


@pytest.mark.parametrize(
    "text",
    ["[" * 12_000 + "]" * 12_000, "*a " * 20_000, "_a " * 20_000, "[[a|" * 10_000, "![a" * 10_000, "~~a " * 15_000, "<!--" * 20_000],
)
def test_hostile_markup_costs_linear_time(text):
    """Issue 8, rows 9-11: each of these took from 2 to 30 seconds with pairing regexes."""
    started = time.process_time()
    run(f"---\ntitle: Brackets\n---\n{text}".encode())
    assert time.process_time() - started < 1.5


_WORD = st.text(alphabet="abcXYZ*_`[]()<>#-+=|!&;\\:.1é“", min_size=1, max_size=8)
_PARAGRAPH = st.lists(st.tuples(_WORD, st.sampled_from([" ", " ", "\n"])), min_size=1, max_size=8).map(
    lambda pairs: "".join(word + gap for word, gap in pairs).strip()
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_PARAGRAPH, min_size=1, max_size=4))
def test_any_body_round_trips_through_the_markdown_export(paragraphs):
    """Markup characters, entity look-alikes and line breaks come back as they went out.

    "~" is left out: the exporter does not escape it, and GFM reads "~~a~~" as strike-through.
    """
    body = "\n\n".join(paragraphs)
    [back] = run(export_markdown([Article(title="T", body=body, id="x").to_record()]).encode())
    assert back.body == body
