/**
 * Round drafts on SQLite and PostgreSQL alike, through Prisma's query API
 * (see prisma-store-base.ts). The definition is kept as JSON: it is read and
 * written whole, and what it holds is the round file's content.
 */
import type { RoundDefinition, RoundDraft, RoundDraftSource } from '../../core/model.ts';
import type { RoundDraftWrite } from '../../core/ports/store.ts';
import type { PrismaClient, RoundDraft as RoundDraftRow } from '../../generated/prisma/client.ts';

function draftFromRow(row: RoundDraftRow): RoundDraft {
  return {
    definition: JSON.parse(row.definition) as RoundDefinition,
    source: row.source as RoundDraftSource,
    createdAt: row.createdAt,
    createdBy: row.createdBy,
    updatedAt: row.updatedAt,
    updatedBy: row.updatedBy,
  };
}

export class PrismaRoundDrafts {
  constructor(private readonly prisma: PrismaClient) {}

  async saveRoundDraft(write: RoundDraftWrite): Promise<RoundDraft> {
    const definition = JSON.stringify(write.definition);
    const row = await this.prisma.roundDraft.upsert({
      where: { id: write.definition.id },
      create: {
        id: write.definition.id,
        committeeId: write.definition.committeeId,
        definition,
        source: write.source,
        createdAt: write.at,
        createdBy: write.by,
        updatedAt: write.at,
        updatedBy: write.by,
      },
      update: {
        committeeId: write.definition.committeeId,
        definition,
        source: write.source,
        updatedAt: write.at,
        updatedBy: write.by,
      },
    });
    return draftFromRow(row);
  }

  async getRoundDraft(roundId: string): Promise<RoundDraft | null> {
    const row = await this.prisma.roundDraft.findUnique({ where: { id: roundId } });
    return row ? draftFromRow(row) : null;
  }

  async listRoundDrafts(): Promise<RoundDraft[]> {
    const rows = await this.prisma.roundDraft.findMany({ orderBy: { id: 'asc' } });
    return rows.map(draftFromRow);
  }

  async deleteRoundDraft(roundId: string): Promise<boolean> {
    const { count } = await this.prisma.roundDraft.deleteMany({ where: { id: roundId } });
    return count > 0;
  }
}
