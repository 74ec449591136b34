/**
 * Staff commands on rounds that cannot be read whole: a configured round
 * whose window is not a date (`show` refuses naming the date, `list` leaves
 * it out), and an open round whose committee is no longer configured
 * (`status` alone passes over it).
 */
import { describe, expect, it } from 'vitest';
import { LocalMessenger } from '../../../src/adapters/local/local-messenger.ts';
import { createMemoryStore } from '../../../src/adapters/memory/memory-store.ts';
import { createJamunApp } from '../../../src/core/app/create-app.ts';
import { t as text } from '../../../src/core/i18n/catalogue.ts';
import type { Committee, RoundDefinition } from '../../../src/core/model.ts';
import { ManualClock } from '../../../src/core/ports/clock.ts';
import { silentLogger } from '../../../src/core/ports/logger.ts';
import type { Store } from '../../../src/core/ports/store.ts';
import { createTestApp, kst, seedConfig } from '../../fakes/app-harness.ts';

const staff = { platform: 'local' as const, userId: 'staff-son' };

describe('a round whose window is not a date', () => {
  it('GIVEN its opening is 30 February THEN show refuses naming that date and list has no round', async () => {
    const t = await createTestApp({
      messengers: [new LocalMessenger()],
      mutateRound: (r) => void (r.window = { ...r.window, opens: '2024-02-30 09:00' }),
    });
    const shown = await t.app.runStaffCommand(staff, { verb: 'show', roundId: '2024-1' });
    expect(shown.error).toEqual({ code: 'DATE.INVALID', params: { value: '2024-02-30 09:00' } });
    expect((await t.app.runStaffCommand(staff, { verb: 'list' })).rounds).toEqual([]);
  });
});

describe('an open round of a committee no longer configured', () => {
  function appOver(store: Store, committees: Committee[], rounds: RoundDefinition[]) {
    const clock = new ManualClock(kst('2024-02-08 09:00'));
    return createJamunApp({
      store,
      messengers: [new LocalMessenger()],
      committees,
      rounds,
      clock,
      logger: silentLogger,
    });
  }

  it('GIVEN the only open round is of a committee since removed THEN status alone says no round is open, to staff and to the operator', async () => {
    const { committees, rounds } = seedConfig();
    const seed = committees[0] as Committee;
    const gone: Committee = { ...structuredClone(seed), id: 'gone-committee' };
    const store = createMemoryStore();
    const before = appOver(store, [seed, gone], [{ ...(rounds[0] as RoundDefinition), committeeId: gone.id }]);
    expect((await before.runAsOperator({ verb: 'open', roundId: '2024-1' })).error).toBeUndefined();
    const after = appOver(store, [seed], []);
    const none = { text: text('ko', 'staff.status.none'), ephemeral: true };
    expect(await after.runStaffCommand(staff, { verb: 'status' })).toEqual(none);
    expect(await after.runAsOperator({ verb: 'status' })).toEqual(none);
  });
});
