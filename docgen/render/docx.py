"""Render a document in memory: context → docxtpl template → footnotes and rules → .docx bytes.

Jinja runs with ``autoescape=True`` (text holding ``&``, ``<``, ``>`` or quotes stays valid XML;
newlines become ``w:br`` through docxtpl) and ``StrictUndefined`` (a template naming a variable
the context lacks is an error, reported as :class:`RenderError`, never a silent blank).

Templates are data, not programs (issue 9): a template given with ``--templates`` may come by
e-mail, so Jinja runs sandboxed (:class:`jinja2.sandbox.SandboxedEnvironment`). A template that
names an attribute or key starting with "_" (``''.__class__``, ``self._TemplateReference__context``)
is refused when it is compiled, before anything runs; any other unsafe access the sandbox stops
at run time. Both are a :class:`RenderError` naming the template.
"""

from __future__ import annotations

import io
from functools import lru_cache
from pathlib import Path

import jinja2
from docxtpl import DocxTemplate
from jinja2 import nodes
from jinja2.sandbox import SandboxedEnvironment

from docgen.errors import RenderError
from docgen.render import footnotes, layout
from docgen.render.context import RenderContext, build_context
from docgen.spec.models import Document, Kind

# The templates built by tools/build_templates.py (repository root, next to the package).
DEFAULT_TEMPLATES = Path(__file__).resolve().parents[2] / "templates"


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


def render_context(ctx: RenderContext, template: Path) -> bytes:
    """Render ``ctx`` into ``template``, then make footnotes real and size the rules."""
    tpl = DocxTemplate(io.BytesIO(template_bytes(template)))
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
    document = tpl.docx
    footnotes.apply(document, ctx.footnotes)
    layout.fit_rules(document.element.body)
    layout.keep_symbols_whole(document.element.body)
    notes = footnotes.existing_root(document)
    if notes is not None:
        layout.keep_symbols_whole(notes)
    props = document.core_properties
    props.title = " ".join(filter(None, (ctx.values["ten_loai"], ctx.values["trich_yeu"])))
    props.comments = ""
    out = io.BytesIO()
    tpl.save(out)
    return out.getvalue()


def render_document(doc: Document, template_dir: Path | None = None) -> bytes:
    """The .docx of ``doc`` as bytes (for the CLI, the dossier and tests)."""
    return render_context(build_context(doc), template_path(doc.kind, template_dir))
