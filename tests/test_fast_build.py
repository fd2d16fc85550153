"""The fast build gives the same site: caches (offline kit, templates, renders) change no byte.

``make site`` reuses the offline kit when its inputs did not change, compiled templates and
the link check's renders; a build from those caches must equal a build from nothing, and an
edit must reach every output, the offline kit included.
"""

from __future__ import annotations

import filecmp
import zipfile
from pathlib import Path

from sitekit import copy_project, run_puebla

KIT = Path(".cache") / "offline" / "puebla-outreach-offline.zip"


def _build(root: Path, out: Path) -> Path:
    done = run_puebla(root, "build", "--site-dir", str(out))
    assert done.returncode == 0, done.stderr[-3000:]
    return out


def _same_tree(left: Path, right: Path) -> None:
    names = sorted(p.relative_to(left).as_posix() for p in left.rglob("*") if p.is_file())
    other = sorted(p.relative_to(right).as_posix() for p in right.rglob("*") if p.is_file())
    assert names == other
    _, mismatch, errors = filecmp.cmpfiles(left, right, names, shallow=False)
    assert not mismatch and not errors, (mismatch, errors)


def _kit_page(site: Path, name: str) -> str:
    with zipfile.ZipFile(site / "puebla-outreach-offline.zip") as zf:
        return zf.read(f"puebla-outreach/{name}").decode("utf-8")


def test_build_from_caches_equals_a_fresh_build_and_follows_edits(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "project")
    fresh = _build(root, tmp_path / "fresh")
    kit = root / KIT
    made = kit.stat().st_mtime_ns
    cached = _build(root, tmp_path / "cached")
    assert kit.stat().st_mtime_ns == made, "nothing changed: the offline kit is reused"
    _same_tree(fresh, cached)

    page = root / "campaigns/rights/en/rights.md"
    sentence = "A sentence added to test that the offline kit follows edits."
    page.write_text(page.read_text(encoding="utf-8") + f"\n{sentence}\n", encoding="utf-8")
    edited = _build(root, tmp_path / "edited")
    assert kit.stat().st_mtime_ns != made, "an edit rebuilds the offline kit"
    assert sentence in _kit_page(edited, "campaigns/rights/rights.html")
    assert sentence in (edited / "campaigns/rights/rights/index.html").read_text("utf-8")

    # The same edited sources in a copy with no caches at all: the same bytes.
    again = copy_project(tmp_path / "again")
    (again / "campaigns/rights/en/rights.md").write_text(page.read_text("utf-8"), "utf-8")
    _same_tree(edited, _build(again, tmp_path / "again-site"))


def test_link_check_from_cached_renders_still_finds_a_broken_anchor(project_copy: Path) -> None:
    assert run_puebla(project_copy, "check").returncode == 0  # fills the render cache
    assert (project_copy / ".cache/checks/rendered.json").is_file()
    page = project_copy / "campaigns/rights/es/help.md"
    page.write_text(
        page.read_text(encoding="utf-8") + "\n[Derechos](rights.md#no-existe-este-ancla)\n",
        encoding="utf-8",
    )
    result = run_puebla(project_copy, "check")
    assert result.returncode == 1
    assert "campaigns/rights/es/help.md" in result.stderr
    assert "'#no-existe-este-ancla'" in result.stderr
