/**
 * How the authoring API (issue 12) words and places each problem: the form's
 * own fields at their limits, and every kind of problem a round codec can
 * report (a catalogue code or a rule, on a line or a table row, in the form
 * or in a file), each on its field with its line.
 */
import { describe, expect, it } from 'vitest';
import { LocalMessenger } from '../../../src/adapters/local/local-messenger.ts';
import { roundCodec } from '../../../src/config/round-codec.ts';
import type { RoundForm } from '../../../src/core/app/authoring-api.ts';
import type { CodecProblem, RoundCodec } from '../../../src/core/ports/round-codec.ts';
import { createTestApp } from '../../fakes/app-harness.ts';
import { SEED_PASTE } from '../../fakes/seed-agenda-paste.ts';

const staff = { platform: 'local' as const, userId: 'staff-son' };
const BAD_ID =
  '회차 id: 회차 id는 글자나 숫자로 시작하고 글자, 숫자, `.`, `_`, `-`만 쓸 수 있습니다(64자 이내, 띄어쓰기 없이).';

/** A codec that reads nothing: every form and file has `problems`. */
function codecFinding(problems: CodecProblem[]): RoundCodec {
  return {
    ...roundCodec,
    fromForm: () => ({ ok: false, problems }),
    fromFile: async () => ({ ok: false, problems }),
  };
}

async function app(codec?: RoundCodec) {
  return createTestApp({ messengers: [new LocalMessenger()], ...(codec ? { roundCodec: codec } : {}) });
}

function form(overrides: Partial<RoundForm> = {}): RoundForm {
  return {
    id: '',
    committee: 'regional-coprosperity',
    title: '제목',
    opens: '2024-02-08 09:00',
    closes: '2024-02-15 18:00',
    anonymous: false,
    allowLate: false,
    agendaText: SEED_PASTE,
    ...overrides,
  };
}

describe("the form's own fields", () => {
  it('GIVEN ids at the 64-character limit, over it, or starting with a sign THEN only the valid one is taken', async () => {
    const t = await app();
    const longest = await t.app.draftFromForm(staff, form({ id: 'a'.repeat(64) }));
    expect(longest).toMatchObject({ ok: true, roundId: 'a'.repeat(64) });
    for (const id of ['a'.repeat(65), '-x', 'a b']) {
      const refused = await t.app.draftFromForm(staff, form({ id }));
      expect(!refused.ok && refused.problems, id).toEqual([{ field: 'id', text: BAD_ID }]);
    }
  });

  it('GIVEN times written with a T and spaces around them THEN they are read as the same times', async () => {
    const t = await app();
    const saved = await t.app.draftFromForm(
      staff,
      form({ id: '2024-7', opens: ' 2024-02-08T09:00 ', closes: '2024-02-15T18:00 ' }),
    );
    expect(saved).toMatchObject({ ok: true, roundId: '2024-7' });
    expect((await t.store.getRoundDraft('2024-7'))?.definition.window).toEqual({
      opens: '2024-02-08T09:00',
      closes: '2024-02-15T18:00',
    });
  });

  it('GIVEN the deadline equal to the opening THEN the deadline field says it must be later, quoting both as typed', async () => {
    const t = await app();
    const refused = await t.app.draftFromForm(staff, form({ opens: ' 2024-02-08 09:00', closes: '2024-02-08 09:00 ' }));
    expect(!refused.ok && refused.problems).toEqual([
      {
        field: 'closes',
        text: '마감 일시: 마감 일시(2024-02-08 09:00)는 시작 일시(2024-02-08 09:00)보다 늦어야 합니다.',
      },
    ]);
  });
});

describe('problems a codec reports on a form', () => {
  it('GIVEN codes and rules on lines, rows and fields THEN each is worded and placed; the fields the form checks itself are left out', async () => {
    const t = await app(
      codecFinding([
        { unit: 'line', path: 'committee', message: 'unknown committee' },
        { unit: 'line', path: 'description', message: 'must not be empty' },
        { unit: 'line', path: 'reminders.slots[0].at', message: 'must be a time HH:mm' },
        { unit: 'line', line: 3, path: 'agenda[0].questions[1].prompt', message: 'too long' },
        { unit: 'line', path: '', message: 'file is empty' },
        {
          unit: 'line',
          line: 2,
          path: 'agenda',
          code: 'authoring.agenda.too-few-options',
          params: { count: 1 },
          message: '',
        },
        { unit: 'row', line: 4, path: 'agenda', code: 'authoring.agenda.empty-title', message: '' },
        { unit: 'line', path: 'agenda', code: 'no.such.key', message: 'raw words' },
        { unit: 'line', path: 'id', message: 'bad id' },
        { unit: 'line', path: 'title', message: 'empty' },
        { unit: 'line', path: 'window', message: 'missing' },
        { unit: 'line', path: 'window.opens', message: 'bad' },
        { unit: 'line', path: 'window.closes', message: 'bad' },
      ]),
    );
    const refused = await t.app.draftFromForm(staff, form());
    if (refused.ok) throw new Error('accepted');
    expect(refused.problems).toEqual([
      { field: 'committee', text: '위원회: unknown committee' },
      { field: 'description', text: '설명: must not be empty' },
      { field: 'reminders', text: '재안내: must be a time HH:mm' },
      { field: 'agenda', line: 3, text: '3번째 줄: agenda[0].questions[1].prompt: too long' },
      { field: 'agenda', text: '파일: file is empty' },
      {
        field: 'agenda',
        line: 2,
        text: '2번째 줄: 선택지가 1개입니다. 선택지는 둘 이상, `/`로 나누어 적어 주시기 바랍니다. 예: (선택: 찬성 / 반대)',
      },
      { field: 'agenda', line: 4, text: '4행: `#` 뒤에 안건 제목이 없습니다.' },
      { field: 'agenda', text: 'agenda: raw words' },
    ]);
    expect(refused.text.split('\n')[0]).toBe(
      '초안을 저장하지 않았습니다. 아래 8건을 고쳐 다시 보내 주시기 바랍니다. 아무것도 저장되지 않았습니다.',
    );
    expect(await t.store.listRoundDrafts()).toEqual([]);
  });

  it('GIVEN the codec refuses only on fields the form checked and found fine THEN nothing is stored all the same', async () => {
    const t = await app(codecFinding([{ unit: 'line', path: 'window.opens', message: 'bad' }]));
    const refused = await t.app.draftFromForm(staff, form());
    expect(refused).toMatchObject({ ok: false, problems: [] });
    expect(await t.store.listRoundDrafts()).toEqual([]);
  });
});

describe('problems a codec reports on a file', () => {
  it('GIVEN rules and codes in an uploaded file THEN all are on the file, with the key path as config check prints it', async () => {
    const t = await app(
      codecFinding([
        { unit: 'line', line: 5, path: 'window.opens', message: 'must be a date and time' },
        { unit: 'line', path: '', message: 'file is empty' },
        { unit: 'row', line: 2, path: '', code: 'authoring.import.unreadable', message: '' },
      ]),
    );
    const refused = await t.app.importDraftFile(staff, { name: 'r.yaml', bytes: new Uint8Array(1) });
    expect(!refused.ok && refused.problems).toEqual([
      { field: 'file', line: 5, text: '5번째 줄: window.opens: must be a date and time' },
      { field: 'file', text: '파일: file is empty' },
      {
        field: 'file',
        line: 2,
        text: '2행: 파일을 읽을 수 없습니다. 질문지 양식(template)으로 다시 저장하여 올려 주시기 바랍니다.',
      },
    ]);
  });
});
