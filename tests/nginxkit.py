"""Run Debian's nginx with the project's own ``deploy/nginx.conf`` over a built site.

The server block under test is the committed file itself: only its ``listen`` and ``root``
lines are swapped (a loopback high port, the test's site folder), each checked to be there
exactly once. nginx runs in the foreground as the test user, with its own prefix, pid, logs
and temporary folders under the test's tmp directory, and is stopped when the test ends.
"""

from __future__ import annotations

import contextlib
import getpass
import os
import re
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from email.message import Message
from pathlib import Path

from puebla.site.hosting import NGINX_CONF, NGINX_ROOT
from sitekit import ROOT

NGINX = "/usr/sbin/nginx"
START_TIMEOUT = 20.0  # seconds for nginx to accept connections (bounded wait, not asserted)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _swap_once(text: str, pattern: str, replacement: str) -> str:
    new, count = re.subn(pattern, replacement, text, flags=re.M)
    assert count == 1, f"{NGINX_CONF}: expected one line matching {pattern!r}, found {count}"
    return new


def server_block_for(site: Path, port: int) -> str:
    """deploy/nginx.conf with only ``listen`` and ``root`` changed for the test."""
    text = (ROOT / NGINX_CONF).read_text(encoding="utf-8")
    text = _swap_once(text, r"^    listen 80;$", f"    listen 127.0.0.1:{port};")
    return _swap_once(text, rf"^    root {re.escape(NGINX_ROOT)};$", f"    root {site};")


def _main_conf(work: Path) -> str:
    user = f"user {getpass.getuser()};\n" if os.geteuid() == 0 else ""  # root: stay root
    temp = "\n".join(
        f"    {name}_temp_path {work / name};"
        for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    return f"""{user}daemon off;
master_process off;
worker_processes 1;
pid {work / "nginx.pid"};
error_log {work / "error.log"} warn;
events {{
    worker_connections 64;
}}
http {{
    access_log off;
{temp}
    include {work / "server.conf"};
}}
"""


@contextlib.contextmanager
def run_nginx(site: Path, work: Path) -> Iterator[str]:
    """Serve ``site`` with deploy/nginx.conf; yields ``http://127.0.0.1:<port>/``."""
    work.mkdir(parents=True, exist_ok=True)
    port = _free_port()
    (work / "server.conf").write_text(server_block_for(site, port), encoding="utf-8")
    (work / "nginx.conf").write_text(_main_conf(work), encoding="utf-8")
    command = [
        NGINX,
        "-p",
        str(work),
        "-c",
        str(work / "nginx.conf"),
        "-e",
        str(work / "error.log"),
    ]
    checked = subprocess.run([*command, "-t"], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            assert process.poll() is None, process.stdout.read().decode() if process.stdout else ""
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 1):
                break
            assert time.monotonic() < deadline, "nginx did not start listening"
            time.sleep(0.1)
        yield f"http://127.0.0.1:{port}/"
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@dataclass
class Response:
    status: int
    headers: Message
    body: bytes


def fetch(url: str) -> Response:
    """GET without following redirects; 4xx/5xx are returned, not raised."""

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args: object, **kwargs: object) -> None:
            return None

    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(url, timeout=10) as response:
            return Response(response.status, response.headers, response.read())
    except urllib.error.HTTPError as error:
        return Response(error.code, error.headers, error.read())


def csp_directives(policy: str) -> dict[str, list[str]]:
    """``"a x; b y z"`` → ``{"a": ["x"], "b": ["y", "z"]}``; a directive named twice fails."""
    parsed: dict[str, list[str]] = {}
    for part in policy.split(";"):
        if part.strip():
            name, *sources = part.split()
            assert name.lower() not in parsed, f"{name} twice in {policy!r}"
            parsed[name.lower()] = sources
    return parsed
