"""Guarded YAML: size checked before parsing, aliases, depth and values counted while parsing.

``yaml.safe_load`` alone builds only plain data, but it happily reads a file of hundreds of
megabytes, and an alias bomb ("billion laughs": a few lines whose aliases refer to lists of
aliases) that turns into billions of items as soon as anyone walks it. Deep nesting exhausts
the parser's stack, dates like 2026-02-30 and integers of 5,000 digits raise plain Python
errors. Here each of these ends in a :class:`RefusedFile` naming the file and what to change.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from yaml.events import (
    AliasEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
)

from . import limits
from .refusal import RefusedFile


class _Limits(Exception):
    def __init__(self, message: str, hint: str, line: int | None) -> None:
        super().__init__(message)
        self.message, self.hint, self.line = message, hint, line


# libyaml's parser when PyYAML has it (about five times faster than the pure-Python one).
_LOADER: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_OPEN = (SequenceStartEvent, MappingStartEvent)
_CLOSE = (SequenceEndEvent, MappingEndEvent)
_NODE = (ScalarEvent, SequenceStartEvent, MappingStartEvent, AliasEvent)


def _check_events(text: str) -> None:
    """Count aliases, nesting and values from the parser's events, before any is composed.

    The events are a flat stream: nothing is expanded or built yet, so a bomb is seen for
    what it is (many aliases) before it can become billions of items.
    """
    aliases = depth = nodes = 0
    for event in yaml.parse(text, Loader=_LOADER):
        if not isinstance(event, _NODE + _CLOSE):
            continue
        line = event.start_mark.line + 1 if event.start_mark else None
        if isinstance(event, _CLOSE):
            depth -= 1
            continue
        nodes += 1
        if nodes > limits.MAX_YAML_NODES:
            raise _Limits(
                f"the YAML has more than {limits.MAX_YAML_NODES:,} values",
                "this is far more than the file needs: remove what does not belong in it",
                line,
            )
        if isinstance(event, AliasEvent):
            aliases += 1
            if aliases > limits.MAX_YAML_ALIASES:
                raise _Limits(
                    f"the YAML uses more than {limits.MAX_YAML_ALIASES} aliases (*name references)",
                    "write the values out instead of referring to them with '&name' and '*name'",
                    line,
                )
        elif isinstance(event, _OPEN):
            depth += 1
            if depth > limits.MAX_YAML_DEPTH:
                raise _Limits(
                    f"the YAML is nested more than {limits.MAX_YAML_DEPTH} levels deep",
                    "flatten the lists and mappings",
                    line,
                )


def _line_of(exc: BaseException) -> int | None:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    return mark.line + 1 if mark is not None else None


MALFORMED_HINT = (
    "check indentation and quote any value that contains a colon (:) or starts with "
    "a special character such as *, & or #"
)


def parse_yaml_text(text: str, path: Path | str, *, first_line: int = 1) -> Any:
    """Parse ``text`` (already read from ``path``) as guarded YAML; refuse it clearly.

    ``first_line`` is the file line where ``text`` starts (front matter starts on line 2),
    so errors point at the line an editor sees.
    """
    if len(text) > limits.MAX_YAML_BYTES:
        raise RefusedFile(
            path,
            f"the YAML is {len(text):,} characters long; the limit is {limits.MAX_YAML_BYTES:,}",
            "this is far more than the file needs: remove what does not belong in it",
        )
    if "\x00" in text:
        raise RefusedFile(
            path,
            "the file contains binary data (a NUL character), not text",
            "save it as plain UTF-8 text",
        )
    offset = first_line - 1
    try:
        _check_events(text)
        return yaml.load(text, Loader=_LOADER)  # a safe loader: plain data only
    except _Limits as exc:
        raise RefusedFile(
            path, exc.message, exc.hint, line=offset + exc.line if exc.line else None
        ) from None
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, max(exc.position, 0)) + 1
        raise RefusedFile(
            path,
            f"the file contains the control character #x{exc.character:04x}, which YAML does not allow",
            "delete it: it is usually invisible; retype the line, or save the file again as "
            "plain UTF-8 text",
            line=offset + line,
        ) from None
    except yaml.YAMLError as exc:
        problem = getattr(exc, "problem", None) or str(exc)
        line = _line_of(exc)
        raise RefusedFile(
            path,
            f"the YAML is malformed: {problem}",
            MALFORMED_HINT,
            line=offset + line if line else first_line,
        ) from None
    except (ValueError, OverflowError, TypeError) as exc:
        # A date that does not exist (2026-02-30), an integer of thousands of digits, a key
        # that is a list: YAML-valid, but not data this project can hold.
        raise RefusedFile(
            path,
            f"a value in the YAML cannot be read: {exc}",
            'quote dates and long numbers as text, e.g. checked: "2026-11-30", and use '
            "plain words as keys",
        ) from None
    except RecursionError:
        raise RefusedFile(
            path,
            "the YAML is nested too deeply to read",
            "flatten the lists and mappings",
        ) from None


def decode_text(data: bytes, path: Path | str) -> str:
    """UTF-8 text (a byte-order mark is accepted and dropped; CRLF becomes LF)."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise RefusedFile(
            path,
            f"the file is not UTF-8 text (byte {exc.start} cannot be read)",
            "save it as UTF-8 (in most editors: 'Save with encoding' → UTF-8)",
        ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_text(path: Path, max_bytes: int = limits.MAX_YAML_BYTES) -> str:
    """The file's text, refused by its size (stat) before a byte is read."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise RefusedFile(
            path, f"the file cannot be read: {exc.strerror}", "check the file name"
        ) from None
    if not path.is_file():
        raise RefusedFile(path, "this is not a regular file", "replace it with a plain file")
    if size > max_bytes:
        raise RefusedFile(
            path,
            f"the file is {size:,} bytes; the limit is {max_bytes:,}",
            "this is far more than the file needs: remove what does not belong in it",
        )
    with path.open("rb") as handle:
        data = handle.read(max_bytes + 1)  # the file may have grown since stat()
    if len(data) > max_bytes:
        raise RefusedFile(
            path, f"the file is larger than {max_bytes:,} bytes", "make the file smaller"
        )
    return decode_text(data, path)


def load_yaml_file(path: Path, max_bytes: int = limits.MAX_YAML_BYTES) -> Any:
    """Read and parse a YAML file through the guarded door."""
    return parse_yaml_text(read_text(path, max_bytes), path)
