"""Ingest: each format, metadata read from the seeds, duplicates, each kind of bad file."""

from __future__ import annotations

import json
from pathlib import Path

from curator.ingest import MAX_BYTES, detect_language, discover, html_to_text, make_article, read_articles
from curator.pipeline import ingest


def test_seed_metadata(seeds: Path) -> None:
    articles = {p.name[:3]: read_articles(p)[0][0] for p in sorted(seeds.glob("*.txt"))}
    assert articles["000"].title == "Japan's $6.7B Physical AI Alliance: A Trillion-Parameter Revolution"
    assert articles["002"].title == "日本以国产AI模型和一千万台机器人推进其2.3万亿美元计划。"
    assert articles["002"].url == (
        "https://www.zerohedge.com/ai/japan-unveils-61-billion-sovereign-ai-plan-targeting-10-million-robots-across-18-sectors-2040"
    )
    assert articles["002"].outlet == "zerohedge.com"
    assert articles["002"].language == "mixed"
    assert articles["003"].title == "Japan's Top 4 Unite for Physical AI"
    assert articles["003"].outlet == "虎嗅"
    assert articles["004"].title == "Japan tech giants form AI unit"
    assert articles["004"].outlet == "benzinga.com"
    assert {a.language for k, a in articles.items() if k != "002"} == {"en"}
    for path in seeds.glob("*.txt"):  # the articles; curator.yaml beside them is their profile
        a = read_articles(path)[0][0]
        assert a.text == path.read_text(encoding="utf-8")
        assert a.id == a.sha256[:16]


def test_language_detection() -> None:
    assert detect_language("日本政府已启动一项雄心勃勃的计划。") == "zh"
    assert detect_language("The government launched a plan.") == "en"
    assert detect_language("The plan 计划 was launched by the 日本政府 in April with support.") == "mixed"


def test_ingest_twice_adds_nothing(store, seeds: Path) -> None:
    first = ingest(store, [seeds])
    assert len(first.added) == 5 and not first.skipped
    second = ingest(store, [seeds])
    assert second.added == [] and second.duplicates == 5
    assert store.count_articles() == 5


def test_bad_files_are_named_and_skipped(store, seed_copy: Path) -> None:
    (seed_copy / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    (seed_copy / "latin1.txt").write_bytes("Caf\xe9 au lait co\xfbte 3 \xe2".encode("latin-1"))
    (seed_copy / "empty.md").write_text("  \n\n")
    (seed_copy / "big.txt").write_bytes(b"a" * (MAX_BYTES + 1))
    (seed_copy / "broken.json").write_text('{"text": "abc"')
    report = ingest(store, [seed_copy])
    reasons = {Path(s.source).name: s.reason for s in report.skipped}
    assert reasons["binary.txt"] == "binary file, not text"
    assert reasons["latin1.txt"].startswith("not UTF-8 (byte 0xe9 at offset 3)")
    assert reasons["empty.md"] == "empty (no text)"
    assert reasons["big.txt"].startswith("too large")
    assert reasons["broken.json"].startswith("not valid JSON")
    assert len(report.added) == 5
    assert store.count_articles() == 5


def test_json_and_jsonl(tmp_path: Path) -> None:
    (tmp_path / "one.json").write_text(
        json.dumps({"text": "Body text.", "title": "T", "url": "https://x.test/a", "published": "2026-04-13"})
    )
    lines = [
        json.dumps({"text": "First article.", "source": "wire-1"}),
        "not json",
        json.dumps({"title": "no text"}),
        json.dumps({"text": "Bad \ud800 surrogate"}),
        json.dumps({"text": "Second article."}),
    ]
    (tmp_path / "many.jsonl").write_text("\n".join(lines) + "\n")
    [one], problems = read_articles(tmp_path / "one.json")
    assert not problems
    assert (one.title, one.url, one.published, one.source) == ("T", "https://x.test/a", "2026-04-13", "one.json")
    many, problems = read_articles(tmp_path / "many.jsonl")
    assert [a.source for a in many] == ["wire-1", "many.jsonl:5"]
    assert [p.source.rsplit(":", 1)[1] for p in problems] == ["2", "3", "4"]
    assert "surrogate" in problems[2].reason


def test_html_visible_text_only(tmp_path: Path) -> None:
    page = """<html><head><title>Ignored title</title><style>p{color:red}</style>
    <meta property="og:title" content="Real title"><meta property="og:site_name" content="Daily">
    <link rel="canonical" href="https://daily.test/story"></head>
    <body><script>var x = "$9 billion";</script><h1>Headline</h1><p>SoftBank &amp; NEC said <b>$6.7</b> billion.</p>
    <noscript>enable js</noscript><p>Second   paragraph.</p></body></html>"""
    result = html_to_text(page)
    assert result.text == "Headline\nSoftBank & NEC said $6.7 billion.\nSecond paragraph."
    assert (result.title, result.outlet, result.url) == ("Real title", "Daily", "https://daily.test/story")
    (tmp_path / "p.html").write_text(page)
    [a], _ = read_articles(tmp_path / "p.html")
    assert "var x" not in a.text and a.title == "Real title"


def test_a_page_of_links_is_skipped_but_a_short_article_with_a_link_is_kept(tmp_path: Path) -> None:
    (tmp_path / "front.html").write_text(
        "<html><head><title>World news</title></head><body><h1>World</h1><ul>"
        + "".join(f'<li><a href="/s{i}">Storm leaves {i} towns without power</a></li>' for i in range(6))
        + "</ul><h2>Business</h2><p><a href=\"/b\">Markets rally as rates hold</a></p></body></html>"
    )
    (tmp_path / "short.html").write_text(
        "<html><body><h1>Deal closes</h1><p>The deal, <a href='/d'>first reported</a> in May, closed on Friday"
        " for $6.7 billion.</p></body></html>"
    )
    articles, [problem] = read_articles(tmp_path / "front.html")
    assert articles == []
    assert problem.reason == "a page of links and headings (an index or directory listing), not an article"
    [short], problems = read_articles(tmp_path / "short.html")
    assert not problems and "closed on Friday for $6.7 billion." in short.text


def test_discover_sorted_recursive_skips_hidden(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text("z")
    (tmp_path / "a.md").write_text("a")
    (tmp_path / ".hidden.txt").write_text("h")
    (tmp_path / "image.png").write_bytes(b"x")
    files, problems = discover([tmp_path, tmp_path / "missing.txt"])
    assert [f.relative_to(tmp_path).as_posix() for f in files] == ["a.md", "b/z.txt"]
    assert problems[0].reason == "no such file or folder"


def test_crlf_and_bom_normalised() -> None:
    a = make_article("\ufeffTitle\r\nBody\r\n", source="x.txt")
    assert a is not None and a.text == "Title\nBody\n"
    assert a.id == make_article("Title\nBody\n", source="y.txt").id


def test_a_pipe_or_device_is_named_as_not_a_regular_file(tmp_path: Path) -> None:
    import os

    fifo = tmp_path / "feed.txt"
    os.mkfifo(fifo)
    files, problems = discover([fifo, tmp_path / "gone.txt"])
    assert files == []
    assert [str(p) for p in problems] == [
        f"{fifo}: not a regular file (a device, pipe or socket)",
        f"{tmp_path / 'gone.txt'}: no such file or folder",
    ]


def test_bidi_overrides_and_unicode_line_separators_do_not_reach_the_stored_text() -> None:
    article = make_article("Paid \u202e0001$\u202c in cash.\u2028Second line.\u2029Third.", source="x.txt")
    assert article is not None
    assert article.text == "Paid 0001$ in cash.\nSecond line.\nThird."
    assert article.controls_removed == 2


def test_json_published_must_be_iso_8601(tmp_path: Path) -> None:
    good = tmp_path / "good.jsonl"
    good.write_text(
        '{"text": "A.", "published": "2016-03-03"}\n{"text": "B.", "published": "2020-01-20T10:00:08+08:00"}\n'
        '{"text": "C.", "published": "2016"}\n{"text": "D.", "published": "yesterday"}\n',
        encoding="utf-8",
    )
    articles, skipped = read_articles(good)
    assert [a.published for a in articles] == ["2016-03-03", "2020-01-20T10:00:08+08:00", "2016"]
    assert [str(s) for s in skipped] == [
        f"{good}:4: published 'yesterday' is not an ISO 8601 date (2016-03-03, 2016-03-03T09:30:00+08:00)"
    ]
