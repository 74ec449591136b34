/**
 * The authoring API (issue 12) in the core, on the memory store and a
 * manual clock: a round typed in the chat form, edited, imported from a
 * file, previewed, confirmed and opened, drafts listed and deleted; every
 * problem with its line, nothing half-created, refusals audited.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LocalMessenger } from '../../../src/adapters/local/local-messenger.ts';
import type { RoundForm } from '../../../src/core/app/authoring-api.ts';
import { previewRoundId } from '../../../src/core/app/authoring-api.ts';
import { createTestApp } from '../../fakes/app-harness.ts';
import { SEED_PASTE } from '../../fakes/seed-agenda-paste.ts';

const staff = { platform: 'local' as const, userId: 'staff-son' };
const kang = { platform: 'local' as const, userId: 'm-kang' };

async function app() {
  const messenger = new LocalMessenger();
  const t = await createTestApp({ messengers: [messenger] });
  return { ...t, messenger };
}

/** The seed round typed into the chat form: no id (one is picked), the agenda pasted from the report. */
function seedForm(overrides: Partial<RoundForm> = {}): RoundForm {
  return {
    id: '',
    committee: 'regional-coprosperity',
    title: "'24년 제2차 지역상생발전위원회 서면자문",
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

describe('authoring: the chat form', () => {
  it('GIVEN staff paste the seed agenda with no id THEN a draft with a free id and the 7 questions is stored, audited', async () => {
    const t = await app();
    const saved = must(await t.app.draftFromForm(staff, seedForm()));
    expect(saved).toMatchObject({ kind: 'saved', created: true, roundId: '2024-2', locale: 'ko' });
    expect(saved.text).toBe(
      "초안 「'24년 제2차 지역상생발전위원회 서면자문」을 저장하였습니다: 안건 2건, 질문 7개. 시작하려면 open 2024-2",
    );
    const draft = await t.store.getRoundDraft('2024-2');
    expect(draft?.definition.agenda.flatMap((i) => i.questions)).toHaveLength(7);
    expect(draft?.definition.reminders.slots).toHaveLength(3);
    expect((await t.store.listAudit('2024-2')).map((a) => a.action)).toEqual(['round.draft.created']);
  });

  it('GIVEN a malformed paste and a bad window THEN each problem is named with its field and line, and nothing is stored', async () => {
    const t = await app();
    const refused = await t.app.draftFromForm(
      staff,
      seedForm({
        title: ' ',
        opens: '2024-02-30 09:00',
        closes: '2024-02-15',
        agendaText: '질문이 먼저\n# 안건\n만족도 (선택: 좋음)\n# 빈 안건',
      }),
    );
    if (refused.ok) throw new Error('accepted');
    expect(refused.problems.map((p) => [p.field, p.line])).toEqual([
      ['title', undefined],
      ['opens', undefined],
      ['closes', undefined],
      ['agenda', 1],
      ['agenda', 3],
      ['agenda', 4],
    ]);
    expect(refused.text.split('\n')).toEqual([
      '초안을 저장하지 않았습니다. 아래 6건을 고쳐 다시 보내 주시기 바랍니다. 아무것도 저장되지 않았습니다.',
      '제목: 제목을 적어 주시기 바랍니다.',
      '시작 일시: 「2024-02-30 09:00」은 일시로 읽을 수 없습니다. `2024-02-15 18:00`처럼 적어 주시기 바랍니다.',
      '마감 일시: 「2024-02-15」는 일시로 읽을 수 없습니다. `2024-02-15 18:00`처럼 적어 주시기 바랍니다.',
      '1번째 줄: 안건 제목보다 먼저 질문이 있습니다. 질문 위에 `# 안건 제목` 줄을 넣어 주시기 바랍니다.',
      '3번째 줄: 선택지가 1개입니다. 선택지는 둘 이상, `/`로 나누어 적어 주시기 바랍니다. 예: (선택: 찬성 / 반대)',
      '4번째 줄: 안건 「빈 안건」에 질문이 없습니다. 제목 아래에 질문을 한 줄에 하나씩 적어 주시기 바랍니다.',
    ]);
    expect(await t.store.listRoundDrafts()).toEqual([]);
    expect(await t.store.listAudit()).toEqual([]);
  });

  it('GIVEN a deadline before the opening THEN the form says so on the deadline field', async () => {
    const t = await app();
    const refused = await t.app.draftFromForm(staff, seedForm({ closes: '2024-02-01 18:00' }));
    expect(!refused.ok && refused.problems).toEqual([
      {
        field: 'closes',
        text: '마감 일시: 마감 일시(2024-02-01 18:00)는 시작 일시(2024-02-08 09:00)보다 늦어야 합니다.',
      },
    ]);
  });

  it('GIVEN a member who is not staff THEN the form is refused privately, audited, and nothing is stored', async () => {
    const t = await app();
    const refused = await t.app.draftFromForm(kang, seedForm({ id: 'x-1' }));
    expect(refused).toMatchObject({ ok: false, text: '사무국 전용 명령입니다.', error: { code: 'STAFF.FORBIDDEN' } });
    expect(await t.store.listRoundDrafts()).toEqual([]);
    expect((await t.store.listAudit('x-1')).map((a) => [a.action, a.actor, a.detail])).toEqual([
      ['staff.refused', 'local:m-kang', { verb: 'new' }],
    ]);
    expect(await t.app.authoringCommittees(kang)).toEqual([]);
    expect(await t.app.authoringCommittees(staff)).toEqual([
      { id: 'regional-coprosperity', name: '지역상생발전위원회', locale: 'ko' },
    ]);
  });

  it('GIVEN a saved draft WHEN staff edit it THEN the form comes back prefilled and saving it unchanged keeps the same round', async () => {
    const t = await app();
    const saved = must(await t.app.draftFromForm(staff, seedForm({ reminders: 'light', anonymous: true })));
    const edit = must(await t.app.formForEdit(staff, saved.roundId));
    expect(edit.view.form).toMatchObject({
      id: '2024-2',
      title: "'24년 제2차 지역상생발전위원회 서면자문",
      opens: '2024-02-08 09:00',
      closes: '2024-02-15 18:00',
      anonymous: true,
      reminders: 'light',
    });
    expect(edit.view.notes).toEqual([]);
    const before = (await t.store.getRoundDraft('2024-2'))?.definition;
    const again = must(await t.app.draftFromForm(staff, edit.view.form));
    expect(again.created).toBe(false);
    expect((await t.store.getRoundDraft('2024-2'))?.definition).toEqual(before);
  });

  it('GIVEN the seed round file WHEN staff edit it THEN the form says what it cannot show, and keeps it on save', async () => {
    const t = await app();
    const edit = must(await t.app.formForEdit(staff, '2024-1'));
    expect(edit.view.notes).toEqual(['자료와 결과 보고 설정은 양식에 나타나지 않으며, 저장하셔도 그대로 유지됩니다.']);
    expect(edit.view.form.reminders).toBe('standard');
    must(await t.app.draftFromForm(staff, { ...edit.view.form, title: '고친 제목' }));
    const draft = (await t.store.getRoundDraft('2024-1'))?.definition;
    expect(draft?.title).toBe('고친 제목');
    expect(draft?.report?.paymentMonth).toBe('2024-02');
  });

  it('GIVEN an opened round THEN edit is refused with the reason', async () => {
    const t = await app();
    await t.app.runStaffCommand(staff, { verb: 'open', roundId: '2024-1' });
    const refused = await t.app.formForEdit(staff, '2024-1');
    expect(refused).toMatchObject({ ok: false, error: { code: 'DRAFT.ROUND_EXISTS' } });
    expect(!refused.ok && refused.text).toContain('이미 시작되어');
    expect(await t.app.formForEdit(staff, 'nope')).toMatchObject({ ok: false, error: { code: 'ROUND.NOT_FOUND' } });
  });

  it('GIVEN staff ask for a new form THEN it has the committee, empty fields and the standard reminders', async () => {
    const t = await app();
    const blank = must(await t.app.blankRoundForm(staff));
    expect(blank.view).toEqual({
      form: {
        id: '',
        committee: 'regional-coprosperity',
        title: '',
        opens: '',
        closes: '',
        anonymous: false,
        allowLate: false,
        reminders: 'standard',
        agendaText: '',
      },
      timeZone: 'Asia/Seoul',
      notes: [],
    });
    expect(await t.app.blankRoundForm(kang)).toMatchObject({ ok: false, error: { code: 'STAFF.FORBIDDEN' } });
  });
});

describe('authoring: files', () => {
  const seedYaml = readFileSync(new URL('../../../config/rounds/2024-1.yaml', import.meta.url), 'utf8');

  it('GIVEN the seed round file uploaded under another id THEN it is stored as a draft', async () => {
    const t = await app();
    const bytes = new TextEncoder().encode(seedYaml.replace('id: 2024-1', 'id: 2024-9'));
    const saved = must(await t.app.importDraftFile(staff, { name: '2024-9.yaml', bytes }));
    expect(saved).toMatchObject({ kind: 'saved', created: true, roundId: '2024-9' });
    expect((await t.store.getRoundDraft('2024-9'))?.source).toBe('import');
  });

  it('GIVEN a round file breaking a rule THEN the problem names its key and line, as config check does', async () => {
    const t = await app();
    const bytes = new TextEncoder().encode(
      seedYaml.replace('id: 2024-1', 'id: 2024-9').replace('closes: 2024-02-15 18:00', 'closes: 2024-02-01 18:00'),
    );
    const refused = await t.app.importDraftFile(staff, { name: 'r.yaml', bytes });
    expect(!refused.ok && refused.problems).toEqual([
      { field: 'file', line: 11, text: '11번째 줄: window.closes: must be after window.opens (2024-02-08 09:00)' },
    ]);
    expect(await t.store.listRoundDrafts()).toEqual([]);
  });

  it('GIVEN the template downloaded THEN both files read back as an agenda for the form', async () => {
    const t = await app();
    const files = await t.app.templateFiles();
    expect(files.map((f) => f.name)).toEqual(['jamun-questionnaire.csv', 'jamun-questionnaire.xlsx']);
    for (const file of files) {
      const read = must(await t.app.importDraftFile(staff, { name: file.name, bytes: file.content }));
      if (read.kind !== 'form') throw new Error('expected the form');
      expect(read.text).toBe(
        '질문지에서 안건 1건, 질문 5개를 읽었습니다. 양식에 제목과 기간을 채워 저장하여 주시기 바랍니다.',
      );
      const saved = must(
        await t.app.draftFromForm(staff, {
          ...read.view.form,
          title: '표에서',
          opens: '2024-02-08 09:00',
          closes: '2024-02-15 18:00',
        }),
      );
      expect((await t.store.getRoundDraft(saved.roundId))?.definition.agenda[0]?.questions.map((q) => q.kind)).toEqual([
        'long_text',
        'single_choice',
        'multi_choice',
        'scale',
        'short_text',
      ]);
    }
  });

  it('GIVEN a table with the form fields THEN it is stored at once; a bad row is named', async () => {
    const t = await app();
    const { agendaText: _, ...fields } = seedForm({ id: 'tbl-1' });
    const ok = new TextEncoder().encode('안건,질문\n가 안건,첫 질문\n,둘째 질문\n');
    const saved = must(await t.app.importDraftFile(staff, { name: 'q.csv', bytes: ok }, fields));
    expect(saved).toMatchObject({ kind: 'saved', roundId: 'tbl-1' });
    const bad = new TextEncoder().encode('안건,질문,응답 방식\n가 안건,첫 질문,그림\n');
    const refused = await t.app.importDraftFile(staff, { name: 'q.csv', bytes: bad }, fields);
    expect(!refused.ok && refused.problems.map((p) => [p.field, p.line])).toEqual([['file', 2]]);
    expect(!refused.ok && refused.problems[0]?.text).toMatch(/^2행: 응답 방식 「그림」은 쓸 수 없습니다/u);
  });

  it('GIVEN a file of another kind or too large THEN it is refused before reading', async () => {
    const t = await app();
    const other = await t.app.importDraftFile(staff, { name: 'a.pdf', bytes: new Uint8Array(3) });
    expect(!other.ok && other.problems[0]?.text).toBe(
      '「a.pdf」는 읽을 수 없는 종류의 파일입니다. 회차 파일(.yaml)이나 질문지 표(.xlsx, .csv)를 올려 주시기 바랍니다.',
    );
    const big = await t.app.importDraftFile(staff, { name: 'a.csv', bytes: new Uint8Array(2 * 1024 * 1024 + 1) });
    expect(!big.ok && big.problems[0]?.text).toBe('파일이 너무 큽니다(2.0 MiB). 2.0 MiB 이하로 올려 주시기 바랍니다.');
    expect(await t.app.importDraftFile(kang, { name: 'a.csv', bytes: new Uint8Array(1) })).toMatchObject({
      ok: false,
      error: { code: 'STAFF.FORBIDDEN' },
    });
  });

  it('GIVEN a round file uploaded in chat naming a file of the server as material THEN it is refused', async () => {
    const t = await app();
    const yaml = `${seedYaml.replace('id: 2024-1', 'id: 2024-9')}\nmaterials:\n  - file: ../../etc/passwd.pdf\n`;
    const refused = await t.app.importDraftFile(staff, { name: 'r.yaml', bytes: new TextEncoder().encode(yaml) });
    expect(!refused.ok && refused.problems[0]?.text).toContain('서버의 파일(passwd.pdf)');
    expect(await t.store.listRoundDrafts()).toEqual([]);
  });
});

describe('authoring: preview, confirmation, drafts', () => {
  it('GIVEN a draft WHEN staff preview it THEN their DM holds the marked preview and the invitation members get, and answers are not stored', async () => {
    const t = await app();
    const saved = must(await t.app.draftFromForm(staff, seedForm()));
    const sent = must(await t.app.previewRound({ ...staff, displayName: '손주무관' }, saved.roundId));
    expect(sent.text).toBe("회차 「'24년 제2차 지역상생발전위원회 서면자문」의 미리보기를 DM으로 보내 드렸습니다.");
    const dm = t.messenger.messagesIn('dm:staff-son');
    expect(dm.map((m) => m.kind)).toEqual(['notice', 'invitation']);
    expect(dm[0]?.text).toContain('[미리보기]');
    const previewId = previewRoundId('2024-2');
    const form = await t.app.questionnaire(staff, previewId);
    expect(form.ok && form.value.items.flatMap((i) => i.questions)).toHaveLength(7);
    expect(form.ok && form.value.roundId).toBe(previewId);
    const q = form.ok ? form.value.items[0]?.questions[0]?.id : undefined;
    const save = await t.app.saveDraft(staff, previewId, [{ questionId: q ?? '', value: '미리 써 본 답' }]);
    expect(save).toMatchObject({
      ok: true,
      value: { saved: [], message: '[미리보기] 답변을 확인하였습니다. 미리보기이므로 저장하지 않았습니다.' },
    });
    const submit = await t.app.submit(staff, previewId);
    expect(submit.ok).toBe(true);
    expect(await t.store.listAnswers('2024-2')).toEqual([]);
    expect(await t.store.getRound('2024-2')).toBeNull();
    expect(await t.app.questionnaire(kang, previewId)).toMatchObject({ ok: false, error: { code: 'STAFF.FORBIDDEN' } });
    // The invitation is the one a member gets once the round opens: the same text.
    await t.app.runStaffCommand(staff, { verb: 'open', roundId: '2024-2' });
    await t.app.runDueJobs();
    const memberInvitation = t.messenger.messagesIn('dm:m-kang').find((m) => m.kind === 'invitation');
    expect(memberInvitation?.text).toBe(dm[1]?.text);
    expect(await t.app.questionnaire(staff, previewId)).toMatchObject({
      ok: false,
      error: { code: 'DRAFT.ROUND_EXISTS' },
    });
  });

  it('GIVEN the seed paste as a draft THEN the open confirmation counts 7 members, 4 business days over 설날, and names the reminder times', async () => {
    const t = await app();
    const saved = must(await t.app.draftFromForm(staff, seedForm()));
    const confirm = must(await t.app.openConfirmation(staff, saved.roundId));
    expect(confirm).toMatchObject({ members: 7, businessDays: 4 });
    expect(confirm.reminders).toEqual(['2024. 2. 13.(화) 10:00', '2024. 2. 15.(목) 09:30', '2024. 2. 15.(목) 15:00']);
    expect(confirm.text.split('\n')).toEqual([
      "회차 「'24년 제2차 지역상생발전위원회 서면자문」을 시작하려고 합니다.",
      '· 대상: 위원 7명',
      '· 기간: 2024. 2. 8.(목) 09:00 ~ 2024. 2. 15.(목) 18:00 (근무일 4일)',
      '· 재안내: 2024. 2. 13.(화) 10:00, 2024. 2. 15.(목) 09:30, 2024. 2. 15.(목) 15:00',
      '시작하시려면 「시작」을 눌러 주시기 바랍니다.',
    ]);
    const none = must(await t.app.draftFromForm(staff, seedForm({ id: 'quiet', reminders: 'none' })));
    expect(must(await t.app.openConfirmation(staff, none.roundId)).text).toContain('· 재안내: 없음');
    const opened = await t.app.runStaffCommand(staff, { verb: 'open', roundId: saved.roundId });
    expect(opened.error).toBeUndefined();
    expect(await t.app.openConfirmation(staff, saved.roundId)).toMatchObject({
      ok: false,
      error: { code: 'ROUND.ALREADY_OPEN' },
    });
  });

  it('GIVEN a deadline already passed THEN the confirmation refuses as open would', async () => {
    const t = await app();
    const saved = must(
      await t.app.draftFromForm(staff, seedForm({ opens: '2024-01-02 09:00', closes: '2024-01-05 18:00' })),
    );
    expect(await t.app.openConfirmation(staff, saved.roundId)).toMatchObject({
      ok: false,
      error: { code: 'ROUND.DEADLINE_PASSED' },
    });
  });

  it('GIVEN drafts THEN staff list them and delete one, audited; a member may do neither', async () => {
    const t = await app();
    must(await t.app.draftFromForm(staff, seedForm()));
    const list = must(await t.app.listDrafts(staff));
    expect(list.drafts.map((d) => [d.roundId, d.savedBy])).toEqual([['2024-2', 'local:staff-son']]);
    expect(list.text.split('\n')).toEqual([
      '저장된 초안 1건',
      "· 2024-2 「'24년 제2차 지역상생발전위원회 서면자문」 — 2024. 2. 8.(목) 09:00 저장(local:staff-son)",
    ]);
    expect(await t.app.listDrafts(kang)).toMatchObject({ ok: false, error: { code: 'STAFF.FORBIDDEN' } });
    expect(await t.app.deleteDraft(kang, '2024-2')).toMatchObject({ ok: false, error: { code: 'STAFF.FORBIDDEN' } });
    const deleted = must(await t.app.deleteDraft(staff, '2024-2'));
    expect(deleted.text).toBe("초안 「'24년 제2차 지역상생발전위원회 서면자문」을 삭제하였습니다.");
    expect(await t.store.getRoundDraft('2024-2')).toBeNull();
    expect((await t.store.listAudit('2024-2')).map((a) => a.action)).toEqual([
      'round.draft.created',
      'staff.refused',
      'round.draft.deleted',
    ]);
    expect(must(await t.app.listDrafts(staff)).text).toBe('저장된 초안이 없습니다.');
    expect(await t.app.deleteDraft(staff, '2024-2')).toMatchObject({ ok: false, error: { code: 'DRAFT.NOT_FOUND' } });
  });
});
