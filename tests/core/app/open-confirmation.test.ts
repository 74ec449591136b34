/**
 * What `/jamun open ROUND` shows before it opens (issue 12), on the seed
 * round: who may ask, the window as it will run (from the opening, or from
 * now when the opening has passed), the members counted, the reminders still
 * to come, and a round whose file cannot become a round.
 */
import { describe, expect, it } from 'vitest';
import { LocalMessenger } from '../../../src/adapters/local/local-messenger.ts';
import type { Committee, RoundDefinition } from '../../../src/core/model.ts';
import { createTestApp, kst } from '../../fakes/app-harness.ts';

const ROUND = '2024-1';
const staff = { platform: 'local' as const, userId: 'staff-son' };
const kang = { platform: 'local' as const, userId: 'm-kang' };

async function confirmation(
  options: { now?: Date; round?: (r: RoundDefinition) => void; committee?: (c: Committee) => void } = {},
) {
  const t = await createTestApp({
    messengers: [new LocalMessenger()],
    ...(options.now ? { now: options.now } : {}),
    ...(options.round ? { mutateRound: options.round } : {}),
    ...(options.committee ? { mutateCommittee: options.committee } : {}),
  });
  return { t, confirm: await t.app.openConfirmation(staff, ROUND) };
}

/** The confirmation's text lines, or the refusal as a failure. */
function lines(confirm: Awaited<ReturnType<typeof confirmation>>['confirm']): string[] {
  if (!confirm.ok) throw new Error(`refused: ${confirm.text}`);
  return confirm.text.split('\n');
}

describe('the open confirmation', () => {
  it('GIVEN a member of the committee THEN they are refused as staff-only, and the refusal is audited for open', async () => {
    const t = await createTestApp({ messengers: [new LocalMessenger()] });
    expect(await t.app.openConfirmation(kang, ROUND)).toMatchObject({
      ok: false,
      error: { code: 'STAFF.FORBIDDEN' },
    });
    const refused = (await t.store.listAudit(ROUND)).filter((e) => e.action === 'staff.refused');
    expect(refused.map((e) => e.detail)).toEqual([{ verb: 'open' }]);
  });

  it('GIVEN an opening still to come THEN the window runs from that opening', async () => {
    const { confirm } = await confirmation({ round: (r) => void (r.window.opens = '2024-02-13 09:00') });
    expect(lines(confirm)[2]).toBe('· 기간: 2024. 2. 13.(화) 09:00 ~ 2024. 2. 15.(목) 18:00 (근무일 3일)');
  });

  it('GIVEN an opening already passed THEN the window runs from now, when the invitations go', async () => {
    const { confirm } = await confirmation({ now: kst('2024-02-13 11:00') });
    expect(lines(confirm)[2]).toBe('· 기간: 2024. 2. 13.(화) 11:00 ~ 2024. 2. 15.(목) 18:00 (근무일 3일)');
  });

  it('GIVEN a member set inactive in the file THEN only the active members are counted', async () => {
    const { confirm } = await confirmation({
      committee: (c) => {
        const first = c.members[0];
        if (first) first.active = false;
      },
    });
    expect(confirm).toMatchObject({ ok: true, members: 6 });
    expect(lines(confirm)[1]).toBe('· 대상: 위원 6명');
  });

  it('GIVEN now is the time of a reminder THEN that reminder and the earlier ones are not named, the later ones are', async () => {
    const { confirm } = await confirmation({ now: kst('2024-02-15 09:30') });
    expect(confirm).toMatchObject({ ok: true, reminders: ['2024. 2. 15.(목) 15:00'] });
    expect(lines(confirm)[3]).toBe('· 재안내: 2024. 2. 15.(목) 15:00');
  });

  it('GIVEN a round file whose deadline is not a date THEN the confirmation refuses with that problem', async () => {
    const { confirm } = await confirmation({ round: (r) => void (r.window.closes = '2024-02-30 18:00') });
    expect(confirm).toMatchObject({
      ok: false,
      error: { code: 'DATE.INVALID' },
      text: '"2024-02-30 18:00"은 올바른 일시가 아닙니다. 예: 2024-02-20 18:00',
    });
  });
});
