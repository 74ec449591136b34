/**
 * A whole round of the seed committee (7 members) over Discord: staff open
 * it by slash command; members answer in paged modals (one answer continued
 * over two inputs), reply in plain DM text, submit, edit, decline; one member
 * has closed DMs; reminders go to non-submitters; the round closes and the
 * summary reaches the staff channel with its files.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../../fakes/discord/fake-discord.ts';
import { kst, runUntil } from '../../fakes/app-harness.ts';
import {
  type DiscordAppKit,
  buttonsOf,
  discordIdOf,
  modalOf,
  openBySlash,
  press,
  replyText,
  startDiscordApp,
  submit,
} from './discord-app-kit.ts';

const ROUND = '2024-1';
let kit: DiscordAppKit;
let _staffId: string;
const id = (memberId: string) => discordIdOf(kit.committee, memberId);
const injection = '@everyone @here <@200000000000000001> <@&300000000000000001> **지역** 협력';
const longAnswer = `${'가'.repeat(3990)}끝부분-${'나'.repeat(1500)}`;

beforeAll(async () => {
  kit = await startDiscordApp({
    mutateRound: (r) => {
      const q = r.agenda[0]?.questions[0];
      if (q) q.maxLength = 6000;
    },
  });
  _staffId = kit.committee.staff.userIds.discord?.[0] ?? '';
  kit.fake.state.dmClosed.add(id('m-choi'));
});

afterAll(async () => {
  await kit?.close();
});

/** Opens page 1 and 2 via Answer/Next and submits them; returns the last page's answer. */
async function answerBothPages(userId: string, first: Record<string, string>) {
  const page1 = modalOf(await press(kit, userId, 'jm|open|0|'));
  const saved1 = await submit(kit, userId, page1, first);
  const page2 = modalOf(await press(kit, userId, 'jm|fill|1|'));
  const saved2 = await submit(kit, userId, page2, {
    '2.1#0': '역할 분담 의견',
    '2.2#0': '정량 지표 의견',
    '2.3#0': '홍보 의견',
  });
  return { page1, saved1, page2, saved2 };
}

describe('a round over Discord', () => {
  it('GIVEN staff WHEN /jamun open runs THEN six members get an invitation, the closed DM is reported and the progress post ends at 6/7', async () => {
    const open = await openBySlash(kit, ROUND);
    expect(open.confirmation).toContain('· 대상: 위원 7명');
    expect(open.opened).toContain('시작하였습니다');
    await kit.t.app.runDueJobs();
    for (const memberId of ['m-kang', 'm-kim', 'm-park-jb', 'm-park-jy', 'm-oh', 'm-chae']) {
      const [invitation] = kit.fake.dmMessages(id(memberId));
      expect(invitation?.content).toContain('<t:');
      expect(buttonsOf(invitation!).map((b) => b.custom_id)).toEqual([`jm|open|0|${ROUND}`, `jm|decline||${ROUND}`]);
    }
    expect(kit.fake.dmMessages(id('m-choi'))).toHaveLength(0);
    const invitation = await kit.t.store.getInvitation(ROUND, 'm-choi');
    expect(invitation).toMatchObject({ deliveryState: 'failed', failureReason: 'dm_closed' });
    const progress = kit.fake.channelMessages(kit.staffChannelId).find((m) => m.content.includes('/7'));
    expect(progress?.content).toContain('6/7');
    const choi = kit.committee.members.find((m) => m.id === 'm-choi')?.name ?? '?';
    expect(progress?.content).toContain(choi);
  });

  it('GIVEN an invited member WHEN answering page 1 THEN the modal has five fields (one answer over two inputs) and the reply offers Next and Submit', async () => {
    const kang = id('m-kang');
    const { page1, saved1, page2 } = await answerBothPages(kang, {
      '1.1#0': longAnswer.slice(0, 4000),
      '1.1#1': longAnswer.slice(4000),
      '1.2#0': injection,
      '1.3#0': '신규 사업 의견',
      '1.4#0': '정책 방향 의견',
    });
    expect(page1.components.map((c) => c.component.custom_id)).toEqual(['1.1#0', '1.1#1', '1.2#0', '1.3#0', '1.4#0']);
    expect(page2.components).toHaveLength(3);
    expect(buttonsOf(saved1.messages[0]!).map((b) => b.custom_id)).toEqual([
      `jm|fill|1|${ROUND}`,
      `jm|submit||${ROUND}`,
    ]);
    const answers = await kit.t.store.listAnswers(ROUND, 'm-kang');
    const first = answers.find((a) => a.questionId === '1.1')?.value;
    expect(first?.kind === 'text' && first.text).toBe(longAnswer);
  });

  it('GIVEN every page saved WHEN Submit is pressed THEN the round is submitted and a receipt with an Edit button arrives, mentions defused', async () => {
    const kang = id('m-kang');
    const done = await press(kit, kang, 'jm|submit||');
    expect(replyText(done)).toContain('제출하셨습니다');
    await kit.t.app.runDueJobs();
    const receipt = await waitFor(
      () => kit.fake.dmMessages(kang).find((m) => m.content.includes('[제출 완료]')),
      'receipt',
    );
    const all = kit.fake
      .dmMessages(kang)
      .map((m) => m.content)
      .join('\n');
    expect(all).toContain('끝부분-');
    expect(all).not.toMatch(/@everyone|@here|<@200000000000000001>|<@&300000000000000001>/);
    const withEdit = kit.fake
      .dmMessages(kang)
      .find((m) => buttonsOf(m).some((b) => b.custom_id === `jm|open|0|${ROUND}` && b.label === '수정'));
    expect(receipt.allowedMentions).toEqual({ parse: [] });
    expect(withEdit).toBeDefined();
    expect((await kit.t.store.getInvitation(ROUND, 'm-kang'))?.submittedAt).toBeDefined();
  });

  it('GIVEN a submitted member WHEN Edit is pressed THEN drafts are prefilled across both inputs and the edit is saved', async () => {
    const kang = id('m-kang');
    const page1 = modalOf(await press(kit, kang, 'jm|open|0|'));
    const values = Object.fromEntries(page1.components.map((c) => [c.component.custom_id, c.component.value ?? '']));
    expect((values['1.1#0'] ?? '') + (values['1.1#1'] ?? '')).toBe(longAnswer);
    await submit(kit, kang, page1, { '1.3#0': '수정한 의견' });
    const page2 = modalOf(await press(kit, kang, 'jm|fill|1|'));
    const last = await submit(kit, kang, page2, {});
    expect(replyText(last)).toContain('수정하신 의견을 저장하였습니다');
    const edited = (await kit.t.store.listAnswers(ROUND, 'm-kang')).find((a) => a.questionId === '1.3')?.value;
    expect(edited?.kind === 'text' && edited.text).toBe('수정한 의견');
  });

  it('GIVEN a member who opened page 1 WHEN they reply in plain DM text THEN the bot stores it under 1.1 and confirms', async () => {
    const kim = id('m-kim');
    await press(kit, kim, 'jm|open|0|');
    kit.fake.sendDm(kim, '지역 대학과 연계한 교류가 필요합니다 @everyone');
    const confirmation = await waitFor(
      () => kit.fake.dmMessages(kim).find((m) => m.content.includes('1.1')),
      'reply confirmation',
    );
    expect(confirmation.allowedMentions).toEqual({ parse: [] });
    const draft = (await kit.t.store.listAnswers(ROUND, 'm-kim')).find((a) => a.questionId === '1.1')?.value;
    expect(draft?.kind === 'text' && draft.text).toContain('지역 대학과 연계한');
  });

  it('GIVEN a member WHEN Decline is pressed and a reason given THEN the decline is recorded', async () => {
    const park = id('m-park-jb');
    const modal = modalOf(await press(kit, park, 'jm|decline||'));
    const reply = await submit(kit, park, modal, { reason: '해외 출장 중입니다' });
    expect(replyText(reply)).toContain('해외 출장 중입니다');
    expect((await kit.t.store.getInvitation(ROUND, 'm-park-jb'))?.declinedAt).toBeDefined();
  });

  it('GIVEN two more members who submit WHEN the reminder slot passes THEN only non-submitters get a reminder DM', async () => {
    for (const memberId of ['m-park-jy', 'm-oh']) {
      await answerBothPages(id(memberId), { '1.1#0': '의견', '1.2#0': '의견', '1.3#0': '의견', '1.4#0': '의견' });
      await press(kit, id(memberId), 'jm|submit||');
    }
    await runUntil(kit.t, kst('2024-02-13 10:30'));
    const reminded = (memberId: string) =>
      kit.fake.dmMessages(id(memberId)).some((m) => m.content.includes('[서면자문 재안내]'));
    expect(reminded('m-chae')).toBe(true);
    expect(reminded('m-kim')).toBe(true);
    expect(reminded('m-kang')).toBe(false);
    expect(reminded('m-oh')).toBe(false);
  });

  it('GIVEN the deadline passed WHEN the round closes THEN the summary digest is posted with Markdown and CSV files holding the full text, within Discord limits', async () => {
    await runUntil(kit.t, kst('2024-02-15 18:30'));
    const posts = await waitFor(() => {
      const found = kit.fake.channelMessages(kit.staffChannelId).filter((m) => m.files.length > 0);
      return found.length > 0 ? kit.fake.channelMessages(kit.staffChannelId) : undefined;
    }, 'summary post');
    const header = posts.find((m) => m.content.includes('7명 중'));
    const files = posts.flatMap((m) => m.files.map((f) => f.name.split('.').pop()));
    expect(files.sort()).toEqual(['csv', 'md']);
    expect(header?.content).toContain('7명 중 3명 의견 제출');
    expect(header?.content).toContain('3명 × 100,000원');
    for (const post of posts) {
      expect(post.content.length).toBeLessThanOrEqual(2000);
      expect(post.allowedMentions).toEqual({ parse: [] });
    }
    const text = posts.map((m) => m.content).join('\n');
    // The chat is a digest; a long answer is whole in the attached Markdown.
    expect(text).not.toContain('끝부분-');
    expect(posts.flatMap((m) => m.files).find((f) => f.name.endsWith('.md'))?.text).toContain('끝부분-');
    expect(text).not.toMatch(/@everyone|<@200000000000000001>/);
  });

  it('GIVEN a closed round WHEN a member presses Answer THEN they are told privately that it is closed', async () => {
    const reply = await press(kit, id('m-chae'), 'jm|open|0|');
    expect(replyText(reply)).toContain('마감되었습니다');
    expect(reply.callbacks[0]?.data?.flags).toBe(64);
  });

  it('GIVEN the whole round WHEN looking at every payload the bot sent THEN each one parses no mentions', () => {
    const payloads = kit.fake.messagePayloads();
    expect(payloads.length).toBeGreaterThan(20);
    for (const payload of payloads) expect(payload.allowed_mentions).toEqual({ parse: [] });
  });
});
