"""The only way WeasyPrint may load anything: files of the project, the font, the profile.

WeasyPrint follows every ``url(…)``, ``<img src>``, ``<link href>`` and ``@font-face`` it
meets, over ``http``, ``https``, ``ftp`` and ``file:``. A material (and the partner logo
inside it) must not reach the network or read outside the project, so this fetcher allows:

* ``file:`` URLs of files inside the project tree (after following symlinks), the
  ``fontpkg-noto-sans`` package, the materials cache (static font instances derived from
  that package) and any extra file or folder the caller names (the colour profile, if it
  lives elsewhere);
* ``data:`` URLs of PNG and JPEG images (checked by the image guard) and SVG images
  (cleaned by the SVG guard, which is what WeasyPrint then reads);

and refuses everything else by name. A refusal stops the render (it is a
``FatalURLFetchingError``): a poster silently missing its logo is worse than a clear error.
"""

from __future__ import annotations

import base64
import binascii
import os
import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

from ..errors import ContentError, Problem
from .image import clean_image_bytes
from .refusal import RefusedFile
from .svg import clean_svg_bytes

PACKAGE_ROOT = Path(__file__).resolve().parents[1]  # scripts/puebla
PROJECT_TREE = Path(__file__).resolve().parents[3]  # the project's checkout
MAX_DATA_URL = 4 * 1024 * 1024
_DATA = re.compile(r"^data:([^,;]*)((?:;[^,;]*)*),(.*)$", re.DOTALL)
DATA_IMAGES = ("image/png", "image/jpeg", "image/svg+xml")


def font_package_dir() -> Path | None:
    """The folder of the ``fontpkg-noto-sans`` package (its font files)."""
    try:
        import fontpkg_noto_sans
    except ImportError:
        return None
    return Path(fontpkg_noto_sans.__file__).resolve().parent


def default_allowed(root: Path | None = None) -> tuple[Path, ...]:
    """Folders a material may load from: project trees, font package, materials cache."""
    allowed = [PROJECT_TREE]
    if root is not None:
        allowed.append(Path(root).resolve())
    fonts = font_package_dir()
    if fonts is not None:
        allowed.append(fonts)
    if os.environ.get("PUEBLA_CACHE_DIR"):
        allowed.append(Path(os.environ["PUEBLA_CACHE_DIR"]).resolve())
    return tuple(dict.fromkeys(allowed))


def _refusal_class() -> type:
    from weasyprint.urls import FatalURLFetchingError

    class FetchRefused(FatalURLFetchingError):
        """WeasyPrint was asked for something outside the allowed files (render stopped)."""

        def __init__(self, problem: Problem) -> None:
            super().__init__(problem.format())
            self.problem = problem

        def as_content_error(self) -> ContentError:
            return ContentError([self.problem])

    return FetchRefused


FetchRefused: Any = None  # set on first use, so importing this module needs no WeasyPrint


@cache
def _fetcher_class() -> type:
    global FetchRefused
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    FetchRefused = _refusal_class()

    class GuardedURLFetcher(URLFetcher):
        """A WeasyPrint URL fetcher that serves allowed local files and checked data only."""

        def __init__(
            self,
            allowed: Iterable[Path],
            document: str = "",
            allow_data: bool = True,
        ) -> None:
            super().__init__(
                timeout=1,
                allowed_protocols=("file", "data"),
                allow_redirects=False,
                fail_on_errors=True,
            )
            self.allowed = tuple(Path(p).resolve() for p in allowed)
            # Partner files are untrusted even inside the project: only their cleaned copies.
            self.denied = tuple(a / "partners" for a in self.allowed if (a / "partners").is_dir())
            self.document = document
            self.allow_data = allow_data

        def _refuse(self, url: str, message: str, hint: str) -> None:
            shown = url if len(url) <= 120 else url[:117] + "…"
            where = self.document or "a material's HTML/CSS"
            raise FetchRefused(
                Problem(where, f"WeasyPrint was asked to load {shown!r}: {message}", hint)
            )

        def _allowed_path(self, path: Path) -> bool:
            return any(path == a or path.is_relative_to(a) for a in self.allowed)

        def fetch(self, url: str, headers: Any = None) -> Any:
            scheme = url.split(":", 1)[0].lower() if ":" in url else ""
            if scheme == "data":
                return self._data(url)
            if scheme != "file":
                self._refuse(
                    url,
                    f"{scheme or 'this kind of'} addresses are never loaded (no network access)",
                    "copy the file into the project and refer to it by its path, or remove it",
                )
            parts = urlsplit(url)
            if parts.netloc not in ("", "localhost"):
                self._refuse(url, "a file on another machine", "copy the file into the project")
            try:
                path = Path(url2pathname(unquote(parts.path))).resolve(strict=True)
            except (OSError, RuntimeError):
                self._refuse(url, "there is no such file", "check the path and the file name")
            if not path.is_file():
                self._refuse(url, "this is not a regular file", "refer to a file, not a folder")
            if any(path.is_relative_to(d) for d in self.denied):
                self._refuse(
                    url,
                    f"{path} is a partner's file as sent, not checked",
                    "use the cleaned logo from puebla.model.partners.load_partner(): "
                    "partner.logo.data_uri() in the template, or partner.logo.write(folder)",
                )
            if not self._allowed_path(path):
                self._refuse(
                    url,
                    f"{path} is outside the project, the font package and the colour profile",
                    "copy the file into the project (a partner logo goes beside its "
                    "partners/<id>.yml) and refer to that copy",
                )
            return super().fetch(path.as_uri(), headers)

        def _data(self, url: str) -> Any:
            if not self.allow_data:
                self._refuse(url, "data: addresses are not allowed here", "use a file")
            if len(url) > MAX_DATA_URL:
                self._refuse(
                    url[:60], f"the data: address is longer than {MAX_DATA_URL:,}", "use a file"
                )
            match = _DATA.match(url)
            mime = (match.group(1).strip().lower() if match else "") or "text/plain"
            if not match or mime not in DATA_IMAGES:
                self._refuse(
                    url,
                    f"only PNG, JPEG and SVG images may be given as data: addresses (this is {mime})",
                    "put the resource in a file of the project and refer to it by its path",
                )
            assert match is not None
            params, payload = match.group(2).lower(), match.group(3)
            try:
                raw = (
                    base64.b64decode(re.sub(r"\s", "", unquote(payload)), validate=True)
                    if ";base64" in params
                    else unquote(payload).encode("utf-8")
                )
            except (binascii.Error, ValueError):
                self._refuse(url, "the data: address is not valid base64", "encode it again")
            try:
                if mime == "image/svg+xml":
                    raw = clean_svg_bytes(raw, "data: SVG image").data
                else:
                    clean_image_bytes(raw, f"data: {mime} image")
            except RefusedFile as exc:
                raise FetchRefused(exc.problem) from None
            return URLFetcherResponse(url, raw, {"Content-Type": mime})

    return GuardedURLFetcher


def weasyprint_url_fetcher(
    root: Path | None = None,
    extra: Iterable[Path] = (),
    document: str = "",
    allow_data: bool = True,
) -> Any:
    """A WeasyPrint ``url_fetcher`` for ``HTML(..., url_fetcher=…)`` and ``CSS(...)``.

    ``root`` is the project being built (if not this checkout); ``extra`` adds files or
    folders (e.g. a colour profile outside the project); ``document`` names the template in
    refusals. A refusal raises :data:`FetchRefused` (a ``FatalURLFetchingError``, so
    WeasyPrint stops); ``exc.problem`` is a :class:`~puebla.errors.Problem`, and
    ``exc.as_content_error()`` turns it into the project's error type.
    """
    cls = _fetcher_class()
    return cls((*default_allowed(root), *extra), document=document, allow_data=allow_data)


def fetch_refused_class() -> type:
    """The exception class a refusal raises (needs WeasyPrint)."""
    _fetcher_class()
    return FetchRefused
