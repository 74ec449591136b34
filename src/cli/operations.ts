/**
 * What `jamun start` adds for operators: metrics fed by the messengers and
 * the scheduler, and (with JAMUN_HTTP_PORT) the /healthz, /readyz and
 * /metrics endpoints, served from before the lease is held, so a standby
 * instance answers "live, not ready".
 */
import { createOpsMetrics, type OpsMetrics } from '../adapters/http/ops-metrics.ts';
import { type InstanceState, startOpsServer } from '../adapters/http/ops-server.ts';
import type { Logger } from '../core/ports/logger.ts';
import type { Store } from '../core/ports/store.ts';
import type { Output } from './context.ts';

export interface Operations {
  metrics: OpsMetrics;
  /** What /readyz reports; `start` updates it as the instance goes. */
  state: InstanceState;
  /** Serves the endpoints when a port is given. */
  serve(port: number | null, store: Store): Promise<void>;
  close(): Promise<void>;
}

export function createOperations(output: Output, logger: Logger): Operations {
  const metrics = createOpsMetrics();
  const state: InstanceState = { active: false, messengersConnected: false };
  let server: { close(): Promise<void> } | undefined;
  return {
    metrics,
    state,
    async serve(port, store) {
      if (port === null) return;
      server = await startOpsServer({ port, store, metrics, state: () => state, logger });
      output.out(`Operations endpoints on port ${port}: /healthz, /readyz, /metrics.`);
    },
    async close() {
      await server?.close();
    },
  };
}
