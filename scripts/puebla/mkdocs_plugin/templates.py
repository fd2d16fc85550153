"""Compile the theme's templates once, not once per build.

Why: mkdocs-static-i18n runs the whole MkDocs build once per language, and every build asks
the theme for a fresh Jinja environment, which parses and compiles Material's ~40 templates
again and walks the theme folders (thousands of icon files) to list them. Measured before this
module: about 0.4 s of every language build, 40 % of the no-change ``make site``.

Two caches, both keyed so that a changed template is never served stale:

- Jinja's own bytecode cache (in memory for the process, on disk under ``.cache/jinja`` for the
  next ``make site``): Jinja checks each template's source checksum before using its bytecode,
  and the bytecode carries the Python version, so the rendered pages are the same bytes.
- the template listing, keyed by the theme folders and by the names, sizes and times of the
  files in the project's own ``overrides/`` (Material's folder changes only with its version,
  which is part of the folder path).
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import Any

import jinja2

_listings: dict[tuple, list[str]] = {}
_caches: dict[Path, jinja2.BytecodeCache] = {}


class _LayeredBytecodeCache(jinja2.FileSystemBytecodeCache):
    """Bytecode kept in memory for this process, backed by files for the next one."""

    def __init__(self, directory: Path) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        super().__init__(str(directory))
        self._memory: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        data = self._memory.get(bucket.key)
        if data is not None:
            bucket.bytecode_from_string(data)
            if bucket.code is not None:
                return
        super().load_bytecode(bucket)
        if bucket.code is not None:
            self._memory[bucket.key] = bucket.bytecode_to_string()

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._memory[bucket.key] = bucket.bytecode_to_string()
        with contextlib.suppress(OSError):  # a read-only cache folder only costs speed
            super().dump_bytecode(bucket)


def _tree_stamp(folder: str) -> tuple:
    entries = []
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames.sort()
        for name in sorted(filenames):
            stat = os.stat(os.path.join(dirpath, name))
            entries.append((dirpath, name, stat.st_size, stat.st_mtime_ns))
    return tuple(entries)


def share_compiled_templates(theme: Any, cache_dir: Path, own_dirs: list[str]) -> None:
    """Make ``theme.get_env`` reuse compiled templates and the template listing.

    ``own_dirs`` are the project's template folders (``overrides/``), whose files an editor may
    change during ``make serve``; the listing is rebuilt when they change. Idempotent: the
    per-language builds call it again on the same theme object.
    """
    if getattr(theme, "_puebla_shared_templates", False):
        return
    original = theme.get_env
    cache = _caches.get(cache_dir)
    if cache is None:
        cache = _caches[cache_dir] = _LayeredBytecodeCache(cache_dir)

    def get_env() -> jinja2.Environment:
        env = original()
        env.bytecode_cache = cache
        key = (tuple(theme.dirs), tuple(_tree_stamp(d) for d in own_dirs))
        listing = env.list_templates

        def list_templates(extensions: Any = None, filter_func: Any = None) -> list[str]:
            # MkDocs passes a filter whose result depends only on the theme's static templates
            # (its code is the same function each build), so the filtered list is cached too.
            if extensions is not None:
                return listing(extensions=extensions, filter_func=filter_func)
            code = getattr(filter_func, "__code__", None)
            full = (key, code, tuple(getattr(theme, "static_templates", ())))
            if full not in _listings:
                if len(_listings) > 8:  # old states of overrides/ are not worth keeping
                    _listings.clear()
                _listings[full] = listing(filter_func=filter_func)
            return list(_listings[full])

        env.list_templates = list_templates  # type: ignore[method-assign]
        return env

    theme.get_env = get_env
    theme._puebla_shared_templates = True
