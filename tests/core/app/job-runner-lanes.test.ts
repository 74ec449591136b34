/**
 * The job runner's lanes: invitations to different members run side by side
 * and jobs keep being claimed while lanes run, so one member whose send hangs
 * (a slow or retried platform call) holds neither the others of their claim
 * nor the next claims. No timings: the hanging send is held by a gate.
 */
import { describe, expect, it } from 'vitest';
import { LocalMessenger } from '../../../src/adapters/local/local-messenger.ts';
import type { Delivery, MemberAddress, MemberMessage } from '../../../src/core/ports/messenger.ts';
import { createTestApp, localMembers } from '../../fakes/app-harness.ts';

const ROUND = '2024-1';
/** More than one claim of jobs (the runner claims 8 at a time). */
const MEMBERS = 130;
const HANGING = 'm-7';

/** The local messenger whose send to one member waits until the test lets it go. */
class HangingMessenger extends LocalMessenger {
  release: () => void = () => {};
  readonly #held = new Promise<void>((resolve) => {
    this.release = resolve;
  });
  hanging = false;
  override async sendToMember(to: MemberAddress, message: MemberMessage, key: string): Promise<Delivery> {
    if (to.memberId === HANGING) {
      this.hanging = true;
      await this.#held;
    }
    return super.sendToMember(to, message, key);
  }
}

/** Turns the event loop until `done()` or the budget of turns is spent (no clock involved). */
async function turnsUntil(done: () => boolean, turns = 100_000): Promise<void> {
  for (let i = 0; i < turns && !done(); i++) await new Promise((resolve) => setImmediate(resolve));
}

describe('a member whose invitation hangs', () => {
  it(`GIVEN ${MEMBERS} members and the send to one never returning THEN every other member is invited, claim after claim, once each; the hanging one after it returns`, async () => {
    const messenger = new HangingMessenger();
    const t = await createTestApp({
      messengers: [messenger],
      mutateCommittee: localMembers(MEMBERS),
    });
    await t.app.runAsOperator({ verb: 'open', roundId: ROUND });
    const invited = () =>
      new Set(
        messenger
          .all()
          .filter((m) => m.kind === 'invitation')
          .map((m) => m.channelId),
      );
    let finished = false;
    const run = t.app.runDueJobs().then(() => {
      finished = true;
    });
    await turnsUntil(() => invited().size === MEMBERS - 1);
    expect(messenger.hanging).toBe(true);
    expect(finished).toBe(false);
    expect(invited().size).toBe(MEMBERS - 1);
    expect(invited().has('dm:u-7')).toBe(false);
    messenger.release();
    await run;
    const invitations = messenger.all().filter((m) => m.kind === 'invitation');
    expect(invitations).toHaveLength(MEMBERS);
    expect(new Set(invitations.map((m) => m.channelId)).size).toBe(MEMBERS);
    expect((await t.store.listInvitations(ROUND)).filter((i) => i.deliveryState === 'delivered')).toHaveLength(MEMBERS);
  });
});

/** The local messenger whose every send waits until the test releases it, one at a time (a paced platform). */
class GatedMessenger extends LocalMessenger {
  readonly #gates: Array<() => void> = [];
  get held(): number {
    return this.#gates.length;
  }
  releaseOne(): void {
    this.#gates.shift()?.();
  }
  override async sendToMember(to: MemberAddress, message: MemberMessage, key: string): Promise<Delivery> {
    await new Promise<void>((resolve) => this.#gates.push(resolve));
    return super.sendToMember(to, message, key);
  }
}

describe('a receipt that comes due during a fan-out', () => {
  it('GIVEN 80 invitations going out one send at a time and every lane busy WHEN a receipt comes due THEN it is claimed within a few sends, not after every invitation claimed before it; everyone is invited once', async () => {
    const messenger = new GatedMessenger();
    const t = await createTestApp({
      messengers: [messenger],
      mutateCommittee: localMembers(80),
    });
    await t.app.runAsOperator({ verb: 'open', roundId: ROUND });
    const claimed: string[] = [];
    const claim = t.store.claimDueJobs.bind(t.store);
    t.store.claimDueJobs = async (...args) => {
      const jobs = await claim(...args);
      claimed.push(...jobs.map((job) => job.key));
      return jobs;
    };
    const run = t.app.runDueJobs();
    await turnsUntil(() => messenger.held === 16);
    await t.store.enqueueJobs([
      { key: 'receipt:test', kind: 'receipt', roundId: ROUND, memberId: 'm-79', dueAt: t.clock.now() },
    ]);
    let sendsBefore = 0;
    while (!claimed.includes('receipt:test') && sendsBefore < 80) {
      messenger.releaseOne();
      sendsBefore += 1;
      await turnsUntil(() => messenger.held === 16 || claimed.includes('receipt:test'), 1_000);
    }
    expect(sendsBefore).toBeLessThanOrEqual(6);
    for (let turn = 0; turn < 100_000 && messenger.held + (await t.store.tallyInvitations(ROUND)).pending > 0; turn++) {
      messenger.releaseOne();
      await new Promise((resolve) => setImmediate(resolve));
    }
    await run;
    const invitations = messenger.all().filter((m) => m.kind === 'invitation');
    expect(new Set(invitations.map((m) => m.channelId)).size).toBe(80);
    expect(invitations).toHaveLength(80);
  });
});
