"""The HTML pages. Each reads through :class:`Data`, as its JSON twin in ``api.py`` does."""

from __future__ import annotations

from datetime import date
from typing import Optional

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.datastructures import UploadFile

from ..errors import InputError
from .adding import FileInput, TextInput, UrlInput, WebInput
from .api import data
from .viewmodels import article_view, fact_view, page_numbers, story_view

router = APIRouter(include_in_schema=False)
STORIES_PER_PAGE = 50


def parse_day(value: Optional[str], name: str) -> Optional[date]:
    """A date from a form field: empty is none; anything but YYYY-MM-DD is an input error."""
    if value is None or not value.strip():
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise InputError(name, f"{value!r} is not a date: use YYYY-MM-DD") from None


def parse_page(value: Optional[str]) -> int:
    try:
        return max(1, int(value)) if value else 1
    except ValueError:
        raise InputError("page", f"{value!r} is not a page number") from None


def render(request: Request, name: str, status_code: int = 200, nav: str = "", **context) -> Response:
    context["nav"] = nav
    return request.app.state.templates.TemplateResponse(request, name, context, status_code=status_code)


@router.get("/", response_class=HTMLResponse)
def stories_page(
    request: Request,
    q: Optional[str] = None,
    entity: Optional[str] = None,
    since: Optional[str] = None,
    until: Optional[str] = None,
    page: Optional[str] = None,
):
    d = data(request)
    number = parse_page(page)
    found = d.stories(
        q=q, entity=entity, since=parse_day(since, "since"), until=parse_day(until, "until"),
        offset=(number - 1) * STORIES_PER_PAGE, limit=STORIES_PER_PAGE,
    )
    pages = max(1, -(-found.total // STORIES_PER_PAGE))
    return render(
        request, "stories.html", nav="stories", title="Stories", found=found, page=number, pages=pages,
        page_numbers=page_numbers(number, pages),
        form={"q": q or "", "entity": entity or "", "since": since or "", "until": until or ""},
    )


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story_page(request: Request, story_id: str, since: Optional[str] = None, page: Optional[str] = None):
    report = data(request).story(story_id)
    view = story_view(report, parse_day(since, "since"), parse_page(page))
    return render(request, "story.html", title=report.title, v=view,
                  page_numbers=page_numbers(view.page, view.pages))


@router.get("/facts/{fact_id}", response_class=HTMLResponse)
def fact_page(request: Request, fact_id: str):
    view = fact_view(data(request).fact(fact_id))
    return render(request, "fact.html", title=view.card.fact.text, v=view)


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(request: Request, article_id: str):
    view = article_view(data(request).article(article_id))
    return render(request, "article.html", title=view.article.title or view.article.id, v=view)


@router.get("/entities/{name}", response_class=HTMLResponse)
def entity_page(request: Request, name: str):
    ctx = data(request).entity(name)
    return render(request, "entity.html", title=ctx.entity.name, ctx=ctx)


@router.get("/add", response_class=HTMLResponse)
def add_page(request: Request):
    return render(request, "add.html", nav="add", title="Add articles", results=None)


@router.post("/add")
async def add_submit(request: Request):
    """Hand the inputs to the background worker and show the job's page at once."""
    form = await request.form()
    token = form.get("token")
    request.app.state.policy.check(request, token if isinstance(token, str) else None)
    inputs = await _inputs(form)
    if not inputs:
        raise InputError("form", "nothing to add: paste a text, give a URL, or choose a file")
    job = data(request).jobs.submit(inputs)
    return RedirectResponse(f"/jobs/{job.id}", status_code=303)


@router.get("/jobs/{job_id}", response_class=HTMLResponse)
def job_page(request: Request, job_id: str):
    job = data(request).jobs.get(job_id)
    return render(request, "job.html", nav="add", title="Adding articles", job=job,
                  results=job.results if not job.pending else None)


async def _inputs(form) -> list[WebInput]:
    kind = form.get("kind")
    text = _field(form, "text")
    if kind == "text" and text:
        return [TextInput(
            text, _field(form, "title"), _field(form, "outlet"), _field(form, "published"), _field(form, "url"),
        )]
    if kind == "url" and _field(form, "url"):
        return [UrlInput(_field(form, "url"))]
    if kind == "file":
        files = [f for f in form.getlist("file") if isinstance(f, UploadFile) and f.filename]
        return [FileInput(f.filename, await f.read()) for f in files]
    return []


def _field(form, name: str) -> Optional[str]:
    value = form.get(name)
    return value.strip() if isinstance(value, str) and value.strip() else None


@router.get("/docs", response_class=HTMLResponse)
def api_docs(request: Request):
    """The API reference, drawn on the server from the OpenAPI document (no CDN, no script)."""
    spec = request.app.openapi()
    routes = []
    for path, methods in spec.get("paths", {}).items():
        for method, op in methods.items():
            params = [
                (p["name"], p["in"], p.get("required", False), p.get("description", ""))
                for p in op.get("parameters", [])
            ]
            routes.append((method.upper(), path, op.get("summary", ""), op.get("description", ""), params,
                           "requestBody" in op))
    return render(request, "docs.html", nav="docs", title="JSON API", routes=routes)


@router.get("/favicon.ico")
def favicon():
    return RedirectResponse("/static/favicon.svg", status_code=308)
