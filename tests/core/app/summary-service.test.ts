/**
 * What the staff summary says about the round's window and what its export
 * files are, built from the store on the seed committee's Korean calendar.
 */
import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../../src/adapters/memory/memory-store.ts';
import { AppContext } from '../../../src/core/app/app-context.ts';
import { roundFromDefinition } from '../../../src/core/app/schedule-round.ts';
import { buildSummary, exportFile } from '../../../src/core/app/summary-service.ts';
import { t } from '../../../src/core/i18n/catalogue.ts';
import type { Committee, Round } from '../../../src/core/model.ts';
import { ManualClock } from '../../../src/core/ports/clock.ts';
import { silentLogger } from '../../../src/core/ports/logger.ts';
import { kst, seedConfig } from '../../fakes/app-harness.ts';

/**
 * The seed round runs 2024-02-08 (Thu) 09:00 to 2024-02-15 (Thu) 18:00 in Seoul.
 * Seollal closes 2024-02-09 to 02-12 (with the substitute holiday), so its
 * business days are 8, 13, 14 and 15 February: four.
 */
function setup(patch: Partial<Round> = {}) {
  const { committees, rounds } = seedConfig();
  const committee = committees[0] as Committee;
  const ctx = new AppContext({
    store: createMemoryStore(),
    messengers: [],
    committees,
    rounds,
    clock: new ManualClock(kst('2024-02-16 10:00')),
    logger: silentLogger,
  });
  const draft = roundFromDefinition(rounds[0]!, committee);
  if (!draft.ok) throw new Error('seed round is invalid');
  const round: Round = { ...draft.value, status: 'closed', closedAt: kst('2024-02-15 18:00'), ...patch };
  return { ctx, committee, round };
}

describe('the summary counts the business days the round really had', () => {
  it('GIVEN the seed round opened on time and closed at its deadline THEN 4 business days, from the opening to the deadline', async () => {
    const { ctx, committee, round } = setup();
    const summary = await buildSummary(ctx, round, committee);
    expect(summary.businessDays).toBe(4);
    expect(summary.generatedAt).toEqual(kst('2024-02-16 10:00'));
  });

  it('GIVEN the round was opened late, on 13 February THEN 3 business days, counted from the day it was opened', async () => {
    const { ctx, committee, round } = setup({ openedAt: kst('2024-02-13 10:00') });
    expect((await buildSummary(ctx, round, committee)).businessDays).toBe(3);
  });

  it('GIVEN staff closed the round early on 14 February THEN 3 business days, counted up to the close, not the deadline', async () => {
    const { ctx, committee, round } = setup({ closedAt: kst('2024-02-14 12:00') });
    expect((await buildSummary(ctx, round, committee)).businessDays).toBe(3);
  });

  it('GIVEN a window across New Year into a year without an official list THEN the summary carries the calendar warning', async () => {
    const { ctx, committee, round } = setup({
      opensAt: kst('2029-12-28 09:00'),
      closesAt: kst('2030-01-04 18:00'),
      closedAt: kst('2030-01-04 18:00'),
    });
    const summary = await buildSummary(ctx, round, committee);
    expect((summary.calendarNotes ?? []).join('\n')).toContain('2030');
  });
});

describe('export files of the summary', () => {
  it('GIVEN each format THEN the file is named after the round with the right type and content', async () => {
    const { ctx, committee, round } = setup();
    await ctx.store.createInvitations([
      { roundId: round.id, memberId: 'm-kang', deliveryState: 'delivered', late: false },
    ]);
    const summary = await buildSummary(ctx, round, committee);
    const md = exportFile(summary, 'md');
    expect([md.name, md.mimeType]).toEqual(['jamun-2024-1.md', 'text/markdown; charset=utf-8']);
    // The staff Markdown document: headings, and who has not submitted by name.
    expect(md.content.toString('utf8')).toMatch(/^# /);
    expect(md.content.toString('utf8')).toContain(`## ${t('ko', 'summary.notSubmitted')}\n\n- 강도영`);
    const csv = exportFile(summary, 'csv');
    expect([csv.name, csv.mimeType]).toEqual(['jamun-2024-1.csv', 'text/csv; charset=utf-8']);
    expect([...csv.content.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const json = exportFile(summary, 'json');
    expect([json.name, json.mimeType]).toEqual(['jamun-2024-1.json', 'application/json; charset=utf-8']);
    expect(JSON.parse(json.content.toString('utf8'))).toMatchObject({ roundId: '2024-1', businessDays: 4 });
  });
});
