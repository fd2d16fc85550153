"""Absolute ``hreflang`` alternates for a page (Material's are relative, with no x-default)."""

from __future__ import annotations

from ..model.locales import SOURCE_LANGUAGE


def page_path(src_uri: str) -> str:
    """``es/communique/index.md`` → ``communique/``; ``en/a.md`` → ``a/`` (directory URLs)."""
    rel = src_uri.split("/", 1)[1] if "/" in src_uri else src_uri
    if rel == "index.md":
        return ""
    if rel.endswith("/index.md"):
        return rel[: -len("index.md")]
    return rel[: -len(".md")] + "/"


def language_path(lang: str) -> str:
    """The folder of a language's pages under the site root: ``es/``; ``""`` for English."""
    return "" if lang == SOURCE_LANGUAGE else f"{lang}/"


def language_url(site_url: str, lang: str, path: str) -> str:
    base = site_url if site_url.endswith("/") else site_url + "/"
    return f"{base}{language_path(lang)}{path}"


def alternates_for(src_uri: str, languages: list[str], site_url: str) -> list[dict[str, str]]:
    path = page_path(src_uri)
    links = [{"hreflang": lang, "href": language_url(site_url, lang, path)} for lang in languages]
    links.append({"hreflang": "x-default", "href": language_url(site_url, SOURCE_LANGUAGE, path)})
    return links


def home_path(site_url: str, lang: str) -> str:
    """Absolute path of a language's home page, e.g. ``/puebla/es/`` (for the 404 pages)."""
    from urllib.parse import urlsplit

    path = urlsplit(site_url).path or "/"
    path = path if path.endswith("/") else path + "/"
    return path if lang == SOURCE_LANGUAGE else f"{path}{lang}/"
