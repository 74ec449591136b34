/**
 * One outbox key per part of the summary over Slack: when the files cannot be
 * attached, the header and thread are posted once (not again on each retry)
 * and staff are told in words what is missing and how to get it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Committee } from '../../../src/core/model.ts';
import { createTestApp, kst, runUntil, type TestApp } from '../../fakes/app-harness.ts';
import { type SlackKit, slackKit } from './slack-kit.ts';

const ROUND = '2024-1';

describe('the summary over Slack, part by part', () => {
  let kit: SlackKit;
  let t: TestApp;
  let channel: string;

  beforeEach(async () => {
    kit = await slackKit();
    t = await createTestApp({ messengers: [kit.adapter.messenger] });
    const committee = t.committees[0] as Committee;
    channel = committee.staffChannels.slack ?? '';
    await t.app.runAsOperator({ verb: 'open', roundId: ROUND });
    await t.app.runDueJobs();
  });

  afterEach(async () => {
    await kit.close();
    await t.store.close();
  });

  /** Summary headers in the staff channel (top-level posts naming the participation). */
  const headers = () =>
    kit.fake.messagesIn(channel).filter((m) => m.threadTs === undefined && JSON.stringify(m.blocks).includes('/7'));

  it('GIVEN Slack refuses both file uploads (restricted_action) WHEN the round closes THEN the summary is posted once and staff are told, in words, that the CSV could not be attached and how to get it', async () => {
    kit.fake.failNext('files.completeUploadExternal', { error: 'restricted_action' }, 2);
    await runUntil(t, kst('2024-02-15 18:05'));
    await runUntil(t, kst('2024-02-16 18:05'));
    expect(headers()).toHaveLength(1);
    expect(kit.fake.callsOf('files.completeUploadExternal')).toHaveLength(2);
    const notices = kit.fake.textsIn(channel).filter((text) => text.includes('일부를 게시하지 못하였습니다'));
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain('jamun-2024-1.csv 파일을 첨부하지 못하였습니다');
    expect(notices[0]).toContain('jamun-2024-1.md 파일을 첨부하지 못하였습니다');
    expect(notices[0]).toContain(`export ${ROUND} csv`);
    expect((await t.store.getRound(ROUND))?.status).toBe('summarised');
  });

  it('GIVEN an upload that fails for now (5xx past the client retries) WHEN the summary job retries THEN only the missing file is sent and the header is not posted again', async () => {
    kit.fake.failNext('files.getUploadURLExternal', { status: 503 }, 4);
    await runUntil(t, kst('2024-02-15 18:01'));
    expect(headers()).toHaveLength(1);
    const threadCount = kit.fake.messagesIn(channel).filter((m) => m.threadTs !== undefined).length;
    await runUntil(t, kst('2024-02-15 20:00'));
    expect(headers()).toHaveLength(1);
    expect(kit.fake.messagesIn(channel).filter((m) => m.threadTs !== undefined)).toHaveLength(threadCount);
    const names = kit.fake.files.filter((f) => f.channel === channel).map((f) => f.name);
    expect(names.sort()).toEqual(['jamun-2024-1.csv', 'jamun-2024-1.md']);
    expect(kit.fake.textsIn(channel).some((text) => text.includes('일부를 게시하지 못하였습니다'))).toBe(false);
    expect((await t.store.getRound(ROUND))?.status).toBe('summarised');
  });
});
