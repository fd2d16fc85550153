"""Content safety: no scripts, frames, event handlers or ``javascript:`` links in Markdown.

The site promises readers it runs only its own code; a pasted embed or tracking snippet in a
page would break that promise silently, so it is an error with the line to remove.
"""

from __future__ import annotations

import re

from ..errors import Collector
from ..model.pages import SitePage

RULES = (
    (
        re.compile(r"<\s*script\b", re.I),
        "a <script> element",
        "remove it: pages may not run their own code",
    ),
    (re.compile(r"<\s*iframe\b", re.I), "an <iframe>", "remove it and link to the page instead"),
    (
        re.compile(r"<[a-z][^>]*\son[a-z]+\s*=", re.I),
        "an inline event handler (on…=)",
        "remove the attribute: pages may not run their own code",
    ),
    (re.compile(r"javascript\s*:", re.I), "a javascript: link", "link to a page or a file instead"),
)


def check_safety(pages: dict[str, dict[str, SitePage]], issues: Collector) -> None:
    seen = set()
    for tree in pages.values():
        for page in tree.values():
            if page.doc.path in seen:
                continue
            seen.add(page.doc.path)
            fenced = False
            for offset, line in enumerate(page.doc.body.splitlines()):
                if line.lstrip().startswith(("```", "~~~")):
                    fenced = not fenced
                if fenced:
                    continue
                prose = re.sub(r"(`+).+?\1", "", line)  # `<script>` in inline code is text
                for pattern, what, fix in RULES:
                    if pattern.search(prose):
                        issues.error(
                            page.doc.path,
                            f"{what} is not allowed in pages",
                            fix,
                            line=page.doc.body_line + offset,
                        )
