"""Fixes to Material's HTML that template blocks cannot reach, and a reproducible sitemap.

Why: a few lines of Material's ``base.html`` and ``nav-item.html`` sit outside any block and
are invalid HTML (the Nu Html Checker rejects them): ``autocomplete`` on checkboxes, an
empty ``tabindex`` on navigation labels, and a table-of-contents label ``for`` a checkbox that
section index pages do not have. Copying those whole templates into ``overrides/``
would freeze Material's markup in the project; rewriting the two attributes after rendering
keeps Material upgradable and the pages valid.

``sitemap.xml.gz`` carries the build date in its gzip header, so two builds of the same
sources differed; it is rewritten with a fixed timestamp.
"""

from __future__ import annotations

import gzip
import io
import re
import shutil
from pathlib import Path

# <input ... type="checkbox" ... autocomplete="off"> (attribute order as Material writes it).
_CHECKBOX = re.compile(r'<input\b[^>]*\btype="checkbox"[^>]*>')
_AUTOCOMPLETE = re.compile(r'\s+autocomplete="[^"]*"')
_EMPTY_TABINDEX = re.compile(r'\s+tabindex=""')
_LABEL_FOR = re.compile(r'(<label\b[^>]*?)\s+for="([^"]*)"')
_ID = re.compile(r'\sid="([^"]+)"')


def fix_html(output: str) -> str:
    """A page's HTML without the attributes that make Material's markup invalid."""
    output = _CHECKBOX.sub(lambda m: _AUTOCOMPLETE.sub("", m.group(0)), output)
    output = _EMPTY_TABINDEX.sub("", output)
    ids = set(_ID.findall(output))
    return _LABEL_FOR.sub(lambda m: m.group(0) if m.group(2) in ids else m.group(1), output)


def reproducible_gzip(path: Path) -> None:
    """Rewrite ``path`` (a .gz file) with no timestamp and no file name in its header."""
    if not path.exists():
        return
    data = gzip.decompress(path.read_bytes())
    buffer = io.BytesIO()
    with gzip.GzipFile(fileobj=buffer, mode="wb", filename="", mtime=0) as out:
        out.write(data)
    path.write_bytes(buffer.getvalue())


def drop_unused_theme_scripts(site_dir: Path) -> None:
    """Remove Material's JavaScript (bundle, search worker, lunr) when no page loads it.

    The site ships its own small script instead; the theme's files would only make downloads
    and the offline kit heavier. Kept if any page still refers to them.
    """
    folder = site_dir / "assets" / "javascripts"
    if not folder.is_dir():
        return
    for page in site_dir.rglob("*.html"):
        if "assets/javascripts/" in page.read_text(encoding="utf-8"):
            return
    shutil.rmtree(folder)
