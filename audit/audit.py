"""``make audit``: Lighthouse, the Nu Html Checker and a link checker over a fresh build.

Why: the browser tests in ``make test`` prove accessibility, privacy and behaviour page by
page; this audit adds the outside view that reviewers and search engines use — Lighthouse
scores on a throttled phone, HTML validity, and links (downloads included) — and fails when a
target is missed. It needs the network only for ``npm ci`` (run by the Makefile target).

Targets: Lighthouse accessibility, best practices and SEO 100 and performance at least 98
(mobile settings, Debian Chromium) on the home, communiqué, a campaign page and the materials
page of every language; zero errors from the Nu Html Checker on every page; zero broken links
in the whole site. Links to other hosts are listed but cannot be checked here (no network).

The site is built into a temporary folder with ``SITE_URL`` set to the loopback address it is
served from (so canonical and hreflang links are checked too), and served gzip-compressed, as
any real host serves it. The report is written to ``audit/report/report.md`` with the
Lighthouse HTML reports beside it.

Usage: ``python audit/audit.py [--report DIR] [--skip-lighthouse]``; exit status 1 when a
target is missed.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import io
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
NODE_BIN = HERE / "node_modules"
LIGHTHOUSE = NODE_BIN / "lighthouse" / "cli" / "index.js"
LINKINATOR = NODE_BIN / "linkinator" / "build" / "src" / "cli.js"
VNU = NODE_BIN / "vnu-jar" / "build" / "dist" / "vnu.jar"
CHROMIUM = "/usr/bin/chromium"
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage "
    "--disable-background-networking --disable-component-update --disable-sync --no-first-run"
)
TARGETS = {"performance": 98, "accessibility": 100, "best-practices": 100, "seo": 100}
PAGE_TYPES = {
    "home": "",
    "communiqué": "communique/",
    "campaign": "campaigns/rights/",
    "materials": "materials/",
}
COMPRESSIBLE = (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt")


class _GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, gzip-compressed when the client accepts it (as real hosts serve them)."""

    def send_head(self):  # type: ignore[override]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not urlsplit(self.path).path.endswith("/"):
                return super().send_head()  # the base class redirects "dir" to "dir/"
            path = path / "index.html"
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts and path.is_file() and path.suffix in COMPRESSIBLE):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class _Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):  # a checker hung up early
            super().handle_error(request, client_address)  # type: ignore[arg-type]


def serve(directory: Path, port: int) -> http.server.ThreadingHTTPServer:
    handler = functools.partial(_GzipHandler, directory=str(directory))
    server = _Server(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def build(site: Path, site_url: str) -> None:
    env = {**os.environ, "SITE_URL": site_url, "NO_MKDOCS_2_WARNING": "1"}
    command = [
        sys.executable,
        "-m",
        "puebla",
        "--root",
        str(ROOT),
        "build",
        "--site-dir",
        str(site),
    ]
    done = subprocess.run(command, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"The build failed:\n{done.stderr[-4000:]}")


def languages_of(site: Path) -> list[str]:
    """Languages as the home page announces them (hreflang), the default one first."""
    home = (site / "index.html").read_text(encoding="utf-8")
    links = re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"', home)
    default = dict(links)["x-default"]
    langs = [lang for lang, _ in links if lang != "x-default"]
    return sorted(langs, key=lambda lang: dict(links)[lang] != default)


@dataclass
class Result:
    lighthouse: dict[str, dict[str, int]] = field(default_factory=dict)
    lighthouse_failures: dict[str, list[str]] = field(default_factory=dict)
    html_errors: list[str] = field(default_factory=list)
    html_warnings: list[str] = field(default_factory=list)
    html_files: int = 0
    csp_file_warnings: int = 0
    broken_links: list[str] = field(default_factory=list)
    links_checked: int = 0
    external_links: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)


def run_lighthouse(base: str, paths: list[str], report_dir: Path, result: Result) -> None:
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    for path in paths:
        name = (path.strip("/") or "home").replace("/", "_")
        out = report_dir / "lighthouse" / name
        out.parent.mkdir(parents=True, exist_ok=True)
        command = [
            "node",
            str(LIGHTHOUSE),
            base + path,
            "--quiet",
            "--output=json",
            "--output=html",
            f"--output-path={out}",
            f"--chrome-flags={CHROME_FLAGS}",
            "--only-categories=performance,accessibility,best-practices,seo",
        ]
        done = subprocess.run(command, env=env, capture_output=True, text=True)
        json_file = out.with_name(out.name + ".report.json")
        if done.returncode != 0 or not json_file.exists():
            result.missed.append(f"Lighthouse could not run on /{path}: {done.stderr[-500:]}")
            continue
        data = json.loads(json_file.read_text(encoding="utf-8"))
        scores = {key: round((data["categories"][key]["score"] or 0) * 100) for key in TARGETS}
        result.lighthouse["/" + path] = scores
        failing = []
        for key, category in data["categories"].items():
            for ref in category["auditRefs"]:
                audit = data["audits"][ref["id"]]
                if (
                    ref.get("weight", 0) > 0
                    and audit.get("score") is not None
                    and audit["score"] < 1
                ):
                    failing.append(
                        f"{key}: {audit['title']} ({audit.get('displayValue', audit['score'])})"
                    )
        result.lighthouse_failures["/" + path] = failing
        for key, target in TARGETS.items():
            if scores[key] < target:
                result.missed.append(f"Lighthouse {key} {scores[key]} < {target} on /{path}")


def run_vnu(site: Path, result: Result) -> None:
    """Every page, as files (the checker refuses loopback URLs).

    Checked as ``file:`` URLs, the CSP's ``'self'`` matches no file, so the checker warns that
    the site's own stylesheets and script are blocked; in a browser over HTTP they are not
    (the browser tests prove it). Those warnings are counted apart.
    """
    files = sorted(str(p) for p in site.rglob("*.html"))
    result.html_files = len(files)
    command = ["java", "-jar", str(VNU), "--format", "json", "--exit-zero-always", *files]
    done = subprocess.run(command, capture_output=True, text=True)
    messages = json.loads(done.stderr or done.stdout or '{"messages": []}')["messages"]
    for message in messages:
        where = message.get("url", "").replace("file:" + str(site), "")
        text = message.get("message", "")
        line = f"{where}:{message.get('lastLine', '?')}: {text}"
        if message.get("type") == "error" or message.get("subType") == "fatal":
            result.html_errors.append(line)
        elif text.startswith("Resource violates Content Security Policy"):
            result.csp_file_warnings += 1
        else:
            result.html_warnings.append(line)
    if result.html_errors:
        result.missed.append(f"{len(result.html_errors)} HTML errors")


def run_linkinator(base: str, result: Result) -> None:
    own = re.escape(base)
    command = [
        "node",
        str(LINKINATOR),
        base,
        "--recurse",
        "--format",
        "json",
        "--skip",
        f"^(?!{own})",
        "--timeout",
        "20000",
    ]
    done = subprocess.run(command, capture_output=True, text=True)
    try:
        data = json.loads(done.stdout)
    except json.JSONDecodeError:
        result.missed.append(f"linkinator failed: {done.stderr[-800:]}")
        return
    for link in data.get("links", []):
        if link["state"] == "SKIPPED":
            continue
        if link["state"] == "BROKEN":
            result.broken_links.append(f"{link['status']} {link['url']} (on {link.get('parent')})")
        else:
            result.links_checked += 1
    if result.broken_links:
        result.missed.append(f"{len(result.broken_links)} broken links")


def external_links(site: Path) -> list[str]:
    """Links to other sites (sources, help lines): listed, not checked (no network here)."""
    found = set()
    for path in site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        for href in re.findall(r'<a\b[^>]*\shref="(https?://[^"]+)"', html):
            found.add(href)
    return sorted(found)


def write_report(result: Result, report_dir: Path, base: str) -> Path:
    lines = ["# Puebla Outreach — site audit", ""]
    lines.append(
        f"Built and served at `{base}` (gzip). Targets: "
        + ", ".join(f"{k} ≥ {v}" for k, v in TARGETS.items())
        + "; zero HTML errors; zero broken links."
    )
    lines += ["", "**Result: " + ("all targets met**" if not result.missed else "targets missed**")]
    for miss in result.missed:
        lines.append(f"- {miss}")
    lines += ["", "## Lighthouse (mobile, Debian Chromium)", ""]
    if result.lighthouse:
        lines.append("| page | performance | accessibility | best practices | SEO | report |")
        lines.append("| --- | ---: | ---: | ---: | ---: | --- |")
        for path, s in result.lighthouse.items():
            name = (path.strip("/") or "home").replace("/", "_")
            lines.append(
                f"| `{path}` | {s['performance']} | {s['accessibility']} | {s['best-practices']} "
                f"| {s['seo']} | [html](lighthouse/{name}.report.html) |"
            )
        below = {p: f for p, f in result.lighthouse_failures.items() if f}
        if below:
            lines += ["", "Audits below full marks:", ""]
            for path, failing in below.items():
                lines.append(f"- `{path}`: " + "; ".join(failing))
    else:
        lines.append("Not run.")
    lines += ["", "## HTML (Nu Html Checker)", ""]
    lines.append(
        f"{result.html_files} pages, {len(result.html_errors)} errors, "
        f"{len(result.html_warnings) + result.csp_file_warnings} warnings."
    )
    for line in result.html_errors[:200]:
        lines.append(f"- error: {line}")
    if result.csp_file_warnings:
        lines.append(
            f"- {result.csp_file_warnings} warnings that the CSP blocks the site's own files: "
            "an artefact of checking files (`file:` is not the site's origin), not a problem."
        )
    kinds: dict[str, int] = {}
    for line in result.html_warnings:
        text = line.split(": ", 1)[1] if ": " in line else line
        kinds[text] = kinds.get(text, 0) + 1
    for text, count in sorted(kinds.items(), key=lambda item: -item[1]):
        lines.append(f"- warning ({count} pages): {text}")
    lines += ["", "## Links (linkinator, whole site, downloads included)", ""]
    lines.append(
        f"{result.links_checked} links on the site checked, {len(result.broken_links)} broken. "
        f"{len(set(result.external_links))} links to other sites not checked (no network here)."
    )
    for line in result.broken_links[:200]:
        lines.append(f"- broken: {line}")
    report = report_dir / "report.md"
    report.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--report", default=str(HERE / "report"), help="report folder")
    parser.add_argument("--skip-lighthouse", action="store_true", help="HTML and links only")
    args = parser.parse_args(argv)
    for tool in (LIGHTHOUSE, LINKINATOR, VNU):
        if not tool.exists():
            raise SystemExit(f"{tool} is missing: run 'npm ci' in audit/ (make audit does).")
    report_dir = Path(args.report).resolve()
    shutil.rmtree(report_dir, ignore_errors=True)
    report_dir.mkdir(parents=True)
    result = Result()
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    with tempfile.TemporaryDirectory(prefix="puebla-audit-") as tmp:
        site = Path(tmp) / "site"
        print(f"Building the site for {base} …", flush=True)
        build(site, base)
        server = serve(site, port)
        try:
            languages = languages_of(site)
            paths = [
                ("" if lang == languages[0] else f"{lang}/") + path
                for lang in languages
                for path in PAGE_TYPES.values()
                if (site / ("" if lang == languages[0] else lang) / path / "index.html").exists()
            ]
            started = time.monotonic()
            print("Nu Html Checker …", flush=True)
            run_vnu(site, result)
            print("Links …", flush=True)
            run_linkinator(base, result)
            result.external_links = [u for u in external_links(site) if not u.startswith(base)]
            if not args.skip_lighthouse:
                print(f"Lighthouse on {len(paths)} pages …", flush=True)
                run_lighthouse(base, paths, report_dir, result)
            print(f"Done in {time.monotonic() - started:.0f} s.")
        finally:
            server.shutdown()
            server.server_close()
    report = write_report(result, report_dir, base)
    print(report.read_text(encoding="utf-8"))
    print(f"Report: {report}")
    return 1 if result.missed else 0


if __name__ == "__main__":
    sys.exit(main())
