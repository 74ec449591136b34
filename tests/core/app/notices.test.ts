/**
 * Notices: extending, reopening and cancelling a round tell each member still
 * waiting, in their DM, the new deadline in their own zone (or that it was
 * cancelled); reopening sends the invitations the close cancelled.
 */
import { describe, expect, it } from 'vitest';
import { LocalMessenger } from '../../../src/adapters/local/local-messenger.ts';
import { createTestApp, kst } from '../../fakes/app-harness.ts';

const ROUND = '2024-1';
const staff = { platform: 'local' as const, userId: 'staff-son' };
const WAITING = ['m-kim', 'm-park-jb', 'm-park-jy', 'm-oh', 'm-chae', 'm-choi'];

async function openedWithOneSubmission() {
  const local = new LocalMessenger();
  const t = await createTestApp({ messengers: [local] });
  await t.app.runStaffCommand(staff, { verb: 'open', roundId: ROUND });
  await t.app.runDueJobs();
  await t.store.markSubmitted(ROUND, 'm-kang', t.clock.now(), false);
  const notices = (userId: string) =>
    local
      .messagesIn(local.dmChannelOf(userId))
      .filter((m) => m.kind === 'notice')
      .map((m) => m.text);
  return { t, local, notices };
}

describe('notices to members', () => {
  it('GIVEN one member has submitted WHEN staff extend the deadline THEN every member who has not submitted is told the new deadline, once; the one who submitted is not', async () => {
    const { t, notices } = await openedWithOneSubmission();
    await t.app.runStaffCommand(staff, { verb: 'extend', roundId: ROUND, until: '2024-02-20 18:00' });
    await t.app.runDueJobs();
    await t.app.runDueJobs();
    for (const id of WAITING) {
      expect(notices(id)).toHaveLength(1);
      expect(notices(id)[0]).toMatch(/2024\D+0?2\D+20\D[^:]*18:00/);
      expect(notices(id)[0]).toContain('연장되었음을 안내드립니다');
    }
    expect(notices('m-kang')).toEqual([]);
  });

  it('GIVEN a member in another time zone WHEN the deadline is extended THEN the notice shows it in their zone', async () => {
    const local = new LocalMessenger();
    const t = await createTestApp({
      messengers: [local],
      mutateCommittee: (c) => {
        const member = c.members.find((m) => m.id === 'm-oh');
        if (member) {
          member.timeZone = 'Europe/Berlin';
          member.locale = 'en';
        }
      },
    });
    await t.app.runStaffCommand(staff, { verb: 'open', roundId: ROUND });
    await t.app.runDueJobs();
    await t.app.runStaffCommand(staff, { verb: 'extend', roundId: ROUND, until: '2024-02-20 18:00' });
    await t.app.runDueJobs();
    const [notice] = local.messagesIn(local.dmChannelOf('m-oh')).filter((m) => m.kind === 'notice');
    expect(notice?.text).toContain('extended');
    expect(notice?.text).toContain('10:00');
  });

  it('GIVEN a round closed early WHEN staff reopen it by extending THEN waiting members are told it is open again and invitations the close cancelled go out', async () => {
    const local = new LocalMessenger();
    const t = await createTestApp({ messengers: [local], now: kst('2024-02-07 12:00') });
    await t.app.runStaffCommand(staff, { verb: 'open', roundId: ROUND });
    await t.app.runStaffCommand(staff, { verb: 'close', roundId: ROUND });
    expect((await t.store.listJobs(ROUND)).filter((j) => j.kind === 'invite' && j.state === 'cancelled')).toHaveLength(
      7,
    );
    const reply = await t.app.runStaffCommand(staff, { verb: 'extend', roundId: ROUND, until: '2024-02-20 18:00' });
    expect(reply.text).toContain('연장');
    await t.app.runDueJobs();
    expect(local.all().filter((m) => m.kind === 'invitation')).toHaveLength(7);
  });

  it('GIVEN an open round WHEN staff cancel it THEN every member who has not submitted is told it was cancelled', async () => {
    const { t, notices } = await openedWithOneSubmission();
    await t.app.runStaffCommand(staff, { verb: 'cancel', roundId: ROUND });
    await t.app.runDueJobs();
    for (const id of WAITING) expect(notices(id)[0]).toContain('취소되었음을 안내드립니다');
    expect(notices('m-kang')).toEqual([]);
  });
});
