"""Let mkdocs-static-i18n accept three-letter language codes (K'iche' ``quc``, Mam ``mam``…).

Why: mkdocs-static-i18n 1.3.1 validates every configured ``locale`` against ``RE_LOCALE``
in ``mkdocs_static_i18n/config.py``, which only accepts ISO 639-1 (two-letter) codes, so a
language added with ``make language LANG=quc`` made the next build fail. BCP 47 uses the
three-letter ISO 639-3 code where a language has no two-letter one, and ``lang="quc"`` is
correct HTML. Upstream PR #348 ("Support ISO 639-2/3 language codes") widens the regex; until
it is released, this module replaces that regex in the one module that validates with it
by the project's own rule (``puebla.model.locales.LANGUAGE_CODE``), so ``make language``,
the locale files and the build accept exactly the same codes.

Only the configuration check is widened. ``folder.py`` and ``suffix.py`` use ``RE_LOCALE`` to
*guess* that a folder or suffix nobody configured is a language; they keep the upstream
regex, so a three-letter folder such as ``docs/img/`` is never taken for a language.

The patch applies only to the code it was written against (the regex and the source of
``Locale.run_validation`` below). After an upgrade that changes either, it is not applied,
a warning says so, and ``tests/test_language_codes.py`` fails until this module is reviewed
(drop it if the new release accepts three-letter codes).
"""

from __future__ import annotations

import hashlib
import inspect
import logging

from mkdocs_static_i18n import config as i18n_config

from ..model.locales import LANGUAGE_CODE

log = logging.getLogger("mkdocs.plugins.puebla")

# What the patch replaces, exactly as in mkdocs-static-i18n 1.3.1.
UPSTREAM_VERSION = "1.3.1"
UPSTREAM_PATTERN = r"(^[a-z]{2}(-[A-Za-z]{4})?(-[A-Z]{2})?$)|(^[a-z]{2}_[A-Z]{2}$)"
UPSTREAM_CHECK_SHA256 = "37a41be304ba6f12ac39b6f8822c117c8098cf1c41233cfe630bded70ac7909e"


def upstream_check_hash() -> str:
    """SHA-256 of the source of the function that reads ``RE_LOCALE`` to validate locales."""
    source = inspect.getsource(i18n_config.Locale.run_validation)
    return hashlib.sha256(source.encode("utf-8")).hexdigest()


def widen_locale_check() -> bool:
    """Apply the patch (idempotent); return whether the project's rule is now in force."""
    current = i18n_config.RE_LOCALE
    if current is LANGUAGE_CODE:
        return True
    if current.pattern != UPSTREAM_PATTERN or upstream_check_hash() != UPSTREAM_CHECK_SHA256:
        log.warning(
            "mkdocs-static-i18n's locale check is not the one puebla/mkdocs_plugin/"
            "i18n_locales.py was written for (version %s): three-letter language codes are "
            "left to the installed version's own check. Review that module.",
            UPSTREAM_VERSION,
        )
        return False
    i18n_config.RE_LOCALE = LANGUAGE_CODE
    return True
