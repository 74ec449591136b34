/**
 * The result report of a round from the store and the configuration: refused
 * like the summary while the round is not closed, else built with the
 * round's report fields, the note, and the closed days of its real window.
 */
import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../../src/adapters/memory/memory-store.ts';
import { AppContext } from '../../../src/core/app/app-context.ts';
import { buildReport } from '../../../src/core/app/report-service.ts';
import { roundFromDefinition } from '../../../src/core/app/schedule-round.ts';
import type { Committee, Round, RoundDefinition } from '../../../src/core/model.ts';
import { ManualClock } from '../../../src/core/ports/clock.ts';
import { silentLogger } from '../../../src/core/ports/logger.ts';
import { seedConfig } from '../../fakes/app-harness.ts';

const TITLE = "'24년 제1차 지역상생발전위원회 서면자문";

async function setup(patch: Partial<Round> | null, dropReportInfo = false) {
  const { committees, rounds } = seedConfig();
  if (dropReportInfo) delete (rounds[0] as RoundDefinition).report;
  const store = createMemoryStore();
  const ctx = new AppContext({
    store,
    messengers: [],
    committees,
    rounds,
    clock: new ManualClock(new Date('2024-02-29T00:00:00Z')),
    logger: silentLogger,
  });
  const round = roundFromDefinition(rounds[0] as RoundDefinition, committees[0] as Committee);
  if (!round.ok) throw new Error('seed round is invalid');
  if (patch) await store.createRound({ ...round.value, ...patch });
  return ctx;
}

const closedAtDeadline: Partial<Round> = {
  status: 'closed',
  openedAt: new Date('2024-02-08T00:00:00Z'),
  closedAt: new Date('2024-02-15T09:00:00Z'),
};

describe('buildReport', () => {
  it('GIVEN a round closed at its deadline THEN the report carries its report fields and notes the Lunar New Year inside the window', async () => {
    const ctx = await setup(closedAtDeadline);
    const report = await buildReport(ctx, '2024-1');
    if (!report.ok) throw new Error(report.error.code);
    expect(report.value.header.disclosure).toBe('부분공개(5,6)');
    expect(report.value.purpose).toContain("'24년 제1차 지역상생발전위원회를 운영하고 결과를 보고드립니다");
    expect(report.value.admin.followUp).toHaveLength(3);
    expect(report.value.overview.holidayNotes).toEqual(['※ 설 명절 : 2. 9.(금)~2. 12.(월)']);
    expect('note' in report.value).toBe(false);
  });

  it('GIVEN a note THEN it is printed; GIVEN an empty note THEN none', async () => {
    const ctx = await setup({ ...closedAtDeadline, status: 'summarised' });
    const noted = await buildReport(ctx, '2024-1', { note: '가상의 위원입니다' });
    expect(noted.ok && noted.value.note).toBe('가상의 위원입니다');
    const empty = await buildReport(ctx, '2024-1', { note: '' });
    expect(empty.ok && 'note' in empty.value).toBe(false);
  });

  it('GIVEN a round closed before the holiday THEN the window ends at the close and notes no holiday', async () => {
    const ctx = await setup({ ...closedAtDeadline, closedAt: new Date('2024-02-08T08:00:00Z') });
    const report = await buildReport(ctx, '2024-1');
    expect(report.ok && report.value.overview.holidayNotes).toEqual([]);
  });

  it('GIVEN a round opened after the holiday THEN the window starts at the opening and notes no holiday', async () => {
    const ctx = await setup({ ...closedAtDeadline, openedAt: new Date('2024-02-13T00:00:00Z') });
    const report = await buildReport(ctx, '2024-1');
    expect(report.ok && report.value.overview.holidayNotes).toEqual([]);
  });

  it('GIVEN a definition without report fields THEN the default purpose and empty fields', async () => {
    const ctx = await setup(closedAtDeadline, true);
    const report = await buildReport(ctx, '2024-1');
    if (!report.ok) throw new Error(report.error.code);
    expect(report.value.header.disclosure).toBe('');
    expect(report.value.admin.followUp).toEqual([]);
    expect(report.value.purpose).toMatch(/^「'24년 제1차 지역상생발전위원회 서면자문」을 운영하고/);
  });

  it.each(['open', 'draft'] as const)('GIVEN a round %s THEN ROUND.NOT_CLOSED naming it', async (status) => {
    const ctx = await setup({ status });
    expect(await buildReport(ctx, '2024-1')).toEqual({
      ok: false,
      error: { code: 'ROUND.NOT_CLOSED', params: { roundId: '2024-1', roundTitle: TITLE } },
    });
  });

  it('GIVEN a cancelled round THEN ROUND.CANCELLED naming it', async () => {
    const ctx = await setup({ status: 'cancelled' });
    expect(await buildReport(ctx, '2024-1')).toEqual({
      ok: false,
      error: { code: 'ROUND.CANCELLED', params: { roundId: '2024-1', roundTitle: TITLE } },
    });
  });

  it('GIVEN a round never opened, or unknown THEN the refusal of the lookup', async () => {
    const ctx = await setup(null);
    expect(await buildReport(ctx, '2024-1')).toMatchObject({ ok: false, error: { code: 'ROUND.NOT_OPEN' } });
    expect(await buildReport(ctx, 'nope')).toMatchObject({ ok: false, error: { code: 'ROUND.NOT_FOUND' } });
  });
});
