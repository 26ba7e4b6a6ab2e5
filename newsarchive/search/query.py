"""The search query language: a tokenizer, a recursive-descent parser and the FTS5 compiler.

Grammar (keywords are upper-case; a lower-case "or" is an ordinary word):

    query    := or_expr
    or_expr  := and_expr ("OR" and_expr)*
    and_expr := unary (["AND"] unary)*            words side by side are ANDed
    unary    := "NOT" unary | "-" primary | primary
    primary  := [field ":"] atom
    atom     := "(" or_expr ")" | '"' words '"' ["*"] | NEAR "(" item item+ ["," N] ")" | word ["*"]

The parser builds an AST of small value classes (see `values`) and raises `QueryError` with the 0-based
position of the fault. `to_match` turns a tree into an FTS5 MATCH expression in which every
term is a quoted string made of folded letters and digits, so nothing the user typed is
ever pasted into SQL or into FTS5 syntax.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from newsarchive.errors import QueryError
from newsarchive.search.text import DEFAULT_FIELDS, FIELDS, NAME_FIELDS, words
from newsarchive.search.values import Value

DEFAULT_NEAR = 10  # FTS5's own default distance


class Term(Value):
    """One word; `prefix` when written `word*`."""

    __slots__ = ("text", "prefix", "position")
    _compared = ("text", "prefix")

    def __init__(self, text: str, prefix: bool = False, position: int = 0) -> None:
        self.text, self.prefix, self.position = text, prefix, position

    @property
    def unstemmed(self) -> bool:
        return self.prefix


class Phrase(Value):
    """Words that must follow each other. A word like "covid-19" is a phrase of two words.

    A phrase the user put in quotes is `quoted`: it is matched word for word, unstemmed (case
    and diacritics are still folded), as "exact phrases" promise.
    """

    __slots__ = ("text", "prefix", "quoted", "position")
    _compared = ("text", "prefix", "quoted")

    def __init__(self, text: str, prefix: bool = False, position: int = 0, quoted: bool = True) -> None:
        self.text, self.prefix, self.quoted, self.position = text, prefix, quoted, position

    @property
    def unstemmed(self) -> bool:
        return self.prefix or self.quoted


class Near(Value):
    """Terms or phrases within `distance` words of each other."""

    __slots__ = ("items", "distance", "position")
    _compared = ("items", "distance")

    def __init__(self, items: tuple[Term | Phrase, ...], distance: int = DEFAULT_NEAR, position: int = 0) -> None:
        self.items, self.distance, self.position = items, distance, position


class And(Value):
    __slots__ = ("children",)

    def __init__(self, children: tuple[Node, ...]) -> None:
        self.children = children


class Or(Value):
    __slots__ = ("children",)

    def __init__(self, children: tuple[Node, ...]) -> None:
        self.children = children


class Not(Value):
    __slots__ = ("child", "position")
    _compared = ("child",)

    def __init__(self, child: Node, position: int = 0) -> None:
        self.child, self.position = child, position


class Field(Value):
    """A sub-query restricted to one field of the record (`title:`, `author:`...)."""

    __slots__ = ("name", "child", "position")
    _compared = ("name", "child")

    def __init__(self, name: str, child: Node, position: int = 0) -> None:
        self.name, self.child, self.position = name, child, position


Node = "Term | Phrase | Near | And | Or | Not | Field"
Leaf = "Term | Phrase | Near"

KNOWN_FIELDS = FIELDS
_FIELD = re.compile(r"([A-Za-z]+):")


class _Token(Value):
    __slots__ = ("kind", "value", "position", "prefix")

    def __init__(self, kind: str, value: str, position: int, prefix: bool = False) -> None:
        # kind: WORD PHRASE LP RP OR AND NOT MINUS FIELD NEAR COMMA EOF
        self.kind, self.value, self.position, self.prefix = kind, value, position, prefix


# What one character stands for, where it stands alone as a token.
_SINGLE_CHAR_TOKENS = {",": "COMMA", "(": "LP", ")": "RP"}


def _tokenize(query: str) -> list[_Token]:
    tokens: list[_Token] = []
    n = len(query)
    i = 0
    near_depth = 0  # commas mean something only inside NEAR( ... ); elsewhere they separate words
    while i < n:
        ch = query[i]
        if ch.isspace() or (ch == "," and not near_depth):
            i += 1
        elif ch in _SINGLE_CHAR_TOKENS:
            tokens.append(_Token(_SINGLE_CHAR_TOKENS[ch], ch, i))
            if ch == ")":
                near_depth = 0
            i += 1
        elif ch == '"':
            phrase, i = _phrase_token(query, i)
            tokens.append(phrase)
        elif _is_minus(query, i):
            tokens.append(_Token("MINUS", ch, i))
            i += 1
        else:
            token, i = _run_token(query, i)
            if token is not None:
                tokens.append(token)
                if token.kind == "NEAR":
                    near_depth = 1
    if not tokens and query.strip():
        raise QueryError("nothing to search for: the query has no letters or digits", query=query, position=0)
    tokens.append(_Token("EOF", "", n))
    return tokens


def _phrase_token(query: str, i: int) -> tuple[_Token, int]:
    """The quoted phrase that starts at `i` (with a `*` right after it, a prefix), and where it ends."""
    end = query.find('"', i + 1)
    if end < 0:
        raise QueryError('unclosed quote: the phrase that starts here has no closing "', query=query, position=i)
    prefix = query[end + 1 : end + 2] == "*"
    return _Token("PHRASE", query[i + 1 : end], i, prefix), end + 2 if prefix else end + 1


def _is_minus(query: str, i: int) -> bool:
    """Whether the character at `i` is a '-' that negates what follows it.

    Only one stuck to a term is: "Markets - live" and "--" are punctuation, not negation.
    """
    return query[i] == "-" and i + 1 < len(query) and not query[i + 1].isspace() and query[i + 1] not in "-)"


def _run_token(query: str, i: int) -> tuple[_Token | None, int]:
    """The token of the run of characters that starts at `i`, and where the next token starts.

    A run is a field name, a keyword, or a word; None when it holds no letters or digits.
    """
    j = i
    while j < len(query) and not query[j].isspace() and query[j] not in '()",':
        j += 1
    run = query[i:j]
    match = _FIELD.match(run)
    if match:
        field = _field_token(query, i, run, match)
        if field is not None:
            return field, i + len(match.group(0))
    if run in ("OR", "AND", "NOT"):
        return _Token(run, run, i), j
    if run == "NEAR" and query[j : j + 1] == "(":
        return _Token("NEAR", run, i), j
    return _word_token(query, i, run), j


def _field_token(query: str, i: int, run: str, match: re.Match[str]) -> _Token | None:
    """The FIELD token for a run that starts `name:`, or None when the colon is just text.

    Raises QueryError for an unknown name directly followed by more text.
    """
    after = query[i + len(match.group(0)) : i + len(match.group(0)) + 1]
    name = match.group(1).lower()
    if name in KNOWN_FIELDS and after != "/":
        return _Token("FIELD", name, i)
    if after and not after.isspace() and after not in "/)":
        # "foo:bar" looks like a field; "Brexit: the deal" (a pasted headline) does not.
        raise QueryError(
            f"unknown field '{match.group(1)}:'; known fields are "
            + ", ".join(f"{f}:" for f in KNOWN_FIELDS)
            + ' (put it in quotes to search for the text itself, as in "'
            + run
            + '")',
            query=query,
            position=i,
        )
    return None


def _word_token(query: str, i: int, run: str) -> _Token | None:
    """The WORD token for a run (a prefix when it ends in `*`), or None for bare punctuation."""
    stripped = run.rstrip("*")
    if not stripped:
        raise QueryError("'*' must end a word, as in vacc* (a prefix search)", query=query, position=i)
    # Punctuation standing alone ("Marks & Spencer", "Markets - live") is not a
    # term: headlines pasted as queries must still work.
    if words(stripped):
        return _Token("WORD", stripped, i, prefix=stripped != run)
    return None


_ATOM_START = {"WORD", "PHRASE", "LP", "NEAR"}
# FTS5's own query parser overflows its stack at about 25 nested groups.
MAX_GROUP_DEPTH = 20
_UNARY_START = _ATOM_START | {"NOT", "MINUS", "FIELD"}


class _Parser:
    def __init__(self, query: str) -> None:
        self.query = query
        self.tokens = _tokenize(query)
        self.at = 0
        self.field: str | None = None
        self._check_depth()

    def _check_depth(self) -> None:
        """Refuse groups nested deeper than SQLite's FTS5 parser can take (about 25)."""
        depth = 0
        for token in self.tokens:
            depth += token.kind == "LP"
            depth -= token.kind == "RP" and depth > 0
            if depth > MAX_GROUP_DEPTH:
                raise self.error(f"parentheses nest more than {MAX_GROUP_DEPTH} deep", token.position)

    def error(self, message: str, position: int) -> QueryError:
        return QueryError(message, query=self.query, position=position)

    def peek(self) -> _Token:
        return self.tokens[self.at]

    def take(self) -> _Token:
        token = self.tokens[self.at]
        self.at += 1
        return token

    def parse(self) -> Node | None:
        if self.peek().kind == "EOF":
            return None
        node = self.or_expr()
        token = self.peek()
        if token.kind == "RP":
            raise self.error("unexpected ')': there is no '(' for it to close", token.position)
        if token.kind != "EOF":  # pragma: no cover - every other token starts a term
            raise self.error(f"unexpected {token.value!r}", token.position)
        return node

    def or_expr(self) -> Node:
        children = [self.and_expr()]
        while self.peek().kind == "OR":
            op = self.take()
            if self.peek().kind in ("EOF", "RP", "OR", "AND"):
                raise self.error("OR needs a term after it", op.position)
            children.append(self.and_expr())
        return children[0] if len(children) == 1 else Or(tuple(children))

    def and_expr(self) -> Node:
        children = [self.unary()]
        while True:
            kind = self.peek().kind
            if kind == "AND":
                op = self.take()
                if self.peek().kind in ("EOF", "RP", "OR", "AND"):
                    raise self.error("AND needs a term after it", op.position)
                children.append(self.unary())
            elif kind in _UNARY_START:
                children.append(self.unary())
            else:
                break
        return children[0] if len(children) == 1 else And(tuple(children))

    def unary(self) -> Node:
        token = self.peek()
        if token.kind in ("OR", "AND"):
            raise self.error(f"{token.kind} needs a term before it", token.position)
        if token.kind == "NOT":
            self.take()
            if self.peek().kind not in _UNARY_START:
                raise self.error("NOT needs a term after it", token.position)
            child = self.unary()
            return child.child if isinstance(child, Not) else Not(child, token.position)
        if token.kind == "MINUS":
            self.take()
            if self.peek().kind not in _ATOM_START | {"FIELD"}:
                raise self.error("'-' needs a term after it, as in -word", token.position)
            return Not(self.primary(), token.position)
        return self.primary()

    def primary(self) -> Node:
        token = self.peek()
        if token.kind != "FIELD":
            return self.atom()
        self.take()
        if self.field is not None and self.field != token.value:
            raise self.error(f"field '{token.value}:' cannot be used inside '{self.field}:'", token.position)
        if self.peek().kind not in _ATOM_START:
            raise self.error(f"field '{token.value}:' needs a word, a \"phrase\" or a (group) right after it", token.position)
        outer, self.field = self.field, token.value
        try:
            child = self.atom()
        finally:
            self.field = outer
        return Field(token.value, child, token.position)

    def atom(self) -> Node:
        token = self.take()
        if token.kind == "LP":
            if self.peek().kind == "RP":
                raise self.error("empty parentheses: put at least one term inside ( )", token.position)
            if self.peek().kind == "EOF":
                raise self.error("unclosed parenthesis: this '(' has no ')'", token.position)
            node = self.or_expr()
            if self.peek().kind != "RP":
                raise self.error("unclosed parenthesis: this '(' has no ')'", token.position)
            self.take()
            return node
        if token.kind == "NEAR":
            return self.near(token)
        if token.kind in ("WORD", "PHRASE"):
            return self.term(token)
        if token.kind == "RP":
            raise self.error("unexpected ')': there is no '(' for it to close", token.position)
        raise self.error("a term is missing here", token.position)  # pragma: no cover - guarded by callers

    def term(self, token: _Token) -> Term | Phrase:
        found = words(token.value)
        if not found:
            if token.kind == "PHRASE":
                raise self.error("empty phrase: there are no words between the quotes", token.position)
            raise self.error(f"'{token.value}' has no letters or digits to search for", token.position)
        if token.kind == "WORD" and len(found) == 1:
            return Term(token.value, token.prefix, token.position)
        return Phrase(token.value, token.prefix, token.position, quoted=token.kind == "PHRASE")

    def near(self, start: _Token) -> Near:
        self.take()  # the "(" the tokenizer saw right after NEAR
        items: list[Term | Phrase] = []
        distance = DEFAULT_NEAR
        while self.peek().kind in ("WORD", "PHRASE"):
            items.append(self.term(self.take()))
        if self.peek().kind == "COMMA":
            self.take()
            number = self.peek()
            if number.kind != "WORD" or not number.value.isdigit() or number.prefix:
                raise self.error("the NEAR distance must be a whole number, as in NEAR(a b, 5)", number.position)
            distance = int(self.take().value)
        token = self.peek()
        if token.kind == "EOF":
            raise self.error("unclosed NEAR(: it has no ')'", start.position)
        if token.kind != "RP":
            raise self.error('NEAR( ) takes only words and "phrases", then an optional ", N"', token.position)
        self.take()
        if len(items) < 2:
            raise self.error("NEAR needs at least two terms, as in NEAR(flood river, 5)", start.position)
        return Near(tuple(items), distance, start.position)


def parse(query: str) -> Node | None:
    """Parse a query; None when it is blank (which lists by filters alone)."""
    try:
        return _Parser(query).parse()
    except RecursionError:
        # Hundreds of nested parentheses: no person writes that, and the parser's
        # recursion (and every walk of the tree after it) must not crash on it.
        raise QueryError("the query nests parentheses or NOTs too deeply", query=query, position=0) from None


# ----------------------------------------------------------------------------------------
# Explaining


def format_tree(node: Node | None) -> str:
    """An indented, plain-text picture of the parsed query, for `--explain`."""
    if node is None:
        return "(empty query: every article that passes the filters)"
    lines: list[str] = []

    def leaf_text(leaf: Term | Phrase) -> str:
        star = "*" if leaf.prefix else ""
        if isinstance(leaf, Term):
            return f"{'prefix' if leaf.prefix else 'word'} {words(leaf.text)[0]}{star}"
        return f'phrase "{" ".join(words(leaf.text))}"{star}'

    def walk(n: Node, depth: int) -> None:
        pad = "  " * depth
        if isinstance(n, (Term, Phrase)):
            lines.append(pad + leaf_text(n))
        elif isinstance(n, Near):
            lines.append(f"{pad}NEAR within {n.distance} words")
            for item in n.items:
                lines.append("  " * (depth + 1) + leaf_text(item))
        elif isinstance(n, (And, Or)):
            lines.append(pad + ("AND" if isinstance(n, And) else "OR"))
            for child in n.children:
                walk(child, depth + 1)
        elif isinstance(n, Not):
            lines.append(pad + "NOT")
            walk(n.child, depth + 1)
        else:
            lines.append(f"{pad}in {n.name}:")
            walk(n.child, depth + 1)

    walk(node, 0)
    return "\n".join(lines)


# ----------------------------------------------------------------------------------------
# Compiling to FTS5


def positive_leaves(node: Node | None, fields: tuple[str, ...] = DEFAULT_FIELDS) -> list[tuple[Leaf, tuple[str, ...]]]:
    """The terms a matching article contains (those not under NOT), with the fields searched."""
    found: list[tuple[Leaf, tuple[str, ...]]] = []

    def walk(n: Node, current: tuple[str, ...]) -> None:
        if isinstance(n, (Term, Phrase, Near)):
            found.append((n, current))
        elif isinstance(n, (And, Or)):
            for child in n.children:
                walk(child, current)
        elif isinstance(n, Field):
            walk(n.child, (n.name,))

    if node is not None:
        walk(node, fields)
    return found


def title_key(node: Node | None) -> str | None:
    """The folded words of a query made only of words and phrases, to spot an exact title."""
    parts: list[str] = []

    def walk(n: Node) -> bool:
        if isinstance(n, (Term, Phrase)) and not n.prefix:
            parts.extend(words(n.text))
            return True
        if isinstance(n, And):
            return all(walk(child) for child in n.children)
        if isinstance(n, Field) and n.name == "title":
            return walk(n.child)
        return False

    return " ".join(parts) if node is not None and walk(node) else None


class MatchContext(Value):
    """What compiling needs from the index: its languages, and how each stems a word."""

    __slots__ = ("languages", "stem", "exact")

    def __init__(self, languages: Sequence[str], stem: Callable[[str, str], str], exact: bool = False) -> None:
        self.languages = languages
        self.stem = stem  # (language key, folded word) -> stem
        self.exact = exact


def column(field_name: str, stemmed: bool) -> str:
    """The FTS5 column holding a field: prose has a stemmed and an exact ("_x") column."""
    if field_name in NAME_FIELDS:
        return field_name
    return field_name if stemmed else f"{field_name}_x"


def _quote(tokens: Sequence[str]) -> str:
    # Tokens are folded letters and digits already; doubling quotes keeps that true regardless.
    return '"' + " ".join(t.replace('"', '""') for t in tokens) + '"'


def _columns(fields: Sequence[str], stemmed: bool) -> str:
    return "{" + " ".join(column(f, stemmed) for f in fields) + "}"


def _stem_groups(leaf: Leaf, ctx: MatchContext) -> list[tuple[tuple[tuple[str, ...], ...], list[str]]]:
    """For each distinct way the index's languages stem this leaf, the languages that do so."""
    items = leaf.items if isinstance(leaf, Near) else (leaf,)
    groups: dict[tuple[tuple[str, ...], ...], list[str]] = {}
    for language in ctx.languages or ("en",):
        stems = tuple(tuple(ctx.stem(language, w) for w in words(item.text)) for item in items)
        groups.setdefault(stems, []).append(language)
    return list(groups.items())


def _leaf_match(leaf: Leaf, fields: tuple[str, ...], ctx: MatchContext) -> str:
    items = leaf.items if isinstance(leaf, Near) else (leaf,)
    has_prose = any(f not in NAME_FIELDS for f in fields)
    # FTS5 checks a NEAR group in one column, so one unstemmed item makes the whole group so.
    stemmed = has_prose and not ctx.exact and not any(item.unstemmed for item in items)

    def render(stems: Sequence[Sequence[str]]) -> str:
        phrases = [_quote(s) + ("*" if item.prefix else "") for s, item in zip(stems, items)]
        if isinstance(leaf, Near):
            return f"{_columns(fields, stemmed)} : NEAR({' '.join(phrases)}, {leaf.distance})"
        return f"{_columns(fields, stemmed)} : {phrases[0]}"

    if not stemmed:
        return render([words(item.text) for item in items])
    groups = _stem_groups(leaf, ctx)
    if len(groups) == 1:
        return render(groups[0][0])
    # Languages stem the word differently: each stem counts only in articles of its language.
    alternatives = [f"({render(stems)} AND {{lang}} : ({' OR '.join(_quote([k]) for k in keys)}))" for stems, keys in groups]
    return "(" + " OR ".join(alternatives) + ")"


def to_match(node: Node, ctx: MatchContext, fields: tuple[str, ...] = DEFAULT_FIELDS) -> str | None:
    """The FTS5 MATCH expression for `node`, or None when FTS5 cannot express it.

    FTS5's NOT is binary ("a NOT b"), so a NOT with nothing positive beside it (`-word` alone,
    `a OR -b`) has no MATCH form; the index evaluates those with set operations instead.
    Field restrictions are pushed down to every leaf because FTS5 intersects nested filters.
    """
    if isinstance(node, (Term, Phrase, Near)):
        return _leaf_match(node, fields, ctx)
    if isinstance(node, Field):
        return to_match(node.child, ctx, (node.name,))
    if isinstance(node, Not):
        return None
    if isinstance(node, Or):
        parts = [to_match(child, ctx, fields) for child in node.children]
        if any(p is None for p in parts):
            return None
        return "(" + " OR ".join(f"({p})" for p in parts) + ")"
    positives = [to_match(child, ctx, fields) for child in node.children if not isinstance(child, Not)]
    negatives = [to_match(child.child, ctx, fields) for child in node.children if isinstance(child, Not)]
    if not positives or any(p is None for p in positives + negatives):
        return None
    expr = "(" + " AND ".join(f"({p})" for p in positives) + ")"
    return expr + "".join(f" NOT ({n})" for n in negatives)
