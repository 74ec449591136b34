/**
 * The priority lane's order, without timings: background work waits while
 * inbound work is pending and goes on once none has been for a turn.
 */
import { describe, expect, it } from 'vitest';
import { PriorityLane } from '../../src/core/priority-lane.ts';

/** A promise the test settles, and whether it has. */
function gate(): { wait: Promise<void>; open: () => void } {
  let open: () => void = () => {};
  const wait = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { wait, open };
}

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

async function turns(count: number): Promise<void> {
  for (let i = 0; i < count; i++) await turn();
}

describe('PriorityLane', () => {
  it('GIVEN nothing inbound THEN background work goes on within the same turn', async () => {
    const lane = new PriorityLane();
    const order: string[] = [];
    const background = lane.background().then(() => order.push('background'));
    setImmediate(() => order.push('next turn'));
    await background;
    await turn();
    expect(order).toEqual(['background', 'next turn']);
    expect(lane.pending).toBe(0);
  });

  it('GIVEN a pending inbound write and a job batch waiting WHEN the write finishes THEN the inbound ran first and the batch after it', async () => {
    const lane = new PriorityLane();
    const order: string[] = [];
    const held = gate();
    const write = lane.inbound(async () => {
      order.push('inbound starts');
      await held.wait;
      order.push('inbound stored');
      return 'acked';
    });
    const batch = lane.background().then(() => order.push('job batch'));
    await turns(20);
    expect(order).toEqual(['inbound starts']);
    expect(lane.pending).toBe(1);
    held.open();
    expect(await write).toBe('acked');
    await batch;
    expect(order).toEqual(['inbound starts', 'inbound stored', 'job batch']);
    expect(lane.pending).toBe(0);
  });

  it('GIVEN a handler whose next inbound step follows its previous one in a microtask THEN background work does not slip in between', async () => {
    const lane = new PriorityLane();
    const order: string[] = [];
    const handler = (async () => {
      await lane.inbound(async () => order.push('read questionnaire'));
      await lane.inbound(async () => order.push('save page'));
      await lane.inbound(async () => order.push('read next page'));
    })();
    const job = lane.background().then(() => order.push('job'));
    await handler;
    await job;
    expect(order).toEqual(['read questionnaire', 'save page', 'read next page', 'job']);
  });

  it('GIVEN two inbound calls WHEN the first finishes THEN background work still waits for the second', async () => {
    const lane = new PriorityLane();
    const order: string[] = [];
    const first = gate();
    const second = gate();
    const a = lane.inbound(() => first.wait.then(() => order.push('first')));
    const b = lane.inbound(() => second.wait.then(() => order.push('second')));
    const job = lane.background().then(() => order.push('job'));
    first.open();
    await a;
    await turns(20);
    expect(order).toEqual(['first']);
    expect(lane.pending).toBe(1);
    second.open();
    await b;
    await job;
    expect(order).toEqual(['first', 'second', 'job']);
  });

  it('GIVEN an inbound call that throws THEN its error reaches the caller and background work goes on', async () => {
    const lane = new PriorityLane();
    const job = lane.background();
    const failing = lane.inbound(async () => {
      throw new Error('store failed');
    });
    await expect(failing).rejects.toThrow('store failed');
    await job;
    expect(lane.pending).toBe(0);
    let later = false;
    await lane.background().then(() => {
      later = true;
    });
    expect(later).toBe(true);
  });
});
