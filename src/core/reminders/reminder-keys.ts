/** Idempotency keys of reminder jobs. */

/**
 * The key of the reminder job for one member and one slot of a round. It
 * includes the deadline, so planning the same round twice yields the same keys
 * (the job store ignores the repeat) while re-planning after a deadline
 * extension yields new ones (the old jobs are cancelled, the new ones stored).
 * Parts are URI-encoded so that ids containing `:` cannot collide.
 */
export function reminderJobKey(roundId: string, memberId: string, slotId: string, closesAt: Date): string {
  const parts = [roundId, memberId, slotId, closesAt.toISOString()].map(encodeURIComponent);
  return `remind:${parts.join(':')}`;
}
