/**
 * Staff `extend`, the replanning of reminders: they are planned from the
 * later of now and the window's opening, so an extension neither sends a
 * reminder whose moment has already passed nor one before the invitations.
 */
import { describe, expect, it } from 'vitest';
import { LocalMessenger } from '../../../src/adapters/local/local-messenger.ts';
import type { ReminderSlot } from '../../../src/core/model.ts';
import { createTestApp, kst, type TestApp } from '../../fakes/app-harness.ts';

const ROUND = '2024-1';
const staff = { platform: 'local' as const, userId: 'staff-son' };

/** The seed round with these reminder slots and window, opened at `openAt`. */
async function openedWith(slots: ReminderSlot[], window: { opens: string; closes: string }, openAt: Date) {
  const t = await createTestApp({
    messengers: [new LocalMessenger()],
    now: openAt,
    mutateRound: (r) => {
      r.window = window;
      r.reminders = { slots, graceMinutes: 60 };
    },
  });
  expect((await t.app.runStaffCommand(staff, { verb: 'open', roundId: ROUND })).error).toBeUndefined();
  return t;
}

/** The distinct moments of the reminders waiting to go out. */
async function reminderTimes(t: TestApp): Promise<string[]> {
  const jobs = (await t.store.listJobs(ROUND)).filter((j) => j.kind === 'remind' && j.state === 'pending');
  return [...new Set(jobs.map((j) => j.dueAt.toISOString()))].sort();
}

describe('extend replans the reminders', () => {
  it('GIVEN an extension an hour before the deadline THEN a reminder whose moment has passed is not planned, a later one is', async () => {
    const window = { opens: '2024-02-08 09:00', closes: '2024-02-15 18:00' };
    const slots: ReminderSlot[] = [
      { kind: 'hours_before', hours: 30 },
      { kind: 'hours_before', hours: 3 },
    ];
    const t = await openedWith(slots, window, kst('2024-02-08 09:00'));
    t.clock.set(kst('2024-02-15 17:00'));
    const reply = await t.app.runStaffCommand(staff, { verb: 'extend', roundId: ROUND, until: '2024-02-16 18:00' });
    expect(reply.error).toBeUndefined();
    expect(await reminderTimes(t)).toEqual([kst('2024-02-16 15:00').toISOString()]);
  });

  it('GIVEN a round opened the day before its window and extended at once THEN no reminder is planned before the invitations go out', async () => {
    const window = { opens: '2024-02-08 14:00', closes: '2024-02-08 16:00' };
    const slots: ReminderSlot[] = [
      { kind: 'hours_before', hours: 7 },
      { kind: 'hours_before', hours: 2 },
    ];
    const t = await openedWith(slots, window, kst('2024-02-07 12:00'));
    const reply = await t.app.runStaffCommand(staff, { verb: 'extend', roundId: ROUND, until: '2024-02-08 19:00' });
    expect(reply.error).toBeUndefined();
    expect(await reminderTimes(t)).toEqual([kst('2024-02-08 17:00').toISOString()]);
  });
});
