"""SQLite FTS5: porter-stemmed title and body, bm25 ranking, dates and kinds in a side table."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from pathlib import Path

from eoreader.model import Document

from benchmarks.engines import LIMIT, SNIPPET_CHARS
from benchmarks.queries import Query

DB = "fts5.db"
BATCH = 1000
# Title counts three times the body, as eoreader boosts it.
_RANKED = f"""
SELECT d.id, d.title, snippet(fts, 1, '[', ']', '…', 32), bm25(fts, 3.0, 1.0) AS score
FROM fts JOIN docs d ON d.rowid = fts.rowid
WHERE fts MATCH ? {{where}} ORDER BY score LIMIT {LIMIT}"""
_COUNT = "SELECT count(*) FROM fts JOIN docs d ON d.rowid = fts.rowid WHERE fts MATCH ? {where}"
_NEWEST = f"""
SELECT d.id, d.title, substr(fts.body, 1, {SNIPPET_CHARS}) FROM docs d JOIN fts ON fts.rowid = d.rowid
WHERE 1 {{where}} ORDER BY d.date DESC LIMIT {LIMIT}"""
_COUNT_ALL = "SELECT count(*) FROM docs d WHERE 1 {where}"


def build(docs: Iterable[Document], folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(folder / DB)
    db.executescript("""
        CREATE VIRTUAL TABLE fts USING fts5(title, body, tokenize='porter unicode61');
        CREATE TABLE docs(rowid INTEGER PRIMARY KEY, id TEXT UNIQUE, kind TEXT, date TEXT, title TEXT);
    """)
    rows: list[Document] = []
    for doc in docs:
        rows.append(doc)
        if len(rows) >= BATCH:
            _insert(db, rows)
            rows = []
    _insert(db, rows)
    db.executescript("CREATE INDEX docs_date ON docs(date); CREATE INDEX docs_kind ON docs(kind, date);")
    db.execute("INSERT INTO fts(fts) VALUES ('optimize')")
    db.commit()
    db.close()


def _insert(db: sqlite3.Connection, docs: list[Document]) -> None:
    with db:
        for doc in docs:
            cur = db.execute("INSERT INTO docs(id, kind, date, title) VALUES (?, ?, ?, ?)",
                             (doc.id, doc.kind.value, doc.date.isoformat() if doc.date else None, doc.title))
            db.execute("INSERT INTO fts(rowid, title, body) VALUES (?, ?, ?)",
                       (cur.lastrowid, doc.title, doc.body()))


class Searcher:
    def __init__(self, folder: Path) -> None:
        self.db = sqlite3.connect(folder / DB, check_same_thread=False)
        self.db.execute("SELECT count(*) FROM docs").fetchone()

    def run(self, query: Query) -> tuple[int, int, bool]:
        where, args = "", []
        if query.since and query.until:
            where += " AND d.date BETWEEN ? AND ?"
            args += [query.since.isoformat(), query.until.isoformat()]
        if query.doc_kind:
            where += " AND d.kind = ?"
            args.append(query.doc_kind)
        if query.fts5 is None:
            hits = self.db.execute(_NEWEST.format(where=where), args).fetchall()
            total = self.db.execute(_COUNT_ALL.format(where=where), args).fetchone()[0]
        else:
            hits = self.db.execute(_RANKED.format(where=where), [query.fts5, *args]).fetchall()
            total = self.db.execute(_COUNT.format(where=where), [query.fts5, *args]).fetchone()[0]
        return len(hits), total, False

    def close(self) -> None:
        self.db.close()


def searcher(folder: Path) -> Searcher:
    return Searcher(folder)
