"""Hostile files are parsed in a child process that cannot take the machine down.

The child (``python -I`` running :func:`child_main`) limits itself before it reads a byte:
address space 1 GiB (``RLIMIT_AS``), 60 s of CPU, and an audit hook that refuses sockets,
new processes and opening files outside the Python installation, this package and the
files it was asked to read. It answers with JSON on stdout (never pickle: the answer comes
from a process that read hostile data). The parent gets clean data or a
:class:`RefusedFile` naming the file — also when the child runs out of memory, is killed,
crashes or takes too long.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..errors import ContentError, Problem
from . import limits
from .refusal import RefusedFile

PACKAGE_PARENT = Path(__file__).resolve().parents[2]  # the folder holding 'puebla'
EXIT_MEMORY = 87
MAX_ANSWER = 64 * 1024 * 1024
_BOOT = (
    "import sys; sys.path.insert(0, sys.argv[1]); "
    "from puebla.untrusted.sandbox import child_main; child_main()"
)
_DENIED_PREFIXES = (
    "socket.",
    "subprocess.",
    "os.system",
    "os.exec",
    "os.posix_spawn",
    "os.spawn",
    "os.fork",
    "os.forkpty",
    "pty.",
    "urllib.",
    "http.",
    "ftplib.",
    "smtplib.",
    "webbrowser.",
    "ctypes.dlopen",
)


class SandboxViolation(PermissionError):
    """The child tried something a file reader never needs (network, processes, writes)."""


# Tasks the child can run: name → "module:function". Each takes JSON-able keyword
# arguments and returns JSON-able data; a ContentError becomes the parent's error.
TASKS: dict[str, str] = {
    "partner": "puebla.model.partners:read_partner_json",
    "svg": "puebla.untrusted.door:clean_svg_json",
    "image": "puebla.untrusted.door:clean_image_json",
    "yaml": "puebla.untrusted.door:load_yaml_json",
    # Proves the limits hold (used by the tests): what a bomb would do, done on purpose.
    "probe": "puebla.untrusted.sandbox:probe",
}


def probe(kind: str) -> Any:
    """Misbehave on purpose, so a test can show the parent still gets a clear error."""
    if kind == "memory":
        return len(bytearray(2 * limits.SANDBOX_MEMORY_BYTES))  # beyond RLIMIT_AS
    if kind == "crash":
        os.abort()
    if kind == "hang":
        import time

        time.sleep(3600)
    if kind == "network":
        import socket

        socket.create_connection(("192.0.2.1", 80), timeout=1)  # TEST-NET-1, never routed
    if kind == "read":
        with open("/etc/hostname", "rb") as handle:
            return len(handle.read())
    return None


def _problem_to_json(p: Problem) -> dict[str, Any]:
    return {
        "path": str(p.path),
        "message": p.message,
        "hint": p.hint,
        "line": p.line,
        "field": p.field,
        "severity": p.severity,
    }


def _problem_from_json(d: dict[str, Any]) -> Problem:
    return Problem(
        d["path"], d["message"], d.get("hint", ""), d.get("line"), d.get("field"), d["severity"]
    )


def _install_guard(readable: list[str], record: list[dict[str, str]] | None) -> None:
    """Audit hook: no network, no processes, no writes, reads only where allowed."""
    prefixes = tuple(
        dict.fromkeys(
            os.path.realpath(p)
            for p in (sys.prefix, sys.base_prefix, sys.exec_prefix, str(PACKAGE_PARENT), *readable)
        )
    )

    def allowed(path: str) -> bool:
        real = os.path.realpath(path)
        return any(real == p or real.startswith(p.rstrip("/") + "/") for p in prefixes)

    def hook(event: str, args: tuple[Any, ...]) -> None:
        if event == "open":
            path, mode = args[0], args[1]
            if isinstance(path, int):
                return
            path = os.fsdecode(path)
            if record is not None:
                record.append({"event": "open", "path": path})
            if mode and any(c in str(mode) for c in "wax+"):
                raise SandboxViolation(f"writing {path} is not allowed while reading a file")
            if not allowed(path):
                raise SandboxViolation(f"reading {path} is not allowed while reading a file")
        elif event.startswith(_DENIED_PREFIXES):
            if record is not None:
                record.append({"event": event, "path": repr(args)[:200]})
            raise SandboxViolation(f"{event} is not allowed while reading a file")

    sys.addaudithook(hook)


def child_main() -> None:
    """Entry point of the child: limit, guard, run one task, answer in JSON."""
    import importlib
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (limits.SANDBOX_MEMORY_BYTES,) * 2)
    cpu = limits.SANDBOX_CPU_SECONDS
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 5))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    request = json.loads(sys.stdin.buffer.read(1024 * 1024))
    record: list[dict[str, str]] | None = [] if request.get("record") else None
    module_name, func_name = TASKS[request["task"]].split(":")
    # Everything the task needs is imported before the guard closes the doors.
    func: Callable[..., Any] = getattr(importlib.import_module(module_name), func_name)
    for name in request.get("preload", []):
        importlib.import_module(name)
    _install_guard(list(request.get("readable", [])), record)
    try:
        answer: dict[str, Any] = {"ok": func(**request["args"])}
    except ContentError as exc:
        answer = {"problems": [_problem_to_json(p) for p in exc.problems]}
    except MemoryError:
        os._exit(EXIT_MEMORY)
    except SandboxViolation as exc:
        answer = {"violation": str(exc)}
    if record is not None:
        answer["events"] = record
    out = json.dumps(answer, ensure_ascii=True).encode("ascii")
    sys.stdout.buffer.write(out)
    sys.stdout.buffer.flush()
    os._exit(0)


def run_sandboxed(
    task: str,
    path: Path,
    args: dict[str, Any],
    *,
    readable: list[Path] | None = None,
    preload: tuple[str, ...] = (),
    events: list[dict[str, str]] | None = None,
    timeout: float = limits.SANDBOX_TIMEOUT_SECONDS,
) -> Any:
    """Run ``task`` on the untrusted ``path`` in a limited child; return its JSON answer.

    ``readable`` are the files or folders the child may open (default: ``path``'s folder).
    ``events``, when a list, receives the child's audit events (files opened, blocked
    network or process calls) — the tests use it to prove what a reader touched.
    """
    request = {
        "task": task,
        "args": args,
        "readable": [str(Path(p).resolve()) for p in (readable or [path.parent])],
        "preload": list(preload),
        "record": events is not None,
    }
    env = {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "PYTHONDONTWRITEBYTECODE": "1"}
    try:
        done = subprocess.run(
            [sys.executable, "-I", "-c", _BOOT, str(PACKAGE_PARENT)],
            input=json.dumps(request).encode(),
            capture_output=True,
            timeout=timeout,
            env=env,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise RefusedFile(
            path,
            f"reading the file took longer than {timeout:g} s and was stopped",
            "simplify the file (fewer elements, a smaller image) and try again",
        ) from None
    gib = limits.SANDBOX_MEMORY_BYTES / 1024**3
    if done.returncode == EXIT_MEMORY or b"MemoryError" in done.stderr[-2000:]:
        raise RefusedFile(
            path,
            f"reading the file needed more than {gib:g} GiB of memory and was stopped",
            "the file is far larger or more complex than it looks: export it again, smaller",
        )
    if done.returncode != 0:
        last = done.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or [""]
        how = f"signal {-done.returncode}" if done.returncode < 0 else f"exit {done.returncode}"
        raise RefusedFile(
            path,
            f"the reader of this file stopped ({how}) before it finished: {last[0][:200]}",
            "the file is damaged or built to break readers: export it again from the "
            "program that made it",
        )
    try:
        answer = json.loads(done.stdout[:MAX_ANSWER])
    except ValueError:
        raise RefusedFile(
            path,
            "the reader of this file gave no answer",
            "export the file again; if this persists, report it as a bug",
        ) from None
    if events is not None:
        events.extend(answer.get("events", []))
    if "violation" in answer:
        raise RefusedFile(
            path,
            f"reading the file tried to reach outside it ({answer['violation']})",
            "remove whatever in the file refers to other files or to the network",
        )
    if "problems" in answer:
        raise ContentError([_problem_from_json(p) for p in answer["problems"]])
    return answer["ok"]
