/**
 * Staff `status`, its edges: a member no longer in the configuration is
 * named by id, and the overdue follow-up actions listed are every readable
 * round's for `status` alone, the named round's only for `status ROUND`.
 */
import { describe, expect, it } from 'vitest';
import { LocalMessenger } from '../../../src/adapters/local/local-messenger.ts';
import { createMemoryStore } from '../../../src/adapters/memory/memory-store.ts';
import { createJamunApp } from '../../../src/core/app/create-app.ts';
import type { RoundDefinition } from '../../../src/core/model.ts';
import { ManualClock } from '../../../src/core/ports/clock.ts';
import { silentLogger } from '../../../src/core/ports/logger.ts';
import { createTestApp, kst, seedConfig } from '../../fakes/app-harness.ts';

const ROUND = '2024-1';
const staff = { platform: 'local' as const, userId: 'staff-son' };

describe('status of a round', () => {
  it('GIVEN invitations of members no longer configured THEN status names them by id among the unreached, the failed and those who have not submitted', async () => {
    const t = await createTestApp({ messengers: [new LocalMessenger()] });
    await t.app.runStaffCommand(staff, { verb: 'open', roundId: ROUND });
    await t.store.createInvitations([
      { roundId: ROUND, memberId: 'gone-pending', deliveryState: 'pending', late: false },
      { roundId: ROUND, memberId: 'gone-failed', deliveryState: 'failed', failureReason: 'dm_closed', late: false },
      { roundId: ROUND, memberId: 'gone-delivered', deliveryState: 'delivered', late: false },
    ]);
    const view = (await t.app.runStaffCommand(staff, { verb: 'status', roundId: ROUND })).status;
    expect(view?.notReached).toContain('gone-pending');
    expect(view?.failures).toEqual([{ name: 'gone-failed', reason: 'DM 수신 차단 또는 서버 탈퇴' }]);
    expect(view?.notSubmitted).toEqual(['gone-delivered']);
  });
});

describe('overdue follow-up actions in status', () => {
  it('GIVEN an overdue action of a closed round and another round open THEN status alone lists it, status of the open round does not', async () => {
    const [seed] = seedConfig().rounds as [RoundDefinition];
    const app = createJamunApp({
      store: createMemoryStore(),
      messengers: [new LocalMessenger()],
      committees: seedConfig().committees,
      rounds: [seed, { ...structuredClone(seed), id: '2024-2' }],
      clock: new ManualClock(kst('2024-02-08 09:00')),
      logger: silentLogger,
    });
    await app.runAsOperator({ verb: 'open', roundId: ROUND });
    await app.runAsOperator({ verb: 'close', roundId: ROUND });
    const actionInput = { text: '지난 조치', due: '2024-01-31' };
    expect((await app.runAsOperator({ verb: 'action', roundId: ROUND, actionOp: 'add', actionInput })).error).toBe(
      undefined,
    );
    await app.runAsOperator({ verb: 'open', roundId: '2024-2' });
    const alone = await app.runAsOperator({ verb: 'status' });
    expect(alone.status?.roundId).toBe('2024-2');
    expect(alone.text).toContain('지난 조치');
    const named = await app.runAsOperator({ verb: 'status', roundId: '2024-2' });
    expect(named.status?.roundId).toBe('2024-2');
    expect(named.text).not.toContain('지난 조치');
  });
});
