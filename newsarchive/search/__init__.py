"""Full-text search: the query language, the derived SQLite FTS5 index, snippets and facets.

`query` parses what the user typed, `text` folds and stems words the same way for the index
and for queries, `index` keeps the derived index and answers searches, `highlight` finds the
matched words in a text for snippets and concordances, `reference` is the slow, obviously
correct evaluator the tests compare the index against. Nothing here imports click or rich.
"""
