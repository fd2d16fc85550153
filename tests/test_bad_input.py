"""Bad input stops the build with a message naming the file, and site/ survives untouched.

Each scenario breaks one thing in a fresh copy of the project, then runs the real build (the
same `puebla build` that `make site` runs) over a site/ folder from an earlier good build.
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from sitekit import run_puebla


def _edit(rel: str, old: str, new: str) -> Callable[[Path], None]:
    def apply(root: Path) -> None:
        path = root / rel
        text = path.read_text(encoding="utf-8")
        assert old in text, f"scenario setup: {old!r} not in {rel}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    return apply


def _delete(rel: str) -> Callable[[Path], None]:
    return lambda root: (root / rel).unlink()


def _write(rel: str, text: str) -> Callable[[Path], None]:
    def apply(root: Path) -> None:
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")

    return apply


# scenario → (how to break the project, file the message must name, words it must contain)
SCENARIOS = {
    "malformed-front-matter": (
        _edit("docs/fr/communique/about.md", "title:", "title: [unclosed"),
        "docs/fr/communique/about.md",
        "YAML is malformed",
    ),
    "front-matter-without-description": (
        _edit("docs/es/index.md", "description:", "descripcion:"),
        "docs/es/index.md",
        "'description' is missing",
    ),
    "broken-internal-link": (
        _edit("docs/en/communique/about.md", "(sources.md)", "(no-such-page.md)"),
        "communique/about.md",
        "no-such-page.md",
    ),
    "broken-anchor": (
        _edit("docs/es/communique/about.md", "index.md#commitment-16", "index.md#commitment-99"),
        "communique/about.md",
        "commitment-99",
    ),
    "page-missing-in-one-language": (
        _delete("docs/fr/communique/compare.md"),
        "docs/fr/communique/compare.md",
        "missing in 'fr'",
    ),
    "unknown-language-folder-in-docs": (
        _write(
            "docs/pt/index.md",
            "---\ntitle: Olá\ndescription: Página inicial em português.\n---\n# Olá\n",
        ),
        "docs/pt",
        "not a language of the site",
    ),
    "unknown-special-line": (
        _edit(
            "docs/en/communique/sources.md",
            "<!-- puebla:communique-sources -->",
            "<!-- puebla:communique-everything -->",
        ),
        "docs/en/communique/sources.md",
        "unknown special line",
    ),
    "campaign-file-malformed": (
        _edit("campaigns/rights/campaign.yml", "commitment: 6", "commitment: [6"),
        "campaigns/rights/campaign.yml",
        "YAML is malformed",
    ),
    "campaign-wrong-colour": (
        _edit("campaigns/trafficking/campaign.yml", 'primary: "#5a2a5e"', 'primary: "purple"'),
        "campaigns/trafficking/campaign.yml",
        "colors.primary",
    ),
    "campaign-low-contrast-colours": (
        _edit("campaigns/rights/campaign.yml", 'primary: "#0b4f6c"', 'primary: "#9ad0e6"'),
        "campaigns/rights/campaign.yml",
        "contrast",
    ),
    "campaign-missing-commitment": (
        _edit("campaigns/rights/campaign.yml", "commitment: 6\n", ""),
        "campaigns/rights/campaign.yml",
        "'commitment' must be a number from 1 to 21",
    ),
    "campaign-unknown-language-folder": (
        _write("campaigns/rights/de/index.md", "---\ntitle: Rechte\n---\n# Rechte\n"),
        "campaigns/rights/de",
        "not a language of the site",
    ),
    "campaign-page-missing-in-one-language": (
        _delete("campaigns/trafficking/es/warning-signs.md"),
        "campaigns/trafficking/es/warning-signs.md",
        "missing in language 'es'",
    ),
    "campaign-page-without-summary": (
        _edit("campaigns/rights/fr/rights.md", "\nsummary:", "\nresume:"),
        "campaigns/rights/fr/rights.md",
        "'summary' is missing",
    ),
    "poster-headline-too-long": (
        _edit(
            "campaigns/rights/fr/index.md",
            "\nheadline:",
            "\nheadline: Les droits humains ne dépendent jamais des papiers, ni du pays, ni de la langue, ni du statut migratoire, ni de la couleur, ni de la religion de personne",
        ),
        "campaigns/rights/fr/index.md",
        "headline",
    ),
    "help-entry-without-source": (
        _edit(
            "campaigns/help-lines.yml",
            '      - {kind: call, value: "1-833-900-1010", source: cchth-what-we-do}',
            '      - {kind: call, value: "1-833-900-1010"}',
        ),
        "campaigns/help-lines.yml",
        "[ca-canadian-human-trafficking-hotline.contacts[0].source]",
    ),
    "help-entry-without-check": (
        _edit(
            "campaigns/help-lines.yml",
            '    checks:\n      - {method: source-re-read, date: "2026-11"}\n    confidence: medium',
            "    confidence: medium",
        ),
        "campaigns/help-lines.yml",
        "the line records no check",
    ),
}


def _run_build(root: Path) -> subprocess.CompletedProcess[str]:
    return run_puebla(root, "build")


@pytest.fixture(scope="module")
def good_site_marker() -> str:
    return "<!-- previous good build -->"


@pytest.mark.parametrize("scenario", sorted(SCENARIOS))
def test_bad_input_fails_clearly_and_keeps_the_previous_site(
    project_copy: Path, scenario: str
) -> None:
    break_it, named_file, words = SCENARIOS[scenario]
    # An earlier good site/ that must survive.
    site = project_copy / "site"
    site.mkdir()
    (site / "index.html").write_text("previous good build", encoding="utf-8")
    break_it(project_copy)

    result = _run_build(project_copy)

    assert result.returncode != 0
    message = result.stderr + result.stdout
    assert named_file in message, message
    assert words in message, message
    assert (site / "index.html").read_text(encoding="utf-8") == "previous good build"
    assert sorted(p.name for p in site.iterdir()) == ["index.html"]
    assert not list(project_copy.glob(".site-build-*")), "no staging folder is left behind"


def test_a_good_build_replaces_the_previous_site(project_copy: Path) -> None:
    site = project_copy / "site"
    site.mkdir()
    (site / "stale.html").write_text("old", encoding="utf-8")
    result = _run_build(project_copy)
    assert result.returncode == 0, result.stderr
    assert not (site / "stale.html").exists()
    assert (site / "communique" / "index.html").is_file()
    assert not re.search(r"(?i)error", result.stderr)
