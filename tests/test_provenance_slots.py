"""Slots, predicates and units (curator.provenance.slots, .predicates, .units)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from curator.errors import CuratorError
from curator.provenance.predicates import Mention, Predicate, predicate_of, predicate_table
from curator.match.clustering import slots_agree
from curator.provenance.slots import SlotKey, name_key, slot_key
from curator.provenance.text import normalise
from curator.provenance.sources import Evidence, count_sources
from curator.provenance.units import canonical_unit, unit_table

EVENT = "AirAsia Flight QZ8501"


@dataclass(frozen=True)
class Found:
    """A candidate as slot_key reads it: the figure at ``text`` inside the sentence ``quote``."""

    kind: str
    unit: str | None
    quote: str
    text: str
    subject: str | None = None
    quote_start: int = 100

    @property
    def start(self) -> int:
        return self.quote_start + self.quote.index(self.text)

    @property
    def end(self) -> int:
        return self.start + len(self.text)


def _mentions(sentence: str, *names: str) -> list[Mention]:
    return [Mention(name, sentence.index(name), sentence.index(name) + len(name)) for name in names]


def test_162_people_on_board_in_reuters_and_cnn_is_one_slot() -> None:
    cnn = Found("quantity", "people", "Missing AirAsia Flight 8501 is carrying 162 people: 155 passengers, two pilots "
                "and five cabin crew members, the airline said in a statement.", "162 people")
    reuters = Found("quantity", "people", "Indonesian rescuers searching for an AirAsia plane carrying 162 people pulled "
                    "bodies and wreckage from the sea off the coast of Borneo on Tuesday.", "162 people")
    wire = Found("quantity", "people", "The aircraft was carrying 162 people, most of them Indonesians, including 16 "
                 "children and one infant.", "162 people")
    assert {slot_key(c, event=EVENT) for c in (cnn, reuters, wire)} == {
        SlotKey("quantity", "person", "airasia flight qz8501", "carry", "")}


def test_155_passengers_in_english_and_chinese_is_one_slot() -> None:
    cnn = Found("quantity", "passengers", "Missing AirAsia Flight 8501 is carrying 162 people: 155 passengers, two "
                "pilots and five cabin crew members, the airline said in a statement.", "155 passengers")
    zh = Found("quantity", "名乘客", "马来西亚亚洲航空公司一架搭载155名乘客的客机28日早晨从印度尼西亚飞往新加坡途中与空中交通控制塔台失去联系，"
               "下落不明。", "155名乘客")
    assert slot_key(cnn, event=EVENT) == slot_key(zh, event=EVENT)
    assert slot_key(zh, event=EVENT).unit == "passenger" and slot_key(zh, event=EVENT).predicate == "carry"


def test_paraphrases_of_one_deal_are_one_slot() -> None:
    buy = Found("money", "USD", "Verizon agreed to buy Yahoo for $4.8 billion, the companies said.", "$4.8 billion")
    sold = Found("money", "USD", "Yahoo was sold to Verizon in a deal worth $4.8 billion.", "$4.8 billion")
    zh = Found("money", "USD", "Verizon收购Yahoo，交易价值48亿美元。", "48亿美元")
    passive_zh = Found("money", "USD", "Yahoo被Verizon以48亿美元收购。", "48亿美元")
    expected = SlotKey("money", "USD", "verizon", "acquire", "yahoo")
    assert {slot_key(c) for c in (buy, sold, zh, passive_zh)} == {expected}
    claim = count_sources([Evidence("en1", "en1", "Reuters"), Evidence("en2", "en2", "CNN"), Evidence("zh", "zh", "Xinhua")])
    assert (claim.sources, claim.article_count, claim.corroborated) == (3, 3, True)


def test_chinese_names_resolved_by_the_callers_entities() -> None:
    sentence = "威瑞森收购雅虎，交易价值48亿美元。"
    aliases = {"威瑞森": "verizon", "雅虎": "yahoo"}
    key = slot_key(Found("money", "USD", sentence, "48亿美元"), entities=_mentions(sentence, "威瑞森", "雅虎"),
                   canonical=lambda name: aliases.get(name, name))
    assert key == SlotKey("money", "USD", "verizon", "acquire", "yahoo")


def test_facts_sharing_a_value_stay_apart() -> None:
    stake = Found("percent", "%", "SoftBank will hold a 10% stake in the venture.", "10%")
    growth = Found("percent", "%", "SoftBank's revenue grew 10% last year.", "10%")
    profit = Found("percent", "%", "SoftBank's profit grew 10% last year.", "10%", subject="SoftBank")
    assert slot_key(stake) == SlotKey("percent", "%", "softbank", "stake", "")
    assert slot_key(growth, event="SoftBank") == SlotKey("percent", "%", "softbank", "increase:revenue", "")
    assert slot_key(profit).predicate == "increase:profit"
    dead = Found("quantity", "people", "At least 40 people were killed in the crash.", "40 people")
    found = Found("quantity", "bodies", "Divers recovered 40 bodies from the sea.", "40 bodies")
    assert slot_key(dead, event=EVENT).predicate == "kill" and slot_key(found, event=EVENT).predicate == "recover"


@pytest.mark.parametrize(("sentence", "value", "kind", "predicate"), [
    ("Verizon agreed to buy Yahoo for $4.8 billion.", "$4.8 billion", "money", Predicate("acquire", None, "Verizon", "Yahoo")),
    ("Yahoo was acquired by Verizon for $4.8 billion.", "$4.8 billion", "money", Predicate("acquire", None, "Verizon", "Yahoo")),
    ("The acquisition of Yahoo by Verizon, valued at $4.8 billion, closed.", "$4.8 billion", "money",
     Predicate("acquire", None, "Verizon", "Yahoo")),
    ("Indonesia AirAsia is 49 percent owned by Malaysia-based budget carrier AirAsia.", "49 percent", "percent",
     Predicate("stake", None, "AirAsia", "Indonesia AirAsia")),
    ("Verizon is set to buy Yahoo for $4.8 billion.", "$4.8 billion", "money", Predicate("acquire", None, "Verizon", "Yahoo")),
    ("Verizon's $4.8 billion acquisition of Yahoo closed on Tuesday.", "$4.8 billion", "money",
     Predicate("acquire", None, "Verizon", "Yahoo")),
    ("SoftBank invested $2 billion in Sakura AI Nexus.", "$2 billion", "money",
     Predicate("fund", None, "SoftBank", "Sakura AI Nexus")),
    # a day or month between the company and the verb is no party to it
    ("Acme Robotics said on Monday it raised $5 million from investors.", "$5 million", "money",
     Predicate("raise", None, "Acme Robotics", None)),
    ("软银向该公司投资20亿美元。", "20亿美元", "money", Predicate("fund", None, None, None)),
    ("Five people were injured and 12 are missing.", "12", "quantity", Predicate("missing")),
    ("Five people were injured and 12 are missing.", "Five people", "quantity", Predicate("injure")),
    ("The airline said the weather was bad.", None, "quantity", Predicate(None)),
    ("The company employs 5,000 people and bought 3 ships.", "5,000 people", "quantity", Predicate("employ")),
    # a common word capitalised only because it opens the sentence is no stand-in agent
    ("Shareholders approved the $4.8 billion acquisition of Yahoo.", "$4.8 billion", "money",
     Predicate("acquire", None, None, "Yahoo")),
    ("Investors invested $2 billion in Globex.", "$2 billion", "money", Predicate("fund", None, None, "Globex")),
    ("Regulators cleared the $4.8 billion purchase of Yahoo.", "$4.8 billion", "money",
     Predicate("acquire", None, None, "Yahoo")),
    ("Verizon completed the $4.8 billion acquisition of Yahoo.", "$4.8 billion", "money",
     Predicate("acquire", None, "Verizon", "Yahoo")),
])
def test_predicate_of(sentence: str, value: str | None, kind: str, predicate: Predicate) -> None:
    span = (sentence.index(value), sentence.index(value) + len(value)) if value else None
    assert predicate_of(sentence, span, kind=kind) == predicate


@pytest.mark.parametrize(("unit", "canonical"), [
    ("passengers", "passenger"), ("乘客", "passenger"), ("名乘客", "passenger"), ("people", "person"), ("人", "person"),
    ("名", "person"), ("ships", "ship"), ("vessels", "ship"), ("艘", "ship"), ("aircraft", "aircraft"),
    ("架次", "aircraft"), ("架飞机", "aircraft"), ("Crew  Members", "crew member"), ("USD", "USD"), ("%", "%"),
    ("robots", "robot"), ("台机器人", "robot"), ("batteries", "battery"), ("boxes", "box"), ("data centers", "data center"),
    ("bus", "bus"), ("个国家", "country"), ("块屏幕", "块屏幕"), ("", None), (None, None),
])
def test_canonical_unit(unit: str | None, canonical: str | None) -> None:
    assert canonical_unit(unit) == canonical


@pytest.mark.parametrize(("loader", "yaml_text", "message"), [
    (unit_table, "units:\n  a: {names: [x]}\n  b: {names: [X]}", r"units\.b\.names repeats 'X', already a"),
    (unit_table, "units:\n  a: {classifiers: [x, 1]}", r"units\.a\.classifiers must be a list of strings"),
    (predicate_table, "predicates:\n  a: {en: [buy]}\n  b: {en: [Buy]}\nmeasures: {}", r"predicates\.b\.en repeats 'Buy'"),
    (predicate_table, "predicates:\n  a: {roles: [buyer]}\nmeasures: {}", r"predicates\.a\.roles may list only"),
    (predicate_table, "predicates: {}", r"measures must be a mapping"),
])
def test_a_malformed_table_is_refused_naming_file_and_key(tmp_path: Path, loader, yaml_text: str, message: str) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "table.yaml"
    path.write_text(yaml_text, encoding="utf-8")
    with pytest.raises(CuratorError, match=f"{path}: {message}"):
        loader(path)


@given(st.text(max_size=200), st.integers(0, 200), st.integers(0, 20), st.sampled_from(["money", "quantity", "percent"]))
def test_any_sentence_gives_a_slot(sentence: str, at: int, width: int, kind: str) -> None:
    candidate = Found(kind, sentence[:5] or None, sentence, sentence[at : at + width])
    key = slot_key(candidate)
    assert key.kind == kind and key.text.startswith(kind)
    assert canonical_unit(sentence) is None or isinstance(canonical_unit(sentence), str)


def test_a_company_with_or_without_its_legal_form_fills_one_slot() -> None:
    """"Acme Corp", "Acme" and "Acme公司" name one company; "US dollars" names a currency, not what was bought."""
    assert name_key(normalise("Acme Corp")) == name_key(normalise("Acme公司")) == name_key(normalise("Acme Holdings Ltd")) == "acme"
    assert name_key(normalise("China Mobile")) == "china mobile" and name_key(normalise("Group")) == "group"
    dollars = Found("money", "USD", "Acme Corp will invest six point seven billion US dollars ($6,700 million) in its"
                    " Ohio chip plant.", "$6,700 million")
    plain = Found("money", "USD", "Acme Corp will invest $6.7bn in a new chip plant in Ohio over five years.", "$6.7bn")
    assert slot_key(dollars).object != "us"
    assert slots_agree(slot_key(dollars), slot_key(plain))


@given(st.text(max_size=60))
def test_name_key_takes_any_name(name: str) -> None:
    key = name_key(normalise(name))
    assert key == name_key(key) or not key.strip()
