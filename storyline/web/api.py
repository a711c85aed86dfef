"""The JSON API: the same data as the pages, for other tools.

A story is served in the export's public shape (``storyline/export/story.schema.json``);
every error is ``{"error": {"type": ..., "message": ...}}``.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Optional, Union

from fastapi import APIRouter, Depends, Query, Request, Response
from pydantic import BaseModel, Field

from ..errors import InputError
from ..export.json_export import story_json
from .adding import TextInput, UrlInput
from .data import MAX_PAGE, Data
from .summary import summary_json
from .viewmodels import article_api_json, fact_api_json, since_json

router = APIRouter(prefix="/api", tags=["api"])


def data(request: Request) -> Data:
    return request.app.state.data


def may_write(request: Request) -> None:
    request.app.state.policy.check(request)


@router.get("/stories", summary="List stories, latest activity first")
def list_stories(
    q: Optional[str] = Query(None, description="Words that must all appear (title, headlines, facts, entities)."),
    entity: Optional[str] = Query(None, description="An entity's key, name or alias."),
    since: Optional[date] = Query(None, description="Only stories with an article published on or after this day."),
    until: Optional[date] = Query(None, description="Only stories with an article published on or before this day."),
    offset: int = Query(0, ge=0),
    limit: int = Query(50, ge=1, le=MAX_PAGE),
    d: Data = Depends(data),
) -> dict[str, Any]:
    page = d.stories(q=q, entity=entity, since=since, until=until, offset=offset, limit=limit)
    return {
        "total": page.total,
        "offset": page.offset,
        "limit": page.limit,
        "stories": [summary_json(s) for s in page.stories],
    }


@router.get("/stories/{story_id}", summary="One story, in the JSON export's shape")
def get_story(story_id: str, d: Data = Depends(data)) -> dict[str, Any]:
    return story_json(d.story(story_id))


@router.get("/stories/{story_id}/since", summary="What a story gained from articles published since a day")
def story_since(story_id: str, date_: date = Query(..., alias="date"), d: Data = Depends(data)) -> dict[str, Any]:
    return {"story_id": story_id, **since_json(d.story(story_id), date_)}


@router.get("/facts/{fact_id}", summary="One fact: its claims, attribution chains and provenance")
def get_fact(fact_id: str, d: Data = Depends(data)) -> dict[str, Any]:
    return fact_api_json(d.fact(fact_id))


@router.get("/articles/{article_id}", summary="One article: its text, claims with offsets, what it added")
def get_article(article_id: str, d: Data = Depends(data)) -> dict[str, Any]:
    return article_api_json(d.article(article_id))


@router.get("/entities/{name}", summary="An entity (by key, name or alias): its stories and facts")
def get_entity(name: str, d: Data = Depends(data)) -> dict[str, Any]:
    ctx = d.entity(name)
    e = ctx.entity
    return {
        "key": e.key,
        "name": e.name,
        "type": e.type or None,
        "aliases": list(e.aliases),
        "stories": [summary_json(s) for s in ctx.stories],
        "facts": [{"story_id": s.id, "id": f.id, "text": f.text, "status": f.status} for s, f in ctx.facts],
        "facts_from_stories": len(ctx.stories) - ctx.more_stories,
    }


class ArticleIn(BaseModel):
    """An article's text with what is known of it, or only a URL (an article page or a feed)."""

    text: Optional[str] = Field(None, description="The article's body. Without it, `url` is fetched.")
    title: Optional[str] = None
    outlet: Optional[str] = None
    published: Optional[str] = Field(None, description="ISO 8601 date or date-time.")
    url: Optional[str] = None


@router.post(
    "/articles",
    summary="Add articles: text with metadata, or a URL to fetch (a page or a feed)",
    description=(
        "With `wait=true` (the default) the answer comes when the articles are stored, with what "
        "became of each item. With `wait=false` it comes at once, 202 with a job (its `Location` "
        "is `/api/jobs/{id}`), and the work goes on in the background."
    ),
    dependencies=[Depends(may_write)],
)
def add_articles(
    body: Union[ArticleIn, list[ArticleIn]],
    response: Response,
    wait: bool = Query(True, description="Answer when done (true) or at once with a job (false)."),
    d: Data = Depends(data),
) -> dict[str, Any]:
    items = body if isinstance(body, list) else [body]
    if not items:
        raise InputError("request", "no articles given")
    inputs = []
    for n, item in enumerate(items):
        if item.text and item.text.strip():
            source = f"item {n + 1}" if len(items) > 1 else "request"
            inputs.append(TextInput(item.text, item.title, item.outlet, item.published, item.url, source=source))
        elif item.url and item.url.strip():
            inputs.append(UrlInput(item.url))
        else:
            raise InputError(f"item {n + 1}", "give 'text' (with optional title, outlet, published, url) or a 'url'")
    job = d.jobs.submit(inputs)
    if not wait:
        response.status_code = 202
        response.headers["Location"] = f"/api/jobs/{job.id}"
        return job.to_json()
    job = d.jobs.wait(job.id)
    if job.exception is not None:
        raise job.exception  # the same HTTP status as if the request had done the work itself
    return job.to_json()


@router.get("/jobs/{job_id}", summary="An add job: queued, running, done (with each item's result) or failed")
def get_job(job_id: str, d: Data = Depends(data)) -> dict[str, Any]:
    return d.jobs.get(job_id).to_json()
