"""The Markdown dialect of the site, for rendering outside MkDocs (checks, link anchors).

Must list the same extensions as ``markdown_extensions`` in ``mkdocs.yml`` (a test keeps them
equal), so ids and links found here are the ones the built site has.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.metadata
import json
from pathlib import Path

import markdown

EXTENSIONS: dict[str, dict] = {
    "abbr": {},
    "admonition": {},
    "attr_list": {},
    "def_list": {},
    "footnotes": {},
    "md_in_html": {},
    "tables": {},
    "toc": {"permalink": True},
    "pymdownx.superfences": {},
}


def render(text: str) -> str:
    return markdown.markdown(
        text,
        extensions=list(EXTENSIONS),
        extension_configs={k: v for k, v in EXTENSIONS.items() if v},
    )


# The cache file as last read or written by this process (`make serve` checks every save).
_LOADED: dict[Path, tuple[tuple[int, int], dict[str, str]]] = {}


class RenderCache:
    """Rendered HTML by content hash of the Markdown, kept in a file between runs.

    Why: the link check renders every page once per ``make site`` / ``make check`` (about a
    fifth of a no-change build), although the pages rarely change. ``render`` is a pure
    function of the text, the extension settings and the library versions, which together
    make the key, so a hit is the same HTML a fresh render gives. Entries not used in a run
    are dropped when it saves, so the file follows the pages.
    """

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._stored: dict[str, str] = {}
        self._used: dict[str, str] = {}
        if path is not None and path.is_file():
            try:
                stat = path.stat()
                loaded = _LOADED.get(path)
                if loaded is not None and loaded[0] == (stat.st_mtime_ns, stat.st_size):
                    self._stored = loaded[1]
                else:
                    self._stored = json.loads(path.read_text(encoding="utf-8"))
                    _LOADED[path] = ((stat.st_mtime_ns, stat.st_size), self._stored)
            except (OSError, ValueError):
                self._stored = {}  # a damaged cache only costs time

    def render(self, text: str) -> str:
        key = hashlib.sha256((_SALT + text).encode("utf-8")).hexdigest()
        html = self._used.get(key) or self._stored.get(key)
        if html is None:
            html = render(text)
        self._used[key] = html
        return html

    def save(self) -> None:
        if self.path is None or self._used == self._stored:
            return
        with contextlib.suppress(OSError):  # a read-only cache folder only costs time
            self.path.parent.mkdir(parents=True, exist_ok=True)
            tmp = self.path.with_suffix(".tmp")
            tmp.write_text(json.dumps(self._used, sort_keys=True), encoding="utf-8")
            tmp.replace(self.path)
            stat = self.path.stat()
            _LOADED[self.path] = ((stat.st_mtime_ns, stat.st_size), dict(self._used))


def _versions() -> str:
    names = ("markdown", "pymdown-extensions")
    return ";".join(f"{n}={importlib.metadata.version(n)}" for n in names)


_SALT = f"{_versions()}|{json.dumps(EXTENSIONS, sort_keys=True)}|"
