/**
 * The SQL of a job claim, shared by the SQLite and PostgreSQL stores: which
 * rows `claimDueJobs` takes, in `claimOrder` (the kinds of CLAIM_FIRST first,
 * then every other due job; each by due time, then key).
 *
 * The claim runs on every tick, also while 10,000 invitations are due, and
 * better-sqlite3 blocks the event loop while it runs. So no part of it sorts
 * the due rows: each branch below reads them in index order and stops at
 * `limit` (indexes `[state, kind, dueAt, key]` and `[state, dueAt, key]` of
 * Job). Only the running jobs (those in flight: a few batches per process)
 * and the branches' rows, at most `limit` each, are sorted. With 10,000 due
 * invitations the SELECT takes about 0.1 ms of CPU where the single
 * `ORDER BY "dueAt", "key"` over every due row took 1.2 ms (7 ms at 50,000).
 */
import { CLAIM_FIRST } from '../../core/ports/store.ts';
import { Prisma } from '../../generated/prisma/client.ts';

/** `claimRank` in SQL: a kind's place in CLAIM_FIRST, or after all of them (numbers as literals: integers on both databases). */
const RANK = Prisma.sql`CASE "kind" ${Prisma.join(
  CLAIM_FIRST.map((kind, rank) => Prisma.sql`WHEN ${kind} THEN ${Prisma.raw(String(rank))}`),
  ' ',
)} ELSE ${Prisma.raw(String(CLAIM_FIRST.length))} END`;

/**
 * The ids of the jobs to claim at `now`, at most `limit`, in claim order.
 * `lock` ends each branch's SELECT (PostgreSQL's FOR UPDATE SKIP LOCKED).
 * A job of a CLAIM_FIRST kind comes from its own branch and from the
 * branch of all due jobs alike: UNION keeps it once.
 */
export function claimableJobIds(now: Date, limit: number, lock: Prisma.Sql): Prisma.Sql {
  const columns = Prisma.sql`"id", ${RANK} AS "rank", "dueAt", "key"`;
  const firstKinds = CLAIM_FIRST.map(
    (kind, rank) => Prisma.sql`
      SELECT * FROM (SELECT ${columns} FROM "Job"
        WHERE "state" = 'pending' AND "kind" = ${kind} AND "dueAt" <= ${now}
        ORDER BY "dueAt", "key" LIMIT ${limit} ${lock}) AS ${Prisma.raw(`"first${rank}"`)}
      UNION`,
  );
  return Prisma.sql`
    SELECT "id" FROM (
      ${Prisma.join(firstKinds, ' ')}
      SELECT * FROM (SELECT ${columns} FROM "Job"
        WHERE "state" = 'pending' AND "dueAt" <= ${now}
        ORDER BY "dueAt", "key" LIMIT ${limit} ${lock}) AS "due"
      UNION
      SELECT * FROM (SELECT ${columns} FROM "Job"
        WHERE "state" = 'running' AND "lockedUntil" <= ${now}
        ORDER BY "rank", "dueAt", "key" LIMIT ${limit} ${lock}) AS "expired"
    ) AS "claimable"
    ORDER BY "rank", "dueAt", "key" LIMIT ${limit}`;
}
