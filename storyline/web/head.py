"""HEAD answered as GET without the body (RFC 9110, 9.3.2).

Link checkers, feed readers and uptime monitors send HEAD; FastAPI's routes answer
only the methods they name, so every page and API route would say 405 to them.
"""

from __future__ import annotations


class HeadAsGet:
    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def headers_only(message):
            if message["type"] == "http.response.body":
                message = {"type": "http.response.body", "body": b"", "more_body": message.get("more_body", False)}
            await send(message)

        await self.app(dict(scope, method="GET"), receive, headers_only)
