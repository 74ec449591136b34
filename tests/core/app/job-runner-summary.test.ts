/**
 * The summary job when a file of the summary post fails to upload: a file
 * failing for now is retried with the job, and staff are told in words only
 * when the last attempt still could not upload it; the round is summarised
 * once the post is there, complete or not.
 */
import { describe, expect, it } from 'vitest';
import { createTestApp, kst, runUntil, type TestApp } from '../../fakes/app-harness.ts';
import { PartsMessenger } from '../../fakes/parts-messenger.ts';

const ROUND = '2024-1';
const SECOND = 1000;
const CLOSES = kst('2024-02-15 18:00');
const MARKDOWN = `jamun-${ROUND}.md`;
const rateLimited = { ok: false, permanent: false, reason: 'rate_limited' } as const;

async function closedWith(markdownFailures: number) {
  const local = new PartsMessenger();
  const t = await createTestApp({ messengers: [local] });
  await t.app.runAsOperator({ verb: 'open', roundId: ROUND });
  await t.app.runDueJobs();
  local.failing.set(`staff:${MARKDOWN}`, Array(markdownFailures).fill(rateLimited));
  await runUntil(t, CLOSES);
  return { t, local };
}

const summaryJob = async (t: TestApp) => (await t.store.listJobs(ROUND)).find((j) => j.kind === 'summarise');
const toldOfMissing = (local: PartsMessenger) =>
  local
    .messagesIn('staff')
    .filter((m) => m.kind === 'text' && m.text.includes(MARKDOWN))
    .map((m) => m.text);

describe('a summary whose file fails to upload for now', () => {
  it('GIVEN the Markdown file fails once THEN the job tries again 30 s later, uploads only that file, and the round is summarised without a word to staff', async () => {
    const { t, local } = await closedWith(1);
    expect(await summaryJob(t)).toMatchObject({ state: 'pending', attempts: 1, lastError: 'summary post incomplete' });
    expect((await t.store.getRound(ROUND))?.status).toBe('closed');
    await runUntil(t, new Date(CLOSES.getTime() + 30 * SECOND));
    expect(local.uploads).toEqual([`staff:${MARKDOWN}`, `staff:jamun-${ROUND}.csv`, `staff:${MARKDOWN}`]);
    expect(local.messagesIn('staff').filter((m) => m.kind === 'summary')).toHaveLength(1);
    expect(await summaryJob(t)).toMatchObject({ state: 'done', attempts: 2 });
    expect((await t.store.getRound(ROUND))?.status).toBe('summarised');
    expect(toldOfMissing(local)).toEqual([]);
  });

  it('GIVEN the Markdown file fails every time THEN staff are told of it once, after the fifth attempt, and the round is summarised then', async () => {
    const { t, local } = await closedWith(100);
    await runUntil(t, new Date(CLOSES.getTime() + 449 * SECOND));
    expect(toldOfMissing(local)).toEqual([]);
    expect((await t.store.getRound(ROUND))?.status).toBe('closed');
    await runUntil(t, new Date(CLOSES.getTime() + 3600 * SECOND));
    expect(local.uploads.filter((upload) => upload === `staff:${MARKDOWN}`)).toHaveLength(5);
    expect(toldOfMissing(local)).toHaveLength(1);
    expect(await t.store.getRound(ROUND)).toMatchObject({
      status: 'summarised',
      summarisedAt: new Date(CLOSES.getTime() + 450 * SECOND),
    });
    expect(await summaryJob(t)).toMatchObject({ state: 'done', attempts: 5 });
  });
});
