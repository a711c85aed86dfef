"""The MEANTIME fact-fusion task: dated documents rebuilt from tokens without their date line,
event mentions labelled by their cross-document instances, claims paired across documents of
one corpus in publish order, and the clash rules counted by gold. Inputs are hand-written
MEANTIME-style CAT files (the real data stays in ../shared/data)."""

from datetime import date, datetime, timezone
from pathlib import Path

import numpy as np
import pytest

from storyline.eval import meantime_facts as mf
from storyline.model import Claim, EventDate, Span

DOC = """<?xml version="1.0" ?><Document doc_id="{name}" doc_name="{name}" lang="en" url="http://example.org/{name}">
{tokens}
<Markables>
{markables}
</Markables>
<Relations>
{relations}
</Relations>
</Document>
"""


def write_doc(folder: Path, name: str, sentences: list[str], mentions: dict[str, list[int]],
              refers: dict[str, list[str]], instances: dict[str, str | None], creation: str | None = None) -> Path:
    """``mentions``: EVENT_MENTION m_id -> its token ids; ``refers``: EVENT m_id -> the mention
    m_ids that REFERS_TO it; ``instances``: EVENT m_id -> its instance_id (None: in-document only)."""
    tokens, t_id = [], 0
    for s, sentence in enumerate(sentences):
        for n, w in enumerate(sentence.split()):
            t_id += 1
            tokens.append(f'<token number="{n}" sentence="{s}" t_id="{t_id}">{w}</token>')
    markables = [f'<EVENT_MENTION m_id="{m}" pos="VERB">' + "".join(f'<token_anchor t_id="{t}"/>' for t in ts)
                 + "</EVENT_MENTION>" for m, ts in mentions.items()]
    markables += [f'<EVENT TAG_DESCRIPTOR="x" class="OTHER" m_id="{m}"' + (f' instance_id="{i}"' if i else "") + "/>"
                  for m, i in instances.items()]
    if creation is not None:
        markables.append(f'<TIMEX3 functionInDocument="CREATION_TIME" m_id="900" type="DATE" value="{creation}"/>')
    relations = [f'<REFERS_TO r_id="{target}0">' + "".join(f'<source m_id="{s}"/>' for s in sources)
                 + f'<target m_id="{target}"/></REFERS_TO>' for target, sources in refers.items()]
    path = folder / f"{name}.xml"
    path.write_text(DOC.format(name=name, tokens="\n".join(tokens), markables="\n".join(markables),
                               relations="\n".join(relations)), encoding="utf-8")
    return path


@pytest.fixture
def meantime(tmp_path):
    """Two corpora: "alpha" with two documents (the later one first by file name) that share
    the instance EV_OPEN, and "beta" with one document of the same instance."""
    base = tmp_path / "intra_cross-doc_annotation"
    alpha, beta = base / "corpus_alpha", base / "corpus_beta"
    alpha.mkdir(parents=True)
    beta.mkdir()
    # tokens 1-3 title, 4-7 date line, 8-17 "Acme opened ...", 18-22 "Workers cheered ..."
    write_doc(alpha, "1_late", [
        "Acme opens plant",
        "March 05 , 2010",
        "Acme opened a new factory in Ohio on Thursday .",
        "Workers cheered the news .",
    ], mentions={"1": [9], "2": [9, 12], "3": [19]}, refers={"50": ["1"], "51": ["2"], "52": ["3"]},
        instances={"50": "EV_OPEN", "51": "EV_LAUNCH", "52": None}, creation="2010-03-05")
    # tokens 1-3 title, 4-7 date line, 8-14 "Acme opened ...", 15-20 "The company hired ..."
    write_doc(alpha, "2_early", [
        "Factory to open",
        "March 04 , 2010",
        "Acme opened its factory in Ohio .",
        "The company hired 200 workers .",
    ], mentions={"1": [9], "2": [17]}, refers={"50": ["1"]}, instances={"50": "EV_OPEN"})
    write_doc(beta, "3_other", [
        "Plant opens",
        "March 06 , 2010",
        "Acme opened a factory in Ohio .",
    ], mentions={"1": [8]}, refers={"50": ["1"]}, instances={"50": "EV_OPEN"})
    return tmp_path


def test_text_drops_the_date_line_and_token_spans_point_at_their_words(meantime):
    doc = mf.read_document(meantime / "intra_cross-doc_annotation" / "corpus_alpha" / "1_late.xml", "alpha")
    assert doc.article.text.splitlines() == ["Acme opens plant", "Acme opened a new factory in Ohio on Thursday.",
                                             "Workers cheered the news."]
    text = doc.article.text
    assert text[slice(*doc.spans[9])] == "opened"
    assert text[slice(*doc.spans[19])] == "cheered"
    assert text[slice(*doc.spans[17])] == "."
    assert not any(t in doc.spans for t in range(4, 8))  # the date line's tokens
    assert doc.story == "alpha" and doc.article.source == "1_late"


def test_publish_date_is_noon_utc_of_the_date_line(meantime):
    doc = mf.read_document(meantime / "intra_cross-doc_annotation" / "corpus_alpha" / "2_early.xml", "alpha")
    assert doc.article.published == datetime(2010, 3, 4, 12, tzinfo=timezone.utc)
    assert doc.article.published_date == date(2010, 3, 4)


def test_publish_date_falls_back_to_creation_time_and_fails_naming_the_file(tmp_path):
    odd = write_doc(tmp_path, "odd", ["A title", "Last week", "Prices rose ."], {}, {}, {}, creation="2011-07-08")
    assert mf.read_document(odd, "x").article.published == datetime(2011, 7, 8, 12, tzinfo=timezone.utc)
    bad = write_doc(tmp_path, "bad", ["A title", "Last week", "Prices rose ."], {}, {}, {}, creation="08-07-2011")
    with pytest.raises(ValueError, match="bad.xml"):
        mf.read_document(bad, "x")


def test_refers_to_a_missing_markable_fails_naming_the_file(tmp_path):
    path = write_doc(tmp_path, "broken", ["T", "May 01 , 2009", "Prices rose ."], {"1": [6]}, {"77": ["1"]}, {})
    with pytest.raises(ValueError, match="broken.xml"):
        mf.read_document(path, "x")


def test_event_tokens_carry_their_cross_document_instances(meantime):
    doc = mf.read_document(meantime / "intra_cross-doc_annotation" / "corpus_alpha" / "1_late.xml", "alpha")
    assert doc.events[9] == {"EV_OPEN", "EV_LAUNCH"}  # in two mentions: both instances
    assert doc.events[12] == {"EV_LAUNCH"}
    assert doc.events[19] == frozenset()  # refers to an EVENT with no instance: a singleton
    assert 13 not in doc.events  # not an event mention at all
    other = mf.read_document(meantime / "intra_cross-doc_annotation" / "corpus_alpha" / "2_early.xml", "alpha")
    assert other.events[17] == frozenset()  # no REFERS_TO at all


def test_corpus_is_in_publish_order_within_each_story(meantime):
    docs = mf.read_corpus(meantime)
    assert [(d.story, d.article.source) for d in docs] == [("alpha", "2_early"), ("alpha", "1_late"),
                                                          ("beta", "3_other")]
    assert mf.read_corpus(meantime / "intra_cross-doc_annotation") == docs  # either folder will do
    with pytest.raises(ValueError, match="no MEANTIME documents"):
        mf.read_corpus(meantime / "intra_cross-doc_annotation" / "corpus_alpha")


def test_claims_are_labelled_by_head_instances_and_paired_across_documents_of_one_story(meantime):
    claims = mf.meantime_claims(mf.read_corpus(meantime))

    def with_word(doc: str, word: str) -> mf.MeantimeClaim:
        (found,) = [c for c in claims if c.doc == doc and word in c.claim.text.split()]
        return found

    late = with_word("1_late", "opened")
    assert late.instances == {"EV_OPEN", "EV_LAUNCH"} and late.event == "EV_LAUNCH|EV_OPEN"
    # "on Thursday" resolves against the publish date (Friday 5 March): the date rules can fire
    assert late.claim.event_date is not None and late.claim.event_date.start == date(2010, 3, 4)
    assert with_word("2_early", "opened").instances == {"EV_OPEN"}
    assert with_word("3_other", "opened").story == "beta"
    assert with_word("1_late", "cheered").instances == frozenset()
    hired = with_word("2_early", "hired")
    assert hired.instances == frozenset() and hired.event.startswith("2_early@")
    assert all(c.claim.span.part == "text" for c in claims)
    # the fuser's order: the earlier article's claims first
    assert [c.doc for c in claims if c.story == "alpha"] == ["2_early", "2_early", "1_late", "1_late"]

    pairs = mf.claim_pairs(claims)
    assert pairs and all(claims[a].doc != claims[b].doc and claims[a].story == claims[b].story for a, b in pairs)
    assert len(pairs) == 4  # 2 claims of 2_early x 2 of 1_late; 3_other is alone in its story
    gold = mf.gold_same(claims, pairs)
    same = [(claims[a].claim.text, claims[b].claim.text) for (a, b), g in zip(pairs, gold) if g]
    assert same == [("Acme opened its factory in Ohio.", "Acme opened a new factory in Ohio on Thursday.")]


def _claim(name: str, day: date | None, doc: str, instances: set[str]) -> mf.MeantimeClaim:
    when = None if day is None else EventDate("on Monday", Span("text", 0, 1), day, day, "day")
    claim = Claim(id=f"{doc}:{name}", article_id=doc, sentence_index=0, span=Span("text", 0, len(name)),
                  text=name, status="asserted", event_date=when)
    return mf.MeantimeClaim(claim, doc, "s", name, {}, frozenset(instances))


def test_clash_table_counts_each_rule_by_gold_above_the_lowest_bar():
    claims = [_claim("rose", date(2010, 3, 1), "d1", {"E"}), _claim("rose", date(2010, 3, 2), "d2", {"E"}),
              _claim("rose", date(2010, 3, 3), "d3", {"F"}), _claim("rose", None, "d4", {"E"})]
    pairs = [(0, 1), (0, 2), (0, 3), (1, 2)]
    cosines = np.array([0.99, 0.99, 0.99, 0.10])  # (1, 2) is under every bar: not counted
    gold = mf.gold_same(claims, pairs)
    assert gold.tolist() == [True, False, True, False]
    table = mf.clash_table(claims, pairs, cosines, gold)
    assert table["pairs_at_bar"] == {"gold_same": 2, "gold_diff": 1}
    assert table["clashes"]["date"] == {"gold_same": 1, "gold_diff": 1}  # no date on d4: no clash
    assert table["vetoed"]["date"] == {"gold_same": 1, "gold_diff": 1}
    assert table["clashes"]["polarity"] == {"gold_same": 0, "gold_diff": 0}
    assert set(table["clashes"]) >= {"polarity", "number", "actor", "date", "modality", "tally"}


def test_meantime_is_never_tuned_on(meantime):
    with pytest.raises(ValueError, match="report-only"):
        mf.evaluate(meantime, split="tune", embed=lambda texts: np.zeros((len(texts), 384), dtype=np.float32))
