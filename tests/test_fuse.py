"""Fusion of hand-built claims into facts, origins, conflicts, a timeline and updates."""

from dataclasses import replace
from datetime import date

import numpy as np
import pytest
from fusekit import TopicEmbed, analysed, article, claim, figure, outlet, person, when

from storyline.fuse.conflicts import find_conflicts
from storyline.fuse.facts import build_facts, fact_id
from storyline.fuse.report import fuse_story
from storyline.model import Entity, Source, Story

# Wordings and which of them say the same thing (the stand-in embedder's topics).
OPENED = "The bridge over the Tarn reopened to traffic."
OPENED_2 = "Traffic is crossing the Tarn bridge again after its reopening."
CLOSED = "The bridge over the Tarn has not reopened to traffic."
WORKERS_4K = "About 4,000 workers repaired the bridge."
WORKERS_9K = "Some 9,000 workers repaired the bridge."
MAYOR = "Mayor Lind opened the bridge."
PREFECT = "Prefect Roux opened the bridge."
REVISED = "The survey revised the reading to 5.7, down from its first estimate of 5.9."
TOPICS = {OPENED: "open", OPENED_2: "open", CLOSED: "open", WORKERS_4K: "workers",
          WORKERS_9K: "workers", MAYOR: "who", PREFECT: "who", REVISED: "workers"}
embed = TopicEmbed(TOPICS)


def story_of(*arts, duplicates=None):
    return Story("s1", tuple(a.article.id for a in arts), dict(duplicates or {}))


def fuse(*arts, duplicates=None):
    return fuse_story(story_of(*arts, duplicates=duplicates), list(arts), embed)


def only(report, text):
    [fact] = [f for f in report.facts if f.text == text]
    return fact


# --------------------------------------------------------------------------- origins


def test_two_outlets_relaying_one_outlet_are_one_origin():
    a = article("one", "Daily Post", 1)
    b = article("two", "Evening Star", 2)
    ca = claim(OPENED, a, attribution=(person("a council engineer"), outlet("The Valley Times")),
               status="reported")
    cb = claim(OPENED_2, b, attribution=(outlet("Valley Times"),), status="reported")
    report = fuse(analysed(a, ca), analysed(b, cb))
    [fact] = report.facts
    assert fact.origins == ("The Valley Times",)
    assert (fact.support.articles, fact.support.outlets, fact.support.independent_origins) == (2, 2, 1)


def test_own_reporting_is_the_articles_outlet():
    a = article("one", "Daily Post", 1)
    b = article("two", "Evening Star", 2)
    report = fuse(analysed(a, claim(OPENED, a)), analysed(b, claim(OPENED_2, b)))
    [fact] = report.facts
    assert fact.origins == ("Daily Post", "Evening Star")
    assert fact.support.independent_origins == 2


def test_a_syndicated_copy_counts_once():
    wire = article("wire", "Wire Service", 1)
    copy = article("copy", "Town Gazette", 2)
    other = article("other", "Evening Star", 3)
    arts = [analysed(wire, claim(OPENED, wire)), analysed(copy, claim(OPENED, copy)),
            analysed(other, claim(OPENED_2, other))]
    report = fuse(*arts, duplicates={copy.id: wire.id})
    [fact] = report.facts
    assert fact.origins == ("Wire Service", "Evening Star")
    assert (fact.support.articles, fact.support.outlets, fact.support.independent_origins) == (3, 3, 2)


def test_an_articles_relay_chain_names_the_origin():
    a = article("rewrite", "Daily Post", 1)
    c = claim(OPENED, a, attribution=(person("a council engineer"),), status="reported")
    report = fuse(analysed(a, c, relayed=(outlet("The Valley Times"),)))
    assert report.facts[0].origins == ("The Valley Times",)


def test_the_report_keeps_each_articles_relay_chain_for_the_views():
    rewrite, own = article("rewrite", "Daily Post", 1), article("own", "Evening Star", 2)
    chain = (person("a council engineer"), outlet("The Valley Times"))
    report = fuse(analysed(rewrite, claim(OPENED, rewrite), relayed=chain), analysed(own, claim(OPENED_2, own)))
    assert report.relayed == {rewrite.id: chain}  # an article without a relay has no entry


RELAY = (Source("officials", "official", cue="citing"), Source("The Valley Times", "outlet", cue="reported"))


@pytest.mark.parametrize("own, inherited", [
    ((), ["officials", "The Valley Times"]),  # no source of its own: the whole relay
    ((person("a spokesman"),), ["officials", "The Valley Times"]),  # an unnamed one: extended
    ((person("Officials"),), ["The Valley Times"]),  # the relay's link it already names, once
    ((Source("Mayor Anna Lind", "person", cue="said"),), []),  # a named speaker speaks for herself
    ((person("officials"), outlet("The Hill Gazette")), []),  # its chain reaches an outlet already
    ((Source("Reports", "document", cue="said"),), []),  # other outlets' reports, not the relay
])
def test_inherited_sources_are_what_the_relay_adds_after_the_claims_own_chain(own, inherited):
    from storyline.fuse.origins import full_chain, inherited_sources

    c = claim(OPENED, "a1", attribution=own)
    got = inherited_sources(c, RELAY)
    assert [s.name for s in got] == inherited
    assert list(own) + list(got) == full_chain(c, RELAY)  # the own chain first, unchanged
    assert inherited_sources(c, ()) == ()  # an article that relays nothing adds nothing


# --------------------------------------------------------------------------- grouping


def test_paraphrases_merge_into_one_fact_worded_as_the_earliest():
    a, b = article("one", "Daily Post", 1), article("two", "Evening Star", 2)
    report = fuse(analysed(a, claim(OPENED, a)), analysed(b, claim(OPENED_2, b)))
    [fact] = report.facts
    assert fact.text == OPENED and fact.first_seen == a.id
    assert fact.id == fact_id(fact.claims[0])


@pytest.mark.parametrize("first, second", [
    (claim(OPENED, "a1"), claim(CLOSED, "a2", negated=True)),
    (claim(WORKERS_4K, "a1", quantities=(figure(4000, "workers", "approx"),)),
     claim(WORKERS_9K, "a2", quantities=(figure(9000, "workers", "approx"),))),
    (claim(MAYOR, "a1", entities=("lind",)), claim(PREFECT, "a2", entities=("roux",))),
])
def test_negation_figure_or_actor_keep_facts_apart(first, second):
    facts = build_facts([first, second], {}, embed)
    assert len(facts) == 2


def test_status_is_the_strongest_and_date_the_most_specific():
    march = when(date(2024, 3, 1), date(2024, 3, 31))
    fifth = when(date(2024, 3, 5))
    claims = [claim(OPENED, "a1", status="hedged", event_date=march),
              claim(OPENED_2, "a2", n=1, status="reported", event_date=fifth)]
    [fact] = build_facts(claims, {}, embed)
    assert fact.status == "reported"
    assert fact.event_date == fifth


def test_an_undated_claim_does_not_take_a_date_from_history():
    # "reopened in the 1950s" and an undated reopening in a March 2024 article: one word for it,
    # two events; the undated one must not land on the timeline seventy years back
    a, b = article("one", "Daily Post", 1), article("two", "Evening Star", 2)
    fifties = when(date(1950, 1, 1), date(1959, 12, 31))
    claims = [claim(OPENED, a, event_date=fifties), claim(OPENED_2, b)]
    articles = {a.id: a, b.id: b}
    history, present = build_facts(claims, articles, embed)
    assert history.event_date == fifties and present.event_date is None
    # without publish days there is no present to tell them by
    [one] = build_facts(claims, {}, embed)
    assert one.event_date == fifties


def test_a_denial_stays_its_own_fact():
    claims = [claim(OPENED, "a1", status="reported"), claim(OPENED_2, "a2", status="denied")]
    facts = build_facts(claims, {}, embed)
    assert [f.status for f in facts] == ["reported", "denied"]


def test_later_articles_do_not_change_earlier_facts():
    first = [claim(OPENED, "a1"), claim(MAYOR, "a1", n=1, entities=("lind",))]
    later = first + [claim(PREFECT, "a2", entities=("roux",)), claim(OPENED_2, "a2", n=1)]
    before = build_facts(first, {}, embed)
    after = build_facts(later, {}, embed)
    assert [f.id for f in before] == [f.id for f in after][: len(before)]
    assert [f.text for f in before] == [f.text for f in after][: len(before)]


# --------------------------------------------------------------------------- conflicts


def _two_figures(q1, q2, counted=("workers", "workers")):
    a, b = article("one", "Daily Post", 1), article("two", "Evening Star", 2)
    c1 = claim(WORKERS_4K, a, quantities=(q1,), entities=("tarn",))
    c2 = claim(WORKERS_9K, b, quantities=(q2,), entities=("tarn",))
    return fuse(analysed(a, c1), analysed(b, c2))


def test_conflicting_figures_are_shown_side_by_side():
    report = _two_figures(figure(4000, "workers", "approx"), figure(9000, "workers", "approx"))
    [conflict] = report.conflicts
    assert conflict.about == "workers"
    assert conflict.fact_ids == tuple(f.id for f in report.facts)
    assert [q.value for q in conflict.values] == [4000, 9000]


@pytest.mark.parametrize("q1, q2, clash", [
    (figure(5000, "workers", "up_to"), figure(8000, "workers", "more_than"), True),
    (figure(10000, "workers", "up_to"), figure(8000, "workers", "more_than"), False),
    (figure(8000, "workers", "up_to"), figure(8000, "workers", "more_than"), True),
    (figure(4800, "workers", "approx"), figure(5200, "workers"), False),
])
def test_qualified_figures(q1, q2, clash):
    assert bool(_two_figures(q1, q2).conflicts) == clash


def _two_tolls(q1, q2, day1: int, day2: int):
    a, b = article("one", "Daily Post", day1), article("two", "Evening Star", day2)
    c1 = claim(WORKERS_4K, a, quantities=(q1,), entities=("tarn",))
    c2 = claim(WORKERS_9K, b, quantities=(q2,), entities=("tarn",))
    return fuse(analysed(a, c1), analysed(b, c2))


def test_a_toll_in_any_wording_conflicts_with_another_toll_of_that_day_but_not_with_the_injured():
    toll_stood_at = figure(22, None, tally="killed")  # "the toll stood at 22": no counted noun
    [conflict] = _two_tolls(toll_stood_at, figure(30, "people", tally="killed"), 3, 3).conflicts
    assert conflict.about == "people killed"
    assert [q.value for q in conflict.values] == [22, 30]
    # "killing 12 people" and "injuring 150 people" count people, but not the same people
    injured = figure(150, "people", tally="injured")
    assert _two_tolls(figure(12, "people", tally="killed"), injured, 3, 3).conflicts == ()


def test_a_toll_that_grew_from_one_day_to_the_next_is_no_conflict_but_one_that_shrank_is():
    assert _two_tolls(figure(14, None, tally="killed"), figure(22, None, tally="killed"), 3, 4).conflicts == ()
    [shrank] = _two_tolls(figure(30, None, tally="killed"), figure(24, None, tally="killed"), 3, 4).conflicts
    assert [q.value for q in shrank.values] == [30, 24]
    # other figures are not running counts: any day's disagreement is a conflict
    assert _two_tolls(figure(4000, "workers"), figure(9000, "workers"), 3, 4).conflicts


def test_different_counted_things_are_not_a_conflict():
    report = _two_figures(figure(4000, "workers"), figure(9000, "volunteers"))
    assert report.conflicts == ()


def test_figures_about_different_events_are_not_a_conflict():
    facts = build_facts([
        claim(WORKERS_4K, "a1", quantities=(figure(4000, "workers"),), event_date=when(date(2023, 5, 1))),
        claim(WORKERS_9K, "a2", quantities=(figure(9000, "workers"),), event_date=when(date(2024, 5, 1))),
    ], {}, embed)
    assert find_conflicts(facts) == ()


def test_each_figure_of_a_rising_toll_is_its_own_fact_and_only_the_latest_conflicts():
    toll = [claim(WORKERS_4K, f"a{n}", quantities=(q,)) for n, q in enumerate(
        [figure(3000, "workers", "at_least"), figure(3500, "workers", "at_least"), figure(3800, "workers")])]
    other = claim(WORKERS_9K, "a9", quantities=(figure(5000, "workers"),))
    facts = build_facts(toll, {}, embed) + build_facts([other], {}, embed)
    # "at least 3,000" and "at least 3,500" do not disagree with 3,800, but each is news
    # when it comes: three reports, three facts.
    assert [len(f.claims) for f in facts] == [1, 1, 1, 1]
    [conflict] = find_conflicts(facts)
    # The two lower bounds agree with both sides, so they back neither.
    assert [q.value for q in conflict.values] == [3800, 5000]


def test_a_correction_dated_later_still_meets_the_figure_of_the_day_it_corrects():
    saturday, monday = when(date(2024, 10, 26)), when(date(2024, 10, 28))
    first = claim(WORKERS_4K, "a1", quantities=(figure(4000, "workers"),), event_date=saturday)
    corrected = claim(WORKERS_9K, "a2", quantities=(figure(9000, "workers"),), event_date=monday,
                      dates=(monday, saturday))
    unrelated_day = claim(WORKERS_9K, "a3", quantities=(figure(9000, "workers"),), event_date=monday)
    assert find_conflicts(build_facts([first], {}, embed) + build_facts([corrected], {}, embed))
    assert not find_conflicts(build_facts([first], {}, embed) + build_facts([unrelated_day], {}, embed))


def test_a_revisions_own_date_does_not_date_its_figure():
    tuesday, wednesday = when(date(2024, 10, 29)), when(date(2024, 10, 30))
    first = claim(WORKERS_4K, "a1", quantities=(figure(4000, "workers"),), event_date=tuesday)
    revised = claim(WORKERS_9K, "a2", quantities=(figure(9000, "workers"),), event_date=wednesday,
                    attribution=(Source("The survey", "organisation", cue="revised"),))
    stated = claim(WORKERS_9K, "a3", quantities=(figure(9000, "workers"),), event_date=wednesday,
                   attribution=(Source("The survey", "organisation", cue="said"),))
    assert find_conflicts(build_facts([first], {}, embed) + build_facts([revised], {}, embed))
    assert not find_conflicts(build_facts([first], {}, embed) + build_facts([stated], {}, embed))


def test_a_fact_that_agrees_with_one_side_stands_beside_it():
    # 4,000 and 9,000 clash; a third fact repeating 9,000 backs that side, a fourth with
    # 9,000 in unrelated wording does not.
    facts = [
        build_facts([claim(WORKERS_4K, "a1", quantities=(figure(4000, "workers"),))], {}, embed)[0],
        build_facts([claim(WORKERS_9K, "a2", quantities=(figure(9000, "workers"),))], {}, embed)[0],
        build_facts([claim(WORKERS_9K, "a3", quantities=(figure(9000, "workers", "approx"),))], {}, embed)[0],
        build_facts([claim(OPENED, "a4", quantities=(figure(9000, "workers"),))], {}, embed)[0],
    ]
    related = lambda a, b: OPENED not in (a.text, b.text)  # noqa: E731
    [conflict] = find_conflicts(facts, related)
    assert conflict.fact_ids == tuple(f.id for f in facts[:3])
    assert [q.value for q in conflict.values] == [4000, 9000, 9000]


@pytest.mark.parametrize("a, b, agree", [
    (("5.9", 5.9), ("5.7", 5.7), False),  # each within 2% of the other, but stated to a tenth
    (("2.47 billion", 2.47e9), ("2.5 billion", 2.5e9), True),  # rounded to a tenth of a billion
    (("5.9", 5.9), ("5.9", 5.9), True),
    (("4,000", 4000), ("4,050", 4050), True),  # whole figures keep the 2% rounding
])
def test_a_figure_with_decimals_is_as_precise_as_it_is_written(a, b, agree):
    from storyline.fuse.ranges import compatible
    from storyline.model import Quantity, Span

    def q(text, value):
        return Quantity(text, Span("text", 0, 1), value, value, value, "exact")
    assert compatible(q(*a), q(*b)) == agree


def test_two_facts_join_when_a_claim_fits_both_and_they_are_already_linked():
    theta = np.arccos(0.95)  # a bridge is 0.95 from each side; the sides are 0.81 apart
    vectors = {"side a": (np.cos(theta), np.sin(theta)), "side b": (np.cos(theta), -np.sin(theta)),
               "bridge": (1.0, 0.0), "second bridge": (1.0, 0.0)}

    def plane(texts):
        out = np.zeros((len(texts), 384), dtype=np.float32)
        for row, t in enumerate(texts):
            out[row, :2] = vectors[t]
        return out

    # one claim at the edge of two facts that share nothing else does not join them
    one = build_facts([claim("side a", "a1"), claim("side b", "a2"), claim("bridge", "a3")], {}, plane)
    assert [len(f.claims) for f in one] == [2, 1]
    # a second claim that fits both finds them linked through the first: one fact
    joined = build_facts([claim("side a", "a1"), claim("side b", "a2"), claim("bridge", "a3"),
                          claim("second bridge", "a4")], {}, plane)
    assert [len(f.claims) for f in joined] == [4]
    assert joined[0].id == fact_id(claim("side a", "a1"))  # the earlier fact's id lives on

    apart = build_facts([claim("side a", "a1", quantities=(figure(4000, "workers"),)),
                         claim("side b", "a2", quantities=(figure(9000, "workers"),)),
                         claim("bridge", "a3"), claim("second bridge", "a4")], {}, plane)
    assert [len(f.claims) for f in apart] == [3, 1]  # 4,000 and 9,000 cannot be one fact


# --------------------------------------------------------------------------- timeline, updates, report


def test_timeline_orders_by_event_date_and_keeps_undated_apart():
    a = article("one", "Daily Post", 1)
    b = article("two", "Evening Star", 2)
    ca = [claim(OPENED, a, event_date=when(date(2024, 2, 20))),
          claim(WORKERS_4K, a, n=1),
          claim(MAYOR, a, n=2, entities=("lind",), event_date=when(date(2024, 2, 1), date(2024, 2, 29)))]
    cb = [claim(PREFECT, b, entities=("roux",), event_date=when(date(2024, 2, 1)))]
    report = fuse(analysed(a, *ca), analysed(b, *cb))
    text = {f.id: f.text for f in report.facts}
    assert [text[i] for i in report.timeline] == [PREFECT, MAYOR, OPENED]
    assert [text[i] for i in report.undated] == [WORKERS_4K]


def test_updates_tell_new_from_confirmed():
    a = article("one", "Daily Post", 1)
    b = article("two", "Evening Star", 2)
    report = fuse(analysed(a, claim(OPENED, a)),
                  analysed(b, claim(OPENED_2, b), claim(MAYOR, b, n=1)))
    opened, mayor = (only(report, OPENED).id, only(report, MAYOR).id)
    assert [(u.article_id, u.new_facts, u.confirmed_facts) for u in report.updates] == [
        (a.id, (opened,), ()), (b.id, (mayor,), (opened,))]


def test_report_title_entities_and_article_order():
    a = article("one", "Daily Post", 1, title="Tarn bridge reopens")
    b = article("two", "Evening Star", 2, title="Traffic back on the Tarn")
    aa = analysed(a, claim(OPENED, a))
    bb = analysed(b, claim(OPENED_2, b))
    aa = type(aa)(**{**aa.__dict__, "entities": (Entity("tarn", "Tarn", "LOC"),)})
    bb = type(bb)(**{**bb.__dict__, "entities": (Entity("tarn", "River Tarn", "LOC", ("the Tarn",)),)})
    report = fuse_story(story_of(aa, bb), [bb, aa], embed)
    assert report.title == "Tarn bridge reopens"
    assert [x.id for x in report.articles] == [a.id, b.id]
    assert report.entities == (Entity("tarn", "Tarn", "LOC", ("River Tarn", "the Tarn")),)


def test_empty_story():
    a = article("one", "Daily Post", 1)
    report = fuse(analysed(a))
    assert report.facts == () and report.timeline == () and report.updates[0].new_facts == ()


# --------------------------------------------------------------------------- the real model, once


def test_real_embeddings_merge_a_paraphrase_and_split_a_negation():
    from storyline.analyze.embeddings import Embedder

    embedder = Embedder()
    texts = ["Rescuers pulled twelve miners out of the flooded shaft on Sunday.",
             "On Sunday, twelve miners were rescued from the flooded shaft.",
             "Rescuers have not pulled the miners out of the flooded shaft."]
    vectors = embedder.embed(texts)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
    assert embedder.embed(texts[:1]) == pytest.approx(vectors[:1])
    claims = [claim(texts[0], "a1"), claim(texts[1], "a2"), claim(texts[2], "a3", negated=True)]
    facts = build_facts(claims, {}, embedder.embed)
    assert [len(f.claims) for f in facts] == [2, 1]


def test_figures_in_unrelated_wordings_are_not_a_conflict():
    a, b = article("one", "Daily Post", 1), article("two", "Evening Star", 2)
    c1 = claim(OPENED, a, quantities=(figure(4000, "workers"),), entities=("tarn",))
    c2 = claim(WORKERS_9K, b, quantities=(figure(9000, "workers"),), entities=("tarn",))
    assert fuse(analysed(a, c1), analysed(b, c2)).conflicts == ()


def test_a_hedged_open_bound_is_not_a_side_of_a_conflict():
    facts = build_facts([
        claim(WORKERS_4K, "a1", quantities=(figure(4000, "workers", "approx"),)),
        claim(WORKERS_9K, "a2", status="hedged", quantities=(figure(20000, "workers", "more_than"),)),
    ], {}, embed)
    assert len(facts) == 2
    assert find_conflicts(facts) == ()


def test_an_outlet_named_by_a_short_form_is_the_storys_outlet():
    from storyline.fuse.origins import claim_origin
    from storyline.model import Source

    courier, times = article("one", "Westmark Courier", 1), article("two", "Daily Times", 2)
    arts = {courier.id: courier, times.id: times}
    told = claim(OPENED, courier, attribution=(person("a NATO official"), Source("the Courier", "outlet")))
    via_times = claim(OPENED, courier, attribution=(Source("the Times", "outlet"),))
    unknown = claim(OPENED, times, attribution=(Source("the Herald", "outlet"),))
    assert claim_origin(told, arts) == "Westmark Courier"
    assert claim_origin(via_times, arts) == "Daily Times"  # the one outlet of the story it fits
    assert claim_origin(unknown, arts) == "the Herald"


def test_unnamed_reports_are_no_second_origin():
    """"Reports said" beside a named origin may be that very report: it adds no origin."""
    times, star, post = article("times", "Valley Times", 1), article("star", "Evening Star", 2), article("post", "Daily Post", 3)
    hearsay = Source("Reports", "document", cue="said")
    report = fuse(analysed(times, claim(OPENED, times)),
                  analysed(star, claim(OPENED_2, star, attribution=(hearsay,), status="reported")),
                  analysed(post, claim(OPENED, post, attribution=(Source("reports", "document", cue="reportedly"),),
                                       status="hedged"), relayed=(outlet("The Hill Gazette"),)))
    [fact] = report.facts
    assert fact.origins == ("Valley Times",)  # not the Star's nor the Post's own, nor the Gazette
    assert (fact.support.outlets, fact.support.independent_origins) == (3, 1)


def test_a_fact_known_only_from_unnamed_reports_has_one_origin():
    star, post = article("star", "Evening Star", 1), article("post", "Daily Post", 2)
    hearsay = Source("media reports", "document", cue="said")
    report = fuse(analysed(star, claim(OPENED, star, attribution=(hearsay,), status="reported")),
                  analysed(post, claim(OPENED_2, post, attribution=(hearsay,), status="reported")))
    [fact] = report.facts
    assert fact.origins == ("unnamed reports",)
    assert fact.support.independent_origins == 1


def test_a_named_speaker_in_a_rewrite_is_not_the_rewritten_reports_origin():
    from storyline.model import Source

    a = article("rewrite", "Daily Post", 1)
    named = claim(OPENED, a, attribution=(Source("Mayor Anna Lind", "person", cue="said"),), status="reported")
    report = fuse(analysed(a, named, relayed=(outlet("The Valley Times"),)))
    assert report.facts[0].origins == ("Daily Post",)


def test_a_claim_whose_chain_reaches_an_outlet_keeps_that_origin_in_a_rewrite():
    a = article("rewrite", "Daily Post", 1)
    c = claim(OPENED, a, attribution=(person("officials"), outlet("The Valley Times")), status="reported")
    report = fuse(analysed(a, c, relayed=(outlet("The Hill Gazette"),)))
    assert report.facts[0].origins == ("The Valley Times",)


def test_a_claim_fitting_two_facts_goes_to_the_one_naming_its_places():
    """At cosines 0.920 and 0.917 to two facts that do not join, the claim goes to the fact
    whose claim names the same places; without them the nearer fact would win."""
    from storyline.fuse.facts import group_claims

    denial = claim("No units are in the valley or the capital.", "a1", entities=("valley", "capital"))
    waiting = claim("None of the units has moved yet.", "a2", entities=("units",))
    again = claim("There are no units in the valley or the capital.", "a3", entities=("valley", "capital"))
    y = (0.917 - 0.7 * 0.920) / np.sqrt(1 - 0.7 ** 2)
    vectors = {denial.text: [0.7, np.sqrt(1 - 0.7 ** 2), 0.0], waiting.text: [1.0, 0.0, 0.0],
               again.text: [0.920, y, np.sqrt(1 - 0.920 ** 2 - y ** 2)]}
    kinds = {"valley": "LOC", "capital": "LOC", "units": "LOC"}
    groups = group_claims([waiting, denial, again], lambda texts: np.array([vectors[t] for t in texts]), kinds=kinds)
    assert groups == [[0], [1, 2]]


def test_claims_with_one_event_verb_group_at_a_lower_cosine():
    from storyline.fuse.align import FACT_THRESHOLD, PREDICATE_THRESHOLD
    from storyline.fuse.facts import group_claims

    cos = (PREDICATE_THRESHOLD + FACT_THRESHOLD) / 2  # under the threshold, over the verb's bar

    def embed(texts):  # every text at cosine ``cos`` to every other
        n = len(texts)
        v = np.zeros((n, n + 1))
        v[:, 0] = np.sqrt(cos)
        v[np.arange(n), np.arange(n) + 1] = np.sqrt(1 - cos)
        return v

    placed = claim("The club placed its striker on the injured list.", "a1", predicate="place")
    again = claim("Striker Dana Holt was placed on injured reserve.", "a2", predicate="place")
    missed = claim("Striker Dana Holt missed training on Friday.", "a3", predicate="miss")
    assert group_claims([placed, again, missed], embed) == [[0, 1], [2]]


def test_a_fact_reads_as_its_first_claim_that_stands_alone():
    from dataclasses import replace

    from storyline.fuse.facts import readable_text

    cut = replace(claim("killing 9 people and injuring 40", "a1"), id="a1:0:0p")  # split off its sentence
    urged = claim("to stay off the coast road", "a2")
    whole = claim("The storm killed 9 people on the coast", "a3")
    assert cut.split_off and not whole.split_off
    assert readable_text([cut, urged, whole]) == whole.text
    assert readable_text([cut, urged]) == cut.text  # nothing better: the earliest


def test_the_figure_a_revision_started_from_is_not_a_side():
    from storyline.model import Quantity, Span

    def at(text, figure_text, value):
        start = text.index(figure_text)
        return Quantity(figure_text, Span("text", start, start + len(figure_text)), value, value, value,
                        "exact", None, "magnitude")

    first = "A magnitude 5.9 quake shook the Tarn valley."
    revised = REVISED
    a, b = article(first, "Daily Post", 3), article(revised, "Evening Star", 4)
    c1 = claim(WORKERS_4K, a, quantities=(at(first, "5.9", 5.9),), entities=("tarn",))
    c2 = claim(revised, b, quantities=(at(revised, "5.7", 5.7), at(revised, "5.9", 5.9)), entities=("tarn",))
    c2 = replace(c2, span=Span("text", 0, len(revised)))
    [conflict] = fuse(analysed(a, c1), analysed(b, c2)).conflicts
    # the revision's side is its new figure; "down from ... 5.9" agrees with the first report
    assert [q.value for q in conflict.values] == [5.9, 5.7]
