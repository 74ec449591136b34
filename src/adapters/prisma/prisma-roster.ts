/**
 * Roster entries (members staff added or changed in chat, issue 12) on
 * SQLite and PostgreSQL alike, through Prisma's query API (see
 * prisma-store-base.ts). Members are kept as JSON: read and written whole.
 */
import type { Member, RosterEntry } from '../../core/model.ts';
import type { RosterEntryWrite } from '../../core/ports/store.ts';
import type { PrismaClient, RosterEntry as RosterEntryRow } from '../../generated/prisma/client.ts';

function entryFromRow(row: RosterEntryRow): RosterEntry {
  return {
    committeeId: row.committeeId,
    member: JSON.parse(row.member) as Member,
    fileBase: row.fileBase === null ? null : (JSON.parse(row.fileBase) as Member),
    createdAt: row.createdAt,
    createdBy: row.createdBy,
    updatedAt: row.updatedAt,
    updatedBy: row.updatedBy,
  };
}

export class PrismaRoster {
  constructor(private readonly prisma: PrismaClient) {}

  async saveRosterEntry(write: RosterEntryWrite): Promise<RosterEntry> {
    const member = JSON.stringify(write.member);
    const fileBase = write.fileBase === null ? null : JSON.stringify(write.fileBase);
    const row = await this.prisma.rosterEntry.upsert({
      where: { committeeId_memberId: { committeeId: write.committeeId, memberId: write.member.id } },
      create: {
        committeeId: write.committeeId,
        memberId: write.member.id,
        member,
        fileBase,
        createdAt: write.at,
        createdBy: write.by,
        updatedAt: write.at,
        updatedBy: write.by,
      },
      update: { member, fileBase, updatedAt: write.at, updatedBy: write.by },
    });
    return entryFromRow(row);
  }

  async listRosterEntries(committeeId?: string): Promise<RosterEntry[]> {
    const rows = await this.prisma.rosterEntry.findMany({
      ...(committeeId === undefined ? {} : { where: { committeeId } }),
      orderBy: [{ committeeId: 'asc' }, { memberId: 'asc' }],
    });
    return rows.map(entryFromRow);
  }
}
