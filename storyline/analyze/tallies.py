"""Casualty tallies: is a figure a count of the dead, the injured, the missing?

Disaster and conflict reports give one toll in many wordings: "has killed 22
people", "22 people died", "the toll stood at 22", "22 deaths", "24 were confirmed
dead", "at least 12 dead". The counted noun alone cannot tell them apart ("people"
are counted by "killed 12 people" and by "injuring about 150"), nor bring them
together ("toll", "deaths", "people"). The tally is read from the words around the
figure, in the categories humanitarian reporting uses (killed, injured, missing,
displaced, arrested), so that figures of one tally are compared with each other and
with no other.

Where the tally is said, in the parse of one clause:
- the counted noun itself: "22 deaths", "40 bodies", "150 injuries";
- a verb whose subject or object the counted noun is: "killed 22 people", "30
  people died", "six miners were rescued" (none), or that modifies it: "the 19
  people killed";
- a state said of it: "24 people were confirmed dead", "six miners remain missing",
  "at least 12 dead";
- the count the verb a figure hangs from sets: "the toll stood at 22", "the number
  of people killed has risen to 19", "corrected the death toll to 31 people".
"""

from __future__ import annotations

from ..model import Tally

# Lemmas (verbs, adjectives, nouns) -> the tally they say.
TALLY_WORDS: dict[str, Tally] = {
    # the dead
    "kill": "killed", "die": "killed", "perish": "killed", "drown": "killed", "dead": "killed",
    "death": "killed", "fatality": "killed", "body": "killed", "toll": "killed",
    # the injured
    "injure": "injured", "wound": "injured", "hurt": "injured", "injury": "injured",
    "injured": "injured", "wounded": "injured",
    # the missing
    "missing": "missing", "unaccounted": "missing",
    # the displaced
    "evacuate": "displaced", "displace": "displaced", "homeless": "displaced",
    # the arrested
    "arrest": "arrested", "detain": "arrested", "arrests": "arrested",
}
# The verb that names each tally's event: "the toll stood at 22" reports a killing.
TALLY_VERBS: dict[Tally, str] = {
    "killed": "kill", "injured": "injure", "missing": "miss", "displaced": "displace", "arrested": "arrest",
}
# Nouns that say a tally only with a verb: "claimed 22 lives".
LIFE_VERBS = frozenset({"claim", "take", "lose", "cost"})
# Nouns that stand for a count of a bare figure's subject: "the toll stood at 22",
# "the number of people killed rose to 19", "the tally reached 30".
COUNT_NOUNS = frozenset({"toll", "number", "tally", "count", "figure"})
# Words that make a figure an increment: "two more", "another 12", "12 additional deaths".
INCREMENTS = frozenset({"more", "additional", "further", "another", "extra", "new"})
_ARGS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "attr"})
_STATES = frozenset({"acomp", "oprd", "amod", "xcomp", "acl", "relcl"})


def tally_of(doc, start: int, end: int) -> Tally | None:
    """The tally of the figure at tokens ``start``..``end`` of ``doc``, if it is one."""
    if any(doc[k].lower_ in INCREMENTS for k in range(max(start - 1, 0), min(end + 2, len(doc)))):
        return None  # "two more victims died": what was added to a toll, not the toll
    top = next((t for t in doc[start:end] if not start <= t.head.i < end), doc[start])
    noun = top.head if top.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod") and top.head.i != top.i else top
    found = _said_of(noun)
    if found is not None:
        return found
    # "a death toll of 22", "a toll of at least 40"
    if top.dep_ == "pobj" and top.head.lower_ == "of" and top.head.head.lemma_.lower() == "toll":
        return _toll(top.head.head)
    # "twelve of the dead", "thousands of people killed"
    return _said_of_its_of(noun) or _count_of_verb(noun)


def _said_of_its_of(noun) -> Tally | None:
    """The tally said by the noun after ``noun``'s "of": "the number of people killed"."""
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for obj in child.children:
                if obj.dep_ == "pobj" and (found := _said_of(obj)) is not None:
                    return found
    return None


def _said_of(noun) -> Tally | None:
    """The tally said by ``noun``, the words it heads, or the verb it is an argument of."""
    lemma = noun.lemma_.lower()
    if lemma in TALLY_WORDS and noun.pos_ in ("NOUN", "ADJ", "VERB"):
        return TALLY_WORDS[lemma]
    for child in noun.children:
        if child.dep_ in _STATES and (found := _word(child)) is not None:
            return found
    head = noun.head
    if noun.dep_ in _ARGS and head.i != noun.i and head.pos_ in ("VERB", "AUX", "ADJ"):
        verb = head.lemma_.lower()
        if verb in TALLY_WORDS:
            return TALLY_WORDS[verb]
        if lemma == "life" and verb in LIFE_VERBS:
            return "killed"
        if verb == "account" and any(c.dep_ == "neg" for c in head.children):
            return "missing"  # "have not been accounted for"
        # "were confirmed dead", "remain missing", "were found dead"
        for child in head.children:
            if child.dep_ in ("acomp", "oprd", "xcomp") and (found := _word(child)) is not None:
                return found
    return None


def _word(tok) -> Tally | None:
    """The tally a word says, by its lemma or as written ("missing" is lemmatised "miss")."""
    return TALLY_WORDS.get(tok.lemma_.lower()) or TALLY_WORDS.get(tok.lower_)


def _count_of_verb(phrase) -> Tally | None:
    """A figure the verb of a count sets: "the toll stood at 22", "the agency corrected the
    death toll to 31 people"."""
    verb = phrase.head.head if phrase.dep_ == "pobj" else phrase.head
    if phrase.dep_ not in ("pobj", "dobj", "attr") or verb.i == phrase.i:
        return None
    return counted_by_subject(verb)


def counted_by_subject(verb) -> Tally | None:
    """The tally ``verb``'s subject is a count of: "the toll" (stood at 22), "the number of
    people killed" (has risen to 19). Such a verb says how high the count is, and the
    claim reports the counted event: "the toll stood at 22" tells that 22 were killed."""
    if verb is None or verb.pos_ not in ("VERB", "AUX"):
        return None
    for subject in verb.children:
        # the count is the subject ("the toll rose to 31"), or the object of one who
        # sets it ("corrected the toll to 31", "put the number of dead at 22")
        if subject.dep_ not in ("nsubj", "nsubjpass", "dobj") or subject.lemma_.lower() not in COUNT_NOUNS:
            continue
        if subject.lemma_.lower() == "toll":
            # "tolls" are charges ("tolls on the bridge rose to $5"); a death toll is one
            return _toll(subject) if subject.tag_ == "NN" else None
        # "the number of people killed", "the number of dead"
        found = _said_of_its_of(subject)
        if found is not None:
            return found
    return None


def _toll(noun) -> Tally:
    """A toll counts the dead unless it says otherwise: "the injury toll"."""
    words = {c.lemma_.lower() for c in noun.children if c.dep_ in ("compound", "amod")}
    return "injured" if any(TALLY_WORDS.get(w) == "injured" for w in words) else "killed"
