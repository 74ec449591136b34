/**
 * Prometheus metrics of one jamun instance (prom-client). Counters count what
 * this process did; gauges read from the database at scrape time count what
 * every instance together left there (so any instance's /metrics tells the
 * same story about the queue).
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Delivery, Messenger } from '../../core/ports/messenger.ts';
import type { Store } from '../../core/ports/store.ts';

/** The hooks `jamun start` calls whether or not metrics are served. */
export interface OpsHooks {
  /** The same messenger, counting every delivery's outcome by platform. */
  instrument(messenger: Messenger): Messenger;
  /** Runs one scheduler tick, timing it. */
  timeTick<T>(work: () => Promise<T>): Promise<T>;
  /** Called whenever the scheduler shows life (a tick, a heartbeat). */
  schedulerAlive(at: Date): void;
  /** Sets whether this instance is the active one (holds the lease). */
  setActive(active: boolean): void;
}

/** The metrics an instance keeps, and the hooks that feed them. */
export interface OpsMetrics extends OpsHooks {
  readonly registry: Registry;
  /** When the scheduler last showed life; null before it started. */
  lastSchedulerActivity(): Date | null;
  /** Reads the database gauges (called on each scrape). */
  refresh(store: Store, now: Date): Promise<void>;
}

export function createOpsMetrics(): OpsMetrics {
  const registry = new Registry();
  // Process metrics, event-loop delay among them (nodejs_eventloop_lag_seconds, _p50, _p99 …).
  collectDefaultMetrics({ register: registry });
  const sends = new Counter({
    name: 'jamun_sends_total',
    help: 'Deliveries attempted by this instance, by platform and outcome (sent, or the failure reason).',
    labelNames: ['platform', 'outcome'] as const,
    registers: [registry],
  });
  const rateLimited = new Counter({
    name: 'jamun_rate_limited_total',
    help: "Deliveries the platform refused with 429 after its client library's own waits, by platform.",
    labelNames: ['platform'] as const,
    registers: [registry],
  });
  const tick = new Histogram({
    name: 'jamun_tick_duration_seconds',
    help: 'Duration of one scheduler run over the due jobs.',
    buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60, 300],
    registers: [registry],
  });
  const outbox = new Gauge({
    name: 'jamun_outbox_entries',
    help: 'Outbox entries (all instances) by platform and state: sent, failed, sending, uncertain.',
    labelNames: ['platform', 'state'] as const,
    registers: [registry],
  });
  const uncertain = new Gauge({
    name: 'jamun_uncertain_sends',
    help: 'Sends cut by a crash, neither known sent nor repeated; staff decide (jamun round status).',
    registers: [registry],
  });
  const openRounds = new Gauge({ name: 'jamun_open_rounds', help: 'Rounds open now.', registers: [registry] });
  const jobLag = new Gauge({
    name: 'jamun_job_lag_seconds',
    help: 'How long the longest-waiting due job has waited (0 when none waits).',
    registers: [registry],
  });
  const active = new Gauge({
    name: 'jamun_active_instance',
    help: '1 when this instance holds the lease (platform connections, scheduler), 0 while it stands by.',
    registers: [registry],
  });
  let lastActivity: Date | null = null;

  const count = (platform: string, delivery: Delivery): Delivery => {
    sends.inc({ platform, outcome: delivery.ok ? 'sent' : delivery.reason });
    if (!delivery.ok && delivery.reason === 'rate_limited') rateLimited.inc({ platform });
    return delivery;
  };

  return {
    registry,
    instrument(messenger) {
      const { platform } = messenger;
      const settle = messenger.settleUncertain?.bind(messenger);
      return {
        platform,
        sendToMember: async (...args) => count(platform, await messenger.sendToMember(...args)),
        postToStaff: async (...args) => count(platform, await messenger.postToStaff(...args)),
        editStaffPost: async (...args) => count(platform, await messenger.editStaffPost(...args)),
        // The platform's way to settle a cut send is kept: without it every cut send would stay uncertain.
        ...(settle
          ? {
              settleUncertain: async (...args: Parameters<typeof settle>) => {
                const answer = await settle(...args);
                if (answer.settled) count(platform, answer.delivery);
                return answer;
              },
            }
          : {}),
      };
    },
    async timeTick(work) {
      const end = tick.startTimer();
      try {
        return await work();
      } finally {
        end();
        lastActivity = new Date();
      }
    },
    schedulerAlive(at) {
      lastActivity = at;
    },
    lastSchedulerActivity: () => lastActivity,
    setActive(isActive) {
      active.set(isActive ? 1 : 0);
    },
    async refresh(store, now) {
      const snapshot = await store.operationsSnapshot(now);
      outbox.reset();
      for (const row of snapshot.sends) outbox.set({ platform: row.platform, state: row.state }, row.count);
      uncertain.set(snapshot.uncertainSends);
      openRounds.set(snapshot.openRounds);
      jobLag.set(
        snapshot.oldestDueJobAt === null ? 0 : Math.max(0, (now.getTime() - snapshot.oldestDueJobAt.getTime()) / 1000),
      );
    },
  };
}
