"""Claim alignment: paraphrases match; a flipped negation, figure, actor or date does not."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st
from fusekit import claim, figure, when

from storyline.fuse import align
from storyline.fuse.when import agree
from storyline.fuse.ranges import Interval, compatible, interval

HIGH = 0.97  # a cosine as high as a true paraphrase's: the rules, not the model, must decide


def test_paraphrase_with_high_similarity_matches():
    a = claim("The ferry operator cancelled all crossings on Tuesday.", entities=("harbourline",))
    b = claim("All Tuesday crossings were called off by the ferry operator.", entities=("harbourline",))
    assert align.same_fact(a, b, HIGH)


def test_low_similarity_does_not_match():
    a = claim("The ferry operator cancelled all crossings.")
    b = claim("The city council approved a new budget.")
    assert not align.same_fact(a, b, 0.70)


def test_one_event_verb_lowers_the_bar_but_not_below_the_predicate_threshold():
    a = claim("The club placed its striker on the injured list.", predicate="place")
    b = claim("Striker Dana Holt was placed on injured reserve.", predicate="place")
    c = claim("Striker Dana Holt missed training on Friday.", predicate="miss")
    between = (align.PREDICATE_THRESHOLD + align.FACT_THRESHOLD) / 2
    assert align.same_predicate(a, b) and align.same_fact(a, b, between)
    assert not align.same_fact(a, c, between)  # different events need the full threshold
    assert align.same_fact(a, c, align.FACT_THRESHOLD)
    assert not align.same_fact(a, b, align.PREDICATE_THRESHOLD - 0.01)


def test_two_verbs_of_one_wordnet_sense_lower_the_bar_too():
    hit = claim("A strong quake hit the valley town before dawn.", predicate="hit")
    struck = claim("The quake struck the town of the valley early in the day.", predicate="strike")
    killed = claim("The quake killed nine people in the valley.", predicate="kill")
    between = (align.PREDICATE_THRESHOLD + align.FACT_THRESHOLD) / 2
    assert align.same_predicate(hit, struck) and align.same_fact(hit, struck, between)
    assert not align.same_predicate(struck, killed)  # no sense in common: the full threshold
    assert not align.same_fact(struck, killed, between)


def test_wordnet_senses_are_read_from_the_installed_data():
    from storyline.analyze.wordnet import share_a_sense, verb_senses

    assert len(verb_senses()) > 10_000  # WordNet 3.0 has 11,529 verb lemmas
    assert share_a_sense("release", "issue") and share_a_sense("find", "discover")
    assert not share_a_sense("arrive", "leave")
    assert not share_a_sense("zorble", "hit")  # not a WordNet verb: nothing in common


def test_a_copula_or_speech_verb_says_nothing_of_the_event():
    a = claim("The levee is the weakest point.", predicate="be")
    b = claim("The dam is the weakest point.", predicate="be")
    said = claim("The mayor said so.", predicate="say")
    assert not align.same_predicate(a, b)
    assert not align.same_predicate(said, said)
    assert not align.same_predicate(claim("x"), claim("y"))  # no predicate known (older analyses)


def test_the_lower_bar_still_needs_no_clash():
    a = claim("The quake killed 12.", predicate="kill", quantities=(figure(12, "people"),))
    b = claim("The quake killed 30.", predicate="kill", quantities=(figure(30, "people"),))
    assert not align.same_fact(a, b, 0.9)


def test_negation_mismatch_blocks():
    a = claim("Relief convoys have reached the valley.")
    b = claim("Relief convoys have not reached the valley.", negated=True)
    assert align.clashes(a, b) == ("polarity",)
    assert not align.same_fact(a, b, HIGH)


def test_a_denial_has_the_polarity_of_a_negation():
    denied = claim("The ministry denied that convoys reached the valley.", status="denied")
    negated = claim("Convoys did not reach the valley, the ministry said.", status="reported", negated=True)
    plain = claim("Convoys reached the valley.")
    assert not align.clashes(denied, negated)
    assert "polarity" in align.clashes(denied, plain)


def test_different_number_blocks_but_rounding_does_not():
    a = claim("Some 4,000 workers walked out.", quantities=(figure(4000, "workers", "approx"),))
    b = claim("About 4,200 workers walked out.", quantities=(figure(4200, "worker", "approx"),))
    c = claim("9,000 workers walked out.", quantities=(figure(9000, "workers"),))
    assert align.same_fact(a, b, HIGH)
    assert align.clashes(a, c) == ("number",)
    assert not align.same_fact(a, c, HIGH)


def test_an_extra_figure_in_one_claim_does_not_block_but_an_unmatched_pair_does():
    magnitude = figure(6.2, "magnitude")
    a = claim("A magnitude 6.2 quake struck, killing 12 people and injuring about 150.",
              quantities=(magnitude, figure(12, "people"), figure(150, None, "approx")))
    b = claim("The magnitude 6.2 quake hit before dawn.", quantities=(magnitude,))
    c = claim("The quake killed 15 people.", quantities=(figure(15, "people"),))
    d = claim("The quake killed 12.", quantities=(figure(12, None),))
    assert not align.number_clash(a, b)
    assert align.number_clash(a, c)  # 12 and 150 are both left, and neither is 15
    assert not align.number_clash(a, d)
    assert align.number_clash(c, d)  # an uncounted 12 against 15 people


def test_figures_of_different_kinds_are_not_compared():
    a = claim("Prices rose 4 percent.", quantities=(figure(4, unit="percent"),))
    b = claim("Prices rose 4 percent to 12 dollars.",
              quantities=(figure(4, unit="percent"), figure(12, unit="USD")))
    assert not align.number_clash(a, b)


def test_different_actor_blocks_and_an_extra_entity_does_not():
    a = claim("Norway closed its border.", entities=("norway",))
    b = claim("Sweden closed its border.", entities=("sweden",))
    c = claim("Norway closed its border with Sweden.", entities=("norway", "sweden"))
    kinds = {"norway": "GPE", "sweden": "GPE"}
    assert align.clashes(a, b, kinds) == ("actor",)
    assert not align.clashes(a, c, kinds)
    assert align.same_fact(a, c, HIGH, kinds)


def test_the_lead_actor_decides_not_every_place_named():
    kinds = {"norway": "GPE", "sweden": "GPE", "tromso": "GPE", "oslo": "GPE"}
    a = claim("Norway sent ships to Tromso.", entities=("norway", "tromso"))
    b = claim("Sweden sent ships to Tromso.", entities=("sweden", "tromso"))
    c = claim("Norway sent ships to Tromso from Oslo.", entities=("norway", "tromso", "oslo"))
    d = claim("Norway sent ships to Tromso, watched by Sweden.", entities=("norway", "tromso", "sweden"))
    assert align.actor_clash(a, b, kinds)
    assert not align.actor_clash(c, d, kinds)


def test_entities_of_different_types_are_not_a_swapped_actor():
    a = claim("Norway signed the accord.", entities=("norway",))
    b = claim("The accord was signed in Oslo by Anna Berg.", entities=("anna berg",))
    assert not align.actor_clash(a, b, {"norway": "GPE", "anna berg": "PERSON"})


def test_different_event_dates_block_and_nested_ones_do_not():
    march = when(date(2024, 3, 1), date(2024, 3, 31))
    a = claim("The dam was opened.", event_date=when(date(2024, 3, 4)))
    b = claim("The dam was opened.", event_date=when(date(2024, 4, 9)))
    c = claim("The dam was opened in March.", event_date=march)
    assert align.clashes(a, b) == ("date",)
    assert not align.clashes(a, c)


def test_an_ongoing_state_agrees_with_any_later_day():
    since = when(date(2024, 2, 1), date(2024, 2, 29))
    since = type(since)(**{**since.__dict__, "relation": "since"})
    deadline = when(date(2024, 3, 10))
    deadline = type(deadline)(**{**deadline.__dict__, "relation": "by"})
    a = claim("Troops have been stationed at the pass since February.", event_date=since)
    b = claim("Troops were stationed at the pass on March 12.", event_date=when(date(2024, 3, 12)))
    c = claim("Troops left the pass in January.", event_date=when(date(2024, 1, 3)))
    d = claim("Troops will reach the pass by March 10.", event_date=deadline)
    assert not align.date_clash(a, b)
    assert align.date_clash(a, c)
    assert agree(c.event_date, d.event_date) and not agree(b.event_date, d.event_date)


def test_progress_by_a_day_is_not_an_event_on_an_earlier_day():
    def dated(text, day, relation):
        d = when(day)
        return claim(text, event_date=type(d)(**{**d.__dict__, "relation": relation}))

    event = dated("The first crews reached the valley on Wednesday.", date(2024, 3, 6), "on")
    progress = dated("By Monday, the first crews had reached the dam.", date(2024, 3, 11), "by")
    same_day = dated("The first crews reached the valley on Monday.", date(2024, 3, 11), "on")
    ongoing = dated("Crews have been arriving since Wednesday.", date(2024, 3, 6), "since")
    # the dates can both hold, but one tells where things stood by Monday, after the event
    assert agree(event.event_date, progress.event_date)
    assert align.clashes(event, progress) == ("date",) and align.clashes(progress, event) == ("date",)
    assert not align.date_clash(same_day, progress)
    assert not align.date_clash(ongoing, progress)


@pytest.mark.parametrize("q, expected", [
    (figure(5000, qualifier="approx"), Interval(4500, 5500)),
    (figure(20000, qualifier="more_than"), Interval(20000, float("inf"), True, True)),
    (figure(300, qualifier="up_to"), Interval(0, 300)),
    (figure(None, qualifier="range", low=10, high=20), Interval(9.8, 20.4)),
])
def test_qualifiers_give_intervals(q, expected):
    got = interval(q)
    assert got.low == pytest.approx(expected.low) and got.high == pytest.approx(expected.high)
    assert (got.low_open, got.high_open) == (expected.low_open, expected.high_open)


def test_open_bounds_exclude_the_figure_itself():
    assert not compatible(figure(20000, qualifier="up_to"), figure(20000, qualifier="more_than"))
    assert compatible(figure(20000, qualifier="at_least"), figure(20000, qualifier="up_to"))
    assert compatible(figure(25000), figure(20000, qualifier="more_than"))
    assert compatible(figure(None, qualifier="vague"), figure(3))


def test_graded_similarity_ranks_a_changed_figure_below_the_same_cosine():
    a = claim("Some 4,000 workers walked out.", quantities=(figure(4000, "workers", "approx"),))
    b = claim("Some 9,000 workers walked out.", quantities=(figure(9000, "workers", "approx"),))
    c = claim("About 4,000 workers went on strike.", quantities=(figure(4000, "workers", "approx"),))
    assert align.similarity(a, b, 0.95) < align.similarity(a, c, 0.95) == 0.95


figures = st.builds(
    figure,
    value=st.floats(1, 1e6),
    counted=st.just("workers"),
    qualifier=st.sampled_from(["exact", "approx", "more_than", "at_least", "up_to", "at_most", "less_than"]),
)


@given(figures, figures)
def test_compatibility_is_symmetric_and_reflexive(a, b):
    assert compatible(a, b) == compatible(b, a)
    assert compatible(a, a)


def test_a_forecast_is_not_the_event_it_forecasts():
    forecast = claim("About 3,000 troops will be in the region by Monday.", status="expected")
    happened = claim("Troops reached the region.", status="reported")
    hedged = claim("Troops could be in the region by Monday.", status="hedged")
    assert align.clashes(forecast, happened) == ("modality",)
    assert not align.same_fact(forecast, happened, HIGH)
    assert not align.clashes(forecast, hedged)  # both speak of what may come


# --------------------------------------------------------------------------- casualty tallies


def killed(value, counted="people", qualifier="exact"):
    return figure(value, counted, qualifier, tally="killed")


def test_one_toll_told_with_different_verbs_gets_the_shared_verb_bar():
    has_killed = claim("The flood has killed 17 people.", predicate="kill", quantities=(killed(17),))
    stood_at = claim("The county's toll stood at 17.", predicate="kill", quantities=(killed(17, None),))
    died = claim("Seventeen people died in the flood.", predicate="die", quantities=(killed(17),))
    between = (align.PREDICATE_THRESHOLD + align.FACT_THRESHOLD) / 2
    assert align.same_fact(has_killed, stood_at, between)
    assert align.same_predicate(has_killed, died)  # "die" and "kill" share no WordNet sense
    assert align.same_fact(died, stood_at, between)
    # a different toll is a different fact, whatever the wording
    assert align.number_clash(died, claim("The toll stood at 30.", predicate="kill", quantities=(killed(30, None),)))


def test_a_toll_and_a_claim_without_one_told_with_other_verbs_are_two_facts():
    toll = claim("The flood has killed 17 people.", predicate="kill", quantities=(killed(17),))
    rose = claim("The river burst its banks late on Tuesday.", predicate="burst")
    assert align.clashes(toll, rose) == ("tally",)
    assert not align.same_fact(toll, rose, 0.99)
    # the same verb still matches: one killing, told with and without its figure
    assert not align.tally_clash(toll, claim("The flood killed people across the valley.", predicate="kill"))
    # a toll said in passing is not what a claim reports
    trial = claim("The trial over the bombing that killed 17 people opened.", predicate="open",
                  quantities=(killed(17),))
    assert not align.tally_clash(trial, rose)
    # arrests are told with many verbs: "arrested", "detained", "seized"
    arrested = claim("Police arrested 31 fans.", predicate="arrest", quantities=(figure(31, "fans", tally="arrested"),))
    assert not align.tally_clash(arrested, claim("Police seized 31 fans.", predicate="seize"))


def test_a_lower_bound_and_a_later_toll_are_two_reports_not_one_figure():
    first = claim("The flood killed at least 8 people.", predicate="kill", quantities=(killed(8, qualifier="at_least"),))
    later = claim("The flood has killed 17 people.", predicate="kill", quantities=(killed(17),))
    same = claim("The flood killed eight people.", predicate="kill", quantities=(killed(8),))
    assert align.number_clash(first, later)  # they do not conflict, but they are two reports
    assert compatible(first.quantities[0], later.quantities[0])
    assert not align.number_clash(first, same)
    up_to = claim("x", quantities=(figure(8000, "workers", "up_to"),))
    more_than = claim("x", quantities=(figure(8000, "workers", "more_than"),))
    assert align.number_clash(up_to, more_than)


def test_the_dead_and_the_injured_are_counted_apart():
    dead = claim("x", quantities=(killed(12),))
    hurt = claim("x", quantities=(figure(150, "people", tally="injured"),))
    assert not align.number_clash(dead, hurt)
    # a group may be all of an unnamed count: "kills 8 militants" / "kills four"
    militants = claim("x", quantities=(killed(8, "militants"),))
    four = claim("x", quantities=(killed(4, None),))
    assert align.number_clash(militants, four)


def test_an_undated_claim_is_of_its_articles_present_not_history():
    def dated(text, art, start, end, relation):
        return claim(text, art, event_date=type(when(start))("then", when(start).span, start, end, "decade", relation))

    published = {"now": date(2024, 10, 25), "then": date(2022, 3, 1), "recent": date(2024, 2, 1)}
    history = dated("The army has not fought a war since the 1950s.", "now", date(1950, 1, 1), date(1959, 12, 31),
                    "since")
    undated = claim("None of the troops has fought yet.", "now")
    assert not align.date_clash(history, undated)  # without publish days nothing tells the present
    assert align.clashes(history, undated, None, published) == ("date",)
    assert align.clashes(undated, history, None, published) == ("date",)
    # a state that began within the year before the article is of its present
    lately = dated("Troops have massed at the border since August.", "now", date(2024, 8, 1), date(2024, 8, 31),
                   "since")
    assert not align.date_clash(lately, undated, published)
    # two undated claims: of presents more than a year apart, or within one
    assert align.date_clash(claim("Markets fell sharply.", "then"), undated, published)
    assert not align.date_clash(claim("Markets fell sharply.", "recent"), undated, published)
    # an article with no publish day has no present to hold its undated claims to
    assert not align.date_clash(history, claim("None of the troops has fought yet.", "unknown"), published)
