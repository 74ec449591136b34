/**
 * The SQLite statements of a member's page and a staff command that went
 * through Prisma: the answers of a member (read twice per page), the
 * replay guard of every inbound event and the audit row of a submit. Prisma
 * compiles and prepares each call again (most of an acknowledgement's
 * database CPU in the ack bench's profile); here they are prepared once, and
 * the writes of one turn share a commit (GroupCommit), so a burst of 200
 * pages costs a few commits, not 400.
 */
import type { Answer } from '../../core/model.ts';
import type { AuditEvent } from '../../core/ports/store.ts';
import { answerFromSqlite } from './sqlite-rows.ts';
import { GroupCommit, type SqliteDirect } from './sqlite-direct.ts';

/** The answers of a round (or of one member in it), ordered by member and question as the other stores do. */
export function listAnswersDirect(sql: SqliteDirect, roundId: string, memberId?: string): Answer[] {
  const rows =
    memberId === undefined
      ? sql.statement(`SELECT * FROM "Answer" WHERE "roundId" = ? ORDER BY "memberId", "questionId"`).iterate(roundId)
      : sql
          .statement(`SELECT * FROM "Answer" WHERE "roundId" = ? AND "memberId" = ? ORDER BY "memberId", "questionId"`)
          .iterate(roundId, memberId);
  // Row by row: a round's rows (10,000 answers of 1,500 characters: 30 MB of JSON text) are never all held beside their parsed values.
  const answers: Answer[] = [];
  for (const row of rows) answers.push(answerFromSqlite(row));
  return answers;
}

interface SeenEvent {
  id: string;
  at: Date;
  expiresAt: Date;
}

/** Records inbound event ids (expired ones dropped); resolves true the first time an id is seen. */
export function inboundEventWrites(sql: SqliteDirect): GroupCommit<SeenEvent, boolean> {
  return new GroupCommit(sql, (event) => {
    sql.statement(`DELETE FROM "InboundEvent" WHERE "expiresAt" <= ?`).run(event.at.getTime());
    // One statement, so two instances recording one id at once cannot both see it first.
    const { changes } = sql
      .statement(
        `INSERT INTO "InboundEvent" ("id", "seenAt", "expiresAt") VALUES (?, ?, ?) ON CONFLICT ("id") DO NOTHING`,
      )
      .run(event.id, event.at.getTime(), event.expiresAt.getTime());
    return changes === 1;
  });
}

/** Appends audit rows. */
export function auditWrites(sql: SqliteDirect): GroupCommit<AuditEvent, void> {
  return new GroupCommit(sql, (event) => {
    sql
      .statement(
        `INSERT INTO "AuditEvent" ("at", "actor", "action", "roundId", "memberId", "detail") VALUES (?, ?, ?, ?, ?, ?)`,
      )
      .run(
        event.at.getTime(),
        event.actor,
        event.action,
        event.roundId ?? null,
        event.memberId ?? null,
        event.detail === undefined ? null : JSON.stringify(event.detail),
      );
  });
}
