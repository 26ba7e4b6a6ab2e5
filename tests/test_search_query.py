"""The query language: every construct parses to the expected tree, every fault is located."""

from __future__ import annotations

import pytest

from newsarchive.errors import QueryError
from newsarchive.search.query import (
    And,
    Field,
    MatchContext,
    Near,
    Not,
    Or,
    Phrase,
    Term,
    format_tree,
    parse,
    positive_leaves,
    title_key,
    to_match,
)
from newsarchive.search.text import stemmer


def T(text: str, prefix: bool = False) -> Term:
    return Term(text, prefix)


@pytest.mark.parametrize(
    ("query", "tree"),
    [
        ("vein", T("vein")),
        ("veins blood", And((T("veins"), T("blood")))),
        ("a AND b", And((T("a"), T("b")))),
        ("a OR b", Or((T("a"), T("b")))),
        ("a b OR c", Or((And((T("a"), T("b"))), T("c")))),
        ("a OR b c", Or((T("a"), And((T("b"), T("c")))))),
        ("(a OR b) c", And((Or((T("a"), T("b"))), T("c")))),
        ('"blood veins"', Phrase("blood veins")),
        ('"blood vei"*', Phrase("blood vei", prefix=True)),
        ("vacc*", T("vacc", prefix=True)),
        ("vacc**", T("vacc", prefix=True)),
        ("-flu", Not(T("flu"))),
        ("NOT flu", Not(T("flu"))),
        ("NOT NOT flu", T("flu")),
        ("a NOT b", And((T("a"), Not(T("b"))))),
        ("a -b", And((T("a"), Not(T("b"))))),
        ("a -(b OR c)", And((T("a"), Not(Or((T("b"), T("c"))))))),
        ("covid-19", Phrase("covid-19", quoted=False)),
        ("NEAR(flood river)", Near((T("flood"), T("river")), 10)),
        ('NEAR(flood "river bank", 5)', Near((T("flood"), Phrase("river bank")), 5)),
        ("NEAR(a b c,0)", Near((T("a"), T("b"), T("c")), 0)),
        ("title:flu", Field("title", T("flu"))),
        ("Title:flu", Field("title", T("flu"))),
        ("title: flu", Field("title", T("flu"))),
        ('title:"flu jab"', Field("title", Phrase("flu jab"))),
        ("title:(flu OR jab)", Field("title", Or((T("flu"), T("jab"))))),
        ("title:(title:flu)", Field("title", Field("title", T("flu")))),
        ("-author:smith", Not(Field("author", T("smith")))),
        ("title:NEAR(a b, 2)", Field("title", Near((T("a"), T("b")), 2))),
        ("tag:health note:check", And((Field("tag", T("health")), Field("note", T("check"))))),
        ("subtitle:x body:y source:z site:w section:v reviewer:u", And(tuple(
            Field(f, T(v)) for f, v in [("subtitle", "x"), ("body", "y"), ("source", "z"), ("site", "w"), ("section", "v"), ("reviewer", "u")]
        ))),  # fmt: skip
        ("or and not", And((T("or"), T("and"), T("not")))),
        ("NEAR flood", And((T("NEAR"), T("flood")))),
        ("10:30", Phrase("10:30", quoted=False)),
        ("https://example.org/a", Phrase("https://example.org/a", quoted=False)),
        ("flood, river", And((T("flood"), T("river")))),
        ("Zürich", T("Zürich")),
        # Headlines pasted as queries: lone punctuation and "Word:" are not syntax.
        ("Marks & Spencer - profits fall", And((T("Marks"), T("Spencer"), T("profits"), T("fall")))),
        ("Brexit: the deal", And((T("Brexit:"), T("the"), T("deal")))),
        ("flu -", T("flu")),
    ],
)
def test_parse_builds_the_tree(query, tree):
    assert parse(query) == tree


def test_blank_query_is_none():
    assert parse("") is None
    assert parse("   ") is None


def test_positions_are_recorded():
    node = parse('flu -"side effects" title:jab')
    assert isinstance(node, And)
    flu, negated, field = node.children
    assert flu.position == 0
    assert negated.position == 4 and negated.child.position == 5
    assert field.position == 20 and field.child.position == 26


@pytest.mark.parametrize(
    ("query", "position", "message"),
    [
        ('flu "side effects', 4, 'unclosed quote: the phrase that starts here has no closing "'),
        ("flu OR", 4, "OR needs a term after it"),
        ("flu OR )", 4, "OR needs a term after it"),
        ("flu OR OR jab", 4, "OR needs a term after it"),
        ("OR flu", 0, "OR needs a term before it"),
        ("flu AND", 4, "AND needs a term after it"),
        ("AND flu", 0, "AND needs a term before it"),
        ("(flu OR) jab", 5, "OR needs a term after it"),
        ("flu NOT", 4, "NOT needs a term after it"),
        ("flu ()", 4, "empty parentheses: put at least one term inside ( )"),
        ("(flu jab", 0, "unclosed parenthesis: this '(' has no ')'"),
        ("(", 0, "unclosed parenthesis: this '(' has no ')'"),
        ("flu) jab", 3, "unexpected ')': there is no '(' for it to close"),
        (")", 0, "unexpected ')': there is no '(' for it to close"),
        ('flu ""', 4, "empty phrase: there are no words between the quotes"),
        ('" ... "', 0, "empty phrase: there are no words between the quotes"),
        ("— & —", 0, "nothing to search for: the query has no letters or digits"),
        ("flu -&", 4, "'-' needs a term after it, as in -word"),
        ("*", 0, "'*' must end a word, as in vacc* (a prefix search)"),
        ("title:", 0, "field 'title:' needs a word, a \"phrase\" or a (group) right after it"),
        ("title:-flu", 0, "field 'title:' needs a word, a \"phrase\" or a (group) right after it"),
        ("title:(author:smith)", 7, "field 'author:' cannot be used inside 'title:'"),
        ("NEAR(flu, 5)", 0, "NEAR needs at least two terms, as in NEAR(flood river, 5)"),
        ("NEAR(flu jab, five)", 14, "the NEAR distance must be a whole number, as in NEAR(a b, 5)"),
        ("NEAR(flu jab, 5*)", 14, "the NEAR distance must be a whole number, as in NEAR(a b, 5)"),
        ("NEAR(flu jab", 0, "unclosed NEAR(: it has no ')'"),
        ("NEAR(flu (jab))", 9, 'NEAR( ) takes only words and "phrases", then an optional ", N"'),
    ],
)
def test_errors_say_where_and_why(query, position, message):
    with pytest.raises(QueryError) as caught:
        parse(query)
    assert caught.value.message == message
    assert caught.value.position == position
    assert caught.value.query == query


def test_unknown_field_lists_the_known_ones():
    with pytest.raises(QueryError) as caught:
        parse("flu foo:bar")
    error = caught.value
    assert error.position == 4
    assert error.message.startswith("unknown field 'foo:'; known fields are title:, subtitle:, body:, note:, source:")
    for name in ("site:", "section:", "author:", "reviewer:", "tag:"):
        assert name in error.message
    assert '"foo:bar"' in error.message  # the hint: quote it to search the text


def test_format_tree():
    tree = format_tree(parse('(vacc* OR "flu jab") -title:NEAR(a b, 3) Zürich'))
    assert tree == "\n".join(
        [
            "AND",
            "  OR",
            "    prefix vacc*",
            '    phrase "flu jab"',
            "  NOT",
            "    in title:",
            "      NEAR within 3 words",
            "        word a",
            "        word b",
            "  word zurich",
        ]
    )
    assert format_tree(None).startswith("(empty query")


def _ctx(languages=("en",), exact=False) -> MatchContext:
    return MatchContext(list(languages), lambda lang, word: stemmer(lang).stem(word), exact)


def test_compiles_to_quoted_fts5():
    assert to_match(parse("veins"), _ctx()) == '{title subtitle body} : "vein"'
    assert to_match(parse("veins"), _ctx(exact=True)) == '{title_x subtitle_x body_x} : "veins"'
    assert to_match(parse("vein*"), _ctx()) == '{title_x subtitle_x body_x} : "vein"*'
    assert to_match(parse("author:Smiths"), _ctx()) == '{author} : "smiths"'
    assert to_match(parse('a -b'), _ctx()) == '(({title subtitle body} : "a")) NOT ({title subtitle body} : "b")'
    assert to_match(parse("NEAR(a b, 3)"), _ctx()) == '{title subtitle body} : NEAR("a" "b", 3)'
    # Quoted phrases are exact (unstemmed); a hyphenated word is a phrase but still stemmed.
    assert to_match(parse('"blood veins"'), _ctx()) == '{title_x subtitle_x body_x} : "blood veins"'
    assert to_match(parse("blood-veins"), _ctx()) == '{title subtitle body} : "blood vein"'
    assert to_match(parse('NEAR(veins "blood")'), _ctx()) == '{title_x subtitle_x body_x} : NEAR("veins" "blood", 10)'


def test_nothing_the_user_types_reaches_fts5_syntax():
    expr = to_match(parse('"a} OR {body" x^y NEAR(b c, 1) d:e'.replace("d:e", "tag:e")), _ctx(exact=True))
    assert "^" not in expr
    assert "a} OR {body" not in expr
    assert '"a or body"' in expr  # the phrase became quoted folded words
    assert '"x y"' in expr


def test_languages_that_stem_differently_are_told_apart():
    expr = to_match(parse("river"), _ctx(("de", "en")))
    assert expr == '(({title subtitle body} : "riv" AND {lang} : ("de")) OR ({title subtitle body} : "river" AND {lang} : ("en")))'


@pytest.mark.parametrize("query", ["-flu", "NOT flu", "a OR -b", "title:(-x)"])
def test_pure_negations_have_no_single_match(query):
    assert to_match(parse(query), _ctx()) is None


def test_title_key_and_positive_leaves():
    assert title_key(parse('Flu jab "for all"')) == "flu jab for all"
    assert title_key(parse("title:(Flu jab)")) == "flu jab"
    assert title_key(parse("flu OR jab")) is None
    assert title_key(parse("flu*")) is None
    leaves = positive_leaves(parse("a -b title:c"))
    assert [(leaf.text, fields) for leaf, fields in leaves] == [("a", ("title", "subtitle", "body")), ("c", ("title",))]


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Zürich", "zurich"),
        ("STRAßE", "strasse"),
        ("ﬁne", "fine"),
        ("ℌello", "hello"),
        ("Ærø Łódź", "aero lodz"),
        ("e\u0301te\u0301", "ete"),
        ("Regie\u00adrung", "regierung"),
        ("“quoted” — dash", "“quoted” — dash"),
    ],
)
def test_folding(text, folded):
    from newsarchive.search.text import fold

    assert fold(text) == folded


def test_words_and_languages():
    from newsarchive.search.text import language_key, words

    assert words("Covid-19: l’été, Zürich!") == ["covid", "19", "l", "ete", "zurich"]
    assert [language_key(x) for x in (None, "en", "de-CH", "FR", "nb", "ja", "")] == ["en", "en", "de", "fr", "no", "none", "en"]
