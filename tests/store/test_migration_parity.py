"""The SQLite and PostgreSQL migration trees stay in step: same numbered files, same tables and columns."""

from __future__ import annotations

import re
from importlib import resources

from bot.store.migrate import load_migrations

DIALECTS = ("sqlite", "postgres")
# PostgreSQL has no implicit rowid, so tables that SQLite orders by rowid get an explicit id column.
POSTGRES_ONLY_COLUMNS = {("thread_stages", "id")}


def sql_files(dialect: str) -> list[str]:
    folder = resources.files("bot.store") / "migrations" / dialect
    return sorted(entry.name for entry in folder.iterdir() if entry.name.endswith(".sql"))


def columns(dialect: str) -> set[tuple[str, str]]:
    """(table, column) for every column the dialect's migrations leave: created or added, following
    tables renamed or dropped (SQLite rebuilds a table to change a constraint)."""
    tables: dict[str, set[str]] = {}
    statement = re.compile(
        r"CREATE TABLE (\w+) \((.*?)\n\);|ALTER TABLE (\w+) ADD COLUMN (\w+)|ALTER TABLE (\w+) RENAME TO (\w+)"
        r"|DROP TABLE (\w+)",
        flags=re.DOTALL,
    )
    for migration in load_migrations(dialect):
        sql = re.sub(r"--[^\n]*", "", migration.sql)
        for m in statement.finditer(sql):
            created, body, altered, added, old, new, dropped = m.groups()
            if created:
                names = (line.strip().split(" ", 1)[0] for line in body.splitlines())
                tables[created] = {n for n in names if n and n.isidentifier() and n.islower()}
            elif altered:
                tables[altered].add(added)
            elif old:
                tables[new] = tables.pop(old)
            else:
                tables.pop(dropped)
    return {(table, column) for table, names in tables.items() for column in names}


def test_both_dialects_have_the_same_numbered_migration_files() -> None:
    sqlite, postgres = (sql_files(d) for d in DIALECTS)
    assert sqlite, "no SQLite migrations found"
    assert sqlite == postgres, "add the same NNNN_name.sql to migrations/sqlite and migrations/postgres"


def test_both_dialects_load_the_same_versions_and_names_without_gaps() -> None:
    sqlite, postgres = ([(m.version, m.name) for m in load_migrations(d)] for d in DIALECTS)
    assert sqlite == postgres


def test_both_dialects_create_the_same_tables_and_columns() -> None:
    sqlite, postgres = (columns(d) for d in DIALECTS)
    assert ("feeds", "title") in sqlite
    assert ("events", "kind") in sqlite
    assert not any(table == "events_new" for table, _ in sqlite)
    assert sqlite == postgres - POSTGRES_ONLY_COLUMNS
