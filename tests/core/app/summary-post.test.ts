/**
 * Posting the summary part by part: each part has its own outbox key, so a
 * second attempt sends only what is missing, and staff are told in words,
 * once, what could not be sent.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LocalMessenger } from '../../../src/adapters/local/local-messenger.ts';
import { createMemoryStore } from '../../../src/adapters/memory/memory-store.ts';
import { AppContext } from '../../../src/core/app/app-context.ts';
import { roundFromDefinition } from '../../../src/core/app/schedule-round.ts';
import { exportFile, postSummary } from '../../../src/core/app/summary-service.ts';
import { t } from '../../../src/core/i18n/catalogue.ts';
import type { Committee, Round } from '../../../src/core/model.ts';
import { ManualClock } from '../../../src/core/ports/clock.ts';
import { type Logger, silentLogger } from '../../../src/core/ports/logger.ts';
import {
  type Delivery,
  HEADER_PART,
  type PartLedger,
  type StaffMessage,
  type UploadFile,
} from '../../../src/core/ports/messenger.ts';
import { createTestApp, kst, seedConfig } from '../../fakes/app-harness.ts';

const MD = 'jamun-2024-1.md';
const CSV = 'jamun-2024-1.csv';
type Failure = Extract<Delivery, { ok: false }>;

/** A staff channel that posts a summary as a header and one upload per file, each through the ledger. */
class PartsMessenger extends LocalMessenger {
  readonly failures = new Map<string, Failure>();
  readonly calls: string[] = [];
  /** Thread replies after the header (a long summary). */
  replies = 0;
  /** Each file as it was posted, with its bytes read then. */
  readonly uploads: Array<{ file: UploadFile; bytes: Buffer }> = [];

  override async postToStaff(
    channelId: string,
    message: StaffMessage,
    key: string,
    parts?: PartLedger,
  ): Promise<Delivery> {
    if (message.kind !== 'summary' || !parts) return super.postToStaff(channelId, message, key);
    const send = (partId: string) => async (): Promise<Delivery> => {
      this.calls.push(partId);
      return (
        this.failures.get(partId) ?? super.postToStaff(channelId, { kind: 'text', locale: 'ko', text: partId }, key)
      );
    };
    const header = await parts.part(HEADER_PART, { kind: 'message', index: 0 }, send(HEADER_PART));
    if (!header.ok) return header;
    for (let index = 1; index <= this.replies; index += 1)
      await parts.part(`reply-${index}`, { kind: 'message', index }, send(`reply-${index}`));
    for (const file of message.files) {
      this.uploads.push({ file, bytes: 'path' in file ? readFileSync(file.path) : file.content });
      await parts.part(file.name, { kind: 'file', name: file.name }, send(file.name));
    }
    return header;
  }
}

/** Keeps the warnings, so a test can read what operators would. */
function warningLogger(): Logger & { warnings: Array<[Record<string, unknown>, string]> } {
  const warnings: Array<[Record<string, unknown>, string]> = [];
  const logger = {
    ...silentLogger,
    warnings,
    warn: (context: Record<string, unknown>, message: string) => warnings.push([context, message]),
  };
  return { ...logger, child: () => logger };
}

function setup() {
  const logger = warningLogger();
  const { committees, rounds } = seedConfig();
  const committee = committees[0] as Committee;
  const messenger = new PartsMessenger();
  const store = createMemoryStore();
  const clock = new ManualClock(kst('2024-02-15 18:05'));
  const ctx = new AppContext({ store, messengers: [messenger], committees, rounds, clock, logger });
  const draft = roundFromDefinition(rounds[0]!, committee);
  if (!draft.ok) throw new Error('seed round is invalid');
  const round: Round = { ...draft.value, status: 'closed', closedAt: kst('2024-02-15 18:00') };
  const notices = () => messenger.messagesIn('staff').filter((m) => m.kind === 'text' && m.text.includes(round.title));
  return { ctx, committee, round, messenger, store, notices, logger };
}

describe('posting the summary part by part', () => {
  it('GIVEN every part goes THEN one post, nothing retryable, no notice, and the post is recorded with the header message', async () => {
    const s = setup();
    const posting = await postSummary(s.ctx, s.round, s.committee, 'auto', { final: false });
    expect([posting.posted, posting.channels, posting.retryable]).toEqual([1, 1, false]);
    expect(s.messenger.calls).toEqual([HEADER_PART, MD, CSV]);
    expect(s.notices()).toEqual([]);
    const records = await s.store.listSummaries(s.round.id);
    expect(records).toEqual([
      expect.objectContaining({
        platform: 'local',
        channelId: 'staff',
        format: 'message+md+csv',
        postedAt: s.ctx.now(),
      }),
    ]);
    expect(records[0]?.messageId).toBe(s.messenger.messagesIn('staff')[0]?.id);
  });

  it('GIVEN the summary is posted THEN the files are on disk while they are sent, the export bytes, and gone after the post', async () => {
    const s = setup();
    const posting = await postSummary(s.ctx, s.round, s.committee, 'auto', { final: false });
    const expected = [exportFile(posting.summary, 'md'), exportFile(posting.summary, 'csv')];
    expect(s.messenger.uploads.map(({ file }) => 'path' in file)).toEqual([true, true]);
    expect(s.messenger.uploads.map(({ bytes }) => bytes)).toEqual(expected.map((file) => file.content));
    expect(s.messenger.uploads.map(({ file }) => 'path' in file && existsSync(file.path))).toEqual([false, false]);
  });

  it('GIVEN the CSV upload is refused THEN the post counts, nothing is retried, and staff are told once which file is missing and why, audited', async () => {
    const s = setup();
    s.messenger.failures.set(CSV, { ok: false, permanent: true, reason: 'forbidden' });
    const posting = await postSummary(s.ctx, s.round, s.committee, 'auto', { final: false });
    expect([posting.posted, posting.retryable]).toEqual([1, false]);
    const notices = s.notices();
    expect(notices).toHaveLength(1);
    expect(notices[0]?.text).toContain(`• ${t('ko', 'staff.parts.file', { file: CSV, reason: '권한 없음' })}`);
    expect(notices[0]?.text).not.toContain(MD);
    const audit = (await s.store.listAudit(s.round.id)).filter((e) => e.action === 'summary.partsMissing');
    expect(audit.map((e) => [e.actor, e.detail])).toEqual([['system', { platform: 'local', parts: [CSV] }]]);
    await postSummary(s.ctx, s.round, s.committee, 'auto', { final: false });
    expect(s.notices()).toHaveLength(1);
  });

  it('GIVEN the CSV fails for now THEN the post is retryable and staff are not told yet; the next attempt sends only the CSV and records no second post', async () => {
    const s = setup();
    s.messenger.failures.set(CSV, { ok: false, permanent: false, reason: 'rate_limited' });
    const first = await postSummary(s.ctx, s.round, s.committee, 'auto', { final: false });
    expect([first.posted, first.retryable]).toEqual([1, true]);
    expect(s.notices()).toEqual([]);
    s.messenger.failures.clear();
    const second = await postSummary(s.ctx, s.round, s.committee, 'auto', { final: false });
    expect([second.posted, second.retryable]).toEqual([1, false]);
    expect(s.messenger.calls).toEqual([HEADER_PART, MD, CSV, CSV]);
    expect(await s.store.listSummaries(s.round.id)).toHaveLength(1);
  });

  it('GIVEN a refused thread reply and a refused file THEN one notice lists both, one line each, the reply by its place in the summary', async () => {
    const s = setup();
    s.messenger.replies = 1;
    s.messenger.failures.set('reply-1', { ok: false, permanent: true, reason: 'forbidden' });
    s.messenger.failures.set(CSV, { ok: false, permanent: true, reason: 'forbidden' });
    await postSummary(s.ctx, s.round, s.committee, 'auto', { final: false });
    expect(s.notices()).toHaveLength(1);
    expect(s.notices()[0]?.text).toContain(
      [
        `• ${t('ko', 'staff.parts.section', { index: 2, reason: '권한 없음' })}`,
        `• ${t('ko', 'staff.parts.file', { file: CSV, reason: '권한 없음' })}`,
      ].join('\n'),
    );
  });

  it('GIVEN a refused file and another that fails for now THEN staff wait for the next attempt, which may bring the second', async () => {
    const s = setup();
    s.messenger.failures.set(MD, { ok: false, permanent: false, reason: 'rate_limited' });
    s.messenger.failures.set(CSV, { ok: false, permanent: true, reason: 'forbidden' });
    const posting = await postSummary(s.ctx, s.round, s.committee, 'auto', { final: false });
    expect(posting.retryable).toBe(true);
    expect(s.notices()).toEqual([]);
  });

  it('GIVEN a re-post under a new version with the same file refused THEN staff are told again, once per post', async () => {
    const s = setup();
    s.messenger.failures.set(CSV, { ok: false, permanent: true, reason: 'forbidden' });
    await postSummary(s.ctx, s.round, s.committee, 'auto', { final: false });
    await postSummary(s.ctx, s.round, s.committee, 'manual-1', { final: false });
    await postSummary(s.ctx, s.round, s.committee, 'manual-1', { final: false });
    expect(s.notices()).toHaveLength(2);
  });

  it('GIVEN the CSV fails for now on the last attempt THEN staff are told now', async () => {
    const s = setup();
    s.messenger.failures.set(CSV, { ok: false, permanent: false, reason: 'rate_limited' });
    const posting = await postSummary(s.ctx, s.round, s.committee, 'auto', { final: true });
    expect(posting.retryable).toBe(false);
    expect(s.notices()[0]?.text).toContain(t('ko', 'staff.parts.file', { file: CSV, reason: '전송 한도 초과' }));
  });

  it('GIVEN a part cut by a crash THEN staff are told it may or may not be there', async () => {
    const s = setup();
    const key = `summary:${s.round.id}:local:auto#${MD}`;
    await s.store.claimOutbox(key, 'local', s.ctx.now());
    await s.store.settleOutbox(key, { state: 'uncertain' }, s.ctx.now());
    await postSummary(s.ctx, s.round, s.committee, 'auto', { final: false });
    expect(s.notices()[0]?.text).toContain(
      t('ko', 'staff.parts.file', { file: MD, reason: t('ko', 'staff.parts.uncertain') }),
    );
  });

  it('GIVEN the header is refused THEN nothing is posted and nothing retried; GIVEN it fails for now THEN retryable', async () => {
    const refused = setup();
    refused.messenger.failures.set(HEADER_PART, { ok: false, permanent: true, reason: 'channel_not_found' });
    const a = await postSummary(refused.ctx, refused.round, refused.committee, 'auto', { final: false });
    expect([a.posted, a.channels, a.retryable]).toEqual([0, 1, false]);
    expect(await refused.store.listSummaries(refused.round.id)).toEqual([]);
    expect(refused.logger.warnings).toEqual([
      [{ roundId: '2024-1', platform: 'local', reason: 'channel_not_found' }, 'summary post failed'],
    ]);
    const later = setup();
    later.messenger.failures.set(HEADER_PART, { ok: false, permanent: false, reason: 'network_error' });
    const b = await postSummary(later.ctx, later.round, later.committee, 'auto', { final: false });
    expect([b.posted, b.retryable]).toEqual([0, true]);
  });
});

describe('the summary staff ask for', () => {
  it('GIVEN the CSV fails for now WHEN staff ask for the summary THEN it is the last attempt: staff are told at once which file is missing', async () => {
    const messenger = new PartsMessenger();
    messenger.failures.set(CSV, { ok: false, permanent: false, reason: 'rate_limited' });
    const app = await createTestApp({ messengers: [messenger], now: kst('2024-02-08 09:00') });
    const staff = { platform: 'local' as const, userId: 'staff-son' };
    await app.app.runStaffCommand(staff, { verb: 'open', roundId: '2024-1' });
    await app.app.runStaffCommand(staff, { verb: 'close', roundId: '2024-1' });
    await app.app.runStaffCommand(staff, { verb: 'summary', roundId: '2024-1' });
    const missing = t('ko', 'staff.parts.file', { file: CSV, reason: '전송 한도 초과' });
    expect(messenger.messagesIn('staff').filter((m) => m.kind === 'text' && m.text.includes(missing))).toHaveLength(1);
  });
});
