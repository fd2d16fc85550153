"""Command line: ``puebla build``, ``puebla check``, ``puebla serve``."""

from __future__ import annotations

import argparse
import logging
import os
import subprocess
import sys
from pathlib import Path

from .build import BuildFailed, build_site
from .errors import ContentError
from .model.project import load_project


def _root(value: str | None) -> Path:
    return Path(value).resolve() if value else Path.cwd()


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
        project = load_project(root)
    except ContentError as exc:
        print(exc.format(root), file=sys.stderr)
        return 1
    for warning in project.issues.warnings:
        print(warning.format(root), file=sys.stderr)
    print(f"Content OK: {len(project.languages)} languages, {len(project.campaigns)} campaigns.")
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", args.addr]
    return subprocess.call(command, cwd=_root(args.root), env=env)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="puebla", description=__doc__)
    parser.add_argument("--root", help="project folder (default: the current folder)")
    sub = parser.add_subparsers(dest="command", required=True)
    build = sub.add_parser("build", help="validate the content and build site/ atomically")
    build.add_argument("--site-dir", help="where to build (default: site/)")
    build.set_defaults(func=cmd_build)
    check = sub.add_parser("check", help="validate the content without building")
    check.set_defaults(func=cmd_check)
    serve = sub.add_parser("serve", help="preview with live reload")
    serve.add_argument("--addr", default="127.0.0.1:8000")
    serve.set_defaults(func=cmd_serve)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s")
    return args.func(args)
