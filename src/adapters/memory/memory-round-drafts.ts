/**
 * Round drafts of the in-memory store (see memory-store.ts): the same
 * behaviour as the Prisma stores, values copied in and out.
 */
import type { RoundDraft } from '../../core/model.ts';
import type { RoundDraftWrite } from '../../core/ports/store.ts';

const copy = <T>(value: T): T => structuredClone(value);

export class MemoryRoundDrafts {
  private readonly drafts = new Map<string, RoundDraft>();

  async saveRoundDraft(write: RoundDraftWrite): Promise<RoundDraft> {
    const before = this.drafts.get(write.definition.id);
    const draft: RoundDraft = {
      definition: copy(write.definition),
      source: write.source,
      createdAt: before?.createdAt ?? write.at,
      createdBy: before?.createdBy ?? write.by,
      updatedAt: write.at,
      updatedBy: write.by,
    };
    this.drafts.set(write.definition.id, draft);
    return copy(draft);
  }

  async getRoundDraft(roundId: string): Promise<RoundDraft | null> {
    const draft = this.drafts.get(roundId);
    return draft ? copy(draft) : null;
  }

  async listRoundDrafts(): Promise<RoundDraft[]> {
    return copy([...this.drafts.values()].sort((a, b) => (a.definition.id < b.definition.id ? -1 : 1)));
  }

  async deleteRoundDraft(roundId: string): Promise<boolean> {
    return this.drafts.delete(roundId);
  }
}
