/**
 * Agenda materials with the invitation over Slack: each file uploaded to the
 * member's DM with the 3-step upload (its own outbox part), listed in the
 * invitation; a failed upload retried alone; a refused one told to staff.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Committee } from '../../../src/core/model.ts';
import { createTestApp, kst, runUntil, type TestApp } from '../../fakes/app-harness.ts';
import { materialFile } from '../../fakes/materials.ts';
import { type SlackKit, slackKit } from './slack-kit.ts';
import { buttonClick } from '../../fakes/slack/slack-payloads.ts';
import { questionnaireModal } from '../../../src/adapters/slack/questionnaire-modal.ts';
import { ACTION_ANSWER } from '../../../src/adapters/slack/slack-ids.ts';
import { waitFor } from './wait-for.ts';

const ROUND = '2024-1';
const overview = materialFile('overview.pdf', 3000, 1, { title: '안건 설명자료' });
const reference = materialFile('reference.pdf', 5000, 2, { title: '참고자료 <!channel>', itemId: '2' });

describe('agenda materials with the invitation over Slack', { timeout: 120_000 }, () => {
  let kit: SlackKit;
  let t: TestApp;
  let committee: Committee;
  const dmOf = (i: number) => kit.fake.dmChannelOf(committee.members[i]?.platforms.slack ?? '');

  beforeEach(async () => {
    kit = await slackKit();
    t = await createTestApp({
      messengers: [kit.adapter.messenger],
      mutateRound: (r) => {
        r.materials = [
          overview.material,
          reference.material,
          { kind: 'link', title: '누리집', url: 'https://example.org/plan?a=1&b=2', itemId: '1' },
        ];
      },
    });
    committee = t.committees[0] as Committee;
  });

  afterEach(async () => {
    await kit.close();
    await t.store.close();
  });

  it('GIVEN a round with two files and a link WHEN it opens THEN each member gets the invitation listing them and both files, byte for byte, in their DM', async () => {
    await t.app.runAsOperator({ verb: 'open', roundId: ROUND });
    await t.app.runDueJobs();
    const files = kit.fake.files.filter((f) => f.channel === dmOf(0));
    expect(files.map((f) => f.name)).toEqual(['overview.pdf', 'reference.pdf']);
    expect(files[0]?.bytes.equals(overview.bytes)).toBe(true);
    expect(files[1]?.bytes.equals(reference.bytes)).toBe(true);
    const [invitation] = kit.fake.textsIn(dmOf(0));
    expect(invitation).toContain('안건 설명자료(3KB, 첨부 파일)');
    expect(invitation).toContain('[안건 2]');
    expect(invitation).toContain('<https://example.org/plan?a=1&b=2|누리집>');
    expect(JSON.stringify(kit.fake.messagesIn(dmOf(0)))).not.toContain('<!channel>');
    expect(kit.fake.callsOf('files.getUploadURLExternal').every((c) => Number(c.args.length) > 0)).toBe(true);
  });

  it('GIVEN one upload fails for now WHEN the invitation job retries THEN only that file is uploaded again; no invitation is posted twice', async () => {
    // An error answer the client does not retry itself: one file of one member is missing after the first run.
    kit.fake.failNext('files.getUploadURLExternal', { error: 'internal_error' });
    await t.app.runAsOperator({ verb: 'open', roundId: ROUND });
    await t.app.runDueJobs();
    const members = committee.members.map((_, i) => i);
    const filesIn = (i: number) => kit.fake.files.filter((f) => f.channel === dmOf(i)).map((f) => f.name);
    expect(members.map((i) => filesIn(i).length).sort()).toEqual([1, 2, 2, 2, 2, 2, 2]);
    for (const m of committee.members)
      expect((await t.store.getInvitation(ROUND, m.id))?.deliveryState).toBe('delivered');
    await runUntil(t, kst('2024-02-08 10:00'));
    for (const i of members) expect(filesIn(i).sort()).toEqual(['overview.pdf', 'reference.pdf']);
    for (const i of members) expect(kit.fake.messagesIn(dmOf(i))).toHaveLength(1);
    expect(kit.fake.callsOf('files.completeUploadExternal')).toHaveLength(14);
  });

  it('GIVEN a workspace that restricts large uploads WHEN the round opens THEN the invitation arrives and staff are told in words which file did not', async () => {
    kit.fake.maxUploadBytes = 4000;
    await t.app.runAsOperator({ verb: 'open', roundId: ROUND });
    await t.app.runDueJobs();
    expect(kit.fake.refusals.some((r) => r.error === 'file_upload_size_restricted')).toBe(true);
    expect(kit.fake.files.filter((f) => f.channel === dmOf(0)).map((f) => f.name)).toEqual(['overview.pdf']);
    const staff = kit.fake.textsIn(committee.staffChannels.slack ?? '');
    const told = staff.filter((text) => text.includes('안건 설명자료 일부를 보내지 못하였습니다'));
    expect(told.length).toBeGreaterThan(0);
    expect(told[0]).toContain('reference.pdf');
  });

  it('GIVEN a round with materials WHEN a member opens the questionnaire THEN each agenda item lists its materials (the whole round’s with the first), linked', async () => {
    kit.adapter.attach(t.app);
    await kit.adapter.start();
    await kit.fake.socketConnected();
    await t.app.runAsOperator({ verb: 'open', roundId: ROUND });
    await t.app.runDueJobs();
    const memberId = committee.members[0]?.platforms.slack ?? '';
    const click = buttonClick(kit.fake, memberId, ACTION_ANSWER, ROUND, { channel: dmOf(0) });
    await kit.fake.sendEnvelope('interactive', click);
    const first = JSON.stringify((await waitFor(() => kit.fake.views[0], 'the questionnaire')).view.blocks);
    expect(kit.fake.refusals).toEqual([]);
    expect(first).toContain(
      '안건 설명자료: 안건 설명자료(자문 요청 메시지에 첨부), <https://example.org/plan?a=1&b=2|누리집>',
    );
    expect(first).not.toContain('reference.pdf');
    const view = await t.app.questionnaire({ platform: 'slack', userId: memberId }, ROUND);
    if (!view.ok) throw new Error('no questionnaire');
    const second = JSON.stringify(questionnaireModal(view.value, 1).blocks);
    expect(second).toContain('안건 설명자료: 참고자료 &lt;!channel&gt;(자문 요청 메시지에 첨부)');
    expect(second).not.toContain('누리집');
  });
});
