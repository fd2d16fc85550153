"""Warnings that help: what is new first and in full, known accepted states in one line.

Why: every build and ``make check`` repeated about 15 warnings for Haitian Creole pages that
are known to be untranslated and already show readers a notice, so a new, real warning (an
English page changed after its translation) scrolled by unseen. Now a report has three parts:

1. new or changed warnings (not in the previous report of this project folder), in full;
2. other open warnings, one line each (``make check ALL=1`` shows their details);
3. one summary line for known, accepted states (``Problem.known_state``) that are not new,
   pointing at the translation status page.

A warning opts out of folding with ``Problem(always_show=True)``: it is then always listed in
full, new or not (for warnings an editor must act on every time, such as a stale help line).
The previous report is remembered in ``.cache/warnings-seen.json``.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from pathlib import Path

from .errors import Problem

SEEN = Path(".cache") / "warnings-seen.json"
STATUS_PAGE = "translation-status/ (docs/en/translation-status.md)"


def _key(problem: Problem, root: Path) -> str:
    return hashlib.sha256(problem.format(root).encode("utf-8")).hexdigest()[:20]


def _seen(root: Path) -> set[str]:
    try:
        return set(json.loads((root / SEEN).read_text(encoding="utf-8")))
    except (OSError, ValueError):
        return set()


def remember(warnings: list[Problem], root: Path) -> None:
    """Record this report, so the next one can tell what is new."""
    path = root / SEEN
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(sorted({_key(w, root) for w in warnings})), encoding="utf-8")
    except OSError:
        pass  # a read-only folder: every warning counts as new next time


def _brief(problem: Problem, root: Path) -> str:
    """The first line, without a trailing "What changed:" that introduces the details."""
    first = problem.format(root).splitlines()[0]
    if first.endswith(":") and ". " in first:
        first = first.rsplit(". ", 1)[0] + "."
    more = "\n" in problem.message or problem.hint
    return first + ("  (details: make check ALL=1)" if more else "")


def report_lines(
    warnings: list[Problem], root: Path, *, full: bool = False, previous: set[str] | None = None
) -> list[str]:
    """The report as lines of text. ``full`` lists every warning in full, nothing folded.

    Without an earlier report (a fresh clone) nothing counts as new, and every warning that
    is not a known state is listed in full.
    """
    if full:
        return [w.format(root) for w in warnings]
    first_run = previous is None and not (root / SEEN).exists()
    seen = _seen(root) if previous is None else previous
    new, pinned, still_open, folded = [], [], [], []
    for warning in warnings:
        is_new = not first_run and _key(warning, root) not in seen
        if is_new:
            new.append(warning)
        elif warning.always_show or (first_run and not warning.known_state):
            pinned.append(warning)
        elif warning.known_state:
            folded.append(warning)
        else:
            still_open.append(warning)
    lines: list[str] = []
    if new:
        lines.append(f"{len(new)} new or changed warning(s) since the last report:")
        lines += [w.format(root) for w in new]
    lines += [w.format(root) for w in pinned]
    if still_open:
        lines.append(f"{len(still_open)} warning(s) reported before, still open:")
        lines += ["  " + _brief(w, root) for w in still_open]
    if folded:
        kinds = Counter(w.known_state for w in folded)
        what = "; ".join(f"{n} {kind}" for kind, n in sorted(kinds.items()))
        lines.append(
            f"NOTE: {len(folded)} known, accepted state(s) not listed ({what}): "
            f"see the translation status page, {STATUS_PAGE}; 'make check ALL=1' lists them."
        )
    return lines


def report(warnings: list[Problem], root: Path, *, full: bool = False) -> list[str]:
    """The report's lines, then remember these warnings as seen."""
    lines = report_lines(warnings, root, full=full)
    remember(warnings, root)
    return lines
