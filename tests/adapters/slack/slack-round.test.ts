/**
 * A full round over Slack in Socket Mode: the real Bolt App and WebClient
 * against the local fake Slack, the real core on an in-memory store.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../fakes/app-harness.ts';
import type { Args, FakeView } from '../../fakes/slack/fake-slack-server.ts';
import {
  buttonClick,
  confirmOpen,
  dmMessage,
  fillView,
  slashCommand,
  viewSubmission,
  type Typed,
} from '../../fakes/slack/slack-payloads.ts';
import { describeError, t } from '../../../src/core/i18n/catalogue.ts';
import type { Member } from '../../../src/core/model.ts';
import { slackKit, type SlackKit } from './slack-kit.ts';
import { waitFor } from './wait-for.ts';

const ROUND = '2024-1';
const INJECTION = '<!channel> <!here> <@U0STAFFSON> *굵게* 지역 홍보 체계 & 판로';

describe('a round over Slack (Socket Mode)', () => {
  let kit: SlackKit;
  let t0: TestApp;
  let members: Member[];
  let staffId: string;
  let staffChannel: string;
  const slackId = (m: Member | undefined): string => m?.platforms.slack ?? '';

  /** Sends a slash command and returns what the bot posted to its response_url. */
  async function command(userId: string, text: string, channel = staffChannel): Promise<Args> {
    const payload = slashCommand(kit.fake, userId, text, channel);
    const ack = await kit.fake.sendEnvelope('slash_commands', payload);
    expect(ack).toEqual({});
    const id = String(payload.response_url).split('/').pop();
    return (await waitFor(() => kit.fake.responses.find((r) => r.id === id), `reply to /jamun ${text}`)).body;
  }

  async function click(userId: string, actionId: string): Promise<Args> {
    return kit.fake.sendEnvelope(
      'interactive',
      buttonClick(kit.fake, userId, actionId, ROUND, { channel: kit.fake.dmChannelOf(userId) }),
    );
  }

  async function openQuestionnaire(userId: string): Promise<FakeView> {
    const before = kit.fake.views.length;
    await click(userId, 'jamun.answer');
    await waitFor(() => kit.fake.views.length > before, 'views.open');
    return kit.fake.lastView('jamun.questionnaire');
  }

  async function submitView(userId: string, view: FakeView, typed: Record<string, Typed>): Promise<Args> {
    return kit.fake.sendEnvelope('interactive', viewSubmission(kit.fake, userId, view, fillView(view, typed)));
  }

  const dmTexts = (m: Member | undefined): string[] => kit.fake.textsIn(kit.fake.dmChannelOf(slackId(m)));
  const answersOf = async (m: Member | undefined) => t0.store.listAnswers(ROUND, m?.id);

  beforeAll(async () => {
    kit = await slackKit();
    t0 = await createTestApp({ messengers: [kit.adapter.messenger] });
    const committee = t0.committees[0];
    if (!committee) throw new Error('seed committee missing');
    members = committee.members;
    staffId = committee.staff.userIds.slack?.[0] ?? '';
    staffChannel = committee.staffChannels.slack ?? '';
    kit.fake.failUser(slackId(members[6]), 'cannot_dm_bot');
    kit.adapter.attach(t0.app);
    await kit.adapter.start();
    await kit.fake.socketConnected();
  });

  afterAll(async () => {
    await kit.close();
    await t0.store.close();
  });

  it('GIVEN a member who is not staff WHEN they run /jamun open THEN the core refuses and the reply is ephemeral', async () => {
    const reply = await command(slackId(members[0]), `open ${ROUND}`);
    expect(reply.response_type).toBe('ephemeral');
    expect(JSON.stringify(reply)).toContain(t('ko', 'STAFF.FORBIDDEN'));
    expect((await t0.store.getRound(ROUND))?.status ?? 'none').not.toBe('open');
    expect((await t0.store.listAudit()).some((e) => e.actor === `slack:${slackId(members[0])}`)).toBe(true);
  });

  it('GIVEN staff WHEN they open the round and press Open THEN six members get a DM with buttons, the seventh fails for good and progress shows 6/7', async () => {
    const confirmation = await command(staffId, `open ${ROUND}`);
    expect(confirmation.response_type).toBe('ephemeral');
    expect((await t0.store.getRound(ROUND))?.status ?? 'none').not.toBe('open');
    expect(await kit.fake.sendEnvelope('interactive', confirmOpen(kit.fake, staffId, ROUND, staffChannel))).toEqual({});
    await waitFor(async () => (await t0.store.getRound(ROUND))?.status === 'open', 'the round opened');
    await t0.app.runDueJobs();
    await kit.adapter.messenger.flush();
    for (const m of members.slice(0, 6)) {
      const [dm] = kit.fake.messagesIn(kit.fake.dmChannelOf(slackId(m)));
      expect(JSON.stringify(dm?.blocks)).toContain('jamun.answer');
      expect(JSON.stringify(dm?.blocks)).toContain('jamun.decline');
    }
    expect(kit.fake.callsOf('conversations.open').filter((c) => !c.error)).toHaveLength(6);
    const failed = await t0.store.getInvitation(ROUND, members[6]?.id ?? '');
    expect(failed).toMatchObject({ deliveryState: 'failed', failureReason: 'cannot_dm_bot' });
    const progress = kit.fake.messagesIn(staffChannel);
    expect(progress).toHaveLength(1);
    expect(kit.fake.textsIn(staffChannel)[0]).toContain('6/7');
  });

  it('GIVEN staff WHEN they ask for status THEN the reply carries the bar and the counts', async () => {
    const reply = await command(staffId, `status ${ROUND}`);
    const text = JSON.stringify(reply.blocks);
    expect(text).toContain('░░░░░░░░░░');
    expect(text).toMatch(/(제출|submitted) 0\/7/);
    expect(text).toMatch(/(전달|delivered) 6/);
    expect(text).toMatch(/(실패|failed) 1/);
  });

  it('GIVEN the fan-out is waiting out a 429 WHEN a member presses Answer THEN the modal still opens before the trigger id expires', async () => {
    kit.fake.triggerTtlMs = 500;
    kit.fake.failNext('conversations.open', { status: 429, retryAfter: 1 });
    const invite = kit.adapter.messenger.sendToMember(
      { memberId: 'x', userId: 'U0LATECOMER', name: 'x', locale: 'ko', timeZone: 'Asia/Seoul' },
      { kind: 'notice', locale: 'ko', text: '안내' },
      'late',
    );
    await waitFor(() => kit.fake.callsOf('conversations.open').some((c) => c.status === 429), 'the 429');
    const view = await openQuestionnaire(slackId(members[5]));
    expect(kit.fake.callsOf('views.open').at(-1)?.error).toBeUndefined();
    expect(view.view.callback_id).toBe('jamun.questionnaire');
    expect((await invite).ok).toBe(true);
    kit.fake.triggerTtlMs = 3000;
  });

  it('GIVEN a member WHEN they answer both pages with a mention injection and submit THEN answers are stored and the receipt cannot ping', async () => {
    const m = members[0];
    const page1 = await openQuestionnaire(slackId(m));
    const ack1 = await submitView(slackId(m), page1, {
      '1.1': INJECTION,
      '1.2': '활성화 방안',
      '1.3': '신규 사업',
      '1.4': '정책 방향',
    });
    expect(ack1.response_action).toBe('push');
    const page2: FakeView = { method: 'views.push', viewId: 'V-pushed', view: ack1.view as Args };
    const ack2 = await submitView(slackId(m), page2, { '2.1': '역할분담', '2.2': '정량 목표', '2.3': '판로 지원' });
    expect(ack2).toEqual({ response_action: 'clear' });
    expect((await t0.store.getInvitation(ROUND, m?.id ?? ''))?.submittedAt).toBeInstanceOf(Date);
    expect((await answersOf(m)).find((a) => a.questionId === '1.1')?.value).toEqual({ kind: 'text', text: INJECTION });
    await t0.app.runDueJobs();
    const receipt = kit.fake.messagesIn(kit.fake.dmChannelOf(slackId(m))).at(-1);
    const shown = JSON.stringify(receipt?.blocks);
    expect(shown).toContain('jamun.edit');
    expect(shown).toContain('&lt;!channel&gt;');
    expect(shown).not.toMatch(/<!channel>|<!here>|<@U/);
  });

  it('GIVEN a submitted member WHEN they press Edit THEN the questionnaire opens prefilled with their answers', async () => {
    const m = members[0];
    const before = kit.fake.views.length;
    await click(slackId(m), 'jamun.edit');
    await waitFor(() => kit.fake.views.length > before, 'views.open');
    expect(JSON.stringify(kit.fake.lastView('jamun.questionnaire').view)).toContain('활성화 방안');
  });

  it('GIVEN a member WHEN they save a draft inside the modal THEN it is stored before the ack and the view is redrawn with the confirmation', async () => {
    const m = members[1];
    const page1 = await openQuestionnaire(slackId(m));
    const values = fillView(page1, { '1.2': '임시 의견' });
    const ack = await kit.fake.sendEnvelope(
      'interactive',
      buttonClick(kit.fake, slackId(m), 'jamun.save_draft', ROUND, { view: page1, values }),
    );
    expect(ack).toEqual({});
    expect((await answersOf(m)).find((a) => a.questionId === '1.2')).toMatchObject({
      status: 'draft',
      value: { kind: 'text', text: '임시 의견' },
    });
    const redrawn = await waitFor(
      () => kit.fake.views.find((v) => v.method === 'views.update' && v.viewId === page1.viewId),
      'views.update',
    );
    expect(JSON.stringify(redrawn.view)).toContain(t('ko', 'saved.draft', { questions: '1.2' }).slice(0, 6));
  });

  it('GIVEN the bot last asked a question WHEN the member replies in the DM THEN the reply is that question’s draft and the bot confirms', async () => {
    const m = members[1];
    const ack = await kit.fake.sendEnvelope(
      'events_api',
      dmMessage(kit.fake, slackId(m), 'DM으로 보내는 &lt;답변&gt; &amp; 의견'),
    );
    expect(ack).toEqual({});
    const confirmation = await waitFor(() => dmTexts(m).find((text) => text.includes('1.1')), 'reply confirmation');
    expect(confirmation).toContain('1.1');
    expect((await answersOf(m)).find((a) => a.questionId === '1.1')?.value).toEqual({
      kind: 'text',
      text: 'DM으로 보내는 <답변> & 의견',
    });
  });

  it('GIVEN an answer over one input WHEN typed on into the continuation input THEN it is stored whole; over the limit THEN errors show and nothing is cut', async () => {
    const m = members[2];
    const page1 = await openQuestionnaire(slackId(m));
    const long = '가'.repeat(3500);
    const ok = await submitView(slackId(m), page1, { '1.1': long });
    expect(ok.response_action).toBe('push');
    expect((await answersOf(m)).find((a) => a.questionId === '1.1')?.value).toEqual({ kind: 'text', text: long });
    const tooLong = '나'.repeat(4500);
    const refused = await submitView(slackId(m), page1, { '1.1': tooLong });
    expect(refused.response_action).toBe('errors');
    expect((refused.errors as Record<string, string>)['q|1.1|0']).toContain('4500');
    expect((await answersOf(m)).find((a) => a.questionId === '1.1')?.value).toEqual({ kind: 'text', text: tooLong });
  });

  it('GIVEN a member WHEN they decline without a reason THEN the modal shows the error; with a reason THEN it is recorded and confirmed', async () => {
    const m = members[3];
    const before = kit.fake.views.length;
    await click(slackId(m), 'jamun.decline');
    await waitFor(() => kit.fake.views.length > before, 'decline modal');
    const modal = kit.fake.lastView('jamun.decline');
    const empty = await kit.fake.sendEnvelope(
      'interactive',
      viewSubmission(kit.fake, slackId(m), modal, {
        decline_reason: { value: { type: 'plain_text_input', value: null } },
      }),
    );
    expect(empty).toEqual({
      response_action: 'errors',
      errors: { decline_reason: describeError({ code: 'DECLINE.REASON_REQUIRED', params: {} }, 'ko') },
    });
    const done = await kit.fake.sendEnvelope(
      'interactive',
      viewSubmission(kit.fake, slackId(m), modal, {
        decline_reason: { value: { type: 'plain_text_input', value: '해외 출장' } },
      }),
    );
    expect(done).toEqual({});
    expect((await t0.store.getInvitation(ROUND, m?.id ?? ''))?.declineReason).toBe('해외 출장');
    await waitFor(() => dmTexts(m).some((text) => text.includes('해외 출장')), 'decline confirmation');
  });

  it('GIVEN staff WHEN they send reminders THEN members who have not submitted get a reminder DM with the Answer button', async () => {
    await command(staffId, `remind ${ROUND}`);
    await t0.app.runDueJobs();
    const last = kit.fake.messagesIn(kit.fake.dmChannelOf(slackId(members[4]))).at(-1);
    expect(JSON.stringify(last?.blocks)).toContain('jamun.answer');
    expect(kit.fake.messagesIn(kit.fake.dmChannelOf(slackId(members[4])))).toHaveLength(2);
    expect(kit.fake.messagesIn(kit.fake.dmChannelOf(slackId(members[0]))).length).toBe(2);
  });

  it('GIVEN staff WHEN they close the round THEN the summary header, threaded sections and both files reach the staff channel, inert', async () => {
    await command(staffId, `close ${ROUND}`);
    await t0.app.runDueJobs();
    const posts = kit.fake.messagesIn(staffChannel);
    const header = posts.find(
      (p) => JSON.stringify(p.blocks).includes('1/7') || JSON.stringify(p.blocks).includes('1명'),
    );
    expect(header).toBeDefined();
    const thread = posts.filter((p) => p.threadTs === header?.ts);
    expect(thread.length).toBeGreaterThan(0);
    expect(JSON.stringify(thread)).toContain('&lt;!channel&gt;');
    expect(JSON.stringify(posts)).not.toMatch(/<!channel>|<!here>|<@U0STAFF/);
    const names = kit.fake.files.filter((f) => f.channel === staffChannel).map((f) => f.name);
    expect(names.some((n) => n.endsWith('.md'))).toBe(true);
    expect(names.some((n) => n.endsWith('.csv'))).toBe(true);
  });

  it('GIVEN staff WHEN they export the round as CSV THEN the file goes to their DM and they are told so privately', async () => {
    const before = kit.fake.files.length;
    const reply = await command(staffId, `export ${ROUND} csv`);
    const file = await waitFor(() => kit.fake.files.length > before && kit.fake.files.at(-1), 'export upload');
    expect(file.name.endsWith('.csv')).toBe(true);
    expect(file.channel).toBe(kit.fake.dmChannelOf(staffId));
    expect(file.content).toContain('활성화 방안');
    expect(reply.response_type).toBe('ephemeral');
    expect(kit.fake.callsOf('files.getUploadURLExternal').length).toBeGreaterThan(0);
    const notes = await waitFor(
      () => kit.fake.responses.filter((r) => String(r.body.text).includes('개인 메시지(DM)로 보내 드렸습니다')),
      'DM note',
    );
    expect(notes.every((n) => n.body.response_type === 'ephemeral')).toBe(true);
  });

  it('GIVEN staff typing /jamun export, and /jamun summary while the staff channel refuses the bot, in another channel THEN no file lands in that channel; the files reach only their DM', async () => {
    const general = 'C0GENERAL1';
    const dm = kit.fake.dmChannelOf(staffId);
    const before = kit.fake.files.length;
    await command(staffId, `export ${ROUND} json`, general);
    await waitFor(() => kit.fake.files.some((f, i) => i >= before && f.name.endsWith('.json')), 'export upload');
    // The summary fallback: the post to the staff channel fails, so the reply carries the file.
    kit.fake.removeBotFrom(staffChannel);
    t0.clock.advance(60_000);
    const summary = await command(staffId, `summary ${ROUND}`, general);
    expect(summary.response_type).toBe('ephemeral');
    await waitFor(() => kit.fake.files.some((f, i) => i >= before && f.name.endsWith('.md')), 'summary fallback');
    const added = kit.fake.files.slice(before);
    expect(added.map((f) => f.channel)).toEqual([dm, dm]);
    expect(kit.fake.files.filter((f) => f.channel === general)).toEqual([]);
    expect(kit.fake.messagesIn(general)).toEqual([]);
  });

  it('GIVEN staff WHEN they type a malformed command or help THEN the core parser’s usage text answers, only to them', async () => {
    const bad = await command(staffId, 'extend');
    expect(bad.response_type).toBe('ephemeral');
    expect(String(bad.text)).toContain('extend');
    const help = await command(staffId, 'help');
    expect(JSON.stringify(help)).toContain('export');
  });

  it('GIVEN the round is closed WHEN a member presses Answer THEN they are told politely it closed', async () => {
    const m = members[4];
    const before = dmTexts(m).length;
    const opensBefore = kit.fake.callsOf('views.open').length;
    await click(slackId(m), 'jamun.answer');
    const text = await waitFor(() => dmTexts(m).length > before && dmTexts(m).at(-1), 'closed notice');
    const round = await t0.store.getRound(ROUND);
    expect(round?.status).not.toBe('open');
    // Named by its title, never by its id.
    expect(text).toContain("「'24년 제1차 지역상생발전위원회 서면자문」은");
    expect(text).not.toContain(ROUND);
    expect(text).toContain('마감');
    expect(kit.fake.callsOf('views.open')).toHaveLength(opensBefore);
  });
});
