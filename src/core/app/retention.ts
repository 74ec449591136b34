/**
 * Retention of outside experts' personal data: the answers (and their
 * revisions) of a round are deleted once its report has been final for the
 * configured number of months (JAMUN_RETENTION_MONTHS). The round, its
 * invitations, the summary records and the audit log stay; each deletion is
 * audited with the counts.
 */
import type { Logger } from '../ports/logger.ts';
import type { Store } from '../ports/store.ts';
import { monthsBefore } from '../time.ts';

/** What one run of retention deleted, per round. */
export interface RetentionOutcome {
  roundId: string;
  answers: number;
  revisions: number;
}

/**
 * Deletes the answers of every round summarised (report final) at least
 * `months` months before `now`. Rounds already emptied are passed over
 * silently, so running it daily audits each round once.
 */
export async function applyRetention(
  store: Store,
  now: Date,
  months: number,
  actor: string,
  logger: Logger,
): Promise<RetentionOutcome[]> {
  const cutoff = monthsBefore(now, months);
  const outcomes: RetentionOutcome[] = [];
  for (const round of await store.listRounds()) {
    if (round.status !== 'summarised' || !round.summarisedAt || round.summarisedAt > cutoff) continue;
    const deleted = await store.deleteAnswersOfRound(round.id);
    if (deleted.answers + deleted.revisions === 0) continue;
    await store.audit({
      at: now,
      actor,
      action: 'retention.answers_deleted',
      roundId: round.id,
      detail: { ...deleted, months, reportFinalAt: round.summarisedAt.toISOString() },
    });
    logger.info({ roundId: round.id, ...deleted, months }, 'answers deleted after the retention period');
    outcomes.push({ roundId: round.id, ...deleted });
  }
  return outcomes;
}
