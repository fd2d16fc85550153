"""The layout engine on its own: fitting text, contrast of what is laid out, print variants."""

from __future__ import annotations

import pytest
from materials_helpers import Rendered

from puebla.materials.fit import Measurer, Overflow, Style
from puebla.materials.fonts import font_files, make_instance, missing_instances
from puebla.materials.kinds.common import ContrastFailure, check_contrast
from puebla.materials.layout import Line, PageBuilder, contrast_pairs, impose, mm, print_version


@pytest.fixture(scope="module")
def measurer(rendered: Rendered) -> Measurer:
    """The measurer with the font instances of the session render (made once, cached)."""
    folder = rendered.cache / "fonts"
    for weight, path in missing_instances(folder):
        make_instance(weight, path)
    return Measurer(font_files(folder))


def test_text_shrinks_to_fit_and_never_exceeds_the_width(measurer: Measurer) -> None:
    style = Style(700, 20, 60, 1.1, 3)
    short = measurer.fit("headline", "Human rights", style, 400)
    long = measurer.fit(
        "headline", "Human rights do not depend on papers, anywhere, ever, for anyone", style, 400
    )
    assert short.size == 60
    assert 20 <= long.size < short.size
    assert len(long.lines) <= 3
    for line, width in zip(long.lines, long.widths, strict=True):
        assert width <= 400
        assert measurer.width(line, 700, long.size) == pytest.approx(width)


def test_text_that_cannot_fit_names_its_field(measurer: Measurer) -> None:
    style = Style(400, 10, 12, 1.2, 2)
    with pytest.raises(Overflow) as caught:
        measurer.fit("messages[1]", "word " * 200, style, 200)
    assert caught.value.field == "messages[1]"
    assert "10 pt" in caught.value.reason
    with pytest.raises(Overflow, match="wider than the space"):
        measurer.fit("card.title", "Antidisestablishmentarianism", style, 20)


def test_a_character_missing_from_the_font_is_an_error(measurer: Measurer) -> None:
    with pytest.raises(Overflow, match="no glyph"):
        measurer.fit("headline", "Rights \U0001f600", Style(400, 10, 12), 300)


def test_contrast_is_measured_against_the_colour_beneath(measurer: Measurer) -> None:
    fitted = measurer.fit("x", "Readable", Style(400, 12, 12), 200)
    good = PageBuilder(300, 200, "#ffffff")
    good.rect(0, 0, 300, 100, "#0b4f6c")
    good.text(fitted, 10, 10, "#ffffff", field="on band")
    good.text(fitted, 10, 120, "#1a1a1a", field="on page")
    pairs = contrast_pairs(good.page)
    assert [(p.foreground, p.background) for p in pairs] == [
        ("#ffffff", "#0b4f6c"),
        ("#1a1a1a", "#ffffff"),
    ]
    check_contrast([good.page])

    bad = PageBuilder(300, 200, "#ffffff")
    bad.rect(0, 0, 300, 100, "#f2c14e")
    bad.text(fitted, 10, 10, "#ffffff", field="white on yellow")
    with pytest.raises(ContrastFailure, match="white on yellow"):
        check_contrast([bad.page])

    straddle = PageBuilder(300, 200, "#ffffff")
    straddle.rect(0, 0, 300, 15, "#0b4f6c")
    straddle.text(fitted, 10, 10, "#1a1a1a", field="half on the band")
    with pytest.raises(ContrastFailure, match="crosses a colour edge"):
        check_contrast([straddle.page])


def test_print_version_bleeds_edge_shapes_and_keeps_the_rest(measurer: Measurer) -> None:
    b = PageBuilder(200, 300, "#ffffff")
    b.rect(0, 0, 200, 80, "#0b4f6c")  # touches three edges
    b.rect(20, 100, 50, 50, "#f2c14e")  # touches none
    page = print_version(b.page)
    off = mm(3) + mm(9)
    band, square = (i for i in page.items[1:3])
    assert (band.x, band.y, band.w, band.h) == pytest.approx(
        (off - mm(3), off - mm(3), 200 + 2 * mm(3), 80 + mm(3))
    )
    assert (square.x, square.y, square.w, square.h) == pytest.approx((off + 20, off + 100, 50, 50))
    assert page.trim == pytest.approx((off, off, 200, 300))


def test_card_sheet_has_cut_marks_at_every_card_edge() -> None:
    card = PageBuilder(100, 50, "#ffffff")
    card.rect(0, 0, 100, 10, "#0b4f6c")
    sheet = impose(card.page, (400, 400), 2, 3, 20)
    marks = [i for i in sheet.items if isinstance(i, Line)]
    vertical = sorted({round(m.x1, 2) for m in marks if m.x1 == m.x2})
    horizontal = sorted({round(m.y1, 2) for m in marks if m.y1 == m.y2})
    assert vertical == [90, 190, 210, 310]  # the left and right edge of each column
    assert horizontal == [105, 155, 175, 225, 245, 295]  # the top and bottom edge of each row
    assert len(marks) == 2 * len(vertical) + 2 * len(horizontal)
    grid = (90, 105, 310, 295)
    for m in marks:  # all outside the grid, where no card is
        assert not (grid[0] < m.x1 < grid[2] and grid[1] < m.y1 < grid[3])
