/**
 * The claimants port: who this process is when it claims jobs and sends, and
 * whether the process behind another claim has stopped. A send claimed by a
 * process that is gone was cut by a crash: it is reported as uncertain at
 * once, not after a lease runs out.
 */
export interface Claimants {
  /** This process's claimant id, different on every start. */
  readonly self: string;
  /**
   * True only when the process behind `claimant` has certainly stopped. When
   * that cannot be known (another machine), false: the claim's lease decides.
   */
  isGone(claimant: string): boolean;
}

/** Claimants that know nothing of other processes: claims end only by their lease. */
export function leaseOnlyClaimants(self: string): Claimants {
  return { self, isGone: () => false };
}
