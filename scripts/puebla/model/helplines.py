"""Help lines (``campaigns/help-lines.yml``): who answers, what they share, how fresh it is.

A wrong number, or a wrong idea of who will hear the call, hurts the people the site is for.
So every line says who runs it (``operator``, ``operator_kind`` from a closed list) and when it
passes information on (``shares``), every fact a reader relies on (each channel, the hours, the
cost, the languages) names the source that states it, and every check records how it was done
and when. The build refuses a line without these, naming the file, the line's id and the field.

Freshness decides what may be printed: a poster hangs on a wall for a year, so a line whose
check is older than :data:`PRINT_LIMIT_MONTHS` is left off every printed and social material
(:func:`select_printable`, the one place that decides it) and is marked on the site.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import Collector, shown
from .frontmatter import read_yaml_file
from .locales import SOURCE_LANGUAGE, Locale

# --- The rules, in one place -------------------------------------------------------------
WARN_AFTER_MONTHS = 6  # `make check` warns and lists the sources to re-read
PRINT_LIMIT_MONTHS = 12  # left off print and social; the site marks it as old

OPERATOR_KINDS = (
    "nonprofit-government-award",  # a non-profit running the line under a government award
    "charity",  # a registered charity, not a government or police agency
    "civil-association-with-police",  # a civil association that works with police/prosecutors
    "government",  # a government body (commission, ministry)
    "police",  # the police itself
)
PURPOSES = ("trafficking", "trafficking-reports", "police", "violence-family")
CONTACT_KINDS = ("call", "text", "whatsapp", "tty", "chat", "web", "email")
CALLABLE = ("call", "text", "whatsapp")  # what a "Get help now" block or a poster offers
CHECK_METHODS = ("source-re-read", "line-called", "operator-confirmed-in-writing")
CONFIDENCE = ("high", "medium", "low")  # low lines are kept for editors, never published
PUBLISHED = ("high", "medium")
REVIEW_STATES = ("awaiting-review", "reviewed")

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def parse_date(value: str) -> dt.date | None:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` as its earliest day (an old guess errs safe)."""
    match = _DATE.match(value)
    if not match:
        return None
    year, month, day = match.groups()
    try:
        return dt.date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        return None


checked_date = parse_date  # the name earlier code used


def add_months(day: dt.date, months: int) -> dt.date:
    month0 = day.month - 1 + months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    for d in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month, d)
        except ValueError:
            continue
    raise AssertionError("unreachable")  # pragma: no cover


def months_between(start: dt.date, end: dt.date) -> int:
    """Whole calendar months from ``start`` to ``end`` (0 if ``end`` is earlier)."""
    months = (end.year - start.year) * 12 + end.month - start.month
    if end.day < start.day:
        months -= 1
    return max(months, 0)


# --- The data ----------------------------------------------------------------------------
@dataclass(frozen=True)
class Source:
    """A source named once under ``sources:`` and cited by id from each fact."""

    id: str
    title: str
    url: str = ""
    published: str = ""  # the source's own date, as precise as known ("2021-03-16", "2024-01")
    note: str = ""  # e.g. "the operator's own president; not an independent source"


@dataclass(frozen=True)
class Contact:
    """One way to reach a line. ``value`` is empty when the source says the channel exists
    but gives no separate number (Canada's TTY)."""

    kind: str
    value: str
    sources: tuple[str, ...]

    @property
    def href(self) -> str:
        """A link a phone opens (tel:, sms:, WhatsApp, https:, mailto:), or "" when none."""
        digits = re.sub(r"[^0-9+]", "", self.value)
        if not self.value:
            return ""
        if self.kind in ("call", "tty"):
            return f"tel:{digits}"
        if self.kind == "text":
            return f"sms:{digits}"
        if self.kind == "whatsapp":
            # wa.me needs the full international number; a national one such as Mexico's
            # "800 5533 000" would open a chat with someone else, so it is shown, not linked.
            return f"https://wa.me/{digits[1:]}" if digits.startswith("+") else ""
        if self.kind in ("web", "chat"):
            return self.value if "://" in self.value else f"https://{self.value}/"
        if self.kind == "email":
            return f"mailto:{self.value}"
        return ""


@dataclass(frozen=True)
class Fact:
    """Hours, cost or languages: a closed value or per-language text, with its sources."""

    value: str  # a closed value ("24/7", "free") or "" when only text is given
    text: dict[str, str]
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Shares:
    """When the line passes information to police, immigration or other authorities."""

    text: dict[str, str]  # as the sources state it; empty when no source states it
    sources: tuple[str, ...]
    ask_first: bool  # show "ask how they use what you say before you give your name"
    # A few words for print, where ``text`` does not fit ("Tells police in some cases"):
    # a charity that informs the police in some cases must not print as "Charity" alone.
    label: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Check:
    """How and when someone last made sure of a line's facts."""

    method: str  # one of CHECK_METHODS
    date: str  # as precise as the record: "2026-12-01" or "2026-11"
    sources: tuple[str, ...]  # what was re-read (empty: every source the line cites)

    @property
    def day(self) -> dt.date:
        value = parse_date(self.date)
        assert value is not None  # validated on load
        return value

    @property
    def precision(self) -> str:
        return ("year", "month", "day")[self.date.count("-")]


@dataclass
class HelpLine:
    id: str
    country: str  # ISO 3166 alpha-2
    name: str
    purpose: str  # one of PURPOSES
    operator: str
    operator_kind: str  # one of OPERATOR_KINDS
    shares: Shares
    contacts: list[Contact]
    checks: list[Check]
    confidence: str
    operator_sources: tuple[str, ...] = ()
    about: dict[str, str] = field(default_factory=dict)
    caveat: dict[str, str] = field(default_factory=dict)
    caveat_label: dict[str, str] = field(default_factory=dict)  # short, for print
    hours: Fact | None = None
    cost: Fact | None = None
    languages: Fact | None = None

    # -- sources and checks
    def cited_sources(self) -> tuple[str, ...]:
        """Every source id the line's facts cite, in first-cited order."""
        ids: list[str] = list(self.operator_sources) + list(self.shares.sources)
        for c in self.contacts:
            ids.extend(c.sources)
        for fact in (self.hours, self.cost, self.languages):
            if fact:
                ids.extend(fact.sources)
        return tuple(dict.fromkeys(ids))

    def last_check_of(self, source_id: str) -> Check | None:
        covering = [c for c in self.checks if not c.sources or source_id in c.sources]
        return max(covering, key=lambda c: c.day, default=None)

    @property
    def oldest_check(self) -> Check:
        """The check that decides freshness: the oldest of each cited source's latest check."""
        latest = [self.last_check_of(s) for s in self.cited_sources()]
        known = [c for c in latest if c is not None]
        return min(known or self.checks, key=lambda c: c.day)

    @property
    def last_checked(self) -> dt.date:
        return self.oldest_check.day

    def age_months(self, today: dt.date) -> int:
        return months_between(self.last_checked, today)

    def freshness(self, today: dt.date) -> str:
        """``fresh``, ``due`` (past WARN_AFTER_MONTHS) or ``stale`` (past PRINT_LIMIT_MONTHS)."""
        if today > add_months(self.last_checked, PRINT_LIMIT_MONTHS):
            return "stale"
        if today > add_months(self.last_checked, WARN_AFTER_MONTHS):
            return "due"
        return "fresh"

    def sources_to_reread(self, today: dt.date) -> tuple[str, ...]:
        """Cited sources whose latest check is past WARN_AFTER_MONTHS, oldest first."""
        out = []
        for sid in self.cited_sources():
            check = self.last_check_of(sid)
            if check is None or today > add_months(check.day, WARN_AFTER_MONTHS):
                out.append((check.day if check else dt.date.min, sid))
        return tuple(sid for _, sid in sorted(out))

    # -- what readers see
    @property
    def published(self) -> bool:
        return self.confidence in PUBLISHED

    def callable_channels(self) -> tuple[Contact, ...]:
        return tuple(c for c in self.contacts if c.kind in CALLABLE and c.value)

    def short_label(self, locale: Locale) -> str:
        """Purpose · kind of operator · cost · hours, e.g. "Trafficking hotline · NGO · 24 h".

        Built from data and locale strings only, short enough for print; the cost and hours
        appear only where a source states them.
        """
        parts = [
            locale.t(f"helpline_purpose_{self.purpose.replace('-', '_')}"),
            locale.t(f"helpline_kind_short_{self.operator_kind.replace('-', '_')}"),
        ]
        if shares := pick(self.shares.label, locale.interface):
            parts.append(shares)
        for fact, prefix in (
            (self.cost, "helpline_cost_short_"),
            (self.hours, "helpline_hours_short_"),
        ):
            if fact is None:
                continue
            if fact.value:
                parts.append(locale.t(prefix + fact.value.replace("/", "_")))
        return " · ".join(parts)

    def caveat_label_in(self, lang: str) -> str:
        """The short caveat a medium line must print with ("" for high lines)."""
        if self.confidence != "medium":
            return ""
        return pick(self.caveat_label, lang)


@dataclass
class NoLine:
    """A country for which no line could be published: said plainly, with no number."""

    country: str
    note: dict[str, str]


@dataclass
class HelpData:
    path: Path
    countries: dict[str, dict[str, str]]
    lines: list[HelpLine]
    unconfirmed: list[NoLine]
    sources: dict[str, Source] = field(default_factory=dict)
    review: dict[str, str] = field(default_factory=dict)  # language -> review state

    def review_state(self, lang: str) -> str:
        """``source`` for English, else the recorded state (``awaiting-review`` by default)."""
        if lang == SOURCE_LANGUAGE:
            return "source"
        return self.review.get(lang, "awaiting-review")

    def is_draft(self, lang: str) -> bool:
        """True when the help-line texts in ``lang`` await a native speaker's review: the site
        shows a notice and print carries the DRAFT mark."""
        return self.review_state(lang) == "awaiting-review"

    def published_lines(self) -> list[HelpLine]:
        return [line for line in self.lines if line.published]

    def country_name(self, code: str, lang: str) -> str:
        return pick(self.countries.get(code, {}), lang) or code


def pick(values: dict[str, str], lang: str) -> str:
    """The text in ``lang``, else the source language's (new languages start that way)."""
    return values.get(lang) or values.get(SOURCE_LANGUAGE, "")


# --- What may be printed -----------------------------------------------------------------
@dataclass(frozen=True)
class PrintLine:
    """One line as a printed or social material shows it."""

    id: str
    country: str
    country_name: str
    name: str
    operator: str
    label: str  # HelpLine.short_label: purpose and operator in a few words
    kind_label: str  # the operator's kind alone, e.g. "Charity" (for the tightest layouts)
    channels: tuple[Contact, ...]  # callable channels, call first
    caveat_label: str  # non-empty for medium lines, which print only with it
    confidence: str


@dataclass(frozen=True)
class LeftOut:
    id: str
    country: str
    reason: (
        str  # stale | low-confidence | below-min-confidence | no-callable-channel | no-caveat-label
    )


@dataclass(frozen=True)
class Fallback:
    """What a material prints when no line is left: the emergency number where it applies
    and the address of the site's help page (the rule in the research note)."""

    text: str
    emergency: str
    help_url: str


@dataclass(frozen=True)
class PrintSelection:
    lines: tuple[PrintLine, ...]
    left_out: tuple[LeftOut, ...]
    fallback: Fallback | None  # set when ``lines`` is empty
    draft: bool  # the help-line texts in this language await review: print the DRAFT mark


def select_printable(
    data: HelpData,
    locale: Locale,
    today: dt.date,
    *,
    countries: Collection[str] | None = None,
    help_url: str = "",
    min_confidence: str = "medium",
) -> PrintSelection:
    """The lines a printed or social material in ``locale`` may show on ``today``.

    Pure: the same data, language, countries and date give the same answer. Left off: low
    lines, lines past PRINT_LIMIT_MONTHS, medium lines without a caveat label, lines with
    nothing to call. ``min_confidence="high"`` also leaves out medium lines, for a layout
    with no room for their caveat label. Sorted by country name, then by line name.
    """
    if min_confidence not in PUBLISHED:
        raise ValueError(f"min_confidence must be one of {PUBLISHED}, not {min_confidence!r}")
    lang = locale.interface  # the es fields for a language with the Spanish interface
    kept: list[PrintLine] = []
    left: list[LeftOut] = []
    for line in data.lines:
        if countries is not None and line.country not in countries:
            continue
        reason = ""
        channels = sorted(line.callable_channels(), key=lambda c: CALLABLE.index(c.kind))
        if not line.published:
            reason = "low-confidence"
        elif PUBLISHED.index(line.confidence) > PUBLISHED.index(min_confidence):
            reason = "below-min-confidence"
        elif line.freshness(today) == "stale":
            reason = "stale"
        elif not channels:
            reason = "no-callable-channel"
        elif line.confidence == "medium" and not line.caveat_label_in(lang):
            reason = "no-caveat-label"
        if reason:
            left.append(LeftOut(line.id, line.country, reason))
            continue
        kept.append(
            PrintLine(
                id=line.id,
                country=line.country,
                country_name=data.country_name(line.country, lang),
                name=line.name,
                operator=line.operator,
                label=line.short_label(locale),
                kind_label=locale.t(f"helpline_kind_short_{line.operator_kind.replace('-', '_')}"),
                channels=tuple(channels),
                caveat_label=line.caveat_label_in(lang),
                confidence=line.confidence,
            )
        )
    kept.sort(key=lambda p: (p.country_name, p.name))
    fallback = None
    if not kept:
        fallback = Fallback(locale.t("helpline_fallback", url=help_url), "911", help_url)
    return PrintSelection(tuple(kept), tuple(left), fallback, data.is_draft(lang))


# --- Loading and validation --------------------------------------------------------------
def _per_language(value: object) -> dict[str, str]:
    return {str(k): str(v) for k, v in value.items()} if isinstance(value, dict) else {}


class _Entry:
    """Validation helpers for one line: every problem names the file, the line's id, the field."""

    def __init__(self, data: HelpData, issues: Collector, index: int, raw: dict) -> None:
        self.data, self.issues, self.raw = data, issues, raw
        self.id = raw.get("id") if isinstance(raw.get("id"), str) else f"lines[{index}]"
        self.ok = True

    def error(self, fld: str, message: str, hint: str = "") -> None:
        self.issues.error(
            self.data.path, f"help line '{self.id}': {message}", hint, field=f"{self.id}.{fld}"
        )
        self.ok = False

    def text(self, key: str, required: bool = True) -> str:
        value = self.raw.get(key)
        if isinstance(value, str | int) and str(value).strip():
            return str(value).strip()
        if required:
            self.error(key, f"'{key}' is missing", _HINTS.get(key, ""))
        return ""

    def choice(self, key: str, known: tuple[str, ...], hint: str = "") -> str:
        value = self.text(key)
        if value and value not in known:
            self.error(
                key,
                f"'{key}' is {value!r}, which the build does not know",
                f"use one of: {', '.join(known)}" + (f". {hint}" if hint else ""),
            )
            return ""
        return value

    def source_ids(self, value: object, fld: str) -> tuple[str, ...]:
        ids = [value] if isinstance(value, str) else value if isinstance(value, list) else []
        ids = [str(i) for i in ids if str(i).strip()]
        if not ids:
            self.error(
                fld,
                "no source is cited",
                "add 'source: <id>' naming an entry under 'sources:' that states this fact",
            )
        for sid in ids:
            if sid not in self.data.sources:
                self.error(
                    fld,
                    f"source {sid!r} is not listed under 'sources:'",
                    f"known sources: {', '.join(self.data.sources) or '(none)'}",
                )
        return tuple(ids)

    def fact(self, key: str, closed: tuple[str, ...]) -> Fact | None:
        raw = self.raw.get(key)
        if raw is None:
            return None
        if not isinstance(raw, dict):
            self.error(key, "must be a mapping with 'value' or 'text', and 'source'")
            return None
        value = str(raw.get("value") or "")
        if value and value not in closed:
            self.error(
                f"{key}.value", f"{value!r} is not known", f"use one of: {', '.join(closed)}"
            )
        text = _per_language(raw.get("text"))
        if not value and not text:
            self.error(key, "gives neither 'value' nor 'text'")
        return Fact(value, text, self.source_ids(raw.get("source"), f"{key}.source"))


_HINTS = {
    "operator": "name who runs the line (e.g. 'Compass Connections'), as its source states it",
    "operator_kind": "say what kind of body runs it",
    "shares": (
        "say when the line passes information to police or immigration, as a source states "
        "it ('shares: {text: {en: …}, source: <id>}'), or 'shares: {stated: none}' when no "
        "source states it"
    ),
    "country": "use a code listed under 'countries:'",
}
HOURS_VALUES = ("24/7",)
COST_VALUES = ("free",)


def _load_sources(data: HelpData, raw: object, issues: Collector) -> None:
    if not isinstance(raw, dict) or not raw:
        issues.error(
            data.path,
            "'sources:' is missing; every fact cites a source listed there",
            "add 'sources: {<id>: {title: …, url: …, published: …}}'",
            field="sources",
        )
        return
    for sid, entry in raw.items():
        if not isinstance(entry, dict) or not entry.get("title"):
            issues.error(data.path, f"source {sid!r} has no title", field=f"sources.{sid}.title")
            continue
        published = str(entry.get("published") or "")
        if published and parse_date(published) is None:
            issues.error(
                data.path,
                f"source {sid!r}: 'published' is {published!r}",
                "write the source's own date as YYYY, YYYY-MM or YYYY-MM-DD, in quotes",
                field=f"sources.{sid}.published",
            )
        data.sources[str(sid)] = Source(
            str(sid),
            str(entry["title"]),
            str(entry.get("url") or ""),
            published,
            str(entry.get("note") or ""),
        )


def _load_line(data: HelpData, issues: Collector, index: int, raw: dict) -> HelpLine | None:
    e = _Entry(data, issues, index, raw)
    if not isinstance(raw.get("id"), str) or not raw["id"]:
        e.error("id", "'id' is missing", "give the line a short unique id, e.g. 'us-nhth'")
    country = e.text("country")
    if country and country not in data.countries:
        e.error("country", f"country {country!r} is not listed under 'countries:'")
    name = e.text("name")
    purpose = e.choice("purpose", PURPOSES)
    operator = e.text("operator")
    kind = e.choice("operator_kind", OPERATOR_KINDS, "Add a new kind to the code, not here.")
    operator_sources = (
        e.source_ids(raw.get("operator_source"), "operator_source") if operator else ()
    )
    confidence = e.choice("confidence", CONFIDENCE)

    shares_raw = raw.get("shares")
    shares = Shares({}, (), True)
    if not isinstance(shares_raw, dict) or not shares_raw:
        e.error("shares", "'shares' is missing", _HINTS["shares"])
    elif shares_raw.get("stated") == "none":
        shares = Shares({}, (), True)
    else:
        text = _per_language(shares_raw.get("text"))
        if SOURCE_LANGUAGE not in text:
            e.error("shares.text", f"'shares' has no '{SOURCE_LANGUAGE}' text", _HINTS["shares"])
        label = _per_language(shares_raw.get("label"))
        if shares_raw.get("label") is not None and SOURCE_LANGUAGE not in label:
            e.error(
                "shares.label",
                f"'shares.label' has no '{SOURCE_LANGUAGE}' text",
                "give the short print label in every language, English first, e.g. "
                "'label: {en: Tells police in some cases, es: …}'",
            )
        shares = Shares(
            text,
            e.source_ids(shares_raw.get("source"), "shares.source"),
            bool(shares_raw.get("ask_first", False)),
            label,
        )

    contacts = []
    for j, c in enumerate(raw.get("contacts") or []):
        where = f"contacts[{j}]"
        if not isinstance(c, dict) or c.get("kind") not in CONTACT_KINDS:
            e.error(
                where,
                f"a contact is malformed: {c!r}",
                f"write '{{kind: call, value: \"…\", source: <id>}}' with kind one of "
                f"{', '.join(CONTACT_KINDS)}",
            )
            continue
        value = str(c.get("value") or "").strip()
        if not value and c["kind"] in CALLABLE:
            e.error(f"{where}.value", f"the {c['kind']} contact has no number")
        contacts.append(Contact(c["kind"], value, e.source_ids(c.get("source"), f"{where}.source")))
    if not contacts:
        e.error("contacts", "the line lists no contact")

    checks = []
    for j, c in enumerate(raw.get("checks") or []):
        where = f"checks[{j}]"
        if not isinstance(c, dict):
            e.error(where, "each check must be a mapping {method, date, sources}")
            continue
        method = str(c.get("method") or "")
        if method not in CHECK_METHODS:
            e.error(
                f"{where}.method",
                f"the check's method is {method or 'missing'}",
                f"use one of: {', '.join(CHECK_METHODS)} (say what was really done)",
            )
            continue
        date = str(c.get("date") or "")
        if parse_date(date) is None or date.count("-") == 0:
            e.error(
                f"{where}.date",
                f"the check's date is {date or 'missing'}",
                "write the day it was done as YYYY-MM-DD (or YYYY-MM when only the month is "
                "recorded), in quotes",
            )
            continue
        sources = c.get("sources") or []
        ids = e.source_ids(sources, f"{where}.sources") if sources else ()
        checks.append(Check(method, date, ids))
    if not checks:
        e.error(
            "checks",
            "the line records no check",
            "add 'checks: [{method: source-re-read, date: \"YYYY-MM-DD\"}]' saying how and when",
        )

    caveat = _per_language(raw.get("caveat"))
    caveat_label = _per_language(raw.get("caveat_label"))
    if confidence == "medium":
        if SOURCE_LANGUAGE not in caveat:
            e.error("caveat", "a medium-confidence line must show its caveat")
        if SOURCE_LANGUAGE not in caveat_label:
            e.error(
                "caveat_label",
                "a medium-confidence line needs a short caveat label for print",
                "add 'caveat_label: {en: …}' of a few words",
            )
    hours = e.fact("hours", HOURS_VALUES)
    cost = e.fact("cost", COST_VALUES)
    languages = e.fact("languages", ())
    if not e.ok:
        return None
    return HelpLine(
        id=raw["id"],
        country=country,
        name=name,
        purpose=purpose,
        operator=operator,
        operator_kind=kind,
        shares=shares,
        contacts=contacts,
        checks=checks,
        confidence=confidence,
        operator_sources=operator_sources,
        about=_per_language(raw.get("about")),
        caveat=caveat,
        caveat_label=caveat_label,
        hours=hours,
        cost=cost,
        languages=languages,
    )


def load_help(
    path: Path, languages: list[str], issues: Collector, today: dt.date | None = None
) -> HelpData:
    """Load and validate the file; warn about lines due for a re-check on ``today``."""
    data = HelpData(path, {}, [], [])
    if not path.is_file():
        issues.error(path, "the help-lines file is missing", "restore campaigns/help-lines.yml")
        return data
    raw = read_yaml_file(path, issues)
    if not isinstance(raw, dict):
        if raw is not None:
            issues.error(
                path, "expected 'sources:', 'countries:', 'lines:' and 'unconfirmed:' at the top"
            )
        return data
    for key, kind in (("countries", dict), ("lines", list), ("unconfirmed", list)):
        if not isinstance(raw.get(key) or kind(), kind):
            issues.error(
                path, f"'{key}' must be a {'mapping' if kind is dict else 'list'}", field=key
            )
            raw[key] = kind()
    data.countries = {str(k): _per_language(v) for k, v in (raw.get("countries") or {}).items()}
    _load_sources(data, raw.get("sources"), issues)
    review = raw.get("review") or {}
    if not isinstance(review, dict):
        issues.error(path, "'review' must map languages to a review state", field="review")
        review = {}
    for lang, state in review.items():
        if state not in REVIEW_STATES:
            issues.error(
                path,
                f"review state {state!r} for '{lang}' is not known",
                f"use one of: {', '.join(REVIEW_STATES)}",
                field=f"review.{lang}",
            )
        else:
            data.review[str(lang)] = str(state)
    ids: set[str] = set()
    for i, entry in enumerate(raw.get("lines") or []):
        if not isinstance(entry, dict):
            issues.error(path, "each line must be a mapping", field=f"lines[{i}]")
            continue
        line = _load_line(data, issues, i, entry)
        if line is None:
            continue
        if line.id in ids:
            issues.error(path, f"two lines have the id '{line.id}'", field=f"{line.id}.id")
            continue
        ids.add(line.id)
        data.lines.append(line)
    for entry in raw.get("unconfirmed") or []:
        if isinstance(entry, dict) and str(entry.get("country")) in data.countries:
            data.unconfirmed.append(NoLine(entry["country"], _per_language(entry.get("note"))))
        else:
            issues.error(path, f"malformed 'unconfirmed' entry {shown(entry)}", field="unconfirmed")
    for code, names in data.countries.items():
        for lang in languages:
            if lang not in names:
                issues.warn(
                    path,
                    f"country {code} has no name in '{lang}'; the English name is shown",
                    "add the country's name in that language",
                    field=f"countries.{code}.{lang}",
                )
    if today is not None:
        warn_due(data, today, issues)
    return data


def describe_source(source: Source) -> str:
    out = source.title
    if source.published:
        out += f" ({source.published})"
    if source.url:
        out += f" <{source.url}>"
    return out


def warn_due(data: HelpData, today: dt.date, issues: Collector) -> None:
    """One warning per line past WARN_AFTER_MONTHS, listing every source to re-read in full."""
    for line in data.lines:
        state = line.freshness(today)
        if state == "fresh":
            continue
        reread = [data.sources[s] for s in line.sources_to_reread(today) if s in data.sources]
        listing = "".join(f"\n      - {describe_source(s)}" for s in reread)
        if state == "stale":
            message = (
                f"help line '{line.id}' was last checked {line.oldest_check.date}, more than "
                f"{PRINT_LIMIT_MONTHS} months ago: it is left off every printed and social "
                f"material and marked as old on the site. Sources to re-read:{listing}"
            )
        else:
            message = (
                f"help line '{line.id}' was last checked {line.oldest_check.date}, more than "
                f"{WARN_AFTER_MONTHS} months ago. Sources to re-read:{listing}"
            )
        issues.warn(
            data.path,
            message,
            "re-read each source (or call the line), then add a check with its method and date",
            field=f"{line.id}.checks",
            always_show=True,  # a line that may be wrong is never folded into a summary
        )
