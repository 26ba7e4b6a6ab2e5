"""The CLI's machine output: JSON written without loading the export registry."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsarchive.cli.output import json_text
from newsarchive.export.json import dumps

TRICKY = [
    [],
    {},
    {"title": "Zürich \u2028 line\u2029 \u202eevil\u202c \u2066iso\u2069 \x7f\x85\x9b[31m \x1b[0m \u00a0 😀"},
    [{"id": "a1", "score": 1e-06, "snippet": "[river] rose", "published": None, "tags": ["x", "y"]}],
    {1: "int key", "nested": {"deep": [1.5, True, False, None]}},
    {"when": date(2024, 1, 2)},
]

JSONISH = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**63), 2**63 - 1) | st.floats(allow_nan=False, allow_infinity=False) | st.text(),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=20,
)


@pytest.mark.parametrize("indent", [True, False])
@pytest.mark.parametrize("value", TRICKY)
def test_json_text_is_what_the_json_export_writes(value, indent):
    assert json_text(value, indent=indent) == dumps(value, indent=indent)


@given(JSONISH)
def test_json_text_matches_the_export_on_any_json_value(value):
    assert json_text(value, indent=True) == dumps(value, indent=True)
    assert json_text(value) == dumps(value)
