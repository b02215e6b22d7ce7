"""facts.yaml: a malformed file is refused with one sentence naming the file and the key; edits are validated."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from curator.errors import CuratorError
from curator.extract.lexicon import build_lexicon
from curator.schema import SCHEMA_DIR, load_schema, parse_schema


def broken(tmp_path: Path, change) -> Path:
    data = yaml.safe_load((SCHEMA_DIR / "facts.yaml").read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / "facts.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["kinds"]["money"].update(value="amount"), "kinds.money.value must be one of date, number, text"),
        (lambda d: d["kinds"]["percent"].update(unit=5), "kinds.percent.unit must be"),
        (lambda d: d.update(currencies={"USD": "$"}), "currencies.USD must be a list of strings"),
        (lambda d: d["match"].update(threshold=150), "match.threshold must be between 0 and 100"),
        (lambda d: d["match"].update(speed=3), "match has a bad setting"),
    ],
)
def test_bad_schema_names_file_and_key(tmp_path: Path, change, message: str) -> None:
    path = broken(tmp_path, change)
    with pytest.raises(CuratorError) as error:
        load_schema(path)
    assert str(error.value).startswith(f"{path}: ")
    assert message in str(error.value)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["entities"]["SoftBank"].update(type="company"), "entities.SoftBank.type must be one of"),
        (lambda d: d["magnitudes"]["en"].update(billion="lots"), "magnitudes.en.billion must be a number"),
        (lambda d: d["months"].update({13: ["Smarch"]}), "months.13 must be a month number"),
        (lambda d: d["nouns"].update(robots="robots"), "nouns.robots must be a list of non-empty strings"),
        (lambda d: d["entities"]["SoftBank"]["aliases"].append("x" * 800), "entities.SoftBank.aliases has an entry of 800 characters"),
        (lambda d: d["entities"].update({"y" * 800: {"type": "person"}}), "entities.yyy"),
    ],
)
def test_bad_lexicon_names_file_and_key(tmp_path: Path, change, message: str) -> None:
    path = broken(tmp_path, change)
    schema = parse_schema(path, yaml.safe_load(path.read_text(encoding="utf-8")))
    with pytest.raises(CuratorError, match=message):
        build_lexicon(schema)


def test_invalid_yaml_is_one_sentence(tmp_path: Path) -> None:
    path = tmp_path / "facts.yaml"
    path.write_text("kinds: [unclosed\n", encoding="utf-8")
    with pytest.raises(CuratorError, match=r"is not valid YAML at line \d"):
        load_schema(path)


def test_alias_added_in_yaml_is_found(tmp_path: Path) -> None:
    from curator.extract import extract_article
    from curator.ingest import make_article

    path = broken(tmp_path, lambda d: d["entities"].update({"Acme Robotics": {"type": "organisation", "aliases": ["艾克米"]}}))
    article = make_article("艾克米 and Acme Robotics raised $5 million.", source="x.txt")
    found = {c.value for c in extract_article(article, load_schema(path)) if c.kind == "entity"}
    assert found == {"Acme Robotics"}


def test_edit_validation_by_kind() -> None:
    schema = load_schema()
    assert schema.validate_fields("money", {"value": "6.7 billion", "unit": "usd"}) == ({"value": 6.7e9, "unit": "USD"}, {})
    _, errors = schema.validate_fields("money", {"value": "lots", "unit": "XYZ"})
    assert set(errors) == {"value", "unit"}
    assert schema.validate_fields("date", {"value": "2026-13"})[1]["value"].startswith("'2026-13' is not an ISO 8601 date")
    assert schema.validate_fields("percent", {"qualifier": "about"})[0] == {"qualifier": "approximately"}
    assert "statement" in schema.validate_fields("entity", {"statement": "  "})[1]
