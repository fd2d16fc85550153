"""``make bench`` (site part): the editing loop next to a bare Material + static-i18n build.

Prints, in one run, each figure for the project and for a bare build of the same pages (the
Markdown the project's plugin hands to MkDocs, captured from a real build, built by Material
and mkdocs-static-i18n alone in a temporary folder), and the ratio between them:

- no-change rebuild: ``puebla build`` (what ``make site`` runs) with nothing changed;
- one-page edit: a sentence added to an English campaign page, then a build;
- serve, save → refreshed HTML: the median over 5 saves of the time from writing the file to
  the served page containing the new sentence, and how many rebuilds each save caused;
- the real number of languages vs 12: a copy with the same pages under generated language
  codes (``copies.generated_codes``) up to 12, time per language-page of a no-change rebuild
  (materials left out: they are per language by design and have their own bench), as the
  ratio 12 / real;
- clean build with set-up: ``make site`` in a fresh copy with no venv and no caches (skip with
  ``BENCH_CLEAN=0``: it installs every dependency and renders every material).

Every build runs in its own process, as an editor runs it. Times are information, not a test:
nothing here fails on a slow machine. Builds are repeated and the median kept, because the
machines this runs on are shared.
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import io
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

from .copies import WIDE, add_languages, bare_copy, project_copy, project_languages

REPEAT = 3
SAVES = 5
EDITED = "campaigns/rights/en/rights.md"  # the page the issue measured
EDITED_URL = "campaigns/rights/rights/"
LIVERELOAD = re.compile(r"livereload\((\d+),\s*\d+\)")
# The bare build is `mkdocs` with one change: mkdocs-static-i18n 1.3.1 refuses three-letter
# codes (quc, mam, kek, and the generated qaa…), so its locale check is widened first, as the
# project's i18n_locales.py does (upstream PR #348). Self-contained: the bare venv of the
# clean-build figure has no puebla package.
PIP_LOCKED = [
    "--disable-pip-version-check",
    "--require-hashes",
    "--no-deps",
    "--only-binary=:all:",
    "-r",
]
BARE_MKDOCS = [
    "-c",
    "import re, sys; import mkdocs_static_i18n.config as c; "
    "c.RE_LOCALE = re.compile(r'^[a-z]{2,3}$'); "
    "from mkdocs.__main__ import cli; sys.argv[0] = 'mkdocs'; cli()",
]


def _env(**extra: str) -> dict[str, str]:
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", **extra}


def _run(command: list[str], cwd: Path, env: dict[str, str]) -> float:
    start = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed in {cwd}:\n{done.stderr[-3000:]}")
    return seconds


def _median(times: list[float]) -> float:
    return statistics.median(times)


def _puebla(copy: Path) -> list[str]:
    return [sys.executable, "-m", "puebla", "--root", str(copy), "build"]


def _bare(copy: Path) -> list[str]:
    return [sys.executable, *BARE_MKDOCS, "build", "-q", "-f", str(copy / "mkdocs.yml")]


@contextlib.contextmanager
def _no_materials(folder: Path):
    """While active, the plugin publishes no materials (they have their own bench)."""
    from ..mkdocs_plugin import plugin
    from ..site.extras import Extras

    folder.mkdir(parents=True, exist_ok=True)
    original = plugin.render_extras
    plugin.render_extras = lambda project, site_url, offline=False: Extras(folder)
    try:
        yield
    finally:
        plugin.render_extras = original


def capture_pages(
    copy: Path, site: Path, materials: bool = True
) -> tuple[dict[str, str], list[dict]]:
    """Build ``copy`` in this process, keeping the Markdown the plugin gives MkDocs per page."""
    from ..build import build_site
    from ..mkdocs_plugin import plugin

    pages: dict[str, str] = {}
    languages: list[dict] = []
    original = plugin.PueblaPlugin.on_page_markdown

    def recording(self, markdown, page, config, files):
        out = original(self, markdown, page, config, files)
        if config.use_directory_urls:  # the online site, not the offline kit
            pages[page.file.src_uri] = out
            if not languages:
                for lang in config.plugins["i18n"].config.languages:
                    entry = {"locale": lang.locale, "name": lang.name, "build": True}
                    if lang.default:
                        entry["default"] = True
                    languages.append(entry)
        return out

    plugin.PueblaPlugin.on_page_markdown = recording  # type: ignore[method-assign]
    try:
        quiet = contextlib.nullcontext() if materials else _no_materials(site.parent / "none")
        with contextlib.redirect_stderr(io.StringIO()), quiet:
            build_site(copy, site)
    finally:
        plugin.PueblaPlugin.on_page_markdown = original  # type: ignore[method-assign]
    return pages, languages


def _edit(path: Path, n: int) -> str:
    sentence = f"Bench sentence number {n} {time.monotonic_ns()}."
    path.write_text(path.read_text(encoding="utf-8") + f"\n{sentence}\n", encoding="utf-8")
    return sentence


def builds(ours: Path, bare: Path) -> dict[str, tuple[float, float]]:
    env = _env(PUEBLA_CACHE_DIR=str(ours.parent / "materials-cache"))
    rows: dict[str, tuple[float, float]] = {}
    _run(_puebla(ours), ours, env)  # warm: materials, templates, offline kit
    _run(_bare(bare), bare, env)
    rows["no-change rebuild"] = (
        _median([_run(_puebla(ours), ours, env) for _ in range(REPEAT)]),
        _median([_run(_bare(bare), bare, env) for _ in range(REPEAT)]),
    )
    mine, theirs = [], []
    for n in range(REPEAT):
        _edit(ours / EDITED, n)
        mine.append(_run(_puebla(ours), ours, env))
        _edit(bare / "docs" / "en" / "campaigns" / "rights" / "rights.md", n)
        theirs.append(_run(_bare(bare), bare, env))
    rows["one-page edit rebuild"] = (_median(mine), _median(theirs))
    return rows


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read().decode("utf-8", "replace")


def _reload_signal(base: str, html: str) -> float:
    """Block until the server tells browsers to reload (what its live-reload script waits for)."""
    match = LIVERELOAD.search(html)
    if match is None:
        raise SystemExit("the served page has no live-reload script")
    with urllib.request.urlopen(f"{base}livereload/{match.group(1)}/1", timeout=120) as response:
        response.read()
    return time.perf_counter()


def serve_timing(
    command: Callable[[str], list[str]],
    cwd: Path,
    edited: Path,
    url: str,
    env: dict[str, str],
    counted: re.Pattern[str],
) -> tuple[float, float]:
    """(median seconds from save to the browser's reload with the edit, rebuilds per save).

    The time ends when the server's live-reload answer arrives (the moment an open browser
    reloads) and the page it then serves has the new sentence.
    """
    port = _free_port()
    log = cwd.parent / f"serve-{cwd.name}.log"
    with log.open("w") as out:
        server = subprocess.Popen(
            command(f"127.0.0.1:{port}"),
            cwd=cwd,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    base = f"http://127.0.0.1:{port}/"
    page = base + url
    try:
        deadline = time.monotonic() + 300
        while True:
            try:
                _get(page)
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise SystemExit(f"no server:\n{log.read_text()[-3000:]}") from None
                time.sleep(0.2)
        time.sleep(5)  # let the first build's background work settle
        times, rebuilds = [], []
        for n in range(SAVES):
            before = len(counted.findall(log.read_text()))
            html = _get(page)
            with concurrent.futures.ThreadPoolExecutor(1) as pool:
                reloaded = pool.submit(_reload_signal, base, html)
                time.sleep(0.2)  # the live-reload request is waiting
                start = time.perf_counter()
                sentence = _edit(edited, 100 + n)
                end = reloaded.result()
            while sentence not in _get(page):  # a reload that came before the edit was built
                if time.perf_counter() - start > 60:
                    raise SystemExit(f"the edit never showed:\n{log.read_text()[-3000:]}")
                end = _reload_signal(base, _get(page))
            times.append(end - start)
            time.sleep(5)  # any further rebuild the save causes happens now
            rebuilds.append(len(counted.findall(log.read_text())) - before)
        return _median(times), statistics.mean(rebuilds)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


def serve_rows(ours: Path, bare: Path) -> tuple[tuple[float, float], tuple[float, float]]:
    env = _env(PUEBLA_CACHE_DIR=str(ours.parent / "materials-cache"))
    mine = serve_timing(
        lambda addr: [sys.executable, "-m", "puebla", "--root", str(ours), "serve", "--addr", addr],
        ours,
        ours / EDITED,
        EDITED_URL,
        env,
        re.compile("Rebuilt after a save|Download pages rebuilt"),
    )
    theirs = serve_timing(
        lambda addr: [sys.executable, *BARE_MKDOCS, "serve", "-a", addr, "-f", "mkdocs.yml"],
        bare,
        bare / "docs" / "en" / "campaigns" / "rights" / "rights.md",
        EDITED_URL,
        env,
        re.compile("Documentation built"),
    )
    return mine, theirs


def per_language_page(copy: Path, site: Path) -> tuple[float, float]:
    """Seconds per language-page of a no-change rebuild in this process, materials left out,
    and the same for a bare build of the same pages (in its own process, as above)."""
    from ..build import build_site

    pages, languages = capture_pages(copy, site, materials=False)  # also the warm-up
    times = []
    with contextlib.redirect_stderr(io.StringIO()), _no_materials(site.parent / "none"):
        for _ in range(REPEAT):
            start = time.perf_counter()
            build_site(copy, site)
            times.append(time.perf_counter() - start)
    bare = bare_copy(pages, languages, site.parent / f"bare-{copy.name}")
    _run(_bare(bare), bare, _env())
    bare_times = [_run(_bare(bare), bare, _env()) for _ in range(REPEAT)]
    return _median(times) / len(pages), _median(bare_times) / len(pages)


def clean_builds(root: Path, tmp: Path, bare: Path) -> tuple[float, float]:
    """``make site`` in a fresh copy (venv, dependencies, every material) vs the bare set-up."""
    fresh = project_copy(root, tmp / "fresh")
    env = {k: v for k, v in _env().items() if k not in ("PUEBLA_CACHE_DIR", "VIRTUAL_ENV")}
    mine = _run(["make", "site"], fresh, env)
    venv = tmp / "bare-venv"
    python = str(venv / "bin" / "python")
    start = time.perf_counter()
    _run([sys.executable, "-m", "venv", str(venv)], tmp, env)
    # The same locked packages as the Makefile installs (the lock is multi-line, with hashes).
    _run(
        [python, "-m", "pip", "install", "--quiet", *PIP_LOCKED, str(root / "requirements.txt")],
        tmp,
        env,
    )
    shutil.rmtree(bare / "site", ignore_errors=True)
    _run([python, *BARE_MKDOCS, "build", "-q"], bare, env)
    return mine, time.perf_counter() - start


def _line(label: str, ours: float, bare: float, unit: str = "s") -> str:
    ratio = ours / bare if bare else float("nan")
    return f"  {label:<44} {ours:8.2f} {unit:<2} {bare:8.2f} {unit:<2} {ratio:7.2f}×"


def _say(text: str) -> None:
    print(text, flush=True)  # each figure as soon as it is measured: the run is long


def main(root: Path | None = None) -> int:
    root = (root or Path.cwd()).resolve()
    with tempfile.TemporaryDirectory(prefix="puebla-site-bench-") as name:
        tmp = Path(name)
        shutil.copytree(root / ".cache" / "materials", tmp / "materials-cache", dirs_exist_ok=True)
        os.environ["PUEBLA_CACHE_DIR"] = str(tmp / "materials-cache")
        ours = project_copy(root, tmp / "ours")
        pages, languages = capture_pages(ours, tmp / "capture-site")
        bare = bare_copy(pages, languages, tmp / "bare")
        _say(
            f"Site benchmark, {len(pages)} pages in {len(languages)} languages, {os.cpu_count()} cores"
        )
        _say(f"  {'':<44} {'project':>11} {'bare':>11} {'ratio':>8}")
        for label, (mine, theirs) in builds(ours, bare).items():
            _say(_line(label, mine, theirs))
        (serve_mine, rebuilds), (serve_bare, bare_rebuilds) = serve_rows(ours, bare)
        _say(_line("serve: save → browser reload (median of 5)", serve_mine, serve_bare))
        _say(
            f"  {'serve: rebuilds per save':<44} {rebuilds:8.1f}    {bare_rebuilds:8.1f}"
            "    (the bare serve has no campaign mirror)"
        )
        real = len(project_languages(ours))
        base = per_language_page(project_copy(root, tmp / "real"), tmp / "site-real")
        _say(_line(f"per language-page, {real} languages", base[0] * 1000, base[1] * 1000, "ms"))
        wide_copy = project_copy(root, tmp / "wide")
        codes = add_languages(wide_copy, WIDE)
        wide = per_language_page(wide_copy, tmp / "site-wide")
        n = real + len(codes)
        _say(_line(f"per language-page, {n} languages", wide[0] * 1000, wide[1] * 1000, "ms"))
        _say(
            f"  {f'growth per language-page, {n} / {real}':<44} {wide[0] / base[0]:8.2f}×   "
            f"{wide[1] / base[1]:8.2f}×    (materials left out; added: {', '.join(codes)})"
        )
        if os.environ.get("BENCH_CLEAN", "1") != "0":
            _say(_line("clean build with set-up (make site)", *clean_builds(root, tmp, bare)))
        else:
            _say("  clean build with set-up: skipped (BENCH_CLEAN=0)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
