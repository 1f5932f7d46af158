"""Writes of the ingest transaction that follow outcomes: claims and their counts, resolutions, learned
jobs (docs/adr/0007-resolutions-records-and-jobs.md). Like ``sql_ingest.py``, each method writes its
whole batch with a fixed number of statements."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import datetime

from bot.domain import Outcome, Relation, ThreadState
from bot.store.base import LatestJob, NewClaim, NewJob, NewResolution
from bot.store.dialect import Conn, Dialect, Row, as_time

_THREAD = "SELECT id, manager, club, stage, first_seen, last_update, best_tier, summary FROM threads"
LEARNABLE = ("appointed", "sacked", "left")


def thread_state(r: Row, voices: frozenset[str] = frozenset()) -> ThreadState:
    return ThreadState(
        id=int(r[0]),
        manager=str(r[1]),
        club=str(r[2]),
        stage=Relation(r[3]),
        first_seen=as_time(r[4]),
        last_update=as_time(r[5]),
        best_tier=int(r[6]),
        voices=voices,
        summary=str(r[7]),
    )


class OutcomeWrites:
    def __init__(self, dialect: Dialect, conn: Conn) -> None:
        self._d = dialect
        self._conn = conn

    async def _batch(
        self, sql: str, types: Sequence[str], rows: Sequence[Sequence[object]], *head: object
    ) -> list[Row]:
        batch, params = self._d.batch(types, rows)
        return await self._conn.fetch(sql.format(batch=batch), (*head, *params))

    async def open_threads(
        self,
        managers: Iterable[str],
        clubs: Iterable[str],
        since: datetime,
        *,
        skip_stages: Iterable[str] = (),
        keep: Iterable[int] = (),
    ) -> dict[int, ThreadState]:
        """Unresolved threads of these managers or clubs updated at or after ``since``, by id; those at
        one of ``skip_stages`` are left out unless their id is in ``keep``."""
        ms, cs = sorted(set(managers)), sorted(set(clubs))
        if not ms and not cs:
            return {}
        in_m, pm = self._d.any_of(ms, "text")
        in_c, pc = self._d.any_of(cs, "text")
        in_s, ps = self._d.any_of(sorted(set(skip_stages)), "text")
        in_k, pk = self._d.any_of(sorted(set(keep)), "bigint")
        rows = await self._conn.fetch(
            f"{_THREAD} WHERE outcome IS NULL AND last_update >= ? AND (manager {in_m} OR club {in_c})"
            f" AND (NOT (stage {in_s}) OR id {in_k})",
            (since, *pm, *pc, *ps, *pk),
        )
        return {int(r[0]): thread_state(r) for r in rows}

    async def threads_by_id(self, ids: Sequence[int]) -> dict[int, tuple[ThreadState, Outcome | None]]:
        if not ids:
            return {}
        among, params = self._d.any_of(sorted(set(ids)), "bigint")
        rows = await self._conn.fetch(f"{_THREAD.replace(' FROM', ', outcome FROM')} WHERE id {among}", params)
        return {int(r[0]): (thread_state(r), None if r[8] is None else Outcome(r[8])) for r in rows}

    async def resolved_among(self, ids: Iterable[int]) -> set[int]:
        """Which of these threads are resolved."""
        wanted = sorted(set(ids))
        if not wanted:
            return set()
        among, params = self._d.any_of(wanted, "bigint")
        rows = await self._conn.fetch(f"SELECT id FROM threads WHERE id {among} AND outcome IS NOT NULL", params)
        return {int(r[0]) for r in rows}

    async def told_chats(self, thread_ids: Iterable[int]) -> dict[int, set[str]]:
        """Thread id → the chats that have had (or are to have) an alert about it."""
        wanted = sorted(set(thread_ids))
        if not wanted:
            return {}
        among, params = self._d.any_of(wanted, "bigint")
        rows = await self._conn.fetch(
            f"SELECT DISTINCT thread_id, chat_key FROM deliveries WHERE thread_id {among} AND status <> 'failed'",
            params,
        )
        told: dict[int, set[str]] = {}
        for row in rows:
            told.setdefault(int(row[0]), set()).add(str(row[1]))
        return told

    async def overdue_threads(self, before: datetime, limit: int) -> list[ThreadState]:
        """Open threads whose last report is older than ``before``, oldest first."""
        rows = await self._conn.fetch(
            f"{_THREAD} WHERE outcome IS NULL AND last_update < ? ORDER BY last_update, id LIMIT ?", (before, limit)
        )
        return [thread_state(r) for r in rows]

    async def _count(self, deltas: Counter[tuple[str, str, str, str]]) -> None:
        rows = [(*key, n) for key, n in sorted(deltas.items()) if n]
        if rows:
            await self._batch(
                "INSERT INTO source_stats (source, club, stage, outcome, n) SELECT c0, c1, c2, c3, c4 FROM {batch}"
                " WHERE TRUE ORDER BY n ON CONFLICT (source, club, stage, outcome) DO UPDATE SET"
                " n = source_stats.n + excluded.n",
                ("text", "text", "text", "text", "int"),
                rows,
            )

    async def add_claims(self, claims: Sequence[NewClaim]) -> int:
        """Record each source's first report of a thread (later ones, and any made after the thread was
        resolved, are not claims); return how many were new."""
        if not claims:
            return 0
        added = await self._batch(
            "INSERT INTO claims (thread_id, source, report_id, manager, club, stage, tier, relayed_by, reported_at)"
            " SELECT c0, c1, c2, c3, c4, c5, c6, c7, c8 FROM {batch} WHERE NOT EXISTS (SELECT 1 FROM threads t"
            " WHERE t.id = x.c0 AND t.outcome IS NOT NULL) ORDER BY n ON CONFLICT (thread_id, source) DO NOTHING"
            " RETURNING source, club, stage",
            ("bigint", "text", "bigint", "text", "text", "text", "int", "text", "timestamptz"),
            [
                (c.thread_id, c.source, c.report_id, c.manager, c.club, c.stage, c.tier, c.relayed_by, c.reported_at)
                for c in claims
            ],
        )
        deltas: Counter[tuple[str, str, str, str]] = Counter()
        for source, club, stage in added:
            deltas[(str(source), str(club), str(stage), "")] += 1
            deltas[(str(source), "", str(stage), "")] += 1
        await self._count(deltas)
        return len(added)

    async def resolve(self, items: Sequence[NewResolution], at: datetime) -> None:
        """Set each thread's outcome, log the resolution and move its claims' counts to the outcome."""
        if not items:
            return
        latest = {i.thread_id: i for i in items}  # one outcome per thread: the last given
        ids = sorted(latest)
        among, params = self._d.any_of(ids, "bigint")
        claims = await self._conn.fetch(
            f"SELECT thread_id, source, club, stage, coalesce(outcome, '') FROM claims WHERE thread_id {among}", params
        )
        await self._batch(
            "UPDATE threads SET outcome = x.c1, resolved_at = ? FROM {batch} WHERE threads.id = x.c0",
            ("bigint", "text"),
            [(i, latest[i].outcome.value) for i in ids],
            at,
        )
        await self._batch(
            "UPDATE claims SET outcome = x.c1 FROM {batch} WHERE claims.thread_id = x.c0",
            ("bigint", "text"),
            [(i, latest[i].outcome.value) for i in ids],
        )
        await self._batch(
            "INSERT INTO resolutions (thread_id, outcome, cause, report_id, actor, note, at)"
            " SELECT c0, c1, c2, c3, c4, c5, ? FROM {batch} ORDER BY n",
            ("bigint", "text", "text", "bigint", "text", "text"),
            [(i.thread_id, i.outcome.value, i.cause.value, i.report_id, i.actor[:200], i.note[:500]) for i in items],
            at,
        )
        deltas: Counter[tuple[str, str, str, str]] = Counter()
        for thread_id, source, club, stage, old in claims:
            new = latest[int(thread_id)].outcome.value
            for scope in (str(club), ""):
                deltas[(str(source), scope, str(stage), str(old))] -= 1
                deltas[(str(source), scope, str(stage), new)] += 1
        await self._count(deltas)

    async def event_voices(self, thread_ids: Iterable[int]) -> dict[int, dict[str, set[str]]]:
        """thread id → relation → the voices of its done tier-1/2 reports of a learnable change of job."""
        ids = sorted(set(thread_ids))
        found: dict[int, dict[str, set[str]]] = {i: {} for i in ids}
        if not ids:
            return found
        among, params = self._d.any_of(ids, "bigint")
        relations, rparams = self._d.any_of(list(LEARNABLE), "text")
        rows = await self._conn.fetch(
            f"SELECT thread_id, relation, voice FROM reports WHERE thread_id {among} AND relation {relations}"
            " AND tier <= 2 AND duplicate_of IS NULL AND factuality = 'done'",
            (*params, *rparams),
        )
        for thread_id, relation, voice in rows:
            found[int(thread_id)].setdefault(str(relation), set()).add(str(voice))
        return found

    async def latest_jobs(self, managers: Iterable[str]) -> dict[str, LatestJob]:
        wanted = sorted(set(managers))
        if not wanted:
            return {}
        among, params = self._d.any_of(wanted, "text")
        rows = await self._conn.fetch(
            "SELECT manager, club, change, since FROM (SELECT manager, club, change, since, row_number() OVER"
            f" (PARTITION BY manager ORDER BY since DESC, id DESC) AS k FROM jobs WHERE manager {among}) AS j"
            " WHERE k = 1",
            params,
        )
        return {str(r[0]): LatestJob(str(r[0]), str(r[1]), str(r[2]), as_time(r[3])) for r in rows}

    async def add_jobs(self, jobs: Sequence[NewJob], at: datetime) -> None:
        if not jobs:
            return
        await self._batch(
            "INSERT INTO jobs (manager, club, change, caretaker, since, source, url, report_id, learned_by, learned_at)"
            " SELECT c0, c1, c2, c3, c4, c5, c6, c7, c8, ? FROM {batch} ORDER BY n",
            ("text", "text", "text", "boolean", "timestamptz", "text", "text", "bigint", "text"),
            [
                (j.manager, j.club, j.change, j.caretaker, j.since, j.source, j.url, j.report_id, j.learned_by)
                for j in jobs
            ],
            at,
        )
