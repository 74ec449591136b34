/** A synthetic committee and round of any size, for the benchmarks. */
import { LocalMessenger } from '../../src/adapters/local/local-messenger.ts';
import { createJamunApp, type JamunApp } from '../../src/core/app/create-app.ts';
import type { Committee, Member, RoundDefinition } from '../../src/core/model.ts';
import { ManualClock } from '../../src/core/ports/clock.ts';
import { silentLogger } from '../../src/core/ports/logger.ts';
import type { Store } from '../../src/core/ports/store.ts';
import { krCalendar } from '../fakes/kr-calendar.ts';

export const OPENS = new Date('2024-02-08T00:00:00Z');

export function syntheticCommittee(members: number): Committee {
  const list: Member[] = Array.from({ length: members }, (_, i) => ({
    id: `m${i}`,
    name: `위원${i}`,
    platforms: { local: `u${i}` },
    active: true,
  }));
  return {
    id: 'bench',
    name: '벤치마크 위원회',
    timeZone: 'Asia/Seoul',
    locale: 'ko',
    staff: { userIds: { local: ['staff'] }, discordRoleIds: [] },
    staffChannels: {},
    honorarium: { amount: 100000, currency: 'KRW' },
    calendar: krCalendar(),
    members: list,
  };
}

export function syntheticRound(questions: number): RoundDefinition {
  const perItem = Math.ceil(questions / 2);
  return {
    id: 'bench-1',
    committeeId: 'bench',
    title: '벤치마크 회차',
    agenda: [0, 1].map((item) => ({
      id: String(item + 1),
      title: `안건 ${item + 1}`,
      questions: Array.from({ length: perItem }, (_, q) => ({
        id: `${item + 1}.${q + 1}`,
        prompt: `질문 ${item + 1}.${q + 1}`,
        kind: 'long_text' as const,
        required: true,
        maxLength: 4000,
      })),
    })),
    window: { opens: '2024-02-08T09:00', closes: '2024-02-15T18:00' },
    anonymous: false,
    allowLate: false,
    reminders: { slots: [], graceMinutes: 120 },
  };
}

/**
 * The app over `store` for `committee` and `def` on a local messenger, with a manual clock an hour after
 * OPENS (2024-02-08 10:00 KST) and no logs.
 */
export function syntheticApp(
  store: Store,
  committee: Committee,
  def: RoundDefinition,
): { app: JamunApp; local: LocalMessenger; clock: ManualClock } {
  const local = new LocalMessenger();
  const clock = new ManualClock(new Date(OPENS.getTime() + 3_600_000));
  const app = createJamunApp({
    store,
    messengers: [local],
    committees: [committee],
    rounds: [def],
    clock,
    logger: silentLogger,
  });
  return { app, local, clock };
}
