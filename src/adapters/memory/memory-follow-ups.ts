/**
 * Syntheses and follow-up actions of the in-memory store (see memory-store.ts):
 * the same behaviour as the Prisma stores, values copied in and out.
 */
import type { FollowUpAction, SynthesisRevision } from '../../core/model.ts';
import type { ActionPatch, NewFollowUpAction, SynthesisWrite } from '../../core/ports/store.ts';

const copy = <T>(value: T): T => structuredClone(value);
const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Drops keys whose value is `undefined` or `null`, as a row with NULL reads back. */
function compact<T extends object>(value: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) if (field !== undefined && field !== null) out[key] = field;
  return out as T;
}

export class MemoryFollowUps {
  private readonly revisions: SynthesisRevision[] = [];
  private readonly actions: FollowUpAction[] = [];

  async saveSynthesis(write: SynthesisWrite): Promise<SynthesisRevision> {
    const previous = this.revisions.filter((r) => r.roundId === write.roundId && r.targetId === write.targetId);
    const saved = { ...copy(write), revision: previous.length + 1 };
    this.revisions.push(saved);
    return copy(saved);
  }

  async listSyntheses(roundId: string): Promise<SynthesisRevision[]> {
    const latest = new Map<string, SynthesisRevision>();
    for (const r of this.revisions) if (r.roundId === roundId) latest.set(r.targetId, r);
    return copy([...latest.values()].sort((a, b) => byString(a.targetId, b.targetId)));
  }

  async listSynthesisRevisions(roundId: string, targetId: string): Promise<SynthesisRevision[]> {
    return copy(this.revisions.filter((r) => r.roundId === roundId && r.targetId === targetId));
  }

  async addAction(action: NewFollowUpAction): Promise<FollowUpAction> {
    const number = this.actions.filter((a) => a.roundId === action.roundId).length + 1;
    const added = compact({ ...copy(action), number, updatedAt: action.createdAt, updatedBy: action.createdBy });
    this.actions.push(added);
    return copy(added);
  }

  async updateAction(
    roundId: string,
    number: number,
    patch: ActionPatch,
    by: string,
    at: Date,
  ): Promise<FollowUpAction | null> {
    const index = this.actions.findIndex((a) => a.roundId === roundId && a.number === number);
    const current = this.actions[index];
    if (!current) return null;
    const updated = compact({ ...current, ...copy(patch), updatedAt: at, updatedBy: by }) as FollowUpAction;
    this.actions[index] = updated;
    return copy(updated);
  }

  async listActions(roundId?: string): Promise<FollowUpAction[]> {
    return copy(
      this.actions
        .filter((a) => roundId === undefined || a.roundId === roundId)
        .sort((a, b) => byString(a.roundId, b.roundId) || a.number - b.number),
    );
  }
}
