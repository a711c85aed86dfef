"""Attribution relations inside one sentence: who says what, read from spaCy's parse.

A :class:`Relation` is one cue (a reporting verb, "according to"), the content it governs
and the chain of sources behind it, nearest first. The patterns:

* ``<subject> <reporting verb> (that) <clause>``   "officials said that ..."  (nsubj + ccomp)
* ``<clause>, <subject> <verb>.``                  ", a spokesman said."  (parataxis / ccomp)
* ``"<quote>," <verb> <subject>.``                 "..., states the report."
* ``according to <X>, <clause>``
* ``<relay> <verb>, citing <X>, that <clause>``     X is nearer than the relay
* ``<relay> cites research by <X>, indicating that <clause>``
* ``<subject> denied/rejected claims that <clause>``

Sentences are cut out of a part's spaCy ``doc``; every span is an offset into that part.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Collection, Sequence

from ..model import EntityMention, Part, Sentence, Source, SourceKind, Span
from .cues import (
    ANONYMOUS_NOUNS, CLAUSE_ONLY, DOCUMENT_NOUNS, ORGANISATION_NOUNS,
    NEWS_AGENCY_WORDS, OUTLET_BACKREFS, OUTLET_NAME_WORDS, OUTLETS, RELAY_VERBS, REPORT_BACKREFS,
    ANONYMITY, ANSWER_VERBS, ATTITUDE_VERBS, PHYSICAL_TOO, REPORTING_VERBS, REVISION_VERBS, ROLE_NOUNS, SPOKEN_OBJECT_VERBS, SPOKEN_PREPOSITIONS,
    SEEING_VERBS, STANCE_VERBS, VERDICT_ADVERBS,
)
from .status import denies


@dataclass(frozen=True)
class Relation:
    """One attribution in a sentence. ``chain`` may be empty: "It is noted that ..."."""

    sentence_index: int
    cue: str
    cue_span: Span
    content: Span
    chain: tuple[Source, ...]
    denied: bool = False
    # token index ranges [start, end) in the doc, for nesting and status
    cue_tokens: tuple[int, int] = (0, 0)
    content_tokens: tuple[int, int] = (0, 0)


_SUBJECTS = ("nsubj", "nsubjpass")
_NAMED = {"PERSON", "ORG", "GPE", "NORP", "FAC"}
_PRONOUNS = {"he", "she", "they", "we", "i", "it", "you", "his", "her", "their", "our", "my", "its"}
# Nouns that carry a clause a source rejects: "denied reports that ...".
_CLAIM_NOUNS = {"claim", "claims", "report", "reports", "allegation", "allegations", "suggestion",
                "suggestions", "rumour", "rumours", "rumor", "rumors", "accusation", "accusations",
                "assertion", "assertions", "speculation", "idea", "notion"}
_XCOMP_CUES = {"promise", "vow", "pledge", "threaten", "refuse", "urge", "ask", "call", "demand",
               "plan", "want", "agree", "decline", "offer", "hope", "expect", "intend"}
# Participles that carry a relay's content: "..., indicating that ...".
_CARRIERS = {"indicate", "show", "say", "suggest", "find", "conclude", "reveal", "claim",
             "note", "add", "state", "argue", "warn", "estimate", "confirm", "report", "write"}


# --------------------------------------------------------------------------- sources


def outlet_like(name: str, known_outlets: Collection[str] = ()) -> bool:
    """Is ``name`` a news outlet: a known one, one the caller knows, or one named like one?"""
    low = name.lower().strip()
    bare = low[4:] if low.startswith("the ") else low
    known = {k.lower() for k in known_outlets} | {k.lower()[4:] for k in known_outlets if k.lower().startswith("the ")}
    if low in OUTLETS or bare in OUTLETS or low in known or bare in known:
        return True
    words = name.split()
    return bool(words) and words[-1][:1].isupper() and words[-1].lower() in OUTLET_NAME_WORDS \
        or news_agency(name)


def news_agency(name: str) -> bool:
    """"Yonhap News Agency", "the state news agency"; not "the civil protection agency"."""
    words = name.lower().split()
    return len(words) > 1 and words[-1] == "agency" and bool(NEWS_AGENCY_WORDS & set(words[:-1]))


# Words that introduce a named outlet: "the German newspaper BILD".
_MEDIA_WORDS = {"newspaper", "paper", "daily", "weekly", "tabloid", "broadcaster", "magazine",
                "channel", "network", "website", "outlet", "broadsheet"}


def _media_worded(name: str) -> bool:
    """Does a common noun for a news medium introduce the name ("the newspaper BILD"; not
    "The Daily Herald", where the word is part of the name)?"""
    return bool(_MEDIA_WORDS & {w for w in name.split()[:-1] if w.islower()})


def source_kind(name: str, head, label: str | None, known_outlets: Collection[str] = ()) -> SourceKind:
    """Classify a source by its name, its head token and its entity label."""
    low = name.lower()
    noun = head.lemma_.lower() if head is not None else low.split()[-1]
    text = head.lower_ if head is not None else noun
    if outlet_like(name, known_outlets):
        return "outlet"
    if head is not None and head.pos_ == "PROPN" and (head.lower_ in OUTLETS or _media_worded(name)):
        return "outlet"  # "the German newspaper BILD", "broadcaster Nordvision"
    if label == "PERSON":
        return "person"
    if text in ANONYMOUS_NOUNS or noun in ANONYMOUS_NOUNS:
        return "anonymous"
    if text in OUTLET_BACKREFS or noun in OUTLET_BACKREFS:
        return "outlet"
    if label in ("ORG", "GPE", "NORP", "FAC"):
        return "organisation"
    if noun in DOCUMENT_NOUNS or text in DOCUMENT_NOUNS or noun in REPORT_BACKREFS:
        return "document"
    if text in ORGANISATION_NOUNS or noun in ORGANISATION_NOUNS:
        return "organisation"
    if text in ROLE_NOUNS or noun in ROLE_NOUNS:
        return "official"
    if head is not None and head.pos_ == "PROPN":
        return "person"
    return "other"


def _ent_of(tok):
    for ent in tok.doc.ents:
        if ent.start <= tok.i < ent.end:
            return ent
    return None


def _name_tokens(head):
    """The tokens that name a source headed by ``head``: modifiers before it, not 'a' or clauses."""
    keep = {"compound", "amod", "nmod", "poss", "nummod", "quantmod", "npadvmod", "case", "det"}
    left = [t for t in head.lefts if t.dep_ in keep]
    start = min([head.i] + [min(t.i for t in x.subtree) for x in left])
    # drop an indefinite article and anything before a comma
    toks = [t for t in head.doc[start:head.i + 1]]
    while toks and (toks[0].lower_ in ("a", "an", "some", "several", "two", "three", "other")
                    and toks[0].dep_ in ("det", "nummod", "amod") or toks[0].is_punct):
        toks = toks[1:]
    # a possessor of a role ("Russia's foreign minister") is kept; a trailing "'s" is not
    toks = toks or [head]
    end = _complement_end(head)
    return toks + list(head.doc[head.i + 1:end]) if end > head.i + 1 else toks


def _complement_end(head) -> int:
    """End of the phrase that says whose a common-noun source is: "the director of Brennick
    General Hospital", "a spokesman for the ministry", "an analyst at Hankuk University"."""
    if head.pos_ != "NOUN":
        return head.i + 1
    preps = ("of", "for", "at") if head.lemma_.lower() in ROLE_NOUNS else ("of",)
    end = head.i + 1
    for c in head.rights:
        if c.dep_ == "prep" and c.lower_ in preps and c.i == end and any(g.dep_ == "pobj" for g in c.children):
            end = c.right_edge.i + 1
    return end


def make_source(head, part: Part, mentions: Sequence[EntityMention], known_outlets: Collection[str],
                cue: str | None) -> Source:
    """A Source for the noun phrase headed by ``head``; prefers a named person in apposition."""
    if head.lemma_.lower() in DOCUMENT_NOUNS:
        # "a report in The Daily Post", "research by Jane Roe": the named author is the source.
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ in ("in", "by", "from", "of"):
                named = [g for g in prep.children if g.dep_ == "pobj" and g.pos_ == "PROPN"
                         and not (_ent_of(g) is not None and _ent_of(g).label_ in ("DATE", "TIME"))]
                if named:
                    return make_source(named[0], part, mentions, known_outlets, cue)
    candidates = [head] + [c for c in head.children if c.dep_ == "appos"]
    named = [(c, _ent_of(c)) for c in candidates]
    named = [(c, e) for c, e in named if e is not None and e.label_ in _NAMED]
    named.sort(key=lambda ce: ce[1].label_ != "PERSON")
    if head.lower_ in _PRONOUNS:
        return _pronoun_source(head, part, mentions, cue)
    if named:
        tok, ent = named[0]
        start, end = ent.start_char, ent.end_char
        if ent.start > 0 and ent.doc[ent.start - 1].lower_ == "the" and outlet_like("The " + ent.text, known_outlets):
            start = ent.doc[ent.start - 1].idx
        name = head.doc.text[start:end]
        label = ent.label_
        kind_head = tok
    else:
        toks = _name_tokens(head)
        start, end = toks[0].idx, toks[-1].idx + len(toks[-1])
        name = head.doc.text[start:end]
        label = None
        kind_head = head
    if name.lower().endswith("'s") or name.endswith("’s"):
        end -= 2
        name = name[:-2]
    span = Span(part, start, end)
    mention = _mention_at(span, mentions)
    if mention is not None and label is not None:
        label = mention.label  # the linker's label is better than the parser's guess
    if label != "PERSON" and _names_earlier_person(name, head.doc, start):
        label = "PERSON"  # "Zelenskyy said" after "President Volodymyr Zelenskyy"
    kind = source_kind(name, kind_head, label, known_outlets)
    if kind == "outlet" and kind_head.pos_ == "PROPN" and _media_worded(name):
        name = _proper_tail(kind_head)  # "the German newspaper BILD" is BILD
    lo, hi = _phrase_range(head)
    span = Span(part, min(start, head.doc[lo].idx), max(end, head.doc[hi - 1].idx + len(head.doc[hi - 1])))
    return Source(name=name, kind=kind, span=span, cue=cue, entity=mention.key if mention else None)


def _phrase_range(head) -> tuple[int, int]:
    """Tokens of the noun phrase that names a source, titles and appositions included ("her
    adviser, Jake Sullivan"), relative clauses not (they may hold a source of their own)."""
    skip = {t.i for c in head.children if c.dep_ in ("relcl", "punct") or c.dep_ == "acl" and
            any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children) for t in c.subtree}
    toks = [t.i for t in head.subtree if t.i not in skip]
    lo, hi = min(toks), max(toks) + 1
    doc = head.doc
    while lo < hi - 1 and (doc[lo].is_punct or doc[lo].is_space):
        lo += 1
    while hi - 1 > lo and (doc[hi - 1].is_punct or doc[hi - 1].is_space):
        hi -= 1
    return lo, hi


def _proper_tail(head) -> str:
    """The run of proper nouns ending at ``head``: "Daily Herald" of "the regional paper Daily Herald"."""
    i = head.i
    while i > 0 and head.doc[i - 1].pos_ == "PROPN" and head.doc[i - 1].dep_ == "compound":
        i -= 1
    return head.doc[i:head.i + 1].text


def _names_earlier_person(name: str, doc, before: int) -> bool:
    """Is a one-word proper name the surname of a person named earlier in the part?"""
    if " " in name or not name[:1].isupper():
        return False
    return any(e.label_ == "PERSON" and e.end_char <= before and name in e.text.split() for e in doc.ents)


def _mention_at(span: Span, mentions: Sequence[EntityMention]) -> EntityMention | None:
    for m in mentions:
        if m.span.part == span.part and m.span.start < span.end and span.start < m.span.end:
            return m
    return None


def _pronoun_source(tok, part: Part, mentions: Sequence[EntityMention], cue) -> Source:
    """'he'/'she' (or 'his'/'her' owning a claim) is the nearest person named before it in the
    same part; otherwise kept as is."""
    span = Span(part, tok.idx, tok.idx + len(tok))
    if tok.lower_ in ("he", "she", "his", "her"):
        before = [m for m in mentions if m.label == "PERSON" and m.span.end <= tok.idx]
        if before:
            m = before[-1]
            return Source(m.text, "person", span, cue, m.key)
        ents = [e for e in tok.doc.ents if e.label_ == "PERSON" and e.end_char <= tok.idx]
        if ents:
            return Source(ents[-1].text, "person", span, cue, None)
    return Source(tok.text, "other", span, cue, None)


# --------------------------------------------------------------------------- relations


def _span_of(doc, part: Part, lo: int, hi: int) -> Span:
    """Character span of tokens [lo, hi), trimmed of punctuation and a leading 'that'."""
    while lo < hi and (doc[lo].is_punct and doc[lo].text not in '"“‘\'' or _that_conjunction(doc[lo])):
        lo += 1
    while hi > lo and doc[hi - 1].is_punct and doc[hi - 1].text not in '"”’\'':
        hi -= 1
    lo, hi = _balance_quotes(doc, lo, hi)
    if hi <= lo:
        return Span(part, doc[lo].idx if lo < len(doc) else len(doc.text), doc[lo].idx if lo < len(doc) else len(doc.text))
    return Span(part, doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1]))


def _balance_quotes(doc, lo: int, hi: int) -> tuple[int, int]:
    """Drop a lone opening or closing quote at either edge of [lo, hi)."""
    opens, closes = '"“‘', '"”’'
    text = [doc[i].text for i in range(lo, hi)]
    n = sum(t in ('"', "“", "”") for t in text)
    if n % 2 == 1:
        if hi > lo and doc[hi - 1].text in closes and doc[hi - 1].text != "’":
            hi -= 1
        elif hi > lo and doc[lo].text in opens and doc[lo].text != "‘":
            lo += 1
    return lo, hi


def _subtree_range(tok) -> tuple[int, int]:
    toks = list(tok.subtree)
    return toks[0].i, toks[-1].i + 1


def _clause_range(root) -> tuple[int, int]:
    """A clause's tokens, from its "that" when it has one (the parser may hang a preceding
    ", citing X," on the clause; that belongs to the cue), up to a trailing absolute."""
    lo, hi = _subtree_range(root)
    marks = [m.i for m in root.children if _that_conjunction(m)]
    if marks and marks[0] > lo:
        lo = marks[0]
    absolute = _trailing_absolute(root)
    if absolute is not None and absolute > lo:
        hi = absolute
    return lo, hi


def _with_stray_subject(verb, clause, rng: tuple[int, int]) -> tuple[int, int]:
    """A clause's range, from its subject when the parser hung that on the cue as an object.

    Headlines drop "that": in "authorities deny Kastrel dam is cracked" the parser makes
    "Kastrel dam" what they deny and "is cracked" a clause of its own, without a subject.
    """
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in clause.children):
        return rng
    obj = next((c for c in verb.children if c.dep_ == "dobj" and verb.i < c.i < clause.i), None)
    if obj is None:
        return rng
    lo, hi = _subtree_range(obj)
    return (lo, rng[1]) if hi == rng[0] else rng


def _trailing_absolute(root) -> int | None:
    """Where '..., with a spokesperson telling reporters ...' starts (its comma), if the clause
    ends with one. The parser hangs the absolute on the nearest verb, but it comments on the
    whole sentence (it is the cue's, not the content's): the content stops before it."""
    for c in root.children:
        if c.dep_ != "prep" or c.lower_ != "with" or c.i == 0 or c.doc[c.i - 1].text != ",":
            continue
        if any(g.tag_ in ("VBG", "VBN") and any(s.dep_ in ("nsubj", "nsubjpass") for s in g.children)
               for g in c.children):
            return c.i - 1
    return None


def _tail_content(verb):
    """', The Times writes, citing officials.' at the end of a sentence: the content is what
    stands before the comma. Returns a token range or None."""
    subj = _subject(verb)
    # "..., a sailor told the newspaper Nordlys.": what "tell" governs is its addressee
    objects = ("ccomp", "xcomp") if verb.lemma_ == "tell" else ("dobj", "ccomp", "xcomp")
    if subj is None or any(c.dep_ in objects for c in verb.children):
        return None
    sent = verb.sent
    s_lo = min(_subtree_range(subj)[0], verb.i)
    # only punctuation, "citing X" and short adjuncts may follow the verb
    after = [t for t in verb.doc[verb.i + 1:sent.end] if not (t.is_punct or t.is_space)]
    cited = set()
    for c in verb.children:
        if c.lemma_ in RELAY_VERBS or c.dep_ in ("prep", "npadvmod", "advmod", "dobj", "dative") or c.i == subj.i:
            cited.update(t.i for t in c.subtree)
    if any(t.i not in cited for t in after):
        return None
    if s_lo <= sent.start:
        return None
    before = verb.doc[s_lo - 1]
    if not (before.is_punct and before.text in (",", "'") + _CLOSE_QUOTES):
        return None
    fronted = verb.doc[sent.start:s_lo]
    if not any(t.pos_ in ("VERB", "AUX") and t.lower_ != "according" or t.text in _OPEN_QUOTES + _CLOSE_QUOTES
               for t in fronted):
        return None  # "On Monday, the army attacked.": an adverbial fronted, nothing said
    return sent.start, s_lo


# Quotation marks as spaCy tokenises them; some archives write '' and `` for " (NYT text).
_OPEN_QUOTES = ('"', "“", "``", "''")
_CLOSE_QUOTES = ('"', "”", "''")
_QUOTATION = "quotation"


def opens_quote(tok) -> bool:
    """Does ``tok`` open a quotation? A straight mark opens when it leans on the next word."""
    if tok.text in ("“", "``"):
        return True
    return tok.text in ('"', "''") and not tok.whitespace_ and (
        tok.i == 0 or bool(tok.doc[tok.i - 1].whitespace_) or tok.doc[tok.i - 1].is_space)


def closes_quote(tok) -> bool:
    """Does ``tok`` close a quotation? A straight mark closes when it leans on the word before."""
    if tok.text == "”":
        return True
    return tok.text in ('"', "''") and tok.i > 0 and not tok.doc[tok.i - 1].whitespace_ \
        and not tok.doc[tok.i - 1].is_space  # marks a content read from quotation marks, which may lie outside the sentence


def _following_quote(verb):
    """'She said, “...”' / 'He told the crowd: "..."' / 'They chanted “...”': the quotation after
    the verb is the content. 'He said:' ending a sentence introduces the next one (a quoted paragraph)."""
    doc = verb.doc
    sent = verb.sent
    i = verb.i + 1
    if i < sent.end and opens_quote(doc[i]):
        return _quotation_from(doc, i)  # 'marchers chanted “Open the gates!”'
    # an addressee or an adjunct may stand between: "told the crowd", "said in a statement"
    while i < sent.end and (doc[i].is_space or doc[i].text not in (",", ":") and doc[i].head.i != doc[i].i
                            and verb.i in [a.i for a in doc[i].ancestors] and doc[i].pos_ not in ("VERB", "AUX")):
        i += 1
    if i >= len(doc) or doc[i].text not in (",", ":"):
        return None
    j, crossed = i + 1, False
    while j < len(doc) and doc[j].is_space:
        crossed, j = crossed or "\n" in doc[j].text, j + 1
    if j < len(doc) and opens_quote(doc[j]):
        return _quotation_from(doc, j)
    if doc[i].text == ":" and j < len(doc) and (crossed or j >= sent.end):
        return j, _paragraph_end(doc, j)  # "He said:" and a paragraph of its words
    return None


def _paragraph_end(doc, start: int) -> int:
    end = start + 1
    while end < len(doc) and "\n" not in doc[end].text:
        end += 1
    return end


def _quotation_from(doc, lo: int) -> tuple[int, int]:
    """Tokens of the quotation opening at ``lo``, to its closing mark or the end of the paragraph."""
    hi = lo + 1
    while hi < len(doc) and not closes_quote(doc[hi]) and "\n" not in doc[hi].text:
        hi += 1
    return lo, min(hi + 1, len(doc))


def _preceding_quote(verb):
    """'“...,” Ann Lee told reporters on Monday.': a quotation opening the sentence and closing
    right before the speaker is the content, whatever follows the verb. When the speaker opens
    the sentence ('“... !” one voter wrote.'), the quotation is the sentence before."""
    doc, sent = verb.doc, verb.sent
    subj = _subject(verb)
    lo = min(_subtree_range(subj)[0], verb.i) if subj is not None and subj.i < verb.i else verb.i
    if subj is None and lo > sent.start:
        return None
    while lo < verb.i and doc[lo].is_punct:
        lo += 1  # the parser may hang the closing mark on the speaker: '...,” Lee, an aide, said'
    i = lo - 1
    while i >= 0 and (doc[i].is_space or doc[i].text in (",", ":")):
        i -= 1
    if i < 0 or not closes_quote(doc[i]):
        return None
    if i >= sent.start:  # the quotation is in this sentence and must open it, or run on from before it
        return (sent.start, i + 1) if opens_quote(doc[sent.start]) or _quote_runs_into(sent) else None
    # the speaker's sentence only names the speaker: "one voter wrote." / "he said on Monday."
    if any(c.dep_ in ("ccomp", "xcomp", "dobj") for c in verb.children) or verb.dep_ != "ROOT":
        return None
    opening = i - 1
    while opening >= 0 and not opens_quote(doc[opening]) and "\n" not in doc[opening].text:
        opening -= 1
    if opening < 0 or not opens_quote(doc[opening]):
        return None
    return opening, i + 1


def _quote_runs_into(sent) -> bool:
    """Does a quotation opened in an earlier sentence of the paragraph run into ``sent``
    ('“We asked for the tapes. [...] shut up,” Lee said')? The last mark before it opens one."""
    doc, i = sent.doc, sent.start - 1
    while i >= 0 and "\n" not in doc[i].text:
        if opens_quote(doc[i]):
            return True
        if closes_quote(doc[i]):
            return False
        i -= 1
    return False


def _subject(verb):
    """The subject of ``verb``: the nearest ``nsubj`` before it ("2:00 p.m. A court document
    says": not the time), else one after it, else the agent of a passive, else a stray one."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and not _quote_between(c, verb)]
    if subjects:
        before = [c for c in subjects if c.i < verb.i and not _object_of_a_relative_clause(c, subjects)]
        after = [c for c in subjects if c.i > verb.i]
        if after and (not before or _inverted(verb)):
            return after[0]  # "A, many of them B, said Petra Solan": not "many"
        return before[-1] if before else subjects[0]
    for c in verb.children:
        if c.dep_ == "agent":
            for g in c.children:
                if g.dep_ == "pobj":
                    return g
    for c in verb.children:  # "Majorities of voters going to the polls said": read as a clause
        if c.dep_ == "csubj" and c.tag_ == "VBG":
            inner = [g for g in c.children if g.dep_ == "nsubj" and g.i < c.i]
            if inner:
                return inner[0]
    return _stray_subject(verb)


def _inverted(verb) -> bool:
    """Does what ``verb`` reports come before it ("..., said Petra Solan")?"""
    return any(c.dep_ == "ccomp" and c.i < verb.i for c in verb.children)


def _object_of_a_relative_clause(subj, subjects) -> bool:
    """Is ``subj`` a pronoun the parser took from another subject's relative clause? "The
    company that runs it said ..." gives "said" two subjects, "company" and "it"."""
    if subj.pos_ != "PRON":
        return False
    return any(other.i < subj.i and any(r.dep_ == "relcl" and r.right_edge.i + 1 == subj.i for r in other.children)
               for other in subjects)


def _quote_between(subj, verb) -> bool:
    """Does a quotation mark stand between a subject and its verb? '“..., it will,” said Lee'
    and '“Full panic,” said Lee' give the verb a subject from inside the quotation, and
    '..., Lee said on Fox's “Fox and Friends.”' one from a title after it: none is the speaker.
    Marks inside the subject's own phrase ('Lee, who called it “a farce,” said') do not count."""
    lo, hi = sorted((subj.i, verb.i))
    own = {t.i for t in subj.subtree}
    return any(t.text in _OPEN_QUOTES + _CLOSE_QUOTES and t.i not in own for t in subj.doc[lo + 1:hi])


_STRAY_DEPS = {"appos", "conj", "npadvmod", "dobj", "nmod", "attr"}
# "after The Times reported": the parser may read a clause opener as a preposition.
_CLAUSE_OPENERS = {"after", "before", "since", "until", "as", "while", "because", "when"}


def _stray_subject(verb):
    """A finite verb without a subject is a parse error when a noun stands right before it:
    "On the trail for his wife, Bill Clinton said ..." hangs "Clinton" on "wife" as an
    apposition; "hours after The Times, quoting officials, reported" makes "The Times" the
    object of "after". That noun (before any ", quoting X," aside) is the subject."""
    if verb.tag_ not in ("VBD", "VBZ", "VBP") or verb.dep_ not in ("ROOT", "ccomp", "parataxis", "conj", "advcl"):
        return None
    doc, i = verb.doc, verb.i - 1
    while i >= verb.sent.start and doc[i].dep_ == "advmod":
        i -= 1
    if i > verb.sent.start and doc[i].text == ",":  # skip ", quoting Ukrainian officials,"
        aside = doc[i - 1]
        while aside.head.i != aside.i and aside.head.i < verb.i and aside.tag_ not in ("VBG", "VBN"):
            aside = aside.head
        if aside.tag_ in ("VBG", "VBN") and aside.left_edge.i > verb.sent.start and doc[aside.left_edge.i - 1].text == ",":
            i = aside.left_edge.i - 2
    if i > verb.sent.start and doc[i].text == ")":  # "Paul Ryan (R-WI) said"
        while i > verb.sent.start and doc[i].text != "(":
            i -= 1
        i -= 1
    elif i > verb.sent.start and doc[i].text == ",":  # "her adviser, Jake Sullivan, said"
        i -= 1
    if i < verb.sent.start:
        return None
    tok = doc[i]
    if tok.pos_ not in ("PROPN", "NOUN") or tok.head.i >= verb.i:
        return None
    while tok.dep_ == "appos" and tok.head.dep_ == "appos":
        tok = tok.head  # the whole apposition: "her adviser, Jake Sullivan"
    if tok.dep_ in _STRAY_DEPS and verb.dep_ not in ("conj", "advcl"):
        return tok
    if tok.dep_ == "pobj" and tok.head.lower_ in _CLAUSE_OPENERS:
        return tok
    return None


def _governor(verb):
    """The verb whose subject a subject-less ``verb`` shares: "saying" in "X did A, saying B",
    "note" in "he is correct to note", "saying" in "he began by saying"."""
    head = verb.head
    if verb.dep_ in ("advcl", "conj", "xcomp"):
        pass
    elif verb.dep_ == "pcomp" and head.pos_ == "ADP":
        head = head.head
    else:
        return None
    if head.pos_ == "ADJ" and head.dep_ == "acomp":
        head = head.head
    return head if head.i != verb.i else None


def _chain_for(verb, part, mentions, outlets, cue, depth: int = 0) -> tuple[Source, ...]:
    """Sources behind ``verb``, nearest first: cited sources, then the subject (or its relay)."""
    chain: list[Source] = []
    subj = _subject(verb)
    governor = _governor(verb) if subj is None and depth < 2 else None
    if governor is not None:
        chain.extend(_chain_for(governor, part, mentions, outlets, cue, depth + 1))  # "X did A, saying B": cue "saying"
    elif subj is None and verb.dep_ in ("acl", "relcl") and verb.head.pos_ in ("NOUN", "PROPN"):
        chain.append(_issuer(verb, part, mentions, outlets, cue))
    elif subj is not None and not (subj.lower_ == "it" and any(c.dep_ == "nsubjpass" for c in verb.children)):
        if subj.lower_ in ("which", "that", "who") and verb.dep_ == "relcl":
            # "Jeb Bush, who said ...": named by the antecedent, standing where "who" stands
            source = make_source(verb.head, part, mentions, outlets, cue)
            chain.append(replace(source, span=Span(part, subj.idx, subj.idx + len(subj))))
        else:
            chain.append(make_source(subj, part, mentions, outlets, cue))
            chain.extend(_relay_of(subj, part, mentions, outlets))
    if chain:
        chain.extend(_addressed_outlets(verb, part, mentions, outlets))
    # "citing X" beside the verb, or the verb is itself "cite(s) <X | research by X>"
    cited = []
    for c in verb.children:
        if c.dep_ in ("advcl", "xcomp", "conj") and c.lemma_ in RELAY_VERBS:
            cited.extend(_cited(c, part, mentions, outlets))
    if verb.lemma_ in RELAY_VERBS:
        # "X cited research by Y" relays Y; "X cited the figure" says it in X's own name
        cited.extend(s for s in _cited(verb, part, mentions, outlets) if s.kind != "other")
    if not cited and depth == 0:
        # "<relay> reports, citing X, that ...": the parser may hang "citing" on the clause
        for c in verb.doc[verb.i + 1:verb.sent.end]:
            if c.lower_ == "citing" and c.head.i != verb.i and _first_mark_after(verb, c):
                cited.extend(_cited(c, part, mentions, outlets))
                break
        # "The Times, quoting officials, reported": the aside between subject and verb
        if not cited and subj is not None and subj.i < verb.i:
            for c in verb.doc[subj.i + 1:verb.i]:
                if c.lower_ in ("citing", "quoting") and c.head.i != verb.i:
                    cited.extend(_cited(c, part, mentions, outlets))
                    break
    return tuple(cited) + tuple(chain)


def _issuer(verb, part, mentions, outlets, cue) -> Source:
    """'His office put out a statement saying ...': the one who issued the statement speaks;
    'a report saying ...' with no issuer is the report. The span stops before the verb."""
    noun = verb.head
    if noun.lemma_.lower() in DOCUMENT_NOUNS and noun.dep_ == "dobj":
        issuer = _subject(noun.head)
        if issuer is not None and issuer.lower_ not in ("it", "which", "that", "who"):
            return make_source(issuer, part, mentions, outlets, cue)
    source = make_source(noun, part, mentions, outlets, cue)
    if source.span is not None and source.span.end > verb.idx:
        stop = max(source.span.start, verb.doc[verb.left_edge.i].idx)
        text = verb.doc.text[source.span.start:stop].rstrip(" ,")
        source = replace(source, span=Span(part, source.span.start, source.span.start + len(text)))
    return source


_RELAYING_PARTICIPLES = {"quote", "cite", "interview"}


def _relay_of(head, part, mentions, outlets) -> list[Source]:
    """"officials quoted by The Times": the outlet that relays the source headed by ``head``."""
    out = []
    # anywhere in the noun phrase: "research by X, an analyst, cited by The Times"
    for acl in head.subtree:
        if acl.dep_ == "acl" and acl.lemma_.lower() in _RELAYING_PARTICIPLES:
            for agent in acl.children:
                if agent.dep_ == "agent" or (agent.dep_ == "prep" and agent.lower_ == "by"):
                    out.extend(make_source(g, part, mentions, outlets, acl.text)
                               for g in agent.children if g.dep_ == "pobj")
    return out[:1]


def _addressed_outlets(verb, part, mentions, outlets) -> list[Source]:
    """"X told The Times", "X said in research for BILD": the outlet a source spoke to or for."""
    found = []
    for child in verb.children:
        if verb.lemma_ == "tell" and child.dep_ in ("dobj", "dative"):
            found.append(child)
        elif child.dep_ == "prep" and child.lower_ in ("to", "for", "in"):
            objs = [g for g in child.children if g.dep_ == "pobj"]
            found.extend(o for o in objs if child.lower_ != "in")
            # one level down: "in her research for BILD", "in an interview with the paper"
            for o in objs:
                for p in o.children:
                    if p.dep_ == "prep" and p.lower_ in ("for", "with", "to"):
                        found.extend(g for g in p.children if g.dep_ == "pobj")
    # "told reporters" names no outlet; "told the newspaper" points back to one
    found = [t for t in found if t.lemma_.lower() not in _PRESS_PEOPLE]
    sources = [make_source(t, part, mentions, outlets, verb.text) for t in found]
    return [s for s in sources if s.kind == "outlet"][:1]


_PRESS_PEOPLE = {"reporter", "journalist", "correspondent", "newsman", "interviewer"}


def _first_mark_after(verb, citing) -> bool:
    """Is ``citing`` between ``verb`` and the "that" opening the verb's clause?"""
    for t in verb.doc[citing.i:verb.sent.end]:
        if t.lower_ == "that" and t.dep_ == "mark":
            return t.head.head.i == verb.i
    return False


def _cited(verb, part, mentions, outlets) -> list[Source]:
    out = []
    for obj in verb.children:
        if obj.dep_ not in ("dobj", "pobj", "attr"):
            continue
        heads = [obj] + [c for c in obj.children if c.dep_ == "conj"]
        if obj.lemma_.lower() in DOCUMENT_NOUNS:
            # "research by X", the "by" on the noun or (as the parser often hangs it) on the verb
            preps = [p for p in obj.children if p.dep_ == "prep" and p.lower_ in ("by", "from", "of")] + \
                [p for p in verb.children if p.dep_ == "prep" and p.lower_ == "by" and p.i == obj.right_edge.i + 1]
            by = [g for p in preps for g in p.children if g.dep_ == "pobj"]
            people = [g for g in by if g.pos_ == "PROPN" or g.lemma_.lower() in ROLE_NOUNS]
            heads = people[:1] or [obj]
        for h in heads[:1]:
            out.append(make_source(h, part, mentions, outlets, "citing" if verb.lower_ == "citing" else _cue_text(verb)))
    return out


def _cue_text(verb) -> str:
    parts = [verb] + [c for c in verb.children if c.dep_ == "prt"]
    return " ".join(t.text for t in sorted(parts, key=lambda t: t.i))


def _after_line_break(verb, start: int) -> bool:
    return start > verb.i and any("\n" in t.text for t in verb.doc[verb.i:start])


_FIGURE_NOUNS = {"number", "toll", "total", "figure", "count", "estimate", "cost", "costs", "size",
                 "value", "tally", "loss", "losses", "casualties", "damage", "strength"}


def _figure_put(verb):
    """'X put the death toll at 40': an estimate; the content is the figure and its value."""
    objs = [c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in _FIGURE_NOUNS]
    if not objs:
        return None
    at = [t for t in verb.subtree if t.dep_ == "prep" and t.lower_ == "at" and t.i > objs[0].i
          and any(g.dep_ == "pobj" and g.like_num or g.pos_ == "NUM" for g in t.subtree)]
    if not at:
        return None
    return [((objs[0].left_edge.i, at[0].right_edge.i + 1), False, objs[0])]


# "The agency corrected the toll to 31", "officials raised their estimate to 40": a revised
# figure is the subject's statement, like "put the toll at". Only with a figure noun as the
# object and "to <number>": "they raised taxes to 20%" is an act, not a statement.
_REVISED_NOUNS = {"toll", "estimate", "estimates", "figure", "figures", "count", "tally", "number",
                  "forecast", "casualties", "magnitude"}


def _figure_revised(verb):
    """'X corrected the death toll to 31': X's statement of a figure. The content is the whole
    clause, X included, so that the claim reads as what it says ("the figure to 31" would not)."""
    objs = [c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in _REVISED_NOUNS]
    if not objs:
        return None
    to = [t for t in verb.subtree if t.dep_ in ("prep", "dative") and t.lower_ == "to" and t.i > objs[0].i
          and any(g.like_num or g.pos_ == "NUM" for g in t.subtree)]
    if not to:
        return None
    subj = _subject(verb)
    start = subj.left_edge.i if subj is not None and subj.i < verb.i else objs[0].left_edge.i
    # what qualifies the revision stays with it ("down from 5.9", "after more data came in");
    # a clause of its own ("saying ...") is a claim of its own
    end = max([to[0].right_edge.i] + [c.right_edge.i for c in verb.children
                                      if c.i > to[0].i and c.dep_ in ("advmod", "prep", "npadvmod")])
    return [((start, end + 1), False, objs[0])]


_NAMING_VERBS = {"call", "describe", "label", "brand", "dub", "identify"}
# Of those, the ones whose judgement follows "as": "described the plan as a disaster".
_NAMING_AS = {"describe", "brand", "identify"}
_FINDING_VERBS = {"show", "find", "reveal", "indicate", "suggest"}
_FINDINGS = DOCUMENT_NOUNS | {"result", "results", "number", "numbers", "count", "tally", "exit"}


def _relative_aside(verb):
    """'the drawdown, which they say left a vacuum': the parser gives "say" both subjects; what
    follows the verb is what they say of the antecedent."""
    if verb.dep_ != "relcl":
        return None
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if len(subjects) < 2 or subjects[0].lower_ not in ("which", "that", "who"):
        return None
    rest = [c for c in verb.children if c.dep_ in ("xcomp", "ccomp") and c.i > verb.i]
    if not rest:
        return None
    return [((rest[0].left_edge.i, rest[0].right_edge.i + 1), False, rest[0])]


def _document_finding(verb):
    """'A new poll shows Sanders leading nationally': what a poll, study or set of results
    shows is its content, object and all ('she showed them the door' is no finding)."""
    subj = _subject(verb)
    objs = [c for c in verb.children if c.dep_ == "dobj"]
    if subj is None or not objs or subj.lemma_.lower() not in _FINDINGS:
        return None
    return [((objs[0].left_edge.i, objs[0].right_edge.i + 1), False, objs[0])]


def _characterisation(verb):
    """'X called the plan "a disaster"', 'X described the plan as a disaster': X's judgement of
    the object is the content. 'She called the police' (no second phrase) is none."""
    objs = [c for c in verb.children if c.dep_ == "dobj"]
    if not objs or objs[0].pos_ == "PRON" and objs[0].lower_ in ("it", "this", "that") and verb.lemma_ != "call":
        return None
    obj = objs[0]
    if verb.lemma_ in _NAMING_AS:
        second = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as" and c.i > obj.i]
    else:
        second = [c for c in verb.children if c.dep_ in ("oprd", "xcomp", "ccomp") and c.i > obj.i]
        # the parser may hang the second phrase inside the object: "the senator a nasty guy"
        second = second or [c for c in obj.rights if c.dep_ in ("appos", "npadvmod", "amod", "attr")]
    if not second:
        return None
    return [((obj.left_edge.i, max(s.right_edge.i for s in second) + 1), False, obj)]


def _seen_as(verb):
    """'Critics see the program as a loophole', 'voters view him favorably': the object with the
    view taken of it is the content. 'She saw the tweet' (no "as", no verdict) is none."""
    objs = [c for c in verb.children if c.dep_ == "dobj"]
    subj, shared = _actor(verb)
    if not objs or subj is None or objs[0].lower_ in ("what", "which", "that"):
        return None  # "what he sees as the cause" names a thing inside another statement
    obj = objs[0]
    view = [c for c in verb.children if c.i > obj.i and (c.dep_ == "prep" and c.lower_ == "as"
                                                           or c.dep_ == "advmod" and c.lower_ in VERDICT_ADVERBS)]
    if not view:
        return None
    return _whole_clause(verb, None if shared else subj, [obj])  # "Critics see the plan as a betrayal", whole


def _anonymity_formula(xcomp) -> bool:
    """'asked not to be named', 'requested anonymity to discuss': how a source stays unnamed."""
    return xcomp.lemma_.lower() in ("name", "identify") and any(c.dep_ == "auxpass" for c in xcomp.children)


def _content_of(verb):
    """(content token range, denied) governed by a reporting verb, or None."""
    doc = verb.doc
    if verb.lemma_ == "put":
        return _figure_put(verb)
    if verb.lemma_ in REVISION_VERBS:
        return _figure_revised(verb)
    if verb.lemma_ in _NAMING_VERBS:
        named = _characterisation(verb)
        if named is not None:
            return named
    if verb.lemma_ in SEEING_VERBS:
        return _seen_as(verb)
    if verb.lemma_ in _FINDING_VERBS:
        found = _document_finding(verb)
        if found is not None:
            return found
    aside = _relative_aside(verb)
    if aside is not None:
        return aside
    # a clause, or one the parser hung as an adverbial but that opens with "that"
    ccomps = [c for c in verb.children if c.dep_ == "ccomp" or (
        c.dep_ == "advcl" and c.i > verb.i and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children))]
    ccomps = ccomps or _clause_after_adjunct(verb)
    # a clause starting past a line break after the verb is a paragraph the parser ran into
    ccomps = [c for c in ccomps if not _after_line_break(verb, _clause_range(c)[0])]
    if ccomps:
        return [(_before_speaker(_with_stray_subject(verb, c, _clause_range(c)), verb), False, c) for c in ccomps]
    quote = _preceding_quote(verb)
    if quote is not None:
        return [(quote, False, _QUOTATION)]
    tail = _tail_content(verb)
    if tail is not None:
        return [(tail, False, None)]
    quote = _following_quote(verb)
    if quote is not None:
        return [(quote, False, _QUOTATION)]
    aside = _as_aside(verb)
    if aside is not None:
        return [(aside, False, verb.head)]
    # ", a spokesman said." hangs off the clause it reports
    if verb.dep_ == "parataxis" or (verb.dep_ in ("advcl", "conj") and verb.i > verb.head.i
                                   and _subject(verb) is not None and verb.lemma_ in ("say", "add", "tell", "write", "note")
                                   and any(t.is_punct for t in doc[verb.head.i:verb.i])):
        head = verb.head
        lo, hi = _subtree_range(head)
        vlo, vhi = _subtree_range(verb)
        if vlo > lo:
            return [((lo, vlo), False, head)]
        return [((vhi, hi), False, head)]
    for c in verb.children:
        if c.dep_ == "dobj" and c.lower_ in _CLAIM_NOUNS:
            for g in c.children:
                if g.dep_ in ("acl", "ccomp", "relcl") and any(_that_conjunction(m) for m in g.children):
                    return [(_clause_range(g), denies(verb), g)]
    # participles carry a relay's content: "X cites research by Y, indicating that ..."
    for c in verb.children:
        if c.dep_ in ("advcl", "xcomp") and c.lemma_ in _CARRIERS:
            for g in c.children:
                if g.dep_ == "ccomp":
                    return []  # the participle makes its own relation
    if verb.lemma_ in ANSWER_VERBS and any(c.dep_ == "xcomp" and c.lemma_ == "comment" for c in verb.children):
        return None  # "declined to comment": nothing was said (see claims._no_comment)
    if verb.lemma_ in STANCE_VERBS | ATTITUDE_VERBS | ANSWER_VERBS:
        # "the mayor refused to release the tapes": the refusal is the news, not "to release the tapes"
        return _stance(verb)
    spoken = _spoken_act(verb)
    if spoken is not None:
        return spoken
    if verb.lemma_ in CLAUSE_ONLY and verb.lemma_ not in _XCOMP_CUES:
        return None
    for c in verb.children:
        if c.dep_ == "xcomp" and verb.lemma_ in _XCOMP_CUES:
            if _anonymity_formula(c):
                return None  # "officials, who asked not to be named, said ...": no claim of theirs
            addressees = [o for o in verb.children if o.dep_ in ("dobj", "dative") and o.i < c.i]
            if not addressees:
                # "The mayor promised to cut taxes": the promise is the claim, said whole, as a
                # refusal is; "to cut taxes" alone names no one, and two people's promises merge
                whole = _stance(verb)
                if whole:
                    return whole
                return [(_subtree_range(c), False, c)]
            # "urged supporters to vote": who is to act belongs to what was urged
            return [((_subtree_range(addressees[0])[0], _subtree_range(c)[1]), False, c)]
    if verb.lemma_ in CLAUSE_ONLY:
        return None
    for c in verb.children:
        if c.dep_ == "dobj" and c.pos_ != "PRON":
            return [(_subtree_range(c), False, c)]
    return None


def _before_speaker(span: tuple[int, int], verb) -> tuple[int, int]:
    """A clause that runs over its own speaker ('“... our military,” Flynn, an aide, said',
    the parser hanging the name on the quotation) stops where the speaker's phrase starts."""
    lo, hi = span
    subj = _subject(verb)
    if subj is not None and lo < subj.i < hi:
        cut = _subtree_range(subj)[0]
        if verb.i < hi and not any(t.pos_ in _CONTENT_POS for t in verb.doc[lo:cut]):
            # only a fronted pronoun before the speaker ("the miners, whom she said had no
            # chance"; "that he expected them to ...", misparsed): what is said follows the cue
            return verb.i + 1, hi
        hi = max(lo + 1, cut)
    return lo, hi


_CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "NUM", "ADV"})


def _clause_after_adjunct(verb) -> list:
    """'X said in a statement that A', 'X told a meeting of leaders that A', 'X reported at the
    time that A': the parser hangs the clause on the noun before it. A clause opened by the
    conjunction "that" (not the pronoun of "a statement that was read", which is its subject
    or object) is what the verb reports."""
    nouns = [obj for prep in verb.children if prep.dep_ == "prep" and prep.i > verb.i
             for obj in prep.children if obj.dep_ == "pobj"]
    for obj in (c for c in verb.children if c.dep_ in ("dobj", "dative") and c.i > verb.i):
        nouns += [obj] + [g for prep in obj.children if prep.dep_ == "prep" for g in prep.children if g.dep_ == "pobj"]
    return [x for obj in sorted(nouns, key=lambda t: t.i)
            for x in obj.children if x.dep_ in ("acl", "ccomp", "relcl") and x.i > obj.i
            and any(_that_conjunction(m) and m.i < x.i for m in x.children)][:1]


def _that_conjunction(tok) -> bool:
    """Is ``tok`` the "that" opening a clause, not a relative pronoun ("a report that was
    published")? The parser sometimes makes it an adverb ("reported at the time that A")."""
    return tok.lower_ == "that" and (tok.dep_ == "mark" or tok.dep_ == "advmod" and tok.head.pos_ in ("VERB", "AUX")
                                      and tok.head.i > tok.i)


_CUE_VERBS = REPORTING_VERBS | STANCE_VERBS | ATTITUDE_VERBS | SPOKEN_OBJECT_VERBS | frozenset(SPOKEN_PREPOSITIONS) | ANSWER_VERBS | SEEING_VERBS


def _stance(verb):
    """'Lowe criticized the plan for its cost': the whole clause is what Lowe said, as the
    object alone ("the plan") would not read as a claim. Needs an object (or a passive subject:
    "the plan was criticized by Lowe"); "attacked the town" is an act unless a person speaks."""
    subj, shared = _actor(verb)
    target = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass") or c.dep_ == "xcomp" and c.i > verb.i]
    if subj is None or not target:
        return None
    if verb.lemma_ in PHYSICAL_TOO and not _a_person(subj):
        return None
    return _whole_clause(verb, None if shared else subj, target)


def _spoken_act(verb):
    """'Lowe mentioned the audit', 'Lowe called for a ban', 'Lowe talked about the pier': what
    was put into words, said as the whole clause (like a stance)."""
    subj, shared = _actor(verb)
    if subj is None:
        return None
    lemma = verb.lemma_.lower()
    if lemma in SPOKEN_OBJECT_VERBS:
        target = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
        if lemma == "question" and not any(_a_quality(t) for t in target):
            return None  # "police questioned the suspect"
        if lemma in RELAY_VERBS and target and all(_a_source(t) for t in target):
            return None  # "a report that cited officials in Kyiv": whom it relays, not what
    elif lemma in SPOKEN_PREPOSITIONS:
        preps = SPOKEN_PREPOSITIONS[lemma]
        target = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in preps and c.i > verb.i
                  and any(g.dep_ in ("pobj", "pcomp") and not _a_time(g) for g in c.children)]
    else:
        return None
    if not target or any(ANONYMITY.search(" ".join(t.text for t in c.subtree)) for c in target):
        return None  # "who spoke on condition of anonymity": how a source was heard
    return _whole_clause(verb, None if shared else subj, target)


# Verbs whose subject an infinitive after them shares as its speaker: "X continued to call
# for A" calls for A; "X refused (wanted, hoped) to criticize A" criticizes nothing.
_ASPECT_VERBS = frozenset({"continue", "begin", "start", "keep", "resume"})


def _actor(verb):
    """The subject of a stance or a spoken act, and whether it is shared with the verb this one
    hangs on: "..., calling for his dismissal" after "Doctors sent a letter", "X continued to
    call for A", "protesters, who marched and called for A". A shared subject stays out of the
    claim, which starts at the verb."""
    subj = _subject(verb)
    if subj is not None:
        return subj, False
    governor = _governor(verb) if _shares_subject(verb) else None
    shared = _subject(governor) if governor is not None else None
    return (shared, True) if shared is not None and _speaker_like(shared) else (None, False)


def _shares_subject(verb) -> bool:
    """Does a verb without a subject take its governor's? A participle or infinitive does
    ("..., calling for", "took to the air to attack"), a verb coordinated with it does ("marched
    and called for"), "by calling" does; a finite verb without one is otherwise a parse error,
    and "fined him for refusing" is about the object."""
    if any(c.dep_ in ("nsubjpass", "mark") for c in verb.children):
        return False  # "if a deal were offered": a clause of its own
    if verb.dep_ == "advcl":
        return verb.tag_ in ("VBG", "VB")
    if verb.dep_ == "xcomp":
        return verb.head.lemma_.lower() in _ASPECT_VERBS
    if verb.dep_ == "pcomp":
        return verb.head.lower_ == "by"
    # coordinated by "and", "but": "..., since Lowe, at the debate, cited A" lost its subject
    return verb.dep_ == "conj" and any(t.dep_ == "cc" for t in verb.doc[verb.head.i + 1:verb.i])


def _speaker_like(tok) -> bool:
    """Could ``tok`` speak: a person, a group, an organisation, or a pronoun for one?"""
    ent = _ent_of(tok)
    return tok.lower_ in ("he", "she", "they", "we", "i", "who", "it") or tok.pos_ == "PROPN" \
        or ent is not None and ent.label_ in ("PERSON", "ORG", "NORP", "GPE") \
        or tok.lemma_.lower() in ROLE_NOUNS | ORGANISATION_NOUNS


def _whole_clause(verb, subj, target):
    """Tokens from the source (unless a clause of its own stands in it) to the end of the clause:
    its object, complements and every adjunct after the verb. An adjunct can carry the point
    ("supports Ukraine with weapons", "described the damage as severe"); cut there, the claim
    would say less than the sentence. A coordinated verb or a ", which ..." aside is left out:
    each makes a claim of its own."""
    parts = [c for c in verb.children if c.i > verb.i and c.dep_ not in _NOT_THE_CLAUSE]
    # the source stays in the claim, unless a clause of its own ("Lowe, who said A,") is in it
    source_in_claim = subj is not None and subj.i < verb.i and not any(t.dep_ in ("relcl", "acl") for t in subj.subtree)
    starts = [verb.i] + [t.left_edge.i for t in target + ([subj] if source_in_claim else [])]
    lo = max(min(starts), verb.sent.start)
    hi = max([verb.i] + [c.right_edge.i for c in parts]) + 1
    # ", which they say left a vacuum" adds a claim of its own
    asides = [t.left_edge.i - 1 for t in verb.doc[verb.i + 1:hi] if t.dep_ == "relcl" and t.left_edge.i > verb.i + 1
              and verb.doc[t.left_edge.i - 1].text == ","]
    return [((lo, min([hi] + asides)), False, verb)]


_NOT_THE_CLAUSE = frozenset({"punct", "cc", "conj", "parataxis", "relcl"})


def _a_quality(tok) -> bool:
    """'the wisdom of the plan', 'Trump's fitness': something owned, not someone."""
    return not _a_person(tok) and tok.pos_ == "NOUN" and tok.lemma_.lower() not in ROLE_NOUNS and any(
        c.dep_ == "poss" or c.dep_ == "prep" and c.lower_ in ("of", "for", "behind") for c in tok.children)


def _a_time(tok) -> bool:
    ent = _ent_of(tok)
    return ent is not None and ent.label_ in ("DATE", "TIME")


_SOURCE_NOUNS = ROLE_NOUNS | ANONYMOUS_NOUNS | ORGANISATION_NOUNS


def _a_source(tok) -> bool:
    """Could ``tok`` be someone a report relays: a person, a body, officials, sources?"""
    ent = _ent_of(tok)
    if ent is not None and ent.label_ in ("PERSON", "ORG", "NORP", "GPE"):
        return True
    return tok.lemma_.lower() in _SOURCE_NOUNS or tok.lower_ in _SOURCE_NOUNS


def _a_person(tok) -> bool:
    """Is ``tok`` a named person or a personal pronoun standing for one?"""
    ent = _ent_of(tok)
    return tok.lower_ in ("he", "she", "i", "we") or ent is not None and ent.label_ == "PERSON"


def _as_aside(verb):
    """'As The Post reported, A.' / 'A, as she noted.': the clause the aside hangs on is the content."""
    if verb.dep_ != "advcl" or not any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children):
        return None
    if any(c.dep_ in ("ccomp", "dobj", "xcomp") for c in verb.children):
        return None  # "as she said that ..." / "as he noted the figures"
    lo, hi = _subtree_range(verb.head)
    vlo, vhi = _subtree_range(verb)
    return (vhi, hi) if vlo <= lo else (lo, vlo)


# Words that open a "Label: ..." line without being anyone who speaks.
_LABELS = {"update", "updates", "watch", "breaking", "exclusive", "video", "photo", "photos", "note",
           "editor", "related", "read", "listen", "live", "opinion", "analysis", "correction",
           "warning", "source", "sources", "credit", "image", "caption", "transcript", "more"}


def _colon_relation(sent, part: Part, sentence: Sentence, mentions, outlets) -> Relation | None:
    """'Kremlin: No troops crossed the border.' / 'Poll: Trump ties Clinton': a headline's
    name before a colon is the source of what follows it. In a transcript ('"SMITH: Let us
    start.', or 'SMITH:' ending its line) the speaker's label is the source of what follows."""
    toks = [t for t in sent if not t.is_space]
    while toks and opens_quote(toks[0]):
        toks = toks[1:]  # a transcript quoted whole opens each turn with a quote mark
    colon = next((k for k, t in enumerate(toks[:8]) if t.text == ":"), None)
    if not colon:
        return None
    name, rest = toks[:colon], toks[colon + 1:]
    if any(t.pos_ in ("VERB", "AUX") or t.is_punct for t in name) or name[0].lower_ in _LABELS:
        return None
    doc, cue = sent.doc, toks[colon]
    if not rest:
        span = _turn_after_label(doc, cue.i, name)
        if span is None:
            return None
        lo, hi = span
    elif not _reads_as_statement(rest):
        return None
    else:
        lo, hi = rest[0].i, sent.end
    inside = {t.i for t in name}
    heads = [t for t in name if (t.head.i not in inside or t.head.i == t.i) and t.pos_ in ("PROPN", "NOUN")]
    if not heads:
        return None
    head = heads[0]
    named = any(_ent_of(t) is not None and _ent_of(t).label_ in _NAMED for t in name)
    if not (named or any(t.pos_ == "PROPN" for t in name) or _title_cased(name)
            or head.lemma_.lower() in ROLE_NOUNS | ORGANISATION_NOUNS | DOCUMENT_NOUNS):
        return None
    source = make_source(head, part, mentions, outlets, ":")
    # the label's words only: the parser may hang the turn after it on the name
    label = Span(part, name[0].idx, name[-1].idx + len(name[-1]))
    if source.span is not None and source.span.end > label.end:
        source = replace(source, span=label)
    return Relation(sentence.index, ":", Span(part, cue.idx, cue.idx + 1), _span_of(doc, part, lo, hi),
                    (source,), False, (cue.i, cue.i + 1), (lo, hi))


def _name_before_quote(sent, part: Part, sentence: Sentence, mentions, outlets) -> Relation | None:
    """'... too early - Ann Lowe: “Polls failed ...”', 'Here is Lowe in 1992: “...”' cut to its
    name: a person or organisation named right before a colon that opens a quotation speaks it,
    unless a verb of saying in the sentence already governs the quotation ("told Lowe: “...”")."""
    doc = sent.doc
    for tok in sent:
        if tok.text != ":" or tok.i == sent.start:
            continue
        name, j = doc[tok.i - 1], tok.i + 1
        while j < len(doc) and doc[j].is_space:
            j += 1
        ent = _ent_of(name)
        if j >= len(doc) or not opens_quote(doc[j]) or name.pos_ != "PROPN" or ent is None \
                or ent.label_ not in ("PERSON", "ORG"):
            return None
        if any(t.lemma_.lower() in _CUE_VERBS and t.pos_ in ("VERB", "AUX") for t in doc[sent.start:tok.i]):
            return None
        lo, hi = _quotation_from(doc, j)
        source = make_source(name, part, mentions, outlets, ":")
        return Relation(sentence.index, ":", Span(part, tok.idx, tok.idx + 1), _span_of(doc, part, lo, hi),
                        (source,), False, (tok.i, tok.i + 1), (lo, hi))
    return None


_SIGNATURE_DASHES = ("―", "—")


def _signature(sent, part: Part, sentence: Sentence, mentions, outlets) -> Relation | None:
    """'“We deserve better.” ― Ann Lowe': a dash after a closing quotation mark, then a name
    that ends the line, signs the quotation, as under an epigraph or a reader's quote. The
    quotation runs back to its opening mark, or to the start of its paragraph."""
    doc = sent.doc
    for dash in sent:
        if dash.text not in _SIGNATURE_DASHES:
            continue
        i = dash.i - 1
        while i >= 0 and doc[i].is_space and "\n" not in doc[i].text:
            i -= 1
        if i < 0 or doc[i].text not in _CLOSE_QUOTES:
            return None
        hi = dash.i + 1
        while hi < len(doc) and "\n" not in doc[hi].text:
            hi += 1
        name = [t for t in doc[dash.i + 1:hi] if t.text != "." and not t.is_space]
        if not 1 <= len(name) <= 6 or not all(t.pos_ == "PROPN" or t.text[0].isupper() for t in name) \
                or not (all(t.pos_ == "PROPN" for t in name)
                        or any(_ent_of(t) is not None and _ent_of(t).label_ in ("PERSON", "ORG") for t in name)):
            return None
        lo = i - 1
        while lo > 0 and not opens_quote(doc[lo]) and "\n" not in doc[lo - 1].text:
            lo -= 1
        if lo >= i:
            return None
        heads = [t for t in name if t.head.i == t.i or not name[0].i <= t.head.i <= name[-1].i]
        source = make_source(heads[0] if heads else name[-1], part, mentions, outlets, dash.text)
        label = Span(part, name[0].idx, name[-1].idx + len(name[-1]))
        source = replace(source, span=label)
        return Relation(sentence.index, dash.text, Span(part, dash.idx, dash.idx + len(dash)),
                        _span_of(doc, part, lo, i + 1), (source,), False, (dash.i, dash.i + 1), (lo, i + 1))
    return None


# Documents whose findings a sentence can open with: "In the survey, 40 percent ...".
_FINDING_DOCUMENTS = {"poll", "survey", "study", "analysis"}


def _framing_phrase(sent, part: Part, sentence: Sentence, mentions, outlets) -> Relation | None:
    """'In a Valley Post poll, Lowe leads by 4 points.', 'To Ann Lowe, the pier is a symbol':
    a sentence opened by a poll or study ("in") or by people whose view it gives ("to") says
    what follows the comma on their word. 'In May, ...' frames nothing, and 'For Lowe, the deal
    opened doors' is the writer's view of Lowe, not Lowe's."""
    toks = [t for t in sent if not t.is_space]
    if len(toks) < 5 or toks[0].lower_ not in ("in", "to") or toks[0].dep_ != "prep":
        return None
    prep = toks[0]
    objs = [c for c in prep.children if c.dep_ == "pobj"]
    comma = prep.right_edge.i + 1
    if not objs or comma >= sent.end or sent.doc[comma].text != ",":
        return None
    obj = objs[0]
    if prep.head.lemma_.lower() in _CUE_VERBS:
        return None  # "In a statement, the ministry said ...": the verb names the source
    if not (prep.lower_ == "in" and obj.lemma_.lower() in _FINDING_DOCUMENTS
            or prep.lower_ != "in" and _people(obj)):
        return None
    doc, lo, hi = sent.doc, comma + 1, sent.end
    source = make_source(obj, part, mentions, outlets, prep.text)
    return Relation(sentence.index, prep.text, Span(part, prep.idx, prep.idx + len(prep)), _span_of(doc, part, lo, hi),
                    (source,), False, (prep.i, prep.i + 1), (lo, hi))


def _people(tok) -> bool:
    """A named person or group, or people by role or party: "Ann Lowe", "most Democrats", "voters"."""
    ent = _ent_of(tok)
    if ent is not None:
        return ent.label_ in ("PERSON", "NORP")
    return tok.pos_ == "NOUN" and tok.lemma_.lower() in ROLE_NOUNS and tok.lemma_.lower() not in ORGANISATION_NOUNS


def _reads_as_statement(rest) -> bool:
    """Does what follows a headline's colon say something: a verb, a quote, a title-cased line
    (a headline's verb may be tagged a noun), rather than a figure or a list?"""
    words = [t for t in rest if t.is_alpha]
    title_case = len(words) >= 3 and sum(t.text[0].isupper() for t in words) >= 0.8 * len(words)
    return len(rest) >= 3 and (any(t.pos_ in ("VERB", "AUX") for t in rest) or opens_quote(rest[0])
                               or rest[0].text in ("‘", "'") or title_case)


def _title_cased(name) -> bool:
    """'Sanders:', 'Wash Post Fact-Check:': every word capitalised, as a name is (the parser
    may tag a headline's surname a plural noun); 'The reason:' is no name."""
    words = [t for t in name if t.is_alpha]
    return 0 < len(words) <= 4 and len(words) == len(name) and all(t.text[0].isupper() for t in words)


def _turn_after_label(doc, colon: int, name) -> tuple[int, int] | None:
    """A speaker's label cut off as a sentence of its own ('TAPPER: And ...'): the rest of its
    paragraph is the turn. Alone on its line, only an upper-case label is one, as transcripts
    write them; 'Ann Coulter:' may also introduce a list."""
    j, crossed = colon + 1, False
    while j < len(doc) and doc[j].is_space:
        crossed, j = crossed or "\n" in doc[j].text, j + 1
    if j >= len(doc) or crossed and not all(t.text.isupper() for t in name if t.is_alpha):
        return None
    return j, _paragraph_end(doc, j)


def find_relations(doc, part: Part, sentence: Sentence, mentions: Sequence[EntityMention] = (),
                   known_outlets: Collection[str] = ()) -> list[Relation]:
    """Every attribution whose cue stands in ``sentence`` (a sentence of ``doc``'s part)."""
    sent = doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
    if sent is None:
        return []
    out: list[Relation] = []
    colon = _colon_relation(sent, part, sentence, mentions, known_outlets) or \
        _name_before_quote(sent, part, sentence, mentions, known_outlets)
    if colon is not None:
        out.append(colon)
    signed = _signature(sent, part, sentence, mentions, known_outlets)
    if signed is not None:
        out.append(signed)
    framed = _framing_phrase(sent, part, sentence, mentions, known_outlets)
    if framed is not None:
        out.append(framed)
    for tok in sent:
        if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            rel = _according(tok, sent, part, sentence, mentions, known_outlets)
            if rel:
                out.append(rel)
            continue
        if tok.pos_ == "NOUN" and tok.lemma_.lower() in _SPEECH_NOUNS:
            rel = _possessed_speech(tok, part, sentence, mentions, known_outlets)
            if rel:
                out.append(rel)
            continue
        if tok.pos_ not in ("VERB", "AUX") or tok.lemma_.lower() not in _CUE_VERBS:
            continue
        if tok.lower_ in ("citing", "quoting"):
            continue  # a relay's aside names a source, it reports nothing itself
        if _set_phrase(tok):
            continue
        if tok.lemma_ == "point" and not any(c.dep_ == "prt" and c.lower_ == "out" or c.dep_ == "prep" and c.lower_ == "to"
                                             for c in tok.children):
            continue
        if any(c.dep_ == "nsubjpass" for c in tok.children) and tok.lemma_ in ("expect", "believe", "think", "say", "know", "report"):
            # "troops are expected to ...", "he is said to ...": not a source speaking
            if not any(c.dep_ == "ccomp" for c in tok.children):
                continue
        contents = _content_of(tok)
        if not contents:
            continue
        cue = _cue_text(tok)
        chain = _chain_for(tok, part, mentions, known_outlets, cue)
        for (lo, hi), denied, _root in contents:
            if _root is not _QUOTATION or not (hi <= sent.start or lo >= sent.end):
                # only a quotation before or after the sentence stays whole
                lo = max(lo, sent.start)
                hi = hi if hi > sent.end and lo < sent.end and doc[lo].text in _OPEN_QUOTES else min(hi, sent.end)
            if hi <= lo:
                continue
            out.append(Relation(
                sentence.index, cue, Span(part, tok.idx, tok.idx + len(tok)), _span_of(doc, part, lo, hi),
                chain, denied or denies(tok), (tok.i, tok.i + 1), (lo, hi),
            ))
    return _split_conjoined(_clip_nested(out, doc, part), doc, part)


def _set_phrase(verb) -> bool:
    """Is the verb part of a phrase in which nobody says anything: "as opposed to", "let's
    say", "it is worth noting", "it goes without saying", "needless to say"?"""
    doc, head = verb.doc, verb.head
    if verb.i > 0 and doc[verb.i - 1].lower_ == "as" and verb.tag_ == "VBN":
        return True
    if head.i != verb.i and (head.lemma_.lower() in ("let", "worth", "needless")
                             or head.lower_ == "without" and head.head.lemma_ == "go"):
        return True
    return False


def _clip_nested(relations: list[Relation], doc, part) -> list[Relation]:
    """"According to X, A, The Times writes": the inner content (A) stops where the outer
    wrapper (", The Times writes") begins."""
    out = []
    for r in relations:
        lo, hi = r.content_tokens
        for o in relations:
            if o is r:
                continue
            olo, ohi = o.content_tokens
            if olo <= r.cue_tokens[0] < ohi and olo <= lo < ohi < hi:
                hi = ohi
            elif olo <= r.cue_tokens[0] < ohi and lo < olo < hi <= ohi:
                lo = olo
        if (lo, hi) != r.content_tokens and hi > lo:
            r = Relation(r.sentence_index, r.cue, r.cue_span, _span_of(doc, part, lo, hi), r.chain,
                         r.denied, r.cue_tokens, (lo, hi))
        out.append(r)
    return out


# Nouns for something said whose "that" clause says what: "the minister's claim that ...".
_SPEECH_NOUNS = {"claim", "assertion", "allegation", "warning", "promise", "pledge", "vow", "statement",
                 "argument", "suggestion", "insistence", "contention", "prediction", "announcement",
                 "admission", "accusation", "charge", "remark", "comment", "testimony", "report", "view",
                 "belief", "message", "declaration", "explanation", "threat", "boast"}


def _possessed_speech(noun, part, sentence, mentions, outlets) -> Relation | None:
    """'The minister's claim that A', 'The Valley Post report that A': the possessor (or the
    outlet naming a report) is the source of the clause. Without one ("the claim that A")
    nobody is named, and the clause stays the sentence's own."""
    clauses = [c for c in noun.children if c.dep_ in ("acl", "ccomp", "relcl") and c.i > noun.i
               and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)]
    owner = [c for c in noun.children if c.dep_ == "poss"]
    if not owner and noun.lemma_.lower() == "report":
        owner = [c for c in noun.children if c.dep_ == "compound" and c.pos_ == "PROPN"
                 and outlet_like(" ".join(t.text for t in c.subtree), outlets)]
    if not clauses or not owner:
        return None
    lo, hi = _clause_range(clauses[0])
    doc = noun.doc
    return Relation(sentence.index, noun.text, Span(part, noun.idx, noun.idx + len(noun)),
                    _span_of(doc, part, lo, hi), (make_source(owner[0], part, mentions, outlets, noun.text),),
                    False, (noun.i, noun.i + 1), (lo, hi))


def _according(tok, sent, part, sentence, mentions, outlets) -> Relation | None:
    to = tok.doc[tok.i + 1]
    objs = [c for c in to.children if c.dep_ == "pobj"] or [c for c in tok.children if c.dep_ == "pobj"]
    if not objs:
        return None
    source = make_source(objs[0], part, mentions, outlets, "according to")
    relay = tuple(_relay_of(objs[0], part, mentions, outlets))
    plo, phi = _subtree_range(tok)
    phi = max(phi, _subtree_range(to)[1])
    head = tok.head
    while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
        head = head.head
    lo, hi = _subtree_range(head) if head.i != tok.i else (sent.start, sent.end)
    lo, hi = max(lo, sent.start), min(hi, sent.end)
    if plo <= lo + 1:
        lo = phi
    elif phi >= hi - 1:
        hi = plo
    if hi <= lo:
        return None
    return Relation(sentence.index, "according to", Span(part, tok.idx, to.idx + len(to)),
                    _span_of(tok.doc, part, lo, hi), (source,) + relay, False, (tok.i, tok.i + 2), (lo, hi))


def _split_conjoined(relations: list[Relation], doc, part) -> list[Relation]:
    """"X said that A and that B": two claims with one source."""
    out: list[Relation] = []
    for r in relations:
        lo, hi = r.content_tokens
        roots = [t for t in doc[lo:hi] if t.head.i < lo or t.head.i >= hi or t.head.i == t.i]
        root = roots[0] if roots else None
        second = None
        if root is not None:
            for c in root.children:
                if c.dep_ == "conj" and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children):
                    second = c
        if second is None:
            out.append(r)
            continue
        slo, shi = _subtree_range(second)
        first_hi = slo
        while first_hi > lo and doc[first_hi - 1].dep_ in ("cc", "punct"):
            first_hi -= 1
        out.append(Relation(r.sentence_index, r.cue, r.cue_span, _span_of(doc, part, lo, first_hi),
                            r.chain, r.denied, r.cue_tokens, (lo, first_hi)))
        out.append(Relation(r.sentence_index, r.cue, r.cue_span, _span_of(doc, part, slo, min(shi, hi)),
                            r.chain, r.denied, r.cue_tokens, (slo, min(shi, hi))))
    return out
