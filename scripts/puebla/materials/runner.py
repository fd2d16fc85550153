"""Run render jobs: cache lookups, then the misses in parallel worker processes.

Output never depends on the order in which workers finish: each job's files are pure
functions of the job, written to fixed paths. Problems from every job are collected and
raised together, so one run lists every text that does not fit.
"""

from __future__ import annotations

import atexit
import os
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from multiprocessing import get_context
from pathlib import Path

from ..errors import ContentError, Problem
from .cache import Cache, job_key
from .design import MIN_CONTRAST, ContrastFailure
from .fonts import FontFiles, font_files, make_instance, missing_instances
from .kinds import BATCH_RENDERERS, RENDERERS
from .spec import MaterialJob, PreviewJob
from .weasy import Overflow

Job = MaterialJob | PreviewJob
_COST = {"flyer": 0, "poster": 1, "card": 2, "social": 3, "preview": 4}
BATCH = 10  # jobs per shared document: most of the fixed cost saved, both workers kept busy


@dataclass(frozen=True)
class Progress:
    """One finished item: ``cached`` is True when it was copied from the cache."""

    done: int
    total: int
    label: str
    cached: bool


ProgressFn = Callable[[Progress], None]


def stderr_progress(event: Progress) -> None:
    """Default reporter: one line per rendered item (cache hits are only counted)."""
    if not event.cached:
        print(f"materials: [{event.done}/{event.total}] {event.label}", file=sys.stderr, flush=True)


def work(job: Job, fonts: FontFiles) -> tuple[dict[str, bytes], list[Problem]]:
    """Render one job (in a worker process); content problems are returned, not raised."""
    try:
        return RENDERERS[job.family](job, fonts), []
    except Overflow as exc:
        return {}, [
            job.problem(
                exc.field,
                f"the field '{exc.field}' does not fit: {exc.reason}",
                "shorten this text (in every language where it does not fit): materials keep "
                "one type size in every language and never shrink or cut text",
            )
        ]
    except ContrastFailure as exc:
        return {}, [
            job.problem(
                "colors",
                f"text would be hard to read (contrast below {MIN_CONTRAST}:1): {exc}",
                "change the campaign colours so every text colour contrasts with its background",
            )
        ]


def work_batch(
    jobs: Sequence[Job], fonts: FontFiles
) -> list[tuple[dict[str, bytes], list[Problem]]]:
    """Render ``jobs`` (one ``batch_key``) as one document where their family allows it.

    When a text of the batch does not fit, the jobs are rendered one by one: the problem
    is then reported for its own job, the others' files are made as usual."""
    batch = BATCH_RENDERERS.get(jobs[0].family)
    if batch is not None and len(jobs) > 1:
        try:
            return [(files, []) for files in batch(jobs, fonts)]
        except (Overflow, ContrastFailure):
            pass
    return [work(job, fonts) for job in jobs]


def _tasks(jobs: Sequence[Job], pending: list[int]) -> list[list[int]]:
    """``pending`` (sorted by cost) as tasks: one job each, or up to ``BATCH`` jobs of a
    family that shares documents, with the same ``batch_key``, in their order."""
    tasks: list[list[int]] = []
    open_batch: dict[tuple, list[int]] = {}
    for i in pending:
        job = jobs[i]
        if job.family not in BATCH_RENDERERS:
            tasks.append([i])
            continue
        key = (job.family, job.batch_key)  # type: ignore[union-attr]
        batch = open_batch.get(key)
        if batch is None or len(batch) >= BATCH:
            batch = open_batch[key] = []
            tasks.append(batch)
        batch.append(i)
    return tasks


def place(target: Path, data: Path | bytes) -> None:
    """Put ``data`` (bytes, or a cached file) at ``target``.

    A cached file is hard-linked where the file system allows (a re-render with nothing
    changed copied ~280 files; a link is one system call), else copied. Whatever was at
    ``target`` is unlinked first, never written through: it may be a link to a cache entry.
    """
    target.unlink(missing_ok=True)
    if isinstance(data, Path):
        try:
            os.link(data, target)
        except OSError:  # another file system, or links not allowed: copy
            shutil.copyfile(data, target)
    else:
        target.write_bytes(data)


def _write(files: dict[str, Path | bytes], folder: Path) -> dict[str, Path]:
    out = {}
    made: set[Path] = set()
    for name, data in sorted(files.items()):
        target = folder / name
        if target.parent not in made:
            target.parent.mkdir(parents=True, exist_ok=True)
            made.add(target.parent)
        place(target, data)
        out[name] = target
    return out


def _ensure_fonts(folder: Path, pool: ProcessPoolExecutor | None) -> FontFiles:
    missing = missing_instances(folder)
    if pool is None or len(missing) < 2:
        for weight, path in missing:
            make_instance(weight, path)
    else:
        for future in [pool.submit(make_instance, w, p) for w, p in missing]:
            future.result()
    return font_files(folder)


def run(
    jobs: Sequence[Job],
    out_dir: Path,
    cache: Cache,
    workers: int | None,
    progress: ProgressFn | None,
    keys: Sequence[str] | None = None,
) -> list[dict[str, Path]]:
    """Files of every job (same order as ``jobs``), rendered or copied from the cache.

    ``keys``: the jobs' cache keys when the caller has them already (``job_key``)."""
    report = progress or stderr_progress
    results: list[dict[str, Path]] = [{} for _ in jobs]
    keys = list(keys) if keys is not None else [job_key(job.key_data()) for job in jobs]
    pending: list[int] = []
    done = 0
    for i, job in enumerate(jobs):
        hit = cache.get(keys[i])
        try:
            if hit is None:
                raise FileNotFoundError
            results[i] = _write(hit, out_dir / job.base)  # type: ignore[arg-type]
        except FileNotFoundError:  # not cached, or an entry someone emptied: render it
            pending.append(i)
            continue
        done += 1
        report(Progress(done, len(jobs), job.label, True))
    if not pending:
        return results
    pending.sort(key=lambda i: (_COST.get(jobs[i].family, 9), i))
    problems: list[Problem] = []
    workers = max(1, min(workers or os.cpu_count() or 1, len(pending)))
    with tempfile.TemporaryDirectory(prefix="puebla-fonts-") as tmp:
        fonts_dir = cache.fonts_dir or Path(tmp)
        pool = _pool(workers) if workers > 1 else None
        finished = False
        try:
            fonts = _ensure_fonts(fonts_dir, pool)
            tasks = _tasks(jobs, pending)
            if pool is None:
                outcomes = (
                    (i, outcome)
                    for task in tasks
                    for i, outcome in zip(
                        task, work_batch([jobs[i] for i in task], fonts), strict=True
                    )
                )
            else:
                futures: dict[int, Future] = {
                    n: pool.submit(work_batch, [jobs[i] for i in task], fonts)
                    for n, task in enumerate(tasks)
                }
                outcomes = (
                    (i, outcome)
                    for n in _as_done(futures)
                    for i, outcome in zip(tasks[n], futures[n].result(), strict=True)
                )
            for i, (files, found) in outcomes:
                problems.extend(found)
                if files:
                    cache.put(keys[i], files)
                    results[i] = _write(files, out_dir / jobs[i].base)  # type: ignore[arg-type]
                done += 1
                report(Progress(done, len(jobs), jobs[i].label, False))
            finished = True
        finally:
            if not finished:  # interrupted or a worker died: cancel the rest, start afresh
                close_pool()
    if problems:
        problems.sort(key=lambda p: (str(p.path), p.field or "", p.message))
        raise ContentError(problems)
    return results


_POOL: tuple[int, ProcessPoolExecutor] | None = None


def _pool(workers: int) -> ProcessPoolExecutor:
    """Worker processes kept for the life of this process.

    Starting a worker (a fresh interpreter importing WeasyPrint, Pango and the fonts) took
    about 2 s, paid again by every run: the link previews after the materials in one
    build, each rebuild of ``make serve``. Kept workers also keep what they have made
    once (parsed stylesheets, the font configuration, QR codes). Closed at exit.
    """
    global _POOL
    if _POOL is not None and _POOL[0] != workers:
        close_pool()
    if _POOL is None:
        _POOL = (workers, ProcessPoolExecutor(workers, mp_context=get_context("spawn")))
    return _POOL[1]


def close_pool() -> None:
    """Stop the kept workers (at exit, after a failed run; ``make bench`` before each clean
    render, so that it starts its workers like the old renderer's run)."""
    global _POOL
    if _POOL is not None:
        _POOL[1].shutdown(wait=True, cancel_futures=True)
        _POOL = None


atexit.register(close_pool)


def _as_done(futures: dict[int, Future]) -> Iterator[int]:
    """Task indices in completion order (progress as soon as a task finishes)."""
    index = {f: i for i, f in futures.items()}
    for future in as_completed(index):
        yield index[future]
