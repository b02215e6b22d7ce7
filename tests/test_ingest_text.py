"""Ingest of outside text: encodings, control characters, bylines, the visible-text fallback."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from curator.cli import cli
from curator.ingest import decode_html, find_published, html_to_text, make_article, read_articles
from curator.ingest.dates import byline_date, iso_timestamp

NEWS = Path(__file__).parent / "data" / "news"


def test_a_gbk_copy_reads_as_its_utf8_original(tmp_path: Path) -> None:
    original = (NEWS / "zh_thepaper_lancet.html").read_text(encoding="utf-8")
    assert "charset=utf-8" in original.lower() or 'charset="utf-8"' in original.lower()
    gbk = original.replace('charset="utf-8"', 'charset="gbk"').replace("charset=utf-8", "charset=gbk")
    gbk = gbk.replace('charset="UTF-8"', 'charset="GBK"').replace("charset=UTF-8", "charset=GBK")
    (tmp_path / "gbk.html").write_bytes(gbk.encode("gbk", errors="ignore"))
    [utf8], _ = read_articles(NEWS / "zh_thepaper_lancet.html")
    [copy], problems = read_articles(tmp_path / "gbk.html")
    assert not problems
    assert copy.text == utf8.text and copy.id == utf8.id


@pytest.mark.parametrize(
    ("codec", "label", "sample"),
    [
        ("gb18030", "gb2312", "日本政府将提供最高1万亿日元的资金。"),
        ("big5", "big5", "香港行政長官梁振英就違建事件道歉。"),
        ("shift_jis", "shift_jis", "日本政府は最大1兆円を提供する。"),
        ("euc-kr", "euc-kr", "일본 정부는 최대 1조 엔을 지원한다."),
        ("cp1252", "iso-8859-1", "Café owners paid €5 — “up” 3%."),
    ],
)
def test_declared_charsets_are_read(codec: str, label: str, sample: str) -> None:
    for head in (f'<meta charset="{label}">', f'<meta http-equiv="Content-Type" content="text/html; charset={label}">'):
        page = f"<html><head>{head}</head><body><p>{sample}</p></body></html>"
        assert sample in decode_html(page.encode(codec))


def test_undeclared_pages_are_detected_and_boms_win() -> None:
    sample = "<html><body>" + "<p>日本政府将提供最高1万亿日元的资金，软银、索尼和本田成立了新公司。</p>" * 5 + "</body></html>"
    assert "软银" in decode_html(sample.encode("gb18030"))
    assert decode_html(codecs_bom("utf-16-le") + "<p>é</p>".encode("utf-16-le")) == "<p>é</p>"
    declared_wrongly = '<meta charset="gbk"><p>é</p>'
    assert decode_html(b"\xef\xbb\xbf" + declared_wrongly.encode("utf-8")) == declared_wrongly


def codecs_bom(codec: str) -> bytes:
    return "\ufeff".encode(codec)


def test_text_that_is_not_utf8_needs_encoding(tmp_path: Path) -> None:
    path = tmp_path / "gbk.txt"
    path.write_bytes("日本政府将提供资金。".encode("gbk"))
    _, [problem] = read_articles(path)
    assert problem.reason.startswith("not UTF-8 (byte 0xc8 at offset 0)") and "--encoding CODEC" in problem.reason
    [article], _ = read_articles(path, encoding="gbk")
    assert article.text == "日本政府将提供资金。"
    runner = CliRunner()
    db = str(tmp_path / "e.db")
    refused = runner.invoke(cli, ["--db", db, "ingest", str(path)])
    assert refused.exit_code == 1 and "--encoding CODEC" in refused.output
    taken = runner.invoke(cli, ["--db", db, "ingest", "--encoding", "gb18030", str(path)])
    assert taken.exit_code == 0 and "Ingested 1 new article(s)" in taken.output
    unknown = runner.invoke(cli, ["--db", db, "ingest", "--encoding", "klingon", str(path)])
    assert unknown.exit_code == 1 and "'klingon' is not a text encoding" in unknown.output
    assert "Traceback" not in unknown.output


def test_a_false_utf16_mark_is_refused_in_one_sentence(tmp_path: Path) -> None:
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe not text")
    _, [problem] = read_articles(tmp_path / "bad.txt")
    assert problem.reason.startswith("starts with a UTF-16 byte-order mark but is not UTF-16")


CONTROLS = [chr(c) for c in (*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0)) if c != 0x0D]
INTRODUCERS = "\x1b\x9b\x9d"
"""ESC and the C1 CSI/OSC: they start a sequence that goes whole (tests/test_ingest_escapes.py)."""


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(st.text(min_size=1).filter(lambda t: not set(t) & set(INTRODUCERS)),
                          st.sampled_from([c for c in CONTROLS if c not in INTRODUCERS])), min_size=1))
def test_controls_never_stored_and_id_is_the_hash_of_what_is(parts: list[str]) -> None:
    text = "".join(parts)
    article = make_article(text, source="p.txt")
    if article is None:
        return
    stored = article.text
    assert not any(ch in stored for ch in CONTROLS)
    assert article.sha256 == hashlib.sha256(stored.encode("utf-8")).hexdigest() and article.id == article.sha256[:16]
    expected = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    assert article.controls_removed == sum(expected.count(c) for c in CONTROLS)


def test_controls_counted_and_offsets_on_stored_text(tmp_path: Path) -> None:
    (tmp_path / "esc.txt").write_bytes(b"Title\n\x1b[31mSoftBank\x07 paid $6.7\x08 billion.\tDone\n")
    [article], _ = read_articles(tmp_path / "esc.txt")
    assert article.text == "Title\nSoftBank paid $6.7 billion.\tDone\n"
    assert article.controls_removed == 3


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("March 3, 2016", "2016-03-03"),
        ("Updated 10:22 AM ET, Thu March 3, 2016", "2016-03-03"),
        ("Published: 10:00am, 20 Jan, 2020", "2020-01-20"),
        ("时间：2018-06-21", "2018-06-21"),
        ("最后更新: 2018-06-21 09:30:00", "2018-06-21T09:30:00"),
        ("发布时间：2026年4月13日", "2026-04-13"),
        ("2020-06-06 10:08 来源：澎湃新闻", "2020-06-06T10:08:00"),
        ("更新时间 2012年12月10日, 格林尼治标准时间10:41", "2012-12-10"),
        ("The company was founded on March 3, 2016 in Tokyo by four partners.", None),
        ("Revenue rose 5% to 2018-06-21 levels", None),
        ("February 30, 2020", None),
    ],
)
def test_byline_dates(line: str, expected: str | None) -> None:
    assert byline_date(line) == expected


def test_metadata_timestamps_keep_the_stated_zone() -> None:
    assert iso_timestamp("2020-01-19T12:25:36Z") == "2020-01-19T12:25:36+00:00"
    assert iso_timestamp("2019-04-28 06:01:07") == "2019-04-28T06:01:07"
    assert iso_timestamp("2020-01-20T10:00:08+0800") == "2020-01-20T10:00:08+08:00"
    assert iso_timestamp("2016-07-30") == "2016-07-30"
    assert iso_timestamp("yesterday") is None


def test_text_files_read_bylines() -> None:
    assert find_published("Headline\nBy Ana Sato\nMarch 3, 2016\nBody text here.") == "2016-03-03"
    assert find_published("标题\n最后更新: 2018-06-21 09:30:00\n正文。") == "2018-06-21T09:30:00"
    assert find_published("Headline\nThe deal closed on March 3, 2016 after a long review by the regulators.") is None


def test_a_fragment_falls_back_to_visible_text(tmp_path: Path) -> None:
    (tmp_path / "f.html").write_text("<div>SoftBank paid $6.7 billion.</div>", encoding="utf-8")
    [article], _ = read_articles(tmp_path / "f.html")
    assert (article.text, article.reader) == ("SoftBank paid $6.7 billion.", "visible-text")


def test_visible_text_keeps_a_paragraph_wrapped_in_the_source_on_one_line() -> None:
    """A line break inside a paragraph's source is a space, as a browser shows it (a name never splits in two)."""
    page = "<p>The roadshow featured Police Commissioner\n    Andrew Colvin. Staffers\r\nleft.</p><pre>a\nb</pre>"
    assert html_to_text(page).text == "The roadshow featured Police Commissioner Andrew Colvin. Staffers left.\na\nb"


@pytest.mark.parametrize(
    ("text", "authors"),
    [
        ("Headline\nBy Ana Sato and Ben Ito\nBody.", ("Ana Sato", "Ben Ito")),
        ("Headline\nBy Gayatri Suroyo | Reuters\nBody.", ("Gayatri Suroyo",)),
        ("标题\n澎湃新闻记者 贺梨萍\n正文。", ("贺梨萍",)),
        ("标题\n作者：李华、王伟\n正文。", ("李华", "王伟")),
        ("Headline\nBy 2040, the venture plans ten million robots.", ()),
        ("Headline\nBy the way, this is not a byline at all.", ()),
        ("标题\n文化部长王伟\n正文。", ()),
    ],
)
def test_text_bylines_give_authors(text: str, authors: tuple[str, ...]) -> None:
    article = make_article(text, source="a.txt")
    assert article is not None and article.authors == authors


def test_written_dates_in_meta_tags() -> None:
    assert iso_timestamp("March 3, 2016") == "2016-03-03"
    assert iso_timestamp("3 March 2016") == "2016-03-03"
