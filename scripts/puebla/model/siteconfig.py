"""The few settings the content model reads from ``mkdocs.yml`` (without importing MkDocs).

``mkdocs.yml`` uses tags such as ``!ENV`` that plain YAML rejects, so it is read with a
loader that turns any tag into its plain value (for ``!ENV [NAME, default]``: the variable
when set, else the default), which is what MkDocs itself would see.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import yaml


class _Loader(yaml.SafeLoader):
    """SafeLoader that reads ``!ENV`` like MkDocs and any other tag as its plain value."""


def _env(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    if isinstance(node, yaml.SequenceNode):
        names = [str(v) for v in loader.construct_sequence(node)]
        *variables, default = names if len(names) > 1 else [*names, None]
        for name in variables:
            if os.environ.get(name):
                return os.environ[name]
        return default
    return os.environ.get(str(loader.construct_scalar(node)))  # type: ignore[arg-type]


def _plain(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.MappingNode):
        return loader.construct_mapping(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    return loader.construct_scalar(node)  # type: ignore[arg-type]


_Loader.add_constructor("!ENV", _env)
_Loader.add_multi_constructor("!", _plain)
_Loader.add_multi_constructor("tag:", _plain)


def read_config(root: Path) -> dict[str, Any]:
    path = root / "mkdocs.yml"
    if not path.is_file():
        return {}
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)
    except yaml.YAMLError:
        return {}  # MkDocs reports a broken mkdocs.yml itself
    return data if isinstance(data, dict) else {}


_EMAIL = re.compile(r"^[^@\s/:]+@[^@\s/]+\.[^@\s/]+$")


def report_target(value: str, site_url: str) -> tuple[str, str]:
    """(link, problem) for ``extra.report_to``: an e-mail address or a page on the site itself.

    A third-party form would send a reader's report (and their visit) to someone else, so a
    URL on another host is refused.
    """
    value = value.strip()
    if not value:
        return "", ""
    if value.startswith("mailto:"):
        value = value[len("mailto:") :]
    if _EMAIL.match(value):
        return f"mailto:{value}", ""
    parsed = urlparse(value)
    if not parsed.scheme and value.startswith("/"):
        return value, ""
    site_host = urlparse(site_url).hostname or ""
    if parsed.scheme == "https" and parsed.hostname and parsed.hostname == site_host:
        return value, ""
    return "", (
        f"'report_to' is {value!r}: use an e-mail address or a page of this site "
        f"(a path like /contact/ or an https address on {site_host or 'the site host'}); "
        "a third-party form would send readers' reports to someone else"
    )
