/**
 * The replay guard's memory: a signature is refused within its window,
 * forgotten after it, and the memory never grows past its bound.
 */
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core/ports/clock.ts';
import { ReplayGuard, SIGNATURE_WINDOW_MS, signedRequestProperties } from '../../../src/adapters/slack/replay-guard.ts';

describe('ReplayGuard', () => {
  it('GIVEN a signature seen 65 s ago WHEN seen again THEN it is a repeat; another signature is not', () => {
    const clock = new ManualClock(new Date('2024-02-13T01:00:00Z'));
    const guard = new ReplayGuard(clock);
    expect(guard.firstSeen('v0=aaa')).toBe(true);
    clock.advance(65_000);
    expect(guard.firstSeen('v0=aaa')).toBe(false);
    expect(guard.firstSeen('v0=bbb')).toBe(true);
  });

  it('GIVEN a signature older than its window (Bolt refuses those anyway) THEN it is forgotten', () => {
    const clock = new ManualClock(new Date('2024-02-13T01:00:00Z'));
    const guard = new ReplayGuard(clock);
    guard.firstSeen('v0=aaa');
    clock.advance(SIGNATURE_WINDOW_MS);
    guard.firstSeen('v0=bbb');
    expect(guard.size).toBe(1);
    expect(guard.firstSeen('v0=aaa')).toBe(true);
  });

  it('GIVEN more signatures than its bound WHEN a flood arrives THEN the oldest are dropped and the size stays bounded', () => {
    const guard = new ReplayGuard(new ManualClock(new Date('2024-02-13T01:00:00Z')), 3);
    for (const s of ['a', 'b', 'c', 'd']) guard.firstSeen(s);
    expect(guard.size).toBe(3);
    expect(guard.firstSeen('d')).toBe(false);
    expect(guard.firstSeen('a')).toBe(true);
  });

  it('GIVEN a request without a signature (Socket Mode, a test) THEN no property is handed on', () => {
    expect(signedRequestProperties({ headers: {} })).toEqual({});
    expect(signedRequestProperties({ headers: { 'x-slack-signature': 'v0=x' } })).toEqual({
      jamunSlackSignature: 'v0=x',
    });
  });
});
