"""Puebla Outreach: one content model feeding the site and the printed materials.

The package is independent of MkDocs: ``puebla.model`` loads and validates the content once,
``puebla.site`` turns it into Markdown for the site, ``puebla.materials`` into printed and
social files. Only ``puebla.mkdocs_plugin`` knows MkDocs exists.
"""

__version__ = "0.1.0"
