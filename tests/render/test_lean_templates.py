"""The committed templates carry only what NĐ30 documents use (issue 10).

python-docx's default template brought 196 styles (386 KB of styles.xml, 38 used), a 438 KB
stylesWithEffects.xml, a theme, list numbering, custom XML and a thumbnail into every template;
each render parsed, serialised and compressed them. These tests read the real files in
templates/, so a template rebuilt from the full default template fails them.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from docgen.render import layout as L

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = sorted((ROOT / "docgen" / "templates").glob("*.docx"))
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

# Bounds with room for a few more NĐ30 styles or template paragraphs; the fat templates were
# 40.5-41.2 KB with 196 styles.
MAX_TEMPLATE_BYTES = 16_000
MAX_STYLES_XML_BYTES = 24_000
MAX_STYLES = 40
PARTS = {
    "[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "docProps/app.xml",
    "word/document.xml", "word/_rels/document.xml.rels", "word/styles.xml", "word/settings.xml",
    "word/fontTable.xml", "word/header1.xml", "word/header2.xml",
}
# Styles no paragraph of a template names but a rendered document needs: the footnote styles
# (docgen.render.footnotes) and the defaults every paragraph, run and table falls back on.
UNREFERENCED_BUT_NEEDED = {L.STYLE_FOOTNOTE_TEXT, L.STYLE_FOOTNOTE_REF, "Normal", "DefaultParagraphFont", "TableNormal"}


def test_every_template_is_checked() -> None:
    assert len(TEMPLATES) == 8


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: p.name)
def test_template_is_small_and_holds_only_the_parts_it_needs(path: Path) -> None:
    assert path.stat().st_size <= MAX_TEMPLATE_BYTES
    with zipfile.ZipFile(path) as archive:
        names = set(archive.namelist())
        assert names <= PARTS, f"unneeded parts: {sorted(names - PARTS)}"
        assert archive.getinfo("word/styles.xml").file_size <= MAX_STYLES_XML_BYTES
        rels = archive.read("word/_rels/document.xml.rels").decode()
        package_rels = archive.read("_rels/.rels").decode()
    for gone in ("stylesWithEffects", "theme", "numbering", "customXml", "webSettings"):
        assert gone not in rels
    assert "thumbnail" not in package_rels


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: p.name)
def test_template_keeps_only_the_styles_it_uses(path: Path) -> None:
    with zipfile.ZipFile(path) as archive:
        styles = etree.fromstring(archive.read("word/styles.xml"))
        named: set[str] = set()
        for name in archive.namelist():
            if name.startswith("word/") and name.endswith(".xml") and name != "word/styles.xml":
                text = archive.read(name).decode()
                named.update(re.findall(r'<w:(?:pStyle|rStyle|tblStyle) w:val="([^"]+)"', text))
    ids = {s.get(f"{W}styleId"): s for s in styles.iter(f"{W}style")}
    assert len(ids) <= MAX_STYLES
    assert styles.find(f"{W}latentStyles") is None
    assert UNREFERENCED_BUT_NEEDED <= set(ids), "a needed style is missing"
    assert named <= set(ids), f"styles named but missing: {sorted(named - set(ids))}"
    reachable = named | UNREFERENCED_BUT_NEEDED
    for style_id in list(reachable):
        style = ids.get(style_id)
        while style is not None and (based := style.find(f"{W}basedOn")) is not None:
            reachable.add(based.get(f"{W}val"))
            style = ids.get(based.get(f"{W}val"))
    assert set(ids) <= reachable, f"styles nothing uses: {sorted(set(ids) - reachable)}"


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: p.name)
def test_font_table_names_only_times_new_roman(path: Path) -> None:
    with zipfile.ZipFile(path) as archive:
        fonts = etree.fromstring(archive.read("word/fontTable.xml"))
    assert [f.get(f"{W}name") for f in fonts.iter(f"{W}font")] == [L.FONT]
