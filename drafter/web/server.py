"""Start the web application on waitress (pure Python, runs the same on Windows)."""

from __future__ import annotations

import ipaddress
import secrets
from urllib.parse import quote

from drafter.errors import DrafterError
from drafter.web.app import Settings, create_app

THREADS = 4


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def make_server(settings: Settings):
    """Bind (port 0 = any free port), then build the app for the port actually bound.

    Returns ``(server, url)``; ``server.run()`` serves until ``server.close()``.
    """
    from waitress.server import create_server

    if not is_loopback(settings.host) and not (settings.token or settings.password):
        settings.token = secrets.token_urlsafe(18)
    try:
        server = create_server(lambda env, start: [], host=settings.host, port=settings.port, threads=THREADS,
                               ident="drafter", clear_untrusted_proxy_headers=True)
    except OSError as exc:
        raise DrafterError(f"无法在 {settings.host}:{settings.port} 上启动（{exc.strerror or exc}）",
                           hint="端口可能已被占用：请用 --port 换一个端口，例如 --port 8800") from exc
    settings.port = server.effective_port
    server.application = create_app(settings)
    shown = "127.0.0.1" if settings.host in ("0.0.0.0", "::") else settings.host
    shown = f"[{shown}]" if ":" in shown else shown
    url = f"http://{shown}:{settings.port}/"
    if settings.token:
        url += f"?token={quote(settings.token)}"
    return server, url
