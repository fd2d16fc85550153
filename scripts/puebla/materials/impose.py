"""Sheets of several identical items (cards 2 × 4, flyers 2-up) from ONE laid-out item.

A home-print sheet repeats the same card or flyer side at several places. Laying out every
copy costs WeasyPrint the same style and layout work again each time (the card sheet of 16
cards was the slowest document of all). Here the template lays out only the first item of
each page; its laid-out boxes are then copied to the other slots, moved by the slots'
offsets. The copies are real boxes: WeasyPrint draws, tags (PDF/UA: each copy has its own
structure elements, Figure /Alt, Link annotation) and writes them exactly as if they had been
laid out, so the sheet is the same document as before, made with one layout per page.

Form inputs of the same name on one sheet (the "Local contact" of every copy) become one
AcroForm field with one widget per copy: a partner types the contact once, in any viewer
(Chromium's pdfium included), and it prints on every item.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

PX_PER_MM = 96 / 25.4  # WeasyPrint lays out in CSS pixels


def _deep_copy(box: Any) -> Any:
    """A copy of ``box`` and all its descendants (absolute placeholders kept as such)."""
    from weasyprint.layout.absolute import AbsolutePlaceholder

    if isinstance(box, AbsolutePlaceholder):
        inner = _deep_copy(box._box)
        copy = AbsolutePlaceholder(inner)
        object.__setattr__(copy, "_layout_done", box._layout_done)
        return copy
    copy = box.copy()
    children = getattr(box, "children", None)
    if children is not None:
        copy.children = [_deep_copy(child) for child in children]
    return copy


def _classes(box: Any) -> list[str]:
    element = getattr(box, "element", None)
    if element is None or getattr(box, "element_tag", None) is None:
        return []
    return (element.get("class") or "").split()


def _find_item(box: Any, item_class: str) -> tuple[Any, int] | None:
    """(parent, index in its children) of the first box of class ``item_class``."""
    for i, child in enumerate(getattr(box, "children", ()) or ()):
        inner = getattr(child, "_box", child)
        if item_class in _classes(inner):
            return box, i
        found = _find_item(inner, item_class)
        if found is not None:
            return found
    return None


def _image_getter(original: Any) -> Any:
    """``get_image_from_uri`` for the copies: the images the original already loaded
    (background pictograms), so placing the copies' backgrounds fetches nothing."""
    images: dict[str, Any] = {}

    def walk(box: Any) -> None:
        box = getattr(box, "_box", box)
        background = getattr(box, "background", None)
        if background is not None:
            for (kind, value), layer in zip(
                box.style["background_image"], background.layers, strict=False
            ):
                if kind == "url":
                    images[value] = layer.image
        for child in getattr(box, "children", ()) or ():
            walk(child)

    walk(original)

    def get(url: str, **_: Any) -> Any:
        return images[url]

    return get


def repeat_items(
    document: Any, item_class: str, offsets_mm: Sequence[Sequence[tuple[float, float]]]
) -> None:
    """On page ``n``, copy the first ``item_class`` item at each of ``offsets_mm[n]``.

    Offsets are (dx, dy) in mm from the laid-out item. The document's pages are rebuilt so
    that links and form inputs of the copies are found like those of the original.
    """
    from weasyprint.document import Page
    from weasyprint.layout.background import layout_box_backgrounds

    for n, offsets in enumerate(offsets_mm):
        if not offsets:
            continue
        page_box = document.pages[n]._page_box
        found = _find_item(page_box, item_class)
        if found is None:
            raise ValueError(f"page {n + 1} has no item of class {item_class!r} to repeat")
        parent, index = found
        original = parent.children[index]
        images = _image_getter(original)
        copies = []
        for dx, dy in offsets:
            copy = _deep_copy(original)
            copy.translate(dx * PX_PER_MM, dy * PX_PER_MM)
            # Background painting areas are absolute: WeasyPrint placed them after layout,
            # so they are placed again where the copy now is.
            layout_box_backgrounds(page_box, getattr(copy, "_box", copy), images)
            copies.append(copy)
        parent.children = [
            *parent.children[: index + 1],
            *copies,
            *parent.children[index + 1 :],
        ]
        document.pages[n] = Page(page_box)


def merge_fields(_document: Any, pdf: Any) -> None:
    """WeasyPrint ``finisher``: text fields sharing a name become one field with several
    widgets (two top-level fields may not share a name; viewers would keep them apart or
    merge them each in their own way)."""
    import pydyf

    acro = pdf.catalog.get("AcroForm")
    if not acro:
        return
    groups: dict[str, list[Any]] = {}
    order: list[str] = []
    for reference in acro["Fields"]:
        field = pdf.objects[int(reference.split()[0])]
        name = field["T"].string
        if name not in groups:
            order.append(name)
        groups.setdefault(name, []).append(field)
    fields = pydyf.Array()
    for name in order:
        widgets = groups[name]
        if len(widgets) == 1 or widgets[0].get("FT") != "/Tx":
            fields.extend(w.reference for w in widgets)
            continue
        first = widgets[0]
        parent = pydyf.Dictionary(
            {
                "FT": "/Tx",
                "T": first["T"],
                "TU": first["TU"],
                "DA": first["DA"],
                "V": first["V"],
                "Kids": pydyf.Array(w.reference for w in widgets),
            }
        )
        pdf.add_object(parent)
        for widget in widgets:
            for key in ("T", "FT", "V"):
                widget.pop(key, None)
            widget["Parent"] = parent.reference
        fields.append(parent.reference)
    acro["Fields"] = fields
