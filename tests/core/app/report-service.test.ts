/**
 * The result report of a round from the store and the configuration: refused
 * like the summary while the round is not closed, else built with the
 * round's report fields, the note, and the closed days of its real window.
 */
import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../../src/adapters/memory/memory-store.ts';
import { AppContext } from '../../../src/core/app/app-context.ts';
import { buildReport, reportReply } from '../../../src/core/app/report-service.ts';
import { roundFromDefinition } from '../../../src/core/app/schedule-round.ts';
import type { Committee, Round, RoundDefinition } from '../../../src/core/model.ts';
import type { ReportRenderer } from '../../../src/core/report/report-model.ts';
import { ManualClock } from '../../../src/core/ports/clock.ts';
import { silentLogger } from '../../../src/core/ports/logger.ts';
import { seedConfig } from '../../fakes/app-harness.ts';

const TITLE = "'24년 제1차 지역상생발전위원회 서면자문";

async function setup(patch: Partial<Round> | null, dropReportInfo = false, renderReport?: ReportRenderer) {
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
    ...(renderReport ? { renderReport } : {}),
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

describe('reportReply', () => {
  const file = { name: 'jamun-2024-1-report.pdf', mimeType: 'application/pdf', content: Buffer.from('%PDF') };

  it('GIVEN a closed round and a renderer THEN the document is rendered under its name, audited, and sent privately by DM', async () => {
    const calls: Array<[string, string, string]> = [];
    const render: ReportRenderer = async (report, format, name) => {
      calls.push([report.title, format, name]);
      return file;
    };
    const ctx = await setup(closedAtDeadline, false, render);
    expect(await reportReply(ctx, '2024-1', 'pdf', 'slack:U-staff')).toEqual({
      ok: true,
      value: {
        text: `「${TITLE}」 결과 보고(pdf)를 작성하였습니다: jamun-2024-1-report.pdf`,
        ephemeral: true,
        files: [file],
        filesByDm: true,
      },
    });
    expect(calls.map(([, format, name]) => [format, name])).toEqual([['pdf', 'jamun-2024-1-report']]);
    expect(await ctx.store.listAudit('2024-1')).toEqual([
      {
        at: new Date('2024-02-29T00:00:00Z'),
        actor: 'slack:U-staff',
        action: 'round.report',
        roundId: '2024-1',
        detail: { format: 'pdf' },
      },
    ]);
  });

  it('GIVEN a round whose file is gone THEN the reply names it by id', async () => {
    const ctx = await setup(closedAtDeadline, false, async () => file);
    ctx.definitions.clear();
    const reply = await reportReply(ctx, '2024-1', 'docx', 'cli');
    expect(reply.ok && reply.value.text).toBe('「2024-1」 결과 보고(docx)를 작성하였습니다: jamun-2024-1-report.pdf');
  });

  it('GIVEN no renderer THEN REPORT.UNAVAILABLE and nothing audited; GIVEN an open round THEN the refusal of the report', async () => {
    const ctx = await setup(closedAtDeadline);
    expect(await reportReply(ctx, '2024-1', 'pdf', 'cli')).toEqual({
      ok: false,
      error: { code: 'REPORT.UNAVAILABLE', params: {} },
    });
    expect(await ctx.store.listAudit('2024-1')).toEqual([]);
    const open = await setup({ status: 'open' }, false, async () => file);
    expect(await reportReply(open, '2024-1', 'pdf', 'cli')).toMatchObject({
      ok: false,
      error: { code: 'ROUND.NOT_CLOSED' },
    });
  });
});
