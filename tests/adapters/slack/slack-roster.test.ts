/**
 * `/jamun members` over Slack (issue 12), through the real Bolt app and the
 * fake Slack: the roster with its buttons, a person added with Slack's
 * `users_select` (name and zone from `users.info`), invited to the next
 * round; problems under their input; removal; other committees' staff and
 * non-staff refused.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ROSTER_BLOCK } from '../../../src/adapters/slack/slack-ids.ts';
import { confirmOpen, slashCommand } from '../../fakes/slack/slack-payloads.ts';
import { addMemberWithPicker, membersCommand, submitRosterModal } from './roster-kit.ts';
import { type SlackAppKit, startSlackApp } from './slack-kit.ts';
import { waitFor } from './wait-for.ts';

const COMMITTEE = 'regional-coprosperity';
const NEW_USER = 'U0NEWLEE01';

describe('/jamun members over Slack', () => {
  let app: SlackAppKit;
  let staffId: string;

  beforeEach(async () => {
    app = await startSlackApp();
    staffId = app.committee.staff.userIds.slack?.[0] ?? '';
  });
  afterEach(() => app.close());

  const resultText = (ack: Record<string, unknown>) => {
    const view = ack.view as { blocks: Array<{ text: { text: string } }> };
    return view.blocks.map((b) => b.text.text).join('\n');
  };

  it('GIVEN staff WHEN they ask for the roster THEN it comes privately, with DM reachability and the add and remove buttons', async () => {
    const replies = await membersCommand(app.kit.fake, staffId, COMMITTEE);
    expect(replies.every((r) => r.response_type === 'ephemeral')).toBe(true);
    const blocks = replies.flatMap(
      (r) => r.blocks as Array<{ type: string; text?: { text: string }; elements?: unknown[] }>,
    );
    expect(blocks[0]?.text?.text.split('\n').slice(0, 2)).toEqual([
      '「지역상생발전위원회」 위원 명단: 7명(해촉 0명)',
      '1. 강도영 · 민간전문가 · Asia/Seoul · DM 미확인',
    ]);
    const actions = blocks.at(-1);
    expect(actions?.type).toBe('actions');
    expect(actions?.elements).toHaveLength(2);
    expect(app.kit.fake.refusals).toEqual([]);
  });

  it('GIVEN a person picked with users_select and nothing else typed THEN their Slack name and zone are used, and the next round invites them', async () => {
    app.kit.fake.addUser({ id: NEW_USER, real_name: '이신규', tz: 'Europe/Paris' });
    const ack = await addMemberWithPicker(app.kit.fake, staffId, COMMITTEE, NEW_USER, { role: '위원장' });
    expect(ack.response_action).toBe('update');
    expect(resultText(ack)).toBe(
      '이신규 위원을 「지역상생발전위원회」에 등록하였습니다(위원장, Europe/Paris). 다음에 시작하는 회차부터 안내됩니다.',
    );
    const modal = app.kit.fake.lastView('jamun.roster.member').view as {
      blocks: Array<{ element?: { type: string } }>;
    };
    expect(modal.blocks.some((b) => b.element?.type === 'users_select')).toBe(true);
    expect(app.kit.fake.callsOf('users.info').map((c) => c.args.user)).toEqual([NEW_USER]);
    const [entry] = await app.t.store.listRosterEntries(COMMITTEE);
    expect(entry?.member).toEqual({
      id: `slack-${NEW_USER}`,
      name: '이신규',
      role: '위원장',
      platforms: { slack: NEW_USER },
      timeZone: 'Europe/Paris',
      active: true,
    });
    expect(entry?.createdBy).toBe(`slack:${staffId}`);

    // `/jamun open` asks to confirm; Open starts it.
    await app.kit.fake.sendEnvelope('slash_commands', slashCommand(app.kit.fake, staffId, 'open 2024-1'));
    await waitFor(
      () => app.kit.fake.responses.some((r) => JSON.stringify(r.body).includes('jamun.open_confirm')),
      'the confirmation',
    );
    await app.kit.fake.sendEnvelope('interactive', confirmOpen(app.kit.fake, staffId, '2024-1', 'C0STAFFCH1'));
    await waitFor(async () => (await app.t.store.getRound('2024-1'))?.status === 'open', 'the round to open');
    await app.t.app.runDueJobs();
    const dm = app.kit.fake.dmChannelOf(NEW_USER);
    const invitation = app.kit.fake.messagesIn(dm);
    expect(invitation).toHaveLength(1);
    expect(invitation[0]?.text).toContain('서면자문');
    expect((await app.t.store.getInvitation('2024-1', `slack-${NEW_USER}`))?.deliveryState).toBe('delivered');
    expect(app.kit.fake.refusals).toEqual([]);
  });

  it('GIVEN the app without users:read and no name typed THEN the name is asked for under its input, and nothing is stored', async () => {
    app.kit.fake.scopes.delete('users:read');
    app.kit.fake.addUser({ id: NEW_USER, real_name: '이신규' });
    const ack = await addMemberWithPicker(app.kit.fake, staffId, COMMITTEE, NEW_USER);
    expect(ack).toEqual({
      response_action: 'errors',
      errors: { [ROSTER_BLOCK.name]: '위원 성명을 적어 주시기 바랍니다(메신저 프로필에 이름이 없습니다).' },
    });
    expect(app.kit.fake.callsOf('users.info')[0]?.error).toBe('missing_scope');
    expect(await app.t.store.listRosterEntries()).toEqual([]);
    // Typed, the name is enough: the zone falls back to the committee's.
    const typed = await addMemberWithPicker(app.kit.fake, staffId, COMMITTEE, NEW_USER, { name: '이신규' });
    expect(resultText(typed)).toContain('(역할 미지정, Asia/Seoul)');
  });

  it('GIVEN a bot, a person Slack does not know, or a zone that does not exist THEN each problem shows under its input', async () => {
    app.kit.fake.addUser({ id: 'U0SOMEBOT1', real_name: 'Some bot', is_bot: true });
    app.kit.fake.addUser({ id: NEW_USER, real_name: '이신규' });
    const cases: Array<[string, Record<string, string>, string, string]> = [
      ['U0SOMEBOT1', {}, ROSTER_BLOCK.user, '봇 계정이나 비활성 계정은 위원으로 등록할 수 없습니다.'],
      ['U0NOBODY01', {}, ROSTER_BLOCK.user, '선택하신 사용자를 메신저에서 찾을 수 없습니다.'],
      [
        NEW_USER,
        { timeZone: 'Seoul' },
        ROSTER_BLOCK.timeZone,
        '시간대 「Seoul」을 알 수 없습니다. Asia/Seoul과 같은 IANA 이름으로 적어 주시기 바랍니다.',
      ],
    ];
    for (const [user, fields, block, message] of cases) {
      const ack = await addMemberWithPicker(app.kit.fake, staffId, COMMITTEE, user, fields);
      expect(ack, user).toEqual({ response_action: 'errors', errors: { [block]: message } });
    }
    expect(await app.t.store.listRosterEntries()).toEqual([]);
  });

  it('GIVEN a member removed with the picker while a round runs THEN they leave it, and the roster shows them removed', async () => {
    await app.t.app.runStaffCommand({ platform: 'slack', userId: staffId }, { verb: 'open', roundId: '2024-1' });
    await app.t.app.runDueJobs();
    const kang = app.committee.members[0]?.platforms.slack ?? '';
    const replies = await membersCommand(app.kit.fake, staffId, COMMITTEE);
    const ack = await submitRosterModal(app.kit.fake, staffId, replies, 'remove', kang);
    expect(resultText(ack).split('\n')).toEqual([
      '강도영 위원을 해촉하였습니다. 새 회차에 초대되지 않습니다.',
      '진행 중인 회차 1건에서 제외하였습니다. 더 이상 재안내되지 않으며, 제출한 답변은 기록으로 남습니다.',
    ]);
    expect((await app.t.store.getInvitation('2024-1', 'm-kang'))?.removedAt).toBeDefined();
    const after = await membersCommand(app.kit.fake, staffId, COMMITTEE);
    expect(JSON.stringify(after)).toContain('1. 강도영 · 민간전문가 · 해촉 (대화에서 변경)');
  });

  it('GIVEN a member (not staff) who got hold of the form THEN the submission is refused under the picker and audited', async () => {
    app.kit.fake.addUser({ id: NEW_USER, real_name: '이신규' });
    const replies = await membersCommand(app.kit.fake, staffId, COMMITTEE);
    const member = app.committee.members[1]?.platforms.slack ?? '';
    const ack = await submitRosterModal(app.kit.fake, member, replies, 'add', NEW_USER);
    expect(ack).toEqual({
      response_action: 'errors',
      errors: { [ROSTER_BLOCK.user]: expect.stringContaining('사무국') },
    });
    expect(await app.t.store.listRosterEntries()).toEqual([]);
    const refused = (await app.t.store.listAudit()).filter((a) => a.action === 'staff.refused');
    expect(refused.map((a) => a.actor)).toEqual([`slack:${member}`]);
    const asked = await membersCommand(app.kit.fake, member, COMMITTEE);
    expect(asked[0]?.response_type).toBe('ephemeral');
    expect(JSON.stringify(asked)).not.toContain('jamun.roster.add');
  });
});
