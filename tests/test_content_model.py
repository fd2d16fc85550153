"""The content model on its own (no MkDocs): loading, validation messages, warnings."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from puebla.errors import Collector, ContentError
from puebla.model.communique import COMMITMENTS
from puebla.model.helplines import load_help
from puebla.model.project import load_project
from sitekit import LANGUAGES, ROOT


def test_the_project_loads_with_both_campaigns(project) -> None:
    assert project.languages == LANGUAGES and {"en", "es", "fr", "ht"} <= set(LANGUAGES)
    assert {c.id: c.commitment for c in project.campaigns.values()} == {
        "rights": 6,
        "trafficking": 16,
    }
    for campaign in project.campaigns.values():
        assert set(campaign.texts) == set(LANGUAGES)
        for text in campaign.texts.values():
            assert len(text.messages) == 3 and 3 <= len(text.card_points) <= 6


def test_both_versions_parse_into_21_commitments(project) -> None:
    for version in project.communique.versions():
        assert list(version.commitments) == list(range(1, COMMITMENTS + 1))
    assert project.communique.un.letter[0].text == "29 March 1996"
    assert project.communique.release.commitments[16].text.startswith(
        "Promote a better understanding"
    )


def test_un_gaps_are_found_and_explained(project) -> None:
    un = project.communique.un
    gaps = [p.gap for p in un.paragraphs() if p.gap]
    assert gaps == [
        "programmes",
        "migration",
        "destination",
        "appropriate",
        "migrants",
        "agencies",
        "(IOM)",
    ]
    assert not [p for p in project.communique.release.paragraphs() if p.gap]


def test_an_unexplained_gap_is_an_error(project_copy: Path) -> None:
    gaps = project_copy / "sources/communique/gaps.yml"
    gaps.write_text(
        gaps.read_text(encoding="utf-8").replace(
            '  "prosecution of traffickers in":\n'
            '    likely: "migrants"\n'
            '    other: "prosecution of migrant traffickers"\n',
            "",
        ),
        encoding="utf-8",
    )
    with pytest.raises(ContentError) as info:
        load_project(project_copy)
    assert "gaps.yml" in str(info.value) and "stops mid-sentence" in str(info.value)


def test_a_gap_note_cannot_credit_the_release_with_words_it_lacks(project_copy: Path) -> None:
    """The note quotes the other English version: those words must really be in it."""
    gaps = project_copy / "sources/communique/gaps.yml"
    text = gaps.read_text(encoding="utf-8")
    assert 'other: "without detriment to bilateral cooperation programs"' in text
    gaps.write_text(
        text.replace(
            'other: "without detriment to bilateral cooperation programs"',
            'other: "without detriment to bilateral cooperation programmes"',
        ),
        encoding="utf-8",
    )
    with pytest.raises(ContentError) as info:
        load_project(project_copy)
    message = str(info.value)
    assert "gaps.yml" in message and "is not in the Conference's release text" in message


def test_all_problems_are_reported_at_once(project_copy: Path) -> None:
    (project_copy / "campaigns/rights/es/help.md").unlink()
    (project_copy / "docs/fr/index.md").unlink()
    with pytest.raises(ContentError) as info:
        load_project(project_copy)
    files = {str(Path(p.path).relative_to(project_copy)) for p in info.value.problems}
    assert {"campaigns/rights/es/help.md", "docs/fr/index.md"} <= files
    for problem in info.value.problems:
        assert problem.hint, "every message says how to fix it"


def test_stale_help_entry_is_a_warning_not_an_error() -> None:
    issues = Collector()
    data = load_help(
        ROOT / "campaigns/help-lines.yml", ["en", "es", "fr"], issues, today=dt.date(2028, 1, 1)
    )
    assert not issues.errors
    assert data.lines
    stale = [w for w in issues.warnings if "more than 12 months ago" in w.message]
    assert len(stale) == len(data.lines)
    fresh = Collector()
    load_help(
        ROOT / "campaigns/help-lines.yml", ["en", "es", "fr"], fresh, today=dt.date(2026, 12, 1)
    )
    assert not [w for w in fresh.warnings if "months ago" in w.message]


def test_medium_confidence_entry_needs_its_caveat(project_copy: Path) -> None:
    path = project_copy / "campaigns/help-lines.yml"
    text = path.read_text(encoding="utf-8")
    start = text.index("    caveat:\n      en: This is the police line")
    end = text.index("    caveat_label:", start)
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    issues = Collector()
    load_help(path, ["en", "es", "fr"], issues)
    assert any("caveat" in p.message and p.field == "pa-104-police.caveat" for p in issues.errors)
