"""K'iche', Mam and Q'eqchi' publish nothing unreviewed: no draft page, no draft interface.

A wrong sentence in a reader's first language does more harm than the Spanish page, so a
language marked ``reviewed_only`` in its locale file stops the build on a translation that no
named speaker has reviewed, and says how to publish it properly.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sitekit import run_puebla

PAGE = "campaigns/rights/mam/myths-and-facts.md"


@pytest.mark.parametrize("code", ["quc", "mam", "kek"])
def test_the_mayan_languages_are_reviewed_only(code: str) -> None:
    text = (Path(__file__).parents[1] / "locales" / f"{code}.yml").read_text(encoding="utf-8")
    assert re.search(r"^reviewed_only: true$", text, re.M)


def _translate(project: Path, status: str, reviewer: str | None = None) -> None:
    """Give the Mam page the Spanish page's text and front matter (a stand-in), and a status."""
    spanish = (project / PAGE.replace("/mam/", "/es/")).read_text(encoding="utf-8")
    spanish = re.sub(r"^(translation_status|reviewed_by):.*\n", "", spanish, flags=re.M)
    fields = f"translation_status: {status}\n" + (f"reviewed_by: {reviewer}\n" if reviewer else "")
    (project / PAGE).write_text(spanish.replace("---\n", "---\n" + fields, 1), encoding="utf-8")


def test_an_unreviewed_translation_stops_the_check_naming_file_and_fix(
    project_copy: Path,
) -> None:
    _translate(project_copy, "awaiting-review")
    result = run_puebla(project_copy, "check")
    assert result.returncode != 0, result.stderr
    assert f"ERROR: {PAGE} [translation_status]" in result.stderr
    assert "published only once a named speaker has reviewed" in result.stderr
    assert f'make reviewed FILE={PAGE} BY="Name"' in result.stderr
    assert "campaigns/rights/es/myths-and-facts.md instead" in result.stderr


def test_a_reviewed_translation_passes(project_copy: Path) -> None:
    _translate(project_copy, "reviewed", "A. Speaker")
    result = run_puebla(project_copy, "check")
    assert PAGE not in "\n".join(
        line for line in result.stderr.splitlines() if line.startswith("ERROR")
    ), result.stderr


def test_unreviewed_interface_strings_stop_the_check(project_copy: Path) -> None:
    locale = project_copy / "locales" / "quc.yml"
    locale.write_text(
        locale.read_text(encoding="utf-8") + "strings:\n  country: Tinamit\n", encoding="utf-8"
    )
    result = run_puebla(project_copy, "check")
    assert result.returncode != 0
    assert "ERROR: locales/quc.yml [reviewed_by]" in result.stderr, result.stderr
