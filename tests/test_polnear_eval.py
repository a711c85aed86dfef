"""The PolNeAR scorer on invented text: which spans it predicts and how it counts them."""

import pytest

from storyline.analyze.nlp import load_nlp
from storyline.eval import polnear


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def sources(nlp, text):
    return sorted(text[a:b] for a, b in polnear.predict(nlp, text)["Source"])


def test_only_the_outer_attribution_of_a_nested_one_is_predicted(nlp):
    text = "Ann Lee said, “I think the dam will hold.”"
    assert sources(nlp, text) == ["Ann Lee"]


def test_a_cue_inside_a_quotation_spoken_elsewhere_is_not_predicted(nlp):
    text = "“The levels are falling. I think the dam will hold,” Ann Lee said."
    assert sources(nlp, text) == ["Ann Lee"]


def test_the_speaker_not_the_outlet_spoken_to_is_the_source(nlp):
    text = "The dam will hold, Ann Lee told The Valley Post."
    assert sources(nlp, text) == ["Ann Lee"]


def write_doc(tmp_path, text, ann):
    base = tmp_path / "data" / "dev"
    (base / "text").mkdir(parents=True)
    (base / "attributions").mkdir()
    (base / "text" / "doc1.txt").write_text(text, encoding="utf-8")
    (base / "attributions" / "doc1_ab12.ann").write_text(ann, encoding="utf-8")


def test_an_overlapping_span_is_found_but_not_exact(nlp, tmp_path):
    text = "The dam will hold, Ann Lee said on Monday.\n"
    start = text.index("Ann")
    write_doc(tmp_path, text, f"T1\tSource {start} {start + 12}\tAnn Lee said\n")  # a too-long gold span
    result = polnear.evaluate(tmp_path, "dev", nlp=nlp)
    assert result["source_overlap_f1"] == 1.0
    assert result["source_exact_f1"] == 0.0


def test_scores_count_overlap_and_exact_matches(nlp, tmp_path):
    text = "The dam will hold, the senior engineer Ann Lee said on Monday.\n"
    start, end, cue = text.index("the senior"), text.index(" said"), text.index("said")
    write_doc(tmp_path, text, f"T1\tSource {start} {end}\tthe senior engineer Ann Lee\n"
                              f"T2\tCue {cue} {cue + 4}\tsaid\n"
                              f"T3\tContent 0 17\tThe dam will hold\n")
    result = polnear.evaluate(tmp_path, "dev", nlp=nlp)
    assert result["documents"] == 1
    assert result["source_overlap_f1"] == 1.0
    assert result["source_exact_f1"] == 1.0  # the source's span is its whole phrase
    assert result["cue_exact_f1"] == 1.0
    assert result["content_exact_f1"] == 1.0


def test_the_subject_not_the_quoted_person_is_the_source_of_quotes(nlp):
    text = "The author quotes the former minister Ada Lind: “Nobody read the report.”"
    assert "The author" in sources(nlp, text)


def test_recall_on_reporting_cues_leaves_stance_cues_out(nlp, tmp_path):
    # a wish ("wants") is no reporting cue, and storyline leaves it out ("supports" it now reads)
    text = "The dam will hold, Ann Lee said. Tom Berg wants a new dam.\n"
    a, said = text.index("Ann Lee"), text.index("said")
    t, sup = text.index("Tom Berg"), text.index("wants")
    write_doc(tmp_path, text,
              f"T1\tSource {a} {a + 7}\tAnn Lee\nT2\tCue {said} {said + 4}\tsaid\n"
              f"T3\tSource {t} {t + 8}\tTom Berg\nT4\tCue {sup} {sup + 5}\twants\n"
              "E1\tAttribution:T2 Source:T1 Cue:T2\nE2\tAttribution:T4 Source:T3 Cue:T4\n")
    result = polnear.evaluate(tmp_path, "dev", nlp=nlp)
    assert result["reporting_share"] == 0.5  # "wants" is a wish, not reporting
    assert result["source_overlap_r_reporting"] == 1.0
    assert result["source_overlap_r"] == 0.5
