"""What "today" is for the build: the clock, or ``SOURCE_DATE_EPOCH`` when the caller sets it.

Help lines go stale by the calendar, so the build needs a date. It is never derived from git
(a checkout's commit date says nothing about how old a phone number's check is), and kept
apart from the dates written into files. ``SOURCE_DATE_EPOCH`` (seconds since 1970, UTC)
lets a caller pin the date, so two builds on different days can still be byte-identical and
tests can ask "what if it were 13 months later?".
"""

from __future__ import annotations

import datetime as dt
import os

ENV = "SOURCE_DATE_EPOCH"


class BadDate(ValueError):
    """``SOURCE_DATE_EPOCH`` is set but is not a whole number of seconds."""


def today(environ: dict[str, str] | None = None) -> dt.date:
    """The date the build treats as today, in UTC."""
    env = os.environ if environ is None else environ
    raw = env.get(ENV, "").strip()
    if not raw:
        return dt.datetime.now(dt.UTC).date()
    try:
        seconds = int(raw)
    except ValueError:
        raise BadDate(
            f"{ENV} is {raw!r}; it must be a whole number of seconds since 1970-01-01 UTC "
            "(e.g. the output of `date +%s`), or unset to use the clock"
        ) from None
    return dt.datetime.fromtimestamp(seconds, dt.UTC).date()


def epoch_of(day: dt.date) -> int:
    """``SOURCE_DATE_EPOCH`` for noon UTC of ``day`` (for tests and callers that pin a date)."""
    return int(dt.datetime(day.year, day.month, day.day, 12, tzinfo=dt.UTC).timestamp())
