"""Warnings that help: new ones first and in full, known accepted states in one line."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from puebla.content import load_content
from puebla.errors import Problem
from puebla.today import epoch_of
from puebla.warning_report import SEEN, remember, report_lines
from sitekit import run_puebla


def _warning(path: str, message: str, **extra: object) -> Problem:
    return Problem(path, message, "the fix", severity="warning", **extra)  # type: ignore[arg-type]


def test_report_order_folding_and_opt_out(tmp_path: Path) -> None:
    known = [
        _warning(f"docs/ht/p{i}.md", "not yet translated", known_state="untranslated")
        for i in range(3)
    ]
    old = _warning("docs/es/a.md", "outdated translation. What changed:\n  added: x")
    pinned = _warning(
        "campaigns/help-lines.yml", "stale help line", known_state="s", always_show=True
    )
    remember([*known, old, pinned], tmp_path)
    new = _warning("docs/fr/b.md", "outdated translation")
    new_known = _warning("docs/ht/new.md", "not yet translated", known_state="untranslated")

    lines = report_lines([*known, old, pinned, new, new_known], tmp_path)
    text = "\n".join(lines)
    # New or changed first, in full (hint included), known state or not.
    assert lines[0].startswith("2 new or changed warning(s)")
    assert lines[1] == new.format(tmp_path)
    assert lines[2] == new_known.format(tmp_path)
    # Opted out of folding: in full although it is a known state seen before.
    assert pinned.format(tmp_path) in text
    # Seen before and still open: one line, no details.
    assert "  WARNING: docs/es/a.md: outdated translation.  (details: make check ALL=1)" in lines
    assert "added: x" not in text
    # Known accepted states seen before: one summary line, pointing at the status page.
    notes = [line for line in lines if line.startswith("NOTE:")]
    assert len(notes) == 1 and notes[0].startswith("NOTE: 3 known, accepted state(s)")
    assert "translation-status/" in notes[0]
    assert not any("docs/ht/p0.md" in line for line in lines)
    assert lines[-1] == notes[0], "the summary comes last"
    # Everything, in full, on request.
    full = report_lines([*known, old], tmp_path, full=True)
    assert full == [p.format(tmp_path) for p in [*known, old]]


def test_check_folds_untranslated_pages_and_lists_a_new_outdated_one_first(
    project_copy: Path,
) -> None:
    warnings = load_content(project_copy).issues.warnings
    untranslated = sum(1 for w in warnings if "not yet translated" in w.message)
    assert untranslated > 0, "the project has untranslated pages (ht)"

    first = run_puebla(project_copy, "check")
    assert first.returncode == 0, first.stderr
    assert (project_copy / SEEN).is_file()
    notes = [line for line in first.stderr.splitlines() if line.startswith("NOTE:")]
    assert len(notes) == 1, first.stderr
    assert re.match(rf"NOTE: {untranslated} known, accepted state\(s\)", notes[0]), notes[0]
    assert "not yet translated" not in first.stderr.replace(notes[0], "")

    english = project_copy / "campaigns/rights/en/women-and-children.md"
    english.write_text(english.read_text(encoding="utf-8") + "\nA new sentence.\n", "utf-8")
    second = run_puebla(project_copy, "check")
    lines = second.stderr.splitlines()
    # The placeholder-address banner (SITE_URL unset, #9) is printed apart from the report.
    # So are the materials renderer's own notes ("materials: …").
    banner_ends = [i for i, line in enumerate(lines) if line and set(line) == {"!"}]
    if banner_ends:
        lines = lines[banner_ends[-1] + 1 :]
    lines = [line for line in lines if not line.startswith("materials: ")]
    assert lines[0].startswith("2 new or changed warning(s)"), second.stderr
    assert "campaigns/rights/es/women-and-children.md [translation_source]: outdated" in lines[1]
    assert "added:   A new sentence." in second.stderr
    assert second.stderr.index("How to fix") < second.stderr.index("NOTE:")

    everything = run_puebla(project_copy, "check", "--all")
    assert everything.stderr.count("not yet translated") == untranslated


def test_check_lists_a_help_line_due_for_a_recheck_in_full_every_time(
    project_copy: Path, monkeypatch
) -> None:
    """A line that may be wrong is never folded: not by the build, not by ``make check``."""
    # Eight months after the test's "today": every line's last check is over 6 months old.
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(epoch_of(date(2027, 8, 1))))
    runs = [run_puebla(project_copy, "check") for _ in range(2)]
    for run in runs:
        assert run.returncode == 0, run.stderr
    due = [line for line in runs[0].stderr.splitlines() if "Sources to re-read" in line]
    assert due, "a line checked before 2027-02 is due: the first report lists it"
    for line in due:
        assert line in runs[1].stderr, f"folded on the second run: {line}"
    assert runs[1].stderr.count("re-read each source") == len(due), runs[1].stderr
    briefs = [line for line in runs[1].stderr.splitlines() if line.startswith("  WARNING: ")]
    assert not [line for line in briefs if "help-lines.yml" in line], briefs
