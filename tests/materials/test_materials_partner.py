"""A local partner's co-branded kit, from a fixture partner file with a logo; bad files."""

from __future__ import annotations

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
