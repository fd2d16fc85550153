"""What each job publishes: file name, kind, format, paper label and thumbnail."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Entry:
    filename: str
    kind: str  # poster, poster-print, flyer, card, social (kit is added per campaign)
    format: str
    name_key: str  # locale string naming the item
    paper_key: str | None  # locale string of the paper size; None: pixel size of the PNG
    thumbnail: str  # file name of its thumbnail, in the same folder
    alt_field: str  # the text the thumbnail shows most: "headline" or "card_title"


ENTRIES: tuple[Entry, ...] = (
    Entry(
        "poster-letter.pdf",
        "poster",
        "PDF",
        "material_poster",
        "paper_letter",
        "thumbs/poster.png",
        "headline",
    ),
    Entry(
        "poster-a4.pdf",
        "poster",
        "PDF",
        "material_poster",
        "paper_a4",
        "thumbs/poster.png",
        "headline",
    ),
    Entry(
        "poster-preview.png",
        "poster",
        "PNG",
        "material_poster_preview",
        None,
        "thumbs/poster.png",
        "headline",
    ),
    Entry(
        "poster-letter-print.pdf",
        "poster-print",
        "PDF",
        "material_poster_print",
        "paper_letter",
        "thumbs/poster.png",
        "headline",
    ),
    Entry(
        "poster-a4-print.pdf",
        "poster-print",
        "PDF",
        "material_poster_print",
        "paper_a4",
        "thumbs/poster.png",
        "headline",
    ),
    Entry(
        "flyer-half-letter.pdf",
        "flyer",
        "PDF",
        "material_flyer",
        "paper_half_letter",
        "thumbs/flyer.png",
        "headline",
    ),
    Entry(
        "flyer-a5.pdf", "flyer", "PDF", "material_flyer", "paper_a5", "thumbs/flyer.png", "headline"
    ),
    Entry(
        "flyer-2up-letter.pdf",
        "flyer",
        "PDF",
        "material_flyer_sheet",
        "paper_letter",
        "thumbs/flyer.png",
        "headline",
    ),
    Entry(
        "flyer-2up-a4.pdf",
        "flyer",
        "PDF",
        "material_flyer_sheet",
        "paper_a4",
        "thumbs/flyer.png",
        "headline",
    ),
    Entry(
        "flyer-half-letter-print.pdf",
        "flyer-print",
        "PDF",
        "material_flyer_print",
        "paper_half_letter",
        "thumbs/flyer.png",
        "headline",
    ),
    Entry(
        "flyer-a5-print.pdf",
        "flyer-print",
        "PDF",
        "material_flyer_print",
        "paper_a5",
        "thumbs/flyer.png",
        "headline",
    ),
    Entry(
        "card-sheet-letter.pdf",
        "card",
        "PDF",
        "material_card",
        "paper_letter",
        "thumbs/card.png",
        "card_title",
    ),
    Entry(
        "card-sheet-a4.pdf",
        "card",
        "PDF",
        "material_card",
        "paper_a4",
        "thumbs/card.png",
        "card_title",
    ),
    Entry(
        "card-print.pdf",
        "card-print",
        "PDF",
        "material_card_print",
        None,
        "thumbs/card.png",
        "card_title",
    ),
    Entry(
        "social-1080x1080.png",
        "social",
        "PNG",
        "material_social_square",
        None,
        "thumbs/social-1080x1080.png",
        "headline",
    ),
    Entry(
        "social-1080x1350.png",
        "social",
        "PNG",
        "material_social_portrait",
        None,
        "thumbs/social-1080x1350.png",
        "headline",
    ),
    Entry(
        "social-1080x1440.png",
        "social",
        "PNG",
        "material_social_grid",
        None,
        "thumbs/social-1080x1440.png",
        "headline",
    ),
    Entry(
        "social-1080x1920.png",
        "social",
        "PNG",
        "material_social_story",
        None,
        "thumbs/social-1080x1920.png",
        "headline",
    ),
)
