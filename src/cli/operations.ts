/**
 * What `jamun start` adds for operators: metrics fed by the messengers and
 * the scheduler, and (with JAMUN_HTTP_PORT) the /healthz, /readyz and
 * /metrics endpoints, served from before the lease is held, so a standby
 * instance answers "live, not ready".
 *
 * Without a port nothing is served, so prom-client is not loaded at all: its
 * default metrics sample the event loop every 10 ms, which is most of what
 * an idle bot would otherwise spend.
 */
import type { OpsHooks } from '../adapters/http/ops-metrics.ts';
import type { InstanceState } from '../adapters/http/ops-server.ts';
import type { Logger } from '../core/ports/logger.ts';
import type { Store } from '../core/ports/store.ts';
import type { Output } from './context.ts';

export interface Operations {
  metrics: OpsHooks;
  /** What /readyz reports; `start` updates it as the instance goes. */
  state: InstanceState;
  /** Serves the endpoints (a port was given), reading the store on each scrape and readiness check. */
  serve(store: Store): Promise<void>;
  close(): Promise<void>;
}

/** Hooks that count nothing: no port, no metrics. */
const UNCOUNTED: OpsHooks = {
  instrument: (messenger) => messenger,
  timeTick: (work) => work(),
  schedulerAlive: () => undefined,
  setActive: () => undefined,
};

export async function createOperations(output: Output, logger: Logger, port: number | null): Promise<Operations> {
  const state: InstanceState = { active: false, messengersConnected: false };
  if (port === null) return { metrics: UNCOUNTED, state, serve: async () => undefined, close: async () => undefined };
  const { createOpsMetrics } = await import('../adapters/http/ops-metrics.ts');
  const { startOpsServer } = await import('../adapters/http/ops-server.ts');
  const metrics = createOpsMetrics();
  let server: { close(): Promise<void> } | undefined;
  return {
    metrics,
    state,
    async serve(store) {
      server = await startOpsServer({ port, store, metrics, state: () => state, logger });
      output.out(`Operations endpoints on port ${port}: /healthz, /readyz, /metrics.`);
    },
    async close() {
      await server?.close();
    },
  };
}
