"""Typed configuration of the ``puebla`` MkDocs plugin."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c


class PueblaPluginConfig(base.Config):
    # Project root holding campaigns/, locales/, sources/; defaults to mkdocs.yml's folder.
    root = c.Optional(c.Dir(exists=True))
