"""The Markdown dialect of the site, for rendering outside MkDocs (checks, link anchors).

Must list the same extensions as ``markdown_extensions`` in ``mkdocs.yml`` (a test keeps them
equal), so ids and links found here are the ones the built site has.
"""

from __future__ import annotations

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
