"""HTML pages to Articles: trafilatura for the text and metadata, our own reading of the publish
time (htmldate keeps only the day).

Date, best first: ``article:published_time`` (or ``datePublished`` in microdata / JSON-LD) with its
time of day; else the day htmldate finds in the page's metadata (midnight UTC). htmldate's
extensive search is off: it turns a footer's "© 2025" into 1 January 2025, an invented date.
A page with no date gets ``published=None``.
"""

from __future__ import annotations

import json
import re
import warnings
from datetime import datetime

import lxml.html
from lxml import etree

from ..errors import FormatError
from ..model import Article
from .checks import normalise
from .dates import parse_published

_META_DATE_KEYS = ("article:published_time", "og:article:published_time", "datepublished",
                   "publishdate", "pubdate", "dc.date.issued", "parsely-pub-date")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.I)
_BLOCKS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr",
           "section", "article", "header", "footer", "pre", "ul", "ol", "table", "figcaption"}


def sniff_charset(raw: bytes) -> str | None:
    """The charset an HTML document declares in its first 2 KB, if any."""
    m = _META_CHARSET.search(raw[:2048])
    return m.group(1).decode("ascii") if m else None


def article_from_html(html: str, source: str, url: str | None = None) -> Article:
    """Article from a whole page. ``url`` is where it was fetched; a canonical link wins."""
    import trafilatura

    with warnings.catch_warnings():  # trafilatura 2.3 warns about lxml truth-testing
        warnings.simplefilter("ignore", FutureWarning)
        try:
            doc = trafilatura.bare_extraction(
                html, url=url, with_metadata=True, include_comments=False, include_tables=False,
                date_extraction_params={"extensive_search": False, "original_date": True},
            )
        except (ValueError, etree.LxmlError) as exc:
            raise FormatError(source, f"unreadable HTML: {exc}") from None
    text = normalise(doc.text or "") if doc is not None else ""
    if not text:
        raise FormatError(source, "no article text found in the page")
    title = normalise(doc.title or "")
    text = _drop_headline(text, title)
    return Article(
        text=text,
        title=title,
        outlet=(doc.sitename or "").strip() or None,
        published=_published(html, doc.date, source),
        url=doc.url or url,
        source=source,
    )


def _drop_headline(text: str, title: str) -> str:
    """trafilatura keeps the <h1> as the first line; Article.text is the body without it."""
    first, _, rest = text.partition("\n")
    if title and _key(first) == _key(title) and rest.strip():
        return rest.strip()
    return text


def _key(s: str) -> str:
    return re.sub(r"\W+", " ", s).strip().casefold()


def _published(html: str, day: str | None, source: str) -> datetime | None:
    for value in _metadata_dates(html):
        try:
            return parse_published(value, source=source)
        except FormatError:
            continue  # a broken tag: the page may still say its date elsewhere
    if day:
        try:
            return parse_published(day, source=source)
        except FormatError:
            return None
    return None


def _metadata_dates(html: str) -> list[str]:
    """Publish-date values from <meta>, <time itemprop> and JSON-LD, in that order."""
    try:
        tree = lxml.html.fromstring(html)
    except (ValueError, etree.LxmlError):
        return []
    found: list[str] = []
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        if key in _META_DATE_KEYS and meta.get("content"):
            found.append(meta.get("content").strip())
    for node in tree.xpath('//*[@itemprop="datePublished"][@datetime]'):
        found.append(node.get("datetime").strip())
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text_content() or "null")
        except ValueError:
            continue
        found.extend(_json_ld_dates(data))
    return found


def _json_ld_dates(data) -> list[str]:
    if isinstance(data, list):
        return [d for item in data for d in _json_ld_dates(item)]
    if not isinstance(data, dict):
        return []
    out = [data["datePublished"]] if isinstance(data.get("datePublished"), str) else []
    for key in ("@graph", "mainEntity", "mainEntityOfPage"):
        out.extend(_json_ld_dates(data.get(key)))
    return out


def fragment_text(html: str) -> str:
    """Text of an HTML fragment (a feed item's content), one paragraph a line."""
    if "<" not in html:
        return normalise(html)
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (ValueError, etree.LxmlError):
        return normalise(re.sub(r"<[^>]+>", " ", html))
    for bad in root.xpath(".//script|.//style"):
        bad.drop_tree()
    parts: list[str] = []

    def walk(node):
        if isinstance(node.tag, str) and node.tag.lower() in _BLOCKS:
            parts.append("\n")
        if node.text and isinstance(node.tag, str):
            parts.append(node.text)
        for child in node:
            walk(child)
            if child.tail:
                parts.append(child.tail)
        if isinstance(node.tag, str) and node.tag.lower() in _BLOCKS:
            parts.append("\n")

    walk(root)
    lines = (re.sub(r"[ \t\u00a0]+", " ", ln).strip() for ln in "".join(parts).split("\n"))
    return normalise("\n".join(ln for ln in lines if ln))
