"""Render a material's HTML/CSS with WeasyPrint, reproducibly, and check that its text fits.

Two PDF flavours come out of one template:

- ``screen``: PDF/UA-1 (tagged, ``/Lang``, title shown, the QR a Figure with alt text, the
  address a link, a fillable "Local contact" field), RGB, at trim size — for screens and
  home or office printers;
- ``print``: PDF/X-4 with a CMYK output intent (the project's own profile, built from FOGRA39
  data, see ``profile/README.md``), every colour ``device-cmyk()``, text 100 % K, 3 mm bleed
  and crop marks — for print shops.

Reproducibility: WeasyPrint writes a random XMP DocumentID and derives font subset prefixes
from the font alone. Both are made to derive from the document's content here (one salt
per document), so the same job gives the same bytes and two fonts or two documents never
share a subset prefix. Dates come from the job (the content's last commit).
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from ..model.locales import SOURCE_LANGUAGE

BLEED_PT = 3 * 72 / 25.4  # the 3 mm bleed of print-shop files, in PDF points
MARKS_MM = 9  # CSS bleed: the 3 mm bleed plus room for the crop marks outside it
TEMPLATES = Path(__file__).resolve().parent / "templates"
PROFILE = Path(__file__).resolve().parent / "profile" / "puebla-fogra39.icc"


class Overflow(Exception):
    """A text does not fit its place in the layout (measured from WeasyPrint's boxes)."""

    def __init__(self, field: str, reason: str):
        self.field = field
        self.reason = reason
        super().__init__(f"{field}: {reason}")


@dataclass(frozen=True)
class Rendered:
    pdf: bytes
    page_count: int


def url_fetcher(allowed: tuple[Path, ...], document: str) -> Callable[..., Any]:
    """The guarded fetcher of issue 14: only the package (templates, profile), the font
    instances in ``allowed`` and checked ``data:`` images; never the network, never a
    partner's file as sent."""
    from ..untrusted import weasyprint_url_fetcher

    return weasyprint_url_fetcher(extra=(PROFILE, *allowed), document=document)


@contextmanager
def _reproducible(salt: bytes) -> Iterator[None]:
    """Content-derived XMP ids and font subset prefixes while one document is written."""
    import builtins

    import weasyprint.pdf as wp_pdf
    from weasyprint.pdf import fonts as wp_fonts
    from weasyprint.pdf import metadata as wp_metadata

    counter = iter(range(1_000_000))

    def fixed_uuid4() -> uuid.UUID:
        digest = hashlib.sha256(salt + str(next(counter)).encode()).digest()
        return uuid.UUID(bytes=digest[:16], version=4)

    def salted_md5(data: bytes = b"", **kwargs: Any) -> Any:
        return hashlib.md5(salt + data, **kwargs)

    def bleed_box(_limit: float, bleed: float) -> float:
        # WeasyPrint puts the PDF BleedBox at min(10 pt, CSS bleed) from the trim; the CSS
        # bleed here is wider (room for crop marks outside the bleed), the BleedBox 3 mm.
        return builtins.min(BLEED_PT, bleed)

    import pydyf

    original_data = pydyf.Stream.data

    def stream_data(self: Any) -> bytes:
        # pydyf compresses every stream at level 9 each time its data is asked for, and a
        # PDF with an identifier asks twice: compress once, at level 6.
        cached = self.__dict__.get("_puebla_data")
        if cached is None:
            cached = _stream_data(self)
            self.__dict__["_puebla_data"] = cached
        return cached

    saved = wp_metadata.uuid4, wp_fonts.md5
    wp_metadata.uuid4, wp_fonts.md5 = fixed_uuid4, salted_md5
    saved_tree = _tag_languages()
    wp_pdf.min = bleed_box  # only the BleedBox computation calls min() in that module
    pydyf.Stream.data = property(stream_data)
    try:
        yield
    finally:
        pydyf.Stream.data = original_data
        wp_metadata.uuid4, wp_fonts.md5 = saved
        from weasyprint.pdf import tags as wp_tags

        wp_tags._build_box_tree = saved_tree
        del wp_pdf.min


def _tag_languages() -> Any:
    """Give a structure element the ``/Lang`` of its HTML element's ``lang`` (WeasyPrint 70
    writes only the document's): a K'iche' quotation on a Spanish poster is read as K'iche'
    (PDF/UA-1, 7.2: changes of natural language are declared). Returns the original."""
    import pydyf
    from weasyprint.pdf import tags as wp_tags

    original = wp_tags._build_box_tree

    def build(box: Any, *args: Any) -> Iterator[Any]:
        element = getattr(box, "element", None)
        lang = None
        if element is not None and getattr(box, "element_tag", None) not in (None, "html", "body"):
            lang = element.get("lang")
        for struct in original(box, *args):
            if lang and "Lang" not in struct:
                struct["Lang"] = pydyf.String(lang)
            yield struct

    wp_tags._build_box_tree = build
    return original


_BIG_STREAM = 64 * 1024
_DEFLATED: dict[bytes, bytes] = {}


def _deflate(data: bytes) -> bytes:
    """zlib level 6 of a large stream, once per process and content: the fillable field
    makes WeasyPrint embed the whole font (not a subset) in every home-print file, and
    compressing the same ~0.5 MB again was ~5 % of a flyer. A few entries are kept (the
    font files); other large streams are unique to their document."""
    import zlib

    digest = hashlib.sha256(data).digest()
    packed = _DEFLATED.get(digest)
    if packed is None:
        packed = zlib.compress(data, 6)
        if len(_DEFLATED) >= 8:
            _DEFLATED.pop(next(iter(_DEFLATED)))
        _DEFLATED[digest] = packed
    return packed


def _stream_data(stream: Any) -> bytes:
    """pydyf's ``Stream.data`` with zlib level 6 (pydyf 0.13)."""
    import zlib

    import pydyf

    data = b"\n".join(pydyf._to_bytes(item) for item in stream.stream)
    extra = pydyf.Dictionary(stream.extra.copy())
    if stream.compress:
        extra["Filter"] = "/FlateDecode"
        data = _deflate(data) if len(data) >= _BIG_STREAM else zlib.compress(data, 6)
    extra["Length"] = len(data)
    return b"\n".join((extra.data, b"stream", data, b"endstream"))


def font_face_css(regular: str, bold: str) -> str:
    """``@font-face`` rules for the static Noto Sans instances (~10× faster than variable)."""
    return "".join(
        f"@font-face {{ font-family: 'Puebla Sans'; font-weight: {w}; "
        f"src: url('{Path(p).resolve().as_uri()}'); }}\n"
        for w, p in ((400, regular), (700, bold))
    )


def profile_css() -> str:
    return (
        "@color-profile device-cmyk { src: url('" + PROFILE.as_uri() + "'); "
        "components: cyan, magenta, yellow, black; }\n"
    )


def stylesheet_text(name: str) -> str:
    """The text of ``templates/<name>`` (for a page that inlines it, e.g. a test page)."""
    return (TEMPLATES / name).read_text(encoding="utf-8")


def stylesheet(name: str) -> Any:
    """``templates/<name>`` parsed once per process and text (parsing took 15–20 % of a
    document); an edited file (``make serve`` keeps its workers) is parsed anew.

    The designs' stylesheets define no fonts, colours, variables, page rules or URLs (all of
    those are per document, in the document's own ``<style>``), so one parsed copy serves
    every document. WeasyPrint gives stylesheets passed this way the user origin: below
    the document's own rules, above the browser defaults, as before.
    """
    return _parsed(name, stylesheet_text(name))


@lru_cache(maxsize=32)
def _parsed(name: str, text: str) -> Any:
    from weasyprint import CSS

    return CSS(string=text, base_url=str(TEMPLATES) + "/", url_fetcher=url_fetcher((), name))


@cache
def font_config() -> Any:
    """One WeasyPrint font configuration per process, shared by every document.

    Creating one loads the system's font list, and every document's ``@font-face`` rules
    then copy the font instances into a new temporary folder: 15–20 ms of a 100 ms link
    preview. The rules are the same in every document (the static Noto Sans instances);
    WeasyPrint keys each added face by its descriptors and skips one it has, and Pango's
    shaping caches stay warm from one document to the next. Output is unchanged (same
    fonts, same subsets).
    """
    import atexit

    from weasyprint.text.fonts import FontConfiguration

    config = FontConfiguration()
    # Its __del__ removes its folder of copied fonts, but a cached object may never be
    # collected: remove the folder when the process exits (workers exit through sys.exit).
    atexit.register(_remove_folder, config)
    return config


def _remove_folder(config: Any) -> None:
    """Remove the configuration's folder now, and tell its __del__ (run at interpreter
    teardown, when ``shutil`` may be gone already) that nothing is left to remove."""
    import shutil

    if config._folder:
        shutil.rmtree(config._folder, ignore_errors=True)
        config._folder = None


def render_html(
    html: str,
    flavour: str,
    salt: str,
    checks: Callable[[Any], None],
    allowed: tuple[Path, ...] = (),
    document: str = "material",
    prepare: Callable[[Any], None] | None = None,
    css: tuple[str, ...] = (),
) -> Rendered:
    """Lay out ``html``, run ``checks`` on the laid-out document, then ``prepare`` (e.g.
    the copies of a sheet's item, ``impose.repeat_items``), then write the PDF."""
    from weasyprint import HTML

    from ..untrusted import fetch_refused_class
    from .impose import merge_fields

    options: dict[str, Any] = {"uncompressed_pdf": False}
    if flavour == "print":
        options.update(pdf_variant="pdf/x-4", pdf_forms=False)
    elif flavour == "screen":
        options.update(pdf_variant="pdf/ua-1", pdf_forms=True)
    else:  # "raster": only rasterised to PNG, never published as PDF
        # Nobody downloads this PDF: compressing it only to have pdfium inflate it again
        # was a tenth of a link preview. The pixels are the same.
        options.update(pdf_forms=False, uncompressed_pdf=True)
    refused = fetch_refused_class()
    fetcher = url_fetcher(allowed, document)
    try:
        sheets = [stylesheet(name) for name in ("identity.css", *css)]
        laid_out = HTML(string=html, base_url=str(TEMPLATES) + "/", url_fetcher=fetcher).render(
            stylesheets=sheets, font_config=font_config(), **options
        )
        checks(laid_out)
        if prepare is not None:
            prepare(laid_out)
        with _reproducible(hashlib.sha256(salt.encode() + flavour.encode()).digest()):
            pdf = laid_out.write_pdf(finisher=merge_fields, **options)
    except refused as exc:
        raise exc.as_content_error() from None
    return Rendered(pdf, len(laid_out.pages))


# --- Measuring the layout -----------------------------------------------------------------


def _walk(box: Any) -> Iterator[Any]:
    yield box
    for child in getattr(box, "children", ()) or ():
        yield from _walk(child)


def _field(box: Any) -> str | None:
    element = getattr(box, "element", None)
    return None if element is None else element.get("data-field")


def _text_of(box: Any) -> str:
    return "".join(getattr(b, "text", "") for b in _walk(box) if type(b).__name__ == "TextBox")


def check_fit(document: Any, pages: int) -> None:
    """Fail when a ``[data-fit]`` region's content reaches past its bottom or right edge,
    when a ``[data-oneline]`` text takes more than one line, or when the document has more
    pages than its design. The error names the field and about how many characters to cut.
    """
    for page in document.pages:
        for box in _walk(page._page_box):
            element = getattr(box, "element", None)
            if element is None or getattr(box, "element_tag", None) is None:
                continue
            if element.get("data-fit") is not None and type(box).__name__ != "TextBox":
                _check_region(box)
            if element.get("data-oneline") is not None and type(box).__name__ in (
                "BlockBox",
                "InlineBlockBox",
            ):
                lines = [b for b in box.children if type(b).__name__ == "LineBox"]
                name = element.get("data-field") or "text"
                right = box.content_box_x() + box.width
                ends = [b.position_x + b.width for b in _walk(box) if type(b).__name__ == "TextBox"]
                if ends and max(ends) > right + 0.5:
                    text = _text_of(box)
                    over = max(ends) - right
                    cut = max(1, round(len(text) * over / (max(ends) - box.content_box_x())) + 1)
                    raise Overflow(
                        name,
                        f"'{text}' is {over * 25.4 / 96:.1f} mm too wide for its one line: "
                        f"cut about {cut} characters",
                    )
                if len(lines) > 1:
                    text = _text_of(box)
                    width = box.width
                    used = sum(line.width for line in lines)
                    cut = max(1, round(len(text) * (1 - width / used)) + 1) if used else 1
                    raise Overflow(
                        name,
                        f"'{text}' must fit on one line: cut about {cut} characters",
                    )
    # Regions first: a text that overflows its region is named even when it also pushes
    # other text onto an extra page.
    if len(document.pages) > pages:
        # Name the field that takes the most lines in the whole document (the long one).
        counts: dict[str, int] = {}
        for pg in document.pages:
            for b in _walk(pg._page_box):
                if (f := _field(b)) and type(b).__name__ != "TextBox":
                    n = sum(1 for x in _walk(b) if type(x).__name__ == "LineBox")
                    counts[f] = counts.get(f, 0) + n
        field = max(counts, key=lambda f: counts[f]) if counts else "text"
        spilled = sum(len(_text_of(pg._page_box)) for pg in document.pages[pages:])
        raise Overflow(
            field,
            f"the text runs onto an extra page ({len(document.pages)} pages instead of "
            f"{pages}): cut about {max(1, spilled)} characters",
        )


def _check_region(region: Any) -> None:
    bottom = region.content_box_y() + region.height
    right = region.content_box_x() + region.width
    lines = [b for b in _walk(region) if type(b).__name__ == "LineBox"]
    if not lines:
        return
    lowest = max(line.position_y + line.height for line in lines)
    widest = max(
        (b.position_x + b.width for b in _walk(region) if type(b).__name__ == "TextBox"),
        default=right,
    )
    over_y, over_x = lowest - bottom, widest - right
    if over_y <= 0.5 and over_x <= 0.5:
        return
    # The field to name: of the fields in the region, the one that takes the most lines
    # (a long translation pushes the others out; naming the pushed one would mislead).
    counts: dict[str, int] = {}
    for b in _walk(region):
        if (f := _field(b)) and type(b).__name__ != "TextBox":
            counts[f] = max(
                counts.get(f, 0), sum(1 for x in _walk(b) if type(x).__name__ == "LineBox")
            )
    culprit_name = max(counts, key=lambda f: counts[f]) if counts else None
    name = culprit_name or region.element.get("data-fit") or "text"
    text = _text_of(region)
    used = lowest - region.content_box_y()
    if over_y > 0.5:
        share = over_y / used if used else 1
        what = f"{over_y * 25.4 / 96:.1f} mm too tall"
    else:
        share = over_x / (widest - region.content_box_x())
        what = f"{over_x * 25.4 / 96:.1f} mm too wide"
    cut = max(1, round(len(text) * share) + 1)
    raise Overflow(name, f"{what} for its space: cut about {cut} characters")


def lang_attr(lang: str) -> str:
    """BCP 47 tag for ``lang=`` (also picks the hyphenation dictionary)."""
    return lang if lang != SOURCE_LANGUAGE else "en"
