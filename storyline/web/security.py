"""Security at the edge: response headers, and who may write.

Reads are open. A write (any POST) needs the token whenever the server listens
beyond loopback, or whenever a token was given at all; the token comes as
``Authorization: Bearer TOKEN`` or, from the HTML form, a ``token`` field. A POST
whose ``Origin`` is another site is refused, so a page elsewhere cannot make a
browser on this machine add articles.
"""

from __future__ import annotations

import hmac
from dataclasses import dataclass
from urllib.parse import urlsplit

from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)
HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
]
LOOPBACK = {"127.0.0.1", "::1", "localhost", "[::1]"}


def is_loopback(host: str) -> bool:
    return host.strip().lower() in LOOPBACK or host.startswith("127.")


class Forbidden(Exception):
    """A write without the right token, or from another site."""


@dataclass(frozen=True)
class WritePolicy:
    token: str | None
    token_required: bool  # True beyond loopback, or whenever a token was set

    @classmethod
    def for_host(cls, host: str, token: str | None) -> "WritePolicy":
        token = token or None
        return cls(token=token, token_required=token is not None or not is_loopback(host))

    def check(self, request: Request, form_token: str | None = None) -> None:
        """Raise Forbidden unless ``request`` may write."""
        origin = request.headers.get("origin")
        if origin and origin != "null" and urlsplit(origin).netloc.lower() != request.headers.get("host", "").lower():
            raise Forbidden("writes from another site's page are refused")
        if not self.token_required:
            return
        if self.token is None:
            raise Forbidden("writes are disabled: restart the server with --token (or STORYLINE_TOKEN)")
        given = _bearer(request) or form_token or ""
        if not hmac.compare_digest(given.encode(), self.token.encode()):
            raise Forbidden("a write needs the server's token (Authorization: Bearer TOKEN)")


def _bearer(request: Request) -> str | None:
    scheme, _, value = request.headers.get("authorization", "").partition(" ")
    return value.strip() if scheme.lower() == "bearer" and value.strip() else None


class SecurityHeaders:
    """Pure ASGI middleware: adds the security headers to every HTTP response."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [
                    (k, v) for k, v in HEADERS if k not in names
                ]
            await send(message)

        await self.app(scope, receive, with_headers)


def host_name(host_header: str) -> str:
    """'127.0.0.1:8000' -> '127.0.0.1'; '[::1]:8000' -> '[::1]'."""
    host = host_header.strip().lower()
    if host.startswith("["):
        return host.split("]", 1)[0] + "]"
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


class LoopbackOnly:
    """For a server on loopback: refuse requests addressed to any other host name.

    A web page elsewhere could point its own domain at 127.0.0.1 (DNS rebinding) and
    read this server as same-origin; its requests still carry its own name in Host.
    """

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            headers = dict(scope.get("headers") or [])
            host = host_name(headers.get(b"host", b"").decode("latin-1"))
            if not is_loopback(host):
                body = b'{"error":{"type":"bad_host","message":"this server answers only to localhost"}}'
                await send({"type": "http.response.start", "status": 400,
                            "headers": [(b"content-type", b"application/json"),
                                        (b"content-length", str(len(body)).encode())]})
                await send({"type": "http.response.body", "body": body})
                return
        await self.app(scope, receive, send)
