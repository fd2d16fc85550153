"""Front matter parsing that reports YAML mistakes with the file's own line numbers."""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import Collector
from ..untrusted.refusal import RefusedFile
from ..untrusted.yamlfile import parse_yaml_text, read_text


@dataclass
class MarkdownDoc:
    """A Markdown file split into its front matter and body."""

    path: Path
    meta: dict[str, Any] = field(default_factory=dict)
    body: str = ""
    body_line: int = 1  # line number (1-based) where the body starts in the file
    broken: bool = False  # the front matter could not be read (already reported)


MAX_TEXT_BYTES = 2 * 1024 * 1024  # a Markdown page or YAML file of the project
_parsed: dict[str, Any] = {}  # text → parsed value: `make serve` reloads unchanged files


def load_yaml(path: Path, text: str, issues: Collector, first_line: int = 1) -> Any:
    """Parse YAML through the guarded door, turning every failure into a problem.

    Syntax errors keep the file's real line number; aliases, nesting and size are bounded
    (:mod:`puebla.untrusted.yamlfile`), so no content file can hang or crash the build.
    Successful parses are remembered by text (a copy is returned, so callers may change it):
    a preview reloads the whole model after each save, and parsing is most of that.
    """
    if text in _parsed:
        return copy.deepcopy(_parsed[text])
    try:
        value = parse_yaml_text(text, path, first_line=first_line)
    except RefusedFile as exc:
        issues.problems.append(exc.problem)
        return None
    if len(_parsed) > 4096:
        _parsed.clear()
    _parsed[text] = value
    return copy.deepcopy(value)


def read_text_file(path: Path, issues: Collector, max_bytes: int = MAX_TEXT_BYTES) -> str | None:
    """A content file's text: size checked first, UTF-8 (BOM dropped), CRLF made LF."""
    try:
        return read_text(path, max_bytes)
    except RefusedFile as exc:
        issues.problems.append(exc.problem)
        return None


def read_yaml_file(path: Path, issues: Collector, max_bytes: int = MAX_TEXT_BYTES) -> Any:
    """Read and parse a YAML content file; ``None`` (with the problem reported) if it fails."""
    text = read_text_file(path, issues, max_bytes)
    return None if text is None else load_yaml(path, text, issues)


def read_markdown(path: Path, issues: Collector) -> MarkdownDoc:
    """Read a Markdown file with optional ``---`` front matter."""
    text = read_text_file(path, issues)
    if text is None:
        return MarkdownDoc(path=path, broken=True)
    doc = MarkdownDoc(path=path, body=text)
    if not text.startswith("---"):
        if re.search(r"(?m)^(title|description):", text[:2000]) and "\n---" in text[:2000]:
            issues.error(
                path,
                "the first '---' line of the front matter is missing",
                "add a line with only '---' at the very top of the file",
                line=1,
            )
            doc.broken = True
        return doc
    lines = text.splitlines(keepends=True)
    end = next((i for i in range(1, len(lines)) if lines[i].rstrip() == "---"), None)
    if end is None:
        issues.error(
            path,
            "the front matter starts with '---' but never ends",
            "add a line with only '---' after the last front-matter field",
            line=1,
        )
        return doc
    errors_before = len(issues.errors)
    meta = load_yaml(path, "".join(lines[1:end]), issues, first_line=2)
    doc.broken = len(issues.errors) > errors_before
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        issues.error(path, "the front matter must be a list of 'key: value' lines", line=2)
        meta = {}
    doc.meta = meta
    doc.body = "".join(lines[end + 1 :])
    doc.body_line = end + 2
    return doc


def require_text(doc: MarkdownDoc, key: str, issues: Collector, max_len: int | None = None) -> str:
    """Return a required, non-empty string field, reporting it when absent or too long."""
    if doc.broken:
        return ""  # the front matter's own error says what to fix; no follow-up noise
    value = doc.meta.get(key)
    if value is not None and not isinstance(value, str):
        issues.error(
            doc.path,
            f"front matter field '{key}' is not plain text",
            f'put the value in double quotes: {key}: "…" (a colon followed by a space, or a '
            "leading [ { * & ! character, changes its meaning in YAML)",
            field=key,
        )
        return ""
    if not isinstance(value, str) or not value.strip():
        issues.error(
            doc.path,
            f"front matter field '{key}' is missing or empty",
            f"add a line '{key}: …' between the '---' lines at the top of the file",
            field=key,
        )
        return ""
    if max_len is not None and len(value) > max_len:
        issues.error(
            doc.path,
            f"front matter field '{key}' has {len(value)} characters; the limit is {max_len}",
            f"shorten the {key}",
            field=key,
        )
    return value.strip()
