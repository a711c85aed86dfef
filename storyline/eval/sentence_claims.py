"""A lone sentence as a Claim, for the sentence-pair benchmarks (MRPC, STS-B).

Benchmarks give bare sentences, not articles, so each becomes one claim (the
whole sentence, attribution included) with its quantities, entity keys and
negation read by the product's own analysers (negation excepted, see
``is_negated``). Each sentence is linked on its
own, as two articles are: a surname is not resolved against the other side.
The small fallbacks here only keep the benchmark runnable if an analyser is
missing from an installation.
"""

from __future__ import annotations

import re

from ..model import Claim, Quantity, Span

try:  # the product's analysers, when present
    from ..analyze.quantities import find_quantities as _product_quantities
except ImportError:  # pragma: no cover - depends on what is installed
    _product_quantities = None
try:
    from ..analyze.entities import link_entities as _product_entities
except ImportError:  # pragma: no cover
    _product_entities = None

NUMERIC = {"CARDINAL", "MONEY", "PERCENT", "QUANTITY"}
ACTORS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"}
CURRENCY = {"$": "USD", "us$": "USD", "dollar": "USD", "£": "GBP", "pound": "GBP", "€": "EUR",
            "euro": "EUR", "yen": "JPY", "¥": "JPY"}
SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "m": 1e6, "bn": 1e9}
QUALIFIER_WORDS = [
    ("more than", "more_than"), ("over", "more_than"), ("at least", "at_least"),
    ("up to", "up_to"), ("as many as", "up_to"), ("at most", "at_most"), ("less than", "less_than"),
    ("fewer than", "less_than"), ("under", "less_than"), ("about", "approx"), ("around", "approx"),
    ("nearly", "approx"), ("almost", "approx"), ("some", "approx"), ("roughly", "approx"),
    ("approximately", "approx"), ("an estimated", "approx"),
]
UNIT_WORDS = {"percent", "cent", "point", "dollar", "euro", "pound", "yen", "%"}
NEGATORS = {"no", "never", "nobody", "none", "nothing", "neither", "nor"}
_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?|\.\d+")


def sentence_claim(doc, claim_id: str) -> tuple[Claim, dict[str, str]]:
    """The sentence as a claim, and the type of each entity key it names."""
    text = doc.text
    keys, kinds = entities(doc)
    claim = Claim(
        id=claim_id,
        article_id=claim_id,
        sentence_index=0,
        span=Span("text", 0, len(text)),
        text=text,
        status="asserted",
        quantities=tuple(find_quantities(doc)),
        entities=keys,
        negated=is_negated(doc),
        predicate=predicate(doc),
    )
    return claim, kinds


def entities(doc) -> tuple[tuple[str, ...], dict[str, str]]:
    if _product_entities is not None:
        mentions, found = _product_entities([("text", doc)])
        return tuple(dict.fromkeys(m.key for m in mentions)), {e.key: e.type for e in found}
    ents = [e for e in doc.ents if e.label_ in ACTORS]
    kinds = {entity_key(e): e.label_ for e in ents}
    return tuple(kinds), kinds


def entity_key(ent) -> str:
    """Lower-cased name without a leading article; a rough stand-in for the linker's keys."""
    words = [t.text.lower() for t in ent if not (t.i == ent.start and t.lower_ == "the")]
    return " ".join(words).strip(" .'\"")


def is_negated(doc) -> bool:
    """Does the main clause or its reported content carry a negation ('not', 'never', 'no one')?

    Not ``analyze.status.is_negated``: that reads a claim's content, while a
    benchmark sentence keeps its attribution, whose reporting verb is the root.
    """
    for tok in doc:
        if tok.dep_ == "neg" and tok.head.dep_ in ("ROOT", "ccomp", "conj", "xcomp", "aux"):
            return True
        if tok.lower_ in NEGATORS and tok.dep_ in ("det", "nsubj", "neg", "advmod", "dobj"):
            return True
    return False


def predicate(doc) -> str:
    """The lemma of the sentence's main verb, or of what it reports ("X said troops
    arrived": "arrive"), as the product's claim of the reported content would have it."""
    from ..analyze.cues import REPORTING_VERBS
    from ..analyze.syntax import main_verb

    verb = main_verb(doc[:])
    if verb is None:
        return ""
    if verb.lemma_.lower() in REPORTING_VERBS:
        verb = next((c for c in verb.children if c.dep_ == "ccomp"), verb)
    return verb.lemma_.lower()


def find_quantities(doc) -> list[Quantity]:
    if _product_quantities is not None:
        return list(_product_quantities(doc, "text"))
    return [q for q in (_quantity(e) for e in doc.ents if e.label_ in NUMERIC) if q is not None]


def _quantity(ent) -> Quantity | None:
    from text_to_num import alpha2digit

    raw = ent.text
    lowered = " " + raw.lower() + " "
    digits = alpha2digit(raw, "en")
    match = _NUMBER.search(digits)
    if not match:
        return None
    value = float(match.group().replace(",", ""))
    after = digits[match.end():].lower().split()
    if after and after[0] in SCALE:
        value *= SCALE[after[0]]
    qualifier = next((q for w, q in QUALIFIER_WORDS if f" {w} " in lowered), "exact")
    unit = None
    if ent.label_ == "PERCENT":
        unit = "percent"
    elif ent.label_ == "MONEY":
        unit = next((c for s, c in CURRENCY.items() if s in lowered), "money")
    head = ent.root.head if ent.root.dep_ in ("nummod", "quantmod", "compound") else None
    counted = head.lemma_.lower() if head is not None and head.pos_ in ("NOUN", "PROPN") else None
    if counted in UNIT_WORDS:
        counted = None
    return Quantity(raw, Span("text", ent.start_char, ent.end_char), value, None, None,
                    qualifier, unit, counted)
