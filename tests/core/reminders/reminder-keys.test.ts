import { describe, expect, it } from 'vitest';
import { reminderJobKey } from '../../../src/core/reminders/index.ts';

describe('reminderJobKey', () => {
  const closesAt = new Date('2024-02-15T09:00:00Z');

  it('GIVEN the same round, member, slot and deadline WHEN keyed twice THEN the keys are equal', () => {
    expect(reminderJobKey('r1', 'm1', 'bd-2', closesAt)).toBe(reminderJobKey('r1', 'm1', 'bd-2', new Date(closesAt)));
  });

  it('GIVEN an extended deadline WHEN keyed THEN the key changes', () => {
    const extended = new Date('2024-02-16T09:00:00Z');
    expect(reminderJobKey('r1', 'm1', 'bd-2', extended)).not.toBe(reminderJobKey('r1', 'm1', 'bd-2', closesAt));
  });

  it('GIVEN a different member or slot WHEN keyed THEN the keys differ', () => {
    const base = reminderJobKey('r1', 'm1', 'bd-2', closesAt);
    expect(reminderJobKey('r1', 'm2', 'bd-2', closesAt)).not.toBe(base);
    expect(reminderJobKey('r1', 'm1', 'h-3', closesAt)).not.toBe(base);
    expect(reminderJobKey('r2', 'm1', 'bd-2', closesAt)).not.toBe(base);
  });

  it('GIVEN ids containing the separator WHEN keyed THEN they cannot collide', () => {
    expect(reminderJobKey('a:b', 'c', 'h-3', closesAt)).not.toBe(reminderJobKey('a', 'b:c', 'h-3', closesAt));
  });

  it('GIVEN the seed round WHEN keyed THEN the key reads kind, ids, slot and deadline', () => {
    expect(reminderJobKey('2024-1', 'kim', 'last-bd', closesAt)).toBe(
      'remind:2024-1:kim:last-bd:2024-02-15T09%3A00%3A00.000Z',
    );
  });
});
