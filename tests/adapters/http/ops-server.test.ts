import { afterEach, describe, expect, it } from 'vitest';
import { createOpsMetrics } from '../../../src/adapters/http/ops-metrics.ts';
import { type InstanceState, type OpsServer, startOpsServer } from '../../../src/adapters/http/ops-server.ts';
import { MemoryStore } from '../../../src/adapters/memory/memory-store.ts';
import { silentLogger } from '../../../src/core/ports/logger.ts';
import type { Delivery, Messenger } from '../../../src/core/ports/messenger.ts';
import type { Store } from '../../../src/core/ports/store.ts';
import { sampleRound } from '../../core/store-contract.ts';

const NOW = new Date('2024-02-08T09:00:00Z');

/** A messenger whose deliveries are given by the test. */
function scriptedMessenger(results: Delivery[]): Messenger {
  const next = async (): Promise<Delivery> => results.shift() ?? { ok: true, ref: { channelId: 'c', messageId: 'm' } };
  return { platform: 'discord', sendToMember: next, postToStaff: next, editStaffPost: next };
}

let server: OpsServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serve(store: Store, state: InstanceState) {
  const metrics = createOpsMetrics();
  server = await startOpsServer({
    port: 0,
    host: '127.0.0.1',
    store,
    metrics,
    state: () => state,
    logger: silentLogger,
    now: () => NOW,
  });
  const get = async (path: string) => {
    const response = await fetch(`http://127.0.0.1:${server?.port}${path}`);
    return { status: response.status, text: await response.text() };
  };
  return { metrics, get };
}

describe('operations endpoints', () => {
  it('GIVEN a standby instance THEN /healthz is 200 and /readyz is 503 naming the checks that fail', async () => {
    const { get } = await serve(new MemoryStore(), { active: false, messengersConnected: false });
    expect(await get('/healthz')).toEqual({ status: 200, text: '{"status":"ok"}\n' });
    const ready = await get('/readyz');
    expect(ready.status).toBe(503);
    expect(JSON.parse(ready.text)).toMatchObject({
      status: 'not ready',
      checks: {
        database: { ok: true },
        instance: { ok: false, detail: 'standby (another instance holds the lease)' },
        messengers: { ok: false },
        scheduler: { ok: false, detail: 'not started' },
      },
    });
  });

  it('GIVEN the active instance with messengers connected and a recent tick THEN /readyz is 200', async () => {
    const { metrics, get } = await serve(new MemoryStore(), { active: true, messengersConnected: true });
    metrics.schedulerAlive(new Date(NOW.getTime() - 30_000));
    expect((await get('/readyz')).status).toBe(200);
    metrics.schedulerAlive(new Date(NOW.getTime() - 120_000));
    expect(JSON.parse((await get('/readyz')).text).checks.scheduler.ok).toBe(false);
  });

  it('GIVEN an unreachable database THEN /readyz is 503 with the database check failing', async () => {
    const store = new MemoryStore();
    store.getHeartbeat = () => Promise.reject(new Error('connection refused'));
    const { metrics, get } = await serve(store, { active: true, messengersConnected: true });
    metrics.schedulerAlive(NOW);
    const ready = await get('/readyz');
    expect(ready.status).toBe(503);
    expect(JSON.parse(ready.text).checks.database).toEqual({ ok: false, detail: 'unreachable: connection refused' });
  });

  it('GIVEN sends, a 429, a tick, an open round and a waiting job THEN /metrics has each in Prometheus text', async () => {
    const store = new MemoryStore();
    await store.openRound(
      { ...sampleRound(), status: 'open' },
      [],
      [{ key: 'late', kind: 'remind', roundId: 'r1', dueAt: new Date(NOW.getTime() - 90_000) }],
    );
    await store.claimOutbox('k', 'discord', NOW);
    await store.settleOutbox('k', { state: 'uncertain' }, NOW);
    const { metrics, get } = await serve(store, { active: true, messengersConnected: true });
    metrics.setActive(true);
    const messenger = metrics.instrument(
      scriptedMessenger([{ ok: false, permanent: false, reason: 'rate_limited', detail: '429' }]),
    );
    await messenger.sendToMember({ memberId: 'm1', userId: 'u1' } as never, {} as never, 'a');
    await messenger.postToStaff('c', {} as never, 'b');
    await metrics.timeTick(async () => 0);
    const { status, text } = await get('/metrics');
    expect(status).toBe(200);
    expect(text).toContain('jamun_sends_total{platform="discord",outcome="rate_limited"} 1');
    expect(text).toContain('jamun_sends_total{platform="discord",outcome="sent"} 1');
    expect(text).toContain('jamun_rate_limited_total{platform="discord"} 1');
    expect(text).toContain('jamun_tick_duration_seconds_count 1');
    expect(text).toContain('jamun_open_rounds 1');
    expect(text).toContain('jamun_uncertain_sends 1');
    expect(text).toContain('jamun_outbox_entries{platform="discord",state="uncertain"} 1');
    expect(text).toContain('jamun_job_lag_seconds 90');
    expect(text).toContain('jamun_active_instance 1');
    expect(text).toMatch(/nodejs_eventloop_lag_seconds \d/);
  });

  it('GIVEN a messenger that settles cut sends WHEN instrumented THEN its settleUncertain is kept and counted; one without it gains none', async () => {
    const metrics = createOpsMetrics();
    const { LocalMessenger } = await import('../../../src/adapters/local/local-messenger.ts');
    const local = new LocalMessenger();
    const instrumented = metrics.instrument(local);
    const to = { memberId: 'm1', userId: 'u1', name: 'n', locale: 'ko' as const, timeZone: 'Asia/Seoul' };
    const cut = { startedAt: NOW, now: NOW };
    const answer = await instrumented.settleUncertain?.(to, { kind: 'notice', locale: 'ko', text: 't' }, 'k', cut);
    expect(answer).toMatchObject({ settled: true, delivery: { ok: true } });
    expect(local.messagesIn(local.dmChannelOf('u1'))).toHaveLength(1);
    expect(await metrics.registry.metrics()).toContain('jamun_sends_total{platform="local",outcome="sent"} 1');
    expect(metrics.instrument(scriptedMessenger([])).settleUncertain).toBeUndefined();
  });

  it('GIVEN an unknown path THEN 404 lists the endpoints', async () => {
    const { get } = await serve(new MemoryStore(), { active: true, messengersConnected: true });
    expect(await get('/nope')).toEqual({
      status: 404,
      text: '{"error":"not found","endpoints":["/healthz","/readyz","/metrics"]}\n',
    });
  });
});
