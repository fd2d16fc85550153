"""``make lines``: every help line with who runs it and how old its checks are, for editors.

Sorted by what to re-check first (lines past the print limit, then those due for a re-check,
then the oldest checks). Exits non-zero when a line is past PRINT_LIMIT_MONTHS, so a
scheduled job or an editor notices a line that has dropped out of print.
"""

from __future__ import annotations

import datetime as dt

from .model.helplines import (
    PRINT_LIMIT_MONTHS,
    WARN_AFTER_MONTHS,
    HelpData,
    HelpLine,
    describe_source,
    months_between,
)

_ORDER = {"stale": 0, "due": 1, "fresh": 2}


def sorted_lines(data: HelpData, today: dt.date) -> list[HelpLine]:
    return sorted(data.lines, key=lambda ln: (_ORDER[ln.freshness(today)], ln.last_checked, ln.id))


def lines_report(data: HelpData, today: dt.date) -> tuple[str, int]:
    """(the report, exit status): 1 when a line is past PRINT_LIMIT_MONTHS."""
    out = [
        f"Help lines on {today.isoformat()} (re-read after {WARN_AFTER_MONTHS} months; "
        f"left off print after {PRINT_LIMIT_MONTHS}), what to re-check first at the top:",
        "",
    ]
    stale = []
    for line in sorted_lines(data, today):
        state = line.freshness(today)
        if state == "stale":
            stale.append(line.id)
        flag = {"stale": "PAST 12 MONTHS, NOT PRINTED", "due": "DUE FOR A RE-CHECK"}.get(
            state, "ok"
        )
        out.append(f"{line.id}  [{flag}]")
        out.append(f"  country: {line.country}   confidence: {line.confidence}")
        out.append(f"  operator: {line.operator} ({line.operator_kind})")
        for check in sorted(line.checks, key=lambda c: c.day, reverse=True):
            age = months_between(check.day, today)
            covers = ", ".join(check.sources) if check.sources else "all its sources"
            out.append(f"  check: {check.method} {check.date}, {age} months ago ({covers})")
        reread = line.sources_to_reread(today)
        if reread:
            out.append("  re-read:")
            out.extend(f"    - {describe_source(data.sources[s])}" for s in reread)
        out.append("")
    if stale:
        out.append(
            f"{len(stale)} line(s) past {PRINT_LIMIT_MONTHS} months, left off every printed and "
            f"social material: {', '.join(stale)}"
        )
    return "\n".join(out), 1 if stale else 0
