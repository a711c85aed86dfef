"""The T17 task's pieces on hand-made inputs: reading, scoring (news-tls Date-F1), pooling."""

from datetime import date, datetime, timezone

from test_key_dates import fact, report

from storyline.eval.date_f1 import average_prf, date_prf, top_k_in_span
from storyline.eval.t17_data import detokenise, timeline_dates
from storyline.eval.timeline17 import clip, publish_date_ranking, score_ranking, topic_ranking
from storyline.model import Article

D = lambda d: date(2011, 2, d)  # noqa: E731


def test_detokenise_undoes_ptb_tokens():
    raw = ("Cairo , Egypt -LRB- CNN -RRB- - Wael Ghonim had a message : `` It 's time . '' \n"
           "He was n't there , officials said . \n\n")
    assert detokenise(raw) == ('Cairo, Egypt (CNN) - Wael Ghonim had a message: "It\'s time."\n'
                               "He wasn't there, officials said.")


def test_timeline_dates_reads_the_date_lines_only():
    text = ("2011-01-25\nProtests begin 2011 .\n--------------------------------\n"
            "2011-01-28\nA day of rage .\n--------------------------------\n2011-01-25\nagain\n")
    assert timeline_dates(text) == (date(2011, 1, 25), date(2011, 1, 28))


def test_top_k_keeps_k_dates_inside_the_reference_span():
    ref = [D(3), D(5), D(9)]
    ranked = [D(1), D(5), D(5), D(12), D(4), D(9), D(3)]
    assert top_k_in_span(ranked, ref) == [D(5), D(4), D(9)]


def test_date_prf_and_the_news_tls_average():
    assert date_prf([D(5), D(4), D(9)], [D(3), D(5), D(9)]) == (2 / 3, 2 / 3, 2 / 3)
    assert date_prf([D(5)], [D(3), D(5)]) == (1.0, 0.5, 2 / 3)
    assert date_prf([], [D(3)]) == (0.0, 0.0, 0.0)
    # F1 of the mean precision (0.75) and mean recall (0.5), not the mean of the F1s.
    p, r, f = average_prf([(1.0, 0.5, 2 / 3), (0.5, 0.5, 0.5)])
    assert (p, r) == (0.75, 0.5) and abs(f - 0.6) < 1e-12


def test_topic_ranking_sums_key_dates_over_stories():
    one = report(fact("a", D(3)), fact("b", D(4), origins=2, articles=2))
    two = report(fact("c", D(3)), fact("d", D(3)), fact("e", D(7)))
    # D(3): 1 + 2 = 3; D(4): 2; D(7): 1.
    assert topic_ranking([one, two]) == [D(3), D(4), D(7)]


def test_naive_ranking_counts_articles_per_publish_day():
    def art(day, n):
        return Article(f"text {n}", published=datetime(2011, 2, day, 12, tzinfo=timezone.utc))
    arts = [art(4, 1), art(2, 2), art(4, 3), art(2, 4), art(9, 5), art(2, 6)]
    assert publish_date_ranking(arts) == [D(2), D(4), D(9)]


def test_score_ranking_scores_each_reference_timeline():
    scores = score_ranking([D(3), D(4), D(7)], [(D(3), D(7)), (D(4), D(5), D(6))])
    # First: k = 2, the top two in 3..7 are 3 and 4; one of two right: P = R = 0.5.
    # Second: k = 3, only 4 lies in 4..6: P = 1, R = 1/3, F1 = 0.5.
    assert scores == [(0.5, 0.5, 0.5), (1.0, 1 / 3, 0.5)]


def test_clip_keeps_the_first_sentences():
    a = Article("one.\ntwo.\nthree.\nfour.", title="")
    assert clip(a, 2).text == "one.\ntwo."
    assert clip(a, 9).text == a.text


def test_pooled_counts_reference_dates_found_over_all_timelines():
    from storyline.eval.timeline17 import pooled

    # 1 of 2 and 1 of 3 dates right: news-tls averages 0.5 and 0.5 (F1 0.5) ...
    rows = [{"dates": 2, "right": 1, "date_f1": 0.5}, {"dates": 3, "right": 1, "date_f1": 0.5}]
    # ... while 2 of the 5 reference dates were found
    assert pooled(rows) == {"dates_right": 2, "dates": 5, "date_f1_pooled": 0.4}
