/**
 * Syntheses and follow-up actions on SQLite and PostgreSQL alike, through
 * Prisma's query API (see prisma-store-base.ts). Numbers (the next revision,
 * the next action of a round) are taken inside a transaction; two writers
 * that still pick the same one meet the unique key, and the loser tries again.
 */
import type { FollowUpAction, SynthesisRevision } from '../../core/model.ts';
import type { ActionPatch, NewFollowUpAction, SynthesisWrite } from '../../core/ports/store.ts';
import {
  Prisma,
  type PrismaClient,
  type FollowUpAction as ActionRow,
  type SynthesisRevision as SynthesisRow,
} from '../../generated/prisma/client.ts';

/** Tries of a numbered insert that lost a race for its number. */
const NUMBER_TRIES = 5;

const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function synthesisFromRow(row: SynthesisRow): SynthesisRevision {
  return {
    roundId: row.roundId,
    targetId: row.targetId,
    revision: row.revision,
    text: row.text,
    author: row.author,
    writtenAt: row.writtenAt,
  };
}

function actionFromRow(row: ActionRow): FollowUpAction {
  return {
    roundId: row.roundId,
    number: row.number,
    text: row.text,
    ...(row.department === null ? {} : { department: row.department }),
    ...(row.dueDate === null ? {} : { dueDate: row.dueDate }),
    status: row.status as FollowUpAction['status'],
    questionIds: JSON.parse(row.questionIds) as string[],
    createdAt: row.createdAt,
    createdBy: row.createdBy,
    updatedAt: row.updatedAt,
    updatedBy: row.updatedBy,
  };
}

/** Runs a numbered insert again when another writer took its number first (P2002). */
async function withNextNumber<T>(insert: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await insert();
    } catch (error) {
      const taken = error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';
      if (!taken || attempt >= NUMBER_TRIES) throw error;
    }
  }
}

export class PrismaFollowUps {
  constructor(private readonly prisma: PrismaClient) {}

  saveSynthesis(write: SynthesisWrite): Promise<SynthesisRevision> {
    return withNextNumber(() =>
      this.prisma.$transaction(async (tx) => {
        const last = await tx.synthesisRevision.aggregate({
          where: { roundId: write.roundId, targetId: write.targetId },
          _max: { revision: true },
        });
        const row = await tx.synthesisRevision.create({
          data: { ...write, revision: (last._max.revision ?? 0) + 1 },
        });
        return synthesisFromRow(row);
      }),
    );
  }

  async listSyntheses(roundId: string): Promise<SynthesisRevision[]> {
    const rows = await this.prisma.synthesisRevision.findMany({ where: { roundId }, orderBy: { revision: 'asc' } });
    const latest = new Map<string, SynthesisRow>();
    for (const row of rows) latest.set(row.targetId, row);
    return [...latest.values()].map(synthesisFromRow).sort((a, b) => byString(a.targetId, b.targetId));
  }

  async listSynthesisRevisions(roundId: string, targetId: string): Promise<SynthesisRevision[]> {
    const rows = await this.prisma.synthesisRevision.findMany({
      where: { roundId, targetId },
      orderBy: { revision: 'asc' },
    });
    return rows.map(synthesisFromRow);
  }

  addAction(action: NewFollowUpAction): Promise<FollowUpAction> {
    return withNextNumber(() =>
      this.prisma.$transaction(async (tx) => {
        const last = await tx.followUpAction.aggregate({
          where: { roundId: action.roundId },
          _max: { number: true },
        });
        const row = await tx.followUpAction.create({
          data: {
            roundId: action.roundId,
            number: (last._max.number ?? 0) + 1,
            text: action.text,
            department: action.department ?? null,
            dueDate: action.dueDate ?? null,
            status: action.status,
            questionIds: JSON.stringify(action.questionIds),
            createdAt: action.createdAt,
            createdBy: action.createdBy,
            updatedAt: action.createdAt,
            updatedBy: action.createdBy,
          },
        });
        return actionFromRow(row);
      }),
    );
  }

  async updateAction(
    roundId: string,
    number: number,
    patch: ActionPatch,
    by: string,
    at: Date,
  ): Promise<FollowUpAction | null> {
    const data: Prisma.FollowUpActionUpdateManyMutationInput = { updatedAt: at, updatedBy: by };
    if (patch.text !== undefined) data.text = patch.text;
    if (patch.department !== undefined) data.department = patch.department;
    if (patch.dueDate !== undefined) data.dueDate = patch.dueDate;
    if (patch.status !== undefined) data.status = patch.status;
    if (patch.questionIds !== undefined) data.questionIds = JSON.stringify(patch.questionIds);
    const { count } = await this.prisma.followUpAction.updateMany({ where: { roundId, number }, data });
    if (count === 0) return null;
    const row = await this.prisma.followUpAction.findUniqueOrThrow({
      where: { roundId_number: { roundId, number } },
    });
    return actionFromRow(row);
  }

  async listActions(roundId?: string): Promise<FollowUpAction[]> {
    const rows = await this.prisma.followUpAction.findMany({
      where: roundId === undefined ? {} : { roundId },
      orderBy: [{ roundId: 'asc' }, { number: 'asc' }],
    });
    return rows.map(actionFromRow).sort((a, b) => byString(a.roundId, b.roundId) || a.number - b.number);
  }
}
