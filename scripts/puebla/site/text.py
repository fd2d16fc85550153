"""Small helpers to put verbatim text into Markdown safely."""

from __future__ import annotations

import html
import re

_MD_SPECIAL = re.compile(r"([\\`*_\[\]])")


def md_escape(text: str) -> str:
    """Escape text so Python-Markdown shows it exactly as written."""
    return _MD_SPECIAL.sub(r"\\\1", text).replace("<", "&lt;")


def html_escape(text: str) -> str:
    return html.escape(text, quote=True)
