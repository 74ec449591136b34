/**
 * The operations endpoints, on a port of their own (JAMUN_HTTP_PORT; off when
 * unset): `GET /healthz` (the process answers: liveness), `GET /readyz`
 * (the database answers, this instance is the active one, its messengers are
 * connected and its scheduler shows life: readiness, 503 otherwise, with the
 * failing checks named) and `GET /metrics` (Prometheus text format).
 * Nothing here touches a platform or changes data.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../../core/ports/logger.ts';
import type { Store } from '../../core/ports/store.ts';
import type { OpsMetrics } from './ops-metrics.ts';

/** What the process knows about itself for /readyz. */
export interface InstanceState {
  /** Holds the lease (on SQLite: always, once started). */
  active: boolean;
  /** Every messenger started and not stopped. */
  messengersConnected: boolean;
}

export interface OpsServerOptions {
  port: number;
  host?: string;
  store: Store;
  metrics: OpsMetrics;
  state: () => InstanceState;
  logger: Logger;
  now?: () => Date;
  /** The scheduler counts as stopped after this long without a tick or heartbeat (default 90 s: three heartbeats). */
  schedulerSilenceMs?: number;
  /** How long the database may take to answer a readiness check (default 2 s). */
  databaseTimeoutMs?: number;
}

export interface OpsServer {
  /** The port it listens on (useful when started on port 0). */
  readonly port: number;
  close(): Promise<void>;
}

type Check = { ok: boolean; detail: string };

export async function startOpsServer(options: OpsServerOptions): Promise<OpsServer> {
  const now = options.now ?? (() => new Date());
  const silenceMs = options.schedulerSilenceMs ?? 90_000;
  const databaseTimeoutMs = options.databaseTimeoutMs ?? 2_000;

  const database = async (): Promise<Check> => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${databaseTimeoutMs} ms`)), databaseTimeoutMs);
    });
    try {
      await Promise.race([options.store.getHeartbeat('bot'), timeout]);
      return { ok: true, detail: 'reachable' };
    } catch (error) {
      return {
        ok: false,
        detail: `unreachable: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
      };
    } finally {
      clearTimeout(timer);
    }
  };

  const readiness = async (): Promise<{ ready: boolean; checks: Record<string, Check> }> => {
    const state = options.state();
    const last = options.metrics.lastSchedulerActivity();
    const checks: Record<string, Check> = {
      database: await database(),
      instance: { ok: state.active, detail: state.active ? 'active' : 'standby (another instance holds the lease)' },
      messengers: {
        ok: state.messengersConnected,
        detail: state.messengersConnected ? 'connected' : 'not connected',
      },
      scheduler: {
        ok: last !== null && now().getTime() - last.getTime() <= silenceMs,
        detail: last === null ? 'not started' : `last activity ${last.toISOString()}`,
      },
    };
    return { ready: Object.values(checks).every((check) => check.ok), checks };
  };

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const path = (request.url ?? '/').split('?')[0];
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return send(response, 405, { error: 'method not allowed' });
    if (path === '/healthz') return send(response, 200, { status: 'ok' });
    if (path === '/readyz') {
      const { ready, checks } = await readiness();
      return send(response, ready ? 200 : 503, { status: ready ? 'ready' : 'not ready', checks });
    }
    if (path === '/metrics') {
      try {
        await options.metrics.refresh(options.store, now());
      } catch (error) {
        // The process metrics are still worth serving when the database is away.
        options.logger.warn(
          { err: error instanceof Error ? error.message : String(error) },
          'metrics: database gauges not read',
        );
      }
      response.writeHead(200, { 'content-type': options.metrics.registry.contentType });
      response.end(await options.metrics.registry.metrics());
      return;
    }
    send(response, 404, { error: 'not found', endpoints: ['/healthz', '/readyz', '/metrics'] });
  };

  const server: Server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      options.logger.error({ err: error instanceof Error ? error.message : String(error) }, 'ops endpoint failed');
      if (!response.headersSent) send(response, 500, { error: 'internal error' });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '0.0.0.0', () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  response.end(`${JSON.stringify(body)}\n`);
}
