/**
 * `/jamun members` over Discord (issue 12), through the real discord.js
 * client and the fake Discord: the roster with its buttons, a person added
 * with Discord's user select (type 5, in a modal label; the name from the
 * profile, the committee's zone as Discord keeps none), invited to the next
 * round; removal; the staff role counts; others refused privately.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type DiscordAppKit,
  answered,
  buttonsOf,
  discordIdOf,
  modalOf,
  replyText,
  startDiscordApp,
} from './discord-app-kit.ts';
import { addMemberWithPicker, membersCommand, submitRosterModal } from './roster-kit.ts';

const COMMITTEE = 'regional-coprosperity';
const EPHEMERAL = 64;
const NEW_USER = '500000000000000001';

describe('/jamun members over Discord', () => {
  let kit: DiscordAppKit;
  let staffId: string;

  beforeEach(async () => {
    kit = await startDiscordApp();
    staffId = kit.committee.staff.userIds.discord?.[0] ?? '';
  });
  afterEach(() => kit.close());

  it('GIVEN staff WHEN they ask for the roster THEN it comes privately with the add and remove buttons, and the add modal holds a user select', async () => {
    const reply = await membersCommand(kit, staffId, COMMITTEE);
    expect(reply.callbacks[0]?.data?.flags).toBe(EPHEMERAL);
    expect(replyText(reply).split('\n').slice(0, 2)).toEqual([
      '「지역상생발전위원회」 위원 명단: 7명(해촉 0명)',
      '1. 강도영 · 민간전문가 · Asia/Seoul · DM 미확인',
    ]);
    const buttons = reply.messages.flatMap((m) => buttonsOf(m)).map((b) => b.custom_id);
    expect(buttons).toEqual([`jr|add|${COMMITTEE}`, `jr|remove|${COMMITTEE}`]);
    const message = reply.messages.find((m) => buttonsOf(m).length > 0);
    if (!message) throw new Error('no buttons');
    const pressed = await answered(
      kit.fake.clickInGuild(staffId, message, `jr|add|${COMMITTEE}`, { channelId: kit.staffChannelId }),
    );
    const modal = modalOf(pressed);
    expect(modal.components.map((c) => c.component.type)).toEqual([5, 4, 4, 4]);
    expect(kit.fake.state.refusals).toEqual([]);
  });

  it('GIVEN a person picked with the user select THEN the Discord name and the committee zone are used, and the next round invites them', async () => {
    kit.fake.state.users.set(NEW_USER, { id: NEW_USER, username: 'newlee', globalName: '이신규' });
    const done = await addMemberWithPicker(kit, staffId, COMMITTEE, NEW_USER, { role: '위원' });
    expect(replyText(done)).toBe(
      '이신규 위원을 「지역상생발전위원회」에 등록하였습니다(위원, Asia/Seoul). 다음에 시작하는 회차부터 안내됩니다.',
    );
    expect(done.callbacks[0]?.data?.flags).toBe(EPHEMERAL);
    const [entry] = await kit.t.store.listRosterEntries(COMMITTEE);
    expect(entry?.member).toEqual({
      id: `discord-${NEW_USER}`,
      name: '이신규',
      role: '위원',
      platforms: { discord: NEW_USER },
      active: true,
    });
    await kit.t.app.runStaffCommand({ platform: 'discord', userId: staffId }, { verb: 'open', roundId: '2024-1' });
    await kit.t.app.runDueJobs();
    expect(kit.fake.dmMessages(NEW_USER)).toHaveLength(1);
    expect((await kit.t.store.getInvitation('2024-1', `discord-${NEW_USER}`))?.deliveryState).toBe('delivered');
    expect(kit.fake.state.refusals).toEqual([]);
  });

  it('GIVEN a bot (the select lists only users Discord knows), or a zone that does not exist THEN the reply says so privately and nothing is stored', async () => {
    kit.fake.state.users.set('500000000000000002', { id: '500000000000000002', username: 'somebot', bot: true });
    const cases: Array<[string, { timeZone?: string }, string]> = [
      ['500000000000000002', {}, '봇 계정이나 비활성 계정은 위원으로 등록할 수 없습니다.'],
      [
        NEW_USER,
        { timeZone: 'Seoul' },
        '시간대 「Seoul」을 알 수 없습니다. Asia/Seoul과 같은 IANA 이름으로 적어 주시기 바랍니다.',
      ],
    ];
    for (const [user, fields, text] of cases) {
      const done = await addMemberWithPicker(kit, staffId, COMMITTEE, user, fields);
      expect(replyText(done), user).toBe(text);
      expect(done.callbacks[0]?.data?.flags).toBe(EPHEMERAL);
    }
    expect(await kit.t.store.listRosterEntries()).toEqual([]);
  });

  it('GIVEN a holder of the staff role (not a listed user) THEN they may remove a member with the picker, mid-round by the rules of today', async () => {
    await kit.t.app.runStaffCommand({ platform: 'discord', userId: staffId }, { verb: 'open', roundId: '2024-1' });
    await kit.t.app.runDueJobs();
    const roleHolder = '600000000000000001';
    const roles = kit.committee.staff.discordRoleIds;
    const reply = await membersCommand(kit, roleHolder, COMMITTEE, roles);
    const kang = discordIdOf(kit.committee, 'm-kang');
    const done = await submitRosterModal(kit, roleHolder, reply, 'remove', kang, {}, roles);
    expect(replyText(done).split('\n')[0]).toBe('강도영 위원을 해촉하였습니다. 새 회차에 초대되지 않습니다.');
    expect((await kit.t.store.getInvitation('2024-1', 'm-kang'))?.removedAt).toBeDefined();
    const audit = (await kit.t.store.listAudit()).find((a) => a.action === 'roster.member.removed');
    expect(audit?.actor).toBe(`discord:${roleHolder}`);
  });

  it('GIVEN a member who is not staff WHEN they press a roster button THEN they get a private refusal, no form, and it is audited', async () => {
    const reply = await membersCommand(kit, staffId, COMMITTEE);
    const message = reply.messages.find((m) => buttonsOf(m).length > 0);
    if (!message) throw new Error('no buttons');
    const outsider = discordIdOf(kit.committee, 'm-kim');
    const pressed = await answered(
      kit.fake.clickInGuild(outsider, message, `jr|add|${COMMITTEE}`, { channelId: kit.staffChannelId }),
    );
    expect(pressed.callbacks.some((c) => c.type === 9)).toBe(false);
    expect(replyText(pressed)).toBe('사무국 전용 명령입니다.');
    expect(pressed.callbacks[0]?.data?.flags).toBe(EPHEMERAL);
    const refused = (await kit.t.store.listAudit()).filter((a) => a.action === 'staff.refused');
    expect(refused.map((a) => a.actor)).toEqual([`discord:${outsider}`]);
  });
});
