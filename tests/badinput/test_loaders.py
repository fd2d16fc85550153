"""Bad input at scale: every mutated content file ends in valid content or a clear error.

Each test takes one kind of file the project reads — a page's front matter, campaign.yml,
help-lines.yml, a locale, a partner file — and lets Hypothesis break a copy of the real one
(see mutations.py) before handing it to the same per-file loader the build uses. Each case
must end either in content of the right shape, or in problems that name the broken file and
say what is wrong; any other exception (a traceback) fails the test with the case that
caused it. ``make test`` runs the ``puebla`` profile (derandomized: the same cases every
run); the number of cases that ran is printed at the end of the pytest output.
"""

from __future__ import annotations

import datetime as dt
import shutil
import string
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from badinput.counting import case
from badinput.mutations import dump, front_matter_page, mutated_bytes, mutated_data
from puebla.errors import Collector, ContentError, Problem
from puebla.model.campaigns import Campaign, load_campaign
from puebla.model.colors import is_hex
from puebla.model.helplines import HelpData, load_help
from puebla.model.locales import Locale, load_locales
from puebla.model.partners import Partner, load_partner, read_partner
from sitekit import LANGUAGES, ROOT

TODAY = dt.date(2026, 12, 1)
FIXTURE_PARTNER = ROOT / "tests" / "fixtures" / "partners" / "clean" / "fixture-shelter.yml"


@pytest.fixture(scope="module")
def work(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the files the loaders read; each case changes one and puts it back."""
    root = tmp_path_factory.mktemp("badinput")
    shutil.copytree(ROOT / "campaigns" / "rights", root / "campaigns" / "rights")
    shutil.copy(ROOT / "campaigns" / "help-lines.yml", root / "campaigns" / "help-lines.yml")
    shutil.copytree(ROOT / "locales", root / "locales", ignore=shutil.ignore_patterns("snapshots"))
    (root / "partners").mkdir()
    for path in FIXTURE_PARTNER.parent.iterdir():
        shutil.copy(path, root / "partners" / path.name)
    return root


class Mutated:
    """Write ``data`` over ``path`` for one case, and restore the original afterwards."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.original = path.read_bytes()

    @contextmanager
    def __call__(self, data: bytes) -> Iterator[Path]:
        self.path.write_bytes(data)
        try:
            yield self.path
        finally:
            self.path.write_bytes(self.original)


def _outcome(path: Path, run: Callable[[Collector], Any]) -> tuple[Any, list[Problem]]:
    """Run a loader; anything but a result or the project's own errors escapes (= traceback)."""
    issues = Collector()
    try:
        result = run(issues)
    except ContentError as exc:
        return None, exc.problems
    return result, issues.errors


def _assert_clear(problems: list[Problem], path: Path) -> None:
    """Clear errors: at least one names the broken file; each says what and how to fix.

    An error may name the file by its path, or in its words (a page missing from
    ``campaign.yml``'s list is reported on the page, and the hint names ``campaign.yml``).
    """
    rel = f"{path.parent.name}/{path.name}"
    named = [
        p for p in problems if Path(p.path).resolve() == path.resolve() or rel in p.message + p.hint
    ]
    assert named, f"no error names {path.name}: {[p.format() for p in problems]}"
    for p in problems:
        text = p.format()
        assert p.message.strip() and "Traceback" not in text, text
        assert len(text) < 1000, f"an error message is {len(text)} characters long: {text[:300]}"


def _structural_or_textual(original: bytes, page: bool = False) -> st.SearchStrategy[bytes]:
    text = original.decode("utf-8")
    if page:
        meta, body = front_matter_page(text)
        structural = mutated_data(meta).map(lambda m: ("---\n" + dump(m) + "---\n" + body).encode())
    else:
        structural = mutated_data(yaml.safe_load(text)).map(lambda d: dump(d).encode())
    return st.one_of(structural, mutated_bytes(original))


def _check_campaign(c: Campaign | None) -> None:
    if c is None:
        return
    assert isinstance(c.commitment, int) and not isinstance(c.commitment, bool)
    assert all(is_hex(v) for v in c.colors.values())
    assert all(isinstance(p, str) for p in c.pages)
    for text in c.texts.values():
        for value in (text.headline, text.call_to_action, text.card_title, *text.messages):
            assert isinstance(value, str) and value
        assert all(isinstance(p, str) and p for p in text.card_points)
    for pages in c.translations.values():
        for page in pages.values():
            assert all(isinstance(v, str) for v in (page.title, page.description, page.summary))


# --- front matter -------------------------------------------------------------------------

FRONT_MATTER_PAGES = ["en/index.md", "es/index.md", "fr/rights.md"]


@pytest.mark.parametrize("page", FRONT_MATTER_PAGES)
@settings(max_examples=100)
@given(data=st.data())
def test_front_matter_mutations_end_in_content_or_a_clear_error(
    work: Path, page: str, data: st.DataObject
) -> None:
    path = work / "campaigns" / "rights" / page
    mutate = Mutated(path)
    broken = data.draw(_structural_or_textual(mutate.original, page=True), label=page)
    with mutate(broken) as target:
        case("front matter")
        campaign, problems = _outcome(
            target, lambda issues: load_campaign(work / "campaigns" / "rights", LANGUAGES, issues)
        )
        if problems:
            _assert_clear(problems, target)
        _check_campaign(campaign)


# --- campaign.yml -------------------------------------------------------------------------


@settings(max_examples=200)
@given(data=st.data())
def test_campaign_yml_mutations_end_in_content_or_a_clear_error(
    work: Path, data: st.DataObject
) -> None:
    path = work / "campaigns" / "rights" / "campaign.yml"
    mutate = Mutated(path)
    broken = data.draw(_structural_or_textual(mutate.original), label="campaign.yml")
    with mutate(broken) as target:
        case("campaign.yml")
        campaign, problems = _outcome(
            target, lambda issues: load_campaign(work / "campaigns" / "rights", LANGUAGES, issues)
        )
        if problems:
            _assert_clear(problems, target)
        _check_campaign(campaign)


# --- help-lines.yml -----------------------------------------------------------------------


def _check_help(data: HelpData) -> None:
    # Written against the loader's public result only (its schema is being reworked).
    assert isinstance(data, HelpData)
    for line in data.lines:
        assert isinstance(line.id, str) and line.id
        for contact in line.contacts:
            # A TTY or web channel may come without a value of its own (schema v2).
            assert isinstance(contact.value, str)
            assert contact.value or contact.kind not in ("call", "text", "whatsapp")


@settings(max_examples=200)
@given(data=st.data())
def test_help_lines_mutations_end_in_content_or_a_clear_error(
    work: Path, data: st.DataObject
) -> None:
    path = work / "campaigns" / "help-lines.yml"
    mutate = Mutated(path)
    broken = data.draw(_structural_or_textual(mutate.original), label="help-lines.yml")
    with mutate(broken) as target:
        case("help-lines.yml")
        result, problems = _outcome(
            target, lambda issues: load_help(path, LANGUAGES, issues, TODAY)
        )
        if problems:
            _assert_clear(problems, target)
        else:
            _check_help(result)


# --- locales ------------------------------------------------------------------------------


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def _check_locales(locales: dict[str, Locale]) -> None:
    source = locales["en"]
    for locale in locales.values():
        for key, value in locale.strings.items():
            assert isinstance(value, str)
            if key in source.strings:
                # Every string fills in with the English placeholders, as the build does it.
                locale.t(key, **dict.fromkeys(_fields(source.strings[key]), "x"))


@pytest.mark.parametrize("lang", ["en", "es", "ht"])
@settings(max_examples=70)
@given(data=st.data())
def test_locale_mutations_end_in_content_or_a_clear_error(
    work: Path, lang: str, data: st.DataObject
) -> None:
    path = work / "locales" / f"{lang}.yml"
    mutate = Mutated(path)
    broken = data.draw(_structural_or_textual(mutate.original), label=f"{lang}.yml")
    with mutate(broken) as target:
        case("locales")
        locales, problems = _outcome(target, lambda issues: load_locales(work / "locales", issues))
        if problems:
            # Removing an English string is reported in every other locale that still has it…
            # no: in every locale that lacks it. Either way the broken file is among them.
            _assert_clear(problems, target)
        else:
            _check_locales(locales)


# --- partner files ------------------------------------------------------------------------


def _check_partner(p: Partner) -> None:
    assert isinstance(p.name, str) and p.name and len(p.name) <= 80
    assert p.languages and set(p.languages) <= set(LANGUAGES)
    assert isinstance(p.publish, bool)
    for line in p.lines:
        assert isinstance(line.number, str) and line.number
        assert line.source_title and line.checked
        assert set(line.label) == set(p.languages)


@settings(max_examples=250)
@given(data=st.data())
def test_partner_file_mutations_end_in_content_or_a_clear_error(
    work: Path, data: st.DataObject
) -> None:
    path = work / "partners" / "fixture-shelter.yml"
    mutate = Mutated(path)
    broken = data.draw(_structural_or_textual(mutate.original), label="partner")
    with mutate(broken) as target:
        case("partners")
        partner, problems = _outcome(target, lambda issues: read_partner(path, LANGUAGES, TODAY))
        if problems:
            _assert_clear(problems, target)
        else:
            _check_partner(partner)


@settings(max_examples=6)
@given(data=st.data())
def test_partner_files_read_in_the_sandbox_give_the_same_outcome(
    work: Path, data: st.DataObject
) -> None:
    """Through the sandboxed child (JSON both ways), odd data arrives unchanged."""
    path = work / "partners" / "fixture-shelter.yml"
    mutate = Mutated(path)
    broken = data.draw(_structural_or_textual(mutate.original), label="partner")
    with mutate(broken) as target:
        case("partners (sandbox)")
        here, here_problems = _outcome(target, lambda issues: read_partner(path, LANGUAGES, TODAY))
        there, there_problems = _outcome(
            target, lambda issues: load_partner(path, LANGUAGES, TODAY)
        )
        assert [p.format() for p in there_problems] == [p.format() for p in here_problems]
        assert there == here
