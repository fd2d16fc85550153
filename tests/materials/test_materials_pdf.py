"""The PDFs as a print shop, a screen reader and a reader meet them, every campaign × language."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import page
import pypdf
import pytest
from materials_helpers import (
    Rendered,
    campaign_url,
    item_url,
    pdftotext,
    squash,
    translated,
    udhr_only,
    words_lang,
)
from pdf_reading import (
    bbox_lines,
    chars,
    colour_operators,
    fill_first_field,
    page_text,
    rasterise,
    sizes_of,
    struct_elements,
    zbar,
)

from puebla.materials.adapters import short_address
from puebla.model.helplines import select_printable
from puebla.model.project import Project

PRINT = ("poster-letter-print.pdf", "poster-a4-print.pdf", "flyer-half-letter-print.pdf",
         "flyer-a5-print.pdf", "card-print.pdf")  # fmt: skip
SCREEN = ("poster-letter.pdf", "poster-a4.pdf", "flyer-half-letter.pdf", "flyer-a5.pdf",
          "flyer-2up-letter.pdf", "flyer-2up-a4.pdf", "card-sheet-letter.pdf",
          "card-sheet-a4.pdf")  # fmt: skip
# Home-print sheets repeat their item: one widget of the one field per item.
SHEET_ITEMS = {"flyer-2up-letter.pdf": 2, "flyer-2up-a4.pdf": 2, "card-sheet-letter.pdf": 8,
               "card-sheet-a4.pdf": 8}  # fmt: skip
BLEED_PT = 3 * 72 / 25.4
MIN_NUMBER_PT = {"poster": 28, "flyer": 20, "card": 9}
CARD_NOTE_PT = 7


def _files(rendered: Rendered, names: tuple[str, ...]) -> list:
    return [f for f in rendered.files if f.filename in names]


def _numbers(project: Project, lang: str, family: str) -> list[str]:
    """The numbers the material must print: what the help-line selection allows today."""
    selection = select_printable(
        project.help,
        project.locales[lang],
        project.today,
        min_confidence="medium" if family == "poster" else "high",
    )
    return [line.channels[0].value for line in selection.lines]


def test_every_campaign_and_language_has_every_pdf(rendered: Rendered, project: Project) -> None:
    for lang, cid in translated(project):
        names = {f.filename for f in rendered.files if (f.lang, f.campaign) == (lang, cid)}
        assert {*PRINT, *SCREEN} <= names, (lang, cid)
    for lang, cid in udhr_only(project):  # the rights card and poster only
        names = {f.filename for f in rendered.files if (f.lang, f.campaign) == (lang, cid)}
        wanted = {n for n in (*PRINT, *SCREEN) if n.startswith(("poster", "card"))}
        assert wanted <= names and not {n for n in names if n.startswith("flyer")}, (lang, cid)


def test_print_shop_files_are_pdf_x4_in_cmyk(rendered: Rendered) -> None:
    for item in _files(rendered, PRINT):
        data = item.path.read_bytes()
        reader = pypdf.PdfReader(item.path)
        root = reader.trailer["/Root"]
        xmp = root["/Metadata"].get_object().get_data().decode("utf-8")
        assert "<pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>" in xmp, item.url_path
        intents = root["/OutputIntents"]
        assert len(intents) == 1 and intents[0]["/S"] == "/GTS_PDFX", item.url_path
        profile = intents[0]["/DestOutputProfile"].get_object()
        assert profile["/N"] == 4, "the output intent is not a CMYK profile"
        assert profile.get_data()[16:20] == b"CMYK", item.url_path
        ops, spaces = colour_operators(reader)
        assert not ops & {"rg", "RG"}, f"{item.url_path}: RGB colour operators {ops}"
        assert not {s for s in spaces if "RGB" in s}, f"{item.url_path}: RGB colour {spaces}"
        assert b"/DeviceRGB" not in data or "RGB" not in str(spaces)


def test_print_shop_text_is_pure_black_or_knocked_out(rendered: Rendered) -> None:
    """Every glyph is painted in 100 % K or paper white (text in the band), never CMY black."""
    for item in _files(rendered, PRINT):
        reader = pypdf.PdfReader(item.path)
        for pg in reader.pages:
            stream = pg.get_contents().get_data().decode("latin1")
            fill = None
            for token in re.finditer(r"([-\d.\s]+)\s(scn|k)\b|\b(Tj|TJ)\b|(/\w+)\s+cs\b", stream):
                if token.group(2):
                    values = tuple(float(v) for v in token.group(1).split()[-4:])
                    fill = values
                elif token.group(3):
                    assert fill in {(0, 0, 0, 1), (0, 0, 0, 0)}, (item.url_path, fill)


def test_trim_box_and_3_mm_bleed_box_on_every_print_page(rendered: Rendered) -> None:
    for item in _files(rendered, PRINT):
        for pg in pypdf.PdfReader(item.path).pages:
            trim = [float(v) for v in pg.trimbox]
            bleed = [float(v) for v in pg.bleedbox]
            media = [float(v) for v in pg.mediabox]
            expected = [trim[0] - BLEED_PT, trim[1] - BLEED_PT, trim[2] + BLEED_PT,
                        trim[3] + BLEED_PT]  # fmt: skip
            assert bleed == pytest.approx(expected, abs=0.01), item.url_path
            # room for the crop marks outside the bleed
            assert media[0] < bleed[0] - 8 and media[2] > bleed[2] + 8, item.url_path


def test_crop_marks_sit_outside_the_bleed(rendered: Rendered, tmp_path: Path) -> None:
    """Dark pixels at the corners, between the bleed box and the media box edge."""
    from PIL import Image

    item = _files(rendered, ("card-print.pdf",))[0]
    png = rasterise(item.path, 0, 150, tmp_path / "card")
    with Image.open(png) as image:
        grey = image.convert("L")
        # pdftoppm renders the media box; the trim starts 9 mm in, the bleed 6 mm in.
        px = 150 / 25.4
        corner = grey.crop((0, 0, round(5.5 * px), round(9 * px + 2)))
        assert min(corner.getdata()) < 80, "no crop mark at the top-left corner"


def test_home_print_pdfs_are_tagged_pdf_ua(rendered: Rendered, project: Project) -> None:
    for item in _files(rendered, SCREEN):
        reader = pypdf.PdfReader(item.path)
        root = reader.trailer["/Root"]
        assert "/StructTreeRoot" in root, item.url_path
        assert root["/MarkInfo"]["/Marked"] is True or root["/MarkInfo"]["/Marked"] == True  # noqa: E712
        expected_lang = words_lang(project, item.lang)  # es on a K'iche' card
        assert str(root["/Lang"]) == expected_lang, item.url_path
        assert root["/ViewerPreferences"]["/DisplayDocTitle"] is True or bool(
            root["/ViewerPreferences"]["/DisplayDocTitle"]
        )
        assert reader.metadata and reader.metadata.title, item.url_path
        figures = [e for e in struct_elements(reader) if e["/S"] == "/Figure"]
        address = short_address(item_url(project, item))
        assert figures and all(str(e.get("/Alt", "")).strip() for e in figures), item.url_path
        assert any(address in str(e["/Alt"]) for e in figures), (item.url_path, "QR alt")
        links = [
            a.get_object()
            for pg in reader.pages
            for a in pg.get("/Annots", [])
            if a.get_object().get("/Subtype") == "/Link"
        ]
        assert links, f"{item.url_path}: the address is not a link"
        assert {str(a["/A"]["/URI"]) for a in links} == {item_url(project, item)}


def test_home_print_pdfs_pass_the_pdf_ua_1_rules(rendered: Rendered) -> None:
    failures = {}
    for item in _files(rendered, SCREEN):
        report = page.validate_pdf(str(item.path), profile="ua1")
        if not report.is_compliant:
            failures[item.url_path] = sorted({f.rule_id for f in report.failures})
    assert not failures, failures


def test_home_print_pdfs_have_one_fillable_local_contact_field(
    rendered: Rendered, project: Project
) -> None:
    """One field per file; on a sheet, one widget per item (typed once, printed on each)."""
    for item in _files(rendered, SCREEN):
        reader = pypdf.PdfReader(item.path)
        fields = reader.get_fields() or {}
        assert len(fields) == 1, (item.url_path, list(fields))
        field = next(iter(fields.values()))
        assert field.get("/FT") == "/Tx", item.url_path
        assert str(field.get("/TU")) == project.locales[item.lang].t("materials_local_contact")
        widgets = [
            tuple(round(float(v)) for v in a.get_object()["/Rect"])
            for pg in reader.pages
            for a in pg.get("/Annots", [])
            if a.get_object().get("/Subtype") == "/Widget"
        ]
        assert len(widgets) == SHEET_ITEMS.get(item.filename, 1), (item.url_path, widgets)
        assert len(set(widgets)) == len(widgets), (item.url_path, "two widgets in one place")
    for item in _files(rendered, PRINT):  # print shops get a write-in box, not a field
        assert not pypdf.PdfReader(item.path).get_fields()


def test_the_local_contact_fills_and_prints_in_chromium_s_pdfium(rendered: Rendered) -> None:
    """Typed once in pdfium (Chromium's viewer), the contact is the value of every widget
    and prints inside each of them."""
    text = "Casa 555 0100"
    for item in _files(rendered, SCREEN):
        pages = fill_first_field(item.path, text)
        assert pages, f"{item.url_path}: no form widget"
        for filled in pages:
            assert set(filled.values) == {text}, (item.url_path, filled.values)
            for left, bottom, right, top in filled.widgets:
                box = tuple(
                    round(v * filled.scale)
                    for v in (left, filled.height - top, right, filled.height - bottom)
                )
                ink = [
                    sum(img.crop(box).convert("L").histogram()[:128])  # dark pixels
                    for img in (filled.before, filled.after)
                ]
                assert ink[1] > ink[0] + 50, (item.url_path, box, ink, "typed text not printed")


def test_help_numbers_are_the_hero(rendered: Rendered, project: Project) -> None:
    """Posters ≥ 28 pt, flyer fronts ≥ 20 pt, cards ≥ 9 pt, every printable line present."""
    checks = [
        ("poster", ("poster-letter.pdf", "poster-a4.pdf", "poster-letter-print.pdf"), 0),
        ("flyer", ("flyer-half-letter.pdf", "flyer-a5-print.pdf", "flyer-2up-letter.pdf"), 0),
        ("card", ("card-print.pdf",), 1),
        ("card", ("card-sheet-letter.pdf",), 1),
    ]
    for family, names, page_index in checks:
        for item in _files(rendered, names):
            numbers = _numbers(project, item.lang, family)
            assert numbers
            for number in numbers:
                sizes = sizes_of(item.path, page_index, number)
                assert sizes, f"{item.url_path}: {number} is missing"
                assert min(sizes) >= MIN_NUMBER_PT[family], (item.url_path, number, sizes)


def test_flyer_fronts_label_every_line(rendered: Rendered, project: Project) -> None:
    for item in _files(rendered, ("flyer-half-letter.pdf", "flyer-a5.pdf")):
        # pdfium marks a hyphen at a line end as U+0002
        text = re.sub(r"\s+", "", page_text(item.path, 0).replace("\x02", "-"))
        text = text.replace("’", "'")  # printed with typographic apostrophes
        selection = select_printable(
            project.help, project.locales[item.lang], project.today, min_confidence="high"
        )
        for line in selection.lines:
            label = re.sub(r"\s+", "", line.label).replace("’", "'")
            assert label in text, (item.url_path, line.label)


def test_card_text_is_at_least_7_pt(rendered: Rendered, project: Project) -> None:
    for item in _files(rendered, ("card-print.pdf",)):
        marks = "".join(_marks(project, item))
        for index in (0, 1):
            small = [
                c
                for c in chars(item.path, index)
                if c.text.strip() and c.size < CARD_NOTE_PT and c.text not in marks
            ]
            assert not small, (item.url_path, "".join(c.text for c in small[:40]))


def _marks(project: Project, item) -> list[str]:  # type: ignore[no-untyped-def]
    return ["SAMPLE — set SITE_URL", project.locales[item.lang].t("materials_draft")]


def test_same_font_sizes_in_every_language(rendered: Rendered, project: Project) -> None:
    """One type scale: the sizes used by an item are the same in every language."""
    by_item: dict[tuple[str, str], dict[str, set[float]]] = {}
    for item in _files(rendered, PRINT + SCREEN):
        reader_pages = len(pypdf.PdfReader(item.path).pages)
        sizes = {c.size for p in range(reader_pages) for c in chars(item.path, p) if c.text.strip()}
        by_item.setdefault((item.campaign, item.filename), {})[item.lang] = sizes
    for key, per_lang in by_item.items():
        reference = per_lang["en"]
        for lang, sizes in per_lang.items():
            assert sizes == reference, (key, lang, sorted(sizes ^ reference))


def _field_texts(project: Project, lang: str, cid: str) -> list[str]:
    text = project.campaigns[cid].texts[words_lang(project, lang)]
    return [text.headline, *text.messages, text.call_to_action]


def _words(text: str) -> list[str]:
    text = text.replace("’", "'").replace("\u202f", " ")
    return [w.strip(".,:;!?«»“”\"'()") for w in text.split()]


def test_no_single_word_last_line(rendered: Rendered, project: Project) -> None:
    """The last line of a headline, message or call to action has at least two words."""
    for item in _files(rendered, ("poster-letter.pdf", "poster-a4.pdf", "flyer-a5.pdf")):
        lines = [[w for w in line if w.strip()] for line in bbox_lines(item.path)]
        for field in _field_texts(project, item.lang, item.campaign):
            last = _words(field)[-1]
            ends = [line for line in lines if line and _words(line[-1])[-1] == last]
            assert ends, (item.url_path, field)
            assert all(len(line) >= 2 for line in ends), (item.url_path, field, ends)


def test_the_address_is_never_split(rendered: Rendered, project: Project) -> None:
    for item in _files(rendered, PRINT + SCREEN):
        address = short_address(item_url(project, item))
        lines = [" ".join(line) for line in bbox_lines(item.path)]
        assert any(address in line for line in lines), (item.url_path, address)


def test_typographic_quotes_and_apostrophes(rendered: Rendered, project: Project) -> None:
    """Straight quotes become typographic ones, except in what is quoted as published (the
    Declaration, whose glottal apostrophes are letters) and the name of its language."""
    for item in _files(rendered, ("poster-letter.pdf", "flyer-a5.pdf", "card-print.pdf")):
        text = squash(pdftotext(item.path))
        udhr = project.udhr
        if udhr is not None and item.lang in udhr.texts:
            published_text = udhr.texts[item.lang]
            for article in published_text.articles.values():
                for paragraph in article.paragraphs:
                    text = text.replace(squash(paragraph), "")
            # the text's name as printed: its readers' name ("q'eqchi'": the apostrophe is
            # a letter), else the package's
            shown = project.locales[item.lang].text_name(item.lang, published_text.name)
            text = text.replace(shown, "").replace(published_text.name, "")
        assert "'" not in text and '"' not in text, item.url_path
        if item.lang == "fr":  # narrow no-break space before ? and : (pdfium keeps U+202F)
            pages = len(pypdf.PdfReader(item.path).pages)
            both = "".join(page_text(item.path, i) for i in range(pages))
            assert re.search("\u202f[:;!?]", both), item.url_path


def test_qr_codes_decode_to_the_page_in_the_same_language(
    rendered: Rendered, project: Project, tmp_path: Path
) -> None:
    for item in _files(rendered, ("poster-letter.pdf", "flyer-a5-print.pdf", "card-print.pdf")):
        index = 1 if item.filename == "card-print.pdf" else 0
        png = rasterise(item.path, index, 300, tmp_path / f"{item.lang}-{item.campaign}")
        assert zbar(png) == [item_url(project, item)], item.url_path


def test_placeholder_and_draft_marks(rendered: Rendered, project: Project) -> None:
    """The example domain stamps SAMPLE; unreviewed languages (all but English) say DRAFT."""
    for item in _files(rendered, PRINT + SCREEN):
        text = squash(pdftotext(item.path))
        assert "SAMPLE — set SITE_URL" in text, item.url_path
        draft = project.locales[item.lang].t("materials_draft")
        if item.lang == "en":
            assert draft not in text, item.url_path
        else:
            assert squash(draft) in text, item.url_path


def test_dates_come_from_the_content_s_last_commit(rendered: Rendered, project: Project) -> None:
    for item in _files(rendered, ("poster-letter.pdf", "card-print.pdf")):
        campaign = project.campaigns[item.campaign]
        paths = [campaign.path, project.locales[item.lang].path, project.help.path]
        out = subprocess.run(
            ["git", "log", "-1", "--format=%cI", "--", *map(str, paths)],
            cwd=project.root,
            capture_output=True,
            text=True,
            check=False,
        ).stdout.strip()
        if not out:
            pytest.fail("the project is not a git checkout: cannot check the file dates")
        created = pypdf.PdfReader(item.path).metadata["/CreationDate"]
        assert created.startswith("D:" + re.sub(r"\D", "", out[:19])), (item.url_path, created)


def test_text_comes_in_reading_order(rendered: Rendered, project: Project) -> None:
    """Extracted text (content stream order) follows the visual order: headline, help,
    messages, call to action, address."""
    for item in _files(rendered, ("poster-letter.pdf", "flyer-a5.pdf")):
        text = squash(page_text(item.path, 0).replace("\x02", "-"))
        text = re.sub("\u2010 ?", "", text)  # a hyphenation point at a line end
        words = project.campaigns[item.campaign].texts[words_lang(project, item.lang)]
        numbers = _numbers(project, item.lang, item.family if hasattr(item, "family") else
                           item.filename.split("-")[0])  # fmt: skip
        marks = [
            _words(words.headline)[0],
            numbers[0],
            _words(words.messages[0])[0],
            _words(words.call_to_action)[0],
            short_address(campaign_url(item.lang, item.campaign)),
        ]
        text = text.replace("’", "'")
        position = -1
        for mark in marks:  # each one after the one before
            position = text.find(mark, position + 1)
            assert position >= 0, (item.url_path, mark, "missing or out of reading order")


def test_font_subset_prefixes_are_unique(rendered: Rendered) -> None:
    seen: dict[str, str] = {}
    for item in _files(rendered, PRINT + SCREEN):
        out = subprocess.run(
            ["pdffonts", str(item.path)], capture_output=True, text=True, check=True
        ).stdout
        names = [line.split()[0] for line in out.splitlines()[2:] if line.strip()]
        assert names and all(n.split("+")[0] != "MPDFAA" for n in names)
        prefixes = [n.split("+")[0] for n in names]
        assert len(set(prefixes)) == len(prefixes), (item.url_path, names)
        for prefix in prefixes:
            assert seen.setdefault(prefix, item.url_path) == item.url_path, (prefix, item.url_path)


def test_a_line_that_tells_police_says_so_in_print(rendered: Rendered, project: Project) -> None:
    """A line whose source says it informs the police in some cases (Canada's: a charity)
    prints its ``shares.label`` in its label on every poster, not "Charity" alone."""
    told = [line for line in project.help.lines if line.shares.label]
    assert told, "no line has a shares.label (Canada's should)"
    posters = _files(rendered, ("poster-letter.pdf", "poster-a4.pdf"))
    checked = 0
    for item in posters:
        text = re.sub(r"\s+", "", page_text(item.path, 0).replace("\x02", "-"))
        loc = project.locales[item.lang]
        for line in told:
            if line.callable_channels()[0].value not in page_text(item.path, 0):
                continue
            words = line.shares.label.get(loc.interface) or line.shares.label["en"]
            assert re.sub(r"\s+", "", words) in text.replace("’", "'"), (item.url_path, line.id)
            checked += 1
    assert checked >= len(posters), "the lines with a shares.label are not on the posters"
