"""Extract one hand-written text and list what came out of one kind."""

from __future__ import annotations

from curator.extract import extract_article
from curator.ingest import make_article
from curator.models import Candidate
from curator.schema import load_schema


def facts(text: str, published: str | None = None) -> list[Candidate]:
    article = make_article(text, source="t.txt", published=published)
    assert article is not None
    return extract_article(article, load_schema())


def found(text: str, kind: str, published: str | None = None) -> list[tuple[str, object, str | None, str | None]]:
    """(text as written, value, unit, qualifier) of each candidate of ``kind``, in article order."""
    return [(c.text, c.value, c.unit, c.qualifier) for c in facts(text, published) if c.kind == kind]
