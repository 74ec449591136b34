import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../../src/adapters/memory/memory-store.ts';
import { applyRetention } from '../../../src/core/app/retention.ts';
import { type Logger, silentLogger } from '../../../src/core/ports/logger.ts';
import { sampleRound } from '../store-contract.ts';

const NOW = new Date('2026-03-31T00:00:00Z');

async function roundWithAnswers(store: MemoryStore, id: string, patch: Parameters<MemoryStore['updateRound']>[1]) {
  await store.createRound(sampleRound(id));
  await store.updateRound(id, patch);
  await store.saveAnswers(
    id,
    'm1',
    [{ questionId: '1.1', value: { kind: 'text', text: '좋음' } }],
    new Date('2025-01-01T00:00:00Z'),
  );
  await store.saveAnswers(
    id,
    'm1',
    [{ questionId: '1.1', value: { kind: 'text', text: '매우 좋음' } }],
    new Date('2025-01-02T00:00:00Z'),
  );
}

describe('retention of answers', () => {
  it('GIVEN rounds summarised 13 and 11 months ago and one closed long ago but never summarised WHEN 12 months apply THEN only the first loses its answers, audited once', async () => {
    const store = new MemoryStore();
    await roundWithAnswers(store, 'old', { status: 'summarised', summarisedAt: new Date('2025-02-28T00:00:00Z') });
    await roundWithAnswers(store, 'recent', { status: 'summarised', summarisedAt: new Date('2025-04-30T00:00:00Z') });
    await roundWithAnswers(store, 'unreported', { status: 'closed', closedAt: new Date('2023-01-01T00:00:00Z') });

    expect(await applyRetention(store, NOW, 12, 'system', silentLogger)).toEqual([
      { roundId: 'old', answers: 1, revisions: 2 },
    ]);
    expect(await store.listAnswers('old')).toEqual([]);
    expect(await store.listRevisions('old', 'm1')).toEqual([]);
    expect(await store.listAnswers('recent')).toHaveLength(1);
    expect(await store.listAnswers('unreported')).toHaveLength(1);
    expect(await store.listAudit('old')).toEqual([
      {
        at: NOW,
        actor: 'system',
        action: 'retention.answers_deleted',
        roundId: 'old',
        detail: { answers: 1, revisions: 2, months: 12, reportFinalAt: '2025-02-28T00:00:00.000Z' },
      },
    ]);

    expect(await applyRetention(store, NOW, 12, 'system', silentLogger)).toEqual([]);
    expect(await store.listAudit('old')).toHaveLength(1);
  });

  it('GIVEN a round summarised exactly 12 months ago with one answer never revised WHEN 12 months apply THEN it is deleted, audited and logged without the text', async () => {
    const store = new MemoryStore();
    await store.createRound(sampleRound('edge'));
    await store.updateRound('edge', { status: 'summarised', summarisedAt: new Date('2025-03-31T00:00:00Z') });
    await store.saveAnswers(
      'edge',
      'm1',
      [{ questionId: '1.1', value: { kind: 'text', text: '비밀 의견' } }],
      new Date('2025-01-01T00:00:00Z'),
    );
    const logged: Array<[Record<string, unknown>, string]> = [];
    const logger: Logger = { ...silentLogger, info: (context, message) => void logged.push([context, message]) };

    expect(await applyRetention(store, NOW, 12, 'cli', logger)).toEqual([
      { roundId: 'edge', answers: 1, revisions: 1 },
    ]);
    expect((await store.listAudit('edge')).map((e) => [e.actor, e.action])).toEqual([
      ['cli', 'retention.answers_deleted'],
    ]);
    expect(logged).toEqual([
      [{ roundId: 'edge', answers: 1, revisions: 1, months: 12 }, 'answers deleted after the retention period'],
    ]);
  });

  it('GIVEN a summarised round with no report date THEN its answers are kept', async () => {
    const store = new MemoryStore();
    await roundWithAnswers(store, 'undated', { status: 'summarised' });
    expect(await applyRetention(store, NOW, 12, 'system', silentLogger)).toEqual([]);
    expect(await store.listAnswers('undated')).toHaveLength(1);
  });
});
