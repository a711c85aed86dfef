from datetime import datetime, timedelta, timezone

import pytest

from storyline.analyze.nlp import load_nlp
from storyline.analyze.terms import article_terms
from storyline.model import AnalysedArticle, Article, EntityMention, Span
from storyline.settings import DEFAULT
from storyline.stories.cluster import StoryClusterer, story_id
from storyline.stories.score import score

T0 = datetime(2025, 3, 3, 8, tzinfo=timezone.utc)

QUAKE_A1 = ("Earthquake of magnitude 6.8 strikes near Valparaiso",
            "A strong earthquake struck near Valparaiso in Chile on Monday, damaging buildings and "
            "cutting power to thousands of homes, Chilean officials said. The quake was felt in "
            "Santiago. Rescue crews searched collapsed houses in Valparaiso and the port was closed.")
QUAKE_A2 = ("Valparaiso counts damage after powerful earthquake",
            "Officials in Chile said on Tuesday that the earthquake that struck near Valparaiso "
            "destroyed dozens of houses and injured more than forty people. Power returned to most "
            "homes in Valparaiso, and the port reopened after engineers inspected the docks.")
QUAKE_B = ("Earthquake of magnitude 6.5 strikes off Hokkaido",
           "A strong earthquake struck off Hokkaido in Japan on Monday, damaging buildings and "
           "cutting power to thousands of homes, Japanese officials said. The quake was felt in "
           "Sapporo. Rescue crews searched collapsed houses in Kushiro and the port was closed.")
SHOOTING_A = ("Two wounded in shooting outside Denver bar",
              "Police in Denver said two men were wounded when a gunman opened fire outside a bar on "
              "Colfax Avenue late on Friday. Officers arrested a suspect near the scene. Denver police "
              "chief Ron Thomas said the victims were taken to Denver Health.")
SHOOTING_B = ("Two wounded in shooting outside Memphis bar",
              "Police in Memphis said two men were wounded when a gunman opened fire outside a bar on "
              "Beale Street late on Friday. Officers arrested a suspect near the scene. Memphis police "
              "chief Carla Owens said the victims were taken to Regional One.")


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def analysed(nlp, title, text, published=None, url=None) -> AnalysedArticle:
    article = Article(text=text, title=title, published=published, url=url)
    parts = [("title", nlp(title)), ("text", nlp(text))]
    # Entity linking is another module's job: key mentions by their lowercased text.
    mentions = tuple(EntityMention(e.text, e.label_, e.text.lower(), Span(p, e.start_char, e.end_char))
                     for p, doc in parts for e in doc.ents
                     if e.label_ not in {"DATE", "TIME", "CARDINAL", "QUANTITY", "ORDINAL", "PERCENT", "MONEY"})
    return AnalysedArticle(article, (), mentions, (), (), terms=article_terms(parts, mentions))


# ------------------------------------------------------------------ terms


def test_terms_drop_stop_words_numbers_and_punctuation_and_weight_the_title(nlp):
    parts = [("title", nlp("Floods close bridge")), ("text", nlp("The bridge over the river, built in 1932, closed."))]
    mentions = [EntityMention("Rhine", "LOC", "rhine", Span("text", 0, 5))]
    terms = article_terms(parts, mentions)
    assert "the" not in terms and "1932" not in terms and "," not in terms
    assert "e:rhine" in terms
    assert terms["bridge"] > terms["river"]  # in the headline as well as the body
    assert all(w >= 1.0 for w in terms.values())  # sublinear: 1 + log(tf)


# ------------------------------------------------------------------ assignment


def test_a_follow_up_joins_its_story(nlp):
    c = StoryClusterer()
    s1 = c.assign(analysed(nlp, *QUAKE_A1, published=T0))
    s2 = c.assign(analysed(nlp, *QUAKE_A2, published=T0 + timedelta(days=1)))
    assert s1 == s2
    assert [s.article_ids for s in c.stories()] == [tuple(x for x in c.stories()[0].article_ids)]


def test_same_kind_of_event_elsewhere_is_a_new_story(nlp):
    c = StoryClusterer()
    a = c.assign(analysed(nlp, *QUAKE_A1, published=T0))
    b = c.assign(analysed(nlp, *QUAKE_B, published=T0 + timedelta(days=7)))
    assert a != b
    d = c.assign(analysed(nlp, *SHOOTING_A, published=T0))
    e = c.assign(analysed(nlp, *SHOOTING_B, published=T0 + timedelta(days=1)))
    assert d != e and len(c.stories()) == 4


def test_undated_articles_are_scored_without_decay(nlp):
    c = StoryClusterer()
    assert c.assign(analysed(nlp, *QUAKE_A1)) == c.assign(analysed(nlp, *QUAKE_A2))


def test_a_story_past_its_window_cannot_grow(nlp):
    c = StoryClusterer(DEFAULT.with_(story_window_days=21))
    first = c.assign(analysed(nlp, *QUAKE_A1, published=T0))
    c.assign(analysed(nlp, *SHOOTING_A, published=T0 + timedelta(days=30)))  # moves the clock on
    assert first not in c.index
    later = c.assign(analysed(nlp, *QUAKE_A2, published=T0 + timedelta(days=31)))
    assert later != first
    assert len(c.stories()) == 3  # the closed story is still listed


def test_a_syndicated_copy_joins_its_originals_story(nlp):
    c = StoryClusterer()
    original = analysed(nlp, *QUAKE_A1, published=T0)
    title, text = QUAKE_A1
    copy = analysed(nlp, title, text + " Reporting by wire staff.",
                    published=T0 + timedelta(hours=3), url="https://example.org/copy")
    sid = c.assign(original)
    assert c.assign(copy) == sid
    (story,) = c.stories()
    assert story.duplicates == {copy.id: original.id}
    assert story.article_ids == (original.id, copy.id)


# ------------------------------------------------------------------ state


def test_ids_are_deterministic_and_replay_gives_the_same_stories(nlp):
    docs = [analysed(nlp, *QUAKE_A1, published=T0), analysed(nlp, *SHOOTING_A, published=T0 + timedelta(hours=2)),
            analysed(nlp, *QUAKE_A2, published=T0 + timedelta(days=1)),
            analysed(nlp, *QUAKE_B, published=T0 + timedelta(days=7))]
    first, second = StoryClusterer(), StoryClusterer()
    ids1 = [first.assign(d) for d in docs]
    ids2 = [second.assign(d) for d in docs]
    assert ids1 == ids2
    assert first.stories() == second.stories()
    assert ids1[0] == story_id(docs[0].id)
    assert first.assign(docs[2]) == ids1[2]  # assigning an article again changes nothing
    assert first.stories() == second.stories()


def test_candidates_are_bounded_by_the_setting():
    """Hundreds of stories, each sharing a feature with 60 others: the scorer sees at most 10."""
    settings = DEFAULT.with_(story_candidates=10)
    calls = []

    def counting(view, story, weights):
        calls.append(story.id)
        return score(view, story, weights)

    c = StoryClusterer(settings, scorer=counting)
    for i in range(300):
        terms = {f"topic{i}": 3.0, f"place{i}": 3.0, f"group{i % 5}": 1.0}
        article = Article(text=f"story {i}", title=f"t{i}", published=T0 + timedelta(minutes=i))
        calls.clear()
        c.assign(AnalysedArticle(article, (), (), (), (), terms=terms))
        assert len(calls) <= settings.story_candidates
        if i >= 100:
            assert len(calls) == settings.story_candidates  # the bound, not a lack of candidates, binds
    assert len(c.stories()) == 300  # disjoint topics stay apart


# ------------------------------------------------------------------ names that agree


def test_name_words_split_keys_into_words_of_three_letters_or_more():
    from storyline.stories.score import name_words

    assert name_words(["daniel caron", "st. louis", "us"]) == frozenset({"daniel", "caron", "louis"})


def test_names_agree_on_a_shared_word_or_a_near_spelling_but_not_on_a_different_name():
    from storyline.stories.score import names_agree

    assert names_agree({"dan", "caron"}, {"daniel": 1, "caron": 1})  # surname shared
    assert names_agree({"demontez", "jones"}, {"damontez": 2})  # one letter apart
    assert not names_agree({"thomas"}, {"owens": 1, "carla": 1})
    assert not names_agree({"bart"}, {"burt": 1})  # four letters: too short to call a misspelling
    assert not names_agree({"kushiro"}, {"kushirokan": 1})  # lengths three letters apart


def _view(people=(), places=(), vector=None):
    from storyline.stories.score import ArticleView, name_words

    return ArticleView(vector=vector or {"shooting": 1.0}, entities={}, places=frozenset(places),
                       people=frozenset(people), years=frozenset(), day=None,
                       place_words=name_words(places), person_words=name_words(people))


def _story(people=(), places=()):
    from storyline.stories.score import StoryState, name_words

    return StoryState(id="s", article_ids=["a"], centroid={"shooting": 1.0}, norm=1.0,
                      places={p: 1 for p in places}, people={p: 1 for p in people},
                      place_words={w: 1 for w in name_words(places)},
                      person_words={w: 1 for w in name_words(people)})


def test_a_misspelled_or_shortened_name_is_no_person_conflict():
    from storyline.stories.score import Weights

    w = Weights()
    story = _story(people=["daniel caron"])
    assert score(_view(people=["dan caron"]), story, w) == pytest.approx(1.0)
    assert score(_view(people=["danel caron"]), story, w) == pytest.approx(1.0)
    assert score(_view(people=["ron thomas"]), story, w) == pytest.approx(w.person_conflict)


def test_places_disagree_only_when_no_key_and_no_word_is_shared():
    from storyline.stories.score import Weights

    w = Weights()
    story = _story(places=["salt lake city", "us"])
    assert score(_view(places=["salt lake county"]), story, w) == pytest.approx(1.0)
    assert score(_view(places=["us"]), story, w) == pytest.approx(1.0)  # a key without words still matches
    assert score(_view(places=["memphis"]), story, w) == pytest.approx(0.5)


def test_an_overflowed_feature_is_skipped_however_many_stories_are_active():
    """The features a query walks must not depend on the index's size, or its cost grows with it."""
    from storyline.stories.index import CandidateIndex

    for active in (100, 10_000):
        index = CandidateIndex(max_postings=4)
        for i in range(active):
            index.add(f"s{i}", [f"own{i}"] + (["wide"] if i < 5 else []) + (["narrow"] if i < 4 else []))
        assert index.common("wide") and not index.common("narrow")
        assert set(index.candidates([("wide", 1.0), ("narrow", 0.5)], 10)) == {"s0", "s1", "s2", "s3"}
