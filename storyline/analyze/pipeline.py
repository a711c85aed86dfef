"""Article -> AnalysedArticle: every analysis step, in order, as one pure function.

The steps each read spaCy docs of the article's parts (headline and body) and
return spans; this module runs them and fastens dates, quantities and entities
to the claims whose characters hold them.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Collection, Iterable, Iterator, Sequence

from ..model import AnalysedArticle, Article, Claim, EventDate, Part, Quantity, Sentence
from .claims import extract_claims, resolve_article_attribution
from .dates import choose_event_date, find_dates
from .entities import link_entities
from .nlp import load_nlp
from .quantities import find_quantities
from .sentences import split_sentences
from .terms import article_terms

# Bump when a change to any step changes what is derived, so stored analyses can be rebuilt.
ANALYZER_VERSION = "storyline-analyze-34"


def analyze(article: Article, nlp=None, known_outlets: Collection[str] = ()) -> AnalysedArticle:
    """Analyse one article (see :func:`analyze_many` for throughput)."""
    nlp = nlp or load_nlp()
    parts = _parts(article, [nlp(t) for _, t in _texts(article)])
    return analyze_docs(article, parts, known_outlets)


def analyze_many(
    articles: Iterable[Article], nlp=None, known_outlets: Collection[str] = (), batch_size: int = 16
) -> Iterator[AnalysedArticle]:
    """Analyse a stream of articles, parsing them in batches with ``nlp.pipe``.

    The batches grow 1, 2, 4, ... up to ``batch_size`` articles: the first analysis
    is out after one article's parse, not sixteen's, so whatever the caller starts
    on it (the tracker embeds its claims in a worker) starts that much earlier.
    spaCy's output does not depend on the batch a text is parsed in.
    """
    nlp = nlp or load_nlp()
    batch: list[Article] = []
    size = 1
    for article in articles:
        batch.append(article)
        if len(batch) >= size:
            yield from _analyze_batch(batch, nlp, known_outlets)
            batch, size = [], min(2 * size, batch_size)
    if batch:
        yield from _analyze_batch(batch, nlp, known_outlets)


def _analyze_batch(batch: list[Article], nlp, known_outlets) -> Iterator[AnalysedArticle]:
    texts = [(a, t) for a in batch for _, t in _texts(a)]
    docs = iter(nlp.pipe(t for _, t in texts))
    for article in batch:
        own = [next(docs) for _ in _texts(article)]
        yield analyze_docs(article, _parts(article, own), known_outlets)


def _texts(article: Article) -> list[tuple[Part, str]]:
    texts: list[tuple[Part, str]] = []
    if article.title.strip():
        texts.append(("title", article.title))
    texts.append(("text", article.text))
    return texts


def _parts(article: Article, docs: list) -> list[tuple[Part, object]]:
    return [(part, doc) for (part, _), doc in zip(_texts(article), docs)]


def analyze_docs(
    article: Article, parts: Sequence[tuple[Part, object]], known_outlets: Collection[str] = ()
) -> AnalysedArticle:
    """Analyse an article whose parts spaCy has already parsed."""
    mentions, entities = link_entities(parts)
    base = article.published_date
    outlets = set(known_outlets) | ({article.outlet} if article.outlet else set())
    sentences: list[Sentence] = []
    claims: list[Claim] = []
    for part, doc in parts:
        part_sentences = _sentences(doc, part, len(sentences))
        sentences.extend(part_sentences)
        part_mentions = [m for m in mentions if m.span.part == part]
        dates = find_dates(doc, part, base)
        quantities = find_quantities(doc, part)
        raw = extract_claims(
            doc, part, part_sentences, article.id, part_mentions, article.outlet, outlets
        )
        by_index = {s.index: s for s in part_sentences}
        claims.extend(
            _fasten(c, by_index[c.sentence_index], doc, dates, quantities, part_mentions)
            for c in raw
        )
    claims, relayed = resolve_article_attribution(claims, sentences, article.outlet, mentions)
    return AnalysedArticle(
        article=article,
        sentences=tuple(sentences),
        mentions=tuple(mentions),
        entities=tuple(entities),
        claims=tuple(claims),
        relayed=tuple(relayed),
        terms=article_terms(parts, mentions),
        analyzer=ANALYZER_VERSION,
    )


def _sentences(doc, part: Part, first_index: int) -> list[Sentence]:
    if part == "title":
        # A headline is one sentence whatever its punctuation, but for two clauses joined
        # by a semicolon ("toll rises to 14; authorities deny dam is cracked"): the parse
        # has them apart (nlp.semicolon_boundaries) and claims follow the parse.
        text = doc.text
        cuts = [t.idx for t in doc[1:] if t.is_sent_start and t.nbor(-1).text == ";"]
        out = []
        for lo, hi in zip([0, *cuts], [*cuts, len(text)]):
            piece = text[lo:hi].rstrip().rstrip(";").rstrip()
            start = lo + len(piece) - len(piece.lstrip())
            end = lo + len(piece)
            if end > start:
                out.append(Sentence(first_index + len(out), "title", start, end, text[start:end], 0))
        return out
    return split_sentences(doc, part, first_index)


def _inside(span, start: int, end: int) -> bool:
    return start <= span.start and span.end <= end


def _fasten(
    claim: Claim,
    sentence: Sentence,
    doc,
    dates: Sequence[EventDate],
    quantities: Sequence[Quantity],
    mentions,
) -> Claim:
    """Give a claim the dates, numbers and entities inside its sentence.

    The sentence, not the claim span, is the unit: "On Monday, officials said
    that ..." dates the content even though the date stands outside it.
    """
    lo, hi = min(claim.span.start, sentence.start), max(claim.span.end, sentence.end)
    own_dates = tuple(d for d in dates if _inside(d.span, lo, hi))
    own_quantities = tuple(q for q in quantities if _inside(q.span, claim.span.start, claim.span.end))
    keys = tuple(dict.fromkeys(m.key for m in mentions if _inside(m.span, claim.span.start, claim.span.end)))
    return replace(
        claim,
        dates=own_dates,
        event_date=choose_event_date(
            own_dates, sentence.start, sentence.end, doc, (claim.span.start, claim.span.end)
        ) if own_dates else None,
        quantities=own_quantities,
        entities=keys,
    )
