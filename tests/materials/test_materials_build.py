"""The generator as a whole: file list, determinism, cache, errors, kits, the download list."""

from __future__ import annotations

import posixpath
import re
import zipfile
from pathlib import Path

import pytest
from materials_helpers import (
    SITE_URL,
    Rendered,
    pdftotext,
    published,
    squash,
    translated,
    udhr_only,
)

from puebla.errors import ContentError
from puebla.materials import Progress, materials_markdown, render_materials, render_previews
from puebla.materials.markdown import human_size
from puebla.model.project import Project, load_project

FILES = (
    "poster-letter.pdf",
    "poster-a4.pdf",
    "poster-letter-print.pdf",
    "poster-a4-print.pdf",
    "poster-preview.png",
    "flyer-half-letter.pdf",
    "flyer-a5.pdf",
    "flyer-half-letter-print.pdf",
    "flyer-a5-print.pdf",
    "flyer-2up-letter.pdf",
    "flyer-2up-a4.pdf",
    "card-sheet-letter.pdf",
    "card-sheet-a4.pdf",
    "card-print.pdf",
    "social-1080x1080.png",
    "social-1080x1350.png",
    "social-1080x1440.png",
    "social-1080x1920.png",
)


# K'iche', Mam, Q'eqchi': the rights card and poster only (Spanish words, the Declaration in
# their language).
UDHR_ONLY_FILES = tuple(f for f in FILES if f.startswith(("poster", "card")))


def _tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_file_names_and_public_paths(rendered: Rendered, project: Project) -> None:
    assert published(project)
    assert {(f.lang, f.campaign) for f in rendered.files} == set(published(project))
    for lang, cid in published(project):
        items = {f.filename: f for f in rendered.files if f.lang == lang and f.campaign == cid}
        files = FILES if (lang, cid) in translated(project) else UDHR_ONLY_FILES
        assert set(items) == {*files, f"{cid}-kit-{lang}.zip"}
        for item in items.values():
            prefix = "" if lang == "en" else f"{lang}/"
            assert item.url_path == f"{prefix}materials/{cid}/{item.filename}"
            assert item.path == rendered.out / item.url_path
            assert item.size_bytes == item.path.stat().st_size > 0
            assert item.format == item.filename.rsplit(".", 1)[1].upper()


def test_the_kit_holds_every_file_deterministically(rendered: Rendered, project: Project) -> None:
    for kit in (f for f in rendered.files if f.kind == "kit"):
        files = FILES if (kit.lang, kit.campaign) in translated(project) else UDHR_ONLY_FILES
        with zipfile.ZipFile(kit.path) as archive:
            infos = archive.infolist()
            names = [i.filename for i in infos]
            assert names == sorted(files)
            for info in infos:
                assert info.date_time == (1996, 3, 14, 0, 0, 0)
                member = kit.path.parent / info.filename
                assert archive.read(info) == member.read_bytes(), info.filename


def test_same_inputs_give_byte_identical_files(
    rendered: Rendered, project: Project, tmp_path: Path
) -> None:
    """A second clean render, in another folder, without cache and in one process, is
    identical (every material of two campaign × language pairs and some link previews:
    the whole set again would double the suite's time)."""
    from puebla.materials.cache import Cache
    from puebla.materials.runner import run
    from puebla.materials.spec import material_jobs, preview_jobs

    jobs = [j for j in material_jobs(project, SITE_URL) if (j.lang, j.campaign) in
            {("es", "rights"), ("fr", "trafficking")}]  # fmt: skip
    jobs += preview_jobs(project, SITE_URL)[:4]
    out = tmp_path / "again"
    run(jobs, out, Cache(None), 1, lambda e: None)
    second = _tree(out)
    first = _tree(rendered.out)
    assert second
    different = [name for name in second if first.get(name) != second[name]]
    assert not different, different


def test_a_link_preview_does_not_depend_on_its_batch(
    rendered: Rendered, project: Project, tmp_path: Path
) -> None:
    """Previews of one language are the pages of one document (10 to a batch in the
    build): one rendered alone, and the last of a language's previews rendered with a
    different set, give the build's very bytes. A title that cannot fit in a batch is
    named for its own page, and the batch's other previews are still made."""
    from dataclasses import replace

    from puebla.materials.cache import Cache
    from puebla.materials.runner import run
    from puebla.materials.spec import preview_jobs

    fr = [j for j in preview_jobs(project, SITE_URL) if j.lang == "fr"]
    assert len(fr) > 11
    alone, last = fr[0], fr[-1]
    run([alone], tmp_path / "alone", Cache(None), 1, lambda e: None)
    run([fr[1], fr[5], last], tmp_path / "three", Cache(None), 1, lambda e: None)
    for job, out in ((alone, "alone"), (last, "three")):
        made = (tmp_path / out / job.output).read_bytes()
        assert made == (rendered.out / job.output).read_bytes(), job.output
    too_long = replace(fr[2], title=" ".join(["Une phrase beaucoup trop longue"] * 12))
    with pytest.raises(ContentError) as caught:
        run([fr[1], too_long, fr[3]], tmp_path / "long", Cache(None), 1, lambda e: None)
    (problem,) = caught.value.problems
    assert problem.field == "title" and f"'{fr[2].src_uri}'" in problem.message, problem
    for job in (fr[1], fr[3]):
        assert (tmp_path / "long" / job.output).read_bytes() == (
            rendered.out / job.output
        ).read_bytes()


def test_first_render_rendered_everything(rendered: Rendered) -> None:
    assert rendered.events and not any(e.cached for e in rendered.events)


def test_unchanged_materials_come_from_the_cache(
    rendered: Rendered, project: Project, tmp_path: Path
) -> None:
    events: list[Progress] = []
    render_materials(
        project, tmp_path / "out", SITE_URL, cache_dir=rendered.cache, progress=events.append
    )
    render_previews(
        project, tmp_path / "out", SITE_URL, cache_dir=rendered.cache, progress=events.append
    )
    assert events
    assert [e.label for e in events if not e.cached] == []
    assert _tree(tmp_path / "out") == _tree(rendered.out)


def test_a_changed_text_re_renders_only_its_materials(
    rendered: Rendered, project_copy: Path
) -> None:
    """Only the jobs whose words changed get a new cache key (the copy is not a git
    checkout, so its file dates differ from the session's: compare the copy with itself)."""
    from puebla.materials.cache import Cache, job_key
    from puebla.materials.runner import run
    from puebla.materials.spec import material_jobs

    def keys(root: Path) -> dict[str, str]:
        return {j.label: job_key(j.key_data()) for j in material_jobs(load_project(root), SITE_URL)}

    before = keys(project_copy)
    index = project_copy / "campaigns" / "rights" / "es" / "index.md"
    text = index.read_text(encoding="utf-8")
    cta = re.search(r"^call_to_action: (.+)$", text, re.M)
    assert cta is not None
    index.write_text(
        text.replace(cta.group(0), "call_to_action: Comparte hoy estos materiales."),
        encoding="utf-8",
    )
    after = keys(project_copy)
    changed = sorted(label for label in after if after[label] != before.get(label))
    assert changed, "the change was not noticed"
    # The Spanish words also frame the rights card and poster of the languages that borrow
    # the Spanish interface (K'iche', Mam, Q'eqchi'): those change too, and nothing else.
    borrowers = [lang for lang, cid in udhr_only(load_project(project_copy)) if cid == "rights"]
    prefixes = tuple(f"{lang}/materials/rights/" for lang in ["es", *borrowers])
    assert all(label.startswith(prefixes) for label in changed), changed
    # es: 2 posters, 2 flyers, 2 card sheets, 4 social images; each borrower: 2 posters, 2 cards
    assert len(changed) == 10 + 4 * len(borrowers), changed
    jobs = [j for j in material_jobs(load_project(project_copy), SITE_URL) if j.label in changed]
    out = project_copy / "out"
    run([j for j in jobs if j.family == "poster"], out, Cache(None), 1, lambda e: None)
    new = out / "es/materials/rights/poster-a4.pdf"
    assert new.read_bytes() != (rendered.out / "es/materials/rights/poster-a4.pdf").read_bytes()
    assert "Comparte hoy estos materiales." in squash(pdftotext(new))


def test_a_translation_that_cannot_fit_stops_the_build(project_copy: Path) -> None:
    index = project_copy / "campaigns" / "rights" / "es" / "index.md"
    text = index.read_text(encoding="utf-8")
    long = " ".join(
        ["Los derechos humanos no dependen de los papeles ni del lugar de nacimiento"] * 6
    )
    text = re.sub(r"^headline: .+$", f"headline: {long}", text, count=1, flags=re.M)
    index.write_text(text, encoding="utf-8")
    from puebla.materials.cache import Cache
    from puebla.materials.runner import run
    from puebla.materials.spec import material_jobs

    jobs = [
        j
        for j in material_jobs(load_project(project_copy), SITE_URL)
        if (j.lang, j.campaign) == ("es", "rights")  # the others are unchanged
    ]
    with pytest.raises(ContentError) as caught:
        run(jobs, project_copy / "out", Cache(None), None, lambda e: None)
    problems = caught.value.problems
    assert problems
    for problem in problems:
        assert "'rights'" in problem.message and "'es'" in problem.message
        assert problem.field == "headline" and "headline" in problem.message
        assert Path(problem.path).resolve() == index.resolve()
    materials = {re.search(r"material '([a-z0-9-]+)'", p.message).group(1) for p in problems}  # type: ignore[union-attr]
    assert {"poster-letter", "poster-a4", "flyer-a5", "social-1080x1080"} <= materials
    assert "never shrink or cut text" in str(caught.value)
    assert all(re.search(r"cut about \d+ characters", p.message) for p in problems)


def test_download_list_names_every_file_with_its_real_size(
    rendered: Rendered, project: Project
) -> None:
    for lang in sorted({lang for lang, _ in published(project)}):
        markdown = materials_markdown(rendered.files, project, lang)
        page_dir = "materials" if lang == "en" else f"{lang}/materials"
        items = [f for f in rendered.files if f.lang == lang]
        rows = [
            line for line in markdown.splitlines() if line.startswith("| ") and "<a href=" in line
        ]
        assert len(rows) == len(items)
        for item in items:
            link = f"{item.campaign}/{item.filename}"
            row = next((r for r in rows if f'<a href="{link}" download>' in r), None)
            assert row is not None, f"{item.url_path} is not listed for {lang}"
            assert posixpath.normpath(posixpath.join(page_dir, link)) == item.url_path
            assert human_size(item.path.stat().st_size, lang) in row
            assert item.format in row
            if item.thumbnail:
                src = re.search(r'<img src="([^"]+)"', row).group(1)  # type: ignore[union-attr]
                assert (rendered.out / page_dir / src).is_file()
                assert 'alt="' in row and 'alt=""' not in row
        for cid in {c for lg, c in published(project) if lg == lang}:
            title = project.campaigns[cid].translations[lang]["index"].title
            assert f"{{#materials-{cid}}}" in markdown
            assert title.split(":")[0] in markdown


def test_human_sizes_are_localized() -> None:
    assert human_size(48_300, "en") == "48 kB"
    assert human_size(5_120, "es") == "5,1 kB"
    assert human_size(1_250_000, "fr") == "1,2\u202fMo"  # CLDR: narrow no-break space


def test_a_real_site_url_prints_no_sample_mark(project: Project) -> None:
    """With a real SITE_URL the SAMPLE mark goes; unreviewed Spanish still prints DRAFT."""
    import io

    import pypdf

    from puebla.materials.fonts import font_files, make_instance, missing_instances
    from puebla.materials.runner import work
    from puebla.materials.spec import material_jobs

    real = "https://outreach.example-ngo.net/"  # not a placeholder domain
    jobs = [
        j
        for j in material_jobs(project, real)
        if j.family == "poster" and j.variant == "a4" and j.campaign == "rights"
    ]
    fonts_dir = Path(project.root) / ".cache" / "materials" / "fonts"
    for weight, path in missing_instances(fonts_dir):
        make_instance(weight, path)
    for job in jobs:
        files, problems = work(job, font_files(fonts_dir))
        assert not problems
        for name in ("poster-a4.pdf", "poster-a4-print.pdf"):
            reader = pypdf.PdfReader(io.BytesIO(files[name]))
            text = " ".join(p.extract_text() for p in reader.pages)
            assert "SAMPLE" not in text, (job.label, name)
            assert ("outreach.example-ngo.net" in text) is True
            draft = project.locales[job.lang].t("materials_draft").split()[0]
            assert (draft in text) == (job.lang != "en"), (job.label, name)
