"""``docgen serve``: a free port, a token for this run, uvicorn.

The socket is bound here, before uvicorn starts, so the printed address is the one served (no
race for the port). Uvicorn's access log is off: it would write every address, token included.
"""

from __future__ import annotations

import secrets
import signal
import socket
from collections.abc import Callable
from typing import Final

from docgen.errors import UsageError

LOCAL: Final = "127.0.0.1"


def bind(host: str, port: int) -> socket.socket:
    """A listening socket on ``host``:``port`` (0: any free port); a refusal is a UsageError."""
    try:
        family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
        sock = socket.socket(family, kind, proto)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
        sock.listen(64)
    except OSError as exc:
        raise UsageError(f"không mở được cổng {port} trên {host}: {exc.strerror or exc}") from None
    return sock


def url(host: str, port: int, token: str) -> str:
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}/?token={token}"


def serve(host: str = LOCAL, port: int = 0, *, echo: Callable[[str], None] = print) -> None:
    """Serve the page until Ctrl-C; prints its address with a token made for this run."""
    import uvicorn

    from docgen.web.app import create_app

    token = secrets.token_urlsafe(24)
    sock = bind(host, port)
    actual = sock.getsockname()[1]
    echo(f"docgen đang chạy tại: {url(host, actual, token)}")
    if host not in (LOCAL, "localhost", "::1"):
        echo(f"Máy khác trong mạng mở bằng địa chỉ IP của máy này thay cho {host}, vẫn cần phần ?token=….")
    echo("Mở địa chỉ trên bằng trình duyệt. Nhấn Ctrl-C để dừng.")
    config = uvicorn.Config(create_app(token, warm_start=True), log_level="warning", access_log=False, server_header=False)
    server = uvicorn.Server(config)
    # Closing the terminal (SIGHUP) stops the server as Ctrl-C does, so that the app's shutdown
    # stops its LibreOffice too (uvicorn itself handles SIGINT and SIGTERM only).
    signal.signal(signal.SIGHUP, server.handle_exit)
    server.run(sockets=[sock])
