"""The one guarded door for files from outside the project (partner YAML and logos).

Every reader of untrusted files goes through here; see /work/coord/untrusted-api.md (copied
into the README's developer notes) for the calls and the limits in :mod:`.limits`.
"""

from __future__ import annotations

from . import limits
from .door import sandboxed_logo, sandboxed_yaml
from .fetcher import fetch_refused_class, weasyprint_url_fetcher
from .image import CleanImage, clean_image_bytes, clean_image_file
from .refusal import RefusedFile
from .sandbox import run_sandboxed
from .svg import CleanSvg, clean_svg_bytes, clean_svg_file
from .yamlfile import load_yaml_file, parse_yaml_text, read_text

__all__ = [
    "CleanImage",
    "CleanSvg",
    "RefusedFile",
    "clean_image_bytes",
    "clean_image_file",
    "clean_svg_bytes",
    "clean_svg_file",
    "fetch_refused_class",
    "limits",
    "load_yaml_file",
    "parse_yaml_text",
    "read_text",
    "run_sandboxed",
    "sandboxed_logo",
    "sandboxed_yaml",
    "weasyprint_url_fetcher",
]
