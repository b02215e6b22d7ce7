"""``curator import-candidates``: candidates made elsewhere, checked as strictly as our own.

Each record is validated against ``schema/candidate.schema.json`` and then
against the data: the article exists, the offsets lie inside it, ``text`` is
exactly the article text at those offsets, the kind is in facts.yaml and the
value has that kind's type. Invalid records are reported by line number and
reason; the valid ones are stored in one transaction. The candidate id comes
from the article, kind and span, so importing a file twice adds nothing.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from curator import safejson
from curator.errors import CuratorError
from curator.extract.base import candidate_id
from curator.extract.sentences import split_sentences
from curator.models import Article, Candidate
from curator.provenance.placing import copy_rows
from curator.schema import SCHEMA_DIR, Schema, load_schema, parse_value
from curator.store import Store


@dataclass
class ImportReport:
    added: int = 0
    duplicates: int = 0
    problems: list[str] = field(default_factory=list)


def read_records(path: Path) -> list[tuple[int, Any]]:
    """(line number, record) pairs from a JSONL file, or from a YAML list (numbered by position)."""
    try:
        text = path.read_text(encoding="utf-8-sig")  # a leading byte-order mark is dropped, as ingest does
    except FileNotFoundError:
        raise CuratorError(f"{path} does not exist.") from None
    except UnicodeDecodeError as error:
        raise CuratorError(f"{path} is not UTF-8 (byte 0x{error.object[error.start]:02x} at offset {error.start}).") from None
    except OSError as error:
        raise CuratorError(f"{path} cannot be read ({error.strerror}).") from None
    if path.suffix.lower() in {".yaml", ".yml"}:
        try:
            data = yaml.safe_load(text)
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            raise CuratorError(f"{path} is not valid YAML{f' at line {mark.line + 1}' if mark else ''}.") from None
        except RecursionError:
            raise CuratorError(f"{path} is nested too deeply to be a list of candidates.") from None
        if not isinstance(data, list):
            raise CuratorError(f"{path} must hold a YAML list of candidates.")
        return [(number, record) for number, record in enumerate(data, start=1)]
    records = []
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            try:
                records.append((number, safejson.loads(line, one_line=True)))
            except safejson.BadJSON as error:
                records.append((number, _Broken(str(error))))
    return records


@dataclass
class _Broken:
    reason: str


def _validator() -> jsonschema.protocols.Validator:
    schema = json.loads((SCHEMA_DIR / "candidate.schema.json").read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema)


def check_record(record: Any, article: Article | None, schema: Schema, validator: jsonschema.protocols.Validator) -> Candidate | str:
    """A Candidate, or the reason (one sentence fragment) the record is refused."""
    if isinstance(record, _Broken):
        return record.reason
    errors = sorted(validator.iter_errors(record), key=lambda e: list(e.path))
    if errors:
        error = errors[0]
        where = ".".join(str(p) for p in error.path)
        return f"{where + ': ' if where else ''}{error.message}"
    if any(0xD800 <= ord(ch) <= 0xDFFF for value in record.values() if isinstance(value, str) for ch in value):
        return "holds a lone surrogate, which is not valid Unicode"
    if article is None:
        return f"no article with id or source {record['article_id']!r}"
    kind = schema.kinds.get(record["kind"])
    if kind is None:
        return f"kind {record['kind']!r} is not defined in {schema.path.name}"
    start, end, length = record["start"], record["end"], len(article.text)
    if end <= start:
        return f"end {end} is not after start {start}"
    if end > length:
        return f"offset {end} is past the end of article {article.id} ({length} characters)"
    if article.text[start:end] != record["text"]:
        return f"text {record['text']!r} does not match the article at {start}-{end} ({article.text[start:end]!r})"
    value, error = parse_value(kind, record["value"])
    if error:
        return f"value: {error}"
    if kind.value == "number" and isinstance(record["value"], str):
        return "value must be a number for " + kind.name
    sentence = next((s for s in split_sentences(article.text) if s.start <= start < s.end), None)
    quote, quote_start = (sentence.text, sentence.start) if sentence else (record["text"], start)
    if "quote" in record:
        at = article.text.find(record["quote"], max(0, end - len(record["quote"])))
        if at < 0 or not (at <= start and end <= at + len(record["quote"])):
            return "quote does not surround the text in the article"
        quote, quote_start = record["quote"], at
    unit = record.get("unit")
    return Candidate(
        id=candidate_id(article.id, kind.name, start, end),
        article_id=article.id,
        kind=kind.name,
        text=record["text"],
        start=start,
        end=end,
        quote=quote,
        quote_start=quote_start,
        subject=record.get("subject"),
        statement=record.get("statement") or f"{record.get('subject') or kind.label}: {record['text']}",
        value=value,
        unit=unit,
        qualifier=record.get("qualifier"),
        extractor=record["extractor"],
        attrs=record.get("attrs") or {},
    )


def import_candidates(store: Store, path: Path) -> ImportReport:
    schema = load_schema()
    validator = _validator()
    report = ImportReport()
    articles: dict[str, Article | None] = {}
    valid: list[Candidate] = []
    for number, record in read_records(path):
        key = record.get("article_id") if isinstance(record, dict) and isinstance(record.get("article_id"), str) else None
        if key is not None and key not in articles:
            articles[key] = store.article(key) or store.article_by_source(key)
        result = check_record(record, articles.get(key) if key else None, schema, validator)
        if isinstance(result, str):
            report.problems.append(f"{path}:{number}: {result}.")
        else:
            valid.append(result)
    unique = list({c.id: c for c in valid}.values())
    copies = [row for c in unique for row in copy_rows(c.article_id, [c.quote])]
    added = store.add_candidates(unique, copies) if unique else 0
    report.added = added
    report.duplicates = len(valid) - added
    if added:
        from curator.match import rematch

        rematch(store, schema)
    return report
