"""The TempEval-3 evaluator on a tiny hand-written TimeML document."""

from datetime import date

from storyline.eval.tempeval import evaluate, parse_timeml, timex_value
from storyline.model import EventDate, Span

DOC = """<?xml version="1.0" ?>
<TimeML>
<DCT><TIMEX3 tid="t0" type="DATE" value="2021-05-14" functionInDocument="CREATION_TIME">May 14, 2021</TIMEX3></DCT>
<TEXT>
The mill &amp; the dam reopened <TIMEX3 tid="t1" type="DATE" value="2021-05-12">Wednesday</TIMEX3> after <TIMEX3 tid="t2" type="DURATION" value="P3Y">three years</TIMEX3>. It was built in <TIMEX3 tid="t3" type="DATE" value="196">the 1960s</TIMEX3> and expanded <TIMEX3 tid="t4" type="DATE" value="2020-08">last August</TIMEX3>.
</TEXT>
</TimeML>
"""


def test_parse_keeps_offsets_and_creation_time():
    doc = parse_timeml(DOC)
    assert doc.dct == date(2021, 5, 14)
    assert [g.text for g in doc.gold] == ["Wednesday", "three years", "the 1960s", "last August"]
    for g in doc.gold:
        assert doc.text[g.start:g.end] == g.text
    assert "mill & the dam" in doc.text  # entities unescaped before offsets are counted


def test_evaluate_scores_a_folder(tmp_path):
    (tmp_path / "mill.tml").write_text(DOC, encoding="utf-8")
    res = evaluate(tmp_path)
    assert res["gold"] == 4 and res["documents"] == 1
    # every expression here is within reach of the rules: found with the right value
    assert res["value_f1"] == 1.0
    assert res["strict_f1"] == 1.0


def test_values_by_granularity():
    def ed(text, s, e, g):
        return EventDate(text, Span("text", 0, len(text)), s, e, g)

    assert timex_value(ed("Friday", date(2024, 10, 25), date(2024, 10, 25), "day")) == "2024-10-25"
    assert timex_value(ed("Friday night", date(2024, 10, 25), date(2024, 10, 25), "day")) == "2024-10-25TNI"
    assert timex_value(ed("last week", date(2024, 10, 14), date(2024, 10, 20), "week")) == "2024-W42"
    assert timex_value(ed("the 1950s", date(1950, 1, 1), date(1959, 12, 31), "decade")) == "195X"
    assert timex_value(ed("summer", date(2024, 6, 1), date(2024, 8, 31), "season")) == "2024-SU"
