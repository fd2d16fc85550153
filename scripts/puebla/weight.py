"""``make bench``: the weight of a page's first view, per page type, next to vanilla Material.

Why: readers are on cheap phones and slow, paid-by-the-megabyte connections. The budget is
60 KB for what a first visit downloads before the reader can read — HTML, CSS, JavaScript,
fonts and the images the page requests on load — counted as a server sends it, gzip-compressed.

The count is what Chromium (Debian's, driven by Playwright) really requests: each page is
opened at phone size on a loopback server and every response is counted until the network is
idle. So work that a script starts on its own (vanilla Material's search worker downloads the
whole all-language search index on every page) is counted, and files that are not requested
(the site's search index, loaded when the reader opens the search) are not.

The vanilla figure is the same content built with Material's own templates, stylesheet and
bundle (the project's ``overrides/`` and ``docs/assets`` left out).

Usage: ``python -m puebla.weight [--root DIR] [--json FILE]``. Exits 1 if a page of the site
is over budget (the browser tests check every page against the same budget).
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import gzip
import http.server
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from .chromium import CHROMIUM, CHROMIUM_ARGS

BUDGET = 60 * 1024
SITE_URL = "https://puebla-outreach.example.org/"
PHONE = {"width": 360, "height": 740}
# Page types and the path of one page of each below a language's root.
PAGE_TYPES = {
    "home": "",
    "communiqué": "communique/",
    "campaign page": "campaigns/rights/",
    "materials": "materials/",
}
_IGNORE = shutil.ignore_patterns(
    ".venv", "site", "site.old", ".site-build-*", ".cache", ".git", "__pycache__", "node_modules"
)


def gzip_size(data: bytes) -> int:
    """Bytes on the wire when served compressed (level 6, as web servers default to)."""
    return min(len(data), len(gzip.compress(data, compresslevel=6, mtime=0)))


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextlib.contextmanager
def serve(directory: Path) -> Iterator[str]:
    handler = functools.partial(_Quiet, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def first_view(site: Path, paths: list[str], browser: Any = None) -> dict[str, dict[str, int]]:
    """For each page path: every file it loads on first view, with its gzip size in bytes.

    ``browser``: a Playwright Chromium already running (the tests pass theirs); else one is
    started here.
    """
    if browser is None:
        from playwright.sync_api import sync_playwright  # a dev dependency: only `make bench`

        with sync_playwright() as playwright:
            own = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            try:
                return first_view(site, paths, own)
            finally:
                own.close()
    results: dict[str, dict[str, int]] = {}
    with serve(site) as base:
        for path in paths:
            # A new context per page: an empty cache, as on a first visit.
            context = browser.new_context(viewport=PHONE, service_workers="block")
            loaded: dict[str, int] = {}

            def count(response: Any, loaded: dict[str, int] = loaded) -> None:
                if response.url.startswith(base) and response.ok:
                    with contextlib.suppress(Exception):
                        loaded[response.url[len(base) :] or "/"] = gzip_size(response.body())

            context.on("response", count)
            page = context.new_page()
            page.goto(base + path, wait_until="load")
            page.wait_for_load_state("networkidle")
            context.close()
            results[path] = loaded
    return results


def _build(root: Path, out: Path) -> None:
    """A build in its own process, quietly (the build's progress lines are not the report)."""
    env = {**os.environ, "SITE_URL": SITE_URL, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "puebla", "--root", str(root), "build", "--site-dir", str(out)]
    done = subprocess.run(command, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"Build of {root} failed:\n{done.stderr[-3000:]}")


def vanilla_project(root: Path, target: Path) -> Path:
    """A copy of the project that renders with Material's own templates, CSS and JavaScript."""
    shutil.copytree(root, target, ignore=_IGNORE)
    for mirrored in target.glob("docs/*/campaigns/*/.mirrored"):
        shutil.rmtree(mirrored.parent)
    config = (target / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"(?m)^extra_css:\n(\s+- .*\n)+", "", config)
    config = re.sub(r"(?m)^extra_javascript:\n(\s+- .*\n)+", "", config)
    (target / "mkdocs.yml").write_text(config, encoding="utf-8")
    # Only the translations Material lacks stay (a language Material has no strings for).
    for item in (target / "overrides").rglob("*"):
        if item.is_file() and "languages" not in item.relative_to(target / "overrides").parts:
            item.unlink()
    for asset in ("site.css", "site.js"):
        (target / "docs" / "assets" / asset).unlink(missing_ok=True)
    return target


def _kind(name: str) -> str:
    path = urlsplit(name).path
    for ext, kind in ((".html", "HTML"), (".css", "CSS"), (".js", "JS"), (".json", "JSON")):
        if path.endswith(ext):
            return kind
    if path.endswith("/") or path == "":
        return "HTML"
    if re.search(r"\.(woff2?|ttf|otf)$", path):
        return "fonts"
    return "images/other"


def report(ours: dict[str, dict[str, int]], vanilla: dict[str, dict[str, int]]) -> str:
    kb = lambda n: f"{n / 1024:.1f}"  # noqa: E731
    lines = [
        f"First-view weight, gzip, phone-size Chromium (budget {BUDGET // 1024} KB)",
        "",
        f"{'page':<34} {'site KB':>8} {'vanilla KB':>11}  site: by kind",
    ]
    for path, files in ours.items():
        total = sum(files.values())
        kinds: dict[str, int] = {}
        for name, size in files.items():
            kinds[_kind(name)] = kinds.get(_kind(name), 0) + size
        by_kind = ", ".join(f"{k} {kb(v)}" for k, v in sorted(kinds.items()))
        other = sum(vanilla.get(path, {}).values())
        flag = "" if total <= BUDGET else "  OVER BUDGET"
        lines.append(f"/{path:<33} {kb(total):>8} {kb(other):>11}  {by_kind}{flag}")
    return "\n".join(lines)


def page_paths(site: Path, languages: list[str]) -> list[str]:
    paths = []
    for lang in languages:
        prefix = "" if lang == languages[0] else f"{lang}/"
        for path in PAGE_TYPES.values():
            if (site / prefix / path / "index.html").exists():
                paths.append(prefix + path)
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="puebla.weight", description=__doc__.split("\n")[0])
    parser.add_argument("--root", default=".", help="project folder (default: current folder)")
    parser.add_argument("--json", help="also write the figures to this JSON file")
    args = parser.parse_args(argv)
    root = Path(args.root).resolve()
    from .model.project import load_project

    languages = load_project(root).languages
    with tempfile.TemporaryDirectory(prefix="puebla-weight-") as tmp:
        ours_site = Path(tmp) / "site"
        _build(root, ours_site)
        vanilla_site = Path(tmp) / "vanilla-site"
        _build(vanilla_project(root, Path(tmp) / "vanilla"), vanilla_site)
        paths = page_paths(ours_site, languages)
        ours = first_view(ours_site, paths)
        vanilla = first_view(vanilla_site, paths)
    print(report(ours, vanilla))
    if args.json:
        Path(args.json).write_text(
            json.dumps({"budget": BUDGET, "site": ours, "vanilla": vanilla}, indent=2),
            encoding="utf-8",
        )
    over = [path for path, files in ours.items() if sum(files.values()) > BUDGET]
    if over:
        print(f"Over the {BUDGET // 1024} KB budget: {over}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
