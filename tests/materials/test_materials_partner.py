"""A local partner's co-branded kit, from a fixture partner file with a logo; bad files."""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

import pytest
from materials_helpers import SITE_URL, pdftotext, squash

from puebla.errors import ContentError
from puebla.materials.partner_kit import build_partner_kit
from puebla.model.project import load_project

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "partners"


def _with_partner(project_copy: Path, name: str = "clean") -> Path:
    target = project_copy / "partners"
    target.mkdir(exist_ok=True)
    for path in (FIXTURES / name).iterdir():
        shutil.copyfile(path, target / path.name)
    return project_copy


def test_a_partner_kit_carries_the_partner_s_name_logo_and_lines(
    project_copy: Path, tmp_path: Path
) -> None:
    root = _with_partner(project_copy)
    project = load_project(root)
    kit = build_partner_kit(
        project, "fixture-shelter", tmp_path / "out", SITE_URL, cache_dir=tmp_path / "cache",
        progress=lambda e: None,
    )  # fmt: skip
    assert kit.languages == ("en", "es")
    with zipfile.ZipFile(kit.path) as archive:
        names = archive.namelist()
        assert "es/materials/rights/poster-letter.pdf" in names
        assert not any(n.startswith(("fr/", "ht/")) for n in names), "not a partner language"
        poster = tmp_path / "poster.pdf"
        poster.write_bytes(archive.read("es/materials/rights/poster-letter.pdf"))
    text = squash(pdftotext(poster))
    assert "Fixture shelter" in text
    assert "1-833-900-1010 Línea contra la trata de personas · 24 h" in text
    import pypdf
    from pdf_reading import struct_elements

    figures = [e for e in struct_elements(pypdf.PdfReader(poster)) if e["/S"] == "/Figure"]
    assert "Fixture shelter" in [str(e.get("/Alt")) for e in figures], "no logo on the poster"


def test_a_bad_partner_file_fails_with_file_and_field(project_copy: Path, tmp_path: Path) -> None:
    root = _with_partner(project_copy)
    path = root / "partners" / "fixture-shelter.yml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("languages: [en, es]", "languages: [en, xx]"),
        encoding="utf-8",
    )
    with pytest.raises(ContentError) as caught:
        build_partner_kit(load_project(root), "fixture-shelter", tmp_path, SITE_URL)
    text = caught.value.format(root)
    assert "partners/fixture-shelter.yml" in text and "languages" in text and "xx" in text


def test_a_hostile_logo_never_reaches_the_network(project_copy: Path, tmp_path: Path) -> None:
    root = _with_partner(project_copy, "hostile")
    with pytest.raises(ContentError) as caught:
        build_partner_kit(load_project(root), "svg-http-image", tmp_path, SITE_URL)
    assert "partners/svg-http-image.yml" in caught.value.format(root)


def _kit_texts(kit_path: Path, tmp_path: Path, names: tuple[str, ...]) -> dict[str, str]:
    """{kit member: its squashed text}, for the members whose names end with ``names``."""
    import pypdf
    from pdf_reading import page_text

    out = {}
    with zipfile.ZipFile(kit_path) as archive:
        for name in archive.namelist():
            if name.endswith(names):
                target = tmp_path / name.replace("/", "_")
                target.write_bytes(archive.read(name))
                # content-stream order (pdfium): a label wrapped in its column stays together
                pages = len(pypdf.PdfReader(target).pages)
                out[name] = squash(" ".join(page_text(target, i) for i in range(pages)))
    return out


@pytest.mark.parametrize(
    ("partner", "country"), [("fixture-mx-shelter", "MX"), ("fixture-us-shelter", "US")]
)
def test_a_regional_partner_s_small_items_carry_its_region_s_line_with_its_label(
    project_copy: Path, tmp_path: Path, partner: str, country: str
) -> None:
    """A Mexican (US) shelter's cards and flyers print the Mexican (US) line with the label
    that says who runs it (the US line: that it shares with the police) and, for a
    medium line, its caveat; lines of other countries stay off its kit."""
    from puebla.model.helplines import select_printable

    root = _with_partner(project_copy, "regions")
    project = load_project(root)
    kit = build_partner_kit(
        project, partner, tmp_path / "out", SITE_URL, cache_dir=tmp_path / "cache",
        progress=lambda e: None,
    )  # fmt: skip
    texts = _kit_texts(kit.path, tmp_path, ("card-print.pdf", "flyer-half-letter.pdf"))
    texts = {name: re.sub(r"\s+", "", text).replace("’", "'") for name, text in texts.items()}
    assert len(texts) == 2 * 2 * len(kit.languages), sorted(texts)
    for name, text in texts.items():
        lang = name.split("/")[0] if not name.startswith("materials/") else "en"
        selection = select_printable(
            project.help, project.locales[lang], project.today, countries={country}
        )
        others = select_printable(project.help, project.locales[lang], project.today)
        assert selection.lines, (country, "no printable line")
        for line in selection.lines:  # compared without whitespace (labels wrap)
            assert re.sub(r"\s+", "", line.channels[0].value) in text, (name, line.id)
            assert re.sub(r"\s+", "", line.label) in text, (name, line.label)
            if line.caveat_label:
                assert re.sub(r"\s+", "", line.caveat_label) in text, (name, line.caveat_label)
        for line in others.lines:
            if line.country != country:
                printed = re.sub(r"\s+", "", line.country_name) + "·"  # "Honduras · …"
                assert printed not in text, (name, line.id, "another country")
    if country == "US":
        card = next(t for n, t in texts.items() if n.startswith("materials/") and "card" in n)
        assert "Shareswithpolice" in card


def test_a_partner_s_card_and_social_images_carry_its_name(
    project_copy: Path, tmp_path: Path
) -> None:
    """Co-branding beyond posters: the card back and the social images name the partner."""
    from PIL import Image

    root = _with_partner(project_copy)
    kit = build_partner_kit(
        load_project(root), "fixture-shelter", tmp_path / "out", SITE_URL,
        cache_dir=tmp_path / "cache", progress=lambda e: None,
    )  # fmt: skip
    texts = _kit_texts(kit.path, tmp_path, ("card-print.pdf",))
    assert texts and all("Fixture shelter" in t for t in texts.values())
    assert all("1-833-900-1010" in t for t in texts.values())
    with zipfile.ZipFile(kit.path) as archive:
        socials = [n for n in archive.namelist() if "/social-" in n]
        assert len(socials) == 4 * 2 * len(kit.languages)
        out = tmp_path / "social.png"
        out.write_bytes(archive.read("es/materials/rights/social-1080x1350.png"))
    import subprocess

    with Image.open(out) as image:
        assert image.size == (1080, 1350)
        # Read at twice the size with automatic page layout: at 1× tesseract's sparse mode
        # ran the partner's tiny logo wordmark into its name ("xture shelter").
        big = tmp_path / "social-2x.png"
        image.convert("RGB").resize((2160, 2700), Image.LANCZOS).save(big)
    ocr = subprocess.run(
        ["tesseract", str(big), "-", "--psm", "3"], capture_output=True, text=True, check=True
    ).stdout
    assert "Fixture shelter" in ocr, ocr
