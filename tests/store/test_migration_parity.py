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
    """(table, column) for every column the dialect's migrations create or add."""
    found: set[tuple[str, str]] = set()
    for migration in load_migrations(dialect):
        sql = re.sub(r"--[^\n]*", "", migration.sql)
        for table, body in re.findall(r"CREATE TABLE (\w+) \((.*?)\n\);", sql, flags=re.DOTALL):
            for line in body.splitlines():
                name = line.strip().split(" ", 1)[0]
                if name and name.isidentifier() and name.islower():
                    found.add((table, name))
        found.update(re.findall(r"ALTER TABLE (\w+) ADD COLUMN (\w+)", sql))
    return found


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
    assert sqlite == postgres - POSTGRES_ONLY_COLUMNS
