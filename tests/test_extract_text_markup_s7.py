"""pandoc's grid tables read back into their cells' text (issue 4)."""

from newsarchive.extract.textmarkup import plain_text

NARROW_GRID_PAGE = """\
+-------------+-------------------+
| [Home](ht   | The council said  |
| tp://www.ex | its new floodwall |
| ample.org/) | would stop the    |
|             | river at its      |
| [Weather]   | highest, but a    |
| (http://www | counter           |
| .example.or | -intelligence-led |
| g/weather/) | review found it   |
|             | unwarranted.      |
+-------------+-------------------+
"""


def test_a_word_cut_at_a_narrow_cells_edge_is_whole_again():
    """pandoc cuts a word or an address longer than its cell into pieces as wide as the
    cell, a piece a line: read with spaces between, the links stay unread and the words
    broken ("counter" / "-intelligence-led")."""
    lines = plain_text(NARROW_GRID_PAGE).split("\n")
    assert "Home" in lines and "Weather" in lines
    assert ("The council said its new floodwall would stop the river at its highest, "
            "but a counter-intelligence-led review found it unwarranted.") in lines


CUT_GRID_PAGE = """\
+----------+-------------------+
| Home     | ## Pellow harbo   |
|          | ur keeper retires |
| Sport    |                   |
|          | ::: {.stor        |
|          | y-text lang="en"} |
|          | The keeper of     |
|          | Pellow harbour    |
|          | retired Friday.   |
|          | More in [the      |
|          | archive](/archiv  |
|          | e/harbour "Harbou |
|          | r news archive"). |
|          | :::               |
+----------+-------------------+
"""


def test_what_markdown_cannot_wrap_pandoc_cuts_whole_in_a_cell():
    """A heading, a div's attributes and a link's target are one line each in Markdown, so
    pandoc cuts them at the cell's edge, spaces and all: read as wrapped lines, the
    headline came out broken and the link and the div's attributes stayed in the text."""
    lines = plain_text(CUT_GRID_PAGE).split("\n")
    assert "## Pellow harbour keeper retires" in lines and '::: {.story-text lang="en"}' in lines
    assert "The keeper of Pellow harbour retired Friday. More in the archive." in lines


QUOTED_GRID_PAGE = """\
+----------+-------------+
| Home     | > The       |
|          | > floodwall |
| Sport    | > is        |
|          | >           |
|          | overtopping |
|          | > twice a   |
|          | > year.     |
|          | >           |
|          | > The next  |
|          | > is due.   |
+----------+-------------+
"""


def test_a_quotation_in_a_narrow_cell_reads_as_its_paragraphs():
    """In a narrow cell pandoc cuts a quoted line mark and all, leaving the mark alone on
    its line: the marks stayed in the text between the words, and a cut-off one read as a
    break between the quotation's paragraphs."""
    lines = plain_text(QUOTED_GRID_PAGE).split("\n")
    assert "The floodwall is overtopping twice a year." in lines and "The next is due." in lines


def test_pandocs_empty_raw_html_block_between_a_paragraph_and_a_list_goes():
    """pandoc writes "<!-- -->" as a raw HTML block between a paragraph and the list after
    it; a reader sees nothing there, and its lines read as a block between the two."""
    page = ("The webinar covers three things:\n\n```{=html}\n<!-- -->\n```\n"
            "-   how tides are measured\n-   why the wall was raised\n")
    lines = plain_text(page).split("\n")
    assert len(lines) == len(page.split("\n"))  # no line moves
    assert not any("```" in line or "<!--" in line for line in lines)


def test_a_link_whose_title_quotes_or_which_goes_nowhere_is_read_as_its_text():
    """pandoc leaves the quotes inside a link's title as they are, and writes a link with
    no address as its title alone: neither was read as a link, so the addresses and
    titles of a whole sidebar stayed in the text."""
    page = ('-   [Harbour tour\n    (1998)](https://example.org/tour/ "Up the \"old\" quay and back.")\n'
            '-   [Pier walk]( "A walk along the pier.")\n-   [Quay](/quay) and [Wall](/wall)\n')
    assert plain_text(page).split("\n")[:3] == ["-   Harbour tour (1998)", "-   Pier walk", "-   Quay and Wall"]


def test_pandocs_empty_raw_html_block_in_a_quotation_goes():
    page = "> The report lists two risks:\n>\n> ```{=html}\n> <!-- -->\n> ```\n> -   floods\n> -   drought\n"
    assert not any("```" in line or "<!--" in line for line in plain_text(page).split("\n"))
