"""Plain language: warn when an English campaign page reads above about 8th grade.

The readers include people with little schooling and people reading in a second language.
The Flesch-Kincaid grade is a rough gauge (a syllable count by vowel groups), so a high score
is a warning that points to the page, never an error. Only English is measured: the formula
is made for English, and translations follow the English text.
"""

from __future__ import annotations

import re

from ..errors import Collector
from ..model.locales import SOURCE_LANGUAGE
from ..model.pages import SitePage

MAX_GRADE = 9.0
MIN_WORDS = 80  # too little text for a meaningful score
_WORD = re.compile(r"[A-Za-z']+")


def _syllables(word: str) -> int:
    word = re.sub(r"[^a-z]", "", word.lower())
    groups = len(re.findall(r"[aeiouy]+", word))
    if word.endswith("e") and not word.endswith("le") and groups > 1:
        groups -= 1
    return max(1, groups)


def grade(markdown: str) -> tuple[float, int]:
    """Flesch-Kincaid grade of a Markdown text (links, markup and comments removed)."""
    text = re.sub(r"<!--.*?-->|<[^>]+>|\{:[^}]*\}", " ", markdown, flags=re.S)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"[#>*|`_]", " ", text)
    sentences = [s for s in re.split(r"[.!?:;]\s|\n\s*\n|\n\s*[-*] ", text) if _WORD.search(s)]
    words = _WORD.findall(text)
    if not words or not sentences:
        return 0.0, 0
    per_sentence = len(words) / len(sentences)
    per_word = sum(map(_syllables, words)) / len(words)
    return 0.39 * per_sentence + 11.8 * per_word - 15.59, len(words)


def check_readability(pages: dict[str, dict[str, SitePage]], issues: Collector) -> None:
    for rel, page in pages.get(SOURCE_LANGUAGE, {}).items():
        if not rel.startswith("campaigns/"):
            continue
        score, words = grade(page.doc.body)
        if words >= MIN_WORDS and score > MAX_GRADE:
            issues.warn(
                page.doc.path,
                f"this page reads at about grade {score:.1f} (Flesch-Kincaid); aim at 8 or below",
                "use shorter sentences and common words; one idea per paragraph",
            )
