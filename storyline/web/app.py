"""The web app, built by a factory so that tests and ``storyline serve`` make their own.

    >>> app = create_app("storyline-demo.db")            # reads open, writes from loopback
    >>> app = create_app("news.db", token="s3cret", host="0.0.0.0")

``host`` is where the server listens: beyond loopback every write needs ``token``.
On loopback, requests addressed to any other host name are refused.
"""

from __future__ import annotations

import sqlite3
from contextlib import asynccontextmanager
from pathlib import Path
from urllib.parse import quote

from fastapi import FastAPI, Request
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from .. import __version__
from ..errors import StorylineError
from ..export.labels import RELAY_MARK, date_label, quantity_label, support_label
from ..settings import DEFAULT, Settings
from . import api, errors, pages
from .data import Data
from .head import HeadAsGet
from .security import LoopbackOnly, SecurityHeaders, WritePolicy, is_loopback

HERE = Path(__file__).resolve().parent
WARM_STORIES = 8  # latest stories whose reports are decoded at start-up


def create_app(
    db: str | Path,
    *,
    token: str | None = None,
    host: str = "127.0.0.1",
    settings: Settings = DEFAULT,
    transport=None,
) -> FastAPI:
    """The app over the store at ``db``. ``transport`` (an httpx transport) is for tests."""
    data = Data(db, settings=settings, transport=transport)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        data.index.refresh()  # build the story index now, not in the first visitor's request
        _warm(data)  # and the latest stories' reports: their first views need no decoding
        yield
        data.close()

    app = FastAPI(
        title="storyline",
        version=__version__,
        description="Stories, facts with their sources, timelines and conflicts, from a storyline store.",
        docs_url=None,  # the default pages load scripts from a CDN; /docs is drawn on the server
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.data = data
    app.state.policy = WritePolicy.for_host(host, token)
    app.state.templates = Jinja2Templates(env=_environment(app))
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)
    errors.install(app, _error_page)
    app.add_middleware(SecurityHeaders)
    if is_loopback(host):
        app.add_middleware(LoopbackOnly)
    app.add_middleware(HeadAsGet)  # outermost: the checks above see HEAD as the GET it is
    return app


def _warm(data: Data) -> None:
    """Decode the latest stories' reports before anyone asks; a failure only leaves them cold."""
    try:
        data.index.warm(WARM_STORIES)
    except (StorylineError, sqlite3.Error):
        pass


def _environment(app: FastAPI) -> Environment:
    env = Environment(
        loader=FileSystemLoader(HERE / "templates"),
        autoescape=True,  # every template, whatever its name: article text is untrusted
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["path"] = lambda s: quote(str(s), safe="")
    env.filters["when"] = lambda d: d.strftime("%Y-%m-%d %H:%M") if d else "undated"
    env.filters["http_url"] = lambda u: u if isinstance(u, str) and u.lower().startswith(("http://", "https://")) else None
    env.filters["day"] = lambda d: d.strftime("%Y-%m-%d") if d else "undated"
    env.globals.update(
        date_label=date_label, quantity_label=quantity_label, relay_mark=RELAY_MARK,
        support_label=support_label, version=__version__,
        policy=lambda: app.state.policy,
    )
    return env


def _error_page(request: Request, status: int, kind: str, message: str):
    return request.app.state.templates.TemplateResponse(
        request, "error.html", {"title": f"Error {status}", "nav": "", "status": status, "kind": kind, "message": message},
        status_code=status,
    )
