"""Register: Spanish public text speaks to the reader as *tú*, never as *usted*.

A page that switches between *tú* and *usted* reads as careless or cold to the people it is
for, and the project's Spanish standard is *tú* everywhere (pages, interface, print). The check
looks for forms that only *usted* uses (the pronoun, and singular formal commands such as
"Tenga en cuenta" or "Llame") and warns, naming the file and line: a warning, because a
quotation or a third-person sentence can use the same words correctly.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import Collector
from ..model.pages import SitePage

LANGUAGE = "es"
# Singular formal commands (usted), at the start of a sentence, a list item or bold text.
_COMMANDS = (
    "Tenga|Llame|Marque|Consulte|Descargue|Imprima|Lea|Busque|Comparta|Haga|Pida|Escriba|"
    "Guarde|Recuerde|Mire|Vea|Pregunte|Hable|Utilice|Denuncie|Confíe|Cuelgue|Aprenda|Conozca|"
    "Use|Entregue|Corte|Respete|Trate|Escuche|Ayude|Diga|Sepa|Venga|Piense|Lleve|Cuide|Evite|Elija|Visite|Siga|"
    "Comuníquese|Póngase|Acuérdese|Fíjese|Asegúrese|Infórmese|Dígale|Pídale"
)
USTED = re.compile(
    rf"\busted(es)?\b|(?:^|[.!?¡¿:;]\s+|[-*]\s+|\*\*\s*)(?:{_COMMANDS})\b", re.I | re.M
)
_CODE = re.compile(r"(`+).+?\1")


def usted_forms(text: str) -> list[tuple[int, str]]:
    """(line number, matched words) for every usted form in ``text``, code spans ignored."""
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        for match in USTED.finditer(_CODE.sub("", line)):
            words = match.group(0).strip(" .!?¡¿:;-*")
            if words.lower() in ("ustedes",):  # plural address is also tú-register plural
                continue
            found.append((number, words))
    return found


def check_register(
    pages: dict[str, dict[str, SitePage]], locale_file: Path | None, issues: Collector
) -> None:
    hint = "speak to the reader as tú (ten en cuenta, llama, consulta; tu, tus)"
    for page in pages.get(LANGUAGE, {}).values():
        for number, words in usted_forms(page.doc.body):
            issues.warn(
                page.doc.path,
                f"'{words}' addresses the reader as usted",
                hint,
                line=page.doc.body_line + number - 1,
            )
    if locale_file is not None and locale_file.is_file():
        for number, words in usted_forms(locale_file.read_text(encoding="utf-8")):
            issues.warn(locale_file, f"'{words}' addresses the reader as usted", hint, line=number)
