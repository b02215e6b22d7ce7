"""The database schema: its version, the migrations that reach it, and opening checks.

Each migration is one script (or a function, where SQL alone cannot do it) run inside one ``BEGIN IMMEDIATE`` transaction
with ``PRAGMA user_version`` raised in the same transaction, so a crash leaves
the file at a version it fully has. The decision log is append-only (triggers
abort UPDATE and DELETE); a candidate's current status lives in columns of
``candidates`` that are recomputed from the log with each decision.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from curator.errors import CuratorError
from curator.store.connection import SQLITE_NOTADB, Connection, error_code
from curator.store.respell import respell_outlets

SCHEMA_VERSION = 14

_MIGRATIONS: list[str | Callable[[sqlite3.Connection], None]] = [
    # 0 -> 1: the whole first schema.
    """
    CREATE TABLE articles (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        sha256 TEXT NOT NULL,
        source TEXT NOT NULL,
        title TEXT NOT NULL,
        url TEXT,
        outlet TEXT,
        published TEXT,
        language TEXT NOT NULL,
        text TEXT NOT NULL,
        ingested_at TEXT NOT NULL,
        extracted_at TEXT
    );
    CREATE INDEX articles_unextracted ON articles(seq) WHERE extracted_at IS NULL;

    CREATE TABLE candidates (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        article_id TEXT NOT NULL REFERENCES articles(id),
        kind TEXT NOT NULL,
        text TEXT NOT NULL,
        span_start INTEGER NOT NULL,
        span_end INTEGER NOT NULL,
        quote TEXT NOT NULL,
        quote_start INTEGER NOT NULL,
        subject TEXT,
        statement TEXT NOT NULL,
        value,
        unit TEXT,
        qualifier TEXT,
        extractor TEXT NOT NULL,
        attrs TEXT,
        claim_id TEXT,
        status TEXT NOT NULL DEFAULT 'pending',
        disputed INTEGER NOT NULL DEFAULT 0,
        decided_by TEXT,
        decided_at TEXT,
        decision_id INTEGER,
        edited TEXT,
        note TEXT,
        version INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX candidates_article ON candidates(article_id, span_start);
    CREATE INDEX candidates_claim ON candidates(claim_id);
    CREATE INDEX candidates_status ON candidates(status, seq);

    CREATE TABLE claims (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL,
        subject TEXT,
        statement TEXT NOT NULL,
        value,
        unit TEXT,
        qualifier TEXT,
        corroboration TEXT NOT NULL,
        sources INTEGER NOT NULL
    );
    CREATE TABLE claim_conflicts (
        claim_id TEXT NOT NULL,
        other_id TEXT NOT NULL,
        PRIMARY KEY (claim_id, other_id)
    ) WITHOUT ROWID;

    CREATE TABLE decisions (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        uid TEXT NOT NULL UNIQUE,
        candidate_id TEXT NOT NULL,
        reviewer TEXT NOT NULL,
        action TEXT NOT NULL CHECK (action IN ('accept', 'reject', 'edit', 'skip', 'undo')),
        fields TEXT,
        note TEXT,
        adjudicate INTEGER NOT NULL DEFAULT 0,
        undoes INTEGER REFERENCES decisions(id),
        decided_at TEXT NOT NULL
    );
    CREATE INDEX decisions_candidate ON decisions(candidate_id, id);
    CREATE INDEX decisions_reviewer ON decisions(reviewer, id);
    CREATE UNIQUE INDEX decisions_undone_once ON decisions(undoes) WHERE undoes IS NOT NULL;
    CREATE TRIGGER decisions_append_only_update BEFORE UPDATE ON decisions
        BEGIN SELECT RAISE(ABORT, 'decisions are append-only'); END;
    CREATE TRIGGER decisions_append_only_delete BEFORE DELETE ON decisions
        BEGIN SELECT RAISE(ABORT, 'decisions are append-only'); END;

    CREATE TABLE reviewers (
        name TEXT PRIMARY KEY,
        article_id TEXT,
        candidate_id TEXT,
        filters TEXT,
        updated_at TEXT
    ) WITHOUT ROWID;

    CREATE TABLE leases (
        candidate_id TEXT PRIMARY KEY,
        reviewer TEXT NOT NULL,
        expires_at REAL NOT NULL
    ) WITHOUT ROWID;
    CREATE INDEX leases_reviewer ON leases(reviewer);
    """,
    # 1 -> 2: where matching filed each claim (models.ClaimKey), so `curator extract` looks up only the claims
    # new candidates can join or contradict. Claims made before have none: the next extract matches all again.
    """
    ALTER TABLE claims ADD COLUMN block TEXT;
    ALTER TABLE claims ADD COLUMN slot TEXT;
    ALTER TABLE claims ADD COLUMN leader TEXT;
    CREATE INDEX IF NOT EXISTS claims_block ON claims(block);
    CREATE INDEX IF NOT EXISTS claims_slot ON claims(slot, value);
    CREATE INDEX IF NOT EXISTS candidates_converted ON candidates(claim_id) WHERE instr(attrs, '"equivalents"') > 0;
    """,
    # 2 -> 3: counters, for now the claims' generation: every write of claims adds one, so a match computed
    # from what it read is refused if another `curator extract` wrote claims meanwhile.
    """
    CREATE TABLE counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
    """,
    # 3 -> 4: views for what queries kept spelling out. Live decisions are those no undo took back (SQLite
    # flattens the view into each query, so every use keeps its index lookups).
    """
    CREATE VIEW live_decisions AS
        SELECT d.* FROM decisions d
        WHERE d.action != 'undo' AND NOT EXISTS (SELECT 1 FROM decisions u WHERE u.undoes = d.id);
    """,
    # 4 -> 5: full-text search over article titles and text (FTS5, external content: the index holds no second
    # copy of the text). The trigram tokenizer finds any substring of three characters or more, so Chinese,
    # written without spaces, is searchable too. Triggers keep it in step with every write of a title or text.
    """
    CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, text, content='articles', content_rowid='seq', tokenize='trigram'
    );
    INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');
    CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts (rowid, title, text) VALUES (new.seq, new.title, new.text);
    END;
    CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
    END;
    CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
        INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
        INSERT INTO articles_fts (rowid, title, text) VALUES (new.seq, new.title, new.text);
    END;
    """,
    # 5 -> 6: what ingest learnt of each article: its authors (a JSON array), the reader that made its text
    # (trafilatura, json-ld, visible-text, plain, json) and how many control characters were dropped from it.
    # Articles ingested before keep no authors, 'plain' as their reader and 0 controls.
    """
    ALTER TABLE articles ADD COLUMN authors TEXT NOT NULL DEFAULT '[]';
    ALTER TABLE articles ADD COLUMN reader TEXT NOT NULL DEFAULT 'plain';
    ALTER TABLE articles ADD COLUMN controls_removed INTEGER NOT NULL DEFAULT 0;
    """,
    # 6 -> 7: the corpus profile each article was ingested with (curator.schema.find_profile), read by extract.
    """
    ALTER TABLE articles ADD COLUMN profile TEXT;
    """,
    # 7 -> 8: provenance. Per article its canonical outlet (curator.provenance.outlets), MinHash signature and
    # shingle count (curator.provenance.stories.Fingerprint) and its story; the reviewers' story splits; the copy
    # fingerprints of its evidence sentences (syndication); per claim the articles stating it and their outlets
    # (JSON array). Articles ingested before are placed by the next ingest or extract. Claims lose their keys:
    # blocks now hold the canonical unit, so the next extract matches everything again and stamps the counts.
    """
    ALTER TABLE articles ADD COLUMN outlet_name TEXT;
    ALTER TABLE articles ADD COLUMN signature BLOB;
    ALTER TABLE articles ADD COLUMN shingles INTEGER;
    ALTER TABLE articles ADD COLUMN story_id TEXT;
    CREATE INDEX articles_story ON articles(story_id);
    CREATE INDEX articles_unplaced ON articles(seq) WHERE signature IS NULL;
    CREATE TABLE story_splits (
        article_id TEXT NOT NULL,
        other_id TEXT NOT NULL,
        split_by TEXT NOT NULL,
        split_at TEXT NOT NULL,
        PRIMARY KEY (article_id, other_id)
    ) WITHOUT ROWID;
    CREATE TABLE syndication (
        fingerprint TEXT NOT NULL,
        article_id TEXT NOT NULL,
        PRIMARY KEY (fingerprint, article_id)
    ) WITHOUT ROWID;
    CREATE INDEX syndication_article ON syndication(article_id);
    ALTER TABLE claims ADD COLUMN article_count INTEGER NOT NULL DEFAULT 1;
    ALTER TABLE claims ADD COLUMN outlets TEXT NOT NULL DEFAULT '[]';
    UPDATE claims SET block = NULL, slot = NULL, leader = NULL;
    """,
    # 8 -> 9: what `curator status` and the review header count, kept in step on write so that reading them costs
    # a few lookups on any size of database: candidates by status ('candidates:pending', ...), disputed and
    # adjudicated, in `counters`, maintained by triggers in the transaction of each write (so every writer,
    # however it writes, keeps them true); claims in conflict through a partial index, articles by reader through
    # an index (neither reads a row). Counted once here.
    """
    INSERT INTO counters (name, value) SELECT 'candidates:' || status, count(*) FROM candidates GROUP BY status;
    INSERT INTO counters (name, value) VALUES ('candidates:disputed', (SELECT count(*) FROM candidates WHERE disputed));
    INSERT INTO counters (name, value) VALUES ('candidates:adjudicated', (
        SELECT count(*) FROM candidates c JOIN decisions d ON d.id = c.decision_id WHERE d.adjudicate = 1
    ));
    CREATE TRIGGER candidates_counted_insert AFTER INSERT ON candidates BEGIN
        INSERT INTO counters (name, value) VALUES ('candidates:' || new.status, 1)
            ON CONFLICT(name) DO UPDATE SET value = value + 1;
    END;
    CREATE TRIGGER candidates_counted_insert_decided AFTER INSERT ON candidates
        WHEN new.disputed OR new.decision_id IS NOT NULL BEGIN
        UPDATE counters SET value = value + new.disputed WHERE name = 'candidates:disputed';
        UPDATE counters SET value = value + coalesce((SELECT adjudicate FROM decisions WHERE id = new.decision_id), 0)
            WHERE name = 'candidates:adjudicated';
    END;
    CREATE TRIGGER candidates_counted_update AFTER UPDATE OF status, disputed, decision_id ON candidates BEGIN
        UPDATE counters SET value = value - 1 WHERE name = 'candidates:' || old.status;
        INSERT INTO counters (name, value) VALUES ('candidates:' || new.status, 1)
            ON CONFLICT(name) DO UPDATE SET value = value + 1;
        UPDATE counters SET value = value + new.disputed - old.disputed WHERE name = 'candidates:disputed';
        UPDATE counters SET value = value
            + coalesce((SELECT adjudicate FROM decisions WHERE id = new.decision_id), 0)
            - coalesce((SELECT adjudicate FROM decisions WHERE id = old.decision_id), 0)
            WHERE name = 'candidates:adjudicated';
    END;
    CREATE TRIGGER candidates_counted_delete AFTER DELETE ON candidates BEGIN
        UPDATE counters SET value = value - 1 WHERE name = 'candidates:' || old.status;
        UPDATE counters SET value = value - old.disputed WHERE name = 'candidates:disputed';
        UPDATE counters SET value = value - coalesce((SELECT adjudicate FROM decisions WHERE id = old.decision_id), 0)
            WHERE name = 'candidates:adjudicated';
    END;
    CREATE INDEX claims_conflict ON claims(seq) WHERE corroboration = 'conflict';
    CREATE INDEX articles_reader ON articles(reader);
    """,
    # 9 -> 10: each reviewer's theme, so the screen looks the same for them in any terminal.
    """
    ALTER TABLE reviewers ADD COLUMN theme TEXT;
    """,
    # 10 -> 11: a bare name is a mention, never corroborated (``Corroboration.MENTION``; ``entity`` is the kind
    # schema/facts.yaml gives a name without a predicate); matching stamps new claims so. Per claim the original
    # teller of each independent source and the outlets that only carried copy (JSON arrays; NULL until matched
    # again, when the export names the claim's outlets as before).
    """
    UPDATE claims SET corroboration = 'mention' WHERE kind = 'entity' AND corroboration <> 'conflict';
    ALTER TABLE claims ADD COLUMN tellers TEXT;
    ALTER TABLE claims ADD COLUMN carriers TEXT;
    """,
    # 11 -> 12: candidates whose edit in force changed since they were matched, each with the candidate's
    # version then (``mark``) and the edit it was matched with (``filed``, NULL: none): matching files them
    # again by what they now tell (``curator.match.pending``). It is written in the decision's transaction, so
    # no edit is ever shown under a claim it left, even after a crash. Edits from before were matched by
    # their extracted values: every edited candidate starts pending.
    """
    CREATE TABLE match_pending (
        candidate_id TEXT PRIMARY KEY,
        mark INTEGER NOT NULL,
        filed TEXT
    );
    INSERT INTO match_pending (candidate_id, mark)
        SELECT id, version FROM candidates WHERE edited IS NOT NULL AND claim_id IS NOT NULL;
    """,
    # 12 -> 13: outlet names stored case-folded before schema 11 (``example daily``), in articles and claims,
    # spelled as the outlet writes itself (``curator.store.respell``): in Python, as the spelling is found in text.
    respell_outlets,
    # 13 -> 14: a range claim's other end (``ClaimKey.high``), so a close value beyond a range's high end finds the
    # claim it contradicts ("13%" against "10% to 12%"). Range claims made before lose their key: the next extract
    # matches all again and fills it.
    """
    ALTER TABLE claims ADD COLUMN high REAL;
    CREATE INDEX claims_slot_high ON claims(slot, high) WHERE high IS NOT NULL;
    UPDATE claims SET block = NULL, slot = NULL, leader = NULL
        WHERE leader IN (SELECT id FROM candidates WHERE instr(attrs, '"range"') > 0);
    """,
]
assert len(_MIGRATIONS) == SCHEMA_VERSION


_FIRST_TABLES = ("articles", "candidates", "decisions")
"""Tables every curator database has had since schema version 1: a file with a version but without them is foreign."""


def prepare(store: Connection) -> None:
    """Check a freshly opened database is curator's and current, migrating it when it is older.

    Raises ``CuratorError`` (one sentence) for a file that is not SQLite, an
    SQLite file that is not curator's, one from a newer curator, or a
    read-only one that needs migrating; none of these is written to.
    """
    conn, path = store._conn, store.path
    try:
        # One statement, one snapshot: read apart, a migration committed in between
        # by another process would show as "version 0 with tables", a foreign file.
        version, tables, ours = conn.execute(
            "SELECT (SELECT user_version FROM pragma_user_version),"
            " (SELECT count(*) FROM sqlite_master WHERE type = 'table'),"
            f" (SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ({', '.join('?' * len(_FIRST_TABLES))}))",
            _FIRST_TABLES,
        ).fetchone()
    except sqlite3.Error as error:
        if error_code(error) == SQLITE_NOTADB:
            raise CuratorError(f"{path} is not a curator database: it is not an SQLite file.") from None
        raise store._fail(error) from None
    has_tables = tables > 0
    if version > SCHEMA_VERSION:
        raise CuratorError(
            f"{path} was written by a newer curator (schema version {version}; this one knows up to "
            f"{SCHEMA_VERSION}); upgrade curator to open it. The file was not changed."
        )
    if (version == 0 and has_tables) or (version > 0 and ours < len(_FIRST_TABLES)):
        # Refused before anything is written: switching to WAL would already change another program's file.
        raise CuratorError(f"{path} is an SQLite database but not a curator one; choose another file.")
    if store.readonly:
        if version < SCHEMA_VERSION:
            raise CuratorError(
                f"{path} needs upgrading to schema version {SCHEMA_VERSION}, but you cannot write it; ask someone who"
                " can to run `curator status` once, which upgrades it."
            )
        return
    try:
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
    except sqlite3.Error as error:
        raise store._fail(error) from None
    if version < SCHEMA_VERSION:
        store._write(lambda: _migrate(conn))


def _migrate(conn: sqlite3.Connection) -> None:
    """Apply pending steps inside the caller's BEGIN IMMEDIATE, re-reading the version under the lock."""
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    if version > SCHEMA_VERSION:
        raise CuratorError(f"the database was upgraded to schema version {version} by a newer curator meanwhile.")
    for step in range(version, SCHEMA_VERSION):
        migration = _MIGRATIONS[step]
        if callable(migration):
            migration(conn)
        else:
            for statement in _split_sql(migration):
                conn.execute(statement)
        conn.execute(f"PRAGMA user_version = {step + 1}")


def _split_sql(script: str) -> list[str]:
    """Statements of a migration script (``executescript`` would commit our transaction)."""
    statements, current = [], ""
    for line in script.splitlines(keepends=True):
        current += line
        if sqlite3.complete_statement(current):
            statements.append(current.strip())
            current = ""
    return [s for s in statements if s]
