"""JSONL read as a stream: the size cap is per record, a record over it is named by line and skipped."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from curator.ingest import MAX_BYTES, Skipped
from curator.ingest.jsonl import stream_jsonl
from curator.pipeline import ingest


def test_many_small_records_over_the_cap_ingest_whole_and_one_oversized_is_named(store, tmp_path: Path) -> None:
    path = tmp_path / "export.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for n in range(12_000):
            out.write(json.dumps({"text": f"Report {n}: SoftBank and NEC committed $6.7 billion to the venture. " * 7}) + "\n")
            if n == 5_000:
                out.write(json.dumps({"text": "x" * MAX_BYTES}) + "\n")
    assert path.stat().st_size - MAX_BYTES > MAX_BYTES  # the small records alone pass the cap
    report = ingest(store, [path])
    assert len(report.added) == 12_000
    assert [str(s) for s in report.skipped] == [
        f"{path}:5002: record too large (over {MAX_BYTES:,} bytes; the limit applies to each record)"
    ]
    assert store.count_articles() == 12_000


def test_a_record_exactly_at_the_cap_lands(tmp_path: Path) -> None:
    line = json.dumps({"text": "a" * 20})
    path = tmp_path / "edge.jsonl"
    path.write_text(f"{line}\n{line}x\n", encoding="utf-8")
    first, second = stream_jsonl(path, len(line))
    assert not isinstance(first, Skipped) and first.text == "a" * 20
    assert isinstance(second, Skipped) and second.source == f"{path}:2" and "too large" in second.reason


def test_utf16_and_named_codec_and_bad_lines(tmp_path: Path) -> None:
    lines = [json.dumps({"text": "日本以国产AI模型推进计划。"}, ensure_ascii=False), json.dumps({"text": "Second."})]
    (tmp_path / "wide.jsonl").write_bytes("\n".join(lines).encode("utf-16"))
    assert [a.text for a in stream_jsonl(tmp_path / "wide.jsonl", MAX_BYTES)] == ["日本以国产AI模型推进计划。", "Second."]
    (tmp_path / "gbk.jsonl").write_bytes(("\n".join(lines) + "\n").encode("gb18030"))
    [bad, good] = stream_jsonl(tmp_path / "gbk.jsonl", MAX_BYTES)
    assert isinstance(bad, Skipped) and bad.source.endswith("gbk.jsonl:1") and bad.reason.startswith("not UTF-8 (byte 0x")
    assert good.text == "Second."
    assert [a.text for a in stream_jsonl(tmp_path / "gbk.jsonl", MAX_BYTES, "gb18030")][0] == "日本以国产AI模型推进计划。"
    (tmp_path / "blank.jsonl").write_text("\n  \n")
    assert [str(s) for s in stream_jsonl(tmp_path / "blank.jsonl", MAX_BYTES)] == [f"{tmp_path / 'blank.jsonl'}: empty (no records)"]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.text(alphabet=st.characters(codec="utf-8", exclude_characters="\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"),
                        max_size=40), min_size=1, max_size=12),
       st.integers(min_value=12, max_value=60))
def test_each_line_is_one_article_or_one_skip_by_its_own_size(tmp_path_factory, texts: list[str], cap: int) -> None:
    path = tmp_path_factory.mktemp("jsonl") / "p.jsonl"
    lines = [json.dumps({"text": t}, ensure_ascii=False) for t in texts]
    path.write_bytes(("\n".join(lines) + "\n").encode("utf-8"))
    items = list(stream_jsonl(path, cap))
    assert len(items) == len(lines)
    for number, (line, item) in enumerate(zip(lines, items, strict=True), start=1):
        if len(line.encode("utf-8")) > cap:
            assert isinstance(item, Skipped) and item.source == f"{path}:{number}" and "too large" in item.reason
        elif isinstance(item, Skipped):  # within the cap: only its content can keep it out (an empty text)
            assert item.source == f"{path}:{number}" and item.reason == "empty (no text)"
        else:
            assert item.source == f"p.jsonl:{number}"
