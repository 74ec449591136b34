/**
 * The authoring API's drafts (issue 12) in detail: refusals audited with
 * what was tried, the free ids picked, what an edit keeps and what its form
 * cannot show, the import's size limit, drafts listed and deleted by the
 * operator, and a round exported as a round file.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LocalMessenger } from '../../../src/adapters/local/local-messenger.ts';
import { createMemoryStore } from '../../../src/adapters/memory/memory-store.ts';
import { roundCodec } from '../../../src/config/round-codec.ts';
import type { RoundForm } from '../../../src/core/app/authoring-api.ts';
import type { Committee } from '../../../src/core/model.ts';
import { createTestApp } from '../../fakes/app-harness.ts';
import { SEED_PASTE } from '../../fakes/seed-agenda-paste.ts';

const COMMITTEE = 'regional-coprosperity';
const staff = { platform: 'local' as const, userId: 'staff-son' };
const kang = { platform: 'local' as const, userId: 'm-kang' };
const seedYaml = readFileSync(new URL('../../../config/rounds/2024-1.yaml', import.meta.url), 'utf8');

/** The app with a codec that writes a round file as the definition's JSON, to read back what was exported. */
async function app(mutateCommittee?: (c: Committee) => void) {
  return createTestApp({
    messengers: [new LocalMessenger()],
    roundCodec: { ...roundCodec, toRoundFile: (definition) => JSON.stringify(definition) },
    ...(mutateCommittee ? { mutateCommittee } : {}),
  });
}

function form(overrides: Partial<RoundForm> = {}): RoundForm {
  return {
    id: '',
    committee: COMMITTEE,
    title: '제목',
    opens: '2024-02-08 09:00',
    closes: '2024-02-15 18:00',
    anonymous: false,
    allowLate: false,
    agendaText: SEED_PASTE,
    ...overrides,
  };
}

function yamlFile(name: string, text: string) {
  return { name, bytes: new TextEncoder().encode(text) };
}

describe('refusals', () => {
  it('GIVEN a member who tries each authoring call THEN each is refused in the default language and audited with what was tried', async () => {
    const t = await app();
    must(await t.app.draftFromForm(staff, form({ id: 'd-1' })));
    const tries = [
      await t.app.draftFromForm(kang, form()),
      await t.app.blankRoundForm(kang),
      await t.app.blankRoundForm(kang, COMMITTEE),
      await t.app.formForEdit(kang, 'd-1'),
      await t.app.importDraftFile(kang, yamlFile('r.yaml', seedYaml)),
      await t.app.listDrafts(kang),
      await t.app.deleteDraft(kang, 'd-1'),
    ];
    for (const refused of tries) {
      expect(refused).toEqual({
        ok: false,
        locale: 'ko',
        text: '사무국 전용 명령입니다.',
        problems: [],
        error: { code: 'STAFF.FORBIDDEN', params: {} },
      });
    }
    const audit = (await t.store.listAudit()).filter((a) => a.action === 'staff.refused');
    expect(audit).toEqual([
      { at: t.clock.now(), actor: 'local:m-kang', action: 'staff.refused', detail: { verb: 'new' } },
      { at: t.clock.now(), actor: 'local:m-kang', action: 'staff.refused', detail: { verb: 'new' } },
      { at: t.clock.now(), actor: 'local:m-kang', action: 'staff.refused', detail: { verb: 'new' } },
      { at: t.clock.now(), actor: 'local:m-kang', action: 'staff.refused', roundId: 'd-1', detail: { verb: 'edit' } },
      { at: t.clock.now(), actor: 'local:m-kang', action: 'staff.refused', detail: { verb: 'import' } },
      { at: t.clock.now(), actor: 'local:m-kang', action: 'staff.refused', detail: { verb: 'drafts' } },
      {
        at: t.clock.now(),
        actor: 'local:m-kang',
        action: 'staff.refused',
        roundId: 'd-1',
        detail: { verb: 'drop-draft' },
      },
    ]);
  });

  it('GIVEN an unknown committee in the form, or a new form asked for one THEN refused, naming it or as not staff', async () => {
    const t = await app();
    expect(await t.app.draftFromForm(staff, form({ committee: 'nope' }))).toMatchObject({
      ok: false,
      locale: 'ko',
      error: { code: 'DRAFT.UNKNOWN_COMMITTEE', params: { committeeId: 'nope' } },
    });
    expect(await t.app.blankRoundForm(staff, 'nope')).toMatchObject({ ok: false, error: { code: 'STAFF.FORBIDDEN' } });
    expect(await t.app.blankRoundForm(staff, COMMITTEE)).toMatchObject({ ok: true, locale: 'ko' });
  });

  it('GIVEN a round opened without a round file or draft THEN its edit is refused naming the round; an unknown id is not found', async () => {
    const t = await app();
    await t.app.runStaffCommand(staff, { verb: 'open', roundId: '2024-1' });
    const opened = await t.store.getRound('2024-1');
    if (!opened) throw new Error('not opened');
    await t.store.createRound({ ...opened, id: 'ad-hoc', title: '따로 만든 회차' });
    expect(await t.app.formForEdit(staff, 'ad-hoc')).toMatchObject({
      ok: false,
      error: { code: 'DRAFT.ROUND_EXISTS', params: { roundId: 'ad-hoc', roundTitle: '따로 만든 회차' } },
    });
    expect(await t.app.formForEdit(staff, 'nope')).toMatchObject({
      ok: false,
      locale: 'ko',
      error: { code: 'ROUND.NOT_FOUND', params: { roundId: 'nope' } },
    });
  });
});

function must<T extends { ok: boolean }>(result: T): Extract<T, { ok: true }> {
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result)}`);
  return result as Extract<T, { ok: true }>;
}

describe('free ids', () => {
  it('GIVEN rounds and drafts of a year THEN a form with no id gets the next number of the opening year', async () => {
    const t = await app();
    await t.app.runStaffCommand(staff, { verb: 'open', roundId: '2024-1' });
    const opened = await t.store.getRound('2024-1');
    if (!opened) throw new Error('not opened');
    await t.store.createRound({ ...opened, id: '2025-1' });
    const next = form({ opens: ' 2025-03-02 09:00', closes: '2025-03-09 18:00' });
    expect(must(await t.app.draftFromForm(staff, next)).roundId).toBe('2025-2');
    expect(must(await t.app.draftFromForm(staff, next)).roundId).toBe('2025-3');
  });

  it('GIVEN a table uploaded with the form fields and no id THEN it gets a free id too', async () => {
    const t = await app();
    const { agendaText: _, ...fields } = form();
    const table = new TextEncoder().encode('안건,질문\n가 안건,첫 질문\n');
    const saved = must(await t.app.importDraftFile(staff, { name: 'q.csv', bytes: table }, fields));
    expect(saved).toMatchObject({ kind: 'saved', roundId: '2024-2', created: true });
  });
});

describe('what an edit keeps and shows', () => {
  it('GIVEN a draft saved with light reminders THEN saving it with "keep" keeps them; a new round with "keep" gets the standard ones', async () => {
    const t = await app();
    must(await t.app.draftFromForm(staff, form({ id: 'light', reminders: 'light' })));
    const light = (await t.store.getRoundDraft('light'))?.definition.reminders;
    must(await t.app.draftFromForm(staff, form({ id: 'light', reminders: 'keep', title: '고침' })));
    expect((await t.store.getRoundDraft('light'))?.definition.reminders).toEqual(light);
    must(await t.app.draftFromForm(staff, form({ id: 'fresh', reminders: 'keep' })));
    expect((await t.store.getRoundDraft('fresh'))?.definition.reminders.slots).toHaveLength(3);
  });

  it('GIVEN the seed round edited in the form THEN its description is shown and its materials and report are kept', async () => {
    const t = await app();
    const edit = must(await t.app.formForEdit(staff, '2024-1'));
    expect(edit.view.form.description).toBe("'23년 지역상생교류 사업 성과 평가 및 상생교류사업에 대한 자문");
    expect(edit.view.timeZone).toBe('Asia/Seoul');
    const before = t.rounds[0];
    must(await t.app.draftFromForm(staff, { ...edit.view.form, title: '고친 제목' }));
    const after = (await t.store.getRoundDraft('2024-1'))?.definition;
    expect(after?.materials).toEqual(before?.materials);
    expect(after?.report).toEqual(before?.report);
    const bare = must(await t.app.draftFromForm(staff, form({ id: 'bare', allowLate: true })));
    const bareForm = must(await t.app.formForEdit(staff, bare.roundId)).view.form;
    expect(bareForm).not.toHaveProperty('description');
    expect(bareForm.allowLate).toBe(true);
  });

  it('GIVEN round files with what the form cannot show THEN the edit says so, one note per kind', async () => {
    const t = await app();
    const base = seedYaml.replace(/^report:[\s\S]*?^anonymous/mu, 'anonymous');
    const cases: Array<[string, string, string[]]> = [
      ['plain', base, []],
      ['short-default', base.replace(/(- prompt: 2023년[^\n]*)/u, '$1\n        kind: short_text'), []],
      [
        'slots',
        `${base}\nreminders:\n  slots:\n    - hours_before: 5\n`,
        ['이 초안의 재안내 설정은 양식의 선택지에 없는 설정입니다. 「그대로」를 고르시면 그 설정이 유지됩니다.'],
      ],
      ['titled', base.replace('title: 서울시 지역상생교류 추진', 'title: "서울시\\n지역상생교류 추진"'), [FLAT]],
      ['prompted', base.replace(/- prompt: 2023년 (추진사업[^\n]*)/u, '- prompt: "2023년\\n$1"'), [FLAT]],
      ['short', base.replace(/(- prompt: 2023년[^\n]*)/u, '$1\n        max_length: 300'), [FLAT]],
      ['scaled', base.replace(/(- prompt: 2023년[^\n]*)/u, `$1\n${SCALE}min_label: 낮음 }`), [FLAT]],
      ['scaled-high', base.replace(/(- prompt: 2023년[^\n]*)/u, `$1\n${SCALE}max_label: 높음 }`), [FLAT]],
      ['linked', `${base}\nmaterials:\n  - link: https://example.org/a\n    title: 자료\n`, [KEPT]],
    ];
    for (const [id, text, notes] of cases) {
      must(await t.app.importDraftFile(staff, yamlFile(`${id}.yaml`, text.replace('id: 2024-1', `id: ${id}`))));
      expect(must(await t.app.formForEdit(staff, id)).view.notes, id).toEqual(notes);
    }
    expect(must(await t.app.formForEdit(staff, 'slots')).view.form.reminders).toBe('keep');
    const linked = (await t.store.getRoundDraft('linked'))?.definition.materials;
    must(await t.app.draftFromForm(staff, must(await t.app.formForEdit(staff, 'linked')).view.form));
    expect((await t.store.getRoundDraft('linked'))?.definition.materials).toEqual(linked);
    expect(linked).toHaveLength(1);
  });
});

const FLAT =
  '질문의 줄바꿈, 척도 양 끝의 설명, 답변 글자 수 제한은 양식에 나타나지 않으며, 저장하시면 기본값으로 바뀝니다.';
const KEPT = '자료와 결과 보고 설정은 양식에 나타나지 않으며, 저장하셔도 그대로 유지됩니다.';
const SCALE = '        kind: scale\n        scale: { min: 1, max: 5, ';

describe('import size', () => {
  it('GIVEN a file said to be larger than its bytes THEN the larger size is refused; exactly the limit is read', async () => {
    const t = await app();
    const said = await t.app.importDraftFile(staff, {
      name: 'a.csv',
      bytes: new Uint8Array(10),
      size: 3 * 1024 * 1024,
    });
    expect(!said.ok && said.problems).toEqual([
      { field: 'file', text: '파일이 너무 큽니다(3.0 MiB). 2.0 MiB 이하로 올려 주시기 바랍니다.' },
    ]);
    const limit = await t.app.importDraftFile(staff, {
      name: 'a.csv',
      bytes: new Uint8Array(3),
      size: 2 * 1024 * 1024,
    });
    expect(!limit.ok && limit.problems[0]?.text).not.toContain('너무 큽니다');
  });
});

describe('drafts at the command line', () => {
  it('GIVEN drafts of this committee and of one no longer configured THEN the operator lists only those that can be opened', async () => {
    const t = await app();
    expect(must(await t.app.operatorDrafts())).toMatchObject({
      locale: 'ko',
      drafts: [],
      text: '저장된 초안이 없습니다.',
    });
    must(await t.app.draftFromForm(staff, form({ id: 'd-1', title: '첫 초안' })));
    const stray = (await t.store.getRoundDraft('d-1'))?.definition;
    if (!stray) throw new Error('no draft');
    await t.store.saveRoundDraft({
      definition: { ...stray, id: 'gone-1', committeeId: 'gone' },
      source: 'import',
      by: 'cli',
      at: t.clock.now(),
    });
    const list = must(await t.app.operatorDrafts());
    expect(list.drafts).toEqual([
      { roundId: 'd-1', title: '첫 초안', committeeId: COMMITTEE, savedBy: 'local:staff-son', savedAt: t.clock.now() },
    ]);
    expect(must(await t.app.listDrafts(staff)).drafts.map((d) => d.roundId)).toEqual(['d-1']);
  });

  it('GIVEN a committee in another zone THEN the list gives save times in its zone', async () => {
    const t = await app((c) => {
      c.timeZone = 'Europe/Paris';
    });
    must(await t.app.draftFromForm(staff, form({ id: 'd-1', title: '첫 초안' })));
    expect(must(await t.app.listDrafts(staff)).text.split('\n')[1]).toBe(
      '· d-1 「첫 초안」 — 2024. 2. 8.(목) 01:00 저장(local:staff-son)',
    );
  });

  it('GIVEN the operator deletes a draft THEN it is gone for editing too, audited as cli with what it was', async () => {
    const t = await app();
    must(await t.app.draftFromForm(staff, form({ id: 'd-1', title: '첫 초안' })));
    must(await t.app.formForEdit(staff, 'd-1'));
    expect(must(await t.app.operatorDeleteDraft('d-1'))).toEqual({
      ok: true,
      locale: 'ko',
      text: '초안 「첫 초안」을 삭제하였습니다.',
    });
    expect((await t.store.listAudit('d-1')).at(-1)).toEqual({
      at: t.clock.now(),
      actor: 'cli',
      action: 'round.draft.deleted',
      roundId: 'd-1',
      detail: { title: '첫 초안', source: 'chat', savedBy: 'local:staff-son' },
    });
    expect(await t.app.formForEdit(staff, 'd-1')).toMatchObject({ ok: false, error: { code: 'ROUND.NOT_FOUND' } });
  });

  it('GIVEN a draft of a committee no longer configured THEN it cannot be deleted from chat', async () => {
    const t = await app();
    const [definition] = t.rounds;
    if (!definition) throw new Error('no seed round');
    await t.store.saveRoundDraft({
      definition: { ...definition, id: 'gone-1', committeeId: 'gone' },
      source: 'import',
      by: 'cli',
      at: t.clock.now(),
    });
    expect(await t.app.deleteDraft(staff, 'gone-1')).toMatchObject({
      ok: false,
      error: { code: 'DRAFT.NOT_FOUND', params: { roundId: 'gone-1' } },
    });
  });
});

describe('drafts saved by another instance', () => {
  it('GIVEN a draft saved on one instance THEN another, started before, edits, exports and numbers past it; staff deletion is audited as them', async () => {
    const store = createMemoryStore();
    const here = await createTestApp({ messengers: [new LocalMessenger()], store });
    const there = await createTestApp({ messengers: [new LocalMessenger()], store });
    must(await here.app.listDrafts(staff));
    expect(must(await there.app.draftFromForm(staff, form())).roundId).toBe('2024-2');
    expect((await here.app.roundFile('2024-2')).ok).toBe(true);
    expect(must(await there.app.draftFromForm(staff, form())).roundId).toBe('2024-3');
    expect(must(await here.app.draftFromForm(staff, form())).roundId).toBe('2024-4');
    must(await there.app.draftFromForm(staff, form({ id: 'e-1', title: '저기서' })));
    expect(must(await here.app.formForEdit(staff, 'e-1')).view.form.title).toBe('저기서');
    expect(must(await there.app.draftFromForm(staff, form())).roundId).toBe('2024-5');
    const { agendaText: _, ...fields } = form();
    const table = { name: 'q.csv', bytes: new TextEncoder().encode('안건,질문\n가 안건,첫 질문\n') };
    expect(must(await here.app.importDraftFile(staff, table, fields))).toMatchObject({ roundId: '2024-6' });
    must(await here.app.deleteDraft(staff, '2024-3'));
    expect((await store.listAudit('2024-3')).at(-1)).toMatchObject({
      actor: 'local:staff-son',
      action: 'round.draft.deleted',
    });
  });
});

describe('round files exported', () => {
  it('GIVEN the seed round before and after it opens THEN the file holds its definition, then the round as stored', async () => {
    const t = await app();
    const [definition] = t.rounds;
    const before = await t.app.roundFile('2024-1');
    expect(before).toEqual({ ok: true, value: { name: '2024-1.yaml', text: JSON.stringify(definition) } });
    await t.app.runStaffCommand(staff, { verb: 'open', roundId: '2024-1' });
    const opened = await t.store.getRound('2024-1');
    if (!opened) throw new Error('not opened');
    const openedFile = await t.app.roundFile('2024-1');
    expect(openedFile.ok && JSON.parse(openedFile.value.text).report).toEqual(
      JSON.parse(JSON.stringify(definition?.report)),
    );
    await t.store.createRound({ ...opened, id: 'ad-hoc', title: '따로', description: '설명', allowLate: true });
    const exported = await t.app.roundFile('ad-hoc');
    expect(exported.ok && JSON.parse(exported.value.text)).toEqual(
      JSON.parse(
        JSON.stringify({
          id: 'ad-hoc',
          committeeId: COMMITTEE,
          title: '따로',
          description: '설명',
          agenda: opened.agenda,
          window: { opens: '2024-02-08 09:00', closes: '2024-02-15 18:00' },
          anonymous: false,
          allowLate: true,
          reminders: opened.reminders,
        }),
      ),
    );
    expect(await t.app.roundFile('nope')).toEqual({
      ok: false,
      error: { code: 'ROUND.NOT_FOUND', params: { roundId: 'nope' } },
    });
  });

  it("GIVEN stored rounds of a committee in another zone and of one no longer configured THEN windows are in the committee's zone, else Seoul's", async () => {
    const t = await app((c) => {
      c.timeZone = 'Europe/Paris';
    });
    const [definition] = t.rounds;
    if (!definition) throw new Error('no seed round');
    await t.app.runStaffCommand(staff, { verb: 'open', roundId: '2024-1' });
    const opened = await t.store.getRound('2024-1');
    if (!opened) throw new Error('not opened');
    await t.store.createRound({ ...opened, id: 'gone-1', committeeId: 'gone' });
    const windowOf = async (id: string) => {
      const file = await t.app.roundFile(id);
      return file.ok ? (JSON.parse(file.value.text) as typeof definition).window : undefined;
    };
    expect(await windowOf('2024-1')).toEqual({ opens: '2024-02-08 09:00', closes: '2024-02-15 18:00' });
    const seoul = await windowOf('gone-1');
    expect(seoul).toEqual({ opens: '2024-02-08 17:00', closes: '2024-02-16 02:00' });
  });
});
