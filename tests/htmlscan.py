"""A small HTML reader for the tests (standard library only)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

_VOID = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "wbr",
}


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]


@dataclass
class Page:
    path: Path
    elements: list[Element] = field(default_factory=list)
    text_parts: list[str] = field(default_factory=list)
    main_parts: list[str] = field(default_factory=list)

    def find(self, tag: str, **attrs: str) -> list[Element]:
        return [
            e
            for e in self.elements
            if e.tag == tag and all(e.attrs.get(k.rstrip("_")) == v for k, v in attrs.items())
        ]

    def ids(self) -> set[str]:
        return {e.attrs["id"] for e in self.elements if "id" in e.attrs}

    @property
    def text(self) -> str:
        return re.sub(r"\s+", " ", " ".join(self.text_parts)).strip()

    @property
    def main_text(self) -> str:
        """Text of the article (the page content without header, navigation and footer)."""
        return re.sub(r"\s+", " ", " ".join(self.main_parts)).strip()

    @property
    def lang(self) -> str:
        return self.find("html")[0].attrs.get("lang", "")


class _Parser(HTMLParser):
    def __init__(self, page: Page) -> None:
        super().__init__(convert_charrefs=True)
        self.page = page
        self.skip = 0  # inside <script>/<style>
        self.article_depth = 0
        self.stack: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.page.elements.append(Element(tag, {k: v or "" for k, v in attrs}))
        if tag in ("script", "style"):
            self.skip += 1
        if tag in _VOID:
            return
        self.stack.append(tag)
        if tag == "article" or self.article_depth:
            self.article_depth += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self.skip = max(0, self.skip - 1)
        if tag in _VOID or tag not in self.stack:
            return
        while self.stack:
            top = self.stack.pop()
            if self.article_depth:
                self.article_depth -= 1
            if top == tag:
                break

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        self.page.text_parts.append(data)
        if self.article_depth:
            self.page.main_parts.append(data)


def read_page(path: Path) -> Page:
    page = Page(path)
    _Parser(page).feed(path.read_text(encoding="utf-8"))
    return page


def normalize(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()
