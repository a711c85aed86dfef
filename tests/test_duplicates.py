import pytest

from storyline.stories.duplicates import DuplicateIndex, SketchMismatch, shingles

WIRE = (
    "Rescue teams in the mountain town of Varnholt worked through the night on Tuesday after a "
    "landslide buried three houses and cut the only road into the valley, the regional fire "
    "service said. Two residents were taken to hospital with injuries and a third is missing. "
    "Engineers warned that more of the slope could give way if the rain continued into Wednesday, "
    "and the mayor asked families living below the ridge to stay with relatives until the "
    "geologists had finished their survey of the hillside. The regional government released "
    "emergency funds for temporary housing and said a school gym would stay open as a shelter. "
    "Volunteers from neighbouring villages brought food and blankets to the fire station, where "
    "officials were posting updates on a board outside the main door every few hours."
)
# The same wire copy as an outlet reprints it: one word changed and a credit line added.
COPY = WIRE.replace("worked through", "toiled through") + " Reporting by the Valley Courier."
# Same event, written independently: shares names, not sentences.
OTHER = (
    "A landslide in Varnholt destroyed three homes on Tuesday. Firefighters said one resident "
    "was unaccounted for and two had been injured. The valley road is closed, and the mayor has "
    "urged people under the ridge to leave while geologists examine the slope, as further rain "
    "is forecast for Wednesday."
)


def test_lightly_edited_copy_is_a_duplicate_of_the_original():
    index = DuplicateIndex(threshold=0.8)
    assert index.add("a1", WIRE) is None
    assert index.add("a2", COPY) == "a1"


def test_independent_article_on_the_same_story_is_not_a_duplicate():
    index = DuplicateIndex(threshold=0.8)
    index.add("a1", WIRE)
    assert index.add("a3", OTHER) is None


def test_a_copy_of_a_copy_points_to_the_earliest_original():
    index = DuplicateIndex(threshold=0.8)
    index.add("a1", WIRE)
    index.add("a2", COPY)
    assert index.add("a4", COPY + " Updated.") == "a1"


def test_adding_the_same_id_twice_changes_nothing():
    index = DuplicateIndex()
    index.add("a1", WIRE)
    assert index.add("a2", COPY) == "a1"
    assert index.add("a2", COPY) == "a1"
    assert len(index) == 2


def test_state_round_trips_through_bytes():
    index = DuplicateIndex(threshold=0.8)
    index.add("a1", WIRE)
    index.add("a2", COPY)
    restored = DuplicateIndex.from_bytes(index.to_bytes(), expect=DuplicateIndex(threshold=0.8).params)
    assert restored.params == index.params
    assert restored.add("a4", COPY + " Updated.") == "a1"
    assert restored.add("a3", OTHER) is None


def test_refuses_a_stored_index_with_other_permutations():
    stored = DuplicateIndex(num_perm=64).to_bytes()
    with pytest.raises(SketchMismatch):
        DuplicateIndex.from_bytes(stored, expect=DuplicateIndex(num_perm=128).params)
    with pytest.raises(SketchMismatch):
        DuplicateIndex.from_bytes(DuplicateIndex(seed=7).to_bytes(), expect=DuplicateIndex().params)


def test_removed_articles_are_no_longer_matched():
    index = DuplicateIndex(threshold=0.8)
    index.add("a1", WIRE)
    index.remove("a1")
    assert index.add("a2", COPY) is None


def test_short_and_empty_texts():
    assert shingles("") == []
    assert shingles("Too short") == [b"too short"]
    index = DuplicateIndex()
    assert index.add("e1", "") is None
    assert index.add("e2", "") is None  # empty texts never match each other
