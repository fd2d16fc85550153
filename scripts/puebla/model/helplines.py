"""Help lines and organisations (``campaigns/help-lines.yml``).

A wrong number hurts the people the site is for, so every entry must say where it comes from
and when it was last checked. Entries without either stop the build; entries checked more
than twelve months ago are reported as warnings so an editor re-checks them.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import Collector, shown
from .frontmatter import read_yaml_file

CONTACT_KINDS = ("call", "text", "tty", "whatsapp", "web", "email")
CONFIDENCE = ("high", "medium")  # low-confidence entries are not published at all
MAX_AGE_DAYS = 365
_DATE = re.compile(r"^(\d{4})-(\d{2})(?:-(\d{2}))?$")


@dataclass
class Contact:
    kind: str
    value: str


@dataclass
class HelpLine:
    id: str
    country: str  # ISO 3166 alpha-2
    name: str
    contacts: list[Contact]
    source_title: str
    source_url: str
    checked: str  # "YYYY-MM" or "YYYY-MM-DD", as precise as the check was
    confidence: str
    about: dict[str, str] = field(default_factory=dict)
    caveat: dict[str, str] = field(default_factory=dict)
    languages: dict[str, str] = field(default_factory=dict)
    hours: dict[str, str] = field(default_factory=dict)


@dataclass
class NoLine:
    """A country for which no line could be confirmed: said plainly, with no number."""

    country: str
    note: dict[str, str]


@dataclass
class HelpData:
    path: Path
    countries: dict[str, dict[str, str]]
    lines: list[HelpLine]
    unconfirmed: list[NoLine]


def checked_date(value: str) -> dt.date | None:
    match = _DATE.match(value)
    if not match:
        return None
    year, month, day = match.groups()
    try:
        return dt.date(int(year), int(month), int(day or 1))
    except ValueError:
        return None


def _per_language(value: object) -> dict[str, str]:
    return {str(k): str(v) for k, v in value.items()} if isinstance(value, dict) else {}


def load_help(
    path: Path, languages: list[str], issues: Collector, today: dt.date | None = None
) -> HelpData:
    today = today or dt.date.today()
    data = HelpData(path, {}, [], [])
    if not path.is_file():
        issues.error(path, "the help-lines file is missing", "restore campaigns/help-lines.yml")
        return data
    raw = read_yaml_file(path, issues)
    if not isinstance(raw, dict):
        if raw is not None:
            issues.error(
                path, "expected 'countries:', 'lines:' and 'unconfirmed:' at the top level"
            )
        return data
    for key, kind in (("countries", dict), ("lines", list), ("unconfirmed", list)):
        if not isinstance(raw.get(key) or kind(), kind):
            issues.error(
                path, f"'{key}' must be a {'mapping' if kind is dict else 'list'}", field=key
            )
            raw[key] = kind()
    data.countries = {str(k): _per_language(v) for k, v in (raw.get("countries") or {}).items()}
    for i, entry in enumerate(raw.get("lines") or []):
        where = f"lines[{i}]"
        if not isinstance(entry, dict):
            issues.error(path, "each line must be a mapping", field=where)
            continue
        where = f"lines[{i}] ({shown(entry.get('id', '?'), 40)})"
        ok = True
        for key in ("id", "country", "name"):
            if not isinstance(entry.get(key), str) or not entry[key]:
                issues.error(path, f"'{key}' is missing", field=f"{where}.{key}")
                ok = False
        source = entry.get("source")
        if not isinstance(source, dict) or not source.get("title"):
            issues.error(
                path,
                "this entry has no source; a help line is published only with its source",
                "add 'source: {title: …, url: …}' naming where the number was confirmed",
                field=f"{where}.source",
            )
            ok = False
            source = {}
        checked = str(entry.get("checked") or "")
        date = checked_date(checked)
        if date is None:
            issues.error(
                path,
                f"'checked' is {checked or 'missing'}; it must be the date the entry was last checked",
                "write it as YYYY-MM-DD (or YYYY-MM), in quotes",
                field=f"{where}.checked",
            )
            ok = False
        elif (today - date).days > MAX_AGE_DAYS:
            issues.warn(
                path,
                f"last checked {checked}, more than 12 months ago",
                "check the number against its source again and update 'checked'",
                field=f"{where}.checked",
            )
        confidence = entry.get("confidence")
        if confidence not in CONFIDENCE:
            issues.error(
                path,
                f"'confidence' is {shown(confidence)}; only {' or '.join(CONFIDENCE)} entries are published",
                "leave out an entry you cannot confirm",
                field=f"{where}.confidence",
            )
            ok = False
        caveat = _per_language(entry.get("caveat"))
        if confidence == "medium" and not caveat:
            issues.error(
                path, "a medium-confidence entry must show its caveat", field=f"{where}.caveat"
            )
            ok = False
        contacts = []
        for c in entry.get("contacts") or []:
            if not isinstance(c, dict) or c.get("kind") not in CONTACT_KINDS or not c.get("value"):
                issues.error(
                    path,
                    f"a contact is malformed: {shown(c)}",
                    f"write '{{kind: call, value: \"…\"}}' with kind one of {', '.join(CONTACT_KINDS)}",
                    field=f"{where}.contacts",
                )
                ok = False
                continue
            contacts.append(Contact(c["kind"], str(c["value"])))
        if not contacts:
            issues.error(path, "the entry lists no contact", field=f"{where}.contacts")
            ok = False
        if str(entry.get("country")) not in data.countries:
            issues.error(
                path,
                f"country {shown(entry.get('country'))} is not listed under 'countries:'",
                field=f"{where}.country",
            )
            ok = False
        if not ok:
            continue
        data.lines.append(
            HelpLine(
                id=entry["id"],
                country=entry["country"],
                name=entry["name"],
                contacts=contacts,
                source_title=str(source["title"]),
                source_url=str(source.get("url") or ""),
                checked=checked,
                confidence=confidence,
                about=_per_language(entry.get("about")),
                caveat=caveat,
                languages=_per_language(entry.get("languages")),
                hours=_per_language(entry.get("hours")),
            )
        )
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
    return data
