"""Attribution patterns inside one sentence, on hand-written sentences."""

import pytest

from storyline.analyze.claims import extract_claims
from storyline.analyze.nlp import load_nlp
from storyline.analyze.sentences import split_sentences


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def claims_of(nlp, text, **kw):
    doc = nlp(text)
    return extract_claims(doc, "text", split_sentences(doc, "text"), "a", **kw)


def chain(claim):
    return [(s.name, s.kind) for s in claim.attribution]


def test_subject_of_reporting_verb_with_that_clause(nlp):
    text = "A senior Danish official said that about 300 ferries are expected by Friday."
    [c] = claims_of(nlp, text)
    assert chain(c) == [("senior Danish official", "official")]
    assert c.text == "about 300 ferries are expected by Friday"  # the wrapper is not content
    assert c.attribution[0].cue == "said"


def test_source_span_points_at_the_name(nlp):
    text = "On Tuesday the harbour master, Piet Jansen, confirmed that the dock had flooded."
    [c] = claims_of(nlp, text)
    src = c.attribution[0]
    assert (src.name, src.kind) == ("Piet Jansen", "person")  # the name in apposition wins
    # the span is the whole phrase naming the source (PolNeAR's convention)
    assert text[src.span.start:src.span.end] == "the harbour master, Piet Jansen"
    assert text[c.span.start:c.span.end] == c.text


def test_according_to(nlp):
    [c] = claims_of(nlp, "According to the ministry, the bridge will reopen in May.")
    assert chain(c) == [("the ministry", "organisation")]
    assert c.text == "the bridge will reopen in May"


def test_tail_attribution_with_citing_puts_cited_source_nearest(nlp):
    text = "The mill closed last spring, The Daily Herald writes, citing union leaders."
    [c] = claims_of(nlp, text)
    assert chain(c) == [("union leaders", "official"), ("The Daily Herald", "outlet")]
    assert c.text == "The mill closed last spring"


def test_relay_cites_research_by_a_named_person(nlp):
    text = ("The Gazette cites research by economist Tom Berry from Leeds University, "
            "indicating that rents could fall by a tenth.")
    [c] = claims_of(nlp, text)
    assert chain(c)[:2] == [("Tom Berry", "person"), ("The Gazette", "outlet")]
    assert c.text == "rents could fall by a tenth"


def test_direct_quote_belongs_to_its_speaker(nlp):
    [c] = claims_of(nlp, '"We will not leave the square," said the mayor.')
    assert chain(c) == [("the mayor", "official")]
    assert "leave the square" in c.text


def test_two_that_clauses_make_two_claims(nlp):
    text = "Senator Jane Hollis noted that the budget was late and that the vote would slip."
    first, second = claims_of(nlp, text)
    assert first.text == "the budget was late"
    assert second.text == "the vote would slip"
    assert chain(first) == chain(second) == [("Jane Hollis", "person")]
    assert first.id == "a:0:0" and second.id == "a:0:1"


def test_known_outlets_are_outlets(nlp):
    [c] = claims_of(nlp, "Nordlys reported that the ferry sank.", known_outlets={"Nordlys"})
    assert chain(c) == [("Nordlys", "outlet")]


def test_entity_key_comes_from_the_overlapping_mention(nlp):
    from storyline.model import EntityMention, Span

    text = "Piet Jansen said the dock had flooded."
    mention = EntityMention("Piet Jansen", "PERSON", "piet jansen", Span("text", 0, 11))
    [c] = claims_of(nlp, text, mentions=[mention])
    assert c.attribution[0].entity == "piet jansen"


def test_quotation_over_two_sentences_keeps_its_speaker(nlp):
    text = 'Ann Lee spoke on Monday. She said, "We will rebuild the bridge. Nobody will stop us." Prices rose.'
    claims = claims_of(nlp, text)
    by_text = {c.text.strip('"”. '): c for c in claims}
    assert by_text["Nobody will stop us"].attribution[0].name == "Ann Lee"
    assert by_text["Prices rose"].attribution == ()


def test_a_report_in_an_outlet_is_that_outlet(nlp):
    [c] = claims_of(nlp, "The bridge will reopen in May, according to a report in The Harbour Times.")
    assert [s.name for s in c.attribution] == ["The Harbour Times"]
    assert c.attribution[0].kind == "outlet"


def resolved(nlp, text):
    """Claims of ``text`` after article-level attribution (back-references, relays)."""
    from storyline.analyze.claims import resolve_article_attribution

    doc = nlp(text)
    sentences = split_sentences(doc, "text")
    return resolve_article_attribution(extract_claims(doc, "text", sentences, "a"), sentences)[0]


def test_sources_quoted_by_an_outlet_and_outlets_spoken_to(nlp):
    claims = resolved(nlp, "The bridge will reopen in May, according to engineers quoted by The Harbour Times.\n"
                           "A council official told The Valley Post on Friday that the ferry would run daily.\n"
                           "Anna Berg estimated in her research for The Valley Post that traffic fell by a third.")
    assert [[s.name for s in c.attribution] for c in claims] == [
        ["engineers", "The Harbour Times"],
        ["council official", "The Valley Post"],
        ["Anna Berg", "The Valley Post"],
    ]


def test_an_expert_described_then_named_through_one_outlet_is_one_person(nlp):
    claims = resolved(nlp, "Fares will double, a transport analyst told The Valley Post.\n"
                           "Anna Berg of Tarn University estimated in her research for The Valley Post "
                           "that traffic fell by a third.")
    assert [[s.name for s in c.attribution] for c in claims] == [
        ["Anna Berg", "The Valley Post"],
        ["Anna Berg", "The Valley Post"],
    ]
    # two people named through the outlet: the analyst could be either
    two = resolved(nlp, "Fares will double, a transport analyst told The Valley Post.\n"
                        "Anna Berg said in her research for The Valley Post that traffic fell.\n"
                        "Piet Roos told The Valley Post that buses were late.")
    assert [s.name for s in two[0].attribution] == ["transport analyst", "The Valley Post"]


def test_the_newspaper_resolves_to_the_outlet_named_before(nlp):
    claims = resolved(nlp, "Road closures began on Monday, the mayor said.\n"
                           "The Valley Post reported that the tunnel was flooded.\n"
                           "A senior engineer told the newspaper that repairs would take weeks.")
    assert [s.name for s in claims[-1].attribution] == ["senior engineer", "The Valley Post"]


# --------------------------------------------------------------------------- subjects the parse loses


def span_text(text, source):
    return text[source.span.start:source.span.end]


def test_the_subject_nearest_the_verb_wins_over_a_dateline(nlp):
    # spaCy makes both "Oslo" and "Leclerc" subjects of "criticized"
    text = "Oslo (AFP) – Mayor Anne Leclerc has criticized the rail operator, saying that the trains are late."
    [c] = [c for c in claims_of(nlp, text) if c.attribution]
    assert c.attribution[0].name == "Anne Leclerc"


def test_a_subject_the_parser_hangs_on_a_noun_before_it(nlp):
    # spaCy makes "Lisa Marsh" an apposition of "husband" and leaves "said" without a subject
    text = "On the campaign trail for her husband, former governor Lisa Marsh said he was ready to lead."
    [c] = [c for c in claims_of(nlp, text) if c.attribution]
    assert c.attribution[0].name == "Lisa Marsh"
    assert c.text == "he was ready to lead"


def test_saying_after_a_preposition_shares_the_subject_of_its_verb(nlp):
    text = "The governor ended the meeting by saying that the levy would stay."
    [c] = [c for c in claims_of(nlp, text) if c.attribution]
    assert chain(c)[0][0] == "The governor"
    assert c.text == "the levy would stay"


def test_a_relative_pronoun_source_is_named_by_its_antecedent_but_stands_at_who(nlp):
    text = "The plan was opposed by Mara Quist, who said that the tunnel was too costly."
    [c] = [c for c in claims_of(nlp, text) if "tunnel" in c.text]  # "was opposed by" is hers too
    src = c.attribution[0]
    assert src.name == "Mara Quist"
    assert span_text(text, src) == "who"


# --------------------------------------------------------------------------- quotations and asides


def test_a_quotation_before_the_speaker_whatever_follows_the_verb(nlp):
    text = "“The harbour is safe again,” Ola Berg, 58, told the local radio on Monday when asked."
    [c] = [c for c in claims_of(nlp, text) if c.attribution]
    assert c.attribution[0].name == "Ola Berg"
    assert c.text == "The harbour is safe again"


def test_a_speaker_sentence_after_an_exclamation_takes_the_quotation_before_it(nlp):
    # spaCy ends the sentence at '!”', so the speaker stands in a sentence of its own
    text = "“Fix the roads before winter!” one reader wrote.\nPrices rose."
    claims = claims_of(nlp, text)
    quote = [c for c in claims if "Fix the roads" in c.text]
    assert len(quote) == 1 and quote[0].attribution[0].name == "one reader"
    assert [c.text for c in claims if "reader wrote" in c.text] == []  # the speech tag is no claim
    assert [c.attribution for c in claims if c.text.startswith("Prices")] == [()]


def test_said_and_a_colon_announce_the_next_paragraph(nlp):
    text = 'The rules were clear. The minister said:\n\n"Every ferry will carry a pilot."\n\nPrices rose.'
    claims = claims_of(nlp, text)
    by_text = {c.text.strip('"”. '): c for c in claims}
    assert by_text["Every ferry will carry a pilot"].attribution[0].name == "The minister"
    assert by_text["Prices rose"].attribution == ()


def test_an_as_aside_attributes_the_clause_it_hangs_on(nlp):
    [c] = claims_of(nlp, "As The Valley Post reported, the mayor needs half of the remaining votes.")
    assert chain(c) == [("The Valley Post", "outlet")]
    assert c.text == "the mayor needs half of the remaining votes"


def test_double_apostrophes_quote_like_quotation_marks(nlp):
    text = "''Nobody checked the cables,'' Ms. Dahl told the committee."
    [c] = [c for c in claims_of(nlp, text) if c.attribution]
    assert c.attribution[0].name == "Dahl"
    assert "Nobody checked the cables" in c.text


def test_a_straight_closing_quote_is_not_read_as_an_opening_one(nlp):
    # after "ask the board anything," the '"' closes the quotation: "Ms. Dahl said" is no content
    text = 'It was about money.\n\n"We never ask the board anything," Ms. Dahl said sarcastically.'
    claims = claims_of(nlp, text)
    assert [c.text for c in claims if "Dahl" in c.text] == []
    [quote] = [c for c in claims if "board" in c.text]
    assert quote.attribution[0].name == "Dahl"


def test_a_headline_name_before_a_colon_is_the_source(nlp):
    [c] = claims_of(nlp, "Harbour board: The ferry will not sail before May.")
    assert chain(c) == [("Harbour board", "organisation")]
    assert c.text == "The ferry will not sail before May"
    assert c.attribution[0].cue == ":"


def test_a_capitalised_name_before_a_headline_colon_is_the_source(nlp):
    # the parser tags a headline's surname ("Jorgens") as a plural noun, outside any entity
    [c] = claims_of(nlp, "Jorgens: Harbour Tax Plan Has Stalled.")
    assert c.attribution[0].name == "Jorgens" and c.text == "Harbour Tax Plan Has Stalled"


def test_a_transcript_speaker_label_is_the_source_of_the_turn(nlp):
    text = ('The interview went on.\n\n"MORROW: We will reopen the ferry line in May.\n\n'
            'KELSO:\n\nThe harbour needs a new pier first.')
    claims = {c.text.strip('". '): c for c in claims_of(nlp, text)}
    assert claims["We will reopen the ferry line in May"].attribution[0].name == "MORROW"
    assert claims["The harbour needs a new pier first"].attribution[0].name == "KELSO"


def test_said_in_a_statement_that_reports_the_clause(nlp):
    # the parser hangs the "that" clause on "statement", not on "said"
    claims = claims_of(nlp, "Nils Berg, the harbour director, said in a statement that the pier was unsafe.")
    [c] = [c for c in claims if c.attribution]
    assert c.attribution[0].name == "Nils Berg" and c.text == "the pier was unsafe"


def test_a_statement_that_is_read_aloud_reports_nothing(nlp):
    # "that" is the relative pronoun here, not the conjunction opening what was said
    claims = claims_of(nlp, "She spoke in a statement that was read aloud by her aide.")
    assert all(not c.attribution for c in claims)


def test_a_possessor_of_a_claim_is_its_source(nlp):
    claims = claims_of(nlp, "The fact-checkers examined the mayor’s claim that crime had doubled in the port.")
    by_text = {c.text: c for c in claims}
    assert by_text["crime had doubled in the port"].attribution[0].name == "the mayor"
    # the sentence itself stays the outlet's own claim, whole
    assert by_text["The fact-checkers examined the mayor’s claim that crime had doubled in the port"].attribution == ()


def test_a_claim_nobody_owns_has_no_source(nlp):
    claims = claims_of(nlp, "The claim that crime had doubled in the port was false.")
    assert all(not c.attribution for c in claims)


def test_a_name_before_a_colon_and_a_quotation_speaks_it(nlp):
    claims = claims_of(nlp, "Polls were early - Ann Lowe: “The count was wrong in three towns.”")
    [c] = [c for c in claims if "count" in c.text]
    assert c.attribution[0].name == "Ann Lowe" and c.attribution[0].cue == ":"
    # a verb of saying governs its own quotation: the addressee does not speak
    [c] = claims_of(nlp, "Lowe told Nils Berg: “The count was wrong.”")
    assert c.attribution[0].name == "Lowe"


def test_a_label_or_a_figure_after_a_colon_is_no_attribution(nlp):
    for text in ("Update: The ferry will not sail before May.", "Pledged: 781 delegates remain.",
                 "The reason: taxes rose sharply."):
        assert all(not c.attribution for c in claims_of(nlp, text)), text


# --------------------------------------------------------------------------- estimates and names


def test_put_a_figure_at_a_value_is_an_estimate_by_the_subject(nlp):
    text = "Mara Quist, the head of the port authority, has put the number of damaged cranes at about 40."
    [c] = [c for c in claims_of(nlp, text) if c.attribution]
    assert c.attribution[0].name == "Mara Quist"
    assert c.text == "the number of damaged cranes at about 40"


def test_put_without_a_figure_is_no_attribution(nlp):
    assert all(not c.attribution for c in claims_of(nlp, "The mayor put the plan on hold at noon."))


def test_judged_it_unlikely_that(nlp):
    text = "The engineer judged it unlikely that the bridge would reopen before spring."
    [c] = [c for c in claims_of(nlp, text) if c.attribution]
    assert c.attribution[0].name == "The engineer"
    assert c.status == "hedged"
    assert "the bridge would reopen before spring" in c.text


def test_a_role_source_keeps_whose_role_it_is(nlp):
    [c] = claims_of(nlp, "The director of Holm County Hospital said that 12 patients were moved.")
    assert chain(c) == [("The director of Holm County Hospital", "official")]


def test_an_outlet_introduced_by_a_media_word_is_named_by_its_name(nlp):
    [c] = claims_of(nlp, "The ferry sank, a sailor told the Danish newspaper Nordlys.")
    assert chain(c)[-1] == ("Nordlys", "outlet")


def test_a_relay_aside_between_subject_and_verb(nlp):
    text = ("The strike began hours after The Valley Post, quoting union officials, "
            "reported that the talks had failed.")
    claims = claims_of(nlp, text)
    [c] = [c for c in claims if c.text == "the talks had failed"]
    assert chain(c) == [("union officials", "official"), ("The Valley Post", "outlet")]
    assert [c for c in claims if c.text == "union officials"] == []  # "quoting" reports nothing


def test_the_main_clause_stops_where_an_attributed_content_begins(nlp):
    # "according to" hangs on "appeared": the main clause "Her review comes" is too short to
    # be a claim of its own and must not swallow the attributed content
    text = ("Her review comes days after the first cracks appeared in the Holm dam, "
            "according to engineers cited by The Valley Post.")
    claims = claims_of(nlp, text)
    assert all(c.attribution for c in claims), [c.text for c in claims]
    assert any("the first cracks appeared in the Holm dam" in c.text for c in claims)


@pytest.mark.parametrize("text, content", [
    ("The mayor called the new bridge “a waste of money.”", "the new bridge “a waste of money"),
    ("The mayor described the new bridge as a waste of money.", "the new bridge as a waste of money"),
])
def test_calling_or_describing_something_as_something_is_a_judgement(nlp, text, content):
    [c] = [c for c in claims_of(nlp, text) if c.attribution]
    assert c.attribution[0].name == "The mayor"
    assert c.text.rstrip("”") == content.rstrip("”")


@pytest.mark.parametrize("text", ["The mayor called the police.", "The mayor called a meeting."])
def test_calling_without_a_second_phrase_is_no_attribution(nlp, text):
    assert all(not c.attribution for c in claims_of(nlp, text))


@pytest.mark.parametrize("text", ["The mayor called for calm.", "The mayor described the damage."])
def test_calling_for_or_describing_something_is_said_whole(nlp, text):
    # what the mayor put into words, as the whole clause: the object alone is no claim
    [c] = claims_of(nlp, text)
    assert c.attribution[0].name == "The mayor" and c.text == text.rstrip(".")


def test_a_subject_in_apposition_after_a_fronted_phrase(nlp):
    # spaCy hangs "their ... adviser, Anna Berg," on "the Courier" as appositions, "said" bare
    text = "In an interview with the Courier, their senior legal adviser, Anna Berg, said: “The port will reopen in May.”"
    [c] = [c for c in claims_of(nlp, text) if c.attribution]
    assert c.attribution[0].name == "Anna Berg"
    assert span_text(text, c.attribution[0]) == "their senior legal adviser, Anna Berg"


def test_a_subject_the_parser_reads_as_a_clause(nlp):
    # spaCy makes "going" a clausal subject of "said", with "Majorities" its own subject
    text = "Majorities of young voters in three cities going to the polls on Sunday said they oppose the dam."
    [c] = [c for c in claims_of(nlp, text) if c.attribution]
    assert c.attribution[0].name.startswith("Majorities of young voters")


def test_what_a_poll_shows_is_its_finding(nlp):
    [c] = [c for c in claims_of(nlp, "A new poll shows the mayor trailing his rival.") if c.attribution]
    assert c.attribution[0].kind == "document"
    assert c.text == "the mayor trailing his rival"


def test_a_person_showing_something_is_no_finding(nlp):
    assert all(not c.attribution for c in claims_of(nlp, "The guide showed the visitors the old harbour."))


def test_asking_not_to_be_named_is_no_claim(nlp):
    text = "The engineers, who asked not to be named, said the dam was sound."
    claims = claims_of(nlp, text)
    assert [c.text for c in claims if c.attribution] == ["the dam was sound"]
    assert "named" not in " ".join(c.text for c in claims)


def test_whoever_issued_a_statement_is_its_source(nlp):
    text = "The port authority put out a statement saying the cranes were safe."
    [c] = [c for c in claims_of(nlp, text) if c.attribution]
    assert chain(c) == [("The port authority", "organisation")]


def test_a_report_saying_something_without_an_issuer_is_the_report(nlp):
    text = "A report saying the mine was unsafe was published on Monday."
    [c] = [c for c in claims_of(nlp, text) if c.attribution]
    assert c.attribution[0].kind == "document"
    assert span_text(text, c.attribution[0]) == "A report"


def test_a_month_is_not_the_author_of_a_poll(nlp):
    text = "A Nordlys poll in June showed that most voters opposed the dam."
    [c] = [c for c in claims_of(nlp, text) if c.attribution]
    assert "June" not in c.attribution[0].name


def test_which_they_say_attributes_the_rest_of_the_relative_clause(nlp):
    text = "They blamed the drawdown of troops, which they say left a vacuum for smugglers."
    claims = {c.text: c for c in claims_of(nlp, text)}
    assert [(s.name, s.cue) for s in claims["left a vacuum for smugglers"].attribution] == [("they", "say")]
    # the blame is a stance of its own, and stops before the aside
    assert claims["They blamed the drawdown of troops"].attribution[0].cue == "blamed"


def test_a_trailing_absolute_is_not_part_of_the_content(nlp):
    # "..., with a spokeswoman saying ..." comments on the whole sentence; the parser hangs it
    # on the nearest verb, inside the reported clause.
    text = ("The ministry on Tuesday dismissed reports that the bridge had been closed to lorries, "
            "with a spokeswoman telling journalists that traffic was moving normally.")
    claims = {c.text: c for c in claims_of(nlp, text)}
    assert "the bridge had been closed to lorries" in claims
    assert claims["the bridge had been closed to lorries"].status == "denied"
    [moving] = [c for t, c in claims.items() if t.endswith("traffic was moving normally")]
    assert [s.name for s in moving.attribution] == ["spokeswoman"]


def test_a_with_phrase_without_its_own_subject_stays_in_the_content(nlp):
    text = "The police said that the driver had fled, with the stolen car found later in a field."
    texts = [c.text for c in claims_of(nlp, text)]
    assert any("stolen car" in t for t in texts)


# --------------------------------------------------------------------------- stances


def test_a_stance_in_words_is_the_whole_clause_said_by_its_subject(nlp):
    [c] = claims_of(nlp, "Senator Ann Lowe criticized the harbour plan for its cost on Monday.")
    assert chain(c) == [("Ann Lowe", "person")] and c.attribution[0].cue == "criticized"
    assert c.text == "Senator Ann Lowe criticized the harbour plan for its cost on Monday"


def test_a_passive_stance_is_said_by_its_agent(nlp):
    [c] = claims_of(nlp, "The plan was criticized by several council members as too costly.")
    assert c.attribution[0].name == "council members"


def test_an_attack_is_a_stance_only_when_a_person_speaks(nlp):
    assert all(not c.attribution for c in claims_of(nlp, "Russian forces attacked the town overnight."))
    [c] = claims_of(nlp, "Ann Lowe attacked Nils Berg over the ferry contract.")
    assert c.attribution[0].name == "Ann Lowe"


def test_a_speaker_clause_inside_the_subject_stays_its_own_claim(nlp):
    claims = {c.text: c for c in claims_of(nlp, "Lowe, who said the pier was unsafe, endorsed Berg for mayor.")}
    assert [s.cue for s in claims["the pier was unsafe"].attribution] == ["said"]
    assert [s.cue for s in claims["endorsed Berg for mayor"].attribution] == ["endorsed"]


def test_what_a_source_put_into_words_is_its_claim(nlp):
    for text, cue in (("The mayor mentioned the audit in her speech.", "mentioned"),
                      ("Senator Ann Lowe called for a ban on night ferries.", "called"),
                      ("Lowe talked about the pier and the ferries.", "talked"),
                      ("The mayor pointed to the audit as proof.", "pointed")):
        [c] = claims_of(nlp, text)
        assert c.attribution and c.attribution[0].cue == cue, text
        assert c.text.startswith(c.attribution[0].name.split()[0]) or c.attribution[0].name in c.text, text


def test_acts_that_look_like_words_are_no_attribution(nlp):
    for text in ("Police questioned the suspect for hours.", "Lowe spoke at the rally on Monday.",
                 "The council called the meeting to order."):
        assert all(not c.attribution for c in claims_of(nlp, text)), text


def test_a_position_taken_is_said_by_its_holder_but_a_plan_is_not(nlp):
    [c] = claims_of(nlp, "Most harbour pilots oppose the new pier.")
    assert c.attribution[0].name == "Most harbour pilots" and c.attribution[0].cue == "oppose"
    assert all(not c.attribution for c in claims_of(nlp, "The harbour company plans to cut 200 jobs."))
    assert all(not c.attribution for c in claims_of(nlp, "Troops defended the bridge for three days."))


def test_a_poll_opening_the_sentence_is_the_source_of_its_finding(nlp):
    [c] = claims_of(nlp, "In a Valley Post poll released Monday, Lowe leads Berg by four points.")
    assert "poll" in c.attribution[0].name and c.text == "Lowe leads Berg by four points"


def test_a_time_or_a_writer_s_view_opening_the_sentence_is_no_source(nlp):
    for text in ("In May, the pier was closed.", "For Ann Lowe, the deal opened the door to others.",
                 "In a statement, the ministry said the pier was closed."):
        claims = claims_of(nlp, text)
        assert all(s.cue not in ("In", "For") for c in claims for s in c.attribution), text


@pytest.mark.parametrize("text", ["It is worth noting that the pier was closed in May.",
                                  "It goes without saying that the pier was unsafe.",
                                  "Let's say the pier costs ten million.",
                                  "The pier cost ten million, as opposed to the five promised."])
def test_set_phrases_with_a_verb_of_saying_name_no_source(nlp, text):
    assert all(not c.attribution for c in claims_of(nlp, text))


def test_a_stance_keeps_what_the_sentence_says_after_the_object(nlp):
    # the adjunct carries the point: cut after the object, the claim would say less
    [c] = claims_of(nlp, "Rescuers described the damage as severe.")
    assert c.text == "Rescuers described the damage as severe"
    [c] = claims_of(nlp, "The council backs the plan with a grant of two million euros.")
    assert c.text.endswith("with a grant of two million euros")


def test_an_answer_refused_declined_or_offered_is_said_by_who_gave_it(nlp):
    for text, who, cue in (("The harbour board refused to publish the safety audit.", "harbour board", "refused"),
                           ("Mayor Ann Lowe declined to give the ferry contract's price.", "Ann Lowe", "declined"),
                           ("The port authority offered to pay for a second survey.", "port authority", "offered")):
        [c] = claims_of(nlp, text)
        assert c.attribution and who in c.attribution[0].name and c.attribution[0].cue == cue, text
        assert c.text == text.rstrip(".")  # the refusal is the news: the whole clause, not "to publish ..."
    # declining to comment says nothing: no claim, in a sentence of its own or as an aside
    assert claims_of(nlp, "Mayor Ann Lowe declined to comment on the ferry contract.") == []
    [c] = claims_of(nlp, "The board, which declined to comment on the audit, said the pier was safe.")
    assert c.text == "the pier was safe"
    # a plan or a wish stays an act
    assert all(not c.attribution for c in claims_of(nlp, "The ferry company wants to build a new dock."))


def test_a_promise_or_a_hope_is_the_whole_clause_with_its_speaker(nlp):
    # "to cut the ferry fares" alone would name no one: two people's promises would read alike
    [c] = claims_of(nlp, "Mayor Ann Lowe promised to cut the ferry fares by May.")
    assert c.text == "Mayor Ann Lowe promised to cut the ferry fares by May"
    assert "Ann Lowe" in c.attribution[0].name and c.attribution[0].cue == "promised"
    [c] = claims_of(nlp, "Harbour officials hope to reopen the pier next week.")
    assert c.text == "Harbour officials hope to reopen the pier next week"
    # an object before the infinitive is who is asked: it belongs to what was urged
    [c] = claims_of(nlp, "The union urged its members to stay home on Friday.")
    assert c.text == "its members to stay home on Friday" and c.attribution[0].cue == "urged"


def test_what_a_source_cited_echoed_or_referenced_is_its_claim(nlp):
    for text, who, cue in (("Senator Lowe cited the rising cost of the pier as her main worry.", "Lowe", "cited"),
                           ("Two councillors echoed the mayor's doubts about the tunnel.", "councillors", "echoed"),
                           ("The campaign video referenced the failed bridge project.", "campaign video", "referenced"),
                           ("Berg likened the new toll to a tax on commuters.", "Berg", "likened")):
        [c] = claims_of(nlp, text)
        assert c.attribution and who in c.attribution[0].name and c.attribution[0].cue == cue, text


def test_cited_figures_are_no_source_but_cited_research_by_a_person_is(nlp):
    [c] = claims_of(nlp, "Lowe cited the long delays at the harbour.")
    assert [s.name for s in c.attribution] == ["Lowe"]  # the delays are what she said, not who
    [c] = claims_of(nlp, "The Valley Post cites research by economist Piet Jansen, indicating that fares will rise.")
    assert "Piet Jansen" in [s.name for s in c.attribution]


def test_a_view_taken_of_something_is_its_holder_s_claim(nlp):
    [c] = claims_of(nlp, "Many fishermen see the new pier as a threat to their trade.")
    assert c.attribution[0].name == "Many fishermen" and c.attribution[0].cue == "see"
    assert c.text == "Many fishermen see the new pier as a threat to their trade"  # the view, whole
    [c] = claims_of(nlp, "Most commuters view the mayor favorably.")
    assert c.attribution[0].cue == "view"
    # seeing without a view is no attribution
    for text in ("The guards saw the car at the gate.", "Rescuers viewed the damage from a helicopter."):
        assert all(not c.attribution for c in claims_of(nlp, text)), text


def test_a_dash_and_a_name_under_a_quotation_sign_it(nlp):
    text = "“The ferries are always late and nobody listens.” ― Maria Santos\n“Another line follows here.”"
    claims = claims_of(nlp, text)
    signed = [c for c in claims if c.attribution and c.attribution[0].cue == "―"]
    assert signed and signed[0].attribution[0].name == "Maria Santos"
    assert "nobody listens" in signed[0].text
    # a dash in running text names no one
    text = "The pier was “a disaster” ― or so the report implied in May."
    assert all(s.cue != "―" for c in claims_of(nlp, text) for s in c.attribution)


@pytest.mark.parametrize("who", ["engineer Mara Quist", "analyst Mara Quist of Ridge University"])
def test_research_by_a_person_cited_by_an_outlet_is_that_persons(nlp, who):
    # the parser hangs "by" on "cites" or on "research": either way the person is the source
    [c] = claims_of(nlp, f"The Evening Star cites research by {who}, suggesting that the seepage doubled in May.")
    assert [s.name for s in c.attribution] == ["Mara Quist", "The Evening Star"]



def test_a_subject_inside_the_quotation_is_not_its_speaker(nlp):
    # the parser takes "mode", inside the quotation, for the subject of "said"
    text = ("“The phones have not stopped ringing. Pure panic mode,” said Mara Quist, "
            "a Boston-based director of the Harbor Workers Union.")
    [spoken] = [c for c in claims_of(nlp, text) if "panic" in c.text]
    assert spoken.attribution[0].name == "Mara Quist" and spoken.attribution[0].cue == "said"
    assert "Quist" not in spoken.text


def test_a_quotation_run_on_from_an_earlier_sentence_is_its_speaker_s(nlp):
    text = "“We asked for the tapes. Nothing at all,” Tom Berry said as the crowd moved on."
    [spoken] = [c for c in claims_of(nlp, text) if "Nothing at all" in c.text]
    assert spoken.attribution[0].name == "Tom Berry" and "Berry" not in spoken.text


@pytest.mark.parametrize("text, who, said", [
    ("A group of nurses sent a letter to the hospital board, calling for the director's dismissal.",
     "group of nurses", "calling for the director's dismissal"),
    ("Small groups of marchers continued to call for a new inquiry into the fire.",
     "Small groups of marchers", "call for a new inquiry into the fire"),
    ("The residents, who gathered at the pier and called for new railings, left at noon.",
     "The residents", "called for new railings"),
])
def test_a_spoken_act_without_a_subject_is_said_by_its_governor_s(nlp, text, who, said):
    [c] = [c for c in claims_of(nlp, text) if c.attribution]
    assert c.attribution[0].name == who and c.text == said


@pytest.mark.parametrize("text", [
    "The panel fined the clerk for refusing to testify.",  # the clerk refused, not the panel
    "If a new offer were made, the union would vote on it.",  # a clause of its own
    "The ministry declined to comment.",
])
def test_a_verb_that_does_not_share_its_governor_s_subject_makes_no_claim_of_it(nlp, text):
    assert all(not c.attribution for c in claims_of(nlp, text)), text


def test_hope_is_read_as_hope_not_hop(nlp):
    # the English model lemmatises every form of "hope" as "hop"
    [c] = claims_of(nlp, "The harbour master hopes the new gates will hold.")
    assert c.attribution[0].name == "The harbour master" and c.text == "the new gates will hold"
    assert all(not c.attribution for c in claims_of(nlp, "The rabbit hopped across the lawn."))


@pytest.mark.parametrize("text, who, said", [
    ("The dock workers voiced concern about the new shift rota.", "The dock workers", "voiced concern"),
    ("The auditor listed three failures in the ferry contract.", "The auditor", "listed three failures"),
    ("Marchers chanted “Open the gates!” outside the town hall.", "Marchers", "Open the gates"),
    ("The county court ruled that the toll was unlawful.", "The county court", "the toll was unlawful"),
    ("The union campaigned for lower rents in the port.", "The union", "campaigned for lower rents"),
])
def test_words_said_aloud_voiced_or_ruled_are_their_speaker_s(nlp, text, who, said):
    [c] = [c for c in claims_of(nlp, text) if c.attribution]
    assert c.attribution[0].name == who and said in c.text


def test_a_disputed_figure_is_denied(nlp):
    [c] = claims_of(nlp, "The harbour board disputed the official count.")
    assert c.attribution[0].name == "The harbour board" and c.status == "denied"


@pytest.mark.parametrize("text", ["The old king ruled the island for forty years.",
                                  "The fans shouted insults at the referee."])
def test_ruling_a_country_or_shouting_insults_says_nothing(nlp, text):
    assert all(not c.attribution for c in claims_of(nlp, text)), text


def test_what_a_source_identifies_something_as_is_its_claim(nlp):
    [c] = claims_of(nlp, "The senator identified rising rents as the main cause of the protests.")
    assert c.attribution[0].name == "The senator"
    assert c.text == "rising rents as the main cause of the protests"
    assert all(not c.attribution for c in claims_of(nlp, "Police identified the driver on Monday."))


def test_a_headline_clause_without_that_keeps_its_subject(nlp):
    # The parser makes "Harbour ferry" what is denied and "is damaged" a clause of its own.
    [c] = claims_of(nlp, "Owners deny Harbour ferry is damaged")
    assert c.text == "Harbour ferry is damaged" and c.status == "denied"
    assert chain(c)[0][0] == "Owners"


def test_a_pronoun_fronted_before_the_speaker_is_not_what_was_said(nlp):
    # the relative pronoun opens the clause, the speaker stands inside it: the content is
    # what follows the cue, and the nested "she" is the mayor herself, not a second link
    text = "Mayor Ada Lind said the council had suspended two clerks, whom she said had falsified the accounts."
    claims = claims_of(nlp, text)
    assert [c.text for c in claims] == ["the council had suspended two clerks", "had falsified the accounts"]
    assert [[s.name for s in c.attribution] for c in claims] == [["Ada Lind"], ["Ada Lind"]]


def test_a_forecast_by_its_cue_is_expected(nlp):
    [c] = claims_of(nlp, "Port officials expect the strike to end by the weekend.")
    assert c.status == "expected"


@pytest.mark.parametrize("text, status", [
    ("The harbour master disputed the figure of 40 ships.", "denied"),
    ("The harbour master did not dispute the figure of 40 ships.", "reported"),
    ("The harbour master never denied that 40 ships were stuck.", "reported"),
])
def test_a_negated_denial_denies_nothing(nlp, text, status):
    [c] = claims_of(nlp, text)
    assert c.status == status


def test_a_main_clause_stops_before_a_joined_speaker_clause(nlp):
    text = ("No ferry has sailed since Monday, and the harbour officials, who spoke on condition "
            "of anonymity, said the storm had damaged two piers.")
    claims = claims_of(nlp, text)
    assert [c.text for c in claims] == ["No ferry has sailed since Monday", "the storm had damaged two piers"]
    assert [c.status for c in claims] == ["asserted", "reported"]


@pytest.mark.parametrize("text", [
    "On Monday, the army attacked.",
    "Meanwhile, the governor praised.",
    "In a statement, the ministry said.",
])
def test_a_fronted_adverbial_is_not_what_the_subject_said(nlp, text):
    """A closing ", X said" reports the clause before it; after "On Monday," it reports nothing."""
    for c in claims_of(nlp, text):
        assert not c.attribution
        assert c.text == text


def test_according_to_before_an_intransitive_stance_verb(nlp):
    [c] = claims_of(nlp, "According to officials, the army attacked.")
    assert chain(c) == [("officials", "official")]
    assert c.text == "the army attacked"


def test_that_clause_hung_on_the_addressee(nlp):
    text = "At a summit last week, she told a meeting of island leaders that few people understood the risk."
    [c] = claims_of(nlp, text)
    assert chain(c)[0][0] == "she"
    assert c.text == "few people understood the risk"


def test_relative_that_after_a_report_noun_is_no_content(nlp):
    """"a report that was published" is a relative clause, not what the report says."""
    claims = claims_of(nlp, "She cited a report that was published in May.")
    assert all(c.text != "was published in May" and not c.text.startswith("that ") for c in claims)


def test_a_report_citing_officials_relays_them_and_says_nothing_itself(nlp):
    text = ("Troops have been arriving in the valley since Monday, according to a report in "
            "The Daily Herald that cited officials in the capital.")
    claims = claims_of(nlp, text)
    assert [c.text for c in claims] == ["Troops have been arriving in the valley since Monday"]
    # what is cited, not whom, is a spoken act's content
    [c] = claims_of(nlp, "The minister cited the figure from the census.")
    assert c.text == "The minister cited the figure from the census"


def test_an_inverted_speaker_after_the_verb_wins_over_a_phrase_before_it(nlp):
    # the parser gives "said" two subjects: "many" (of the injured) and the speaker after it
    text = "Dozens of people were hurt, many of them by falling glass, said Mira Holt, a spokesperson for the council."
    [c] = claims_of(nlp, text)
    assert chain(c)[0] == ("Mira Holt", "person")


def test_a_pronoun_from_the_subjects_relative_clause_is_not_the_speaker(nlp):
    # "it" is what the company runs, though the parser makes it a second subject of "said"
    text = "The company that runs it said 112 workers on the night shift had been brought to the surface."
    [c] = claims_of(nlp, text)
    assert chain(c)[0][0] == "The company"


@pytest.mark.parametrize("text, claim, speaker, pronoun", [
    # "it" is the body that spoke last ...
    ('The water board denied that the dam had cracked. Engineers found no damage, the board said. '
     '"The reservoir is safe," it said.', "The reservoir is safe", "the board", "it"),
    # ... or an organisation named nearer to it
    ("The water board denied that the dam had cracked. The Geological Survey revised the magnitude. "
     "It said the quake was shallow.", "the quake was shallow", "Geological Survey", "It"),
])
def test_it_as_a_source_is_the_nearest_body_before_it(nlp, text, claim, speaker, pronoun):
    from storyline.analyze.pipeline import analyze
    from storyline.model import Article

    analysed = analyze(Article(text=text), nlp=nlp)
    [c] = [c for c in analysed.claims if c.text == claim]
    assert c.attribution[0].name == speaker
    assert text[c.attribution[0].span.start:c.attribution[0].span.end] == pronoun  # where the text names it
