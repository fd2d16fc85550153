"""Command line: ``puebla build``, ``puebla check``, ``puebla serve``."""

from __future__ import annotations

import argparse
import logging
import sys
import tempfile
from pathlib import Path

from .build import BuildFailed, build_site
from .content import load_content
from .errors import ContentError
from .languages import add_language
from .lines_report import lines_report
from .materials import render_materials
from .site.extras import materials_cache
from .translate import CommandError, mark_reviewed, mark_translated
from .warning_report import report


def _root(value: str | None) -> Path:
    return Path(value).resolve() if value else Path.cwd()


def _file(root: Path, name: str) -> Path:
    """A page named on the command line: relative paths are taken from the project folder."""
    path = Path(name)
    path = path if path.is_absolute() else root / path
    if not path.is_file():
        raise CommandError(f"{name}: no such file")
    return path


def cmd_build(args: argparse.Namespace) -> int:
    root = _root(args.root)
    try:
        site = build_site(root, Path(args.site_dir) if args.site_dir else None)
    except BuildFailed as exc:
        print(f"Build failed; the previous site was left untouched.\n{exc}", file=sys.stderr)
        return 1
    print(f"Site built in {site}")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    root = _root(args.root)
    try:
        project = load_content(root)
    except ContentError as exc:
        print(exc.format(root), file=sys.stderr)
        return 1
    try:  # printed-material text must fit: lay the materials out (cached, so usually instant)
        with tempfile.TemporaryDirectory() as tmp:
            render_materials(
                project,
                Path(tmp),
                "https://example.invalid/",
                cache_dir=materials_cache(root),
                progress=lambda event: None,
            )
    except ContentError as exc:
        print(exc.format(root), file=sys.stderr)
        return 1
    for line in report(project.issues.warnings, root, full=args.all):
        print(line, file=sys.stderr)
    print(f"Content OK: {len(project.languages)} languages, {len(project.campaigns)} campaigns.")
    return 0


def cmd_lines(args: argparse.Namespace) -> int:
    root = _root(args.root)
    try:
        project = load_content(root)
    except ContentError as exc:
        print(exc.format(root), file=sys.stderr)
        return 1
    report, status = lines_report(project.help, project.today)
    print(report)
    return status


def cmd_translated(args: argparse.Namespace) -> int:
    root = _root(args.root)
    try:
        for name in args.files:
            digest = mark_translated(root, _file(root, name))
            print(f"{name}: now records English version {digest}")
    except CommandError as exc:
        print(f"Error: {exc}", file=sys.stderr)
        return 2
    return 0


def cmd_reviewed(args: argparse.Namespace) -> int:
    root = _root(args.root)
    try:
        for name in args.files:
            mark_reviewed(root, _file(root, name), args.by)
            print(f"{name}: review by {args.by} recorded")
    except CommandError as exc:
        print(f"Error: {exc}", file=sys.stderr)
        return 2
    return 0


def cmd_language(args: argparse.Namespace) -> int:
    root = _root(args.root)
    try:
        created = add_language(root, args.code, args.name, args.fallback)
    except CommandError as exc:
        print(f"Error: {exc}", file=sys.stderr)
        return 2
    print(
        f"Added '{args.code}' ({args.name}): registered in mkdocs.yml, {len(created)} files created."
    )
    if args.fallback:
        print(f"Until translated, its readers get the '{args.fallback}' interface and pages.")
    print("Next: translate locales/" + args.code + ".yml and the pages; see CONTRIBUTING.md.")
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from .mkdocs_plugin.serve import serve  # imports MkDocs: only for this command

    root = _root(args.root)
    if args.lang and args.lang not in load_content_languages(root):
        print(f"Error: no language '{args.lang}' in locales/", file=sys.stderr)
        return 2
    return serve(root, args.addr, args.lang)


def load_content_languages(root: Path) -> list[str]:
    return sorted(p.stem for p in (root / "locales").glob("*.yml"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="puebla", description=__doc__)
    parser.add_argument("--root", help="project folder (default: the current folder)")
    sub = parser.add_subparsers(dest="command", required=True)
    build = sub.add_parser("build", help="validate the content and build site/ atomically")
    build.add_argument("--site-dir", help="where to build (default: site/)")
    build.set_defaults(func=cmd_build)
    check = sub.add_parser("check", help="validate the content without building")
    check.add_argument("--all", action="store_true", help="list every warning in full")
    check.set_defaults(func=cmd_check)
    lines = sub.add_parser("lines", help="help lines by what to re-check first")
    lines.set_defaults(func=cmd_lines)
    done = sub.add_parser("translated", help="record that translations are up to date with English")
    done.add_argument("files", nargs="+", help="translated page(s), e.g. docs/es/index.md")
    done.set_defaults(func=cmd_translated)
    review = sub.add_parser("reviewed", help="record a native speaker's review of translations")
    review.add_argument("files", nargs="+")
    review.add_argument("--by", required=True, help="who reviewed it")
    review.set_defaults(func=cmd_reviewed)
    language = sub.add_parser("language", help="add a language to the site")
    language.add_argument("code", help="language code, e.g. ht")
    language.add_argument("--name", required=True, help="the language's name in itself")
    language.add_argument(
        "--fallback", help="language shown until translated (default: English), e.g. es"
    )
    language.set_defaults(func=cmd_language)
    serve = sub.add_parser("serve", help="preview with live reload")
    serve.add_argument("--addr", default="127.0.0.1:8000")
    serve.add_argument("--lang", help="preview one language only (default: all)")
    serve.set_defaults(func=cmd_serve)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s")
    return args.func(args)
