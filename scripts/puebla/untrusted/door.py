"""The guarded door's public calls: read an untrusted YAML file or logo in the sandbox.

In-process functions (``load_yaml_file``, ``clean_svg_file``, ``clean_image_file``) hold a
file to the limits; these wrappers run them in the limited child of :mod:`.sandbox` as well,
which is how files from outside the project (partner files) must be read.
"""

from __future__ import annotations

import base64
import datetime as dt
from pathlib import Path
from typing import Any

from .image import CleanImage, clean_image_file
from .refusal import RefusedFile
from .sandbox import run_sandboxed
from .svg import CleanSvg, clean_svg_file
from .yamlfile import load_yaml_file

LOGO_SUFFIXES = {".svg": "svg", ".png": "image"}


def to_json(value: Any) -> Any:
    """YAML data as JSON: dates become ISO text; keys must be text (they are in our files)."""
    if isinstance(value, dict):
        return {str(k): to_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [to_json(v) for v in value]
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, bytes):
        return base64.b64encode(value).decode("ascii")
    if isinstance(value, float) and value != value:
        return None
    return value


def load_yaml_json(path: str) -> Any:
    return to_json(load_yaml_file(Path(path)))


def clean_svg_json(path: str) -> dict[str, Any]:
    svg = clean_svg_file(Path(path))
    return {"data": base64.b64encode(svg.data).decode("ascii"), "view_box": svg.view_box}


def clean_image_json(path: str) -> dict[str, Any]:
    img = clean_image_file(Path(path))
    return {
        "data": base64.b64encode(img.data).decode("ascii"),
        "width": img.width,
        "height": img.height,
    }


def sandboxed_yaml(path: Path) -> Any:
    """A YAML file's data (dates as ISO text), parsed in the sandbox."""
    return run_sandboxed("yaml", path, {"path": str(path)}, preload=("yaml",))


def sandboxed_logo(path: Path) -> CleanSvg | CleanImage:
    """A logo (``.svg`` or ``.png``) checked and cleaned in the sandbox."""
    kind = LOGO_SUFFIXES.get(path.suffix.lower())
    if kind is None:
        raise RefusedFile(path, "a logo must be an .svg or .png file", "export it as SVG or PNG")
    answer = run_sandboxed(kind, path, {"path": str(path)})
    data = base64.b64decode(answer["data"])
    if kind == "svg":
        return CleanSvg(data, answer["view_box"])
    return CleanImage(data, answer["width"], answer["height"])
