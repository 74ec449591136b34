/**
 * The authoring API (issue 12) with two committees: the seed one (Korean)
 * and one in English in Paris. Staff of both pick the committee a form or
 * a file is for; answers come in that committee's language; staff of one
 * neither import into nor list the drafts of the other.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LocalMessenger } from '../../../src/adapters/local/local-messenger.ts';
import type { RoundForm } from '../../../src/core/app/authoring-api.ts';
import type { Committee } from '../../../src/core/model.ts';
import { createTestApp } from '../../fakes/app-harness.ts';
import { SEED_PASTE } from '../../fakes/seed-agenda-paste.ts';

const SEED = 'regional-coprosperity';
const PARIS = 'paris';
/** Staff of both committees, and staff of the Paris one only. */
const both = { platform: 'local' as const, userId: 'staff-son' };
const parisOnly = { platform: 'local' as const, userId: 'staff-b' };
const seedYaml = readFileSync(new URL('../../../config/rounds/2024-1.yaml', import.meta.url), 'utf8');

function parisOf(seed: Committee): Committee {
  return {
    ...structuredClone(seed),
    id: PARIS,
    name: 'Paris board',
    locale: 'en',
    timeZone: 'Europe/Paris',
    staff: { userIds: { local: ['staff-son', 'staff-b'] }, discordRoleIds: [] },
    members: [{ id: 'p-1', name: 'Member', platforms: { local: 'p-1' }, active: true }],
  };
}

async function app() {
  const t = await createTestApp({ messengers: [new LocalMessenger()], extraCommittees: (seed) => [parisOf(seed)] });
  return t;
}

function form(overrides: Partial<RoundForm> = {}): RoundForm {
  return {
    id: '',
    committee: PARIS,
    title: 'Title',
    opens: '2024-02-08 09:00',
    closes: '2024-02-15 18:00',
    anonymous: false,
    allowLate: false,
    agendaText: SEED_PASTE,
    ...overrides,
  };
}

function must<T extends { ok: boolean }>(result: T): Extract<T, { ok: true }> {
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result)}`);
  return result as Extract<T, { ok: true }>;
}

describe('two committees', () => {
  it('GIVEN a table uploaded with the fields of the Paris committee THEN it is read for that committee, in English', async () => {
    const t = await app();
    const { agendaText: _, ...fields } = form({ id: 'p-1' });
    const bad = new TextEncoder().encode('안건,질문,응답 방식\n가 안건,첫 질문,그림\n');
    const refused = await t.app.importDraftFile(both, { name: 'q.csv', bytes: bad }, fields);
    expect(refused).toMatchObject({ ok: false, locale: 'en' });
    expect(!refused.ok && refused.text.split('\n')[0]).toMatch(/^The draft was not saved/u);
  });

  it('GIVEN staff of the Paris committee only name the seed committee in the fields THEN the import is refused', async () => {
    const t = await app();
    const { agendaText: _, ...fields } = form({ id: 's-1', committee: SEED });
    const table = new TextEncoder().encode('안건,질문\n가 안건,첫 질문\n');
    const refused = await t.app.importDraftFile(parisOnly, { name: 'q.csv', bytes: table }, fields);
    expect(refused).toMatchObject({ ok: false, error: { code: 'STAFF.FORBIDDEN' } });
    expect(await t.store.listRoundDrafts()).toEqual([]);
    expect((await t.store.listAudit()).map((a) => [a.action, a.detail])).toEqual([
      ['staff.refused', { verb: 'import' }],
    ]);
  });

  it('GIVEN staff of the Paris committee only upload a round file of the seed committee THEN it is refused and nothing stored', async () => {
    const t = await app();
    const refused = await t.app.importDraftFile(parisOnly, {
      name: 's.yaml',
      bytes: new TextEncoder().encode(seedYaml),
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'STAFF.FORBIDDEN' } });
    expect(await t.store.listRoundDrafts()).toEqual([]);
  });

  it('GIVEN a round file of the Paris committee uploaded without fields THEN the answer is in English', async () => {
    const t = await app();
    const yaml = seedYaml.replace('id: 2024-1', 'id: p-9').replace(`committee: ${SEED}`, `committee: ${PARIS}`);
    const saved = must(await t.app.importDraftFile(both, { name: 'p.yaml', bytes: new TextEncoder().encode(yaml) }));
    expect(saved).toMatchObject({ locale: 'en', roundId: 'p-9' });
    expect(saved.text).toMatch(/^Stored the draft/u);
  });

  it('GIVEN a draft of the seed committee moved to the Paris one with "keep" THEN its reminders are the standard ones, not the old', async () => {
    const t = await app();
    must(await t.app.draftFromForm(both, form({ id: 'moved', committee: SEED, reminders: 'light' })));
    must(await t.app.draftFromForm(both, form({ id: 'fresh' })));
    const standard = (await t.store.getRoundDraft('fresh'))?.definition.reminders;
    must(await t.app.draftFromForm(both, form({ id: 'moved', reminders: 'keep' })));
    expect((await t.store.getRoundDraft('moved'))?.definition.reminders).toEqual(standard);
  });

  it('GIVEN drafts of both committees THEN staff of Paris list only theirs, in English and Paris time', async () => {
    const t = await app();
    must(await t.app.draftFromForm(both, form({ id: 'seed-1', committee: SEED })));
    must(await t.app.draftFromForm(both, form({ id: 'paris-1' })));
    const list = must(await t.app.listDrafts(parisOnly));
    expect(list.locale).toBe('en');
    expect(list.drafts.map((d) => d.roundId)).toEqual(['paris-1']);
    expect(list.text.split('\n')[1]).toContain('01:00');
  });
});
