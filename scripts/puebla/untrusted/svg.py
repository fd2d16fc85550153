"""Guarded SVG: parsed with defusedxml, refused when it reaches out, rebuilt from an allowlist.

An SVG logo is a program as much as a picture: it can declare entities (read
``/etc/passwd`` into the text, or expand a billion times), point ``<image>`` or ``<use>`` at
a web address or a local file, fetch through ``style="…url(…)"``, or carry a script and
``onload`` handlers. Here:

* the XML is parsed by ``defusedxml`` with no DTD and no entities at all;
* anything that reaches outside the file or runs code is **refused** with the file, the
  element and what to change: ``<script>``, ``<foreignObject>``, ``on…`` attributes, any
  ``href``/``xlink:href``/``src`` that is not a same-document ``#fragment`` (a ``data:``
  PNG or JPEG on ``<image>`` is allowed once the image guard has checked it), any ``url(…)``
  that is not ``url(#fragment)``, ``@import`` and CSS escapes in styles;
* everything else not on the allowlist (editor metadata, unknown namespaces, animation,
  filters) is dropped, and the cleaned SVG is written out again from what remains.
"""

from __future__ import annotations

import base64
import binascii
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import defusedxml
import defusedxml.ElementTree as SafeET

from . import limits
from .image import clean_image_bytes
from .refusal import RefusedFile

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
XML_NS = "http://www.w3.org/XML/1998/namespace"

# Elements that run code or embed another document: never accepted, always named.
REFUSED_ELEMENTS = {
    "script": "remove the <script> element: a logo must not run code",
    "foreignObject": "remove the <foreignObject> element: draw the content as SVG shapes",
    "iframe": "remove the <iframe> element",
    "embed": "remove the <embed> element",
    "object": "remove the <object> element",
    "handler": "remove the <handler> element: a logo must not run code",
    "listener": "remove the <listener> element: a logo must not run code",
}

ALLOWED_ELEMENTS = frozenset(
    [
        "svg",
        "g",
        "defs",
        "symbol",
        "use",
        "path",
        "rect",
        "circle",
        "ellipse",
        "line",
        "polyline",
        "polygon",
        "text",
        "tspan",
        "textPath",
        "title",
        "desc",
        "linearGradient",
        "radialGradient",
        "stop",
        "clipPath",
        "mask",
        "pattern",
        "image",
        "style",
        "marker",
    ]
)

ALLOWED_ATTRIBUTES = frozenset(
    [
        "id",
        "class",
        "style",
        "transform",
        "viewBox",
        "width",
        "height",
        "x",
        "y",
        "x1",
        "y1",
        "x2",
        "y2",
        "cx",
        "cy",
        "r",
        "rx",
        "ry",
        "fx",
        "fy",
        "fr",
        "d",
        "points",
        "pathLength",
        "fill",
        "fill-opacity",
        "fill-rule",
        "stroke",
        "stroke-width",
        "stroke-linecap",
        "stroke-linejoin",
        "stroke-miterlimit",
        "stroke-dasharray",
        "stroke-dashoffset",
        "stroke-opacity",
        "opacity",
        "offset",
        "stop-color",
        "stop-opacity",
        "gradientUnits",
        "gradientTransform",
        "spreadMethod",
        "clip-path",
        "clip-rule",
        "clipPathUnits",
        "mask",
        "maskUnits",
        "maskContentUnits",
        "patternUnits",
        "patternContentUnits",
        "patternTransform",
        "preserveAspectRatio",
        "font-family",
        "font-size",
        "font-weight",
        "font-style",
        "font-variant",
        "text-anchor",
        "dominant-baseline",
        "alignment-baseline",
        "baseline-shift",
        "letter-spacing",
        "word-spacing",
        "text-decoration",
        "dx",
        "dy",
        "rotate",
        "textLength",
        "lengthAdjust",
        "startOffset",
        "method",
        "spacing",
        "visibility",
        "display",
        "color",
        "overflow",
        "marker-start",
        "marker-mid",
        "marker-end",
        "markerWidth",
        "markerHeight",
        "refX",
        "refY",
        "orient",
        "markerUnits",
        "vector-effect",
        "shape-rendering",
        "color-interpolation",
        "version",
        "href",
    ]
)
ALLOWED_NAMESPACED = frozenset({f"{{{XLINK_NS}}}href", f"{{{XML_NS}}}space", f"{{{XML_NS}}}lang"})
HREF_ATTRIBUTES = frozenset({"href", f"{{{XLINK_NS}}}href", "src"})

_FRAGMENT = re.compile(r"^#[A-Za-z_][\w.\-:]*$")
# Bounded and without nested repetition: a style of 100,000 "url(" stays linear to check.
_URL = re.compile(r"url\s*\(\s*(['\"]?)([^'\"()\s]{0,2048})\1\s*\)", re.IGNORECASE)
_URL_START = re.compile(r"url\s*\(", re.IGNORECASE)
_DATA_IMAGE = re.compile(r"^data:image/(png|jpeg);base64,([A-Za-z0-9+/=\s]+)$", re.IGNORECASE)


@dataclass(frozen=True)
class CleanSvg:
    """A checked SVG, written out again from its allowlisted elements only."""

    data: bytes
    view_box: str
    mime: str = "image/svg+xml"


def _local(tag: str) -> tuple[str, str]:
    if tag.startswith("{"):
        ns, _, name = tag[1:].partition("}")
        return ns, name
    return "", tag


def _where(el: ET.Element) -> str:
    _, name = _local(el.tag)
    ident = el.get("id")
    return f"<{name}{f' id={ident!r}' if ident else ''}>"


def _check_urls(value: str, path: Path | str, where: str) -> None:
    lowered = value.lower()
    if "\\" in value:
        raise RefusedFile(
            path,
            f"{where} uses a CSS escape (\\); escapes can hide a web address",
            "write the style without backslashes",
        )
    if "@import" in lowered:
        raise RefusedFile(
            path,
            f"{where} imports a style sheet (@import)",
            "remove the @import: a logo must not load anything",
        )
    found = 0
    for match in _URL.finditer(value):
        found += 1
        target = match.group(2).strip()
        if not _FRAGMENT.match(target):
            raise RefusedFile(
                path,
                f"{where} refers to {target[:80]!r} with url(…); only url(#id) of the same file is allowed",
                "embed what it refers to in the SVG itself (or remove it), then export again",
            )
    if len(_URL_START.findall(value)) > found or "image-set" in lowered or "expression(" in lowered:
        raise RefusedFile(
            path,
            f"{where} has a url or image reference that cannot be checked",
            "write colours and shapes directly; refer only to url(#id) of the same file",
        )


def _check_href(el: ET.Element, attr: str, value: str, path: Path | str) -> None:
    value = value.strip()
    if _FRAGMENT.match(value):
        return
    _, name = _local(el.tag)
    data = _DATA_IMAGE.match(value)
    if data and name == "image":
        try:
            raw = base64.b64decode(re.sub(r"\s", "", data.group(2)), validate=True)
        except (binascii.Error, ValueError):
            raise RefusedFile(
                path,
                f"{_where(el)} embeds an image that is not valid base64",
                "export the logo again",
            ) from None
        clean_image_bytes(raw, f"{path} {_where(el)}")
        return
    kind = value.split(":", 1)[0].lower() if ":" in value[:12] else "a file path"
    attr_name = "xlink:href" if attr.startswith("{") else attr
    raise RefusedFile(
        path,
        f"{_where(el)} {attr_name} points outside the file ({kind}: {value[:80]!r})",
        "embed the picture in the SVG itself (or remove the element): a logo may refer "
        "only to #id within the same file",
    )


def _inspect(el: ET.Element, path: Path | str) -> None:
    """Refuse what reaches out or runs code, whether or not the allowlist would keep it."""
    _ns, name = _local(el.tag)
    if name in REFUSED_ELEMENTS or name.lower() in {n.lower() for n in REFUSED_ELEMENTS}:
        raise RefusedFile(
            path,
            f"the SVG contains {_where(el)}",
            REFUSED_ELEMENTS.get(name, f"remove the <{name}> element"),
        )
    for attr, value in el.attrib.items():
        attr_ns, attr_name = _local(attr)
        if attr_name.lower().startswith("on"):
            raise RefusedFile(
                path,
                f"{_where(el)} has an event handler attribute {attr_name}=",
                f"remove {attr_name}=…: a logo must not run code",
            )
        if attr_name in ("href", "src") and (attr_ns in ("", XLINK_NS) or attr in HREF_ATTRIBUTES):
            _check_href(el, attr, value, path)
        elif attr_name == "base" and attr_ns == XML_NS:
            raise RefusedFile(
                path,
                f"{_where(el)} sets xml:base",
                "remove xml:base: a logo must not load anything",
            )
        elif _URL_START.search(value) or "\\" in value or "@import" in value.lower():
            _check_urls(value, path, f"{_where(el)} {attr_name}=")
    if name == "style":
        _check_urls("".join(el.itertext()), path, "the <style> element")


def _rebuild(el: ET.Element) -> ET.Element | None:
    ns, name = _local(el.tag)
    if ns != SVG_NS or name not in ALLOWED_ELEMENTS:
        return None
    attrs = {}
    for attr, value in el.attrib.items():
        attr_ns, attr_name = _local(attr)
        if (not attr_ns and attr_name in ALLOWED_ATTRIBUTES) or attr in ALLOWED_NAMESPACED:
            attrs[attr] = value
    clean = ET.Element(el.tag, attrs)
    if name in ("text", "tspan", "textPath", "title", "desc", "style"):
        clean.text = el.text
    for child in el:
        kept = _rebuild(child)
        if kept is not None:
            if name in ("text", "tspan", "textPath"):
                kept.tail = child.tail
            clean.append(kept)
    return clean


def _expansion(root: ET.Element, path: Path | str) -> int:
    """Elements drawn once every <use> is expanded; refuses cycles and "use bombs"."""
    by_id = {el.get("id"): el for el in root.iter() if el.get("id")}
    memo: dict[int, int] = {}
    visiting: set[int] = set()

    def cost(el: ET.Element) -> int:
        key = id(el)
        if key in memo:
            return memo[key]
        if key in visiting:
            raise RefusedFile(
                path, f"{_where(el)} is drawn inside itself (a <use> loop)", "break the loop"
            )
        visiting.add(key)
        total = 1 + sum(cost(child) for child in el)
        if _local(el.tag)[1] == "use":
            ref = el.get("href") or el.get(f"{{{XLINK_NS}}}href") or ""
            target = by_id.get(ref[1:]) if ref.startswith("#") else None
            if target is not None:
                total += cost(target)
        visiting.discard(key)
        memo[key] = total
        if total > limits.MAX_SVG_EXPANSION:
            raise RefusedFile(
                path,
                f"the SVG draws more than {limits.MAX_SVG_EXPANSION:,} shapes once its <use> "
                "references are expanded",
                "simplify the logo: export it with the references expanded, or fewer of them",
            )
        return total

    try:
        return cost(root)
    except RecursionError:
        raise RefusedFile(
            path, "the SVG's <use> references nest too deeply", "simplify the logo"
        ) from None


def clean_svg_bytes(data: bytes, path: Path | str) -> CleanSvg:
    """Check ``data`` and return the cleaned SVG, or refuse it naming ``path``."""
    if len(data) > limits.MAX_SVG_BYTES:
        raise RefusedFile(
            path,
            f"the SVG is {len(data):,} bytes; the limit is {limits.MAX_SVG_BYTES:,}",
            "simplify the logo or export it with fewer points",
        )
    try:
        root = SafeET.fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except defusedxml.DTDForbidden:
        raise RefusedFile(
            path,
            "the SVG has a <!DOCTYPE …> declaration (which can define entities that read files)",
            "delete the <!DOCTYPE …> line at the top of the file",
        ) from None
    except (defusedxml.EntitiesForbidden, defusedxml.ExternalReferenceForbidden):
        raise RefusedFile(
            path,
            "the SVG declares entities (which can read files or expand without end)",
            "delete the <!DOCTYPE …> and <!ENTITY …> lines and write the text out",
        ) from None
    except (ET.ParseError, ValueError) as exc:
        raise RefusedFile(
            path,
            f"the SVG is not well-formed XML ({exc})",
            "export the logo again as 'Plain SVG' from the program that made it",
        ) from None
    if root.tag != f"{{{SVG_NS}}}svg":
        raise RefusedFile(
            path,
            f"the file's root element is {root.tag!r}, not an SVG <svg> element",
            f'export it as SVG: the file must start with <svg xmlns="{SVG_NS}" …>',
        )
    count = 0
    stack = [(root, 1)]
    while stack:
        el, depth = stack.pop()
        count += 1
        if count > limits.MAX_SVG_ELEMENTS or depth > limits.MAX_SVG_DEPTH:
            raise RefusedFile(
                path,
                f"the SVG has more than {limits.MAX_SVG_ELEMENTS:,} elements or nests deeper "
                f"than {limits.MAX_SVG_DEPTH}",
                "simplify the logo or export it with fewer groups",
            )
        _inspect(el, path)
        stack.extend((child, depth + 1) for child in el)
    clean = _rebuild(root)
    assert clean is not None
    view_box = clean.get("viewBox") or ""
    if not view_box:
        width, height = clean.get("width", ""), clean.get("height", "")
        if not (re.fullmatch(r"[\d.]+", width) and re.fullmatch(r"[\d.]+", height)):
            raise RefusedFile(
                path,
                "the SVG has no viewBox, so it cannot be scaled to fit",
                'add viewBox="0 0 <width> <height>" to the <svg> element',
            )
        view_box = f"0 0 {width} {height}"
        clean.set("viewBox", view_box)
    _expansion(clean, path)
    ET.register_namespace("", SVG_NS)
    ET.register_namespace("xlink", XLINK_NS)
    return CleanSvg(ET.tostring(clean, encoding="utf-8", xml_declaration=True), view_box)


def clean_svg_file(path: Path) -> CleanSvg:
    """Read an SVG by its size (stat) first, then check and clean it."""
    size = path.stat().st_size
    if size > limits.MAX_SVG_BYTES:
        raise RefusedFile(
            path,
            f"the SVG is {size:,} bytes; the limit is {limits.MAX_SVG_BYTES:,}",
            "simplify the logo or export it with fewer points",
        )
    return clean_svg_bytes(path.read_bytes(), path)
