"""Quotations as a reader gets them: the text of every element marked ``class="quotation"``
(the shared marker), and the communiqué's paragraphs as the site publishes them per language.

Why a parser of its own: the tests compare built HTML character for character, so they read
the text exactly as a browser would show it (entities decoded, whitespace collapsed), without
the quotation's ``<footer>`` (its source line, not quoted text).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

_VOID = {"br", "hr", "img", "input", "link", "meta", "source", "wbr", "col", "area", "base"}


@dataclass
class Quote:
    tag: str  # blockquote or q
    source: str
    ref: str
    lang: str  # the quoted text's language (the page's when the attribute is absent)
    text: str
    in_details: bool


@dataclass
class _Open:
    tag: str
    attrs: dict[str, str]
    parts: list[str] = field(default_factory=list)
    depth: int = 0


class _Scan(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page_lang = ""
        self.stack: list[tuple[str, dict[str, str]]] = []
        self.open: list[_Open] = []
        self.quotes: list[Quote] = []
        self.paragraphs: list[tuple[str, str]] = []  # (id, text) of <p> in the article
        self._p: list[str] | None = None
        self._p_id = ""
        self.footer = 0

    def handle_starttag(self, tag: str, attrs_list: list[tuple[str, str | None]]) -> None:
        attrs = {k: v or "" for k, v in attrs_list}
        if tag == "html":
            self.page_lang = attrs.get("lang", "")
        if tag in _VOID:
            return
        self.stack.append((tag, attrs))
        if tag == "footer" and self.open:
            self.footer += 1
        if "quotation" in attrs.get("class", "").split():
            self.open.append(_Open(tag, attrs, depth=len(self.stack)))
        if tag == "p" and not self.open:
            self._p, self._p_id = [], attrs.get("id", "")

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID or not any(t == tag for t, _ in self.stack):
            return
        while self.stack:
            top, _attrs = self.stack.pop()
            if top == "footer" and self.footer:
                self.footer -= 1
            if self.open and self.open[-1].depth == len(self.stack) + 1:
                done = self.open.pop()
                lang = done.attrs.get("lang") or self._lang()
                self.quotes.append(
                    Quote(
                        done.tag,
                        done.attrs.get("data-source", ""),
                        done.attrs.get("data-ref", ""),
                        lang,
                        normalize("".join(done.parts)),
                        any(t == "details" for t, _ in self.stack),
                    )
                )
            if top == "p" and self._p is not None and not self.open:
                self.paragraphs.append((self._p_id, normalize("".join(self._p))))
                self._p = None
            if top == tag:
                break

    def _lang(self) -> str:
        for _tag, attrs in reversed(self.stack):
            if attrs.get("lang"):
                return attrs["lang"]
        return self.page_lang

    def handle_data(self, data: str) -> None:
        if self.open and not self.footer:
            for q in self.open:
                q.parts.append(data)
        if self._p is not None:
            self._p.append(data)


def normalize(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def quotations(path: Path) -> tuple[str, list[Quote]]:
    scan = _Scan()
    scan.feed(path.read_text(encoding="utf-8"))
    return scan.page_lang, scan.quotes


def communique_paragraphs(path: Path) -> tuple[dict[str, str], list[str]]:
    """The published communiqué page: commitments by number ("6" → text without "6. "), and
    every other paragraph of the text (preamble, closing)."""
    scan = _Scan()
    scan.feed(path.read_text(encoding="utf-8"))
    commitments = {}
    others = []
    for pid, text in scan.paragraphs:
        match = re.fullmatch(r"commitment-(\d+)", pid)
        if match:
            commitments[match.group(1)] = re.sub(r"^\d+\.\s+", "", text)
        else:
            others.append(text)
    return commitments, others
