"""The CLI's machine output: the same JSON as the export, written without loading orjson."""

from __future__ import annotations

import json
from datetime import date, datetime

import orjson
import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsarchive.cli.output import json_text
from newsarchive.export.json import dumps

TRICKY = [
    [],
    {},
    {"title": "Zürich \u2028 line\u2029 \u202eevil\u202c \u2066iso\u2069 \x7f\x85\x9b[31m \x1b[0m \u00a0 😀"},
    {"controls": "".join(map(chr, range(32))) + '"\\/'},
    [{"id": "a1", "score": 12.345678, "snippet": "[river] rose", "published": None, "tags": ["x", "y"]}],
    {2: "int key", True: "bool key", None: "null key", "nested": {"deep": [1.5, True, False, None, -0.0, 1e16]}},
    {"when": date(2024, 1, 2), "at": datetime(2024, 1, 2, 3, 4, 5)},
]

JSONISH = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**63), 2**63 - 1) | st.floats(allow_nan=False, allow_infinity=False) | st.text(),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=20,
)


def floats_spelled_alike(value) -> bool:
    """Whether Python and orjson write every float in `value` the same way (they differ on
    some below 1e-4, such as 2.5e-05 and 0.000025)."""
    if isinstance(value, float):
        return repr(value) == orjson.dumps(value).decode()
    if isinstance(value, dict):
        return all(floats_spelled_alike(v) for v in value.values())
    if isinstance(value, list):
        return all(floats_spelled_alike(v) for v in value)
    return True


@pytest.mark.parametrize("indent", [True, False])
@pytest.mark.parametrize("value", TRICKY)
def test_json_text_is_what_the_json_export_writes(value, indent):
    assert json_text(value, indent=indent) == dumps(value, indent=indent)


@given(JSONISH)
def test_json_text_matches_the_export_on_any_json_value(value):
    for indent in (True, False):
        ours, export = json_text(value, indent=indent), dumps(value, indent=indent)
        assert json.loads(ours) == json.loads(export)
        if floats_spelled_alike(value):
            assert ours == export


def test_a_small_float_is_spelled_differently_but_reads_back_the_same():
    assert json_text(2.5e-05) == "2.5e-05" and dumps(2.5e-05) == "0.000025"
    assert json.loads(json_text([2.5e-05])) == json.loads(dumps([2.5e-05]))
