/**
 * The store port on PostgreSQL through Prisma and @prisma/adapter-pg, for
 * several instances on one database. Everything Prisma's query API does
 * alike on both databases is shared (prisma-store-base.ts); here are the
 * set-based bulk writes (one statement per slice, rows passed as one JSON
 * parameter, so no statement has an unbounded parameter list) and the job
 * claim's row locks (FOR UPDATE SKIP LOCKED: two instances claiming at the
 * same moment take disjoint jobs and never wait on each other).
 *
 * Every connection runs in UTC: Prisma keeps DateTime as TIMESTAMP(3)
 * without a zone, and raw statements compare it with parameters.
 */
import { PrismaPg } from '@prisma/adapter-pg';
import { forEachChunk, WRITE_CHUNK } from '../../core/cooperate.ts';
import type { Answer, Committee, Invitation } from '../../core/model.ts';
import type { AnswerWrite, NewJob, Store } from '../../core/ports/store.ts';
import { Prisma, type Answer as AnswerRow, type PrismaClient } from '../../generated/prisma/client.ts';
import { PrismaClient as PostgresPrismaClient } from '../../generated/prisma-postgres/client.ts';
import { migrateDatabase } from './migrate.ts';
import { jobToCreate, PrismaStoreBase } from './prisma-store-base.ts';
import { answerFromRow, committeeSettings, invitationToCreate } from './row-mapping.ts';

/** Connections per instance: the scheduler's lanes, the handlers and the lease share them. */
const POOL_SIZE = 10;

/**
 * How long a transaction may wait for one of those connections, and run.
 * Prisma's defaults (2 s, 5 s) made saves of 50 members at once fail with
 * P2028 on a loaded machine (README, Benchmarks): a member's answer refused
 * because others were being saved. Waiting longer is the right trade here.
 */
const TRANSACTION_OPTIONS = { maxWait: 15_000, timeout: 30_000 } as const;

/** Opens the PostgreSQL store on `databaseUrl` (`postgres://…`), applying pending migrations first. */
export async function createPostgresStore(databaseUrl: string): Promise<Store> {
  await migrateDatabase(databaseUrl);
  const adapter = new PrismaPg({ connectionString: databaseUrl, max: POOL_SIZE, options: '-c TimeZone=UTC' });
  const client = new PostgresPrismaClient({ adapter, transactionOptions: TRANSACTION_OPTIONS });
  await client.$queryRaw`SELECT 1`;
  return new PostgresStore(client);
}

class PostgresStore extends PrismaStoreBase {
  protected readonly claimLock = Prisma.sql`FOR UPDATE SKIP LOCKED`;

  /** The same client with its PostgreSQL types, for what only PostgreSQL offers (skipDuplicates). */
  constructor(private readonly postgres: PostgresPrismaClient) {
    super(postgres as unknown as PrismaClient);
  }

  async syncCommittee(committee: Committee): Promise<void> {
    const settings = committeeSettings(committee);
    await this.prisma.committee.upsert({
      where: { id: committee.id },
      create: {
        id: committee.id,
        name: committee.name,
        timeZone: committee.timeZone,
        locale: committee.locale,
        settings,
        syncedAt: new Date(),
      },
      update: {
        name: committee.name,
        timeZone: committee.timeZone,
        locale: committee.locale,
        settings,
        syncedAt: new Date(),
      },
    });
    const rows = committee.members.map((member, position) => ({
      id: member.id,
      name: member.name,
      role: member.role ?? null,
      platforms: JSON.stringify(member.platforms),
      timeZone: member.timeZone ?? null,
      locale: member.locale ?? null,
      active: member.active,
      position,
    }));
    await forEachChunk(rows, WRITE_CHUNK, async (slice) => {
      await this.prisma.$executeRaw`
        INSERT INTO "Member" ("committeeId", "id", "name", "role", "platforms", "timeZone", "locale", "active", "position")
        SELECT ${committee.id}::text, m."id", m."name", m."role", m."platforms", m."timeZone", m."locale", m."active", m."position"
        FROM json_to_recordset(${JSON.stringify(slice)}::json) AS m("id" text, "name" text, "role" text, "platforms" text,
          "timeZone" text, "locale" text, "active" boolean, "position" integer)
        ON CONFLICT ("committeeId", "id") DO UPDATE SET "name" = excluded."name", "role" = excluded."role",
          "platforms" = excluded."platforms", "timeZone" = excluded."timeZone", "locale" = excluded."locale",
          "active" = excluded."active", "position" = excluded."position"`;
    });
    // Members no longer listed become inactive (the list travels as one JSON parameter).
    await this.prisma.$executeRaw`
      UPDATE "Member" SET "active" = false
      WHERE "committeeId" = ${committee.id} AND "active"
        AND "id" NOT IN (SELECT value FROM json_array_elements_text(${JSON.stringify(rows.map((r) => r.id))}::json))`;
  }

  async saveAnswers(roundId: string, memberId: string, answers: AnswerWrite[], at: Date): Promise<Answer[]> {
    if (answers.length === 0) return [];
    // One transaction; the answer_revision trigger writes the revision row of
    // every insert and update. A new answer of a member who has already
    // submitted is born submitted.
    const latest = new Map(answers.map((a) => [a.questionId, JSON.stringify(a.value)]));
    const values = [...latest].map(([questionId, value]) => ({ questionId, value }));
    const rows = await this.prisma.$transaction(async (tx) => {
      const submitted = await tx.invitation.count({ where: { roundId, memberId, submittedAt: { not: null } } });
      const status = submitted > 0 ? 'submitted' : 'draft';
      return tx.$queryRaw<AnswerRow[]>`
        INSERT INTO "Answer" ("roundId", "memberId", "questionId", "value", "status", "revision", "updatedAt")
        SELECT ${roundId}::text, ${memberId}::text, a."questionId", a."value", ${status}::text, 1, ${at}::timestamp(3)
        FROM json_to_recordset(${JSON.stringify(values)}::json) AS a("questionId" text, "value" text)
        ON CONFLICT ("roundId", "memberId", "questionId") DO UPDATE SET
          "value" = excluded."value", "revision" = "Answer"."revision" + 1, "updatedAt" = excluded."updatedAt"
        RETURNING "roundId", "memberId", "questionId", "value", "status", "revision", "updatedAt"`;
    });
    const order = values.map((v) => v.questionId);
    return rows.map(answerFromRow).sort((a, b) => order.indexOf(a.questionId) - order.indexOf(b.questionId));
  }

  async createInvitations(invitations: Invitation[]): Promise<void> {
    await forEachChunk(invitations, WRITE_CHUNK, async (slice) => {
      await this.postgres.invitation.createMany({ data: slice.map(invitationToCreate), skipDuplicates: true });
    });
  }

  async enqueueJobs(jobs: NewJob[]): Promise<number> {
    const now = new Date();
    let created = 0;
    await forEachChunk(jobs, WRITE_CHUNK, async (slice) => {
      const result = await this.postgres.job.createMany({
        data: slice.map((job) => jobToCreate(job, now)),
        skipDuplicates: true,
      });
      created += result.count;
    });
    return created;
  }
}
