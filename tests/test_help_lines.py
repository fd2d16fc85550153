"""Help lines that stay true: who runs each line, what it shares, honest checks, no stale print.

Model-level tests run on the real data; the built-site tests read the session's build. The
end-to-end stale test (a line checked 13 months before "today") lives in
tests/materials/test_stale_line.py, because it builds a project copy.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

import pytest

from htmlscan import read_page
from puebla.errors import Collector
from puebla.model.helplines import (
    OPERATOR_KINDS,
    PRINT_LIMIT_MONTHS,
    WARN_AFTER_MONTHS,
    Contact,
    load_help,
    select_printable,
)
from puebla.site.help_pages import check_words
from puebla.today import ENV, BadDate, epoch_of, today
from sitekit import LANGUAGES, ROOT, TEST_TODAY, html_lang, lang_prefix, run_puebla

HELP = ROOT / "campaigns" / "help-lines.yml"

# Who runs each published line, as the research note (corrected 1 Dec 2026) states it.
KINDS = {
    "us-national-human-trafficking-hotline": ("Compass Connections", "nonprofit-government-award"),
    "ca-canadian-human-trafficking-hotline": (
        "Canadian Centre to End Human Trafficking",
        "charity",
    ),
    "mx-linea-nacional-contra-la-trata": (
        "Consejo Ciudadano para la Seguridad y Justicia de la Ciudad de México",
        "civil-association-with-police",
    ),
    "hn-cicesct-145": ("CICESCT", "government"),
    "pa-104-police": ("Policía Nacional de Panamá", "police"),
    "ni-133-family-ministry": (
        "Ministerio de la Familia, Adolescencia y Niñez (MIFAN)",
        "government",
    ),
}
CONFIDENCE = {
    "us-national-human-trafficking-hotline": "high",
    "ca-canadian-human-trafficking-hotline": "high",
    "mx-linea-nacional-contra-la-trata": "medium",
    "hn-cicesct-145": "high",
    "pa-104-police": "medium",
    "ni-133-family-ministry": "medium",
}
HELP_PAGES = ("rights", "trafficking")
# "verified"/"confirmed" in the site's four languages; a negation just before it is allowed.
CLAIM = re.compile(
    r"\b(verified|confirmed|verificad\w*|confirmad\w*|vérifié\w*|confirmé\w*|verifye|konfime)\b",
    re.I,
)
NEGATION = re.compile(
    r"\b(not|no|non|pas|aucun\w*|sin|ninguna?|nunca|never|without|poko|pa|unconfirmed)\b"
    r"(\s+\S+){0,3}\s*$",
    re.I,
)


def _today() -> dt.date:
    return dt.date.fromisoformat(TEST_TODAY)


def test_each_real_line_names_its_operator_and_kind(project) -> None:
    got = {
        line.id: (line.operator, line.operator_kind, line.confidence) for line in project.help.lines
    }
    assert got == {i: (*KINDS[i], CONFIDENCE[i]) for i in KINDS}
    assert {kind for _, kind in KINDS.values()} <= set(OPERATOR_KINDS)


def test_every_fact_cites_a_known_source(project) -> None:
    for line in project.help.lines:
        assert line.operator_sources, line.id
        for contact in line.contacts:
            assert contact.sources and set(contact.sources) <= set(project.help.sources)
        for fact in (line.hours, line.cost, line.languages):
            if fact is not None:
                assert fact.sources and set(fact.sources) <= set(project.help.sources)
        assert line.shares.text or line.shares.ask_first, line.id


def test_the_us_line_shows_no_channel_unconfirmed_since_the_change(project) -> None:
    us = next(ln for ln in project.help.lines if ln.country == "US")
    assert [(c.kind, c.value) for c in us.contacts] == [("call", "1-888-373-7888")]
    assert us.checks[0].method == "source-re-read" and us.checks[0].date == "2026-12-01"
    for text in us.shares.text.values():
        assert "Polaris" not in text  # the former operator's rules are not presented as current
    assert set(us.shares.text) == {html_lang(lang) for lang in LANGUAGES}  # K'iche' reads es


def test_checks_record_what_the_research_note_records(project) -> None:
    for line in project.help.lines:
        for check in line.checks:
            assert check.method == "source-re-read"  # nobody called a line or wrote to one
        expected = "2026-12-01" if line.country == "US" else "2026-11"
        assert [c.date for c in line.checks] == [expected], line.id
    mexico = project.help.sources["24horas-2021"]
    assert mexico.published == "2021-03-16"


@pytest.mark.parametrize("field", ["operator", "operator_kind", "shares"])
def test_a_line_without_who_runs_it_fails_check_naming_file_id_and_field(
    project_copy: Path, field: str
) -> None:
    path = project_copy / "campaigns" / "help-lines.yml"
    text = path.read_text(encoding="utf-8")
    start = text.index("  - id: hn-cicesct-145")
    block = text[start : text.index("\n  - id:", start + 1)]
    lines = block.split("\n")
    kept, skipping = [], False
    for row in lines:
        if row.startswith(f"    {field}:"):
            skipping = True
            continue
        if skipping and row.startswith("      "):
            continue
        skipping = False
        kept.append(row)
    path.write_text(text.replace(block, "\n".join(kept)), encoding="utf-8")
    result = run_puebla(project_copy, "check")
    assert result.returncode != 0
    assert f"campaigns/help-lines.yml [hn-cicesct-145.{field}]" in result.stderr, result.stderr
    assert f"'{field}' is missing" in result.stderr


def test_an_unknown_operator_kind_lists_the_known_ones(project_copy: Path) -> None:
    path = project_copy / "campaigns" / "help-lines.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("operator_kind: charity", "operator_kind: ngo", 1), "utf-8")
    result = run_puebla(project_copy, "check")
    assert result.returncode != 0
    assert "[ca-canadian-human-trafficking-hotline.operator_kind]" in result.stderr
    assert "'ngo'" in result.stderr
    assert "use one of: " + ", ".join(OPERATOR_KINDS) in result.stderr


def test_print_selection_rules(project) -> None:
    day = _today()
    for lang in LANGUAGES:
        locale = project.locales[lang]
        selection = select_printable(project.help, locale, day)
        by_id = {p.id: p for p in selection.lines}
        for line in project.help.lines:
            if line.confidence == "medium":
                assert by_id[line.id].caveat_label, "a medium line prints only with its caveat"
            if line.confidence == "high":
                assert by_id[line.id].caveat_label == ""
            assert line.operator == by_id[line.id].operator
        assert selection.fallback is None
        assert selection.draft == (lang != "en")  # nothing has been reviewed yet
        high = select_printable(project.help, locale, day, min_confidence="high")
        assert {p.id for p in high.lines} == {
            ln.id for ln in project.help.lines if ln.confidence == "high"
        }


def test_stale_and_low_lines_never_print_and_an_empty_selection_falls_back(project) -> None:
    locale = project.locales["en"]
    later = dt.date(2028, 1, 15)
    selection = select_printable(project.help, locale, later, help_url="https://x.example/help/")
    assert selection.lines == ()
    assert {left.reason for left in selection.left_out} == {"stale"}
    assert selection.fallback is not None
    assert "911" in selection.fallback.text and "https://x.example/help/" in selection.fallback.text
    low = project.help.lines[0]
    low.confidence = "low"
    try:
        ids = {p.id for p in select_printable(project.help, locale, _today()).lines}
        assert low.id not in ids
    finally:
        low.confidence = "high"


def test_a_line_whose_sharing_no_source_states_says_so(project_copy: Path) -> None:
    path = project_copy / "campaigns" / "help-lines.yml"
    text = path.read_text(encoding="utf-8")
    start = text.index("  - id: hn-cicesct-145")
    a = text.index("    shares:\n", start)
    b = text.index("    contacts:", a)
    path.write_text(text[:a] + "    shares: {stated: none}\n" + text[b:], encoding="utf-8")
    issues = Collector()
    data = load_help(path, LANGUAGES, issues)
    assert not issues.errors
    from puebla.model.project import load_project
    from puebla.site.help_pages import help_lines_markdown

    locales = load_project(project_copy).locales
    for lang in LANGUAGES:
        md = help_lines_markdown(data, locales[lang], _today())
        block = md.split("{#line-hn-cicesct-145}", 1)[1].split("####", 1)[0]
        assert locales[lang].t("helpline_shares_unknown") in block.replace("\\", "")
        assert locales[lang].t("helpline_ask_first") in block.replace("\\", "")


def test_thresholds_warn_at_6_and_drop_print_at_12_months() -> None:
    assert (WARN_AFTER_MONTHS, PRINT_LIMIT_MONTHS) == (6, 12)
    due = Collector()
    load_help(HELP, LANGUAGES, due, today=dt.date(2027, 6, 15))
    messages = [w.message for w in due.warnings if "months ago" in w.message]
    assert messages and all("Sources to re-read:" in m for m in messages)
    # The Canadian line's sources are listed in full, each on its own line.
    canada = next(m for m in messages if "ca-canadian" in m)
    assert canada.count("\n      - ") == 2 and "confidentiality policy" in canada


def test_today_is_source_date_epoch_when_set() -> None:
    assert today({ENV: str(epoch_of(dt.date(2031, 2, 3)))}) == dt.date(2031, 2, 3)
    with pytest.raises(BadDate, match="SOURCE_DATE_EPOCH"):
        today({ENV: "tomorrow"})


def test_today_is_the_clock_when_unset() -> None:
    """The one test that covers the real clock (every other test runs on TEST_TODAY)."""
    env = {k: v for k, v in os.environ.items() if k != ENV}
    assert today(env) == dt.datetime.now(dt.UTC).date()


def test_make_lines_lists_every_line_in_order(project_copy: Path) -> None:
    result = run_puebla(project_copy, "lines")
    assert result.returncode == 0, result.stderr
    for line_id, (operator, kind) in KINDS.items():
        assert line_id in result.stdout and operator in result.stdout and kind in result.stdout
    # Oldest check first: the US line (re-read 2026-12-01) comes last.
    order = [m.group(1) for m in re.finditer(r"^(\S+)  \[", result.stdout, re.M)]
    assert order[-1] == "us-national-human-trafficking-hotline"


# --- on the built site ------------------------------------------------------------------
@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("campaign", HELP_PAGES)
def test_help_pages_say_who_runs_each_line_and_how_it_was_checked(
    page, project, campaign: str, lang: str
) -> None:
    p = page(f"{lang_prefix(lang)}campaigns/{campaign}/help/")
    html = Path(p.path).read_text(encoding="utf-8")
    locale = project.locales[lang]
    for line in project.help.lines:
        block = html.split(f'id="line-{line.id}"', 1)[1].split("<h3", 1)[0].split("<h4", 1)[0]
        text = re.sub(r"<[^>]+>", "", block).replace("&#x27;", "'").replace("&quot;", '"')
        assert line.operator in text
        assert locale.t("helpline_operator") in text and locale.t("helpline_shares") in text
        shares = line.shares.text.get(locale.interface) or line.shares.text["en"]
        assert re.sub(r"\s+", " ", shares)[:40] in re.sub(r"\s+", " ", text)
        assert check_words(line.checks[0], locale) in text  # e.g. "source re-read on 1 …"
        assert "Source" in text or locale.t("source") in text
        assert "233733" not in block and "tel:711" not in block
    review_notice = locale.t("helpline_review_text")
    assert (review_notice in html.replace("&#x27;", "'")) == (lang != "en")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_how_we_check_page_exists_and_says_no_report_address_is_set(page, project, lang) -> None:
    p = page(f"{lang_prefix(lang)}help-lines/")
    text = p.main_text
    locale = project.locales[lang]
    assert locale.t("helpline_report_unset") in text.replace("\u2019", "'")
    assert str(WARN_AFTER_MONTHS) in text and str(PRINT_LIMIT_MONTHS) in text
    assert locale.t("helpline_stale") in text
    # Linked from each help page.
    for campaign in HELP_PAGES:
        hrefs = [
            e.attrs.get("href", "")
            for e in page(f"{lang_prefix(lang)}campaigns/{campaign}/help/").find("a")
        ]
        assert "../../../help-lines/" in hrefs  # campaigns/<id>/help/ -> help-lines/


# The name of a check method is not a claim about a line: the "How we check" page explains
# it. On help pages it may appear only for a line whose check was done that way (none yet).
METHOD_NAMES = re.compile(r"operator confirmed in writing|confirmé par écrit par l'opérateur", re.I)


def _claims(text: str) -> list[str]:
    found = []
    text = METHOD_NAMES.sub("", text.replace("\u2019", "'"))
    for match in CLAIM.finditer(text):
        before = text[max(0, match.start() - 60) : match.start()]
        if not NEGATION.search(before):
            found.append(text[max(0, match.start() - 40) : match.end() + 20])
    return found


def test_the_claim_finder_can_fail() -> None:
    assert _claims("Each number below was confirmed from the source.")
    assert _claims("líneas de ayuda verificadas")
    assert _claims("Liy èd nou verifye yo la a.")
    assert not _claims("Not confirmed; ask when you call.")
    assert not _claims("La línea no está confirmada.")
    assert _claims("The operator confirmed it.")


def test_no_page_meta_or_search_entry_calls_a_line_verified_or_confirmed(site: Path) -> None:
    problems = []
    for path in sorted(site.rglob("*.html")):
        page = read_page(path)
        metas = " ".join(
            e.attrs.get("content", "")
            for e in page.find("meta")
            if e.attrs.get("name") == "description" or e.attrs.get("property") == "og:description"
        )
        for text in (page.main_text, metas):
            problems += [f"{path.relative_to(site)}: {c}" for c in _claims(text)]
    for path in site.rglob("campaigns/*/help/index.html"):
        assert not METHOD_NAMES.search(read_page(path).main_text.replace("\u2019", "'")), path
    for index in site.rglob("search_index.json"):
        problems += [f"{index.relative_to(site)}: {c}" for c in _claims(index.read_text("utf-8"))]
    assert not problems, "\n".join(problems[:20])


def test_no_locale_string_calls_a_line_verified_or_confirmed() -> None:
    problems = []
    for path in sorted((ROOT / "locales").glob("*.yml")):
        problems += [f"{path.name}: {c}" for c in _claims(path.read_text(encoding="utf-8"))]
    assert not problems, "\n".join(problems)


def test_whatsapp_links_only_an_international_number() -> None:
    """wa.me reads its digits as an international number: a national one reaches someone else."""
    assert Contact("whatsapp", "800 5533 000", ()).href == ""
    assert Contact("whatsapp", "+52 55 5533 5533", ()).href == "https://wa.me/525555335533"


def test_no_built_page_links_a_national_number_on_whatsapp(site: Path) -> None:
    bad = re.compile(r'href="https://wa\.me/\d')
    linked = [
        str(p.relative_to(site)) for p in site.rglob("*.html") if bad.search(p.read_text("utf-8"))
    ]
    assert not linked, linked


def test_a_print_label_of_what_a_line_shares_needs_its_english_text(project_copy: Path) -> None:
    """``shares.label`` (a few words for print) without its English text stops the check,
    naming file, line and field."""
    path = project_copy / "campaigns" / "help-lines.yml"
    text = path.read_text(encoding="utf-8")
    start = text.index("  - id: ca-canadian-human-trafficking-hotline")
    a = text.index("        en: Tells police in some cases\n", start)
    path.write_text(text[:a] + text[a:].split("\n", 1)[1], encoding="utf-8")
    result = run_puebla(project_copy, "check")
    assert result.returncode != 0
    where = "campaigns/help-lines.yml [ca-canadian-human-trafficking-hotline.shares.label]"
    assert where in result.stderr, result.stderr
    assert "'shares.label' has no 'en' text" in result.stderr


@pytest.mark.parametrize("campaign", HELP_PAGES)
def test_the_creole_help_texts_say_ki_or_nothing_not_ke_for_that(page, project, campaign) -> None:
    """Creole joins "wrote" and what was written without "ke" (a gallicism for "that"):
    Mexico's line, as the built Creole help page prints it."""
    html = Path(page(f"ht/campaigns/{campaign}/help/").path).read_text(encoding="utf-8")
    block = html.split('id="line-mx-linea-nacional-contra-la-trata"', 1)[1].split("<h3", 1)[0]
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", block))
    assert "Prezidan Konsèy la te ekri yo pataje ak enstitisyon lapolis yo" in text
    for line in project.help.lines:
        for words in (line.about, line.shares.text, line.caveat):
            assert not re.search(r"\bke\b", words.get("ht", "")), (line.id, words["ht"])


def test_a_print_label_of_what_a_line_shares_is_its_own(project) -> None:
    """A reader tells lines apart by their print labels: a line's ``shares.label`` (its
    source names when it tells the police) may not print the same words as another kind
    of line in the same language. Canada's ("tells police in some cases") once read, in
    Spanish and French, word for word like the US line's kind (then "may share with police":
    its award asks it to share with law enforcement, its rules unpublished)."""
    checked = 0
    for lang, locale in project.locales.items():
        kinds = {
            locale.t(f"helpline_kind_short_{line.operator_kind.replace('-', '_')}")
            for line in project.help.lines
        }
        labels = [
            (line.id, line.shares.label.get(locale.interface) or line.shares.label["en"])
            for line in project.help.lines
            if line.shares.label
        ]
        for line_id, words in labels:
            assert words not in kinds, (lang, line_id, words)
            assert [w for _, w in labels].count(words) == 1, (lang, line_id, words)
            checked += 1
    assert checked >= len(project.locales), "no line has a shares.label (Canada's should)"
