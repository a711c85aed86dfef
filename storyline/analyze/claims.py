"""Claims: one per asserting sentence or clause, with who says it and how sure it is.

:func:`extract_claims` works sentence by sentence on one part of an article (see
:mod:`.attribution` for the patterns it reads). :func:`resolve_article_attribution` then reads
the article as a whole: which report it rewrites, what "the newspaper" or "the officials"
point back to, and which unattributed sentences carry on a source named before them.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Collection, Sequence

from ..model import SPLIT_OFF_SUFFIX, Claim, EntityMention, Part, Sentence, Source, Span
from .attribution import Relation, find_relations, news_agency, outlet_like
from .cues import (
    ANONYMITY, ANONYMOUS_NOUNS, EXPECTATION_VERBS, NEWS_AGENCIES, OUTLET_BACKREFS, RELAY_VERBS, REPORT_BACKREFS,
    REPORTING_VERBS, ROLE_NOUNS,
)
from .furniture import BYLINE
from .status import claim_status, is_negated
from .syntax import main_verb, relative_clause_tokens
from .tallies import TALLY_VERBS, counted_by_subject

_DATELINE = re.compile(r"^[A-Z][A-Z .,'’-]{2,}(\([^)]*\))?\s*[-–—:]*$")
_CAPTION = re.compile(r"^\(?(photo|image|picture|caption|video|watch|file photo|credit)\b|getty images|/\s*(ap|afp|reuters)\b", re.I)
# "This article first appeared in X", "Originally published by X": where the copy comes from,
# not a claim about the story (the copy itself is linked to its original by MinHash).
_SYNDICATION = re.compile(
    r"^(this (article|story|report|piece) (first|originally) (appeared|ran|was (published|posted))"
    r"|(it was |this (article|story) was )?(originally|first) published (in|by|on)"
    r"|(republished|reprinted|reproduced) with (the )?permission)\b", re.I)
_BOILERPLATE = re.compile(r"^(read (more|also|next)|see also|related|subscribe|sign up|follow us|click here|advertisement|share this)\b", re.I)


def not_a_claim(sent) -> str | None:
    """Why a sentence (a spaCy span) asserts nothing, or None when it may be a claim."""
    text = sent.text.strip()
    if not text:
        return "empty"
    if text.rstrip('"”’\')').endswith("?"):
        return "question"
    if _BOILERPLATE.match(text):
        return "boilerplate"
    if _SYNDICATION.match(text):
        return "syndication note"
    if _CAPTION.search(text):
        return "caption"
    if _DATELINE.match(text) or (len(sent) <= 6 and text.rstrip().endswith(("-", "—", "–"))):
        return "dateline"
    if BYLINE.match(text) and len(sent) <= 8 and not any(t.pos_ == "VERB" for t in sent):
        return "byline"
    if not any(t.pos_ in ("VERB", "AUX") for t in sent):
        return "no verb"
    if _sourcing_note(sent) or _no_comment(sent):
        return "sourcing note"
    return None


_NO_COMMENT = re.compile(
    r"\b((declined|refused) to comment|(did not|didn't|could not|couldn't) (immediately )?"
    r"(respond|reply) to (a |an |several )?(requests?|emails?|calls?|messages?) for comment"
    r"|could not (immediately )?be reached for comment|did not return (a |several )?(requests?|calls?|messages?) for comment)",
    re.I)


def _no_comment(sent) -> bool:
    """'The ministry declined to comment.': that a source said nothing is how the story was
    reported, not a fact of it. Only when it is the sentence's main verb ('X, who declined to
    comment on the fire, said ...' still reports what X said)."""
    match = _NO_COMMENT.search(sent.text)
    return match is not None and sent.root.lemma_.lower() in (
        "decline", "refuse", "respond", "reply", "reach", "return")


def _sourcing_note(sent) -> bool:
    """'The officials spoke on condition of anonymity.': how the sources were heard, said as the
    sentence's whole point, is no claim about the story. Only when the note is the main verb's
    and it reports nothing ('Officials, who spoke anonymously, said ...' is a claim)."""
    root = sent.root
    return (root.lemma_.lower() in ("speak", "talk", "ask", "request", "decline", "insist", "be")
            and not any(c.dep_ in ("ccomp", "parataxis") for c in root.children)
            and ANONYMITY.search(sent.text) is not None
            and not any(t.dep_ == "relcl" and ANONYMITY.search(" ".join(d.text for d in t.subtree))
                        for t in sent))


def extract_claims(doc, part: Part, sentences: Sequence[Sentence], article_id: str,
                   mentions: Sequence[EntityMention] = (), outlet: str | None = None,
                   known_outlets: Collection[str] = ()) -> list[Claim]:
    """Claims of one part of an article, in text order, each attributed as its sentence says.

    ``outlet`` is the article's own outlet: "<outlet> reports" in its own text is the article
    speaking, not a relay.
    """
    outlets = set(known_outlets) | ({outlet} if outlet else set())
    claims: list[Claim] = []
    quote_chain: tuple[Source, ...] | None = None
    pending: list[int] = []  # claims inside a quotation still waiting for its speaker
    carry: tuple[Source, ...] = ()  # the speaker of a quotation still open
    inside = False  # is a quotation open at this point of the text
    ahead: tuple[tuple[Source, ...], int] | None = None  # chain and end of a quotation announced by "X said:"
    for sentence in sentences:
        sent = doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
        if sent is None:
            continue
        if not_a_claim(sent):
            # a transcript's "SMITH:" alone on its line asserts nothing but names who speaks next
            announced = _announced(find_relations(doc, part, sentence, mentions, outlets), sentence)
            if announced is not None:
                ahead, carry = announced, ()
            continue
        relations = innermost(find_relations(doc, part, sentence, mentions, outlets), doc)
        before = [(r, ch) for r, ch in relations if r.content.end <= sentence.start]
        after = [(r, ch) for r, ch in relations if r.content.start >= sentence.end]
        if before or after:
            # '“...!” one voter wrote.' / 'He said:' + a quoted paragraph: the speaker's
            # sentence names who speaks; the quotation stays the claim of its own sentence.
            for r, ch in before:
                claims = [_attributed(c, ch, None, doc) if not c.attribution and r.content.start <= c.span.start
                          and c.span.end <= r.content.end else c for c in claims]
            ahead = next(((ch, r.content.end) for r, ch in after), ahead)
            relations = [x for x in relations if x not in before and x not in after]
            if not relations:
                continue
        elif ahead and not relations and sentence.start < ahead[1]:
            claims.extend(_attributed(c, ahead[0], None, doc)
                          for c in _claims_of(sentence, sent, relations, doc, part, article_id, outlet))
            continue
        ahead = None
        made = _claims_of(sentence, sent, relations, doc, part, article_id, outlet)
        # A quotation running over several sentences belongs to the speaker named at its end.
        was_inside = inside
        inside = _inside_quote_after(sentence.text, inside)
        opens, closes = int(inside and not was_inside), int(was_inside and not inside)
        if carry and not relations:
            # inside a quotation its speaker opened in an earlier sentence
            made = [_attributed(c, carry, None, doc) for c in made]
            if closes > opens:
                carry = ()
            claims.extend(made)
            continue
        carry = ()
        if relations and opens > closes and relations[-1][1]:
            carry = relations[-1][1]
        if quote_chain is None and opens > closes and not relations:
            pending.extend(range(len(claims), len(claims) + len(made)))
            quote_chain = ()
        elif quote_chain is not None and pending:
            if relations and closes > opens and relations[0][1]:
                for i in pending:
                    claims[i] = _attributed(claims[i], relations[0][1], None, doc)
                pending, quote_chain = [], None
            elif not relations:
                pending.extend(range(len(claims), len(claims) + len(made)))
            else:
                pending, quote_chain = [], None
            if closes > opens:
                pending, quote_chain = [], None
        claims.extend(made)
    return claims


def _announced(relations: Sequence[Relation], sentence: Sentence) -> tuple[tuple[Source, ...], int] | None:
    """The chain and content end of a relation whose content follows its sentence."""
    return next(((r.chain, r.content.end) for r in relations if r.content.start >= sentence.end and r.chain), None)


def _inside_quote_after(text: str, inside: bool) -> bool:
    """Is a quotation still open at the end of ``text``, given whether one was open before it?"""
    for ch in text:
        if ch == "“":
            inside = True
        elif ch == "”":
            inside = False
        elif ch == '"':
            inside = not inside
    return inside


def innermost(relations: Sequence[Relation], doc) -> list[tuple[Relation, tuple[Source, ...]]]:
    """Relations whose content holds no other relation, each with the full chain around it.

    "The Times writes that officials said A": the claim is A, by (officials, The Times).
    """
    relations = _merge_same_content(relations)
    out = []
    for r in relations:
        lo, hi = r.content_tokens
        inner = [o for o in relations if o is not r and lo <= o.cue_tokens[0] < hi
                 and lo <= o.content_tokens[0] and o.content_tokens[1] <= hi]
        if inner:
            # "X rejected reports that A, saying B": A is X's claim too, not only B.
            clipped = _before_inner(r, inner, doc)
            if clipped is not None:
                out.append((clipped, tuple(r.chain)))
            continue
        outer = [o for o in relations if o is not r and o.content_tokens[0] <= r.cue_tokens[0] < o.content_tokens[1]
                 and o.content_tokens[0] <= lo and hi <= o.content_tokens[1]]
        outer.sort(key=lambda o: o.content_tokens[1] - o.content_tokens[0])
        chain = list(r.chain)
        if outer and all(s.name.lower() in _FIRST_PERSON for s in chain):
            chain = []  # '"I can tell you what I counted," he said': "I" is the speaker himself
        for o in outer:
            # "Orsk said ... whom she said had no chance": "she" is Orsk, one link, not two
            chain.extend(s for s in o.chain if s.name not in {c.name for c in chain})
        out.append((r, tuple(chain)))
    return out


_FIRST_PERSON = frozenset({"i", "we", "me", "us"})


def _before_inner(r: Relation, inner: Sequence[Relation], doc) -> Relation | None:
    """The part of ``r``'s content before its first nested relation, when it is a clause."""
    lo = r.content_tokens[0]
    # the nested clause starts where its cue's phrase does: "..., whom she said had ..."
    # stops before "whom she", not at "said"
    stop = min(_phrase_start(doc[o.cue_tokens[0]], lo) for o in inner)
    hi = stop
    while hi > lo and (doc[hi - 1].is_punct or doc[hi - 1].lower_ in ("and", "but", "while")):
        hi -= 1
    tokens = doc[lo:hi]
    # a clause needs a verb of its own: "I can only" (before "tell you what ...") has none
    if len(tokens) < 3 or not any(t.pos_ == "VERB" or t.pos_ == "AUX" and t.tag_ != "MD" for t in tokens):
        return None
    span = Span(r.content.part, tokens[0].idx, tokens[-1].idx + len(tokens[-1]))
    return replace(r, content=span, content_tokens=(lo, hi))


def _phrase_start(cue, lo: int) -> int:
    edge = cue.left_edge.i
    return edge if edge > lo else cue.i


def _merge_same_content(relations: Sequence[Relation]) -> list[Relation]:
    """Two cues over one content ("According to sources, A, The Times writes"): one relation
    whose chain puts the nearer source first: an unnamed or personal source before an outlet."""
    merged: dict[tuple[int, int], Relation] = {}
    for r in relations:
        other = merged.get(r.content_tokens)
        if other is None:
            merged[r.content_tokens] = r
            continue
        first, second = sorted((other, r), key=lambda x: any(s.kind == "outlet" for s in x.chain))
        chain = first.chain + tuple(s for s in second.chain if s not in first.chain)
        merged[r.content_tokens] = replace(first, chain=chain, denied=first.denied or second.denied)
    return list(merged.values())


def _claims_of(sentence: Sentence, sent, relations, doc, part, article_id, outlet) -> list[Claim]:
    claims: list[Claim] = []
    own = [outlet.lower()] if outlet else []

    def add(cid: str, lo: int, hi: int, span: Span, chain=(), cue=None, denied=False) -> None:
        """One claim per proposition: a supplement (``_supplement``) is a claim of its own."""
        if _judged_it(doc, lo, hi):
            lo, span = lo + 1, Span(span.part, doc[lo + 1].idx, span.end)
        while lo < hi and (doc[lo].is_punct and doc[lo].text in ",;:-–—" or _complementizer(doc[lo])):
            lo += 1  # "According to X, A, but B" and "noted that A, altering B": the pieces start at A
        supplement = _supplement(doc, lo, hi)
        if supplement is None:
            claims.append(_claim(cid, article_id, sentence, span, doc.text[span.start:span.end],
                                 list(doc[lo:hi]), chain, cue, denied))
            return
        (mlo, mhi), (plo, phi) = supplement
        for suffix, (a, b) in (("", (mlo, mhi)), (SPLIT_OFF_SUFFIX, (plo, phi))):
            piece = Span(part, doc[a].idx, doc[b - 1].idx + len(doc[b - 1]))
            claims.append(_claim(cid + suffix, article_id, sentence, piece, doc[a:b].text, list(doc[a:b]),
                                 chain, cue, denied))

    if not relations:
        add(f"{article_id}:{sentence.index}:0", sent.start, sent.end, Span(part, sentence.start, sentence.end))
        return claims
    main = _main_clause(sent, relations)
    if main is not None:  # "The agency corrected the toll to 31, saying ...": the outlet's own report
        lo, hi = main
        add(f"{article_id}:{sentence.index}:m", lo, hi, Span(part, doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1])))
    for n, (rel, chain) in enumerate(relations):
        chain = tuple(s for s in chain if s.name.lower() not in own)  # the article's own voice
        lo, hi = rel.content_tokens
        act = _act_on_a_mention(doc, rel)
        if act is not None:  # "Pyongyang has not confirmed the deployment"
            alo, ahi = act
            add(f"{article_id}:{sentence.index}:{n}", alo, ahi,
                Span(part, doc[alo].idx, doc[ahi - 1].idx + len(doc[ahi - 1])), chain)
            continue
        add(f"{article_id}:{sentence.index}:{n}", lo, hi, rel.content, chain, rel.cue, rel.denied)
    return claims


def _judged_it(doc, lo: int, hi: int) -> bool:
    """Does the content open with the empty "it" of a judgement, "it ADJ that X"? "She judged it
    unlikely that the regime would send more troops": the claim reads "unlikely that the regime
    would send more troops". The adjective stays, for it carries the meaning (and the hedge);
    the "it" stands for nothing and, without a verb, "it unlikely that X" reads as no sentence."""
    if hi - lo < 4 or doc[lo].lower_ != "it":
        return False
    adjective = doc[lo].head
    if adjective.pos_ != "ADJ" or not lo < adjective.i <= lo + 2 or adjective.head.i == adjective.i:
        return False
    return any(c.dep_ in ("advcl", "ccomp") and c.i < hi and c.left_edge.i == adjective.i + 1
               and _complementizer(doc[c.left_edge.i]) for c in adjective.children)


def _complementizer(token) -> bool:
    """The "that" opening a reported clause: not part of what is reported."""
    return token.lower_ == "that" and token.dep_ == "mark"


def _act_on_a_mention(doc, rel: Relation) -> tuple[int, int] | None:
    """The whole clause, when a cue's content is a mere mention of something told before.

    "Pyongyang has not confirmed the deployment", "the official did not dispute that figure",
    "police denied the allegations": the object only points back at a report, so "the
    deployment" or "that figure" is no claim; that the speaker confirmed, disputed or denied
    it is. Like a stance ("Lowe criticized the plan"), the claim is the clause, source and
    all, said by the speaker. A noun phrase that says something ("the deaths of two
    soldiers") stays the content.
    """
    lo, hi = rel.content_tokens
    cue = doc[rel.cue_tokens[0]]
    tokens = [t for t in doc[lo:hi] if not t.is_punct]
    if not tokens or len(tokens) > 2 or any(t.pos_ in ("VERB", "AUX") for t in tokens):
        return None
    head = tokens[-1]
    if head.dep_ != "dobj" or head.head.i != cue.i or head.pos_ != "NOUN" or \
            any(t.dep_ not in ("det", "poss") for t in tokens[:-1]):
        return None
    subject = next((c for c in cue.children if c.dep_ == "nsubj" and c.i < cue.i), None)
    if subject is None or any(t.dep_ in ("relcl", "acl") for t in subject.subtree):
        return None
    return subject.left_edge.i, hi


def _supplement(doc, lo: int, hi: int) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """A second proposition ending a claim: (the main clause's tokens, the supplement's).

    After a comma, a participle with an object of its own and no subject tells a
    consequence ("A quake hit X on Saturday, killing 12 people"), and a non-restrictive
    relative clause an aside ("320 were hurt in the quake, which hit X on Saturday"),
    each a fact that other reports state alone; kept in one claim, the pair would match
    neither those reports nor the bare main clause. None when there is none.
    """
    heads = [t for t in doc[lo:hi] if not lo <= t.head.i < hi or t.head.i == t.i]
    if len(heads) != 1 or heads[0].pos_ not in ("VERB", "AUX"):
        return None
    for c in _supplement_heads(doc, heads[0], hi):
        plo, phi = c.left_edge.i, c.right_edge.i + 1
        while phi > plo and doc[phi - 1].is_space:
            phi -= 1  # the parser hangs a paragraph's closing line break on its last verb
        comma = plo - 1
        if c.dep_ == "conj" and doc[comma].lower_ in _CLAUSE_JOINERS and doc[comma - 1].text == ",":
            comma -= 1  # ", and the Duma ratified it": the comma ends the first clause
        if doc[comma].text != ",":
            continue
        while phi < hi and doc[phi].is_punct:
            phi += 1
        if phi != hi or comma - lo < 4:
            return None  # something follows the supplement, or the main clause is too short to stand alone
        while doc[phi - 1].is_punct and phi - 1 > plo:
            phi -= 1
        return (lo, comma), (plo, phi)
    return None


def _supplement_heads(doc, verb, hi: int):
    """Verbs after ``verb`` that may head a supplement: participles, relative clauses, then a
    clause with a subject of its own joined by ", and" / ", but" ("The two countries signed a
    treaty in June, and the Duma ratified it on 24 October": two events, two dates)."""
    for c in verb.children:
        if c.dep_ == "advcl" and c.tag_ == "VBG" and c.i > verb.i and _has_object(c) \
                and not any(g.dep_ in ("nsubj", "nsubjpass", "mark", "ccomp") for g in c.children):
            yield c
    for t in doc[verb.i + 1:hi]:
        if t.dep_ == "relcl" and t.pos_ in ("VERB", "AUX") and doc[t.left_edge.i].lower_ in ("which", "who"):
            yield t
    for c in verb.children:
        if c.dep_ == "conj" and c.i > verb.i and c.pos_ in ("VERB", "AUX") \
                and any(g.dep_ in ("nsubj", "nsubjpass", "expl") for g in c.children):
            yield c


_CLAUSE_JOINERS = frozenset({"and", "but"})


def _has_object(verb) -> bool:
    """A direct object of ``verb`` or of a verb coordinated with it ("destroying or damaging 40 homes")."""
    return any(g.dep_ == "dobj" for v in (verb, *verb.conjuncts) for g in v.children)


def _main_clause(sent, relations) -> tuple[int, int] | None:
    """Token range of a sentence's main clause when it is no relation's cue or content.

    Only a clause before every relation counts: "X did A, saying B" gives "X did A".
    """
    root = sent.root
    if root.pos_ not in ("VERB", "AUX") or root.lemma_.lower() in REPORTING_VERBS | RELAY_VERBS:
        return None  # "The Gazette cites research by X, indicating ...": the wrapper, not a claim
    for rel, _ in relations:
        (clo, chi), (tlo, thi) = rel.cue_tokens, rel.content_tokens
        if clo <= root.i < chi or tlo <= root.i < thi:
            return None
    # the main clause stops where the first relation's cue or content begins; a relation
    # inside one of its noun phrases ("looked at the mayor's claim that A") does not cut it
    verbal = [rel for rel, _ in relations if sent.doc[rel.cue_tokens[0]].pos_ != "NOUN"]
    first = min((min(_speaker_start(sent.doc[rel.cue_tokens[0]]), rel.content_tokens[0]) for rel in verbal),
                default=sent.end)
    if first <= root.i:
        return None
    lo, hi = sent.start, first
    while hi > lo and (sent.doc[hi - 1].is_punct or sent.doc[hi - 1].lower_ in ("and", "but")):
        hi -= 1
    return (lo, hi) if hi - lo >= 4 else None


def _speaker_start(cue) -> int:
    """Where a cue's clause begins: a clause joined to the main one ("..., and the officials,
    who asked not to be named, said ...") at its subject; otherwise at the cue, as when the
    speaker follows it or the clause is part of the main one ("came hours after the Times
    reported ...")."""
    subj = next((c for c in cue.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < cue.i), None)
    return subj.left_edge.i if subj is not None and cue.dep_ == "conj" else cue.i


def _claim(cid, article_id, sentence, span, text, tokens, chain, cue, denied) -> Claim:
    if not chain:
        chain = _hearsay(tokens, span.part)
    cue_lemma = _lemma(cue, tokens)
    return Claim(
        id=cid, article_id=article_id, sentence_index=sentence.index, span=span, text=text,
        status=claim_status(tokens, bool(chain), cue_lemma, denied), attribution=tuple(chain),
        negated=is_negated(tokens), predicate=_predicate(tokens),
    )


def _hearsay(tokens, part: Part) -> tuple[Source, ...]:
    """"Trucks had reportedly reached the front": said on the authority of reports the
    outlet does not name, as with "reports said" (``Source.other_reports``), so not the
    outlet's own reporting nor the report it rewrites. A "reportedly" inside a relative
    clause describes its noun, not the claim."""
    aside = relative_clause_tokens(tokens)
    word = next((t for t in tokens if t.lower_ == "reportedly" and t.i not in aside), None)
    if word is None:
        return ()
    return (Source("reports", "document", Span(part, word.idx, word.idx + len(word)), cue=word.text),)


def _predicate(tokens) -> str:
    """The lemma of the verb naming the claim's event: its main verb, the verb an
    expectation frames ("are expected to be assembled" -> "assemble"), or the event a
    count is of ("the death toll stood at 22" -> "kill")."""
    verb = main_verb(tokens)
    if verb is not None and verb.pos_ not in ("VERB", "AUX"):
        # the parser made a noun the head ("The magnitude 6.2 quake hit ...", "quake" read as
        # in apposition and "hit" as describing it): the highest verb names the event
        verb = min((t for t in tokens if t.pos_ == "VERB" and t.tag_ != "VB"), key=_depth, default=verb)
    tally = counted_by_subject(verb)  # the cheap test first: few verbs have a count for subject
    if tally is not None and any(t.like_num for t in verb.subtree):
        return TALLY_VERBS[tally]
    while verb is not None and verb.lemma_.lower() in EXPECTATION_VERBS:
        framed = next((c for c in verb.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")), None)
        if framed is None:
            break
        verb = framed
    return verb.lemma_.lower() if verb is not None else ""


def _depth(token) -> int:
    depth = 0
    while token.head.i != token.i:
        token, depth = token.head, depth + 1
    return depth


def _lemma(cue: str | None, tokens) -> str | None:
    if not cue:
        return None
    if cue == "according to":
        return cue
    doc = tokens[0].doc if tokens else None
    if doc is not None:
        for t in doc:
            if t.text == cue.split()[0] and t.pos_ in ("VERB", "AUX"):
                return t.lemma_.lower()
    return cue.split()[0].lower()


def _attributed(claim: Claim, chain: tuple[Source, ...], cue, doc) -> Claim:
    status = claim.status if claim.status != "asserted" else "reported"
    return replace(claim, attribution=chain, status=status)


# --------------------------------------------------------------------------- article level


def _is_backref(source: Source) -> str | None:
    """'outlet', 'report', 'officials', 'anonymous' when a source points back; else None."""
    low = source.name.lower()
    words = low.split()
    if not words:
        return None
    last = words[-1]
    definite = words[0] in ("the", "this", "that", "these", "those")
    if definite and news_agency(low) and not any(w[:1].isupper() for w in source.name.split()[1:]):
        return "outlet"  # "the state news agency"
    if definite and len(words) == 2 and last == "agency":
        return "agency"  # an outlet only when the article relays a news agency
    if source.span is not None and outlet_like(source.name) and source.kind == "outlet" and last not in OUTLET_BACKREFS:
        return None
    if (definite or len(words) == 1) and last in OUTLET_BACKREFS:
        return "outlet"
    if definite and last in REPORT_BACKREFS:
        return "report"
    if source.kind == "anonymous" and last in ANONYMOUS_NOUNS and len(words) <= 2:
        return "anonymous"
    if definite and last in ROLE_NOUNS and len(words) == 2:
        return "officials"
    return None


def _relayed_chain(claims: Sequence[Claim], paragraph_of: dict[int, tuple[str, int]],
                   outlet: str | None = None) -> tuple[Source, ...]:
    """The report the article rewrites: the first outlet named as a source in the lead (first
    two paragraphs). None when that outlet is the article's own: a lead that says "an official
    told the Courier" is the Courier's reporting, and a report it quotes later ("a Ukrainian
    official told The New York Times") is a second source, not what the article rewrites."""
    for c in claims:
        part, para = paragraph_of.get(c.sentence_index, ("text", 99))
        if part != "text" or para > 1:
            continue
        for i, s in enumerate(c.attribution):
            if s.kind != "outlet" or _is_backref(s):
                continue
            if names_own_outlet(s.name, outlet):
                return ()
            # "citing X" beside the outlet, or "X ... cited by <outlet>"
            cited = [x for x in c.attribution[:i] if x.kind != "outlet" and (
                x.cue in ("citing", "quoting") or s.cue in ("cited", "quoted"))]
            return tuple(cited[:1]) + (s,)
    return ()


def names_own_outlet(name: str, outlet: str | None) -> bool:
    """Does ``name`` call the article's own ``outlet``: "The Westmark Courier", "the Courier"?"""
    if not outlet:
        return False
    bare = [w.lower() for w in name.split() if w.lower() != "the"]
    own = [w.lower() for w in outlet.split() if w.lower() != "the"]
    return bool(bare) and (bare == own or (len(bare) == 1 and len(own) > 1 and bare[0] == own[-1]))


def _with_relay(chain: tuple[Source, ...], relayed: tuple[Source, ...], append: bool = True
                ) -> tuple[Source, ...]:
    """Resolve back-references in ``chain`` against the relayed report, and end it with the relay
    (unless ``append`` is False: the outlet was only named earlier, the article does not rewrite it)."""
    if not relayed:
        return chain
    outlet = relayed[-1]
    out: list[Source] = []
    for s in chain:
        kind = _is_backref(s)
        if kind == "agency" and _is_news_agency(outlet):
            kind = "outlet"
        if kind in ("outlet", "report"):
            out.append(replace(outlet, span=s.span, cue=s.cue))
        elif kind in ("officials", "anonymous") and len(relayed) > 1 and relayed[0].kind in ("official", "anonymous"):
            # "the official" after "a senior official told The Times"; "the mayor" is not Ada Lind
            out.append(replace(relayed[0], span=s.span, cue=s.cue))
        else:
            out.append(s)
    # Unnamed sources inside the rewrite are the relay's sources: append the relay; but
    # "reports said" (plural, no article) are other outlets' reports, not the relay's.
    if append and out and not out[0].other_reports and all(s.kind in ("official", "anonymous", "document", "outlet") for s in out) \
            and not any(s.kind == "outlet" and not _is_backref(s) for s in out):
        # (a chain that already names an outlet was relayed by that outlet, not the lead's)
        first_named = out[0].kind in ("official", "anonymous")
        out.extend(r for r in relayed if r.name not in {s.name for s in out}
                   and (r.kind == "outlet" or not first_named))
    elif append and out and len(relayed) > 1 and _same_person(out[0], relayed[0]) \
            and not any(s.kind == "outlet" for s in out):
        # the person the relayed report cites, speaking again in the rewrite: still via the relay
        out.append(outlet)
    deduped: list[Source] = []
    for s in out:
        if not deduped or deduped[-1].name != s.name:
            deduped.append(s)
    return tuple(deduped)


def _is_news_agency(outlet: Source) -> bool:
    low = outlet.name.lower()
    return news_agency(low) or (low[4:] if low.startswith("the ") else low) in NEWS_AGENCIES


def _same_person(a: Source, b: Source) -> bool:
    """'Guseinova' and 'Elena Guseinova': one named person (a surname names the full name)."""
    if a.kind != "person" or b.kind != "person":
        return False
    wa, wb = a.name.split(), b.name.split()
    return a.name == b.name or (len(wa) == 1 and wa[0] == wb[-1]) or (len(wb) == 1 and wb[0] == wa[-1])


def _through_known_outlet(chain: tuple[Source, ...], through: Sequence[tuple[Source, ...]]) -> tuple[Source, ...]:
    """'BILD cites research by Elena Guseinova ...' then 'Guseinova suggests ...': a person the
    article heard through an outlet, speaking again with no outlet named, speaks through it still."""
    if not chain or chain[0].kind != "person" or any(s.kind == "outlet" for s in chain):
        return chain
    earlier = next((t for t in reversed(through) if _same_person(chain[0], t[0])), None)
    return chain + earlier[1:] if earlier is not None else chain


def _different(chain: tuple[Source, ...], relayed: tuple[Source, ...]) -> bool:
    """Does ``chain`` introduce a source other than the relayed report (and its unnamed sources)?"""
    names = {s.name for s in relayed}
    if any(s.name in names for s in chain):
        return False
    return any(s.kind in ("person", "organisation", "outlet") for s in chain)


def resolve_article_attribution(claims: Sequence[Claim], sentences: Sequence[Sentence],
                                outlet: str | None = None, mentions: Sequence[EntityMention] = (),
                                ) -> tuple[list[Claim], tuple[Source, ...]]:
    """Article-level attribution: back-references, the relayed report, and inheritance.

    Rules: (1) the relayed chain is the outlet (and whom it cites) named in the lead, unless it
    is the article's own ``outlet`` ("an official told the Courier" in the Courier); (2) "the
    newspaper", "the report", "journalists" resolve to that outlet, "the officials" and "sources"
    to whom it cites; (3) an unattributed claim in the same paragraph as an attributed one
    (after it) carries on that attribution; (4) other unattributed claims inherit the relayed
    chain until a paragraph introduces a different source, and that source's chain when it
    reaches another outlet (a rewrite turning to a second report).
    """
    claims = _name_it(claims, sentences, mentions)
    paragraph_of = {s.index: (s.part, s.paragraph) for s in sentences}
    relayed = _relayed_chain(claims, paragraph_of, outlet)
    out: list[Claim] = []
    active = relayed  # what an unattributed claim in a new paragraph inherits
    current: tuple[Source, ...] = ()  # the latest attribution in the current paragraph
    para_key = None
    named: tuple[Source, ...] = ()  # the latest outlet the article named, for "the newspaper"
    through: list[tuple[Source, ...]] = []  # chains of people heard through an outlet, in order
    for c in claims:
        key = paragraph_of.get(c.sentence_index, ("text", 0))
        if key != para_key:
            para_key, current = key, ()
        if relayed:
            chain = _with_relay(c.attribution, relayed) if c.attribution else ()
        else:
            chain = _with_relay(c.attribution, named, append=False) if c.attribution else ()
        named = next(((s,) for s in reversed(chain) if s.kind == "outlet" and not _is_backref(s)), named)
        chain = _through_known_outlet(chain, through)
        if chain and chain[0].kind == "person" and len(chain) > 1 and chain[-1].kind == "outlet":
            through.append(chain)
        if chain:
            if relayed and _different(chain, relayed) and not chain[0].other_reports:
                # another report ("BILD cites research by ..."): what follows is from it until
                # a new source; a person's own words end only the relayed report's turn, and
                # unnamed reports ("reports said", "reportedly") nothing
                active = tuple(chain) if any(s.kind == "outlet" for s in chain) else ()
            current = chain
            out.append(replace(c, attribution=chain, status=_restatus(c.status, True)))
            continue
        if key[0] == "title":
            out.append(c)
            continue
        inherited = current or active
        if inherited:
            inherited = tuple(replace(s, span=None) for s in inherited)
            out.append(replace(c, attribution=inherited, status=_restatus(c.status, True)))
        else:
            out.append(c)
    return _name_the_unnamed(out), relayed


# What "it" can stand for when it speaks.
_BODIES = frozenset({"organisation", "outlet", "document"})


def _name_it(claims: Sequence[Claim], sentences: Sequence[Sentence],
             mentions: Sequence[EntityMention] = ()) -> list[Claim]:
    """"The water authority denied the reports ... 'The reservoir is safe,' it said": a source
    that is only "it" is the nearest body before it, a speaking one (an organisation, outlet
    or document) or an organisation an earlier sentence names ("The Survey revised the figure.
    It said ..."; not one inside the quotation "it" closes). The span stays on "it", where the
    text names it; "he" and "she" are named inside the sentence (``attribution._pronoun_source``)."""
    starts = {s.index: s.start for s in sentences}
    # (where it stands, the source it makes, whether it spoke: a speaker counts up to "it" itself)
    bodies = [(s.span, s, True) for c in claims for s in c.attribution[:1] if s.kind in _BODIES and s.span is not None]
    bodies += [(m.span, Source(m.text, "organisation", m.span, None, m.key), False) for m in mentions if m.label == "ORG"]
    out = []
    for c in claims:
        chain = c.attribution
        it = chain[0] if chain else None
        if it is not None and it.name.lower() == "it" and it.kind == "other" and it.span is not None:
            bound = starts.get(c.sentence_index, it.span.start)
            before = [(span.start, body) for span, body, spoke in bodies if span.part == it.span.part
                      and span.end <= (it.span.start if spoke else bound)]
            if before:
                body = max(before, key=lambda b: b[0])[1]
                c = replace(c, attribution=(replace(body, span=it.span, cue=it.cue),) + chain[1:])
        out.append(c)
    return out


def _name_the_unnamed(claims: list[Claim]) -> list[Claim]:
    """'A South Korean analyst told BILD ...' then 'Elena Guseinova ... for BILD': when the one
    person an article names as speaking through an outlet follows a single unnamed expert
    speaking through that same outlet, they are one person. Two named people through
    the outlet leave it open."""
    named: dict[str, dict[str, Source]] = {}  # outlet -> named people speaking through it
    for c in claims:
        chain = c.attribution
        if len(chain) >= 2 and chain[0].kind == "person" and chain[-1].kind == "outlet":
            people = named.setdefault(chain[-1].name, {})
            same = next((n for n, p in people.items() if _same_person(p, chain[0])), None)
            if same is None or len(chain[0].name) > len(same):  # "Guseinova" is "Elena Guseinova"
                people.pop(same, None)
                people[chain[0].name] = chain[0]
    out = []
    for c in claims:
        chain = c.attribution
        people = named.get(chain[-1].name, {}) if len(chain) >= 2 and chain[-1].kind == "outlet" else {}
        if len(people) == 1 and _one_unnamed(chain[0]):
            person = next(iter(people.values()))
            c = replace(c, attribution=(replace(person, span=chain[0].span, cue=chain[0].cue),) + chain[1:])
        out.append(c)
    return out


# Experts are introduced by what they do and then named; an unnamed official most often
# stays unnamed ("a council official told the Post ...; Anna Berg ... for the Post" are two).
_EXPERTS = frozenset({"analyst", "expert", "researcher", "scientist", "economist", "academic",
                      "professor", "scholar", "historian", "specialist"})


def _one_unnamed(source: Source) -> bool:
    """'South Korean analyst', 'a defence expert': one expert, described, not named."""
    words = source.name.split()
    return source.kind in ("official", "anonymous", "other") and len(words) <= 4 \
        and words[-1].lower() in _EXPERTS and words[0].lower() not in ("the", "this", "that")


def _restatus(status: str, attributed: bool) -> str:
    if status == "asserted" and attributed:
        return "reported"
    return status
