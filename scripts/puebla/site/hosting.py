"""What a web host must send with the site: one security policy, written out for each host.

Why one policy: the pages carry their Content-Security-Policy in a ``<meta>`` tag (so it holds
on any host, GitHub Pages and ``file://`` included), and a host that can send headers should
send the same policy as a header, plus what only a header can carry. Copied by hand, the two
would drift apart; here the meta tag (through the theme), ``_headers`` and ``_redirects`` in
the built site (Netlify, Cloudflare Pages) and ``deploy/nginx.conf`` are all written from the
constants below. ``python -m puebla.site.hosting`` rewrites ``deploy/nginx.conf``; a test fails
when the committed file differs from what this module writes.

Header-only: ``frame-ancestors`` (no framing, against click-jacking). Browsers ignore it in a
meta policy, and Chromium logs a console error when it finds it there, so it is the one
directive the header has and the meta tag has not.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from urllib.parse import urlsplit

from .checksums import SUMS_NAME, write_checksums

# The policy the pages carry. Scripts: the site's own files only (no inline script is left).
# Styles: the site's files, plus the three `style="text-align: left|right|center;"` attributes
# Markdown writes for aligned table columns, allowed by their hashes ('unsafe-hashes' covers
# exactly those attribute values). Images may be data: URIs (Material's inline icons). Media:
# recorded audio is served from the site itself. Nothing may be fetched from another host.
PAGE_POLICY: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("default-src", ("'none'",)),
    ("script-src", ("'self'",)),
    (
        "style-src",
        (
            "'self'",
            "'unsafe-hashes'",
            "'sha256-RVUzT5WQgKUiRfwfZ5/d8nxqNBcGWoYqAQp72N/cCqE='",
            "'sha256-N90MKmRow2DpYEVeqcc3uc8pOUsS4Rg4sNmkau1k0xQ='",
            "'sha256-+17AcPK/e5AtiK52Z2vnx3uG3BMzyzRr4Qv5UQsEbDU='",
        ),
    ),
    ("img-src", ("'self'", "data:")),
    ("media-src", ("'self'",)),
    ("connect-src", ("'self'",)),
    ("base-uri", ("'none'",)),
    ("form-action", ("'self'",)),
    ("object-src", ("'none'",)),
)
# Directives a meta policy cannot carry: sent by hosts as a header only.
HEADER_ONLY_POLICY: tuple[tuple[str, tuple[str, ...]], ...] = (("frame-ancestors", ("'none'",)),)

# Features no page uses, denied to the page and to anything it could embed. Web Share and
# clipboard-write stay allowed: the share and copy links of the help pages need them.
DENIED_FEATURES = ("camera", "geolocation", "microphone", "payment", "usb")

# Every kind of file the site serves or is expected to serve (recorded audio is Ogg Opus).
# nginx's `types` block below replaces its mime.types, so a kind missing here would be sent
# as application/octet-stream: a test fails when the build writes a file of an unlisted kind.
MIME_TYPES: dict[str, str] = {
    "html": "text/html",
    "css": "text/css",
    "js": "text/javascript",
    "json": "application/json",
    "map": "application/json",
    "webmanifest": "application/manifest+json",
    "xml": "application/xml",
    "txt": "text/plain",
    "png": "image/png",
    "jpg": "image/jpeg",
    "svg": "image/svg+xml",
    "webp": "image/webp",
    "ico": "image/x-icon",
    "woff2": "font/woff2",
    "opus": "audio/ogg",
    "ogg": "audio/ogg",
    "pdf": "application/pdf",
    "zip": "application/zip",
    "gz": "application/gzip",
}
# Text kinds sent with "; charset=utf-8" (text/html always is).
UTF8_TYPES = (
    "text/css",
    "text/javascript",
    "application/json",
    "application/manifest+json",
    "application/xml",
    "text/plain",
    "image/svg+xml",
)
# Files without an extension that the site serves, and their type.
NAMED_FILES = {SUMS_NAME: "text/plain"}
# Files for the host itself, never served to readers.
HOST_FILES = ("_headers", "_redirects")

NGINX_CONF = Path("deploy") / "nginx.conf"
NGINX_ROOT = "/var/www/puebla-outreach"


def _policy(directives: tuple[tuple[str, tuple[str, ...]], ...]) -> str:
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in directives)


def meta_policy() -> str:
    """The Content-Security-Policy of the pages' ``<meta http-equiv>`` tag."""
    return _policy(PAGE_POLICY)


def header_policy() -> str:
    """The Content-Security-Policy header: the meta policy plus the header-only directives."""
    return _policy(PAGE_POLICY + HEADER_ONLY_POLICY)


def permissions_policy() -> str:
    return ", ".join(f"{feature}=()" for feature in DENIED_FEATURES)


def security_headers() -> dict[str, str]:
    """The headers every response of the site carries (404s included)."""
    return {
        "Content-Security-Policy": header_policy(),
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
        "Permissions-Policy": permissions_policy(),
    }


def _base_path(site_url: str) -> str:
    path = urlsplit(site_url).path or "/"
    return path if path.endswith("/") else path + "/"


def headers_file(site_url: str) -> str:
    """``_headers`` for Netlify and Cloudflare Pages (GitHub Pages ignores it)."""
    base = _base_path(site_url)
    lines = ["# Written by the build from scripts/puebla/site/hosting.py: do not edit.", f"{base}*"]
    lines += [f"  {name}: {value}" for name, value in security_headers().items()]
    for name, kind in NAMED_FILES.items():
        lines += [f"{base}{name}", f"  Content-Type: {kind}; charset=utf-8"]
    return "\n".join(lines) + "\n"


def redirects_file(site_url: str, languages: list[str]) -> str:
    """``_redirects`` for Netlify: a missing page under ``/<lang>/`` gets that language's 404.

    Netlify applies these only where no file matches (its rules do not shadow files unless
    forced). Cloudflare Pages needs none: it serves the nearest ``404.html`` by itself.
    """
    base = _base_path(site_url)
    lines = ["# Written by the build from scripts/puebla/site/hosting.py: do not edit."]
    lines += [f"{base}{lang}/*  {base}{lang}/404.html  404" for lang in languages[1:]]
    lines.append(f"{base}*  {base}404.html  404")
    return "\n".join(lines) + "\n"


def nginx_server_block(*, listen: str = "80", root: str = NGINX_ROOT) -> str:
    """The nginx ``server`` block for the built site, served at the root of its host name.

    ``add_header … always``: the headers go with every status, 404 pages included. No
    ``location`` adds headers of its own (nginx would then drop the server's).
    """
    headers = "\n".join(
        f'    add_header {name} "{value}" always;' for name, value in security_headers().items()
    )
    width = max(len(kind) for kind in MIME_TYPES.values())
    by_type: dict[str, list[str]] = {}
    for ext, kind in MIME_TYPES.items():
        by_type.setdefault(kind, []).append(ext)
    types = "\n".join(
        f"        {kind:<{width}} {' '.join(exts)};" for kind, exts in by_type.items()
    )
    named = "\n".join(
        f"    location = /{name} {{\n        default_type {kind};\n    }}"
        for name, kind in NAMED_FILES.items()
    )
    hidden = "|".join(name.lstrip("_") for name in HOST_FILES)
    return f"""\
# Puebla Outreach: an nginx server block for the built site (the folder site/).
# WRITTEN by `python -m puebla.site.hosting` from scripts/puebla/site/hosting.py, the one
# policy the pages carry: do not edit by hand (a test compares this file with the generator).
# Copy site/ to {root} (or change `root`), put this file in
# /etc/nginx/conf.d/ (a `server` block of the `http` context), set server_name, add TLS
# (`listen 443 ssl` and certificates), and reload nginx.
server {{
    listen {listen};
    server_name _;
    root {root};
    index index.html;
    absolute_redirect off;
    server_tokens off;

    # Every kind of file the site serves; this list replaces nginx's mime.types here.
    types {{
{types}
    }}
    default_type application/octet-stream;
    charset utf-8;
    charset_types {" ".join(UTF8_TYPES)};
    gzip on;
    gzip_vary on;
    gzip_types {" ".join(kind for kind in UTF8_TYPES)};

    # The Content-Security-Policy of the pages' meta tag, plus frame-ancestors (header only).
{headers}

    # A missing page gets the 404 page of its language (every language but the first has a
    # folder named by its code, with its own 404.html).
    error_page 404 /404.html;
    location ~ ^/(?<lang>[a-z][a-z][a-z]?)/ {{
        error_page 404 /$lang/404.html;
    }}
{named}
    # Files for other hosts (Netlify, Cloudflare Pages): not for readers.
    location ~ ^/_({hidden})$ {{
        return 404;
    }}
}}
"""


def publish_for_hosts(site_dir: Path, site_url: str, languages: list[str]) -> None:
    """Finish the online site for hosts: ``_headers``, ``_redirects`` and ``SHA256SUMS``.

    Called once, on the finished online build (never on the offline kit's), after every ZIP
    is in place, so the checksums cover them all and no ZIP holds these files.
    """
    (site_dir / "_headers").write_text(headers_file(site_url), encoding="utf-8")
    (site_dir / "_redirects").write_text(redirects_file(site_url, languages), encoding="utf-8")
    write_checksums(site_dir)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write deploy/nginx.conf from the one policy.")
    parser.add_argument("--root", default=".", help="the project folder")
    args = parser.parse_args(argv)
    target = Path(args.root) / NGINX_CONF
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(nginx_server_block(), encoding="utf-8")
    print(f"wrote {target}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
