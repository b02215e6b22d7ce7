"""A small hand-made review database (English, Chinese with emoji, a conflict) and test helpers.

The data is written through the store's own functions, so these tests do not
depend on the extractor or the matcher, whose output may still change.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import hashlib
from collections.abc import Awaitable, Callable, Coroutine
from typing import Any
from dataclasses import dataclass
from pathlib import Path

from textual.pilot import Pilot
from textual.worker import WorkerCancelled

from curator.models import Article, Candidate, Claim, Corroboration
from curator.store import Store, open_store

EN_TEXT = """Japan's $6.7B Physical AI Alliance: A Trillion-Parameter Revolution
SoftBank, Sony, Honda and NEC have joined forces to build a trillion-parameter AI model. Backed by $6.7 billion in government funding, the venture starts work in 2026-04.
Each of the four founders holds 10% of the company; SoftBank leads model development.
Analysts expect 29% of Japanese factories to use the model by 2030."""

ZH_TEXT = """日本以国产AI模型和一千万台机器人推进其计划 🤖
政府计划在未来五年内投资最高1万亿日元(约61亿美元)。💡该项目由“Noetra”联盟牵头,目标是在2040年前为18个工业领域的1000万台机器人提供支持。
软银、索尼和本田等行业巨头参与其中。"""

REPORT_TEXT = """Japan tech giants form AI unit
SoftBank, NEC, Sony Group and Honda Motor have set up a new company in Japan to build a homegrown AI foundation model.
The government may provide $6.7 billion in support over five years, reports said.
The joint venture is officially named 'Sakura AI Nexus'."""

EMPTY_TEXT = """Markets wrap: a quiet day
Nothing in this piece is a checkable claim about the venture."""


def _article(source: str, text: str, language: str, published: str | None = None, outlet: str | None = None) -> Article:
    digest = hashlib.sha256(text.encode()).hexdigest()
    return Article(
        id=digest[:16], sha256=digest, source=source, text=text, title=text.splitlines()[0],
        outlet=outlet, published=published, language=language,
    )


def _candidate(article: Article, kind: str, text: str, value: object, unit: str | None = None, *,
               subject: str | None = "the venture", statement: str = "", qualifier: str | None = None,
               claim: str | None = None) -> Candidate:
    start = article.text.index(text)
    line_start = article.text.rfind("\n", 0, start) + 1
    line_end = article.text.find("\n", start)
    quote = article.text[line_start : line_end if line_end >= 0 else len(article.text)]
    return Candidate(
        id=f"{article.id[:6]}-{kind}-{start}", article_id=article.id, kind=kind, text=text, start=start,
        end=start + len(text), quote=quote, quote_start=line_start, subject=subject,
        statement=statement or f"{subject}: {kind} {text}", value=value, unit=unit, qualifier=qualifier, claim_id=claim,
    )


@dataclass
class ReviewData:
    path: Path
    articles: list[Article]
    candidates: dict[str, list[Candidate]]

    def ids(self, index: int) -> list[str]:
        """Candidate ids of article ``index`` in screen order."""
        return [c.id for c in sorted(self.candidates[self.articles[index].id], key=lambda c: (c.start, c.end, c.kind))]


def build_review_db(path: Path) -> ReviewData:
    en = _article("000_alliance.txt", EN_TEXT, "en", "2026-04-13", "example.com")
    zh = _article("001_zh.txt", ZH_TEXT, "zh", "2026-04-13", "虎嗅")
    report = _article("002_report.txt", REPORT_TEXT, "en")
    empty = _article("003_empty.txt", EMPTY_TEXT, "en")
    c = {
        en.id: [
            _candidate(en, "money", "$6.7 billion", 6.7e9, "USD", statement="government funding for the venture", claim="cl-usd67"),
            _candidate(en, "date", "2026-04", "2026-04", statement="the venture starts work", claim="cl-start"),
            _candidate(en, "stake", "10%", "SoftBank", subject="the venture", statement="each founder holds 10%", claim="cl-stake"),
            _candidate(en, "entity", "SoftBank", "SoftBank", "organisation", subject=None, statement="SoftBank", claim="cl-softbank"),
            _candidate(en, "percent", "29%", 29, "%", statement="factories using the model by 2030", claim=None),
        ],
        zh.id: [
            _candidate(zh, "money", "最高1万亿日元", 1e12, "JPY", qualifier="up to", statement="government investment", claim="cl-jpy"),
            _candidate(zh, "money", "61亿美元", 6.1e9, "USD", statement="government funding for the venture", claim="cl-usd61"),
            _candidate(zh, "naming", "Noetra", "Noetra", statement="the venture is named Noetra", claim="cl-noetra"),
            _candidate(zh, "quantity", "1000万台机器人", 1e7, "robots", statement="robots supported by 2040", claim=None),
            _candidate(zh, "entity", "软银", "SoftBank", "organisation", subject=None, statement="SoftBank", claim="cl-softbank"),
        ],
        report.id: [
            _candidate(report, "entity", "SoftBank", "SoftBank", "organisation", subject=None, statement="SoftBank", claim="cl-softbank"),
            _candidate(report, "money", "$6.7 billion", 6.7e9, "USD", statement="government funding for the venture", claim="cl-usd67"),
            _candidate(report, "naming", "Sakura AI Nexus", "Sakura AI Nexus", statement="the venture is named Sakura AI Nexus", claim="cl-sakura"),
        ],
        empty.id: [],
    }
    everything = [x for xs in c.values() for x in xs]

    def members(claim_id: str) -> tuple[str, ...]:
        return tuple(x.id for x in everything if x.claim_id == claim_id)

    def claim(claim_id: str, kind: str, statement: str, value: object, unit: str | None, standing: Corroboration,
              conflicts: tuple[str, ...] = (), qualifier: str | None = None) -> Claim:
        ids = members(claim_id)
        sources = len({x.article_id for x in everything if x.id in ids})
        return Claim(claim_id, kind, "the venture", statement, value, unit, qualifier, standing, sources, ids, conflicts,
                     article_count=sources)

    claims = [
        claim("cl-usd67", "money", "government funding for the venture", 6.7e9, "USD", Corroboration.CONFLICT, ("cl-usd61",)),
        claim("cl-usd61", "money", "government funding for the venture", 6.1e9, "USD", Corroboration.CONFLICT, ("cl-usd67",)),
        claim("cl-jpy", "money", "government investment", 1e12, "JPY", Corroboration.SINGLE_SOURCE, qualifier="up to"),
        claim("cl-start", "date", "the venture starts work", "2026-04", None, Corroboration.SINGLE_SOURCE),
        claim("cl-stake", "stake", "each founder holds 10%", "SoftBank", None, Corroboration.SINGLE_SOURCE),
        claim("cl-softbank", "entity", "SoftBank", "SoftBank", "organisation", Corroboration.CORROBORATED),
        claim("cl-noetra", "naming", "the venture is named Noetra", "Noetra", None, Corroboration.CONFLICT, ("cl-sakura",)),
        claim("cl-sakura", "naming", "the venture is named Sakura AI Nexus", "Sakura AI Nexus", None, Corroboration.CONFLICT, ("cl-noetra",)),
    ]
    with open_store(path) as store:
        store.add_articles([en, zh, report, empty])
        for article_id, candidates in c.items():
            store.save_extraction(article_id, [Candidate(**{**x.__dict__, "claim_id": None}) for x in candidates])
        store.replace_claims(claims)
    return ReviewData(path, [en, zh, report, empty], c)


async def settle(pilot: Pilot) -> None:
    """Wait until every worker (but the change poll, which never stops) has answered and no step is queued."""
    app = pilot.app

    def working() -> bool:
        return any(w.group != "poll" and not w.is_finished for w in app.workers)

    for _ in range(400):
        with contextlib.suppress(WorkerCancelled):  # an exclusive reader replaced by a newer one
            await app.workers.wait_for_complete()
        await pilot.pause()
        main = getattr(app, "main_screen", lambda: None)()
        if not working() and (main is None or main.idle):
            await pilot.pause()
            if not working():
                return
    raise AssertionError("the review screen did not settle")


async def until(pilot: Pilot, happened: Callable[[], bool], what: str) -> None:
    """Wait, a frame at a time, for ``happened`` (a debounced search answering, say) rather than for a fixed time."""
    for _ in range(400):
        if happened():
            return
        await pilot.pause(0.01)
    raise AssertionError(f"waited in vain for {what}")


def open_db(path: Path) -> Store:
    return open_store(path, create=False)


RunBefore = Callable[[Pilot], Awaitable[None]]


def pilot_test(test: Callable[..., Coroutine[Any, Any, None]]) -> Callable[..., None]:
    """Run an async pilot test on its own event loop (the suite has no asyncio plugin; fixtures still apply)."""

    @functools.wraps(test)
    def run(*args: Any, **kwargs: Any) -> None:
        asyncio.run(test(*args, **kwargs))

    return run
