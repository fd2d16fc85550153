"""Site pages authored under ``docs/<lang>/``: same pages in every language, valid front matter.

Kubernetes-style: every language folder mirrors the source language's tree exactly, so a
missing translation is found by comparing file lists, not by reading a build log.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..errors import Collector
from .frontmatter import MarkdownDoc, read_markdown, require_text
from .locales import SOURCE_LANGUAGE

MIRROR_MARKER = ".mirrored"  # marks a folder the build writes (campaign pages); not authored


@dataclass
class DocsTree:
    root: Path
    pages: dict[str, dict[str, MarkdownDoc]] = field(default_factory=dict)  # lang → rel path → doc


def _authored(lang_dir: Path) -> list[Path]:
    mirrored = {p.parent for p in lang_dir.rglob(MIRROR_MARKER)}
    return sorted(p for p in lang_dir.rglob("*.md") if not any(m in p.parents for m in mirrored))


def load_docs(root: Path, languages: list[str], issues: Collector) -> DocsTree:
    tree = DocsTree(root)
    for sub in sorted(p for p in root.iterdir() if p.is_dir()):
        if sub.name not in languages and sub.name not in ("assets",):
            issues.error(
                sub,
                f"'{sub.name}' is not a language of the site ({', '.join(languages)})",
                "move its pages into a language folder, add the language with "
                f"'make language LANG={sub.name} NAME=…', or, if you removed this language, "
                f"delete the folder docs/{sub.name}",
            )
    for lang in languages:
        lang_dir = root / lang
        docs: dict[str, MarkdownDoc] = {}
        if lang_dir.is_dir():
            for path in _authored(lang_dir):
                doc = read_markdown(path, issues)
                require_text(doc, "title", issues)
                require_text(doc, "description", issues, max_len=160)
                docs[path.relative_to(lang_dir).as_posix()] = doc
        tree.pages[lang] = docs
    source = tree.pages.get(SOURCE_LANGUAGE, {})
    for lang, docs in tree.pages.items():
        for rel in sorted(set(source) - set(docs)):
            issues.error(
                root / lang / rel,
                f"this page exists in '{SOURCE_LANGUAGE}' but is missing in '{lang}'",
                f"translate docs/{SOURCE_LANGUAGE}/{rel} into this file",
            )
        for rel in sorted(set(docs) - set(source)):
            issues.error(
                root / lang / rel,
                f"this page has no '{SOURCE_LANGUAGE}' source page docs/{SOURCE_LANGUAGE}/{rel}",
                "create the source page, or remove or rename this file",
            )
    return tree
