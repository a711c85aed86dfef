"""The web edge: ``storyline serve``, a local web app and JSON API over a store.

    app.py         create_app(db, token=..., host=...): the FastAPI app
    data.py        the one way pages and API read and write (Data), over index.py's cache
    api.py         JSON routes under /api          pages.py   HTML routes
    viewmodels.py  what each page shows, as data   summary.py one line per story
    timeline_svg.py, provenance.py, highlight.py   SVG charts and highlighted text, drawn in Python
    adding.py      pasted text, URLs, feeds and uploads into the tracker
    security.py    headers, token rule, host check   errors.py  typed errors -> HTTP statuses
"""

from __future__ import annotations

__all__ = ["create_app"]


def create_app(*args, **kwargs):
    from .app import create_app as make

    return make(*args, **kwargs)
