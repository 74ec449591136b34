/**
 * Inbound first. A member's Next or Submit, or a staff command, must be
 * stored and acknowledged within the platform's 3 s; the job runner's work
 * (invitation fan-out, receipts, reminders) may wait. Both share one event
 * loop and one SQLite connection, so without an order a burst of 200 pages
 * waits behind whatever the job lanes claimed.
 *
 * Inbound work runs through `inbound(work)`; background work awaits
 * `background()` before each unit (a job, a claim). While anything inbound
 * is pending, background units wait; they go on once nothing inbound has
 * been pending for a whole turn of the event loop, so a handler's next step
 * (which follows its previous one in microtasks: read the questionnaire,
 * then save, then read it again, then ack) is never overtaken between two
 * calls. Background units already running finish their current step.
 */
export class PriorityLane {
  #pending = 0;
  #idle: Promise<void> | null = null;
  #release: (() => void) | null = null;
  #settling = false;

  /** Inbound calls started and not yet finished. */
  get pending(): number {
    return this.#pending;
  }

  /** Runs `work` ahead of background work: none starts until it (and every other inbound call) has finished. */
  async inbound<T>(work: () => Promise<T>): Promise<T> {
    this.#pending += 1;
    try {
      return await work();
    } finally {
      this.#pending -= 1;
      if (this.#pending === 0) this.#settle();
    }
  }

  /** Resolves at once when nothing inbound is pending or settling, else once nothing has been for a turn. */
  background(): Promise<void> {
    if (this.#pending === 0 && !this.#settling) return Promise.resolve();
    this.#idle ??= new Promise((resolve) => {
      this.#release = resolve;
    });
    return this.#idle;
  }

  /** Releases waiting background work on the next turn, unless inbound work started again meanwhile. */
  #settle(): void {
    if (this.#settling) return;
    this.#settling = true;
    setImmediate(() => {
      this.#settling = false;
      if (this.#pending > 0) return;
      const release = this.#release;
      this.#idle = null;
      this.#release = null;
      release?.();
    });
  }
}
