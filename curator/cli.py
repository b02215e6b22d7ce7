"""The ``curator`` command: a thin click layer over store and pipeline.

Heavy modules (Textual, rapidfuzz, the extractors) are imported inside the
commands that need them, so ``curator --help``, ``status``, ``ingest`` and
``export`` start fast and never load the UI.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

import click

from curator.cli_context import PROFILE_HELP, Context, check_profile, fail, progress_bar, reviewer_name
from curator.errors import CuratorError
from curator.textsafety import json_safe, visible

DEFAULT_DB = "curator.db"


class UserError(click.ClickException):
    """A CuratorError on its way out: one line on stderr, exit status 1."""

    exit_code = 1

    def show(self, file: Any = None) -> None:
        click.echo(f"curator: {visible(self.message)}", err=True)


class Interrupted(UserError):
    """Ctrl-C: one line saying what is kept, exit status 130 (128 + SIGINT, as shells report it)."""

    exit_code = 130


INTERRUPTED = (
    "interrupted; everything committed before it is kept and nothing is half-written "
    "(run the same command again to go on)."
)


class CuratorGroup(click.Group):
    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except CuratorError as error:
            raise UserError(str(error)) from None
        except KeyboardInterrupt:
            raise Interrupted(INTERRUPTED) from None


@click.group(cls=CuratorGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--db",
    envvar="CURATOR_DB",
    default=DEFAULT_DB,
    show_default=True,
    type=click.Path(dir_okay=False),
    help="SQLite database file (also $CURATOR_DB).",
)
@click.version_option(package_name="curator")
@click.pass_context
def cli(ctx: click.Context, db: str) -> None:
    """Turn news coverage into a verified fact sheet.

    Ingest articles, extract the checkable claims in them, review each one
    (accept, edit, reject) alone or with colleagues on one database, and
    export what was verified with its evidence.
    """
    ctx.obj = Context(db)


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--urls", "url_file", type=click.Path(dir_okay=False), help="A file of http(s) URLs, one per line (# comments).")
@click.option("--encoding", help="Codec of files that are not UTF-8 (gb18030, big5, shift_jis, cp1252, ...).")
@click.pass_obj
def ingest(obj: Context, paths: tuple[str, ...], url_file: str | None, encoding: str | None) -> None:
    """Add articles from files, folders or http(s) URLs (.txt .md .html .json .jsonl).

    Web pages keep their main text (menus, related links, comments and
    footers dropped). Ingesting the same text again adds nothing. Files and
    pages that cannot be read are named with the reason and skipped; the
    exit status is 1 when any were.
    """
    from curator.ingest import DecodeError, known_codec
    from curator.ingest.fetch import read_url_list
    from curator.pipeline import ingest as run_ingest

    if not paths and not url_file:
        fail("give a file, folder or URL to ingest, or --urls FILE.")
    if encoding:
        try:
            known_codec(encoding)
        except DecodeError as error:
            fail(f"--encoding: {error}.")
    urls, problems = read_url_list(Path(url_file)) if url_file else ([], [])
    with obj.open(create=True) as store:
        report = run_ingest(store, [*paths, *urls], progress_bar("Ingesting"), encoding=encoding)
    report.skipped[:0] = problems
    for problem in report.skipped:
        click.echo(f"curator: skipped {visible(str(problem))}", err=True)
    click.echo(
        f"Ingested {len(report.added)} new article(s) into {obj.db}"
        f" ({report.duplicates} already there, {len(report.skipped)} skipped)."
    )
    if report.skipped:
        sys.exit(1)


@cli.command()
@click.option(
    "--rematch", "rematch_all", is_flag=True,
    help="Match every candidate again, not only new ones: after editing schema/facts.yaml.",
)
@click.option("--profile", type=click.Path(dir_okay=False), help=PROFILE_HELP)
@click.option("--ner", metavar="MODEL", help="Also take people and organisations from this spaCy pipeline (name or path; curator[ner]).")
@click.option(
    "--workers", type=click.IntRange(min=1), default=os.cpu_count() or 1, show_default="every core",
    help="Extract in this many processes (the result is the same for any number).",
)
@click.pass_obj
def extract(obj: Context, rematch_all: bool, profile: str | None, ner: str | None, workers: int) -> None:
    """Find candidate facts in articles not yet extracted, then match the new ones into claims across articles."""
    from curator.pipeline import extract as run_extract

    path = check_profile(profile)
    with obj.open() as store:
        report = run_extract(store, progress_bar("Extracting"), rematch_all=rematch_all, profile=path, ner=ner, workers=workers)
    for problem in report.failed:
        click.echo(f"curator: {problem}", err=True)
    click.echo(
        f"Extracted {report.candidates} candidate(s) from {report.articles - len(report.failed)} article(s);"
        f" {report.claims} claim(s), {report.conflicts} in conflict."
    )
    if report.failed:
        sys.exit(1)


@cli.command("import-candidates")
@click.argument("file", type=click.Path(dir_okay=False))
@click.pass_obj
def import_candidates(obj: Context, file: str) -> None:
    """Add candidates made elsewhere (JSONL or YAML), checked against schema/candidate.schema.json.

    Each invalid candidate is reported by line and reason; the valid ones
    are stored. Importing the same file twice adds nothing.
    """
    from curator.importer import import_candidates as run_import

    with obj.open() as store:
        report = run_import(store, Path(file))
    for problem in report.problems:
        click.echo(f"curator: {visible(str(problem))}", err=True)
    click.echo(f"Imported {report.added} candidate(s) ({report.duplicates} already there, {len(report.problems)} invalid).")
    if report.problems:
        sys.exit(1)


@cli.command()
@click.option("--reviewer", help="Your name in the decision log (else $CURATOR_REVIEWER, else your login).")
@click.option("--profile", type=click.Path(dir_okay=False), help=PROFILE_HELP)
@click.argument("paths", nargs=-1, type=click.Path())
@click.pass_obj
def review(obj: Context, reviewer: str | None, profile: str | None, paths: tuple[str, ...]) -> None:
    """Open the review screen; PATHs are ingested and extracted first. Exit status 1 when a decision was not saved."""
    from curator.store import write_refusal
    from curator.tui.app import run

    name = reviewer_name(reviewer)
    path = check_profile(profile)
    missing = [p for p in paths if not Path(p).exists()]
    if missing:
        fail(f"{', '.join(missing)}: no such file or folder; the review screen was not opened.")
    refusal = write_refusal(obj.db) if obj.db.exists() else None
    if refusal:
        fail(
            f"the review screen writes every decision and your place to {obj.db}, but {refusal};"
            " read it with `curator status` or `curator export` instead."
        )
    store = obj.open(create=bool(paths))
    store.close()
    if run(obj.db, name, [Path(p) for p in paths], profile=path):
        sys.exit(1)


@cli.command()
@click.argument("action", type=click.Choice(["accept", "reject", "edit", "skip"]))
@click.argument("ids", nargs=-1, required=True)
@click.option("--reviewer", help="Your name in the decision log (else $CURATOR_REVIEWER, else your login).")
@click.option("--value", help="Edited value (edit only).")
@click.option("--statement", help="Edited statement (edit only).")
@click.option("--subject", help="Edited subject (edit only).")
@click.option("--unit", help="Edited unit (edit only).")
@click.option("--qualifier", help="Edited qualifier (edit only).")
@click.option("--note", help="A note kept with the decision.")
@click.option("--reason", help="Why (reject only): one of reject_reasons in schema/facts.yaml, e.g. 'wrong value'.")
@click.option("--adjudicate", is_flag=True, help="Settle a dispute between reviewers with this decision.")
@click.pass_obj
def decide(
    obj: Context, action: str, ids: tuple[str, ...], reviewer: str | None, note: str | None, reason: str | None,
    adjudicate: bool, **fields: str | None,
) -> None:
    """Record ACTION on each candidate ID, one committed transaction per ID; unknown IDs are named (exit 1), the rest decided."""
    from curator.decisions import record_decisions

    name = reviewer_name(reviewer)
    edits = {k: v for k, v in fields.items() if v is not None}  # --value, --statement, --subject, --unit, --qualifier
    with obj.open() as store:
        outcome = record_decisions(store, action, list(ids), name, edits, note=note, reason=reason, adjudicate=adjudicate)
    for problem in outcome.problems:
        click.echo(f"curator: {visible(problem)}", err=True)
    click.echo(f"Recorded {len(outcome.decided)} decision(s) as {name}.")
    if outcome.problems:
        sys.exit(1)


@cli.command()
@click.option("--reviewer", help="Whose last decision to take back (else $CURATOR_REVIEWER, else your login).")
@click.pass_obj
def undo(obj: Context, reviewer: str | None) -> None:
    """Take back that reviewer's last live decision (a new row in the log; history is kept)."""
    from curator.decisions import undo_decision

    name = reviewer_name(reviewer)
    with obj.open() as store:
        undone = undo_decision(store, name)
    if undone is None:
        fail(f"{name} has no decision to undo in {obj.db}.")
    click.echo(f"Undid {name}'s {undone.action.value} of {undone.candidate_id} (decision {undone.id}).")


@cli.command()
@click.option(
    "--format", "fmt", type=click.Choice(["json", "csv", "md", "markdown"]), default="json", show_default=True,
    callback=lambda _ctx, _param, value: "md" if value == "markdown" else value, help="markdown is md.",
)
@click.option(
    "--status",
    "statuses",
    default="accepted,edited",
    show_default=True,
    help="Comma-separated: accepted, edited, rejected, skipped, pending, disputed; or all.",
)
@click.option("--kind", "kinds", help="Comma-separated fact kinds to keep (money, percent, ...).")
@click.option("--article", "articles", help="Comma-separated article ids or source file names to keep.")
@click.option("--corroboration", help="Comma-separated: corroborated, single-source, conflict, mention.")
@click.option("-o", "--output", help="File to write, or - for stdout (default: exports/factsheet-<db>.<format>).")
@click.option("--force", is_flag=True, help="Overwrite an existing output file.")
@click.option("--bom/--no-bom", default=True, show_default=True, help="CSV only: begin with the UTF-8 mark Excel needs.")
@click.pass_obj
def export(
    obj: Context,
    fmt: str,
    statuses: str,
    kinds: str | None,
    articles: str | None,
    corroboration: str | None,
    output: str | None,
    force: bool,
    bom: bool,
) -> None:
    """Write the fact sheet (JSON, CSV or Markdown) with its evidence, atomically."""
    from curator.export import ExportOptions, write_export

    options = ExportOptions.parse(
        fmt=fmt, statuses=statuses, kinds=kinds, articles=articles, corroboration=corroboration, bom=bom
    )
    target = output or str(Path("exports") / f"factsheet-{obj.db.stem}.{fmt}")
    with obj.open_to_read() as store:
        written = write_export(store, options, target, force=force, create_folder=output is None)
    if target != "-":
        click.echo(f"Wrote {written.facts} fact(s) with {written.evidence} evidence line(s) to {target}.", err=True)


@cli.command()
@click.argument("file", type=click.Path(dir_okay=True))
@click.option("--force", is_flag=True, help="Overwrite an existing file.")
@click.pass_obj
def backup(obj: Context, file: str, force: bool) -> None:
    """Copy the database to FILE safely while others review (SQLite's online backup API)."""
    with obj.open_to_read() as store:
        store.backup(Path(file), force=force)
    click.echo(f"Backed up {obj.db} to {file}.", err=True)


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output, with the per-article list.")
@click.option("--articles", "with_articles", is_flag=True, help="Also list each article with its progress.")
@click.pass_obj
def status(obj: Context, as_json: bool, with_articles: bool) -> None:
    """Counts, progress per reviewer, disputes and conflicts; --articles lists each article."""
    from curator.report import articles_text, status_report, status_text

    with obj.open_to_read() as store:
        report = status_report(store, articles=as_json or with_articles)
        store.check_unchanged()
    if as_json:
        click.echo(json_safe(json.dumps(report, ensure_ascii=False, indent=2)))
        return
    click.echo(status_text(report))
    if with_articles:
        click.echo(articles_text(report))


@cli.command("split-story")
@click.argument("first")
@click.argument("second")
@click.option("--reviewer", help="Your name, kept with the split (else $CURATOR_REVIEWER, else your login).")
@click.pass_obj
def split_story_command(obj: Context, first: str, second: str, reviewer: str | None) -> None:
    """Say that articles FIRST and SECOND (ids or file names) are not the same story.

    Each then counts as a source of its own; the claims' counts are matched again.
    """
    from curator.pipeline import split_story

    with obj.open() as store:
        moved = split_story(store, first, second, reviewer_name(reviewer))
    if not moved:
        click.echo("They were already separate stories; the split is recorded.")
    for article_id, story in moved.items():
        click.echo(f"{article_id} is now in story {story}.")


@cli.command()
@click.argument("words", nargs=-1, required=True)
@click.option("--limit", default=20, show_default=True, type=click.IntRange(min=1), help="At most this many articles.")
@click.pass_obj
def search(obj: Context, words: tuple[str, ...], limit: int) -> None:
    """Find articles by words in their title or text, best match first, each with a snippet.

    Words are found anywhere (also inside longer words and in Chinese);
    "an exact phrase", OR and NOT work as in SQLite's FTS5.
    """
    from curator.display import one_line

    with obj.open_to_read() as store:
        hits = store.search_articles(" ".join(words), limit)
        store.check_unchanged()
    for hit in hits:
        click.echo(f"{hit.article_id}  {one_line(hit.source)}  {one_line(hit.title)}\n    {one_line(hit.snippet)}")
    if not hits:
        click.echo("No article matches.", err=True)


def main() -> None:
    """Console entry point (``curator`` and ``python -m curator``)."""
    try:
        cli(prog_name="curator")
    except BrokenPipeError:
        sys.stderr.close()
        sys.exit(1)
