"""Hypothesis strategies that break a real content file the ways real files break.

Two families, applied to a copy of one of the project's own files:

* **structural**: the file's data (its YAML, or a page's front matter) is parsed, one place
  in it is changed — a value of the wrong type, a key removed, renamed or added, odd
  Unicode, a huge value, deep nesting — and the data is written out again as YAML;
* **textual**: the bytes themselves — a byte-order mark, CRLF line ends, a line dropped or
  doubled, the file cut short, YAML syntax characters, binary garbage, Latin-1 instead of
  UTF-8, a NUL byte, an anchor/alias pile-up.

The strategies know nothing of any schema, so they keep working when a file's schema
changes (help-lines.yml is being reworked while these are written).
"""

from __future__ import annotations

import copy
from typing import Any

import yaml
from hypothesis import strategies as st

ODD_TEXT = st.sampled_from(
    [
        "",
        " ",
        "\u200b",  # zero-width space
        "\u202e‮reversed",  # right-to-left override
        "e\u0301\u0301\u0301",  # stacked combining accents
        "𝕳𝖊𝖑𝖕 🆘 👩🏽‍👧",
        "\ufeffstarts with a BOM",
        "tab\there",
        "line\nbreak",
        "{number}",
        "{",
        "}{",
        "{0}",
        "{missing}",
        "%s %d",
        "*alias",
        "&anchor",
        "!!python/object:os.system",
        "- item",
        "key: value",
        "#comment",
        "yes",
        "no",
        "null",
        "~",
        "2026-02-30",
        "0x1F",
        "1e400",
        ".nan",
        "<script>alert(1)</script>",
        "../../../etc/passwd",
        "file:///etc/passwd",
        "http://tracker.example/",
    ]
)

SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    ODD_TEXT,
    st.text(max_size=40),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=20),
)

HUGE = st.sampled_from(
    [
        "x" * 20_000,
        "word " * 4_000,
        10**200,
        list(range(1_000)),
        {f"k{i}": i for i in range(500)},
    ]
)


def _nested(depth: int) -> Any:
    value: Any = "deep"
    for _ in range(depth):
        value = [value]
    return value


WRONG_VALUES = st.one_of(
    SCALARS,
    st.lists(SCALARS, max_size=4),
    st.dictionaries(st.text(max_size=8), SCALARS, max_size=3),
    HUGE,
    st.integers(min_value=10, max_value=80).map(_nested),
)


def _paths(data: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in the data: mapping keys and list indexes, outermost first."""
    found = [prefix]
    if isinstance(data, dict):
        for key, value in data.items():
            found += _paths(value, (*prefix, key))
    elif isinstance(data, list):
        for i, value in enumerate(data[:8]):
            found += _paths(value, (*prefix, i))
    return found


def _parent(data: Any, path: tuple[Any, ...]) -> Any:
    for step in path[:-1]:
        data = data[step]
    return data


@st.composite
def mutated_data(draw: st.DrawFn, original: Any) -> Any:
    """``original`` (parsed YAML data) with one place changed."""
    data = copy.deepcopy(original)
    paths = _paths(data)
    # Depth first, then a place at that depth: top-level fields are as likely to break as
    # the many leaves of a long list.
    depth = draw(st.sampled_from(sorted({len(p) for p in paths})))
    path = draw(st.sampled_from([p for p in paths if len(p) == depth]))
    action = draw(st.sampled_from(["replace", "delete", "rename", "add", "wrap"]))
    if not path:  # the whole document
        return draw(WRONG_VALUES) if action != "add" else {**data, draw(st.text(max_size=10)): 1}
    parent, last = _parent(data, path), path[-1]
    if action == "replace":
        parent[last] = draw(WRONG_VALUES)
    elif action == "delete":
        del parent[last]
    elif action == "rename" and isinstance(parent, dict):
        parent[draw(ODD_TEXT | st.text(max_size=12))] = parent.pop(last)
    elif action == "add" and isinstance(parent, dict):
        parent[draw(ODD_TEXT | st.text(max_size=12))] = draw(WRONG_VALUES)
    elif action == "add" and isinstance(parent, list):
        parent.append(draw(WRONG_VALUES))
    else:  # wrap: the right value, one level too deep or too shallow
        parent[last] = draw(st.sampled_from([[parent[last]], {"value": parent[last]}]))
    return data


def dump(data: Any) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=80)


@st.composite
def mutated_bytes(draw: st.DrawFn, original: bytes) -> bytes:
    """``original`` with one textual accident."""
    lines = original.splitlines(keepends=True) or [b""]
    action = draw(
        st.sampled_from(
            [
                "bom",
                "crlf",
                "bom+crlf",
                "drop-line",
                "double-line",
                "truncate",
                "insert",
                "binary",
                "latin-1",
                "nul",
                "aliases",
                "tabs",
            ]
        )
    )
    i = draw(st.integers(min_value=0, max_value=len(lines) - 1))
    if action == "bom":
        return b"\xef\xbb\xbf" + original
    if action == "crlf":
        return original.replace(b"\n", b"\r\n")
    if action == "bom+crlf":
        return b"\xef\xbb\xbf" + original.replace(b"\n", b"\r\n")
    if action == "drop-line":
        return b"".join(lines[:i] + lines[i + 1 :])
    if action == "double-line":
        return b"".join(lines[: i + 1] + lines[i:])
    if action == "truncate":
        return original[: draw(st.integers(min_value=0, max_value=len(original)))]
    if action == "insert":
        junk = draw(ODD_TEXT | st.sampled_from(["---\n", ": :", "[", "{", "\"", "'", "  - "]))
        return b"".join([*lines[:i], junk.encode("utf-8"), *lines[i:]])
    if action == "binary":
        return b"".join([*lines[:i], draw(st.binary(min_size=1, max_size=64)), *lines[i:]])
    if action == "latin-1":
        return original.decode("utf-8").encode("latin-1", "replace")
    if action == "nul":
        return b"".join([*lines[:i], b"\x00", *lines[i:]])
    if action == "aliases":
        n = draw(st.integers(min_value=1, max_value=60))
        return original + b"\nextra_: &x [1]\nmore_: [" + b", ".join([b"*x"] * n) + b"]\n"
    return original.replace(b"  ", b"\t", 1)  # tabs


def front_matter_page(original: str) -> tuple[Any, str]:
    """(front matter data, body) of a Markdown page with ``---`` front matter."""
    _, meta, body = original.split("---\n", 2)
    return yaml.safe_load(meta), body
