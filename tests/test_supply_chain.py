"""The supply chain: hash-locked requirements and how the Makefile installs them.

A release replaced on the registry must fail the install, not slip in. That holds only while every
locked requirement carries its sha256 hashes and the Makefile installs with --require-hashes.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LOCKS = ("requirements.txt", "requirements-dev.txt")
HASH = re.compile(r"--hash=sha256:[0-9a-f]{64}\b")
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==(\S+)")


def _norm(name: str) -> str:
    """PEP 503 normalised project name: `PyYAML`, `pyyaml` and `py_yaml` are one package."""
    return re.sub(r"[-_.]+", "-", name).lower()


def requirement_lines(path: Path) -> list[tuple[int, str]]:
    """(first line number, logical line) for each requirement, continuations joined, comments cut."""
    logical: list[tuple[int, str]] = []
    buffer, start = "", 0
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.split(" #", 1)[0] if not raw.lstrip().startswith("#") else ""
        if not buffer:
            start = number
        if line.rstrip().endswith("\\"):
            buffer += line.rstrip()[:-1] + " "
            continue
        buffer += line
        if buffer.strip():
            logical.append((start, buffer.strip()))
        buffer = ""
    return logical


def locked_pins(path: Path) -> dict[str, str]:
    pins: dict[str, str] = {}
    for _, line in requirement_lines(path):
        match = PIN.match(line)
        if match:
            pins[_norm(match.group(1))] = match.group(2)
    return pins


def unhashed(path: Path) -> list[str]:
    """Every requirement of a lock that is not an exact pin with at least one sha256 hash."""
    problems = []
    for number, line in requirement_lines(path):
        if line.startswith("-"):
            problems.append(f"{path.name}:{number}: option line {line.split()[0]!r} in a lock")
        elif not PIN.match(line):
            problems.append(f"{path.name}:{number}: {line.split()[0]!r} is not pinned with ==")
        elif not HASH.search(line):
            problems.append(f"{path.name}:{number}: {line.split()[0]!r} has no --hash=sha256:")
    return problems


@pytest.mark.parametrize("lock", LOCKS)
def test_every_locked_requirement_has_a_hash(lock: str) -> None:
    path = ROOT / lock
    assert requirement_lines(path), f"{lock} lists no requirement"
    assert unhashed(path) == [], "run `make lock` to regenerate the lock with hashes"


def test_the_hash_check_catches_a_requirement_without_hash(tmp_path: Path) -> None:
    """The check above must see a hand-added line without a hash, even among hashed ones."""
    lock = tmp_path / "requirements.txt"
    hashed = (ROOT / "requirements.txt").read_text(encoding="utf-8")
    lock.write_text(hashed + "evil-package==1.0\n", encoding="utf-8")
    assert unhashed(lock) == [
        f"requirements.txt:{len(hashed.splitlines()) + 1}: 'evil-package==1.0' has no --hash=sha256:"
    ]


@pytest.mark.parametrize(
    ("source", "lock"),
    [("requirements.in", "requirements.txt"), ("requirements-dev.in", "requirements-dev.txt")],
)
def test_every_direct_requirement_is_in_its_lock(source: str, lock: str) -> None:
    """A package added to a .in file without `make lock` would be missing from the install."""
    pins = locked_pins(ROOT / lock)
    missing = []
    for _, line in requirement_lines(ROOT / source):
        if line.startswith("-"):
            continue
        name = re.split(r"[<>=!~;\[ ]", line, maxsplit=1)[0]
        if _norm(name) not in pins:
            missing.append(name)
    assert missing == [], f"in {source} but not in {lock}: run `make lock`"


def test_dev_lock_agrees_with_runtime_lock() -> None:
    runtime, dev = (
        locked_pins(ROOT / "requirements.txt"),
        locked_pins(ROOT / "requirements-dev.txt"),
    )
    differ = {
        name: (runtime[name], dev[name])
        for name in runtime.keys() & dev.keys()
        if runtime[name] != dev[name]
    }
    assert differ == {}, (
        "a package locked at two versions: the dev lock must be constrained by requirements.txt"
    )


def test_makefile_installs_third_party_packages_only_with_hashes() -> None:
    """Every `pip install -r <lock>` in the Makefile checks hashes; the project installs apart."""
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    variables = dict(re.findall(r"^([A-Z_]+)\s*:=\s*(.*)$", makefile, flags=re.M))

    def expand(text: str) -> str:
        for _ in range(5):
            text = re.sub(r"\$\(([A-Z_]+)\)", lambda m: variables.get(m.group(1), m.group(0)), text)
        return text

    installs = [
        expand(line)
        for line in makefile.splitlines()
        if line.startswith("\t") and "pip install" in expand(line)
    ]
    from_locks = [line for line in installs if re.search(r"-r requirements(-dev)?\.txt", line)]
    assert len(from_locks) == 2, installs
    for line in from_locks:
        assert "--require-hashes" in line, line
    others = [line for line in installs if line not in from_locks]
    assert others and all(
        line.rstrip().endswith("-e .") and "--no-deps" in line for line in others
    ), others


WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.y*ml"))
# `uses: owner/repo[/path]@<40 hex> # vX.Y.Z` (a local `./action` has no ref to move).
PINNED_USES = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40} # v\d+(\.\d+)*$")


def unpinned_uses(text: str) -> list[str]:
    """Each `uses:` line not pinned to a full commit SHA with its version in a comment."""
    problems = []
    for number, line in enumerate(text.splitlines(), 1):
        match = re.match(r"^\s*(?:-\s+)?uses:\s*(.*?)\s*$", line)
        if match and not match.group(1).startswith("./") and not PINNED_USES.match(match.group(1)):
            problems.append(f"line {number}: {match.group(1)}")
    return problems


def test_there_is_a_workflow() -> None:
    assert WORKFLOWS, "no workflow under .github/workflows"


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda path: path.name)
def test_workflow_actions_are_pinned_by_commit_sha(workflow: Path) -> None:
    text = workflow.read_text(encoding="utf-8")
    assert re.search(r"^\s*(?:-\s+)?uses:", text, flags=re.M), f"{workflow.name} uses no action"
    assert unpinned_uses(text) == [], (
        "pin each action as `owner/repo@<full commit SHA> # vX.Y.Z`, the SHA taken from the "
        "action's repository with `git rev-parse vX.Y.Z^{commit}`"
    )


def test_the_pin_check_catches_tags_and_short_shas() -> None:
    sha = "3d3c42e5aac5ba805825da76410c181273ba90b1"
    text = "\n".join(
        [
            f"      - uses: actions/checkout@{sha} # v7.0.1",
            "      - uses: actions/checkout@v4",
            f"        uses: actions/checkout@{sha[:12]} # v7.0.1",
            f"      - uses: actions/checkout@{sha}",
            f"      - uses: actions/checkout@{sha} # latest",
        ]
    )
    assert [p.split(":")[0] for p in unpinned_uses(text)] == [
        "line 2",
        "line 3",
        "line 4",
        "line 5",
    ]


def test_pages_workflow_splits_permissions_and_rebuilds_weekly() -> None:
    """Only the deploy job may write to Pages or mint an OIDC token; the build job only reads."""
    import yaml

    workflow = yaml.safe_load((ROOT / ".github/workflows/pages.yml").read_text(encoding="utf-8"))
    assert workflow.get("permissions") in ({}, None, "{}"), "no workflow-wide permissions"
    jobs = workflow["jobs"]
    assert jobs["build"]["permissions"] == {"contents": "read"}
    assert jobs["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert set(jobs) == {"build", "deploy"}
    triggers = workflow[True]  # YAML 1.1 reads the key `on` as true
    crons = [entry["cron"] for entry in triggers["schedule"]]
    assert len(crons) == 1 and len(crons[0].split()) == 5 and crons[0].split()[4] != "*", crons
