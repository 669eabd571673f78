"""`docgen serve`: a free port on 127.0.0.1, a token made for the run, nothing written where it runs."""

from __future__ import annotations

import re
import socket
import urllib.error
import urllib.request
from http.cookiejar import CookieJar
from pathlib import Path

import pytest

from docgen.errors import UsageError
from docgen.web.server import bind, url
from tests.web.server import start


def test_serve_prints_a_local_address_with_a_token_and_serves_it(tmp_path: Path) -> None:
    served = start(tmp_path)
    try:
        m = re.fullmatch(r"http://127\.0\.0\.1:(\d+)/\?token=([A-Za-z0-9_-]{32})", served.url)
        assert m, served.url
        assert served.lines[0] == f"docgen đang chạy tại: {served.url}"
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(served.base + "/kiem-tra", timeout=30)
        assert refused.value.code == 403
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))
        with opener.open(served.url, timeout=30) as page:
            assert page.url == served.base + "/kiem-tra"
            assert "Kiểm tra dự thảo" in page.read().decode("utf-8")
        with opener.open(served.base + "/tra-cuu", timeout=30) as page:  # the cookie, no token
            assert page.status == 200
    finally:
        served.stop()
    assert list(tmp_path.iterdir()) == []


def test_two_runs_have_different_ports_and_tokens(tmp_path: Path) -> None:
    first, second = start(tmp_path), start(tmp_path)
    try:
        assert first.base != second.base
        assert first.url.split("token=")[1] != second.url.split("token=")[1]
    finally:
        first.stop()
        second.stop()


def test_another_host_still_needs_the_token(tmp_path: Path) -> None:
    served = start(tmp_path, "--host", "0.0.0.0")
    try:
        assert served.url.startswith("http://0.0.0.0:")
        assert any("vẫn cần phần ?token=" in line for line in served.lines)
        port = served.base.rsplit(":", 1)[1]
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/kiem-tra", timeout=30)
        assert refused.value.code == 403
    finally:
        served.stop()


def test_a_busy_port_is_a_vietnamese_usage_error() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        with pytest.raises(UsageError) as exc:
            bind("127.0.0.1", port)
    assert f"không mở được cổng {port} trên 127.0.0.1" in str(exc.value)


def test_bind_on_port_zero_picks_a_free_port() -> None:
    sock = bind("127.0.0.1", 0)
    try:
        assert sock.getsockname()[1] > 0
    finally:
        sock.close()


def test_an_ipv6_address_is_bracketed() -> None:
    assert url("::1", 8080, "abc") == "http://[::1]:8080/?token=abc"
