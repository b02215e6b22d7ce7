"""``curator status``: counts, per-reviewer progress, disputes, agreement, and (on request) per-article progress."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import asdict
from itertools import combinations
from typing import Any

from curator.display import one_line
from curator.store import Store


def cohen_kappa(pairs: list[tuple[str, str]]) -> float | None:
    """Cohen's kappa for two raters' labels on the same items; None when undefined (no items, or one label only).

    Cohen (1960), "A coefficient of agreement for nominal scales": kappa = (p_o - p_e) / (1 - p_e), where p_o
    is the share of items both raters labelled alike and p_e = sum over labels of (rater A's share of the label
    times rater B's share of it), the agreement expected by chance.
    """
    if not pairs:
        return None
    n = len(pairs)
    observed = sum(1 for a, b in pairs if a == b) / n
    left = Counter(a for a, _ in pairs)
    right = Counter(b for _, b in pairs)
    expected = sum(left[label] * right[label] for label in left) / (n * n)
    if expected == 1:
        return None
    return (observed - expected) / (1 - expected)


def agreement(opinions: list[tuple[str, str, str]]) -> list[dict[str, Any]]:
    """Kappa for each pair of reviewers over the candidates both decided: accept, edit or reject (a skip is no view).

    ``opinions`` are each reviewer's own views before adjudication (``Store.live_opinions``): a disagreement
    that was later adjudicated still counts as one.
    """
    by_reviewer: dict[str, dict[str, str]] = defaultdict(dict)
    for candidate, reviewer, action in opinions:
        if action != "skip":
            by_reviewer[reviewer][candidate] = action
    result = []
    for a, b in combinations(sorted(by_reviewer), 2):
        shared = sorted(set(by_reviewer[a]) & set(by_reviewer[b]))
        if not shared:
            continue
        pairs = [(by_reviewer[a][c], by_reviewer[b][c]) for c in shared]
        kappa = cohen_kappa(pairs)
        result.append(
            {
                "reviewers": [a, b],
                "both_decided": len(shared),
                "agreed": sum(1 for x, y in pairs if x == y),
                "kappa": None if kappa is None else round(kappa, 3),
            }
        )
    return result


STORY_LINES = 20
"""Story links the text status lists; the JSON has them all."""


def status_report(store: Store, articles: bool = False) -> dict[str, Any]:
    """The status counts, reviewers' agreement and articles by reader; with ``articles`` also ``article_list``.

    Without the per-article list its cost does not grow with the number of candidates: counts come from
    counters kept on write and indexes (``Store.summary``).
    """
    report = store.summary()
    report["agreement"] = agreement(store.live_opinions())
    report["readers"] = store.readers_summary()
    report["stories"] = store.story_count()
    report["story_links"] = [asdict(link) for link in store.story_links()]
    if articles:
        report["article_list"] = [asdict(a) for a in store.article_progress()]
    return report


def articles_text(report: dict[str, Any]) -> str:
    """The per-article list of ``status --articles``: one line per article, in ingest order."""
    lines = [
        f"  {a['id']}  {a['decided']}/{a['candidates']} decided  {a['reader']:<13} {one_line(a['source'])}: {one_line(a['title'])}"
        for a in report["article_list"]
    ]
    return "\n".join(["articles (id, candidates decided, reader, source: title):", *lines]) if lines else "articles: none."


def status_text(report: dict[str, Any]) -> str:
    by_status = report["by_status"]
    lines = [
        f"{one_line(report['database'])}: {report['articles']} article(s), {report['articles_extracted']} extracted;"
        f" {report['candidates']} candidate(s) in {report['claims']} claim(s); {report['decisions']} decision(s).",
        "  " + " · ".join(f"{name} {count}" for name, count in by_status.items())
        + f" · disputed {report['disputed']} · adjudicated {report['adjudicated']}",
        f"  conflicts: {report['conflicts']} claim(s) disagree with another source.",
    ]
    if report["story_links"]:
        lines.append(f"  stories: {report['stories']} among {report['articles']} article(s); near-duplicates count once"
                     " (split a wrong link with `curator split-story A B`):")
        links = report["story_links"]
        lines.extend(f"    {one_line(link['source'])} ({link['article_id']}): same story as"
                     f" {one_line(link['story_source'])} ({link['story_id']})" for link in links[:STORY_LINES])
        if len(links) > STORY_LINES:
            lines.append(f"    … and {len(links) - STORY_LINES} more (all in `curator status --json`)")
    readers = report["readers"]
    if readers:
        lines.append("  read by: " + " · ".join(f"{name} {count}" for name, count in sorted(readers.items())))
    if report["disputed"]:
        lines.append(
            f"  disputes: reviewers disagree on {report['disputed']} candidate(s); list them with"
            " `curator export --status disputed`\n            (or `f` in the review screen) and settle each with"
            " `curator decide ACTION ID --adjudicate`."
        )
    total = report["candidates"]
    if report["reviewers"]:
        lines.append("  reviewers:")
        for r in report["reviewers"]:
            share = f" ({100 * r['decided'] / total:.0f}%)" if total else ""
            lines.append(f"    {one_line(r['name'])}: {r['decided']} decided{share}, last at {r['last_decision_at']}")
    for pair in report["agreement"]:
        kappa = "n/a" if pair["kappa"] is None else f"{pair['kappa']:.2f}"
        lines.append(
            f"  agreement {one_line(pair['reviewers'][0])} / {one_line(pair['reviewers'][1])}: kappa {kappa}"
            f" on {pair['both_decided']} candidate(s) both decided ({pair['agreed']} agreed)."
        )
    return "\n".join(lines)
