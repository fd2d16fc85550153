"""Hosting: the security headers, the files for hosts, and the site served by a real nginx.

The pages carry their CSP in a meta tag; hosts send it as a header with what only a header
can carry. Both come from puebla.site.hosting, and here they are compared as a reader's
browser receives them: the built pages, ``_headers`` and Debian's nginx running the committed
``deploy/nginx.conf`` over the built site.
"""

from __future__ import annotations

import hashlib
import html
import re
import subprocess
import zipfile
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from nginxkit import Response, csp_directives, fetch, run_nginx
from puebla.site import hosting
from puebla.site.checksums import SUMS_NAME
from sitekit import LANGUAGES, ROOT, SITE_URL, html_lang, lang_prefix

META_CSP = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)"')
HEADER_ONLY = {"frame-ancestors": ["'none'"]}  # the one directive a meta policy cannot carry


def meta_csp(path: Path) -> str:
    found = META_CSP.findall(path.read_text(encoding="utf-8"))
    assert len(found) == 1, f"{path}: {len(found)} CSP meta tags"
    return html.unescape(found[0])


def assert_header_matches_meta(header: str, meta: str) -> None:
    """Directive by directive: the header is the meta policy plus frame-ancestors 'none'."""
    header_d, meta_d = csp_directives(header), csp_directives(meta)
    assert "frame-ancestors" not in meta_d, "a meta CSP cannot carry frame-ancestors"
    only_header = {name: sources for name, sources in header_d.items() if name not in meta_d}
    assert only_header == HEADER_ONLY
    assert {name: header_d[name] for name in meta_d} == meta_d
    assert header_d["media-src"] == ["'self'"]


def assert_security_headers(response: Response, meta: str) -> None:
    headers = response.headers
    assert len(headers.get_all("Content-Security-Policy") or []) == 1
    assert_header_matches_meta(headers["Content-Security-Policy"], meta)
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "no-referrer"
    policy = dict(item.strip().split("=", 1) for item in headers["Permissions-Policy"].split(","))
    for feature in ("geolocation", "camera", "microphone"):
        assert policy.get(feature) == "()", (feature, policy)
    for feature in ("web-share", "clipboard-write"):  # the share and copy links need them
        assert feature not in policy, (feature, policy)


# --- the policy and the committed files ---------------------------------------------------


def test_nginx_conf_is_the_generated_one() -> None:
    committed = (ROOT / hosting.NGINX_CONF).read_text(encoding="utf-8")
    assert committed == hosting.nginx_server_block(), (
        "deploy/nginx.conf differs from the policy: run `make hosting`, never edit it by hand"
    )


def test_every_page_carries_the_one_policy(site: Path) -> None:
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 20
    policies = {meta_csp(path) for path in pages}
    assert policies == {hosting.meta_policy()}
    assert_header_matches_meta(hosting.header_policy(), hosting.meta_policy())


def test_every_kind_of_file_the_site_serves_has_a_mime_type(site: Path) -> None:
    unknown = set()
    for path in site.rglob("*"):
        if path.is_file() and path.name not in hosting.NAMED_FILES | dict.fromkeys(
            hosting.HOST_FILES
        ):
            ext = path.suffix.lstrip(".").lower()
            if ext not in hosting.MIME_TYPES:
                unknown.add(path.relative_to(site).as_posix())
    assert not unknown, "add the kind to MIME_TYPES in puebla/site/hosting.py"
    for ext in ("opus", "webmanifest", "svg", "zip", "pdf", "png", "json", "js", "css", "xml"):
        assert ext in hosting.MIME_TYPES, ext


def test_headers_file_for_netlify_and_cloudflare(site: Path) -> None:
    rules: dict[str, dict[str, str]] = {}
    current = ""
    for line in (site / "_headers").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if not line.startswith(" "):
            current = line.strip()
            rules[current] = {}
        else:
            name, value = line.strip().split(": ", 1)
            rules[current][name] = value
    everything = rules["/*"]
    assert_header_matches_meta(
        everything.pop("Content-Security-Policy"), meta_csp(site / "index.html")
    )
    assert everything == {
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
        "Permissions-Policy": hosting.permissions_policy(),
    }
    assert rules[f"/{SUMS_NAME}"] == {"Content-Type": "text/plain; charset=utf-8"}


def test_redirects_give_each_language_its_404_page(site: Path) -> None:
    rules = [
        line.split()
        for line in (site / "_redirects").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    expected = [[f"/{lang}/*", f"/{lang}/404.html", "404"] for lang in LANGUAGES[1:]]
    assert rules == [*expected, ["/*", "/404.html", "404"]]
    for _, target, _ in rules:
        assert (site / target.lstrip("/")).is_file(), target


# --- SHA256SUMS ----------------------------------------------------------------------------


def test_sha256sums_lists_every_zip_with_its_checksum(site: Path) -> None:
    lines = (site / SUMS_NAME).read_text(encoding="utf-8").splitlines()
    listed = {}
    for line in lines:
        digest, name = re.fullmatch(r"([0-9a-f]{64})  (\S+)", line).groups()
        listed[name] = digest
    zips = {p.relative_to(site).as_posix() for p in site.rglob("*.zip")}
    assert "puebla-outreach-offline.zip" in zips and len(zips) > 1
    assert set(listed) == zips
    for name, digest in listed.items():
        assert hashlib.sha256((site / name).read_bytes()).hexdigest() == digest, name
    # As an organisation would check it: GNU coreutils on a copy of the site.
    done = subprocess.run(
        ["sha256sum", "--check", "--strict", SUMS_NAME], cwd=site, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.count(": OK") == len(zips)


def test_no_zip_holds_the_checksums_or_the_host_files(site: Path) -> None:
    for path in site.rglob("*.zip"):
        with zipfile.ZipFile(path) as archive:
            names = {Path(name).name for name in archive.namelist()}
        assert not names & {SUMS_NAME, *hosting.HOST_FILES}, path


@pytest.mark.parametrize("lang", LANGUAGES)
def test_materials_page_links_the_checksums(site: Path, lang: str) -> None:
    page = site / lang_prefix(lang) / "materials" / "index.html"
    hrefs = re.findall(r'<a href="([^"]+)"[^>]*>', page.read_text(encoding="utf-8"))
    base = urljoin(SITE_URL, f"{lang_prefix(lang)}materials/")
    targets = [urlsplit(urljoin(base, href)).path for href in hrefs]
    assert f"/{SUMS_NAME}" in targets, targets


# --- nginx, for real ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def nginx(site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with run_nginx(site, tmp_path_factory.mktemp("nginx")) as url:
        yield url


def test_nginx_sends_the_headers_on_a_page(nginx: str, site: Path) -> None:
    for lang in LANGUAGES:
        response = fetch(nginx + lang_prefix(lang) + "communique/about/")
        assert response.status == 200
        assert response.headers["Content-Type"] == "text/html; charset=utf-8"
        served_meta = html.unescape(META_CSP.search(response.body.decode()).group(1))
        assert served_meta == meta_csp(site / lang_prefix(lang) / "communique/about/index.html")
        assert_security_headers(response, served_meta)


def test_nginx_sends_the_headers_and_types_on_assets(nginx: str, site: Path) -> None:
    """One file of every kind the site has, each with its type and the headers."""
    meta = meta_csp(site / "index.html")
    samples: dict[str, Path] = {}
    for path in sorted(site.rglob("*")):
        if path.is_file() and path.suffix:
            samples.setdefault(path.suffix.lstrip("."), path)
    assert {"css", "js", "png", "pdf", "zip"} <= set(samples)
    for ext, path in samples.items():
        response = fetch(nginx + path.relative_to(site).as_posix())
        assert response.status == 200, path
        expected = hosting.MIME_TYPES[ext]
        if expected in hosting.UTF8_TYPES or expected == "text/html":
            expected += "; charset=utf-8"
        assert response.headers["Content-Type"] == expected, path
        assert response.body == path.read_bytes(), path
        assert_security_headers(response, meta)
    sums = fetch(nginx + SUMS_NAME)
    assert sums.status == 200
    assert sums.headers["Content-Type"] == "text/plain; charset=utf-8"
    assert_security_headers(sums, meta)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_nginx_serves_the_language_404_page_with_the_headers(
    nginx: str, site: Path, lang: str
) -> None:
    for missing in ("no-such-page/", "communique/no-such-page.html", "assets/no-such.js"):
        response = fetch(nginx + lang_prefix(lang) + missing)
        assert response.status == 404, missing
        page = site / lang_prefix(lang) / "404.html"
        assert response.body == page.read_bytes(), (lang, missing)
        assert f'<html lang="{html_lang(lang)}"' in response.body.decode()
        assert_security_headers(response, meta_csp(page))


def test_nginx_hides_the_files_for_other_hosts(nginx: str, site: Path) -> None:
    for name in hosting.HOST_FILES:
        assert (site / name).is_file()
        response = fetch(nginx + name)
        assert response.status == 404
        assert response.body == (site / "404.html").read_bytes()
