"""Entity mentions -> canonical entities: one key per real-world thing, shared across articles.

Keys are built so that two articles that never saw each other agree on them:

- countries, unions and a few organisations come from a gazetteer
  (``entities_gazetteer``): "DPRK", "North Korea", "North Korean" and the formal
  name all key to ``"north korea"``; "U.S.", "America", "American" to
  ``"united states"``. A capital stands for its government only where the
  gazetteer says so and only as an actor ("Pyongyang denied it"); Moscow stays
  a city.
- a person's key is the name without titles, lower-cased, with the usual
  transliteration variants folded (``person_key``): "Zelenskyy", "Zelenskiy"
  and "Zelensky" give ``"zelensky"``, "Volodymyr Zelenskyy" gives
  ``"volodymyr zelensky"``. Doubled letters are folded too, so keys are for
  matching, not display: show ``Entity.name``.
- anything else: the cleaned, lower-cased, accent-free name, folded like a
  person's words (the key must not depend on spaCy's label, which varies).

Inside one article a lone surname takes the key of the full name it belongs to
(also when the small model called it ORG or GPE), an acronym takes the key of
the name whose initials it is ("KPA" after "Korean People's Army"), and a
gazetteer place keeps its place type whatever spaCy said ("Kursk" PRODUCT).
Across articles ``merge_entities`` only joins equal keys: an article that names
"Zelensky" alone keeps the key ``"zelensky"`` (see ``surname_keys`` to relate it).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from typing import Iterable, Sequence

from rapidfuzz import fuzz

from ..model import Entity, EntityMention, Part, Span
from .entities_gazetteer import (
    CAPITAL_AS_GOVERNMENT, CAPITALS_ONLY, COUNTRIES, DEMONYMS, ORGANISATIONS, PLACES, TITLES,
)
from .furniture import dateline_places, furniture_spans, inside_any

NOT_ENTITIES = frozenset({"CARDINAL", "DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"})
ACTOR_DEPS = frozenset({"nsubj", "nsubjpass", "poss", "agent"})
# Folded spellings of one place: "Kiev" is the older transliteration of "Kyiv".
PLACE_SPELLINGS = {"kiev": "kyiv", "kharkov": "kharkiv", "odessa": "odesa", "donbass": "donbas",
                   "saint petersburg": "st petersburg"}
_MISLABELS = frozenset({"ORG", "GPE", "NORP", "PRODUCT", "LOC", "WORK_OF_ART", "FAC"})  # for a person
SURNAME_SIMILARITY = 92  # rapidfuzz ratio of two folded surnames that are one person's
_ACRONYM_STOP = frozenset({"of", "the", "and", "for", "de", "&"})
_MAX_GAZETTEER_WORDS = 6


def _table() -> dict[str, tuple[str, str, str, bool]]:
    """Folded alias -> (key, display name, type, is a demonym)."""
    table: dict[str, tuple[str, str, str, bool]] = {}
    for source in (COUNTRIES, ORGANISATIONS):
        for key, (name, kind, aliases) in source.items():
            table[key] = (key, name, kind, False)
            table[fold(name)] = (key, name, kind, False)
            for alias in aliases:
                table.setdefault(fold(alias), (key, name, kind, alias in DEMONYMS))
    return table


# --------------------------------------------------------------------------- names


def clean_name(text: str) -> tuple[int, int]:
    """(start, end) of the name inside ``text``: no leading "the", possessive, quotes, newlines."""
    start, end = 0, len(text)
    cut = text.find("\n")
    if cut > 0 and text[:cut].strip():
        end = cut  # a headline run into the next line
    while start < end and not text[start].isalnum():
        start += 1
    m = re.match(r"(?i)the\s+", text[start:end])
    if m and end - start > m.end():
        start += m.end()
    while end > start and not (text[end - 1].isalnum() or text[end - 1] in ".)"):
        end -= 1
    m = re.search(r"['’]s?$", text[start:end])
    if m:
        end = start + m.start()
    while end > start and not (text[end - 1].isalnum() or text[end - 1] == "."):
        end -= 1
    # A final dot belongs only to an abbreviation ("U.S."), not to a sentence end.
    if end > start and text[end - 1] == "." and not re.search(r"\b\w\.\w\.$", text[start:end]):
        end -= 1
    return start, end


def fold(name: str) -> str:
    """Lower case, no accents, no dots, one space: "the U.S.’s" -> "us"."""
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.replace("’", "'").replace("\n", " ").lower().replace(".", "")
    s = re.sub(r"^the\s+", "", s.strip())
    s = re.sub(r"'s?$", "", s)
    return re.sub(r"\s+", " ", s).strip(" ,;:-\"'")


def strip_titles(name: str) -> str:
    """"President Volodymyr Zelenskyy" -> "Volodymyr Zelenskyy"; a name of titles only stays."""
    words = name.split()
    k = 0
    while k < len(words) - 1 and words[k].lower().rstrip(".") in TITLES | {t.rstrip(".") for t in TITLES}:
        k += 1
    return " ".join(words[k:])


def _fold_word(w: str) -> str:
    w = re.sub(r"(?:yy|iy|ii|yi|ij)$", "y", w)  # Zelenskyy / Zelenskiy / Zelenskii -> zelensky
    w = re.sub(r"ff$", "v", w)  # Ivanoff -> ivanov
    return re.sub(r"(\w)\1", r"\1", w)  # Kirrill -> kiril


def person_key(name: str) -> str:
    """Key of a person's name: titles dropped, transliteration variants folded."""
    return " ".join(_fold_word(w) for w in fold(strip_titles(name)).split())


def entity_key(name: str, label: str) -> str:
    """The canonical key of one name, without the article around it.

    Apart from titles, dropped from PERSON names only, the key does not depend on
    the label: the small model calls one person PERSON in one article and ORG in
    the next, and both must give one key.
    """
    s, e = clean_name(name)
    name = name[s:e]
    folded = fold(name)
    hit = _TABLE.get(folded)
    if hit is not None and not (folded in CAPITALS_ONLY and not name.replace(".", "").isupper()):
        return hit[0]
    if folded in PLACE_SPELLINGS or folded in PLACES:
        return PLACE_SPELLINGS.get(folded, folded)
    return person_key(name) if label == "PERSON" else " ".join(_fold_word(w) for w in folded.split())


# --------------------------------------------------------------------------- one article


@dataclass
class _Raw:
    part: Part
    start: int
    end: int
    text: str
    label: str
    key: str = ""
    demonym: bool = False
    gazetteer: bool = False  # the type is certain: a gazetteer name or a dateline's place
    dep: str = ""


def link_entities(parts: Sequence[tuple[Part, object]]) -> tuple[list[EntityMention], list[Entity]]:
    """Mentions of one article with canonical keys, and one Entity per key."""
    raws: list[_Raw] = []
    for part, doc in parts:
        raws.extend(_mentions(doc, part))
    for r in raws:
        _resolve(r)
    _link_surnames(raws)
    _link_acronyms(raws)
    types = _types(raws)
    mentions = [
        EntityMention(r.text, "NORP" if r.demonym else types[r.key], r.key, Span(r.part, r.start, r.end))
        for r in raws
    ]
    entities = []
    for key in dict.fromkeys(r.key for r in raws):
        own = [r for r in raws if r.key == key]
        name = _display_name(key, own, types[key])
        aliases = tuple(dict.fromkeys(r.text for r in own if r.text != name))
        entities.append(Entity(key, name, types[key], aliases))
    return mentions, entities


def _mentions(doc, part: Part) -> list[_Raw]:
    out: list[_Raw] = []
    covered: set[int] = set()
    text = doc.text  # built anew on every access: read it once
    for ent in doc.ents:
        if ent.label_ in NOT_ENTITIES:
            continue
        raw = _raw(text, part, ent.start_char, ent.end_char, ent.label_, ent.root.dep_)
        if raw is not None:
            out.append(raw)
            covered.update(range(ent.start, ent.end))
    # Gazetteer names the model did not tag at all ("DPRK" is often missed).
    i = 0
    while i < len(doc):
        hit = None
        if i not in covered and doc[i].text[:1].isupper() and fold(doc[i].text) in _FIRST_WORDS:
            for n in range(min(_MAX_GAZETTEER_WORDS, len(doc) - i), 0, -1):
                if any(k in covered for k in range(i, i + n)):
                    continue
                span = doc[i:i + n]
                f = fold(span.text)
                if (f in _TABLE or f in PLACES) and not (f in CAPITALS_ONLY and not span.text.replace(".", "").isupper()):
                    hit = span
                    break
        if hit is not None:
            label = _TABLE[fold(hit.text)][2] if fold(hit.text) in _TABLE else PLACES[fold(hit.text)]
            raw = _raw(text, part, hit.start_char, hit.end_char, label, hit.root.dep_)
            if raw is not None:
                out.append(raw)
            i = hit.end
        else:
            i += 1
    # Names in bylines, credits and page furniture are not the story's ("By Jane Doe").
    furniture = furniture_spans(text)
    out = [r for r in out if not inside_any(r.start, r.end, furniture)]
    out = _dateline_as_place(out, text, part, dateline_places(text, furniture))
    out.sort(key=lambda r: r.start)
    return out


def _dateline_as_place(raws: list[_Raw], text: str, part: Part, places: list[tuple[int, int]]) -> list[_Raw]:
    """A dateline's town is a place, whatever the model read there ("STOCKTON (KXYZ)" PERSON)."""
    if not places:
        return raws
    kept = [r for r in raws if not inside_any(r.start, r.end, places)]
    # Marked as the gazetteer's, so that no person's surname takes it over.
    return kept + [_Raw(part, s, e, text[s:e], "GPE", gazetteer=True) for s, e in places]


def _raw(text: str, part: Part, start: int, end: int, label: str, dep: str) -> _Raw | None:
    s, e = clean_name(text[start:end])
    if e <= s:
        return None
    return _Raw(part, start + s, start + e, text[start + s:start + e], label, dep=dep)


def _resolve(r: _Raw) -> None:
    """Key and label of one mention from its own words and the gazetteer."""
    folded = fold(r.text)
    if folded in CAPITAL_AS_GOVERNMENT and r.dep in ACTOR_DEPS:
        r.key, r.label, r.gazetteer = CAPITAL_AS_GOVERNMENT[folded], "GPE", True
        return
    hit = _TABLE.get(folded)
    if hit is not None and not (folded in CAPITALS_ONLY and not r.text.replace(".", "").isupper()):
        r.key, r.label, r.gazetteer, r.demonym = hit[0], hit[2], True, hit[3]
        return
    place = PLACE_SPELLINGS.get(folded, folded)
    if place in PLACES or folded in PLACES:
        r.key, r.label, r.gazetteer = place, PLACES.get(place, PLACES.get(folded, "GPE")), True
        return
    if r.label == "PERSON":
        bare = strip_titles(r.text)
        if bare != r.text:  # the title is not part of the name's span
            r.start = r.end - len(bare)
            r.text = bare
    r.key = entity_key(r.text, r.label)


def _link_surnames(raws: list[_Raw]) -> None:
    """A one-word name that is the surname of a full PERSON name in the article takes its key."""
    surnames: dict[str, set[str]] = {}
    person_words = {r.key.split()[-1] for r in raws if r.label == "PERSON" and r.key}
    for r in raws:
        words = r.key.split()
        if len(words) >= 2 and not r.gazetteer and (
                r.label == "PERSON" or (r.label in _MISLABELS and words[-1] in person_words)):
            # A full name, also one the model called ORG when its surname alone was PERSON.
            surnames.setdefault(words[-1], set()).add(r.key)
            r.label = "PERSON"
    if not surnames:
        return
    for r in raws:
        if r.gazetteer or len(r.key.split()) != 1 or r.label not in _MISLABELS | {"PERSON"}:
            continue
        word = person_key(r.text)
        full = surnames.get(word)
        if full is None and len(word) >= 5:
            near = [s for s in surnames if s[0] == word[0] and fuzz.ratio(s, word) >= SURNAME_SIMILARITY]
            full = surnames[near[0]] if len(near) == 1 else None
        if full is not None and len(full) == 1:
            r.key, r.label = next(iter(full)), "PERSON"


def _initials(name: str) -> str:
    words = [w for w in re.split(r"[\s\-]+", name) if w and w.lower() not in _ACRONYM_STOP]
    return "".join(w[0] for w in words if w[0].isalpha()).upper()


def _link_acronyms(raws: list[_Raw]) -> None:
    """"KPA" in an article that names the "Korean People's Army" takes that key."""
    long_forms: dict[str, set[str]] = {}
    for r in raws:
        if len(r.text.split()) >= 2 and r.label in ("ORG", "GPE", "FAC", "NORP", "LOC"):
            long_forms.setdefault(_initials(r.text), set()).add(r.key)
    for r in raws:
        t = r.text.replace(".", "")
        if len(t) >= 2 and t.isupper() and " " not in t and not r.gazetteer:
            keys = long_forms.get(t)
            if keys is not None and len(keys) == 1:
                r.key = next(iter(keys))


def _types(raws: list[_Raw]) -> dict[str, str]:
    """One type per key: the gazetteer's, else PERSON if a full name was a PERSON, else the commonest."""
    types: dict[str, str] = {}
    for key in dict.fromkeys(r.key for r in raws):
        own = [r for r in raws if r.key == key]
        gaz = [r.label for r in own if r.gazetteer and not r.demonym]
        if gaz:
            types[key] = gaz[0]
        elif any(r.label == "PERSON" for r in own):  # persons are what the model mislabels most
            types[key] = "PERSON"
        elif all(r.demonym for r in own) and own[0].gazetteer:
            types[key] = next(hit[2] for f, hit in _TABLE.items() if hit[0] == key)
        else:
            types[key] = Counter(r.label for r in own).most_common(1)[0][0]
    return types


def _display_name(key: str, own: list[_Raw], kind: str) -> str:
    if key in _NAMES:
        return _NAMES[key]
    forms = [r.text for r in own if not r.demonym]
    if kind == "PERSON":
        forms = [strip_titles(f) for f in forms]
    forms = forms or [r.text for r in own]
    return max(forms, key=_formality)


def _formality(name: str) -> tuple[int, int, int]:
    """Longer is more formal; spelled-out beats an acronym; then earlier wins (max keeps first)."""
    return (len(name.split()), not name.replace(".", "").isupper(), len(name))


# --------------------------------------------------------------------------- across articles


def merge_entities(entities: Iterable[Entity]) -> list[Entity]:
    """One Entity per key, its aliases the union of all names seen, its name the most formal."""
    groups: dict[str, list[Entity]] = {}
    for e in entities:
        groups.setdefault(e.key, []).append(e)
    merged = []
    for key, group in groups.items():
        kind = Counter(e.type for e in group).most_common(1)[0][0]
        names = [e.name for e in group]
        name = _NAMES.get(key) or max(names, key=_formality)
        aliases = tuple(dict.fromkeys(a for e in group for a in (e.name, *e.aliases) if a != name))
        merged.append(Entity(key, name, kind, aliases))
    return merged


def surname_keys(entities: Iterable[Entity]) -> dict[str, str]:
    """Lone-surname PERSON keys -> the one full-name key ending in them, across a story."""
    people = [e.key for e in entities if e.type == "PERSON"]
    full: dict[str, set[str]] = {}
    for k in people:
        if len(k.split()) >= 2:
            full.setdefault(k.split()[-1], set()).add(k)
    return {k: next(iter(full[k])) for k in people if len(k.split()) == 1 and len(full.get(k, ())) == 1}


_TABLE = _table()
_FIRST_WORDS = frozenset(a.split()[0] for a in list(_TABLE) + list(PLACES) if a)
_NAMES = {key: name for source in (COUNTRIES, ORGANISATIONS) for key, (name, _, _) in source.items()}
