"""The two English texts of the 1996 joint communiqué, parsed into one structure.

The site shows the texts verbatim; parsing them (instead of pasting them into pages) keeps one
copy of each text in ``sources/communique/`` and lets the build give every commitment the same
anchor in every version and every language, and set the versions side by side.

The UN text as supplied has lost words at the end of several paragraphs. Those gaps are found
by the parser (a paragraph that does not end a sentence) and must each be explained in
``gaps.yml``; they are shown as editorial notes, never filled silently.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import Collector
from .frontmatter import load_yaml

COMMITMENTS = 21
_NUMBERED = re.compile(r"^\s*(\d{1,2})\.\s+(.*)$", re.S)


@dataclass
class Paragraph:
    """A paragraph of a source text; ``gap`` holds the probably missing words, if any, and
    ``gap_other`` what the other English version really has at that place."""

    text: str
    gap: str | None = None
    gap_other: str = ""


@dataclass
class Version:
    """One English version of the communiqué."""

    key: str  # "release" or "un"
    path: Path
    title: str
    letter: list[Paragraph] = field(default_factory=list)  # covering letter (UN only)
    headings: list[str] = field(default_factory=list)  # headings before the preamble
    preamble: list[Paragraph] = field(default_factory=list)
    agreed: str = ""
    commitments: dict[int, Paragraph] = field(default_factory=dict)
    closing: list[Paragraph] = field(default_factory=list)
    signoff: str = ""

    def paragraphs(self) -> list[Paragraph]:
        return [*self.letter, *self.preamble, *self.commitments.values(), *self.closing]


@dataclass
class Communique:
    release: Version
    un: Version

    def versions(self) -> list[Version]:
        return [self.release, self.un]


def _blocks(text: str) -> list[str]:
    """Split on blank lines and join hard-wrapped lines with single spaces."""
    blocks = re.split(r"\n\s*\n", text.strip())
    return [" ".join(line.strip() for line in b.splitlines() if line.strip()) for b in blocks]


def _ends_sentence(text: str) -> bool:
    return text.rstrip().endswith((".", ":", ";", ".**"))


def _split_body(version: Version, blocks: list[str], issues: Collector) -> None:
    """Fill preamble, commitments and closing from the blocks after the headings."""
    stage = "preamble"
    for block in blocks:
        match = _NUMBERED.match(block)
        if stage != "closing" and match and 1 <= int(match.group(1)) <= COMMITMENTS:
            stage = "commitments"
            version.commitments[int(match.group(1))] = Paragraph(match.group(2).strip())
        elif stage == "preamble" and re.search(r"agree[d]? to:$", block):
            version.agreed = block
        elif stage == "preamble":
            version.preamble.append(Paragraph(block))
        elif block.startswith("**") and block.endswith("**"):
            version.signoff = block.strip("*").strip()
        else:
            stage = "closing"
            version.closing.append(Paragraph(block))
    missing = [n for n in range(1, COMMITMENTS + 1) if n not in version.commitments]
    if missing:
        issues.error(
            version.path,
            f"commitments {missing} were not found",
            "each commitment must start a paragraph with its number, e.g. '6. Encourage…'",
        )
    if not version.agreed:
        issues.error(
            version.path, "the line 'The participating governments agree(d) to:' is missing"
        )


def parse_release(path: Path, issues: Collector) -> Version:
    """The Conference's release: a ``#`` title, paragraphs, one commitment per line."""
    text = path.read_text(encoding="utf-8")
    # Commitments follow each other without blank lines: give each its own block.
    text = re.sub(r"\n(?=\d{1,2}\. )", "\n\n", text)
    blocks = _blocks(text)
    title = blocks.pop(0).lstrip("#").strip().strip("*").strip()
    version = Version("release", path, title)
    _split_body(version, blocks, issues)
    return version


def parse_un(path: Path, issues: Collector) -> Version:
    """The UN text: date, covering letter, signature, then the communiqué (hard-wrapped)."""
    blocks = _blocks(path.read_text(encoding="utf-8"))
    version = Version("un", path, "")
    # The letter runs until the signature block, which names the Permanent Representative.
    while blocks:
        block = blocks.pop(0)
        version.letter.append(Paragraph(block))
        if "(Signed)" in block:
            break
    else:
        issues.error(path, "the covering letter's signature '(Signed)' was not found")
    # Headings: short blocks before the first paragraph that ends a sentence.
    while blocks and len(blocks[0]) < 80 and not _ends_sentence(blocks[0]):
        version.headings.append(blocks.pop(0))
    version.title = " — ".join(version.headings)
    _split_body(version, blocks, issues)
    return version


def _attach_gaps(
    version: Version, gaps: dict[str, tuple[str, str]], gaps_path: Path, issues: Collector
) -> None:
    """Every paragraph cut short must have an explanation in gaps.yml, and vice versa."""
    used: set[str] = set()
    for para in [*version.preamble, *version.commitments.values(), *version.closing]:
        if _ends_sentence(para.text):
            continue
        ending = next((end for end in gaps if para.text.endswith(end)), None)
        if ending is None:
            issues.error(
                gaps_path,
                f"a paragraph of {version.path.name} stops mid-sentence: '…{para.text[-50:]}'",
                "add its last words under 'gaps:' with the likely missing words from the other "
                "English version",
            )
            continue
        para.gap, para.gap_other = gaps[ending]
        used.add(ending)
    for ending in sorted(set(gaps) - used):
        issues.error(
            gaps_path,
            f"the gap '…{ending}' is not found at the end of any paragraph",
            "remove it, or correct it to the exact last words of the paragraph",
            field="gaps",
        )


def _read_gaps(
    data: dict, release: Version, gaps_path: Path, issues: Collector
) -> dict[str, tuple[str, str]]:
    """``likely`` and ``other`` for each gap; ``other`` must really be in the release text, so
    a note never credits the other version with words it does not contain."""
    release_text = " ".join(p.text for p in release.paragraphs())
    gaps: dict[str, tuple[str, str]] = {}
    for key, value in (data.get("gaps") or {}).items():
        if not isinstance(value, dict) or not value.get("likely") or not value.get("other"):
            issues.error(
                gaps_path,
                f"the gap '…{key}' needs 'likely:' and 'other:'",
                "likely: the words probably lost; other: the release's words, copied exactly",
                field=f"gaps.{key}",
            )
            continue
        other = str(value["other"])
        if other not in release_text:
            issues.error(
                gaps_path,
                f"'{other}' is not in the Conference's release text",
                "copy the words exactly from sources/communique/communique-rcm-1996.txt",
                field=f"gaps.{key}.other",
            )
        gaps[str(key)] = (str(value["likely"]), other)
    return gaps


def load_communique(folder: Path, issues: Collector) -> Communique | None:
    release_path = folder / "communique-rcm-1996.txt"
    un_path = folder / "communique-un-ga-1996.txt"
    gaps_path = folder / "gaps.yml"
    for path in (release_path, un_path, gaps_path):
        if not path.is_file():
            issues.error(path, "this source file is missing", "restore it from git")
    if issues.errors:
        return None
    release = parse_release(release_path, issues)
    un = parse_un(un_path, issues)
    data = load_yaml(gaps_path, gaps_path.read_text(encoding="utf-8"), issues) or {}
    gaps = _read_gaps(data, release, gaps_path, issues)
    _attach_gaps(un, gaps, gaps_path, issues)
    _attach_gaps(release, {}, gaps_path, issues)
    return Communique(release, un)
