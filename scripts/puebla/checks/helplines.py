"""Help lines across the project: what print leaves out today, and where readers report.

The model validates each line on load and warns when one is due for a re-check. These
warnings are made with ``always_show``: every report (``make site``, ``make check``) lists them
in full, however often they were seen before. This check
says, per language, which printed and social materials changed because a line may no longer
be printed (and which fall back to the emergency number and help-page address), and warns
while ``report_to`` is unset.
"""

from __future__ import annotations

from ..errors import Collector
from ..model.helplines import select_printable
from ..model.project import Project
from ..model.siteconfig import report_target

PRINTED = ("poster", "poster-print", "flyer", "card", "social")


def check_helplines(project: Project, issues: Collector) -> None:
    path = project.help.path
    for lang in project.languages:
        selection = select_printable(project.help, project.locales[lang], project.today)
        stale = [left for left in selection.left_out if left.reason == "stale"]
        materials = [
            f"{cid}: {', '.join(k for k in PRINTED if k in campaign.materials)}"
            for cid, campaign in project.campaigns.items()
            if any(k in campaign.materials for k in PRINTED)
        ]
        if not materials:
            continue
        where = "; ".join(materials)
        for left in stale:
            issues.warn(
                path,
                f"help line '{left.id}' is left off the '{lang}' printed and social materials "
                f"(last checked more than 12 months ago); these changed: {where}",
                "re-check the line and record the check; then it prints again",
                field=f"{left.id}.checks",
                always_show=True,
            )
        if not selection.lines:
            issues.warn(
                path,
                f"no help line may be printed in '{lang}': the materials ({where}) print the "
                "emergency number and the help page's address instead",
                "re-check the lines and record the checks",
                field="lines",
                always_show=True,
            )
    config = project.root / "mkdocs.yml"
    if not project.report_to.strip():
        issues.warn(
            config,
            "'report_to' is not set: the \"How we check help lines\" page says that no "
            "address for reports of a wrong number is set yet",
            "set 'report_to' under 'extra:' to an e-mail address or a page of this site",
            field="extra.report_to",
            always_show=True,
        )
    else:
        _link, problem = report_target(project.report_to, project.site_url)
        if problem:
            issues.error(
                config, problem, "change 'report_to' under 'extra:'", field="extra.report_to"
            )
