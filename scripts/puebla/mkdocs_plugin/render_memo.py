"""Each page's Markdown rendered once, not in every build: MkDocs' ``Page.render`` remembered.

Why: rendering Markdown is the largest share of a build (about a third), and ``make site``
renders every page twice (the offline kit, then the site) in every language, although an edit
changes one page. MkDocs renders a page from its Markdown (after the plugins' changes), its
own address, the addresses of all files (links are resolved against them) and the Markdown
settings; those, with the library versions, are the key, so a remembered render is the HTML a
fresh render gives. Kept in memory for the process (``make serve``) and as one small JSON file
per render under ``.cache/pages`` (the next ``make site``). A render that logged a warning is
not remembered: the warning (a broken link, say) comes again next time, as it would without.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.metadata
import json
import logging
from pathlib import Path
from typing import Any

from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, TableOfContents
from mkdocs.utils import CountHandler

_VERSIONS = ";".join(
    f"{name}={importlib.metadata.version(name)}"
    for name in ("mkdocs", "markdown", "pymdown-extensions")
)


def _toc_data(items: list[AnchorLink]) -> list[dict]:
    return [
        {"title": i.title, "id": i.id, "level": i.level, "children": _toc_data(i.children)}
        for i in items
    ]


def _toc(data: list[dict]) -> TableOfContents:
    def link(entry: dict) -> AnchorLink:
        item = AnchorLink(entry["title"], entry["id"], entry["level"])
        item.children = [link(child) for child in entry["children"]]
        return item

    items = [link(entry) for entry in data]
    if items:  # as MkDocs' get_toc: the first entry is marked active
        items[0].active = True  # type: ignore[attr-defined]
    return TableOfContents(items)


class RenderMemo:
    def __init__(self, render: Any) -> None:
        self.render = render
        self.folder: Path | None = None
        self.memory: dict[str, dict] = {}
        self.used: set[str] = set()
        self._files: tuple[Any, str] | None = None  # (Files object, its signature)

    def _files_signature(self, files: Any) -> str:
        if self._files is None or self._files[0] is not files:
            listing = "\n".join(f"{f.src_uri}\t{f.url}" for f in files)
            self._files = (files, hashlib.sha256(listing.encode()).hexdigest())
        return self._files[1]

    def _key(self, page: Any, config: Any, files: Any) -> str:
        parts = [
            _VERSIONS,
            repr((config["markdown_extensions"], config["mdx_configs"])),
            page.file.src_uri,
            page.file.url,
            page.file.dest_uri,
            self._files_signature(files),
            page.markdown or "",
        ]
        return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()

    def _load(self, key: str) -> dict | None:
        if key in self.memory:
            return self.memory[key]
        if self.folder is None:
            return None
        try:
            data = json.loads((self.folder / f"{key}.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        self.memory[key] = data
        return data

    def __call__(self, page: Any, config: Any, files: Any) -> None:
        key = self._key(page, config, files)
        self.used.add(key)
        data = self._load(key)
        if data is not None:
            page.content = data["content"]
            page.toc = _toc(data["toc"])
            page._title_from_render = data["title"]
            page.present_anchor_ids = set(data["anchors"])
            page.links_to_anchors = {
                files.get_file_from_path(uri): dict(found) for uri, found in data["links"].items()
            }
            return
        counter = CountHandler()
        counter.setLevel(logging.WARNING)
        logger = logging.getLogger("mkdocs")
        logger.addHandler(counter)
        try:
            self.render(page, config, files)
        finally:
            logger.removeHandler(counter)
        if counter.get_counts():
            return
        data = {
            "content": page.content,
            "toc": _toc_data(list(page.toc)),
            "title": page._title_from_render,
            "anchors": sorted(page.present_anchor_ids or ()),
            "links": {f.src_uri: dict(v) for f, v in (page.links_to_anchors or {}).items()},
        }
        self.memory[key] = data
        if self.folder is not None:
            with contextlib.suppress(OSError):  # a read-only cache folder only costs time
                self.folder.mkdir(parents=True, exist_ok=True)
                tmp = self.folder / f"{key}.tmp"
                tmp.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
                tmp.replace(self.folder / f"{key}.json")

    def prune(self) -> None:
        """Forget the renders this process did not use (after a complete ``make site``)."""
        if self.folder is None or not self.folder.is_dir():
            return
        for path in self.folder.glob("*.json"):
            if path.stem not in self.used:
                path.unlink(missing_ok=True)


_memo: RenderMemo | None = None


def remember_page_renders(folder: Path) -> RenderMemo:
    """Install the memo (once per process); renders are stored in ``folder``."""
    global _memo
    if _memo is None:
        _memo = RenderMemo(Page.render)
        memo = _memo
        Page.render = lambda page, config, files: memo(page, config, files)  # type: ignore[method-assign]
    if _memo.folder != folder:
        _memo.folder, _memo.memory, _memo.used = folder, {}, set()
    return _memo


def start_site_build() -> None:
    """A new ``make site`` in this process: count the renders it uses from now on."""
    if _memo is not None:
        _memo.used = set()


def prune_page_renders() -> None:
    if _memo is not None:
        _memo.prune()
