"""Local partners (``partners/<id>.yml``): a shelter's name, logo and local lines on a kit.

A partner file comes from outside the project (a shelter e-mails it, a volunteer pastes
it), so it is read only through the guarded door (:mod:`puebla.untrusted`): the YAML and the
logo are parsed in the sandboxed child, held to the door's limits, and the logo comes back
cleaned (SVG rebuilt from an allowlist, PNG re-encoded). Then every field is checked here,
and each mistake names the file, the field and how to fix it. Like ``help-lines.yml``, a
local line is printed only with the source that confirms it and the date it was checked.

Schema (see partners/README.md)::

    name: Casa Ejemplo                # shown on the kit, at most 80 characters
    logo: casa-ejemplo.svg            # optional; .svg or .png beside this file
    languages: [es, en]               # the site languages the kit is made in
    publish: false                    # true: the kit is listed on the materials page
    lines:                            # optional; may be empty
      - number: "…"                   # as dialled locally: digits, spaces, + - ( ) .
        channels: [call, whatsapp]    # call, text, whatsapp, tty
        label: {es: "…", en: "…"}     # what the line is for, every language of the kit
        source: {title: "…", url: "…"} # where the number was confirmed (url optional)
        checked: "2026-11-20"         # when it was last confirmed (YYYY-MM-DD or YYYY-MM)
    countries: [MX]                   # optional: the countries it serves; its kit prints the
                                      # project's lines of these countries (with caveats)
"""

from __future__ import annotations

import base64
import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import Collector, ContentError, Problem
from ..today import today as clock_today
from ..untrusted import limits
from ..untrusted.door import to_json
from ..untrusted.image import clean_image_file
from ..untrusted.refusal import RefusedFile
from ..untrusted.sandbox import _problem_from_json, _problem_to_json, run_sandboxed
from ..untrusted.svg import clean_svg_file
from ..untrusted.yamlfile import load_yaml_file

PARTNERS_DIR = "partners"
CHANNELS = ("call", "text", "whatsapp", "tty")
FIELDS = ("name", "logo", "languages", "publish", "lines", "countries")
_COUNTRY = re.compile(r"^[A-Z]{2}$")
LINE_FIELDS = ("number", "channels", "label", "source", "checked")
MAX_NAME = 80
MAX_LABEL = 60
MAX_LINES = 6
MAX_AGE_DAYS = 365
ID_PATTERN = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$")
_NUMBER = re.compile(r"^\+?[0-9](?:[0-9 ().\-]{0,22}[0-9])?$")
_DATE = re.compile(r"^(\d{4})-(\d{2})(?:-(\d{2}))?$")
_LOGO_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,80}\.(svg|png)$", re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")


@dataclass(frozen=True)
class Logo:
    """The partner's logo, already cleaned by the guarded door (never the file as sent)."""

    filename: str  # as named in the partner file, e.g. "casa-ejemplo.svg"
    mime: str  # "image/svg+xml" or "image/png"
    data: bytes  # the cleaned bytes: rebuilt SVG, or PNG re-encoded from its pixels
    width: int | None = None  # PNG only
    height: int | None = None
    view_box: str | None = None  # SVG only

    def data_uri(self) -> str:
        """A ``data:`` URL for a template; the guarded url_fetcher accepts (and re-checks) it."""
        return f"data:{self.mime};base64,{base64.b64encode(self.data).decode('ascii')}"

    def write(self, folder: Path) -> Path:
        """Write the cleaned logo into ``folder`` (inside the project); return its path."""
        suffix = ".svg" if self.mime == "image/svg+xml" else ".png"
        target = folder / (Path(self.filename).stem + suffix)
        target.write_bytes(self.data)
        return target


@dataclass(frozen=True)
class PartnerLine:
    number: str
    channels: tuple[str, ...]
    label: dict[str, str]  # language → short label, one for every language of the partner
    source_title: str
    source_url: str
    checked: str  # "YYYY-MM-DD" or "YYYY-MM" as written


@dataclass(frozen=True)
class Partner:
    id: str
    path: Path
    name: str
    languages: tuple[str, ...]
    publish: bool
    lines: tuple[PartnerLine, ...] = ()
    logo: Logo | None = None
    warnings: tuple[Problem, ...] = field(default=(), compare=False)
    # The countries the partner serves (ISO 3166 codes, as in help-lines.yml): its kit prints
    # the project's lines of these countries; () = every country, as the main kits do.
    countries: tuple[str, ...] = ()


def project_languages(root: Path) -> list[str]:
    """The site's languages: its locale files, English first (as the content model does)."""
    codes = sorted(p.stem for p in (root / "locales").glob("*.yml"))
    return ["en", *[c for c in codes if c != "en"]] if "en" in codes else codes


def _text(value: object) -> str | None:
    if isinstance(value, str) and value.strip() and not _CONTROL.search(value):
        return value.strip()
    return None


def _checked(value: object, today: dt.date) -> tuple[str, dt.date] | None:
    if isinstance(value, dt.date):
        value = value.isoformat()
    if not isinstance(value, str):
        return None
    match = _DATE.match(value.strip())
    if not match:
        return None
    year, month, day = match.groups()
    try:
        date = dt.date(int(year), int(month), int(day or 1))
    except ValueError:
        return None
    return (value.strip(), date) if date <= today else None


def _read_logo(path: Path, value: object, issues: Collector) -> Logo | None:
    if value is None:
        return None
    hint = "name a .svg or .png file in the same folder as this partner file, e.g. logo: my-shelter.svg"
    if not isinstance(value, str) or not _LOGO_NAME.match(value):
        issues.error(
            path,
            f"'logo' is {str(value)[:80]!r}, not the name of an .svg or .png file beside it",
            hint,
            field="logo",
        )
        return None
    logo_path = path.parent / value
    try:
        real = logo_path.resolve(strict=True)
    except (OSError, RuntimeError):
        issues.error(path, f"the logo file {value} does not exist", hint, field="logo")
        return None
    if real.parent != path.parent.resolve() or not real.is_file():
        issues.error(
            path,
            f"the logo {value} is not a plain file in the partners folder (a link to elsewhere?)",
            "copy the logo itself into the partners folder",
            field="logo",
        )
        return None
    try:
        if real.suffix.lower() == ".svg":
            svg = clean_svg_file(real)
            return Logo(value, "image/svg+xml", svg.data, view_box=svg.view_box)
        img = clean_image_file(real)
        return Logo(value, "image/png", img.data, width=img.width, height=img.height)
    except RefusedFile as exc:
        # The refusal names the logo file; the partner file's field says where it was named.
        issues.error(
            path,
            f"the logo {value} cannot be used: {exc.problem.message}",
            exc.problem.hint,
            field="logo",
        )
        return None


def _read_line(
    path: Path, i: int, entry: object, langs: list[str], today: dt.date, issues: Collector
) -> PartnerLine | None:
    where = f"lines[{i}]"
    if not isinstance(entry, dict):
        issues.error(
            path,
            "each line must be a mapping of number, channels, label, source, checked",
            field=where,
        )
        return None
    ok = True
    for key in entry:
        if key not in LINE_FIELDS:
            issues.error(
                path,
                f"unknown field {str(key)[:40]!r}",
                f"use only {', '.join(LINE_FIELDS)}",
                field=f"{where}.{str(key)[:40]}",
            )
            ok = False
    number = entry.get("number")
    if isinstance(number, int) and not isinstance(number, bool):
        issues.error(
            path,
            "the number is not in quotes",
            'write it in double quotes, as dialled: number: "…"',
            field=f"{where}.number",
        )
        ok = False
    elif not isinstance(number, str) or not _NUMBER.match(number.strip()):
        issues.error(
            path,
            f"'number' is {str(number)[:40]!r}; a number has digits, spaces and + - ( ) . only",
            'write it as dialled locally, in double quotes, e.g. number: "…"; never from memory',
            field=f"{where}.number",
        )
        ok = False
    channels = entry.get("channels")
    if (
        not isinstance(channels, list)
        or not channels
        or any(not isinstance(c, str) or c not in CHANNELS for c in channels)
    ):
        issues.error(
            path,
            f"'channels' is {str(channels)[:60]!r}",
            f"list one or more of {', '.join(CHANNELS)}, e.g. channels: [call]",
            field=f"{where}.channels",
        )
        ok = False
    label = entry.get("label")
    labels: dict[str, str] = {}
    if not isinstance(label, dict):
        issues.error(
            path,
            "'label' is missing",
            f'say what the line is for in each language of the kit: label: {{{langs[0] if langs else "es"}: "…"}}',
            field=f"{where}.label",
        )
        ok = False
    else:
        for lang in langs:
            text = _text(label.get(lang))
            if text is None:
                issues.error(
                    path,
                    f"the label in '{lang}' is missing or empty",
                    f'add {lang}: "…" under label (what the line is for, e.g. who answers and when)',
                    field=f"{where}.label.{lang}",
                )
                ok = False
            elif len(text) > MAX_LABEL:
                issues.error(
                    path,
                    f"the label in '{lang}' has {len(text)} characters; the limit is {MAX_LABEL}",
                    "shorten it",
                    field=f"{where}.label.{lang}",
                )
                ok = False
            else:
                labels[lang] = text
        for extra in label:
            if extra not in langs:
                issues.error(
                    path,
                    f"a label in {str(extra)[:20]!r}, which is not one of this partner's languages ({', '.join(langs)})",
                    "remove it, or add the language under 'languages'",
                    field=f"{where}.label.{str(extra)[:20]}",
                )
                ok = False
    source = entry.get("source")
    title = url = ""
    if isinstance(source, str):
        title = _text(source) or ""
    elif isinstance(source, dict):
        title = _text(source.get("title")) or ""
        raw_url = source.get("url")
        if raw_url is not None:
            url = _text(raw_url) or ""
            if not re.match(r"^https://[^\s]+$", url):
                issues.error(
                    path,
                    f"the source url is {str(raw_url)[:80]!r}",
                    "write the address of the page that confirms the number, starting with https://",
                    field=f"{where}.source.url",
                )
                ok = False
    if not title:
        issues.error(
            path,
            "this line has no source; a local line is printed only with its source",
            "add 'source: {title: …, url: …}' naming where the number was confirmed",
            field=f"{where}.source",
        )
        ok = False
    checked = _checked(entry.get("checked"), today)
    if checked is None:
        issues.error(
            path,
            f"'checked' is {str(entry.get('checked'))[:40] if entry.get('checked') is not None else 'missing'}; it must be the date the number was last confirmed",
            'write it as YYYY-MM-DD (or YYYY-MM), in quotes, e.g. checked: "2026-11-20", and not in the future',
            field=f"{where}.checked",
        )
        ok = False
    elif (today - checked[1]).days > MAX_AGE_DAYS:
        issues.warn(
            path,
            f"last checked {checked[0]}, more than 12 months ago",
            "confirm the number with its source again and update 'checked'",
            field=f"{where}.checked",
        )
    if not ok:
        return None
    assert isinstance(number, str) and isinstance(channels, list) and checked is not None
    return PartnerLine(number.strip(), tuple(channels), labels, title, url, checked[0])


def read_partner(path: Path, languages: list[str], today: dt.date | None = None) -> Partner:
    """Read and validate one partner file in this process (the sandbox's child calls this).

    Raises :class:`ContentError` listing every problem found; warnings ride on the result.
    """
    today = today or clock_today()
    issues = Collector()
    pid = path.stem
    if path.suffix != ".yml" or not ID_PATTERN.match(pid):
        raise RefusedFile(
            path,
            f"'{path.name}' is not a partner file name",
            "name it like partners/my-shelter.yml: lower-case letters, digits and hyphens, ending in .yml",
        )
    data = load_yaml_file(path, limits.MAX_PARTNER_YAML_BYTES)
    if not isinstance(data, dict):
        raise RefusedFile(
            path,
            "the partner file must be a list of 'field: value' lines",
            "start from partners/example-shelter.yml",
        )
    for key in data:
        if key not in FIELDS:
            issues.error(
                path,
                f"unknown field {str(key)[:40]!r}",
                f"use only {', '.join(FIELDS)} (see partners/README.md)",
                field=str(key)[:40],
            )
    name = _text(data.get("name"))
    if name is None:
        issues.error(
            path, "'name' is missing or empty", "add the organisation's name: name: …", field="name"
        )
    elif len(name) > MAX_NAME:
        issues.error(
            path,
            f"'name' has {len(name)} characters; the limit is {MAX_NAME}",
            "use the short name",
            field="name",
        )
    raw_langs = data.get("languages")
    langs: list[str] = []
    if not isinstance(raw_langs, list) or not raw_langs:
        issues.error(
            path,
            "'languages' is missing",
            f"list the languages of the kit, e.g. languages: [{', '.join(languages[:2])}]",
            field="languages",
        )
    else:
        for lang in raw_langs:
            if not isinstance(lang, str) or lang not in languages:
                issues.error(
                    path,
                    f"unknown language {str(lang)[:20]!r}",
                    f"use languages of the site: {', '.join(languages)} (add one with 'make language')",
                    field="languages",
                )
            elif lang in langs:
                issues.error(
                    path,
                    f"language '{lang}' is listed twice",
                    "list each language once",
                    field="languages",
                )
            else:
                langs.append(lang)
    publish = data.get("publish")
    if not isinstance(publish, bool):
        issues.error(
            path,
            f"'publish' is {str(publish)[:20] if publish is not None else 'missing'}",
            "write publish: true to list the kit on the materials page, or publish: false",
            field="publish",
        )
    lines_raw = data.get("lines")
    lines: list[PartnerLine] = []
    if lines_raw is not None and not isinstance(lines_raw, list):
        issues.error(
            path,
            "'lines' must be a list",
            "write each line as an item starting with '- number:'",
            field="lines",
        )
    elif lines_raw:
        if len(lines_raw) > MAX_LINES:
            issues.error(
                path,
                f"{len(lines_raw)} lines; a kit has room for {MAX_LINES}",
                "keep the most useful ones",
                field="lines",
            )
        for i, entry in enumerate(lines_raw[:MAX_LINES]):
            line = _read_line(path, i, entry, langs, today, issues)
            if line is not None:
                lines.append(line)
    logo = _read_logo(path, data.get("logo"), issues)
    raw_countries = data.get("countries", [])
    if (
        not isinstance(raw_countries, list)
        or not all(isinstance(c, str) and _COUNTRY.match(c) for c in raw_countries)
        or len(set(raw_countries)) != len(raw_countries)
    ):
        issues.error(
            path,
            f"'countries' is {str(raw_countries)[:60]!r}",
            "list the two-letter codes of the countries you serve, as in "
            "campaigns/help-lines.yml, e.g. countries: [MX]",
            field="countries",
        )
        raw_countries = []
    issues.raise_if_errors()
    assert name is not None and isinstance(publish, bool)
    return Partner(
        pid,
        path,
        name,
        tuple(langs),
        publish,
        tuple(lines),
        logo,
        tuple(issues.warnings),
        tuple(raw_countries),
    )


def _partner_to_json(p: Partner) -> dict[str, Any]:
    logo = None
    if p.logo is not None:
        logo = {
            "filename": p.logo.filename,
            "mime": p.logo.mime,
            "data": base64.b64encode(p.logo.data).decode("ascii"),
            "width": p.logo.width,
            "height": p.logo.height,
            "view_box": p.logo.view_box,
        }
    return {
        "id": p.id,
        "path": str(p.path),
        "name": p.name,
        "languages": list(p.languages),
        "publish": p.publish,
        "logo": logo,
        "lines": [
            {
                "number": ln.number,
                "channels": list(ln.channels),
                "label": ln.label,
                "source_title": ln.source_title,
                "source_url": ln.source_url,
                "checked": ln.checked,
            }
            for ln in p.lines
        ],
        "warnings": [_problem_to_json(w) for w in p.warnings],
        "countries": list(p.countries),
    }


def _partner_from_json(d: dict[str, Any]) -> Partner:
    logo = None
    if d["logo"] is not None:
        lg = d["logo"]
        logo = Logo(
            lg["filename"],
            lg["mime"],
            base64.b64decode(lg["data"]),
            lg["width"],
            lg["height"],
            lg["view_box"],
        )
    lines = tuple(
        PartnerLine(
            ln["number"],
            tuple(ln["channels"]),
            dict(ln["label"]),
            ln["source_title"],
            ln["source_url"],
            ln["checked"],
        )
        for ln in d["lines"]
    )
    return Partner(
        d["id"],
        Path(d["path"]),
        d["name"],
        tuple(d["languages"]),
        bool(d["publish"]),
        lines,
        logo,
        tuple(_problem_from_json(w) for w in d["warnings"]),
        tuple(d.get("countries", ())),
    )


def read_partner_json(path: str, languages: list[str], today: str) -> dict[str, Any]:
    """The sandbox task: :func:`read_partner` with JSON in and out."""
    return to_json(
        _partner_to_json(read_partner(Path(path), languages, dt.date.fromisoformat(today)))
    )


def load_partner(
    path: Path,
    languages: list[str] | None = None,
    today: dt.date | None = None,
    events: list[dict[str, str]] | None = None,
) -> Partner:
    """Load one partner file through the guarded door (in the sandbox); raise ContentError.

    ``languages`` defaults to the site's languages (``locales/*.yml`` of the project the
    file belongs to, i.e. ``path.parent.parent``).
    """
    path = Path(path)
    if languages is None:
        languages = project_languages(path.resolve().parent.parent)
    today = today or clock_today()
    answer = run_sandboxed(
        "partner",
        path,
        {"path": str(path), "languages": list(languages), "today": today.isoformat()},
        readable=[path.parent],
        preload=("PIL.PngImagePlugin", "PIL.JpegImagePlugin"),
        events=events,
    )
    return _partner_from_json(answer)


def partner_path(root: Path, partner_id: str) -> Path:
    """``partners/<id>.yml`` of the project, refusing ids that are not plain names."""
    if not ID_PATTERN.match(partner_id):
        raise RefusedFile(
            root / PARTNERS_DIR / f"{partner_id}.yml",
            f"'{partner_id}' is not a partner id",
            "use the file name without .yml: lower-case letters, digits and hyphens",
        )
    path = root / PARTNERS_DIR / f"{partner_id}.yml"
    if not path.is_file():
        known = ", ".join(p.stem for p in sorted((root / PARTNERS_DIR).glob("*.yml"))) or "none"
        raise RefusedFile(
            path,
            f"there is no partner file for '{partner_id}'",
            f"create it (see partners/README.md); partners present: {known}",
        )
    return path


def load_partners(
    root: Path, languages: list[str] | None = None, today: dt.date | None = None
) -> list[Partner]:
    """Every ``partners/*.yml`` of the project, sorted by id; all problems reported at once."""
    folder = root / PARTNERS_DIR
    languages = languages if languages is not None else project_languages(root)
    partners: list[Partner] = []
    problems: list[Problem] = []
    for path in sorted(folder.glob("*.yml")) if folder.is_dir() else []:
        try:
            partners.append(load_partner(path, languages, today))
        except ContentError as exc:
            problems.extend(exc.problems)
    if problems:
        raise ContentError(problems)
    return partners
