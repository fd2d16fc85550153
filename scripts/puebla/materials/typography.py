"""Typographic details per language, applied to every text before it reaches a template.

- quotes and apostrophes: “…” and ’ in English, Spanish «…», French « … » with narrow
  no-break spaces (U+202F) inside the guillemets and before ; : ! ?, Haitian Creole as French;
- the last two words of a headline, message or call to action are kept together (never a
  single word alone on the last line) by a no-break space, and never hyphenated: the fields
  that use :func:`keep_tail` are ``hyphens: manual`` in the CSS and only the words before the
  tail, inside ``<span class="flow">``, may hyphenate. (A block that *ends* with an inline
  element makes WeasyPrint 70 break after its first word: "Hu‐ / man rights do not depend /
  on papers"; a leading span does not.)

Quotations (the marker ``class="quotation"``, see site/quotations_udhr.py) are never touched:
they are the published text, whose apostrophes are letters in K'iche', Mam and Q'eqchi'
(U+0027, as the source writes them) and whose quotation marks are the source's. A text that
carries one is typeset only in its text outside the quotation and outside any tag, and
identity.css keeps quotations unhyphenated. (The poster's quotations do not even reach
typeset(): the template prints them as published.)
"""

from __future__ import annotations

import re
import unicodedata

from markupsafe import Markup, escape

NNBSP = "\u202f"  # narrow no-break space (French typography)
_QUOTES = {"en": ("“", "”"), "es": ("«", "»"), "fr": ("«" + NNBSP, NNBSP + "»")}
_QUOTES["ht"] = _QUOTES["fr"]


# A quotation element (the site's marker), or any tag: left exactly as they are.
_QUOTATION = re.compile(r'<(blockquote|q)\b[^>]*\bclass="quotation"[^>]*>.*?</\1>|<[^>]+>', re.S)


def typeset(text: str, lang: str) -> str:
    """``text`` with the language's quotation marks, apostrophes and spaces."""
    if 'class="quotation"' in text:
        parts, end = [], 0
        for match in _QUOTATION.finditer(text):
            parts += [_typeset(text[end : match.start()], lang), match.group(0)]
            end = match.end()
        return "".join([*parts, _typeset(text[end:], lang)])
    return _typeset(text, lang)


def _typeset(text: str, lang: str) -> str:
    text = unicodedata.normalize("NFC", text)
    text = re.sub(r"(?<=\w)'(?=\w)", "’", text)
    text = re.sub(r"(?<=\s)'|^'", "‘", text)
    text = text.replace("'", "’")
    open_q, close_q = _QUOTES.get(lang, _QUOTES["en"])
    text = re.sub(r'"([^"]*)"', lambda m: f"{open_q}{m.group(1).strip()}{close_q}", text)
    if lang in ("fr", "ht"):
        text = re.sub(r"«\s*", "«" + NNBSP, text)
        text = re.sub(r"\s*»", NNBSP + "»", text)
        text = re.sub(r"\s+([;:!?])", NNBSP + r"\1", text)
    return text


def keep_tail(text: str, lang: str) -> Markup:
    """Escaped ``text`` whose last two words cannot be separated nor hyphenated."""
    words = re.split(r"[ \t\r\n]+", typeset(text, lang).strip())
    head = escape(" ".join(words[:-2]))
    tail = escape("\u00a0".join(words[-2:]))
    lead = Markup(f'<span class="flow">{head}</span> ') if head else Markup("")
    return lead + tail


def glue(text: str, lang: str) -> str:
    """Typeset ``text`` with its last two words joined by a no-break space ("24\u00a0h"):
    for the short labels under the help numbers, so no unit or letter stands alone."""
    text = typeset(text, lang).strip().replace(" · ", "\u00a0· ")
    head, _, last = text.rpartition(" ")
    return f"{head}\u00a0{last}" if head else last
