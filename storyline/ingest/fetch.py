"""Fetching URLs: one httpx client per batch, behind an injectable transport.

Tests pass ``httpx.MockTransport`` or talk to a loopback server; nothing else here knows.
Redirects are followed; the body is streamed and cut off past ``settings.max_bytes``;
``settings.fetch_timeout`` bounds every wait. Failures raise FetchError with the reason.
"""

from __future__ import annotations

from dataclasses import dataclass

import httpx

from ..errors import FetchError
from ..settings import Settings

USER_AGENT = "storyline/0.1 (news timeline builder)"
MAX_REDIRECTS = 10


@dataclass(frozen=True)
class Fetched:
    url: str  # after redirects
    content: bytes
    content_type: str  # media type only, lower case: "text/html", "application/rss+xml"
    charset: str | None


class Fetcher:
    """A client for one batch. Use as a context manager, or call close()."""

    def __init__(self, settings: Settings, transport: httpx.BaseTransport | None = None):
        self.settings = settings
        self._client = httpx.Client(
            transport=transport,
            follow_redirects=True,
            max_redirects=MAX_REDIRECTS,
            timeout=settings.fetch_timeout,
            headers={"User-Agent": USER_AGENT, "Accept": "text/html, application/xhtml+xml, "
                     "application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5"},
        )

    def get(self, url: str, source: str | None = None) -> Fetched:
        source = source or url
        limit = self.settings.max_bytes
        try:
            with self._client.stream("GET", url) as response:
                if response.status_code >= 400:
                    phrase = response.reason_phrase or ""
                    raise FetchError(source, f"HTTP error {response.status_code} {phrase}".rstrip())
                declared = response.headers.get("content-length", "")
                if declared.isdigit() and int(declared) > limit:
                    raise FetchError(source, f"larger than the limit of {limit:,} bytes")
                body = bytearray()
                for chunk in response.iter_bytes():
                    body.extend(chunk)
                    if len(body) > limit:
                        raise FetchError(source, f"larger than the limit of {limit:,} bytes")
                media, _, params = response.headers.get("content-type", "").partition(";")
                return Fetched(str(response.url), bytes(body), media.strip().lower(), _charset(params))
        except httpx.TimeoutException:
            raise FetchError(source, f"unreachable: no answer within {self.settings.fetch_timeout:g} s") from None
        except httpx.TooManyRedirects:
            raise FetchError(source, f"unreachable: more than {MAX_REDIRECTS} redirects") from None
        except httpx.InvalidURL as exc:
            raise FetchError(source, f"invalid URL: {exc}") from None
        except httpx.HTTPError as exc:
            raise FetchError(source, f"unreachable: {type(exc).__name__}: {exc}") from None

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> "Fetcher":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _charset(params: str) -> str | None:
    for param in params.split(";"):
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip().strip('"').lower()
    return None
