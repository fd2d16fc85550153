"""The guarded door: a clean logo passes and renders; the sandbox and the fetcher hold.

The clean logo is rendered by WeasyPrint through the guarded url_fetcher into a real PDF,
which is rasterised by poppler's ``pdftoppm`` and looked at: the logo's colours are there.
"""

from __future__ import annotations

import base64
import io
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PIL import Image

from puebla.errors import ContentError
from puebla.model.partners import load_partner, load_partners, partner_path
from puebla.untrusted import (
    RefusedFile,
    clean_svg_bytes,
    fetch_refused_class,
    run_sandboxed,
    weasyprint_url_fetcher,
)
from puebla.untrusted.fetcher import font_package_dir
from puebla.untrusted.svg import SVG_NS
from sitekit import ROOT

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "partners"
CLEAN = FIXTURES / "clean" / "fixture-shelter.yml"
LANGUAGES = ["en", "es", "fr", "ht"]
LOGO_BLUE = (0x0B, 0x4F, 0x6C)


def _render(html: str, **fetcher_args: object) -> bytes:
    from weasyprint import HTML

    fetcher = weasyprint_url_fetcher(document="test.html", **fetcher_args)  # type: ignore[arg-type]
    return HTML(string=html, base_url=str(ROOT) + "/", url_fetcher=fetcher).write_pdf()


def _raster(pdf: bytes, tmp: Path) -> Image.Image:
    (tmp / "out.pdf").write_bytes(pdf)
    subprocess.run(
        ["pdftoppm", "-r", "50", "-png", "-singlefile", str(tmp / "out.pdf"), str(tmp / "out")],
        check=True,
    )
    return Image.open(tmp / "out.png").convert("RGB")


def _has_colour(image: Image.Image, rgb: tuple[int, int, int], tolerance: int = 12) -> int:
    return sum(
        count
        for count, pixel in image.getcolors(maxcolors=1 << 20) or []
        if all(abs(a - b) <= tolerance for a, b in zip(pixel, rgb, strict=True))
    )


def test_a_clean_svg_logo_passes_and_renders_through_the_guarded_fetcher(tmp_path: Path) -> None:
    partner = load_partner(CLEAN, LANGUAGES)
    assert partner.logo is not None and partner.logo.mime == "image/svg+xml"
    assert partner.lines[0].source_title and partner.lines[0].checked
    html = f'<body style="margin:0"><img src="{partner.logo.data_uri()}" style="width:10cm"></body>'
    page = _raster(_render(html), tmp_path)
    assert _has_colour(page, LOGO_BLUE) > 200, "the logo's blue is on the rendered page"
    blank = _raster(_render('<body style="margin:0"><p>&nbsp;</p></body>'), tmp_path)
    assert _has_colour(blank, LOGO_BLUE) == 0


def test_the_example_partner_file_loads_and_stays_unpublished() -> None:
    partner = load_partner(partner_path(ROOT, "example-shelter"))
    assert partner.publish is False
    assert partner.lines == (), "the example lists no number: numbers are never invented"
    assert partner.logo is not None
    assert [p.id for p in load_partners(ROOT)] == ["example-shelter"]


def test_the_cleaned_svg_keeps_shapes_and_drops_editor_metadata() -> None:
    source = (
        f'<svg xmlns="{SVG_NS}" xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" '
        'viewBox="0 0 10 10" inkscape:version="1.2"><metadata><x/></metadata>'
        '<sodipodi:namedview xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd"/>'
        '<rect width="10" height="10" fill="#0b4f6c" data-x="1"/></svg>'
    ).encode()
    clean = ET.fromstring(clean_svg_bytes(source, "logo.svg").data)
    tags = [el.tag for el in clean.iter()]
    assert tags == [f"{{{SVG_NS}}}svg", f"{{{SVG_NS}}}rect"]
    assert clean[0].attrib == {"width": "10", "height": "10", "fill": "#0b4f6c"}
    assert all("inkscape" not in k for k in clean.attrib)


def _png(size: tuple[int, int]) -> str:
    buf = io.BytesIO()
    Image.new("1", size, 1).save(buf, format="PNG")
    return base64.b64encode(buf.getvalue()).decode()


@pytest.mark.parametrize(
    ("body", "words"),
    [
        ('<use href="#a"/><g id="a"><use href="#a"/></g>', "loop"),
        (
            '<g id="l0"><rect/><rect/><rect/><rect/><rect/><rect/><rect/><rect/><rect/><rect/></g>'
            + "".join(
                f'<g id="l{i}">' + f'<use href="#l{i - 1}"/>' * 10 + "</g>" for i in range(1, 7)
            ),
            "shapes once its <use>",
        ),
        ('<image href="data:image/png;base64,' + _png((9000, 9000)) + '"/>', "9000 × 9000"),
        ('<a href="javascript:alert(1)"><rect/></a>', "points outside"),
        ('<style>@import url("https://fonts.example/x.css");</style>', "@import"),
        ('<rect fill="u\\72l(http://x.example/)"/>', "escape"),
        ('<image href="logo.png"/>', "a file path"),
        ('<rect style="' + "fill:url(" * 50_000 + '"/>', "cannot be checked"),
        ('<rect style="fill:url( http://x.example/a b )"/>', "cannot be checked"),
        (
            '<foreignObject><p xmlns="http://www.w3.org/1999/xhtml">x</p></foreignObject>',
            "foreignObject",
        ),
    ],
)
def test_svg_tricks_are_refused_by_name(body: str, words: str) -> None:
    source = f'<svg xmlns="{SVG_NS}" viewBox="0 0 10 10">{body}</svg>'.encode()
    with pytest.raises(RefusedFile) as refused:
        clean_svg_bytes(source, "partners/tricky.svg")
    assert "partners/tricky.svg" in refused.value.format()
    assert words in refused.value.format()


def test_a_small_embedded_png_is_kept() -> None:
    source = f'<svg xmlns="{SVG_NS}" viewBox="0 0 10 10"><image href="data:image/png;base64,{_png((4, 4))}" width="10" height="10"/></svg>'
    assert b"data:image/png;base64," in clean_svg_bytes(source.encode(), "logo.svg").data


@pytest.mark.parametrize(
    ("src", "words"),
    [
        ("http://tracker.example/pixel.png", "http addresses are never loaded"),
        ("https://tracker.example/pixel.png", "https addresses are never loaded"),
        ("ftp://tracker.example/pixel.png", "ftp addresses are never loaded"),
        ("file:///etc/passwd", "/etc/passwd is outside the project"),
        ("../../../../../../etc/hostname", "/etc/hostname is outside the project"),
        ("partners/example-shelter.svg", "partner's file as sent"),
        ("data:text/html,<b>x</b>", "only PNG, JPEG and SVG images"),
    ],
)
def test_the_fetcher_refuses_everything_but_the_project_by_name(src: str, words: str) -> None:
    refused_class = fetch_refused_class()
    with pytest.raises(refused_class) as refused:
        _render(f'<img src="{src}">')
    text = refused.value.problem.format()
    assert "test.html" in text and words in text and "How to fix:" in text, text
    assert isinstance(refused.value.as_content_error(), ContentError)


def test_the_fetcher_serves_project_files_and_the_font_package(tmp_path: Path) -> None:
    from pypdf import PdfReader

    fonts = font_package_dir()
    assert fonts is not None
    font = next(fonts.rglob("*.ttf"))
    logo = (FIXTURES / "clean" / "fixture-shelter.svg").relative_to(ROOT).as_posix()
    pdf = _render(
        f"<style>@font-face {{ font-family: PueblaTest; src: url('{font.as_uri()}'); }}"
        "body { font-family: PueblaTest; margin: 0 }</style>"
        f'<p>Hola</p><img src="{logo}" style="width:10cm">'
    )
    page = PdfReader(io.BytesIO(pdf)).pages[0]
    names = [str(f.get_object()["/BaseFont"]) for f in page["/Resources"]["/Font"].values()]
    # The @font-face font (fetched from the font package) is the one embedded.
    assert names and all("+PueblaTest" in n for n in names), names
    assert _has_colour(_raster(pdf, tmp_path), LOGO_BLUE) > 200


@pytest.mark.parametrize(
    ("kind", "words"),
    [
        ("memory", "more than 1 GiB of memory"),
        ("crash", "stopped (signal 6)"),
        ("hang", "longer than 2 s"),
        ("network", "socket."),
        ("read", "reading /etc/hostname is not allowed"),
    ],
)
def test_a_misbehaving_reader_ends_in_a_clear_error(kind: str, words: str) -> None:
    with pytest.raises(RefusedFile) as refused:
        run_sandboxed("probe", Path(f"partners/{kind}.yml"), {"kind": kind}, timeout=2)
    text = refused.value.format()
    assert f"partners/{kind}.yml" in text and words in text, text


_LINE = (
    "lines:\n  - number: '1-833-900-1010'\n    channels: [call]\n    label: {en: Hotline}\n"
    "    checked: '2026-11'\n"
)


@pytest.mark.parametrize(
    ("extra", "field", "words"),
    [
        (_LINE, "lines[0].source", "no source"),
        (
            _LINE.replace("label: {en: Hotline}", "label: {fr: Ligne}"),
            "lines[0].label.en",
            "missing",
        ),
        (
            _LINE.replace("'2026-11'", "soon") + "    source: {title: T}\n",
            "lines[0].checked",
            "date",
        ),
        ("languages: [en, pt]\n", "languages", "unknown language 'pt'"),
        ("logo: missing.svg\n", "logo", "does not exist"),
        ("logo: broken.png\n", "logo", "cannot be read as PNG"),
        ("publsh: true\n", "publsh", "unknown field"),
    ],
)
def test_bad_partner_files_name_the_file_and_field(
    tmp_path: Path, extra: str, field: str, words: str
) -> None:
    (tmp_path / "broken.png").write_bytes(b"\x89PNG\r\n\x1a\n not really")
    body = "name: N\npublish: false\n"
    if not extra.startswith("languages:"):
        body += "languages: [en]\n"
    path = tmp_path / "bad-partner.yml"
    path.write_text(body + extra, encoding="utf-8")
    with pytest.raises(ContentError) as failed:
        load_partner(path, LANGUAGES)
    text = failed.value.format()
    assert "bad-partner.yml" in text and f"[{field}]" in text and words in text, text


def test_same_file_references_are_kept() -> None:
    source = (
        f'<svg xmlns="{SVG_NS}" viewBox="0 0 1 1"><defs><linearGradient id="g"/></defs>'
        '<rect style="fill: url( #g )" stroke="url(\'#g\')"/><use href="#g"/>'
        '<style>.a { fill: url("#g") }</style></svg>'
    ).encode()
    clean = clean_svg_bytes(source, "logo.svg").data.decode()
    for kept in ("fill: url( #g )", "url('#g')", 'href="#g"', 'url("#g")'):
        assert kept in clean, clean
