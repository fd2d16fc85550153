"""Materials leave quotations alone: the typographic pass keeps their characters (the K'iche'
apostrophe stays U+0027) and WeasyPrint never hyphenates them, while the text around them is
typeset and hyphenated as before (the control that makes the test able to fail).
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from puebla.materials.typography import typeset
from puebla.materials.weasy import stylesheet
from puebla.model.project import load_project
from puebla.site.quotations_udhr import udhr_quotation
from sitekit import ROOT

PROJECT = load_project(ROOT)


def test_the_typographic_pass_skips_a_quotation() -> None:
    quote = udhr_quotation(PROJECT.udhr, PROJECT.locales["es"], "1", "quc").html()
    assert "'" in quote  # ya'tal, b'anik: the glottal stop as the source writes it
    text = f"It's \"ours\": {quote} and it's yours."
    out = typeset(text, "es")
    assert quote in out, "the quotation is byte for byte unchanged"
    assert out.startswith("It’s «ours»:") and out.endswith("and it’s yours.")


def _pdf_text(html: str, tmp_path: Path) -> str:
    from weasyprint import HTML

    pdf = tmp_path / "q.pdf"
    HTML(string=html).write_pdf(pdf)
    return subprocess.run(
        ["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout


def test_weasyprint_does_not_hyphenate_a_quotation(tmp_path: Path) -> None:
    paragraph = PROJECT.udhr.paragraph("es", 13, 2)  # long Spanish words, a hyphenation dictionary
    narrow = "@page { size: 60mm 200mm; margin: 5mm; } body { font-size: 11pt; }"

    def page(marker: str) -> str:
        return (
            f'<html lang="es"><head><style>{stylesheet("identity.css")}{narrow}</style></head>'
            f"<body><blockquote{marker}><p>{paragraph}</p></blockquote></body></html>"
        )

    broken = re.compile(r"[-\u2010\u00ad]\n")  # a word hyphenated at the end of a line
    plain = _pdf_text(page(""), tmp_path)
    assert broken.search(plain), "control: the same text outside a quotation is hyphenated"
    quoted = _pdf_text(page(' class="quotation" data-source="udhr"'), tmp_path)
    assert not broken.search(quoted), quoted
    assert " ".join(quoted.split()) == paragraph
