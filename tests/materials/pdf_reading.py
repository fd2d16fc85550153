"""Reading the built PDFs as a print shop, a screen reader and a reader would (test helpers).

Font sizes and text positions come from pdfium's text layer (pypdfium2), structure and
colour operators from pypdf; nothing here knows how the files were made.
"""

from __future__ import annotations

import ctypes
import re
import subprocess
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pypdf
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c


@dataclass(frozen=True)
class Char:
    text: str
    size: float  # font size in pt, as the page shows it
    x: float
    y: float  # baseline-ish: bottom of the char box, pt from the page bottom


@cache
def chars(path: Path, page: int) -> tuple[Char, ...]:
    document = pdfium.PdfDocument(str(path))
    try:
        text_page = document[page].get_textpage()
        out = []
        for i in range(text_page.count_chars()):
            code = pdfium_c.FPDFText_GetUnicode(text_page, i)
            # pdfium gives the nominal size (in CSS px for WeasyPrint's files, drawn at
            # 0.75); the size the page shows is that times the char matrix's scale.
            matrix = pdfium_c.FS_MATRIX()
            pdfium_c.FPDFText_GetMatrix(text_page, i, matrix)
            scale = abs(matrix.a * matrix.d - matrix.b * matrix.c) ** 0.5
            size = pdfium_c.FPDFText_GetFontSize(text_page, i) * scale
            left, right, bottom, top = (ctypes.c_double() for _ in range(4))
            pdfium_c.FPDFText_GetCharBox(text_page, i, left, right, bottom, top)
            out.append(Char(chr(code), round(size, 2), left.value, bottom.value))
        return tuple(out)
    finally:
        document.close()


def page_text(path: Path, page: int) -> str:
    return "".join(c.text for c in chars(path, page))


def sizes_of(path: Path, page: int, needle: str) -> list[float]:
    """Font sizes of every occurrence of ``needle`` (its first character) on the page."""
    cs = chars(path, page)
    text = "".join(c.text for c in cs)
    return [cs[m.start()].size for m in re.finditer(re.escape(needle), text)]


def bbox_lines(path: Path) -> list[list[str]]:
    """Lines of words, as poppler lays out the text (``pdftotext -bbox-layout``)."""
    xml = subprocess.run(
        ["pdftotext", "-bbox-layout", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout
    lines = []
    for line in re.findall(r"<line[^>]*>(.*?)</line>", xml, re.S):
        words = [html_unescape(w) for w in re.findall(r"<word[^>]*>(.*?)</word>", line, re.S)]
        lines.append(words)
    return lines


def html_unescape(text: str) -> str:
    import html

    return html.unescape(text)


_COLOUR_OPS = re.compile(rb"(?<![\w/])(rg|RG|k|K|g|G|sc|scn|SC|SCN|cs|CS)(?![\w])")


def colour_operators(reader: pypdf.PdfReader) -> tuple[set[str], set[str]]:
    """(colour operators, colour space names set by cs/CS) in every page and form XObject."""
    ops: set[str] = set()
    spaces: set[str] = set()
    seen: set[int] = set()

    def scan(data: bytes) -> None:
        ops.update(m.decode() for m in _COLOUR_OPS.findall(data))
        spaces.update(m.decode() for m in re.findall(rb"/(\w+)\s+(?:cs|CS)\b", data))

    def xobjects(resources: object) -> None:
        if not resources:
            return
        xo = resources.get("/XObject") if hasattr(resources, "get") else None
        for ref in (xo or {}).values():
            obj = ref.get_object()
            if id(obj) in seen:
                continue
            seen.add(id(obj))
            if obj.get("/Subtype") == "/Form":
                scan(obj.get_data())
                xobjects(obj.get("/Resources"))
            elif obj.get("/Subtype") == "/Image":
                spaces.add(str(obj.get("/ColorSpace")).lstrip("/"))

    for page in reader.pages:
        scan(page.get_contents().get_data())
        xobjects(page.get("/Resources"))
    return ops, spaces


def struct_elements(reader: pypdf.PdfReader) -> list[dict]:
    """Every structure element of the tag tree (dicts with /S, /Alt, /K …)."""
    root = reader.trailer["/Root"].get("/StructTreeRoot")
    out: list[dict] = []

    def walk(node: object) -> None:
        node = node.get_object() if hasattr(node, "get_object") else node
        if isinstance(node, pypdf.generic.ArrayObject):
            for child in node:
                walk(child)
        elif isinstance(node, pypdf.generic.DictionaryObject):
            if "/S" in node:
                out.append(node)
            if "/K" in node:
                walk(node["/K"])

    if root is not None:
        walk(root.get_object().get("/K"))
    return out


def zbar(png: Path) -> list[str]:
    result = subprocess.run(
        ["zbarimg", "--quiet", "--raw", str(png)], capture_output=True, text=True, check=False
    )
    return [line for line in result.stdout.splitlines() if line]


def rasterise(pdf: Path, page: int, dpi: int, out: Path) -> Path:
    subprocess.run(
        [
            "pdftoppm",
            "-r",
            str(dpi),
            "-f",
            str(page + 1),
            "-l",
            str(page + 1),
            "-png",
            "-singlefile",
            str(pdf),
            str(out),
        ],
        check=True,
    )
    return out.with_suffix(".png")


@dataclass(frozen=True)
class FilledPage:
    """A page after typing into its first form widget, as pdfium (Chromium's viewer) does."""

    widgets: tuple[tuple[float, float, float, float], ...]  # (left, bottom, right, top) pt
    values: tuple[str, ...]  # each widget's field value after typing
    before: object  # PIL image of the page as printed before typing
    after: object  # … and after
    scale: float
    height: float  # page height in pt


def fill_first_field(path: Path, text: str, scale: float = 2) -> list[FilledPage]:
    """Pages with form widgets, after focusing the first widget and typing ``text`` into it
    through pdfium's form API (what Chromium's built-in viewer calls), rendered for print."""
    pdf = pdfium.PdfDocument(path)
    pdf.init_forms()
    form = pdf.formenv.raw
    pages = []
    for index in range(len(pdf)):
        page = pdf[index]
        pdfium_c.FORM_OnAfterLoadPage(page.raw, form)
        annots = []
        for k in range(pdfium_c.FPDFPage_GetAnnotCount(page.raw)):
            annot = pdfium_c.FPDFPage_GetAnnot(page.raw, k)
            if pdfium_c.FPDFAnnot_GetSubtype(annot) == pdfium_c.FPDF_ANNOT_WIDGET:
                rect = pdfium_c.FS_RECTF()
                pdfium_c.FPDFAnnot_GetRect(annot, rect)
                annots.append((annot, (rect.left, rect.bottom, rect.right, rect.top)))
        if not annots:
            continue
        before = page.render(scale=scale, may_draw_forms=True, optimize_mode="print").to_pil()
        assert pdfium_c.FORM_SetFocusedAnnot(form, annots[0][0])
        typed = ctypes.create_string_buffer((text + "\x00").encode("utf-16-le"))
        pdfium_c.FORM_ReplaceSelection(form, page.raw, ctypes.cast(typed, pdfium_c.FPDF_WIDESTRING))
        pdfium_c.FORM_ForceToKillFocus(form)
        values = []
        for annot, _ in annots:
            n = pdfium_c.FPDFAnnot_GetFormFieldValue(form, annot, None, 0)
            buf = ctypes.create_string_buffer(n)
            pdfium_c.FPDFAnnot_GetFormFieldValue(
                form, annot, ctypes.cast(buf, ctypes.POINTER(pdfium_c.FPDF_WCHAR)), n
            )
            values.append(buf.raw[: n - 2].decode("utf-16-le"))
        after = page.render(scale=scale, may_draw_forms=True, optimize_mode="print").to_pil()
        pages.append(
            FilledPage(
                tuple(r for _, r in annots), tuple(values), before, after, scale, page.get_height()
            )
        )
    return pages
