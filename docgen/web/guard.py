"""ASGI middleware around the page: the error boundary, the access token, the body limit.

Order (outermost first): :class:`ErrorBoundary` → :class:`TokenGuard` → :class:`BodyLimit` →
routes. Nothing reaches a route without the token; nothing reaches the user as a traceback.
"""

from __future__ import annotations

import hmac
from collections.abc import Callable
from http.cookies import SimpleCookie
from typing import Final
from urllib.parse import parse_qsl, urlencode

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from docgen import limits
from docgen.boundary import handle_exception
from docgen.errors import DocgenError

#: Renders a whole error page: (HTTP status, Vietnamese message) → HTML bytes.
PageMaker = Callable[[int, str], bytes]

TOKEN_PARAM: Final = "token"
#: Bytes of an oversized upload read and dropped before the refusal is sent.
DRAIN_BYTES: Final = 256 * 1024 * 1024


class TooLarge(DocgenError):
    """A request body past the upload limit."""

    def __init__(self, limit: int) -> None:
        super().__init__(
            f"tệp gửi lên vượt giới hạn {limit_text(limit)} của trang; với tệp lớn hơn, dùng lệnh docgen check trên máy"
        )


def limit_text(limit: int) -> str:
    return limits.mib(limit) if limit >= 1024 * 1024 else f"{limit // 1024} KB"


async def send_html(send: Send, status: int, body: bytes, headers: list[tuple[bytes, bytes]] | None = None) -> None:
    await send({
        "type": "http.response.start",
        "status": status,
        "headers": [(b"content-type", b"text/html; charset=utf-8"), (b"content-length", str(len(body)).encode()),
                    *(headers or [])],
    })
    await send({"type": "http.response.body", "body": body})


class ErrorBoundary:
    """Every exception becomes a page: a DocgenError shows its own message (status 400, 413 for
    :class:`TooLarge`); anything else goes through :func:`docgen.boundary.handle_exception` (the
    traceback to the log file, one Vietnamese line on the page, status 500). The server keeps
    running either way."""

    def __init__(self, app: ASGIApp, page: PageMaker) -> None:
        self.app = app
        self.page = page

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def tracking(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, tracking)
        except Exception as exc:  # noqa: BLE001 - the web page's error boundary
            handled = handle_exception(exc, f"trang {scope.get('path', '/')}")
            if started:  # the response is already on its way: nothing more can be said to the user
                return
            status = 413 if isinstance(exc, TooLarge) else 400 if isinstance(exc, DocgenError) else 500
            await send_html(send, status, self.page(status, handled.message))


def cookie_name(scope: Scope) -> str:
    """One cookie per port: two servers on one machine share cookies for 127.0.0.1."""
    server = scope.get("server") or ("", 0)
    return f"docgen-{server[1]}"


class TokenGuard:
    """Every request carries the server's token: in the address (``?token=…``, then a redirect
    that sets an HttpOnly, SameSite=Strict cookie and drops the token from the address) or in
    that cookie. Anything else gets a 403 page; only ``public`` paths (the page's own stylesheet
    and script, which hold nothing of the user's) are served without it, so that the refusal
    itself is readable."""

    def __init__(self, app: ASGIApp, token: str, page: PageMaker, public: str = "/tep/") -> None:
        self.app = app
        self.token = token
        self.page = page
        self.public = public

    def _matches(self, value: str | None) -> bool:
        return value is not None and hmac.compare_digest(value.encode(), self.token.encode())

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or (scope.get("path", "").startswith(self.public) and scope.get("method") == "GET"):
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        jar: SimpleCookie = SimpleCookie()
        try:
            jar.load(headers.get(b"cookie", b"").decode("latin-1"))
        except Exception:  # noqa: BLE001 - a malformed cookie header is no cookie
            jar = SimpleCookie()
        name = cookie_name(scope)
        query = parse_qsl(scope.get("query_string", b"").decode("latin-1"), keep_blank_values=True)
        given = next((v for k, v in query if k == TOKEN_PARAM), None)
        if self._matches(given) and scope.get("method") == "GET":
            rest = urlencode([(k, v) for k, v in query if k != TOKEN_PARAM])
            raw_path: bytes = scope.get("raw_path") or scope.get("path", "/").encode("utf-8")
            location = raw_path + (f"?{rest}".encode("latin-1") if rest else b"")
            cookie = f"{name}={self.token}; HttpOnly; SameSite=Strict; Path=/"
            await send({"type": "http.response.start", "status": 303, "headers": [
                (b"location", location), (b"set-cookie", cookie.encode()),
                (b"content-length", b"0")]})
            await send({"type": "http.response.body", "body": b""})
            return
        morsel = jar.get(name)
        if self._matches(morsel.value if morsel is not None else None) or self._matches(given):
            await self.app(scope, receive, send)
            return
        await send_html(send, 403, self.page(403, (
            "cần mã truy cập: mở đúng địa chỉ mà lệnh docgen serve đã in ra (có phần ?token=…)")))


class BodyLimit:
    """Refuse a request body larger than ``limit`` bytes: from its Content-Length before any of
    it is read, or while it streams when it has none."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None:
            try:
                size = int(declared)
            except ValueError:
                size = self.limit + 1
            if size > self.limit:
                await self._drain(receive)
                raise TooLarge(self.limit)
        seen = 0

        async def counting() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    raise TooLarge(self.limit)
            return message

        await self.app(scope, counting, send)

    async def _drain(self, receive: Receive) -> None:
        """Read and drop the body before answering: a browser still sending its upload when the
        answer comes shows "connection reset" instead of the page."""
        drained = 0
        while drained <= DRAIN_BYTES:
            message = await receive()
            if message["type"] != "http.request":
                return
            drained += len(message.get("body", b""))
            if not message.get("more_body", False):
                return
