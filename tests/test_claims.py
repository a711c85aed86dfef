"""Claims: what is not a claim, status, negation, and article-level attribution."""

import pytest

from storyline.analyze.claims import extract_claims, resolve_article_attribution
from storyline.analyze.nlp import load_nlp
from storyline.analyze.sentences import split_sentences


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def article(nlp, text, outlet=None):
    doc = nlp(text)
    sentences = split_sentences(doc, "text")
    claims = extract_claims(doc, "text", sentences, "a")
    return resolve_article_attribution(claims, sentences, outlet)


def claims_in(nlp, text):
    """The claims of ``text`` as one article's body, before article-level attribution."""
    doc = nlp(text)
    return extract_claims(doc, "text", split_sentences(doc, "text"), "a")


def only(nlp, sentence):
    [c] = claims_in(nlp, sentence)
    return c


@pytest.mark.parametrize("text", [
    "Will the ferries run on Sunday?",
    "Read more: the full list of closures",
    "Photo: Getty Images",
    "Anna Berg, Tom Holt, Mia Lund",
    "The engineers spoke on condition of anonymity.",
    "Both inspectors asked not to be named because they were not authorised to speak publicly.",
    "This story first appeared in the Fenmoor Gazette.",
    "Originally published by the Lowland Post.",
    "Reprinted with permission of the publisher.",
    "A spokesman for the utility did not respond to a request for comment.",
    "The ministry declined to comment.",
])
def test_not_a_claim(nlp, text):
    assert claims_in(nlp, text) == []


@pytest.mark.parametrize("text, status", [
    ("The dam burst on Friday.", "asserted"),
    ("The mayor said the dam burst on Friday.", "reported"),
    ("The mayor said the dam is expected to hold until June.", "expected"),
    ("Engineers plan to drain the lake.", "expected"),
    ("The dam could burst within days, the mayor said.", "hedged"),
    ("The dam reportedly burst on Friday.", "hedged"),
    ("The company denied that the dam was damaged.", "denied"),
    ("The ministry dismissed reports that the dam was damaged.", "denied"),
    # a forecast or a doubt inside a relative clause describes its noun, not the claim
    ("Water has reached the lower valley, where it is expected to peak on Sunday.", "asserted"),
    ("The levee, which could fail within days, held overnight.", "asserted"),
])
def test_status(nlp, text, status):
    assert only(nlp, text).status == status


def test_a_source_heard_anonymously_still_makes_a_claim(nlp):
    c = only(nlp, "Two engineers, who spoke on condition of anonymity, said the levee had cracked.")
    assert c.text == "the levee had cracked" and c.status == "reported"


def test_hedge_outranks_future(nlp):
    # "could" and "by June" together: doubt first (see status.py)
    assert only(nlp, "Repairs could be finished by June and will cost more.").status == "hedged"


@pytest.mark.parametrize("text, negated", [
    ("Rescue teams have not yet entered the valley.", True),
    ("No trains have left the station.", True),
    ("The minister never visited the site.", True),
    ("Rescue teams have entered the valley.", False),
    # one word says "not": "un" + a verb's participle, said of the subject
    ("The old lighthouse was undamaged.", True),
    ("The claim remains unverified.", True),
    ("The old lighthouse was not undamaged.", False),
    ("The cause of the fire is unclear.", False),  # "clear" here is no participle
])
def test_negation(nlp, text, negated):
    assert only(nlp, text).negated is negated


@pytest.mark.parametrize("text, predicate", [
    ("Rescue teams have not yet entered the valley.", "enter"),
    ("The bridge was closed by the police on Monday.", "close"),
    ("The storm is the worst in a decade.", "be"),
    # the reported content, not the reporting verb, is the claim
    ("Two engineers said the levee had cracked.", "crack"),
    # an expectation frames the event: the event's verb tells which event it is
    ("About 900 volunteers are expected to be gathered by Sunday.", "gather"),
    ("The council plans to close the ferry route in May.", "close"),
    # misparsed: "quake" in apposition to "magnitude", "hit" describing it; the verb still names the event
    ("The magnitude 6.0 quake hit shortly before dawn near the city of Tarn, the seismological centre said.", "hit"),
])
def test_predicate_is_the_lemma_of_the_claims_main_verb(nlp, text, predicate):
    assert only(nlp, text).predicate == predicate


REWRITE = (
    "Floods cut off three villages in the north. "
    "The Daily Herald writes, citing local officials, that the army has sent boats.\n"
    "According to the newspaper, the river is still rising. Power lines are down.\n"
    "Aid workers have not yet reached the valley, the officials said.\n"
    "Food prices in the region doubled last week.\n"
    "Governor Ruth Alder said that the roads would reopen soon.\n"
    "The schools stay closed."
)


def test_rewrite_lead_gives_the_relayed_chain(nlp):
    _, relayed = article(nlp, REWRITE)
    assert [(s.name, s.kind) for s in relayed] == [("local officials", "official"), ("The Daily Herald", "outlet")]


def by_start(claims, words):
    return next(c for c in claims if c.text.startswith(words))


def test_back_references_resolve_to_the_named_source(nlp):
    claims, _ = article(nlp, REWRITE)
    rising = by_start(claims, "the river")
    assert rising.attribution[0].name == "The Daily Herald"  # "the newspaper"
    reached = by_start(claims, "Aid workers")
    assert [s.name for s in reached.attribution] == ["local officials", "The Daily Herald"]


def test_unattributed_claims_inherit_until_a_new_source(nlp):
    claims, _ = article(nlp, REWRITE)
    # same paragraph as an attributed sentence: continues it
    assert by_start(claims, "Power lines").attribution[0].name == "The Daily Herald"
    # a later paragraph of the rewrite: the relayed chain
    prices = by_start(claims, "Food prices")
    assert prices.status == "reported" and prices.attribution[-1].name == "The Daily Herald"
    assert prices.attribution[0].span is None  # inherited, not written there
    # a paragraph that names someone else ends the inheritance
    assert by_start(claims, "The schools").attribution == ()
    assert by_start(claims, "The schools").status == "asserted"


def test_a_source_speaking_to_the_article_s_own_outlet_is_no_relay(nlp):
    text = ("A harbour official told the Gazette that the pier would stay shut until March.\n"
            "Repairs will cost about 2 million euros.")
    _, relayed = article(nlp, text, outlet="Fenmoor Gazette")
    assert relayed == ()
    # the same lead in another outlet's article rewrites the Gazette's report
    _, relayed = article(nlp, text, outlet="Lowland Post")
    assert [s.name for s in relayed][-1:] == ["the Gazette"]


def test_a_lead_from_the_own_outlet_relays_no_report_it_quotes_later(nlp):
    text = ("A harbour official told the Gazette that the pier would stay shut until March.\n"
            "A port engineer told the Lowland Post on Friday that repairs could take a year. "
            "The harbour official said the cost was not yet known.")
    claims, relayed = article(nlp, text, outlet="Fenmoor Gazette")
    assert relayed == ()
    cost = by_start(claims, "the cost")
    assert [s.name for s in cost.attribution] == ["The harbour official"]  # not via the Post


@pytest.mark.parametrize("name, outlet, own", [
    ("the Gazette", "Fenmoor Gazette", True),
    ("The Fenmoor Gazette", "Fenmoor Gazette", True),
    ("the Post", "Fenmoor Gazette", False),
    ("Fenmoor", "Fenmoor Gazette", False),  # a place as often as an outlet
    ("the Gazette", None, False),
])
def test_names_own_outlet(name, outlet, own):
    from storyline.analyze.claims import names_own_outlet

    assert names_own_outlet(name, outlet) is own


def test_article_without_a_relay_keeps_claims_asserted(nlp):
    claims, relayed = article(nlp, "The dam burst on Friday.\nWater reached the square.")
    assert relayed == ()
    assert [c.status for c in claims] == ["asserted", "asserted"]


def test_an_act_with_a_saying_clause_is_two_claims(nlp):
    text = "The port authority on Monday corrected the number of stranded passengers to 310, saying 40 had been counted twice."
    claims = claims_in(nlp, text)
    assert [c.text for c in claims] == [
        "The port authority on Monday corrected the number of stranded passengers to 310",
        "40 had been counted twice",
    ]
    # A corrected figure is the corrector's statement, like "put the toll at".
    assert [c.status for c in claims] == ["reported", "reported"]
    assert [s.name for s in claims[0].attribution] == ["The port authority"]


def test_a_consequence_told_by_a_participle_is_a_claim_of_its_own(nlp):
    text = "A gale swept the northern coast early on Friday, killing 4 people and injuring about 30, the coastguard said."
    claims = claims_in(nlp, text)
    assert [c.text for c in claims] == [
        "A gale swept the northern coast early on Friday",
        "killing 4 people and injuring about 30",
    ]
    for c in claims:  # each piece keeps the sentence's source and its own characters
        assert [s.name for s in c.attribution] == ["the coastguard"]
        assert text[c.span.start:c.span.end] == c.text
    assert [c.predicate for c in claims] == ["sweep", "kill"]


def test_a_non_restrictive_relative_clause_is_a_claim_of_its_own(nlp):
    text = "About 60 people were hurt in the gale, which flattened the harbour wall on Friday."
    claims = claims_in(nlp, text)
    assert [c.text for c in claims] == [
        "About 60 people were hurt in the gale", "which flattened the harbour wall on Friday"]
    assert [c.predicate for c in claims] == ["hurt", "flatten"]


@pytest.mark.parametrize("text", [
    "Rescuers worked through the night, digging by hand.",  # no object of its own
    "The river rose, flooding the road before the bridge closed.",  # more follows the participle
    "The ferry that sank on Friday carried 40 people.",  # a restrictive relative clause
])
def test_a_participle_without_a_consequence_of_its_own_stays_in_its_claim(nlp, text):
    assert len(claims_in(nlp, text)) == 1


@pytest.mark.parametrize("text, source", [
    ("Officials raised the death toll to 52 on Tuesday.", "Officials"),
    ("Health officials have revised their estimate of the number of cases to more than 4,000.", "Health officials"),
    ("The government raised taxes to 20 percent.", None),  # an act on a non-figure: no statement
    ("The ministry updated its website on Friday.", None),
])
def test_a_revised_figure_is_its_revisers_statement(nlp, text, source):
    claims = claims_in(nlp, text)
    assert len(claims) == 1
    assert [s.name for s in claims[0].attribution] == ([source] if source else [])
    assert claims[0].status == ("reported" if source else "asserted")


def test_a_rejection_with_a_saying_clause_keeps_the_denied_content(nlp):
    text = "The ministry rejected reports that the ferry had sunk, saying the vessel was towed to safety."
    claims = claims_in(nlp, text)
    assert [(c.text, c.status) for c in claims] == [
        ("the ferry had sunk", "denied"), ("the vessel was towed to safety", "reported"),
    ]


def test_reports_said_are_not_the_relayed_report(nlp):
    from storyline.fuse.origins import full_chain

    claims, relayed = article(nlp, (
        "The ferry will stop running in May, officials told the Danish newspaper Nordlys.\n"
        "Reports on Monday said the last crossing was fully booked.\n"
        "The report said the operator was losing money."))
    assert [s.name for s in relayed] == ["Nordlys"]
    by_text = {c.text: c for c in claims}
    other = by_text["the last crossing was fully booked"]
    assert [s.name for s in other.attribution] == ["Reports"]
    assert [s.name for s in full_chain(other, relayed)] == ["Reports"]
    assert [s.name for s in by_text["the operator was losing money"].attribution] == ["Nordlys"]


def test_the_person_a_relayed_report_cites_speaks_via_that_report_again(nlp):
    claims, relayed = article(nlp, (
        "Fares could double next year, according to research by Ada Lind, an economist, "
        "cited by the Danish newspaper Nordlys.\n"
        "Lind said that the rail operator was losing money.\n"
        "Mayor Tom Berg said the trams would run."))
    assert [s.name for s in relayed] == ["Ada Lind", "Nordlys"]
    by_text = {c.text: [s.name for s in c.attribution] for c in claims}
    assert by_text["the rail operator was losing money"] == ["Lind", "Nordlys"]
    assert by_text["the trams would run"] == ["Tom Berg"]  # another named source: no relay


def test_a_speakers_own_i_inside_a_quote_is_the_speaker_and_leaves_no_fragment(nlp):
    doc = nlp('"I can only tell you what I have counted with my own staff," the director said.')
    claims = extract_claims(doc, "text", split_sentences(doc, "text"), "a")
    assert [c.text for c in claims] == ["what I have counted with my own staff"]  # no "I can only"
    assert [s.name for s in claims[0].attribution] == ["the director"]  # not "I, via the director"


SECOND_REPORT = (
    "The dam above Lowick is leaking, the Daily Herald reported on Monday.\n"
    "The Evening Star cites research by analyst Mara Quist of Ridge University, suggesting that the seepage doubled in May.\n"
    "Repairs could take a year.\n"
    "Quist says the reservoir should be lowered at once."
)


def test_a_rewrite_turning_to_a_second_report_carries_that_report_on(nlp):
    claims, relayed = article(nlp, SECOND_REPORT)
    assert [s.name for s in relayed] == ["the Daily Herald"]
    repairs = by_start(claims, "Repairs")
    # after the paragraph that cites the Star, a bare sentence is the Star's, not the Herald's
    assert [s.name for s in repairs.attribution] == ["Mara Quist", "The Evening Star"]
    assert repairs.attribution[0].span is None  # inherited, not written there


def test_a_person_heard_through_an_outlet_speaks_through_it_again(nlp):
    claims, _ = article(nlp, SECOND_REPORT)
    lowered = by_start(claims, "the reservoir")
    assert [s.name for s in lowered.attribution] == ["Quist", "The Evening Star"]


def test_a_semicolon_between_two_clauses_ends_a_sentence(nlp):
    # The parser alone made "Ferry fares rose by a tenth" what the union said.
    rose, said = claims_in(nlp, "Ferry fares rose by a tenth in March; the union said the rise was unfair.")
    assert rose.text == "Ferry fares rose by a tenth in March"  # the semicolon is left out
    assert rose.status == "asserted" and not rose.attribution
    assert said.attribution[0].name == "the union"
    # a headline: the toll is not part of the denial
    toll, denial = claims_in(nlp, "Harbour fire toll rises to 6; owners deny the alarms were off")
    assert toll.status == "asserted"
    assert denial.status == "denied"


def test_a_semicolon_in_a_list_does_not(nlp):
    doc = nlp("The band will play Lyon, France; Graz, Austria; and Bergen, Norway.")
    assert len(list(doc.sents)) == 1


def test_a_headline_of_two_clauses_joined_by_a_semicolon_is_two_sentences():
    from storyline.analyze.pipeline import analyze
    from storyline.model import Article

    done = analyze(Article(text="Crews worked through the night.", outlet="Tarn Post",
                           title="Harbour fire toll rises to 6; owners deny the alarms were off"))
    titles = [s.text for s in done.sentences if s.part == "title"]
    assert titles == ["Harbour fire toll rises to 6", "owners deny the alarms were off"]
    by_text = {c.text: c for c in done.claims if c.span.part == "title"}
    assert by_text["Harbour fire toll rises to 6"].status == "asserted"
    assert [c.status for t, c in by_text.items() if "alarms" in t] == ["denied"]
    # a headline is still one sentence whatever its other punctuation
    done = analyze(Article(text="Crews worked through the night.", title="Fire at the pier: six dead. Owners questioned"))
    assert len([s for s in done.sentences if s.part == "title"]) == 1


def test_two_clauses_with_their_own_subjects_after_a_comma_and_are_two_claims(nlp):
    text = "The port signed a lease with the ferry line in May, and the council approved it on 3 June."
    claims = claims_in(nlp, text)
    assert [c.text for c in claims] == ["The port signed a lease with the ferry line in May",
                                        "the council approved it on 3 June"]
    assert [text[c.span.start:c.span.end] for c in claims] == [c.text for c in claims]
    # one subject for both verbs, or no comma: one claim
    assert len(claims_in(nlp, "The port signed a lease in May and renewed it in June.")) == 1
    assert len(claims_in(nlp, "The port signed a lease in May and the council approved it in June.")) == 1


@pytest.mark.parametrize("sentence, pieces", [
    ("The port signed a lease with the ferry line in May, and the council approved it on 3 June.",
     ["The port signed a lease with the ferry line in May", "the council approved it on 3 June"]),
    ("A gale swept the northern coast early on Friday, killing 4 people and injuring about 30.",
     ["A gale swept the northern coast early on Friday", "killing 4 people and injuring about 30"]),
])
def test_a_sentence_ending_a_paragraph_splits_like_any_other(nlp, sentence, pieces):
    """The parser hangs the line break after a paragraph on its last verb."""
    text = sentence + "\n\nThe harbour reopened a week later."
    claims = [c for c in claims_in(nlp, text) if c.span.start < len(sentence)]
    assert [c.text for c in claims] == pieces
    assert [text[c.span.start:c.span.end] for c in claims] == pieces


def test_reportedly_names_unnamed_reports_not_the_rewritten_one(nlp):
    text = ("Flood water reached the old town on Monday, local officials told The Daily Herald.\n"
            "By Tuesday, army trucks had reportedly reached the villages upstream.\n"
            "Food prices in the town have doubled.")
    claims, relayed = article(nlp, text)
    assert relayed[-1].name == "The Daily Herald"
    trucks = by_start(claims, "By Tuesday")
    assert [(s.name, s.kind, s.cue) for s in trucks.attribution] == [("reports", "document", "reportedly")]
    assert text[trucks.attribution[0].span.start:trucks.attribution[0].span.end] == "reportedly"
    assert trucks.status == "hedged"
    # an aside of unnamed reports does not end the rewritten report's turn
    assert by_start(claims, "Food prices").attribution[-1].name == "The Daily Herald"


def test_reportedly_inside_a_relative_clause_is_no_source(nlp):
    c = only(nlp, "The soldiers, who reportedly came by train, camped near the river.")
    assert c.attribution == ()


@pytest.mark.parametrize("sentence, speaker, claim", [
    ("Pyongyang has not confirmed the deployment.", "Pyongyang", "Pyongyang has not confirmed the deployment"),
    ("The official did not dispute that figure.", "The official", "The official did not dispute that figure"),
    ("Police denied the allegations.", "Police", "Police denied the allegations"),
    # a noun phrase that says something stays the content
    ("The ministry confirmed the deaths of two soldiers.", "The ministry", "the deaths of two soldiers"),
])
def test_a_cue_on_a_mere_mention_makes_the_whole_clause_the_claim(nlp, sentence, speaker, claim):
    c = only(nlp, sentence)
    assert [s.name for s in c.attribution] == [speaker]
    assert c.text == claim
    assert c.status == "reported"  # what the allegations say is not stated, so not denied: the denial is


def test_pieces_of_a_split_content_start_at_their_words(nlp):
    text = "According to the analyst, the main motive is a lack of shells, but the ruler also wants a loyal ally."
    claims = claims_in(nlp, text)
    assert [c.text for c in claims] == ["the main motive is a lack of shells", "the ruler also wants a loyal ally"]
    assert [text[c.span.start:c.span.end] for c in claims] == [c.text for c in claims]


def test_a_split_reported_clause_starts_after_its_that(nlp):
    text = "On Monday, the mayor noted that the river is rising fast, potentially flooding the lower town."
    claims = claims_in(nlp, text)
    assert [c.text for c in claims] == ["the river is rising fast", "potentially flooding the lower town"]
    assert [text[c.span.start:c.span.end] for c in claims] == [c.text for c in claims]


def test_a_judged_clause_drops_the_empty_it_but_keeps_the_judgement(nlp):
    c = only(nlp, "The inspector judged it unlikely that the ferry would sail before noon.")
    assert c.text == "unlikely that the ferry would sail before noon"
    assert c.status == "hedged" and [s.name for s in c.attribution] == ["The inspector"]


def test_it_with_a_verb_of_its_own_stays(nlp):
    c = only(nlp, "The inspector said it was unlikely that the ferry would sail.")
    assert c.text == "it was unlikely that the ferry would sail"
