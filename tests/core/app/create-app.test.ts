/**
 * The application as adapters, the scheduler and the CLI see it: every call
 * of `JamunApp` reaches the service behind it (the seed round on the local
 * messenger, an in-memory store and a manual clock).
 */
import { describe, expect, it } from 'vitest';
import { LocalMessenger } from '../../../src/adapters/local/local-messenger.ts';
import { createMemoryStore } from '../../../src/adapters/memory/memory-store.ts';
import type { Actor } from '../../../src/core/model.ts';
import { createTestApp, seedConfig } from '../../fakes/app-harness.ts';

const ROUND = '2024-1';
const staff: Actor = { platform: 'local', userId: 'staff-son' };
const kang: Actor = { platform: 'local', userId: 'm-kang' };

async function opened(options: Parameters<typeof createTestApp>[0] = { messengers: [new LocalMessenger()] }) {
  const t = await createTestApp(options);
  await t.app.runStaffCommand(staff, { verb: 'open', roundId: ROUND });
  return t;
}

describe('createJamunApp', () => {
  it('GIVEN an opened round THEN due jobs run (seven invitations), and members reach their round, questionnaire, drafts, replies, submit and decline', async () => {
    const store = createMemoryStore();
    const t = await opened({ messengers: [new LocalMessenger()], store });
    expect(t.app.store).toBe(store);
    expect(await t.app.runDueJobs()).toBeGreaterThanOrEqual(7);
    expect(await t.app.localeOf(kang)).toBe('ko');
    const rounds = await t.app.openRounds(kang);
    expect(rounds.ok && rounds.value.map((r) => r.roundId)).toEqual([ROUND]);
    const view = await t.app.questionnaire(kang, ROUND);
    expect(view.ok && view.value.roundId).toBe(ROUND);
    expect(await t.app.markAsked(kang, ROUND, '1.1')).toEqual({ ok: true, value: undefined });
    const reply = await t.app.reply(kang, '답변');
    expect(reply.ok && reply.value.questionId).toBe('1.1');
    const draft = await t.app.saveDraft(kang, ROUND, [{ questionId: '1.2', value: '의견' }]);
    expect(draft.ok && draft.value.saved).toEqual(['1.2']);
    const missing = await t.app.submit(kang, ROUND, []);
    expect(missing.ok ? undefined : missing.error.code).toBe('ANSWER.MISSING');
    const declined = await t.app.decline({ platform: 'local', userId: 'm-kim' }, ROUND, '출장');
    expect(declined.ok).toBe(true);
    expect((await store.getInvitation(ROUND, 'm-kim'))?.declineReason).toBe('출장');
  });

  it('GIVEN staff and a member THEN only staff are staff; round ids come by prefix; the operator runs commands without a platform user', async () => {
    const t = await opened();
    expect(await t.app.isStaff(staff)).toBe(true);
    expect(await t.app.isStaff(kang)).toBe(false);
    expect(await t.app.roundIds('2024')).toEqual([ROUND]);
    expect(await t.app.roundIds('1999')).toEqual([]);
    const list = await t.app.runAsOperator({ verb: 'list' });
    expect(list.text).toContain(ROUND);
    expect(list.error).toBeUndefined();
    const status = await t.app.runStaffCommand(staff, { verb: 'status', roundId: ROUND });
    expect(status.status?.total).toBe(7);
  });

  it('GIVEN a member made inactive after the open THEN reconciling marks one invitation; GIVEN a send whose lease ran out THEN recovering marks it uncertain', async () => {
    const t = await opened();
    expect(await t.app.reconcileMembership()).toBe(0);
    t.committees[0]!.members[2]!.active = false;
    expect(await t.app.reconcileMembership()).toBe(1);
    expect(await t.app.reconcileMembership()).toBe(0);
    const now = t.clock.now();
    await t.store.claimOutbox('receipt:x', 'local', now, {
      claimant: 'other:1:x',
      leaseUntil: new Date(now.getTime() + 60_000),
    });
    expect(await t.app.recoverInterruptedSends()).toBe(0);
    t.clock.advance(60_000);
    expect(await t.app.recoverInterruptedSends()).toBe(1);
  });

  it('GIVEN a changed title in the files THEN differences are listed, applied with a report, and reload reads the source', async () => {
    const changed = seedConfig();
    changed.rounds[0]!.title = '새 제목';
    const t = await opened({
      messengers: [new LocalMessenger()],
      configSource: async () => ({ ok: true, value: changed }),
    });
    await t.app.runDueJobs();
    const differences = await t.app.configDifferences(changed);
    expect(differences.join('\n')).toContain('새 제목');
    expect(await t.app.configDifferences(seedConfig())).toEqual([]);
    const reloaded = await t.app.reloadConfig('system');
    expect(reloaded.ok).toBe(true);
    expect(reloaded.text).toContain('새 제목');
    expect((await t.store.getRound(ROUND))?.title).toBe('새 제목');
    const applied = await t.app.applyConfig(seedConfig(), 'cli');
    expect(applied.split('\n')[0]).toBe('설정을 다시 읽었습니다(위원회 1개, 회차 1개).');
    expect((await t.store.getRound(ROUND))?.title).not.toBe('새 제목');
  });

  it('GIVEN a platform event delivered twice within its window THEN it is new only the first time; after the window it is new again', async () => {
    const t = await createTestApp({ messengers: [new LocalMessenger()] });
    expect(await t.app.firstSeen('ev-1', 60_000)).toBe(true);
    t.clock.advance(59_000);
    expect(await t.app.firstSeen('ev-1', 60_000)).toBe(false);
    expect(await t.app.firstSeen('ev-2', 60_000)).toBe(true);
    t.clock.advance(1_000);
    expect(await t.app.firstSeen('ev-1', 60_000)).toBe(true);
  });

  it('GIVEN a round still open THEN its report is refused until it closes', async () => {
    const t = await opened();
    const report = await t.app.report(ROUND, { note: 'x' });
    expect(report.ok ? undefined : report.error.code).toBe('ROUND.NOT_CLOSED');
  });
});
