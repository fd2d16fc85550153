"""Content-addressed cache of rendered files (``.cache/materials/`` by default, git-ignored).

The key of a job is a hash of everything that decides its bytes: the job's data (words,
colours, URL, paper), the source code of this package, the versions of the rendering
libraries and the font file. If none of these changed, the files are copied from the cache
instead of being rendered again. Entries are written to a temporary folder and renamed into
place, so an interrupted build never leaves a half-written entry behind.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from functools import cache
from importlib.metadata import version
from pathlib import Path
from typing import Any

from .fonts import source_digest

_LIBRARIES = ("weasyprint", "pydyf", "pypdfium2", "pillow", "segno", "fonttools", "pyphen")
_MANIFEST = "manifest.json"


@cache
def code_version() -> str:
    """Hash of this package's source, the rendering libraries' versions and the font."""
    digest = hashlib.sha256()
    package = Path(__file__).resolve().parent
    for path in sorted(
        p for p in package.rglob("*") if p.suffix in (".py", ".html", ".css", ".icc", ".svg")
    ):
        digest.update(path.relative_to(package).as_posix().encode())
        digest.update(path.read_bytes())
    for name in _LIBRARIES:
        digest.update(f"{name}={version(name)}".encode())
    digest.update(source_digest().encode())
    return digest.hexdigest()


def job_key(data: Any) -> str:
    payload = json.dumps({"code": code_version(), "job": data}, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


class Cache:
    """Rendered files by key; ``root=None`` disables caching (every call renders)."""

    def __init__(self, root: Path | None):
        self.root = root

    def _entry(self, key: str) -> Path:
        assert self.root is not None
        return self.root / "items" / key[:2] / key

    def get(self, key: str) -> dict[str, Path] | None:
        """The cached files of ``key`` by name, or None if not cached."""
        if self.root is None:
            return None
        entry = self._entry(key)
        try:
            names = json.loads((entry / _MANIFEST).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        # Entries are renamed into place whole, so the manifest lists files that exist; a
        # file removed by hand shows when it is copied (the runner then renders the job).
        folder = entry / "files"
        return {name: folder / name for name in names}

    def put(self, key: str, files: dict[str, bytes]) -> None:
        if self.root is None:
            return
        entry = self._entry(key)
        if entry.exists():
            return
        entry.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(dir=entry.parent, prefix=".tmp-"))
        try:
            for name, data in files.items():
                path = tmp / "files" / name
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(data)
            (tmp / _MANIFEST).write_text(json.dumps(sorted(files)), encoding="utf-8")
            os.replace(tmp, entry)
        except OSError:
            if entry.exists():  # another process stored the same entry first
                return
            raise
        finally:
            if tmp.exists():
                shutil.rmtree(tmp, ignore_errors=True)

    @property
    def fonts_dir(self) -> Path | None:
        return None if self.root is None else self.root / "fonts"
