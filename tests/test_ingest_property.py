"""Reading is deterministic: the same inputs read twice give equal Articles with equal ids."""

import io
import json
import tempfile
from datetime import datetime, timezone
from pathlib import Path

from hypothesis import given, settings, strategies as st

from storyline.ingest import read_inputs

WORDS = ("the council said on monday that a new bridge would open after the repairs and "
         "officials of the city expected more traffic in the harbour by the end of the year").split()

sentence = st.lists(st.sampled_from(WORDS), min_size=8, max_size=14).map(
    lambda ws: " ".join(ws).capitalize() + ".")
paragraph = st.lists(sentence, min_size=1, max_size=4).map(" ".join)
body = st.lists(paragraph, min_size=3, max_size=5)
when = st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2030, 1, 1),
                    timezones=st.just(timezone.utc))
title = st.lists(st.sampled_from(WORDS), min_size=2, max_size=8).map(" ".join)
outlet = st.sampled_from(["Valley Herald", "Metro Daily", None])


@settings(max_examples=25, deadline=None)
@given(title=title, paras=body, published=when, outlet=outlet, blank=st.booleans())
def test_reading_twice_gives_equal_articles(title, paras, published, outlet, blank):
    with tempfile.TemporaryDirectory() as tmp:
        md = Path(tmp, "a.md")
        front = f"---\ntitle: {title}\npublished: {published.isoformat()}\n" + (
            f"outlet: {outlet}\n" if outlet else "") + "---\n"
        md.write_text(front + ("\n\n" if blank else "\n").join(paras) + "\n")
        line = json.dumps({"text": "\n".join(paras), "title": title, "published": published.isoformat()})

        def read():
            return list(read_inputs([str(md), "-"], stdin=io.StringIO(line + "\n")))

        first, second = read(), read()
    assert first == second
    assert [a.id for a in first] == [a.id for a in second]
    assert all(type(a).__name__ == "Article" for a in first), first
    # Blank-line or one-line paragraphs: the same text either way.
    assert first[0].text == first[1].text and first[0].published == published
