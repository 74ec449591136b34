/**
 * Roster entries of the in-memory store (see memory-store.ts): the same
 * behaviour as the Prisma stores, values copied in and out.
 */
import type { RosterEntry } from '../../core/model.ts';
import type { RosterEntryWrite } from '../../core/ports/store.ts';

const copy = <T>(value: T): T => structuredClone(value);
const keyOf = (committeeId: string, memberId: string): string => JSON.stringify([committeeId, memberId]);

export class MemoryRoster {
  private readonly entries = new Map<string, RosterEntry>();

  async saveRosterEntry(write: RosterEntryWrite): Promise<RosterEntry> {
    const key = keyOf(write.committeeId, write.member.id);
    const before = this.entries.get(key);
    const entry: RosterEntry = {
      committeeId: write.committeeId,
      member: copy(write.member),
      fileBase: copy(write.fileBase),
      createdAt: before?.createdAt ?? write.at,
      createdBy: before?.createdBy ?? write.by,
      updatedAt: write.at,
      updatedBy: write.by,
    };
    this.entries.set(key, entry);
    return copy(entry);
  }

  async listRosterEntries(committeeId?: string): Promise<RosterEntry[]> {
    const order = (e: RosterEntry) => keyOf(e.committeeId, e.member.id);
    return copy(
      [...this.entries.values()]
        .filter((e) => committeeId === undefined || e.committeeId === committeeId)
        .sort((a, b) => (order(a) < order(b) ? -1 : 1)),
    );
  }
}
