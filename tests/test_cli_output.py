"""The CLI's machine output: the same JSON as the export; `light` (for search) without orjson."""

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
    [{"id": "a1", "score": 1e-06, "snippet": "[river] rose", "published": None, "tags": ["x", "y"]}],
    [{"id": "a2", "score": 12.345678, "snippet": "[river] rose"}],
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


@pytest.mark.parametrize("indent", [True, False])
@pytest.mark.parametrize("value", TRICKY)
def test_light_json_text_writes_the_same_values(value, indent):
    light = json_text(value, indent=indent, light=True)
    assert json.loads(light) == json.loads(dumps(value, indent=indent))
    if floats_spelled_alike(value):
        assert light == dumps(value, indent=indent)


@given(JSONISH)
def test_json_text_matches_the_export_on_any_json_value(value):
    for indent in (True, False):
        export = dumps(value, indent=indent)
        assert json_text(value, indent=indent) == export
        light = json_text(value, indent=indent, light=True)
        assert json.loads(light) == json.loads(export)
        if floats_spelled_alike(value):
            assert light == export


def test_a_small_float_is_spelled_its_own_way_when_light_but_reads_back_the_same():
    assert json_text(1e-06, light=True) == "1e-06" and json_text(1e-06) == dumps(1e-06) == "1e-6"


def test_light_json_escapes_a_lone_surrogate_instead_of_failing_on_output():
    """A file name that is not UTF-8 reaches Python as lone surrogates."""
    text = json_text({"path": "bad\udce9name.txt"}, light=True)
    text.encode("utf-8")  # would raise with the surrogate left in
    assert json.loads(text) == {"path": "bad\udce9name.txt"}
