"""What every page shares: the templates, form reading, the private folder, work off the loop."""

from __future__ import annotations

import tempfile
import threading
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Final, TypeVar

import jinja2
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData, UploadFile
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response

from docgen.errors import InputError
from docgen.spec.models import Kind

HERE: Final = Path(__file__).parent
#: Largest request body the page accepts (a real .docx draft is well under 2 MB; the CLI reads
#: drafts up to docgen.limits.FILE_BYTES). Past it the page says so in Vietnamese.
UPLOAD_BYTES: Final = 20 * 1024 * 1024
#: Fields of one posted form: a few for the YAML box and the upload, many for the spec form
#: (every input of every section); docgen.limits still applies to what they hold.
FORM_FIELDS: Final = 16
SPEC_FORM_FIELDS: Final = 20_000

#: PDF jobs at once, over every tab (a PDF, a preview or a dossier waits for a free slot). The
#: server's one warm LibreOffice (docgen.render.warm) converts one file at a time anyway; the
#: slots bound the cold conversions it falls back to (each a process of its own; two cores).
LIBREOFFICE_SLOTS: Final = threading.BoundedSemaphore(2)

#: Tên loại as a clerk picks it, in the order of the issue.
KIND_LABELS: Final[dict[str, str]] = {
    Kind.KE_HOACH.value: "Kế hoạch",
    Kind.CONG_VAN.value: "Công văn",
    Kind.TO_TRINH.value: "Tờ trình",
    Kind.BAO_CAO.value: "Báo cáo",
    Kind.CHUONG_TRINH.value: "Chương trình phối hợp",
    Kind.QUYET_DINH.value: "Quyết định",
}

TABS: Final[tuple[tuple[str, str], ...]] = (
    ("/kiem-tra", "Kiểm tra dự thảo"),
    ("/soan", "Soạn văn bản"),
    ("/ho-so", "Hồ sơ công nhận"),
    ("/tra-cuu", "Tra cứu"),
)

_env = jinja2.Environment(
    loader=jinja2.FileSystemLoader(HERE / "templates"),
    autoescape=True,
    undefined=jinja2.StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)

T = TypeVar("T")


def html(template: str, *, status: int = 200, **context: Any) -> HTMLResponse:
    """A page from ``templates/<template>``; every value is escaped by Jinja."""
    return HTMLResponse(render_html(template, **context), status_code=status)


def render_html(template: str, **context: Any) -> str:
    context.setdefault("tab", "")
    context.setdefault("tabs", TABS)
    return _env.get_template(template).render(**context)


def error_page(status: int, message: str) -> bytes:
    """The page every refusal and error uses (see :mod:`docgen.web.guard`)."""
    titles = {403: "Không được phép", 404: "Không có trang này", 413: "Tệp quá lớn", 500: "Lỗi nội bộ"}
    tabs = () if status == 403 else TABS  # without the token every tab would be refused too
    return render_html("error.html", title=titles.get(status, "Không thực hiện được"), message=message,
                       tabs=tabs).encode("utf-8")


def attachment(data: bytes, filename: str, media_type: str) -> Response:
    """A download; ``filename`` is docgen's own ASCII name, never the user's."""
    return Response(data, media_type=media_type, headers={"content-disposition": f'attachment; filename="{filename}"'})


async def read_form(request: Request, limit: int, fields: int = FORM_FIELDS) -> FormData:
    """The posted form; a malformed one is an :class:`InputError` (Starlette's own message is English)."""
    try:
        return await request.form(max_files=1, max_fields=fields, max_part_size=limit)
    except HTTPException:
        raise InputError("biểu mẫu gửi lên không đọc được; tải lại trang rồi gửi lại") from None


def text_field(form: FormData, name: str, default: str = "") -> str:
    value = form.get(name)
    if value is None or isinstance(value, UploadFile):
        return default
    return unicodedata.normalize("NFC", value.replace("\r\n", "\n"))


def shown_name(raw: str | None, fallback: str) -> str:
    """A name to show for the user's file (NFC, no folders, no control characters). It is only
    displayed, never used as a path."""
    name = unicodedata.normalize("NFC", (raw or "").replace("\\", "/").rsplit("/", 1)[-1])
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C").strip()
    return name[:120] or fallback


@contextmanager
def private_dir() -> Iterator[Path]:
    """A folder only this user can read (mode 0700), removed with everything in it on exit."""
    with tempfile.TemporaryDirectory(prefix="docgen-web-") as tmp:
        yield Path(tmp)


async def off_loop(fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """Run blocking work (reading a draft, rendering, LibreOffice) in the thread pool."""
    return await run_in_threadpool(fn, *args, **kwargs)
