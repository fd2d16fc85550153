"""Hostile partner files are refused with the file named, and reach nothing while being read.

Every scenario is a real partner file (``tests/fixtures/partners/hostile/<scenario>.yml``, or
generated into a temporary folder when it is large) loaded through the same call the kit
builder uses, :func:`puebla.model.partners.load_partner`. Audit events are recorded in this
process and in the sandboxed child that parses the file: no path that a fixture names may
be opened, and no socket may be used at all.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from auditrecord import recording
from PIL import Image

from puebla.errors import ContentError
from puebla.model.partners import load_partner

HOSTILE = Path(__file__).resolve().parent.parent / "fixtures" / "partners" / "hostile"
LANGUAGES = ["en", "es", "fr", "ht"]
_FILE_URL = re.compile(r"file://(/[^\s\"'()<>#]+)")


def _committed(name: str) -> Callable[[Path], Path]:
    return lambda tmp: HOSTILE / f"{name}.yml"


def _big_png(tmp: Path) -> Path:
    # 1-bit pixels: a real 9000 × 9000 PNG of a few kilobytes, made without 81 MB of memory.
    Image.new("1", (9000, 9000), 1).save(tmp / "png-9000x9000.png", optimize=False)
    (tmp / "png-9000x9000.yml").write_text(
        "name: Hostile fixture png-9000x9000\nlogo: png-9000x9000.png\nlanguages: [en]\n"
        "publish: false\n",
        encoding="utf-8",
    )
    return tmp / "png-9000x9000.yml"


def _huge_yaml(tmp: Path) -> Path:
    path = tmp / "yaml-50mb.yml"
    with path.open("w", encoding="utf-8") as out:
        out.write("name: Hostile fixture yaml-50mb\nlanguages: [en]\npublish: false\nnote: ")
        chunk = "lol " * 262_144  # 1 MiB
        for _ in range(50):
            out.write(chunk)
        out.write("\n")
    return path


# scenario → (how to get the partner file, file the message must name, words it must contain)
SCENARIOS: dict[str, tuple[Callable[[Path], Path], str, str]] = {
    "svg-external-entity": (
        _committed("svg-external-entity"),
        "svg-external-entity.svg",
        "<!DOCTYPE",
    ),
    "svg-http-image": (_committed("svg-http-image"), "svg-http-image.svg", "points outside"),
    "svg-use-http": (_committed("svg-use-http"), "svg-use-http.svg", "<use> href points outside"),
    "svg-style-url": (_committed("svg-style-url"), "svg-style-url.svg", "url("),
    "svg-script": (_committed("svg-script"), "svg-script.svg", "<script>"),
    "svg-onload": (_committed("svg-onload"), "svg-onload.svg", "onload="),
    "png-9000x9000": (_big_png, "png-9000x9000.png", "9000 × 9000 pixels"),
    "yaml-alias-bomb": (_committed("yaml-alias-bomb"), "yaml-alias-bomb.yml", "aliases"),
    "yaml-50mb": (_huge_yaml, "yaml-50mb.yml", "the limit is"),
}


def _named_paths(partner_file: Path) -> set[str]:
    """Local paths the fixture's files name (file:///etc/passwd …): never to be opened."""
    named: set[str] = set()
    for path in partner_file.parent.glob(partner_file.stem + ".*"):
        if path.stat().st_size < 1_000_000:
            named |= set(_FILE_URL.findall(path.read_text(encoding="utf-8", errors="replace")))
    return named


@pytest.mark.parametrize("scenario", sorted(SCENARIOS))
def test_hostile_partner_file_is_refused_naming_the_file(tmp_path: Path, scenario: str) -> None:
    make, named_file, words = SCENARIOS[scenario]
    partner_file = make(tmp_path)
    forbidden = _named_paths(partner_file)
    child_events: list[dict[str, str]] = []

    with recording() as parent_events, pytest.raises(ContentError) as refused:
        load_partner(partner_file, LANGUAGES, events=child_events)

    message = refused.value.format()
    assert named_file in message, message
    assert words in message, message
    assert "How to fix:" in message, message
    for where, events in (("this process", parent_events), ("the sandbox", child_events)):
        opened = {e["path"] for e in events if e["event"] == "open"}
        sockets = [e for e in events if e["event"].startswith("socket.")]
        assert not sockets, f"{where} used the network: {sockets}"
        for path in forbidden:
            assert not any(o == path or o.startswith(path) for o in opened), (
                f"{where} opened {path}, named in the fixture"
            )
    if scenario == "yaml-50mb":
        # Refused by its size alone: the 50 MB file is never opened, let alone parsed.
        assert not any(e["path"].endswith("yaml-50mb.yml") for e in child_events), child_events


def test_the_fixtures_would_reach_outside_if_they_were_obeyed() -> None:
    """Guard against fixtures that test nothing: each SVG names a local file or a web address."""
    svgs = sorted(HOSTILE.glob("*.svg"))
    assert len(svgs) == 6
    for svg in svgs:
        text = svg.read_text(encoding="utf-8")
        assert "file:///" in text or "http://" in text, svg.name


def test_the_recorder_sees_what_the_sandbox_child_opens(tmp_path: Path) -> None:
    """The audit record is real: a clean partner file's own logo shows up as opened."""
    clean = HOSTILE.parent / "clean" / "fixture-shelter.yml"
    child_events: list[dict[str, str]] = []
    load_partner(clean, LANGUAGES, events=child_events)
    opened = [e["path"] for e in child_events if e["event"] == "open"]
    assert any(p.endswith("fixture-shelter.svg") for p in opened), opened


def test_the_recorder_sees_what_this_process_opens_and_connects(tmp_path: Path) -> None:
    import socket

    probe = tmp_path / "probe.txt"
    probe.write_text("x", encoding="utf-8")
    with recording() as events:
        probe.read_text(encoding="utf-8")
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
            sock.settimeout(0.01)
            with contextlib.suppress(OSError):  # discard port on loopback: refused or timeout
                sock.connect(("127.0.0.1", 9))
    assert {"event": "open", "path": str(probe)} in events
    assert any(e["event"] == "socket.connect" for e in events), events
