"""Render a document in memory: context → docxtpl template → footnotes and rules → .docx bytes.

Jinja runs with ``autoescape=True`` (text holding ``&``, ``<``, ``>`` or quotes stays valid XML;
newlines become ``w:br`` through docxtpl) and ``StrictUndefined`` (a template naming a variable
the context lacks is an error, reported as :class:`RenderError`, never a silent blank).

Templates are data, not programs (issue 9): a template given with ``--templates`` may come by
e-mail, so Jinja runs sandboxed (:class:`jinja2.sandbox.SandboxedEnvironment`). A template that
names an attribute or key starting with "_" (``''.__class__``, ``self._TemplateReference__context``)
is refused when it is compiled, before anything runs; any other unsafe access the sandbox stops
at run time. Both are a :class:`RenderError` naming the template.

Render once, fill many (issue 10): per process and per version of a template file, the template
is opened once, docxtpl's cleaning of its XML (``patch_xml``, a third of a render's CPU) runs once
and Jinja compiles it once (:class:`PreparedTemplate`). Each document then opens its own fresh
copy of the package (only the template's shell: its body is replaced anyway) and fills it, so
nothing of one document can reach the next; the .docx is zipped at :data:`ZIP_LEVEL`.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Final

import jinja2
from docx.document import Document as DocxDocument
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.oxml import CT_Types, serialize_part_xml
from docx.opc.package import OpcPackage
from docx.opc.spec import default_content_types
from docxtpl import DocxTemplate
from jinja2 import nodes
from jinja2.sandbox import SandboxedEnvironment

from docgen.errors import RenderError
from docgen.render import footnotes, inline, layout, tables
from docgen.render.context import RenderContext, build_context
from docgen.spec.models import Document, Kind

# The templates built by tools/build_templates.py (repository root, next to the package).
DEFAULT_TEMPLATES = Path(__file__).resolve().parents[1] / "templates"  # docgen/templates, inside the package (issue 14)


def template_path(kind: Kind, template_dir: Path | None = None) -> Path:
    """The template file for ``kind``: ``<dir>/<kind>.docx``."""
    path = (template_dir or DEFAULT_TEMPLATES) / f"{kind.value}.docx"
    if not path.is_file():
        raise RenderError(f"không tìm thấy mẫu {path} cho loại văn bản {kind.value}")
    return path


@lru_cache(maxsize=32)
def _read(path: Path, mtime_ns: int, size: int) -> bytes:
    return path.read_bytes()


def template_bytes(path: Path) -> bytes:
    """The template's bytes, read once per version of the file."""
    stat = path.stat()
    return _read(path, stat.st_mtime_ns, stat.st_size)


def _private_name(node: nodes.Node) -> str | None:
    """The "_…" attribute or key that ``node`` reads, if any (``x.__class__``, ``x['_a']``,
    ``x|attr('__class__')``)."""
    if isinstance(node, nodes.Getattr) and node.attr.startswith("_"):
        return node.attr
    if isinstance(node, nodes.Getitem) and isinstance(node.arg, nodes.Const):
        value = node.arg.value
        if isinstance(value, str) and value.startswith("_"):
            return value
    if isinstance(node, nodes.Filter) and node.name == "attr" and node.args:
        first = node.args[0]
        if isinstance(first, nodes.Const) and isinstance(first.value, str) and first.value.startswith("_"):
            return first.value
    return None


def refuse_private_access(ast: nodes.Template) -> None:
    """Raise :class:`jinja2.sandbox.SecurityError` when the template reads a "_" name."""
    for node in ast.find_all((nodes.Getattr, nodes.Getitem, nodes.Filter)):
        name = _private_name(node)
        if name is not None:
            raise jinja2.exceptions.SecurityError(f"truy cập thuộc tính “{name}” (dòng {node.lineno})")


class _CompilingOnceEnvironment(SandboxedEnvironment):
    """A sandboxed Jinja environment that compiles each template source once per process.

    docxtpl calls ``from_string`` on the document XML at every render, so a batch of 3,000
    letters compiled the same template 3,000 times (about a third of the CPU per document).
    Each source is checked for "_" names before it is compiled (:func:`refuse_private_access`).
    """

    def __init__(self) -> None:
        super().__init__(autoescape=True, undefined=jinja2.StrictUndefined)
        self._compiled: dict[str, jinja2.Template] = {}

    def from_string(self, source, globals=None, template_class=None):  # type: ignore[no-untyped-def]
        if globals is not None or template_class is not None or not isinstance(source, str):
            if isinstance(source, str):
                refuse_private_access(self.parse(source))
            return super().from_string(source, globals, template_class)
        template = self._compiled.get(source)
        if template is None:
            if len(self._compiled) >= 64:  # templates × parts; a bound, not a tuning knob
                self._compiled.clear()
            refuse_private_access(self.parse(source))
            template = self._compiled[source] = super().from_string(source)
        return template


@lru_cache(maxsize=1)
def jinja_env() -> jinja2.Environment:
    """Sandboxed, autoescaping, strict environment used for every render (shared, compiles once)."""
    return _CompilingOnceEnvironment()


# Deflate level of the .docx written. A rendered Tờ trình is 11 small XML parts: zlib's set-up per
# part outweighs the level's own cost: levels 1-3 cost the same, level 3 is the smallest of them,
# 5-10 % over the default level (6) for 15-40 % less CPU (bench/render.py; docs/architecture.md).
ZIP_LEVEL: Final = 3


@dataclass(frozen=True)
class PreparedTemplate:
    """A template opened, cleaned (docxtpl's ``patch_xml``) and ready to fill, once per process.

    ``shell`` is the template's package with an empty body: each document opens its own copy of
    it (python-docx parts are mutable: footnotes, rules and properties are written into them) and
    receives the rendered body. ``body`` and ``parts`` are the cleaned Jinja sources of the body
    and of each header and footer (by relationship id), which the shared environment compiles once.
    """

    shell: bytes
    body: str
    parts: Mapping[tuple[str, str], tuple[str, str]]  # (reltype, rId) → (Jinja source, encoding)
    has_footnotes: bool


def _prepare(data: bytes) -> PreparedTemplate:
    tpl = DocxTemplate(io.BytesIO(data))
    tpl.init_docx()
    body = tpl.patch_xml(tpl.get_xml())
    parts: dict[tuple[str, str], tuple[str, str]] = {}
    for uri in (tpl.HEADER_URI, tpl.FOOTER_URI):
        for rel_id, part in tpl.get_headers_footers(uri):
            xml = tpl.get_part_xml(part)
            parts[(uri, rel_id)] = (tpl.patch_xml(xml), tpl.get_headers_footers_encoding(xml))
    document: DocxDocument = tpl.docx
    has_footnotes = any(part.content_type == CT.WML_FOOTNOTES for part in document.part.package.iter_parts())
    for child in list(document.element.body):
        document.element.body.remove(child)
    return PreparedTemplate(write_package(document.part.package), body, parts, has_footnotes)


@lru_cache(maxsize=32)
def _prepared(path: Path, mtime_ns: int, size: int) -> PreparedTemplate:
    return _prepare(_read(path, mtime_ns, size))


def prepared_template(path: Path) -> PreparedTemplate:
    """The template at ``path``, prepared once per version of the file (mtime and size)."""
    stat = path.stat()
    return _prepared(path, stat.st_mtime_ns, stat.st_size)


class _Filling(DocxTemplate):  # type: ignore[misc]  # docxtpl has no type information
    """docxtpl's render, fed the prepared sources instead of re-reading and re-cleaning the XML."""

    def __init__(self, prepared: PreparedTemplate) -> None:
        super().__init__(io.BytesIO(prepared.shell))
        self.prepared = prepared

    def build_xml(self, context: dict[str, Any], jinja_env: jinja2.Environment | None = None) -> str:
        return str(self.render_xml_part(self.prepared.body, self.docx._part, context, jinja_env))

    def build_headers_footers_xml(
        self, context: dict[str, Any], uri: str, jinja_env: jinja2.Environment | None = None
    ) -> Iterator[tuple[str, bytes]]:
        for (reltype, rel_id), (source, encoding) in self.prepared.parts.items():
            if reltype == uri:
                part = self.docx._part.rels[rel_id].target_part
                yield rel_id, str(self.render_xml_part(source, part, context, jinja_env)).encode(encoding)

    def render_footnotes(self, context: dict[str, Any], jinja_env: jinja2.Environment | None = None) -> None:
        if self.prepared.has_footnotes:  # a template's own footnotes: docxtpl reads and cleans them each time
            super().render_footnotes(context, jinja_env)


def write_package(package: OpcPackage, level: int = ZIP_LEVEL) -> bytes:
    """The package as .docx bytes, deflated at ``level`` (python-docx's own save always uses
    zlib's default level): the parts python-docx would write, in its order."""
    parts = list(package.iter_parts())
    types = CT_Types.new()  # type: ignore[no-untyped-call]
    defaults = {"rels": CT.OPC_RELATIONSHIPS, "xml": CT.XML}
    overrides: dict[str, str] = {}
    for part in parts:  # (python-docx's Part.before_marshal, a hook no part overrides, is not called)
        ext = part.partname.ext
        if (ext.lower(), part.content_type) in default_content_types:
            defaults[ext] = part.content_type
        else:
            overrides[part.partname] = part.content_type
    for ext in sorted(defaults):
        types.add_default(ext, defaults[ext])
    for name in sorted(overrides):
        types.add_override(name, overrides[name])
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as archive:
        archive.writestr("[Content_Types].xml", serialize_part_xml(types))
        archive.writestr("_rels/.rels", package.rels.xml)
        for part in parts:
            archive.writestr(part.partname.membername, part.blob)
            if len(part.rels):
                archive.writestr(part.partname.rels_uri.membername, part.rels.xml)
    return out.getvalue()


def render_context(ctx: RenderContext, template: Path) -> bytes:
    """Render ``ctx`` into ``template``, then make footnotes real and size the rules."""
    tpl = _Filling(prepared_template(template))
    try:
        tpl.render(ctx.values, jinja_env=jinja_env(), autoescape=True)
    except jinja2.exceptions.SecurityError as exc:
        raise RenderError(
            f"mẫu {template} bị từ chối: mẫu chỉ được trình bày dữ liệu, không được truy cập đối tượng Python ({exc.message})"
        ) from None
    except jinja2.UndefinedError as exc:
        raise RenderError(f"mẫu {template}: biến chưa định nghĩa ({exc.message})") from None
    except jinja2.TemplateSyntaxError as exc:
        raise RenderError(f"mẫu {template}: thẻ Jinja sai cú pháp ({exc.message})") from None
    except jinja2.TemplateError as exc:
        raise RenderError(f"mẫu {template}: không dựng được văn bản ({exc})") from None
    document: DocxDocument = tpl.docx
    tables.apply(document.element.body, ctx.tables)
    inline.apply(document.element.body)
    footnotes.apply(document, ctx.footnotes)
    layout.fit_rules(document.element.body)
    layout.keep_symbols_whole(document.element.body)
    layout.number_annexes_separately(document.element.body)
    notes = footnotes.existing_root(document)
    if notes is not None:
        layout.keep_symbols_whole(notes)
    props = document.core_properties
    title = " ".join(filter(None, (ctx.values["ten_loai"], ctx.values["trich_yeu"])))
    # Word's title property holds at most 255 characters (python-docx refuses more): a long trích
    # yếu is cut there, on a word, with "…"; the document's own text keeps it whole.
    props.title = title if len(title) <= 255 else title[:254].rsplit(" ", 1)[0] + "…"
    props.comments = ""
    return write_package(document.part.package)


def render_document(doc: Document, template_dir: Path | None = None) -> bytes:
    """The .docx of ``doc`` as bytes (for the CLI, the dossier and tests)."""
    return render_context(build_context(doc), template_path(doc.kind, template_dir))
