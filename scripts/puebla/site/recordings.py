"""The player for a page's recording: a plain ``<audio>`` that downloads nothing until asked.

Why ``preload="none"`` and the size: data costs money on the phones the site is made for, so
nothing is fetched before the reader presses play, and the reader sees how much it will cost.
The native player needs no script and works from the offline kit. The page's text below the
player is the transcript.
"""

from __future__ import annotations

import html
import math

from ..model.locales import SOURCE_LANGUAGE, Locale
from ..model.recordings import Recording
from .text import html_escape


def size_label(size: int, locale: Locale) -> str:
    """``23 kB`` (whole kilobytes, rounded up), or ``1.2 MB`` with the locale's decimal mark."""
    if size < 1_000_000:
        return f"{math.ceil(size / 1000)} kB"
    text = f"{size / 1_000_000:.1f}"
    return (text if locale.interface == SOURCE_LANGUAGE else text.replace(".", ",")) + " MB"


def esc(text: str) -> str:
    return html.escape(text, quote=False)


def player_markdown(recording: Recording, src: str, locale: Locale) -> str:
    """A raw HTML block (between blank lines) with the player, its size and who made it."""
    label = locale.t("recording_label")
    size = f"{recording.format}, {size_label(recording.size, locale)}"
    credit = locale.t("recording_credit", speaker=recording.speaker, reviewer=recording.reviewer)
    return (
        f'\n<figure class="recording">'
        f"<figcaption>{esc(label)} ({esc(size)})</figcaption>"
        f'<audio controls preload="none" src="{html_escape(src)}">'
        f'<a href="{html_escape(src)}" download>{esc(locale.t("recording_download"))}</a></audio>'
        f"<p>{esc(credit)} {esc(locale.t('recording_transcript'))}</p></figure>\n\n"
    )


def with_player(markdown: str, player: str) -> str:
    """The player right after the page's first heading (or first, if it has none)."""
    lines = markdown.split("\n")
    for i, line in enumerate(lines):
        if line.startswith("# "):
            return "\n".join([*lines[: i + 1], player, *lines[i + 1 :]])
    return player + markdown
