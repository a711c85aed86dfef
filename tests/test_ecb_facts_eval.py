"""The ECB+ fact-fusion task: documents rebuilt with token offsets, claims labelled by
their main event's coreference chain, scored pairwise. Inputs are hand-written ECB+-style
files (the real data stays in ../shared/data)."""

from pathlib import Path

import numpy as np
import pytest

from storyline.eval import ecb_facts

DOC = """<Document doc_name="{name}" doc_id="{name}">
{tokens}
<Markables>
{markables}
</Markables>
<Relations>
{relations}
</Relations>
</Document>
"""


def write_doc(folder: Path, name: str, sentences: list[list[str]], events: dict[int, str]) -> None:
    """``events``: token id -> cross-document chain (an ACTION_OCCURRENCE on that token)."""
    tokens, t_id = [], 0
    for s, words in enumerate(sentences):
        for n, w in enumerate(words):
            t_id += 1
            tokens.append(f'<token t_id="{t_id}" sentence="{s}" number="{n}">{w}</token>')
    markables = "\n".join(f'<ACTION_OCCURRENCE m_id="{t}"><token_anchor t_id="{t}"/></ACTION_OCCURRENCE>'
                          for t in events)
    relations = "\n".join(f'<CROSS_DOC_COREF r_id="{t}" note="{chain}"><source m_id="{t}" /><target m_id="99" />'
                          f'</CROSS_DOC_COREF>' for t, chain in events.items() if chain)
    (folder / name).write_text(DOC.format(name=name, tokens="\n".join(tokens), markables=markables,
                                          relations=relations), encoding="utf-8")


@pytest.fixture
def ecb(tmp_path):
    base = tmp_path / "ECB+_LREC2014"
    topic = base / "ECB+" / "1"
    topic.mkdir(parents=True)
    write_doc(topic, "1_1ecb.xml", [
        "Rescuers pulled three miners from the flooded pit on Monday .".split(),
        "The weather was fine .".split(),  # not annotated: left out
    ], {2: "ACT_RESCUE"})
    write_doc(topic, "1_2ecb.xml", [
        "Three miners were pulled from the flooded pit , officials said .".split(),
        "The owners closed the mine in 2019 .".split(),
    ], {4: "ACT_RESCUE", 15: ""})  # "closed": a singleton
    (base / "ECBplus_coreference_sentences.csv").write_text(
        "Topic,File,Sentence Number\n1,1ecb,0\n1,2ecb,0\n1,2ecb,1\n", encoding="utf-8")
    return tmp_path


def test_documents_keep_annotated_sentences_and_token_offsets(ecb):
    path = ecb / "ECB+_LREC2014" / "ECB+" / "1" / "1_2ecb.xml"
    text, spans, chains = ecb_facts.read_document(path, {0, 1})
    assert text.splitlines() == ["Three miners were pulled from the flooded pit, officials said.",
                                 "The owners closed the mine in 2019."]
    start, end = spans[4]
    assert text[start:end] == "pulled"
    assert text[slice(*spans[15])] == "closed"
    assert chains[4] == "ACT_RESCUE" and chains[15] == "1_2ecb.xml#15"
    only_first, _, _ = ecb_facts.read_document(path, {0})
    assert only_first == "Three miners were pulled from the flooded pit, officials said."


def test_claims_are_labelled_by_their_main_event_and_paired_across_documents(ecb):
    claims = ecb_facts.ecb_claims(ecb, [1])
    by_text = {c.claim.text: c for c in claims}
    assert sorted(c.event for c in claims) == ["1_2ecb.xml#15", "ACT_RESCUE", "ACT_RESCUE"]
    assert {c.story for c in claims} == {"1"}
    pairs = ecb_facts.claim_pairs(claims)
    assert len(pairs) == 2  # the two claims of 1_2ecb are never paired with each other
    gold = np.array([claims[a].event == claims[b].event for a, b in pairs])
    assert gold.sum() == 1
    assert any("pulled" in t for t in by_text)


def test_pairwise_scores():
    gold = np.array([True, True, False, False])
    pred = np.array([True, False, True, False])
    s = ecb_facts.scores(gold, pred)
    assert (s["pairwise_p"], s["pairwise_r"], s["pairwise_f1"]) == (0.5, 0.5, 0.5)
    assert (s["gold_same"], s["predicted_same"]) == (2, 2)


def test_grouped_pairs_follow_the_fuser_s_facts_story_by_story():
    from storyline.model import Claim, Span

    def ecb_claim(text, doc, story):
        claim = Claim(id=f"{doc}:{text}", article_id=doc, sentence_index=0, span=Span("text", 0, len(text)),
                      text=text, status="asserted")
        return ecb_facts.EcbClaim(claim, doc, story, "e", {})

    # "near" and "same" are one wording apart (cosine 1); "other" is orthogonal to both
    vectors = {"same": (1.0, 0.0), "near": (1.0, 0.0), "other": (0.0, 1.0)}

    def plane(texts):
        out = np.zeros((len(texts), 384), dtype=np.float32)
        for row, t in enumerate(texts):
            out[row, :2] = vectors[t]
        return out

    claims = [ecb_claim("same", "d1", "1"), ecb_claim("near", "d2", "1"), ecb_claim("other", "d3", "1"),
              ecb_claim("near", "d4", "2")]  # another story: never grouped with story 1
    pairs = [(0, 1), (0, 2), (1, 2), (0, 3)]
    assert ecb_facts.grouped(claims, pairs, plane).tolist() == [True, False, False, False]
