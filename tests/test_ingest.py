"""Reading files, folders and stdin into Articles; every bad input a Rejection with its reason."""

import io
import json
from datetime import datetime, timedelta, timezone
from pathlib import Path


from storyline.ingest import read_inputs
from storyline.model import Article, Rejection
from storyline.settings import DEFAULT

FIX = Path(__file__).parent / "fixtures" / "ingest"


def read(*names, **kw):
    return list(read_inputs([str(n) for n in names], **kw))


def one(name, **kw):
    [item] = read(name, **kw)
    return item


def rejected(name, **kw) -> str:
    item = one(name, **kw)
    assert isinstance(item, Rejection), item
    assert Path(name).name in item.source  # the input is named
    return item.reason


# --------------------------------------------------------------------------- text files


def test_front_matter_gives_every_field_and_hard_wraps_are_joined():
    a = one(FIX / "library.md")
    assert isinstance(a, Article)
    assert a.title == "Riverside library reopens after flood repairs"
    assert a.outlet == "Valley Herald"
    assert a.url == "https://herald.example/library-reopens"
    assert a.published == datetime(2024, 10, 25, 12, 30, tzinfo=timezone.utc)
    assert a.published.utcoffset() == timedelta(hours=2)  # the zone written is kept
    assert a.language == "en"
    # Blank-line paragraphs, wrapped lines inside them joined: one paragraph a line.
    lines = a.text.split("\n")
    assert len(lines) == 3
    assert lines[0].startswith("The riverside library reopened") and lines[0].endswith("the town council said.")


def test_first_short_line_without_punctuation_is_the_headline():
    a = one(FIX / "storm.txt")
    assert a.title == "Storm cuts power to coastal villages"
    assert a.text.startswith("A winter storm cut power")
    assert a.text.count("\n") == 2  # one line a paragraph, kept
    assert a.published is None and a.outlet is None  # nothing invented


def test_a_first_line_that_is_a_sentence_stays_in_the_body(tmp_path):
    f = tmp_path / "plain.txt"
    body = "The ferry company raised its prices on Monday by ten percent, blaming fuel costs.\n" * 3
    f.write_text(body)
    a = one(f)
    assert a.title == ""
    assert a.text.startswith("The ferry company raised")


def test_text_is_nfc_with_unix_newlines_and_no_trailing_spaces(tmp_path):
    f = tmp_path / "crlf.txt"
    decomposed = "Cafe\u0301 owners protest rent rise"  # e + combining accent
    body = " ".join(["The owners of the riverside cafe\u0301 said rents had doubled."] * 6)
    f.write_bytes(f"{decomposed}\r\n{body}   \r\n{body}\r\n".encode())
    a = one(f)
    assert a.title == "Caf\u00e9 owners protest rent rise"
    assert "\r" not in a.text and "  \n" not in a.text
    assert a.text == f"{body}\n{body}".replace("cafe\u0301", "caf\u00e9")


def test_defaults_fill_only_what_is_missing():
    when = datetime(2024, 11, 1, tzinfo=timezone.utc)
    lib, storm = read(FIX / "library.md", FIX / "storm.txt", published=when, outlet="Fallback News")
    assert lib.outlet == "Valley Herald" and lib.published.year == 2024 and lib.published.month == 10
    assert storm.outlet == "Fallback News" and storm.published == when


# --------------------------------------------------------------------------- JSON Lines, stdin


def test_jsonl_bad_lines_are_rejected_by_line_number_and_the_rest_go_on():
    items = read(FIX / "market.jsonl")
    by_source = {i.source.rsplit(":", 1)[1]: i for i in items}
    assert sorted(by_source) == ["1", "2", "3", "5", "6"]  # line 4 is blank: skipped
    market = by_source["1"]
    assert isinstance(market, Article) and market.title == "Farmers' market moves indoors"
    assert market.published == datetime(2024, 11, 5, 9, tzinfo=timezone.utc)
    assert "not valid JSON" in by_source["2"].reason
    assert "'text'" in by_source["3"].reason
    assert "unparseable date 'never'" in by_source["5"].reason
    assert isinstance(by_source["6"], Article) and by_source["6"].published is None
    assert all(i.source.startswith(str(FIX / "market.jsonl") + ":") for i in items)


def test_dash_reads_json_lines_from_stdin():
    lines = (FIX / "market.jsonl").read_text()
    items = read("-", stdin=io.StringIO(lines))
    assert [i.source for i in items if isinstance(i, Article)] == ["<stdin>:1", "<stdin>:6"]


def test_jsonl_field_of_wrong_type_is_rejected(tmp_path):
    f = tmp_path / "typed.jsonl"
    f.write_text(json.dumps({"text": "word " * 30, "title": ["a", "list"]}) + "\n")
    assert "'title' must be a string" in rejected(f)


# --------------------------------------------------------------------------- HTML files, folders


def test_html_file_gives_text_title_outlet_canonical_url_and_time_of_day():
    a = one(FIX / "page.html")
    assert a.title == "Tram line extension approved"
    assert a.outlet == "Metro Daily"
    assert a.url == "https://metro.example/tram-extension"
    assert a.published == datetime(2024, 10, 25, 6, 45, tzinfo=timezone.utc)
    assert a.text.startswith("The city council approved")  # headline not repeated in the body
    assert "cookies" not in a.text and "Home" not in a.text and "©" not in a.text
    assert len(a.text.split("\n")) == 3


def test_html_without_a_date_has_none_not_the_copyright_year(tmp_path):
    page = (FIX / "page.html").read_text().replace(
        '<meta property="article:published_time" content="2024-10-25T07:45:00+01:00">', "")
    f = tmp_path / "undated.html"
    f.write_text(page)
    assert one(f).published is None  # the footer's "© 2025" must not become 1 January 2025


def test_json_ld_date_published_gives_the_time(tmp_path):
    page = (FIX / "page.html").read_text().replace(
        '<meta property="article:published_time" content="2024-10-25T07:45:00+01:00">',
        '<script type="application/ld+json">{"@graph": [{"@type": "NewsArticle", '
        '"datePublished": "2024-10-26T16:05:00Z"}]}</script>')
    f = tmp_path / "jsonld.html"
    f.write_text(page)
    assert one(f).published == datetime(2024, 10, 26, 16, 5, tzinfo=timezone.utc)


def test_folder_is_read_recursively_sorted_skipping_hidden_files():
    items = read(FIX / "folder")
    names = [Path(i.source).relative_to(FIX / "folder").as_posix() for i in items]
    assert names == ["b-storm.txt", "notes.csv", "sub/a-page.html"]
    assert isinstance(items[0], Article) and isinstance(items[2], Article)
    assert "unknown file extension '.csv'" in items[1].reason


# --------------------------------------------------------------------------- rejections


def test_missing_path():
    assert "no such file" in rejected(FIX / "nowhere.txt")


def test_empty_file(tmp_path):
    (tmp_path / "empty.md").write_text("\n  \n")
    assert "empty" in rejected(tmp_path / "empty.md")


def test_binary_with_nul_bytes(tmp_path):
    (tmp_path / "blob.txt").write_bytes(b"GIF89a\x00\x01\x02" * 50)
    assert "binary" in rejected(tmp_path / "blob.txt")


def test_not_utf8(tmp_path):
    (tmp_path / "latin.txt").write_bytes(("Caf\u00e9 prices rise " * 30).encode("latin-1"))
    assert "not utf-8" in rejected(tmp_path / "latin.txt").lower()


def test_too_short():
    assert "too short" in rejected(FIX / "short.txt")


def test_larger_than_max_bytes():
    small = DEFAULT.with_(max_bytes=200)
    assert "larger than the limit of 200 bytes" in rejected(FIX / "library.md", settings=small)


def test_not_english():
    assert "not English" in rejected(FIX / "german.txt")


def test_declared_language_other_than_english(tmp_path):
    f = tmp_path / "declared.md"
    f.write_text("---\nlanguage: fr\n---\n" + (FIX / "storm.txt").read_text())
    assert "not English (language given as 'fr')" in rejected(f)


def test_language_check_is_skipped_for_short_texts(tmp_path):
    # 25 German words: above min_words, below the 40 needed to judge the language.
    f = tmp_path / "kurz.txt"
    f.write_text("Die Stadt hat am Montag die neue Brücke über den Fluss eröffnet, nachdem die "
                 "Bauarbeiten fast drei Jahre gedauert hatten, teilte das Amt heute mit.\n")
    a = one(f)
    assert isinstance(a, Article) and a.language is None


def test_bad_yaml_front_matter():
    assert "unreadable front matter" in rejected(FIX / "badyaml.md")


def test_unclosed_front_matter(tmp_path):
    f = tmp_path / "open.md"
    f.write_text("---\ntitle: never closed\n" + "word " * 40)
    assert "no closing '---'" in rejected(f)


def test_unparseable_date_is_rejected_not_replaced():
    reason = rejected(FIX / "baddate.md", published=datetime(2024, 1, 1, tzinfo=timezone.utc))
    assert "unparseable date 'the day after the storm'" in reason


def test_unknown_extension(tmp_path):
    (tmp_path / "article.docx").write_text("word " * 50)
    assert "unknown file extension '.docx'" in rejected(tmp_path / "article.docx")


def test_feed_file_that_is_not_a_feed():
    assert "not an RSS or Atom feed" in rejected(FIX / "not-a-feed.xml")


def test_the_batch_goes_on_past_every_rejection():
    items = read(FIX / "short.txt", FIX / "storm.txt", FIX / "nowhere.md", FIX / "german.txt", FIX / "page.html")
    assert [type(i).__name__ for i in items] == ["Rejection", "Article", "Rejection", "Rejection", "Article"]


def test_stopword_fallback_tells_english_from_other_languages():
    # Used when py3langid is not installed; the same German text must not pass as English.
    from storyline.ingest.checks import stopword_language

    assert stopword_language((FIX / "storm.txt").read_text()) == "en"
    assert stopword_language((FIX / "german.txt").read_text()) == "und"


def test_markdown_heading_is_the_headline(tmp_path):
    f = tmp_path / "heading.md"
    f.write_text("# Ferry prices rise ten percent.\n\n" + (FIX / "storm.txt").read_text().split("\n", 1)[1])
    a = one(f)
    assert a.title == "Ferry prices rise ten percent."  # a Markdown heading may end in a full stop
    assert a.text.startswith("A winter storm")
