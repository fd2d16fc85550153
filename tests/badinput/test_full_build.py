"""Three generated cases go through the real build: an error leaves site/ byte-identical.

The per-file tests (test_loaders.py) run a thousand cases through the loaders; here three of
the same kind of mutation (chosen by the derandomized profile, never shrunk, so exactly
three builds run) go through ``puebla build`` — what ``make site`` runs — on a copy of the
project that already has a site/ from an earlier build. A failed build must name the broken
file, print no traceback, and leave every byte, name and mode of site/ as it was; a build
that succeeds must replace the site.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from badinput.counting import case
from badinput.mutations import dump, front_matter_page, mutated_bytes, mutated_data
from sitekit import copy_project, run_puebla

FILES = [
    "campaigns/rights/en/index.md",
    "campaigns/trafficking/es/help.md",
    "campaigns/rights/campaign.yml",
    "campaigns/help-lines.yml",
    "locales/fr.yml",
]


def _tree(folder: Path) -> dict[str, tuple[str, int]]:
    """Every file and folder under ``folder``: relative path → (sha256 or 'dir', mode)."""
    state: dict[str, tuple[str, int]] = {}
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder).as_posix()
        mode = path.lstat().st_mode
        digest = "dir" if path.is_dir() else hashlib.sha256(path.read_bytes()).hexdigest()
        state[rel] = (digest, mode)
    return state


def _previous_site(site: Path) -> None:
    """A site/ as an earlier build leaves it: pages in folders, assets, a binary file."""
    (site / "es" / "campaigns").mkdir(parents=True)
    (site / "assets").mkdir()
    (site / "index.html").write_text("<!doctype html><title>earlier build</title>\n")
    (site / "es" / "campaigns" / "index.html").write_text("<!doctype html><title>antes</title>\n")
    (site / "assets" / "logo.png").write_bytes(bytes(range(256)) * 8)
    os.chmod(site / "assets" / "logo.png", 0o600)


@st.composite
def broken_file(draw: st.DrawFn) -> tuple[str, bytes]:
    from sitekit import ROOT

    rel = draw(st.sampled_from(FILES))
    original = (ROOT / rel).read_bytes()
    text = original.decode("utf-8")
    if rel.endswith(".md"):
        meta, body = front_matter_page(text)
        structural = mutated_data(meta).map(lambda m: ("---\n" + dump(m) + "---\n" + body).encode())
    else:
        structural = mutated_data(__import__("yaml").safe_load(text)).map(
            lambda d: dump(d).encode()
        )
    return rel, draw(st.one_of(structural, mutated_bytes(original)))


@settings(
    max_examples=3,
    phases=[Phase.generate],  # no shrinking: exactly three builds
    suppress_health_check=list(HealthCheck),
)
@given(broken=broken_file())
def test_a_broken_file_fails_the_build_clearly_and_keeps_site_byte_identical(
    broken: tuple[str, bytes],
) -> None:
    rel, data = broken
    case("full build")
    work = Path(tempfile.mkdtemp(prefix="puebla-badinput-"))
    try:
        root = copy_project(work / "project")
        site = root / "site"
        site.mkdir()
        _previous_site(site)
        before = _tree(site)
        (root / rel).write_bytes(data)

        result = run_puebla(root, "build")

        output = result.stdout + result.stderr
        print(f"full build with a broken {rel}: exit {result.returncode}")
        assert "Traceback" not in output, output[-3000:]
        if result.returncode != 0:
            assert Path(rel).name in output, output[-3000:]
            assert _tree(site) == before, "a failed build changed site/"
            assert not list(root.glob(".site-build-*")), "a staging folder was left behind"
        else:
            assert _tree(site) != before and (site / "index.html").is_file()
    finally:
        shutil.rmtree(work, ignore_errors=True)
