"""The fact sheet: JSON shape and schema, CSV and Markdown, status and value rules, filters, determinism.

The corpus is built by hand (articles, candidates, claims, decisions) so
these tests do not depend on the extractor or the matcher; the seed
end-to-end test is in test_export_seeds.py.
"""

from __future__ import annotations

import csv
import io
import itertools
import json
import os
import re
from pathlib import Path

import jsonschema
import pytest

from curator.errors import CuratorError
from curator.export import ExportOptions, write_export
from curator.export.csv_sheet import COLUMNS, FORMULA_STARTS
from curator.ingest import make_article
from curator.match import settle_moves
from curator.models import Action, Article, Candidate, Claim, Corroboration
from curator.schema import load_schema
from curator.store import Store, open_store

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).resolve().parent / "golden"
FACTSHEET_SCHEMA = json.loads((ROOT / "schema" / "factsheet.schema.json").read_text(encoding="utf-8"))
EPOCH = "1776000000"  # 2026-04-12T13:20:00Z

A1 = (
    "Japan's Physical AI Alliance\n"
    "SoftBank, NEC, Sony and Honda formed a venture to build physical AI. "
    "The government will provide up to ¥1 trillion ($6.7 billion) over five years. "
    "The venture is called Noetra.\n"
    "- Robots: 10 million AI-equipped robots by 2040.\n"
    "=HYPERLINK(\"http://evil.example\") is not a fact. Margins fell -5% last year.\n"
)
A2 = (
    "日本成立物理AI新公司\n"
    "软银、NEC、索尼和本田成立了新公司。日本政府将提供最高1万亿日元（约61亿美元）的资金。"
    "该公司名为Noetra。\n"
)
A3 = (
    "Japan backs a physical AI venture\n"
    "Japan will fund the venture with up to ¥1 trillion, about $6.1 billion. "
    "The venture is named Sakura AI Nexus, and SoftBank leads it.\n"
)


def _article(text: str, source: str, title: str, url: str | None, language: str, authors: tuple[str, ...] = ()) -> Article:
    article = make_article(
        text, source=source, title=title, url=url, outlet=None, published="2026-04-13", language=language, authors=authors
    )
    assert article is not None
    return article


ARTICLES = {
    "a1": _article(
        A1, "000_alliance.txt", "Japan's Physical AI Alliance", "https://example.com/alliance?a=1&b=(2)", "en",
        ("Ana Sato", "Ben Ito"),
    ),
    "a2": _article(A2, "001_zh.txt", "日本成立物理AI新公司", None, "zh"),
    "a3": _article(A3, "002_backs.txt", "Japan backs a physical AI venture", "javascript:alert(1)", "en"),
}


def _sentence(text: str, start: int) -> tuple[str, int]:
    """The sentence around ``start``: the quote and where it begins."""
    stops = [m.end() for m in re.finditer(r"\.(?=\s|$)|[。\n]", text)]
    begin = max((i for i in stops if i <= start), default=0)
    while text[begin] == " ":
        begin += 1
    end = min((i for i in stops if i > start), default=len(text))
    return text[begin:end].rstrip("\n"), begin


def cand(cid: str, art: str, needle: str, kind: str, value: object, unit: str | None = None,
         qualifier: str | None = None, subject: str | None = None, statement: str | None = None) -> Candidate:
    article = ARTICLES[art]
    start = article.text.index(needle)
    quote, quote_start = _sentence(article.text, start)
    return Candidate(
        id=cid, article_id=article.id, kind=kind, text=needle, start=start, end=start + len(needle),
        quote=quote, quote_start=quote_start, subject=subject, statement=statement or f"{subject or 'It'}: {needle}",
        value=value, unit=unit, qualifier=qualifier, attrs={"entity_type": unit} if kind == "entity" else {},
    )


CANDIDATES = [
    cand("a1-jpy", "a1", "up to ¥1 trillion", "money", 1e12, "JPY", "up to", "Japanese government",
         "The government will provide up to ¥1 trillion."),
    cand("a1-usd", "a1", "$6.7 billion", "money", 6.7e9, "USD", None, "Japanese government"),
    cand("a1-name", "a1", "Noetra", "naming", "Noetra", None, None, "the venture"),
    cand("a1-softbank", "a1", "SoftBank", "entity", "SoftBank", "organisation"),
    cand("a1-robots", "a1", "10 million AI-equipped robots", "quantity", 10_000_000, "robots", None,
         "- Robots", "- Robots: 10 million by 2040"),
    cand("a1-2040", "a1", "2040", "date", "2040", None, None, "robot target"),
    cand("a1-evil", "a1", "=HYPERLINK(\"http://evil.example\")", "entity", "=HYPERLINK(\"http://evil.example\")",
         "organisation", None, "@attacker", "\tinjected"),
    cand("a1-margin", "a1", "-5%", "percent", -5, "%", None, "margins"),
    cand("a2-jpy", "a2", "最高1万亿日元", "money", 1e12, "JPY", "up to", "日本政府", "日本政府将提供最高1万亿日元"),
    cand("a2-usd", "a2", "约61亿美元", "money", 6.1e9, "USD", "approximately", "日本政府"),
    cand("a2-name", "a2", "Noetra", "naming", "Noetra", None, None, "新公司"),
    cand("a2-softbank", "a2", "软银", "entity", "SoftBank", "organisation"),
    cand("a3-jpy", "a3", "up to ¥1 trillion", "money", 1e12, "JPY", "up to", "Japan"),
    cand("a3-usd", "a3", "about $6.1 billion", "money", 6.1e9, "USD", "approximately", "Japan"),
    cand("a3-name", "a3", "Sakura AI Nexus", "naming", "Sakura AI Nexus", None, None, "the venture"),
    cand("a3-softbank", "a3", "SoftBank", "entity", "SoftBank", "organisation"),
]


def claim(cid: str, kind: str, value: object, unit: str | None, members: tuple[str, ...], statement: str,
          corroboration: Corroboration, conflicts: tuple[str, ...] = (), subject: str | None = None,
          qualifier: str | None = None) -> Claim:
    sources = len({c.article_id for c in CANDIDATES if c.id in members})
    return Claim(cid, kind, subject, statement, value, unit, qualifier, corroboration, sources, members, conflicts,
                 article_count=sources)


CLAIMS = [
    claim("cl-jpy", "money", 1e12, "JPY", ("a1-jpy", "a2-jpy", "a3-jpy"), "The government provides up to ¥1 trillion.",
          Corroboration.CORROBORATED, subject="Japanese government", qualifier="up to"),
    claim("cl-usd67", "money", 6.7e9, "USD", ("a1-usd",), "The funding is worth $6.7 billion.",
          Corroboration.CONFLICT, ("cl-usd61",), subject="Japanese government"),
    claim("cl-usd61", "money", 6.1e9, "USD", ("a2-usd", "a3-usd"), "The funding is worth about $6.1 billion.",
          Corroboration.CONFLICT, ("cl-usd67",), subject="Japanese government", qualifier="approximately"),
    claim("cl-2040", "date", "2040", None, ("a1-2040",), "Robots are deployed by 2040.", Corroboration.SINGLE_SOURCE),
    claim("cl-softbank", "entity", "SoftBank", "organisation", ("a1-softbank", "a2-softbank", "a3-softbank"),
          "SoftBank takes part.", Corroboration.MENTION),
    claim("cl-noetra", "naming", "Noetra", None, ("a1-name", "a2-name"), "The venture is called Noetra.",
          Corroboration.CONFLICT, ("cl-sakura",), subject="the venture"),
    claim("cl-sakura", "naming", "Sakura AI Nexus", None, ("a3-name",), "The venture is called Sakura AI Nexus.",
          Corroboration.CONFLICT, ("cl-noetra",), subject="the venture"),
]


@pytest.fixture
def fixed_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    """Decision times and generated_at that are the same on every run, so exports can be compared to golden files."""
    ticks = itertools.count()
    monkeypatch.setattr("curator.store.connection.utcnow", lambda: f"2026-04-14T09:{next(ticks):02d}:00.000000Z")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)


def build(store: Store, decide: bool = True) -> Store:
    """The hand-made corpus: three articles, sixteen candidates, seven claims, and a few decisions.

    Decided through ``store.decide`` alone, so the edits are not filed yet (``Store.pending_moves``): each fact
    is its claim as stored, headed by what its claim says, never by one line's edit.
    """
    store.add_articles(list(ARTICLES.values()))
    for key, article in ARTICLES.items():
        store.save_extraction(article.id, [c for c in CANDIDATES if c.article_id == article.id])
    store.replace_claims(CLAIMS)
    if decide:
        store.decide("a1-jpy", "ana", Action.ACCEPT, note="matches the ministry release")
        store.decide("a2-jpy", "ben", Action.ACCEPT)
        store.decide("a3-usd", "ben", Action.EDIT, fields={"value": 6.2e9, "statement": "The funding is worth about $6.2 billion."})
        store.decide("a1-usd", "ana", Action.REJECT, fields={"reason": "wrong value"}, note="=1+1 converted at an old rate")
        store.decide("a3-name", "ana", Action.SKIP)
        store.decide("a1-name", "ana", Action.ACCEPT)
        store.decide("a1-name", "ben", Action.REJECT)
        store.decide("a1-evil", "ana", Action.ACCEPT, note="-checked")
        store.decide("a1-margin", "ana", Action.ACCEPT)
        store.decide("a2-softbank", "ana", Action.EDIT, fields={"value": "SoftBank Group"})
    return store


@pytest.fixture
def corpus(store: Store, fixed_clock: None) -> Store:
    return build(store)


def export(store: Store, tmp_path: Path, fmt: str = "json", statuses: str = "accepted,edited", **filters: str) -> str:
    target = tmp_path / f"out-{fmt}-{len(list(tmp_path.iterdir()))}.{fmt}"
    write_export(store, ExportOptions.parse(fmt=fmt, statuses=statuses, **filters), str(target))
    return target.read_bytes().decode("utf-8")


def export_json(store: Store, tmp_path: Path, statuses: str = "accepted,edited", **filters: str) -> dict:
    sheet = json.loads(export(store, tmp_path, "json", statuses, **filters))
    jsonschema.validate(sheet, FACTSHEET_SCHEMA, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    return sheet


def export_csv(store: Store, tmp_path: Path, statuses: str = "all", **filters: str) -> list[dict[str, str]]:
    text = export(store, tmp_path, "csv", statuses, **filters)
    assert text.startswith("\ufeff")  # the byte-order mark Excel needs to read UTF-8
    return list(csv.DictReader(io.StringIO(text[1:], newline="")))


def facts_by_id(sheet: dict) -> dict[str, dict]:
    return {f["id"]: f for f in sheet["facts"]}


# -- schema and shape -------------------------------------------------------


def test_the_schema_is_valid_json_schema_2020_12() -> None:
    assert FACTSHEET_SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(FACTSHEET_SCHEMA)


@pytest.mark.parametrize("statuses", ["accepted,edited", "all", "rejected", "disputed", "pending,skipped"])
def test_every_export_validates_against_the_schema(corpus: Store, tmp_path: Path, statuses: str) -> None:
    sheet = export_json(corpus, tmp_path, statuses)
    assert sheet["facts"], statuses


def test_schema_rejects_a_broken_sheet(corpus: Store, tmp_path: Path) -> None:
    sheet = export_json(corpus, tmp_path, "all")
    broken = json.loads(json.dumps(sheet))
    del broken["facts"][0]["evidence"][0]["selector"]["prefix"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, FACTSHEET_SCHEMA)
    broken = json.loads(json.dumps(sheet))
    broken["facts"][0]["corroboration"] = "likely"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, FACTSHEET_SCHEMA)
    broken = json.loads(json.dumps(sheet))
    money = next(f for f in broken["facts"] if f["kind"] == "money")
    money["value"] = "6.7 billion"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, FACTSHEET_SCHEMA)


def test_default_export_is_accepted_and_edited_facts_with_all_their_fields(corpus: Store, tmp_path: Path) -> None:
    sheet = export_json(corpus, tmp_path)
    assert sheet["database"] == "test.db"
    assert sheet["generated_at"] == "2026-04-12T13:20:00Z"
    assert sheet["filters"] == {"status": ["accepted", "edited"], "kind": None, "article": None, "corroboration": None}
    facts = facts_by_id(sheet)
    assert list(facts) == ["cl-jpy", "cl-usd61", "f-a1-margin", "cl-softbank", "f-a1-evil"]
    jpy = facts["cl-jpy"]
    assert (jpy["kind"], jpy["value"], jpy["unit"], jpy["qualifier"]) == ("money", 1e12, "JPY", "up to")
    assert (jpy["status"], jpy["corroboration"], jpy["sources"], jpy["conflicts_with"]) == ("accepted", "corroborated", 3, [])
    assert [e["candidate_id"] for e in jpy["evidence"]] == ["a1-jpy", "a2-jpy"]
    first = jpy["evidence"][0]
    a1 = ARTICLES["a1"]
    assert first["article_id"] == a1.id and first["article_sha256"] == a1.sha256 and first["source"] == "000_alliance.txt"
    assert a1.text[first["start"]:first["end"]] == first["text"] == "up to ¥1 trillion"
    assert first["quote"] == "The government will provide up to ¥1 trillion ($6.7 billion) over five years."
    assert (first["reviewer"], first["note"], first["decided_at"]) == ("ana", "matches the ministry release", "2026-04-14T09:04:00.000000Z")
    assert [a["id"] for a in sheet["articles"]] == [ARTICLES[k].id for k in ("a1", "a2", "a3")]
    assert sheet["articles"][0] == {
        "id": a1.id, "source": "000_alliance.txt", "title": "Japan's Physical AI Alliance",
        "url": "https://example.com/alliance?a=1&b=(2)", "outlet": "example.com",
        "authors": ["Ana Sato", "Ben Ito"], "published": "2026-04-13", "language": "en", "sha256": a1.sha256,
    }


def test_selectors_find_the_quote_again(corpus: Store, tmp_path: Path) -> None:
    sheet = export_json(corpus, tmp_path, "all")
    texts = {a.id: a.text for a in ARTICLES.values()}
    lines = [e for f in sheet["facts"] for e in f["evidence"]]
    assert len(lines) == len(CANDIDATES)
    for e in lines:
        text, sel = texts[e["article_id"]], e["selector"]
        assert sel["type"] == "TextQuoteSelector"
        assert sel["exact"] == e["text"] == text[e["start"]:e["end"]]
        assert text[e["start"] - len(sel["prefix"]):e["start"]] == sel["prefix"]
        assert text[e["end"]:e["end"] + len(sel["suffix"])] == sel["suffix"]
        assert len(sel["prefix"]) == min(32, e["start"]) and len(sel["suffix"]) == min(32, len(text) - e["end"])
        assert text.count(sel["prefix"] + sel["exact"] + sel["suffix"]) == 1


def test_chinese_text_round_trips_in_every_format(corpus: Store, tmp_path: Path) -> None:
    sheet = export_json(corpus, tmp_path, "all")
    zh = next(e for f in sheet["facts"] for e in f["evidence"] if e["candidate_id"] == "a2-jpy")
    assert zh["text"] == "最高1万亿日元" and zh["subject"] == "日本政府" and zh["title"] == "日本成立物理AI新公司"
    assert ARTICLES["a2"].text[zh["start"]:zh["end"]] == "最高1万亿日元"
    raw = export(corpus, tmp_path, "json", "all")
    assert "最高1万亿日元" in raw and "\\u" not in raw
    rows = {r["candidate_id"]: r for r in export_csv(corpus, tmp_path)}
    assert rows["a2-jpy"]["text"] == "最高1万亿日元" and rows["a2-jpy"]["quote"] == "日本政府将提供最高1万亿日元（约61亿美元）的资金。"
    assert "**最高1万亿日元**" in export(corpus, tmp_path, "md", "all")


# -- status and value rules -------------------------------------------------


def test_an_edited_line_keeps_its_original_evidence_under_its_claims_heading(corpus: Store, tmp_path: Path) -> None:
    facts = facts_by_id(export_json(corpus, tmp_path))
    usd = facts["cl-usd61"]
    assert (usd["status"], usd["edited"], usd["value"]) == ("edited", True, 6.1e9)
    assert usd["statement"] == "The funding is worth about $6.1 billion."
    assert (usd["unit"], usd["qualifier"], usd["subject"]) == ("USD", "approximately", "Japanese government")
    [line] = usd["evidence"]
    assert (line["candidate_id"], line["text"], line["value"], line["status"]) == ("a3-usd", "about $6.1 billion", 6.1e9, "edited")
    assert line["edited"] == {"statement": "The funding is worth about $6.2 billion.", "value": 6.2e9}
    assert line["reviewer"] == "ben"
    softbank = facts["cl-softbank"]
    assert softbank["value"] == "SoftBank" and softbank["status"] == "edited"


def test_filed_edits_are_facts_of_what_they_tell(corpus: Store, tmp_path: Path) -> None:
    settle_moves(corpus, load_schema())
    assert corpus.pending_moves() == {}
    facts = export_json(corpus, tmp_path, "all")["facts"]
    by_line = {e["candidate_id"]: f for f in facts for e in f["evidence"]}
    edited, kept = by_line["a3-usd"], by_line["a2-usd"]
    assert [e["candidate_id"] for e in edited["evidence"]] == ["a3-usd"]
    assert (edited["value"], edited["statement"], edited["sources"]) == (6.2e9, "The funding is worth about $6.2 billion.", 1)
    assert [e["candidate_id"] for e in kept["evidence"]] == ["a2-usd"]
    assert (kept["value"], kept["sources"], kept["article_count"]) == (6.1e9, 1, 1)
    group = by_line["a2-softbank"]
    assert [e["candidate_id"] for e in group["evidence"]] == ["a2-softbank"] and group["value"] == "SoftBank Group"
    softbank = by_line["a1-softbank"]
    assert [e["candidate_id"] for e in softbank["evidence"]] == ["a1-softbank", "a3-softbank"]
    assert (softbank["value"], softbank["sources"], softbank["corroboration"]) == ("SoftBank", 2, "mention")


def test_fact_status_is_the_strongest_of_its_evidence(corpus: Store, tmp_path: Path) -> None:
    facts = facts_by_id(export_json(corpus, tmp_path, "all"))
    assert facts["cl-jpy"]["status"] == "accepted"  # accepted, accepted, pending
    assert facts["cl-usd61"]["status"] == "edited"  # pending, edited
    assert facts["cl-usd67"]["status"] == "rejected"
    assert facts["cl-sakura"]["status"] == "skipped"
    assert facts["cl-2040"]["status"] == "pending"
    only_rejected = facts_by_id(export_json(corpus, tmp_path, "rejected"))
    assert list(only_rejected) == ["cl-usd67", "cl-noetra"]
    assert [e["status"] for e in only_rejected["cl-noetra"]["evidence"]] == ["rejected"]


def test_several_edited_lines_each_leave_the_claim(store: Store, fixed_clock: None, tmp_path: Path) -> None:
    build(store)
    store.decide("a1-jpy", "ana", Action.EDIT, fields={"value": 1.1e12})
    store.decide("a3-jpy", "ben", Action.EDIT, fields={"value": 1.2e12, "qualifier": None})
    jpy = facts_by_id(export_json(store, tmp_path))["cl-jpy"]
    assert (jpy["value"], jpy["qualifier"], jpy["status"]) == (1e12, "up to", "edited")  # not yet filed: as stored
    settle_moves(store, load_schema())
    facts = export_json(store, tmp_path, "all")["facts"]
    by_line = {e["candidate_id"]: f for f in facts for e in f["evidence"]}
    told = {cid: (by_line[cid]["value"], by_line[cid]["qualifier"], len(by_line[cid]["evidence"])) for cid in ("a1-jpy", "a2-jpy", "a3-jpy")}
    assert told == {"a1-jpy": (1.1e12, "up to", 1), "a2-jpy": (1e12, "up to", 1), "a3-jpy": (1.2e12, None, 1)}


def test_disputed_selects_candidates_reviewers_disagree_on(corpus: Store, tmp_path: Path) -> None:
    sheet = export_json(corpus, tmp_path, "disputed")
    assert sheet["filters"]["status"] == ["disputed"]
    [fact] = sheet["facts"]
    assert fact["id"] == "cl-noetra" and fact["disputed"] is True
    assert [(e["candidate_id"], e["disputed"], e["status"]) for e in fact["evidence"]] == [("a1-name", True, "rejected")]


def test_candidates_without_a_claim_are_facts_of_their_own(store: Store, fixed_clock: None, tmp_path: Path) -> None:
    build(store, decide=False)
    store.replace_claims([])
    sheet = export_json(store, tmp_path, "all")
    assert len(sheet["facts"]) == len(CANDIDATES)
    for fact in sheet["facts"]:
        [line] = fact["evidence"]
        assert fact["id"] == "f-" + line["candidate_id"]
        standing = "mention" if fact["kind"] == "entity" else "single-source"  # a name is never a source's claim
        assert (fact["corroboration"], fact["sources"], fact["conflicts_with"]) == (standing, 1, [])
        assert (fact["value"], fact["statement"], fact["status"]) == (line["value"], line["statement"], "pending")
    assert {f["corroboration"] for f in sheet["facts"]} == {"mention", "single-source"}
    mentions = export_json(store, tmp_path, "all", corroboration="mention")["facts"]
    assert mentions and {f["kind"] for f in mentions} == {"entity"}
    assert {store.corroboration_for_article(ARTICLES["a1"].id)[c][0] for c in ("a1-softbank", "a1-name")} == {"mention", "single-source"}


def test_conflicts_point_at_the_other_fact(corpus: Store, tmp_path: Path) -> None:
    facts = facts_by_id(export_json(corpus, tmp_path, "all"))
    assert facts["cl-usd67"]["conflicts_with"] == ["cl-usd61"] and facts["cl-usd61"]["conflicts_with"] == ["cl-usd67"]
    assert facts["cl-noetra"]["corroboration"] == "conflict"


def test_numbers_print_one_way(corpus: Store, tmp_path: Path) -> None:
    raw = export(corpus, tmp_path, "json", "all")
    assert '"value": 6700000000.0' in raw and '"value": 10000000.0' in raw and '"value": -5.0' in raw
    assert '"value": 1000000000000.0' in raw


# -- filters and ordering ---------------------------------------------------


def test_facts_follow_schema_kind_order_then_claims_then_loose_candidates(corpus: Store, tmp_path: Path) -> None:
    sheet = export_json(corpus, tmp_path, "all")
    assert [f["id"] for f in sheet["facts"]] == [
        "cl-jpy", "cl-usd67", "cl-usd61", "f-a1-margin", "f-a1-robots", "cl-2040",
        "cl-softbank", "f-a1-evil", "cl-noetra", "cl-sakura",
    ]
    usd61 = facts_by_id(sheet)["cl-usd61"]
    assert [e["candidate_id"] for e in usd61["evidence"]] == ["a2-usd", "a3-usd"]


def test_kind_article_and_corroboration_filters(corpus: Store, tmp_path: Path) -> None:
    money = export_json(corpus, tmp_path, "all", kinds="money, date")
    assert {f["kind"] for f in money["facts"]} == {"money", "date"}
    assert money["filters"]["kind"] == ["money", "date"]
    by_source = export_json(corpus, tmp_path, "all", articles="002_backs.txt")
    assert {e["source"] for f in by_source["facts"] for e in f["evidence"]} == {"002_backs.txt"}
    assert [a["source"] for a in by_source["articles"]] == ["002_backs.txt"]
    assert facts_by_id(by_source)["cl-jpy"]["sources"] == 3
    by_id = export_json(corpus, tmp_path, "all", articles=ARTICLES["a2"].id)
    assert {e["article_id"] for f in by_id["facts"] for e in f["evidence"]} == {ARTICLES["a2"].id}
    conflicts = export_json(corpus, tmp_path, "all", corroboration="conflict")
    assert [f["id"] for f in conflicts["facts"]] == ["cl-usd67", "cl-usd61", "cl-noetra", "cl-sakura"]
    single = export_json(corpus, tmp_path, "all", corroboration="single-source", kinds="entity")
    assert single["facts"] == []  # a name not matched into a claim is still a mention, never single-source
    mentions = export_json(corpus, tmp_path, "all", corroboration="mention", kinds="entity")
    assert "f-a1-evil" in [f["id"] for f in mentions["facts"]]


def test_empty_result_is_still_a_valid_sheet(corpus: Store, tmp_path: Path) -> None:
    sheet = export_json(corpus, tmp_path, "skipped", kinds="money")
    assert sheet["facts"] == [] and sheet["articles"] == []
    assert "No facts match these filters." in export(corpus, tmp_path, "md", "skipped", kinds="money")
    assert export(corpus, tmp_path, "csv", "skipped", kinds="money") == "\ufeff" + ",".join(COLUMNS) + "\r\n"


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"statuses": "accepted,approved"}, "unknown status 'approved'"),
        ({"statuses": " , "}, "--status needs at least one value"),
        ({"kinds": "money,rumour"}, "unknown fact kind 'rumour'"),
        ({"corroboration": "likely"}, "unknown corroboration 'likely'"),
        ({"fmt": "xml"}, "unknown export format 'xml'"),
    ],
)
def test_bad_filters_are_one_sentence(arguments: dict[str, str], message: str) -> None:
    with pytest.raises(CuratorError, match=message) as caught:
        ExportOptions.parse(**arguments)
    assert str(caught.value).endswith(".")


def test_unknown_article_is_named(corpus: Store, tmp_path: Path) -> None:
    with pytest.raises(CuratorError, match="has the id or source file name 'nope.txt'"):
        export(corpus, tmp_path, "json", "all", articles="001_zh.txt,nope.txt")
    assert not any(p.name.startswith("out-") for p in tmp_path.iterdir())


def test_status_all_is_case_insensitive_and_lists_every_status() -> None:
    options = ExportOptions.parse(statuses="ALL")
    assert options.described()["status"] == ["accepted", "edited", "rejected", "skipped", "pending"]
    assert options.store_filter(()).statuses is None


# -- CSV ----------------------------------------------------------------------


def test_csv_has_one_row_per_evidence_line_with_fact_columns(corpus: Store, tmp_path: Path) -> None:
    rows = export_csv(corpus, tmp_path)
    assert len(rows) == len(CANDIDATES)
    assert list(rows[0]) == list(COLUMNS)
    usd = [r for r in rows if r["fact_id"] == "cl-usd61"]
    assert [r["candidate_id"] for r in usd] == ["a2-usd", "a3-usd"]
    assert {(r["fact_value"], r["fact_status"], r["fact_edited"]) for r in usd} == {("6100000000.0", "edited", "true")}
    assert [r["value"] for r in usd] == ["6100000000.0", "6100000000.0"]
    assert usd[1]["edited"] == '{"statement": "The funding is worth about $6.2 billion.", "value": 6200000000.0}'
    assert rows[0]["conflicts_with"] == "" and usd[0]["conflicts_with"] == "cl-usd67"


def test_csv_cells_cannot_start_a_formula(corpus: Store, tmp_path: Path) -> None:
    rows = export_csv(corpus, tmp_path)
    numeric = {"fact_value", "value", "sources", "start", "end", "quote_start"}
    for row in rows:
        for column, cell in row.items():
            if cell.startswith(FORMULA_STARTS):
                assert column in numeric and float(cell) < 0, (column, cell)
    evil = next(r for r in rows if r["candidate_id"] == "a1-evil")
    assert evil["text"] == "'=HYPERLINK(\"http://evil.example\")" and evil["fact_value"] == evil["text"]
    assert evil["subject"] == "'@attacker" and evil["statement"] == "'\tinjected" and evil["note"] == "'-checked"
    assert evil["quote"].startswith("'=HYPERLINK")
    robots = next(r for r in rows if r["candidate_id"] == "a1-robots")
    assert robots["subject"] == "'- Robots" and robots["quote"].startswith("'- Robots:")
    rejected = next(r for r in rows if r["candidate_id"] == "a1-usd")
    assert rejected["note"] == "'=1+1 converted at an old rate"
    margin = next(r for r in rows if r["candidate_id"] == "a1-margin")
    assert (margin["value"], margin["fact_value"], margin["text"]) == ("-5.0", "-5.0", "'-5%")


def test_csv_reads_back_with_pandas_style_types(corpus: Store, tmp_path: Path) -> None:
    raw = export(corpus, tmp_path, "csv", "all")
    assert raw.startswith("\ufefffact_id,") and raw.count("\ufeff") == 1
    assert raw.count("\r\n") == len(CANDIDATES) + 1
    rows = list(csv.reader(io.StringIO(raw[1:], newline="")))
    assert {len(r) for r in rows} == {len(COLUMNS)}


def test_csv_without_bom_on_request(corpus: Store, tmp_path: Path) -> None:
    target = tmp_path / "plain.csv"
    write_export(corpus, ExportOptions.parse(fmt="csv", statuses="all", bom=False), str(target))
    with_bom = export(corpus, tmp_path, "csv", "all")
    assert target.read_bytes().decode("utf-8") == with_bom[1:]
    assert target.read_bytes().startswith(b"fact_id,")


def test_csv_has_values_as_people_read_them_beside_the_numbers(corpus: Store, tmp_path: Path) -> None:
    rows = {r["candidate_id"]: r for r in export_csv(corpus, tmp_path)}
    assert list(COLUMNS[-5:]) == ["fact_value_text", "value_text", "reason", "told_by", "also_carried_by"]
    jpy = rows["a1-jpy"]
    assert (jpy["value"], jpy["value_text"], jpy["fact_value_text"]) == ("1000000000000.0", "¥1 trillion", "¥1 trillion")
    assert rows["a3-usd"]["fact_value_text"] == "$6.1 billion"  # the claim's value: one line's edit never relabels it
    assert rows["a1-margin"]["value_text"] == "'-5%"  # a text cell starting with "-" is still neutralised


def _ranges(store: Store) -> Store:
    """Two articles stating 15% to 20% (one claim) and $24 to $28 (a candidate each), as ranges are stored: the
    low end as the value, both ends in ``attrs["range"]``."""
    text = "Prices\nShares of the venture rose 15% to 20% on Monday. Tickets cost $24 to $28 each.\n"
    articles = [_article(text, "r1.txt", "Prices", None, "en"), _article(text.replace("Monday", "Friday"), "r2.txt", "More", None, "en")]
    store.add_articles(articles)
    found = []
    for article in articles:
        for needle, kind, low, high, unit in (("15% to 20%", "percent", 15.0, 20.0, "%"), ("$24 to $28", "money", 24.0, 28.0, "USD")):
            start = article.text.index(needle)
            quote, quote_start = _sentence(article.text, start)
            found.append(Candidate(
                id=f"{article.source}-{kind}", article_id=article.id, kind=kind, text=needle, start=start,
                end=start + len(needle), quote=quote, quote_start=quote_start, subject="the venture",
                statement=f"the venture: {needle}", value=low, unit=unit, attrs={"range": [low, high]},
            ))
        store.save_extraction(article.id, [c for c in found if c.article_id == article.id])
    store.replace_claims([Claim("cl-pct", "percent", "the venture", "Shares rose 15% to 20%.", 15.0, "%", None,
                                Corroboration.CORROBORATED, 2, ("r1.txt-percent", "r2.txt-percent"), (), article_count=2)])
    return store


def test_csv_reads_a_range_with_both_ends(store: Store, fixed_clock: None, tmp_path: Path) -> None:
    """A range is stored as its low end with the high end in ``attrs``; its text columns state both ends."""
    rows = {r["candidate_id"]: r for r in export_csv(_ranges(store), tmp_path)}
    assert (rows["r1.txt-percent"]["value"], rows["r1.txt-percent"]["value_text"]) == ("15.0", "15% to 20%")
    assert rows["r2.txt-percent"]["fact_value_text"] == "15% to 20%"  # a claim's fact, from its members' range
    assert (rows["r1.txt-money"]["fact_value_text"], rows["r1.txt-money"]["value_text"]) == ("$24 to $28", "$24 to $28")


def test_json_and_markdown_give_a_range_both_ends(store: Store, fixed_clock: None, tmp_path: Path) -> None:
    """JSON keeps ``value`` (the low end) and adds ``value_range``; Markdown's value line states both ends."""
    facts = {f["id"]: f for f in export_json(_ranges(store), tmp_path, "all")["facts"]}
    assert (facts["cl-pct"]["value"], facts["cl-pct"]["value_range"]) == (15.0, [15.0, 20.0])
    money = next(f for f in facts.values() if f["kind"] == "money")
    assert money["value_range"] == [24.0, 28.0]
    text = export(store, tmp_path, "md", "all")
    assert "**15% to 20%** · subject: the venture" in text and "**24 to 28 USD** · subject: the venture" in text


def test_a_single_value_has_no_range_in_json(corpus: Store, tmp_path: Path) -> None:
    assert {f["value_range"] for f in export_json(corpus, tmp_path, "all")["facts"]} == {None}


def test_the_claim_panel_members_carry_their_range(store: Store) -> None:
    """The review store's claim members hold the high end a range states (the claim panel reads both ends)."""
    view = _ranges(store).claim_view("cl-pct")
    assert view is not None
    assert [(m.value, m.high) for m in view.members] == [(15.0, 20.0), (15.0, 20.0)]


def test_reject_reason_is_exported_in_json_and_csv(corpus: Store, tmp_path: Path) -> None:
    rows = {r["candidate_id"]: r for r in export_csv(corpus, tmp_path)}
    assert rows["a1-usd"]["reason"] == "wrong value"
    assert rows["a1-name"]["reason"] == "" and rows["a1-jpy"]["reason"] == ""
    lines = {e["candidate_id"]: e for f in export_json(corpus, tmp_path, "all")["facts"] for e in f["evidence"]}
    assert lines["a1-usd"]["reason"] == "wrong value" and lines["a1-jpy"]["reason"] is None


def test_a_reason_stays_with_its_reject_only(corpus: Store, tmp_path: Path) -> None:
    corpus.decide("a1-usd", "ben", Action.ACCEPT, adjudicate=True)
    rows = {r["candidate_id"]: r for r in export_csv(corpus, tmp_path)}
    assert (rows["a1-usd"]["status"], rows["a1-usd"]["reason"]) == ("accepted", "")


# -- Markdown -----------------------------------------------------------------


def test_markdown_groups_by_kind_with_marks_quotes_and_conflicts(corpus: Store, tmp_path: Path) -> None:
    text = export(corpus, tmp_path, "md", "all")
    headings = [line for line in text.splitlines() if line.startswith("## ")]
    assert headings == ["## Money", "## Percent", "## Quantity", "## Date", "## Entity", "## Name", "## Conflicts"]
    assert "### 1. The government provides up to ¥1 trillion." in text
    assert ("**up to 1 trillion JPY** · subject: Japanese government · ✔✔ corroborated · 3 independent sources, 3 articles"
            " · accepted · `cl-jpy`") in text
    assert (
        "1. “The government will provide **up to ¥1 trillion** ($6.7 billion) over five years.” — "
        "[Japan's Physical AI Alliance](https://example.com/alliance?a=1&b=%282%29) by Ana Sato, Ben Ito (000\\_alliance.txt), "
        "accepted by ana on 2026-04-14; note: matches the ministry release"
    ) in text
    assert "**approximately 6.1 billion USD** · subject: Japanese government · ⚠ conflict · 2 independent sources, 2 articles · edited" in text
    assert "— Japan backs a physical AI venture (002\\_backs.txt)" in text  # javascript: URL is not a link
    assert "- 6.7 billion USD (`cl-usd67`) vs approximately 6.1 billion USD (`cl-usd61`)" in text
    assert "- Noetra (`cl-noetra`) vs Sakura AI Nexus (`cl-sakura`)" in text
    assert "\\=HYPERLINK(" not in text and "=HYPERLINK(\"http://evil.example\")" in text
    assert "<" not in text.replace("\\<", "")


def test_markdown_names_conflicts_outside_the_sheet(corpus: Store, tmp_path: Path) -> None:
    text = export(corpus, tmp_path, "md", "accepted,edited", kinds="money")
    assert "- approximately 6.1 billion USD (`cl-usd61`) vs `cl-usd67` (not in this sheet)" in text


# -- determinism and golden files --------------------------------------------


@pytest.mark.parametrize("fmt", ["json", "csv", "md"])
def test_same_database_gives_the_same_bytes(corpus: Store, tmp_path: Path, fmt: str, monkeypatch: pytest.MonkeyPatch) -> None:
    first = export(corpus, tmp_path, fmt, "all")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(EPOCH) + 3600))
    second = export(corpus, tmp_path, fmt, "all")
    if fmt == "csv":
        assert first == second
    else:
        assert first.replace("13:20:00Z", "14:20:00Z") == second and first != second


@pytest.mark.parametrize("fmt", ["json", "csv", "md"])
def test_golden_files(corpus: Store, tmp_path: Path, fmt: str) -> None:
    """Byte-for-byte snapshots; regenerate with CURATOR_UPDATE_GOLDEN=1 and read the diff before committing."""
    produced = (tmp_path / "sheet").with_suffix(f".{fmt}")
    write_export(corpus, ExportOptions.parse(fmt=fmt, statuses="all"), str(produced))
    golden = GOLDEN / f"factsheet.{fmt}"
    if os.environ.get("CURATOR_UPDATE_GOLDEN"):
        golden.write_bytes(produced.read_bytes())
    assert produced.read_bytes() == golden.read_bytes()



def test_export_reads_a_read_only_database(corpus: Store, db_path: Path, tmp_path: Path) -> None:
    corpus.close()
    with open_store(db_path, readonly=True) as readonly:
        sheet = export_json(readonly, tmp_path)
    assert len(sheet["facts"]) == 5


def test_kinds_the_schema_does_not_know_come_last_by_name(store: Store, fixed_clock: None, tmp_path: Path) -> None:
    build(store, decide=False)
    store.add_candidates([
        cand("x-zeta", "a1", "Sony", "zeta-custom", "Sony"),
        cand("x-alpha", "a1", "Honda", "alpha-custom", "Honda"),
    ])
    kinds = [f["kind"] for f in export_json(store, tmp_path, "all")["facts"]]
    assert kinds[-3:] == ["naming", "alpha-custom", "zeta-custom"]
    assert "\n## alpha-custom\n" in export(store, tmp_path, "md", "all")


def test_odd_characters_round_trip_and_emoji_count_as_one_code_point(store: Store, fixed_clock: None, tmp_path: Path) -> None:
    text = "Robots 🤖🤖 everywhere.\nSony said \"10%\" \\ maybe\u2028next\x01line 🎌 really.\n"
    article = _article(text, "emoji.txt", "Emoji \"title\" <b>", None, "en")
    assert article.controls_removed == 1  # the \x01 is dropped at ingest: offsets count the stored text
    text = article.text
    start = text.index("10%")
    odd = "quote \" backslash \\ tab \t newline \n nul-ish \x01 emoji 🤖 sep \u2028 end"
    store.add_articles([article])
    store.save_extraction(article.id, [Candidate(
        id="odd", article_id=article.id, kind="percent", text="10%", start=start, end=start + 3,
        quote=text[text.index("Sony"):text.index("line") + 4], quote_start=text.index("Sony"), subject=odd,
        statement=odd, value=10.0, unit="%",
    )])
    store.decide("odd", "ana", Action.ACCEPT, note=odd)
    [fact] = export_json(store, tmp_path)["facts"]
    [line] = fact["evidence"]
    assert fact["statement"] == line["note"] == line["subject"] == odd
    assert line["selector"] == {"type": "TextQuoteSelector", "exact": "10%", "prefix": text[start - 32:start], "suffix": text[start + 3:start + 35]}
    assert "🤖🤖" in line["selector"]["prefix"]
    [row] = export_csv(store, tmp_path, "accepted")
    # CSV and Markdown show control characters as pictures, one for one (JSON escapes and keeps them).
    assert row["note"] == odd.replace("\x01", "␁") and row["prefix"] == text[start - 32:start]
    md = export(store, tmp_path, "md")
    assert "\\<b\\>" in md and "␁" in md and "\x01" not in md and "\n nul" not in md


def test_each_opinion_carries_its_reject_reason(corpus: Store, tmp_path: Path) -> None:
    corpus.decide("a1-name", "cy", Action.REJECT, fields={"reason": "not a fact"})
    lines = {e["candidate_id"]: e for f in export_json(corpus, tmp_path, "all")["facts"] for e in f["evidence"]}
    views = {o["reviewer"]: o for o in lines["a1-name"]["opinions"]}
    assert (views["cy"]["reason"], views["ben"]["reason"], views["ana"]["reason"]) == ("not a fact", None, None)
    assert "cy rejected as not a fact on 2026-04-14" in export(corpus, tmp_path, "md", "all")
