"""`make serve` (mkdocs serve with the project's plugin): edits show up, materials follow,
and the server settles instead of rebuilding in a loop."""

from __future__ import annotations

import hashlib
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from sitekit import SHARED_CACHE


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read()


def _wait_for(predicate, timeout: float = 90.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if predicate():
                return True
        except OSError:
            pass
        time.sleep(0.5)
    return False


def test_serve_reloads_content_and_materials_without_loops(
    project_copy: Path, tmp_path: Path
) -> None:
    port = _free_port()
    log = tmp_path / "serve.log"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PUEBLA_CACHE_DIR": str(SHARED_CACHE)}
    with log.open("w") as out:
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "puebla",
                "--root",
                str(project_copy),
                "serve",
                "--addr",
                f"127.0.0.1:{port}",
            ],
            stdout=out,
            stderr=subprocess.STDOUT,
            env=env,
            start_new_session=True,
        )
    base = f"http://127.0.0.1:{port}/"
    try:
        assert _wait_for(lambda: b"Puebla" in _get(base + "es/")), log.read_text()
        help_url = base + "es/campaigns/rights/help/"
        poster_url = base + "es/materials/rights/poster-preview.png"
        before = hashlib.sha256(_get(poster_url)).hexdigest()

        page = project_copy / "campaigns/rights/es/help.md"
        page.write_text(
            page.read_text(encoding="utf-8") + "\nFrase de prueba para la vista previa.\n",
            encoding="utf-8",
        )
        index = project_copy / "campaigns/rights/es/index.md"
        text = index.read_text(encoding="utf-8")
        index.write_text(
            re.sub(r"(?m)^headline: .*$", "headline: Derechos para todas las personas", text),
            encoding="utf-8",
        )

        assert _wait_for(
            lambda: "Frase de prueba para la vista previa." in _get(help_url).decode()
        ), log.read_text()
        assert _wait_for(lambda: hashlib.sha256(_get(poster_url)).hexdigest() != before), (
            "poster refreshed"
        )

        # No rebuild loop: once settled, the log stops growing with new builds.
        time.sleep(8)
        builds = log.read_text().count("Documentation built")
        assert builds >= 2, "the first build and at least one rebuild after the edits"
        time.sleep(12)
        assert log.read_text().count("Documentation built") == builds, log.read_text()[-2000:]
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=20)
