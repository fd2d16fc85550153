"""A recording put beside a page of a project copy, as an editor would (tests only)."""

from __future__ import annotations

import shutil
from pathlib import Path

# A tone, not speech: `sox -n -r 48000 -c 1 -b 16 tone.wav synth 2 sine 440 vol 0.5`, then
# `opusenc --bitrate 12 tone.wav tone.opus` (Debian's sox and opus-tools).
TONE = Path(__file__).parent / "fixtures" / "tone.opus"


def record_page(
    project: Path, page: str, speaker: str = "A. Speaker", reviewer: str = "B. Reviewer"
):
    """Put the tone beside ``page`` and name its speaker and reviewer (empty: left out)."""
    md = project / page
    shutil.copyfile(TONE, md.with_suffix(".opus"))
    fields = ["recording:"]
    fields += [f"  speaker: {speaker}"] if speaker else []
    fields += [f"  reviewer: {reviewer}"] if reviewer else []
    text = md.read_text(encoding="utf-8")
    md.write_text(text.replace("---\n", "---\n" + "\n".join(fields) + "\n", 1), encoding="utf-8")
