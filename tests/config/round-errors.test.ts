import { describe, expect, it } from 'vitest';
import { at, errorLines, loaded, roundDoc, sources } from './config-builders.ts';

const F = 'config/rounds/2024-1.yaml';
const KINDS = 'long_text, short_text, single_choice, multi_choice, scale';

function errorsFor(mutate: (doc: ReturnType<typeof roundDoc>) => void): string[] {
  const doc = roundDoc();
  mutate(doc);
  return errorLines(sources(undefined, doc));
}

function roundWith(mutate: (doc: ReturnType<typeof roundDoc>) => void) {
  const doc = roundDoc();
  mutate(doc);
  const round = loaded(sources(undefined, doc)).rounds[0];
  if (!round) throw new Error('no round loaded');
  return round;
}

describe('GIVEN a minimal valid round', () => {
  it('WHEN loaded THEN ids default to positions, window is normalised, defaults apply', () => {
    const round = roundWith(() => {});
    expect(round).toMatchObject({
      id: '2024-1',
      committeeId: 'test-committee',
      window: { opens: '2024-02-08T09:00', closes: '2024-02-15T18:00' },
      anonymous: false,
      allowLate: false,
      reminders: {
        slots: [
          { kind: 'business_days_before', days: 2, at: '10:00' },
          { kind: 'last_business_day', at: '09:30' },
          { kind: 'hours_before', hours: 3 },
        ],
        graceMinutes: 120,
      },
    });
    expect(round.agenda.map((a) => [a.id, a.questions.map((q) => q.id)])).toEqual([
      ['1', ['1.1', '1.2']],
      ['2', ['2.1']],
    ]);
    expect(round.agenda[0]?.questions[0]).toEqual({
      id: '1.1',
      prompt: '질문 1.1',
      kind: 'long_text',
      required: true,
      maxLength: 4000,
    });
  });

  it('WHEN every question kind and explicit ids are used THEN each maps to the model', () => {
    const round = roundWith((d) => {
      d['agenda'] = [
        {
          id: 'a',
          title: '안건',
          questions: [
            { prompt: 'short', kind: 'short_text', required: false },
            { id: 'pick', prompt: 'one', kind: 'single_choice', options: ['예', '아니오'] },
            { prompt: 'many', kind: 'multi_choice', options: ['A', 'B', 'C'], help: '복수 선택' },
            { prompt: 'rate', kind: 'scale', scale: { min: 0, max: 10, min_label: '낮음', max_label: '높음' } },
            { prompt: 'rate default', kind: 'scale' },
            { prompt: 'long', max_length: 20000 },
          ],
        },
      ];
    });
    expect(round.agenda[0]?.questions).toEqual([
      { id: 'a.1', prompt: 'short', kind: 'short_text', required: false, maxLength: 500 },
      { id: 'pick', prompt: 'one', kind: 'single_choice', options: ['예', '아니오'], required: true, maxLength: 500 },
      {
        id: 'a.3',
        prompt: 'many',
        help: '복수 선택',
        kind: 'multi_choice',
        options: ['A', 'B', 'C'],
        required: true,
        maxLength: 500,
      },
      {
        id: 'a.4',
        prompt: 'rate',
        kind: 'scale',
        scale: { min: 0, max: 10, minLabel: '낮음', maxLabel: '높음' },
        required: true,
        maxLength: 500,
      },
      { id: 'a.5', prompt: 'rate default', kind: 'scale', scale: { min: 1, max: 5 }, required: true, maxLength: 500 },
      { id: 'a.6', prompt: 'long', kind: 'long_text', required: true, maxLength: 20000 },
    ]);
  });

  it('WHEN reminders and flags are set THEN they are used as written', () => {
    const round = roundWith((d) => {
      d['anonymous'] = true;
      d['allow_late'] = true;
      d['window'] = { opens: '2024-02-08T09:00', closes: '2024-02-15T18:00' };
      d['reminders'] = { slots: [{ hours_before: 24 }, { business_days_before: 1, at: '14:00' }], grace_minutes: 30 };
    });
    expect(round.anonymous).toBe(true);
    expect(round.allowLate).toBe(true);
    expect(round.reminders).toEqual({
      slots: [
        { kind: 'hours_before', hours: 24 },
        { kind: 'business_days_before', days: 1, at: '14:00' },
      ],
      graceMinutes: 30,
    });
  });

  it('WHEN reminders has an empty slot list THEN no reminder is planned', () => {
    expect(roundWith((d) => (d['reminders'] = { slots: [] })).reminders).toEqual({ slots: [], graceMinutes: 120 });
  });
});

describe('GIVEN a round file with one problem', () => {
  const cases: Array<[string, (doc: ReturnType<typeof roundDoc>) => void, string]> = [
    [
      'a question without prompt',
      (d) => delete at(d, 'agenda', 1, 'questions', 0)['prompt'],
      `${F}: agenda[1].questions[0].prompt: required`,
    ],
    [
      'an unknown question kind',
      (d) => (at(d, 'agenda', 0, 'questions', 1)['kind'] = 'essay'),
      `${F}: agenda[0].questions[1].kind: unknown question kind 'essay'; valid kinds: ${KINDS}`,
    ],
    [
      'a choice question without options',
      (d) => (at(d, 'agenda', 0, 'questions', 0)['kind'] = 'single_choice'),
      `${F}: agenda[0].questions[0].options: required for single_choice questions`,
    ],
    [
      'a choice question with no option',
      (d) => Object.assign(at(d, 'agenda', 0, 'questions', 0), { kind: 'multi_choice', options: [] }),
      `${F}: agenda[0].questions[0].options: must list at least one option for multi_choice questions`,
    ],
    [
      'a choice question with 101 options',
      (d) =>
        Object.assign(at(d, 'agenda', 0, 'questions', 0), {
          kind: 'multi_choice',
          options: Array.from({ length: 101 }, (_, i) => `선택 ${i + 1}`),
        }),
      `${F}: agenda[0].questions[0].options: must list at most 100 options (found 101); Slack's select menu holds 100`,
    ],
    ['a round id of 65 characters', (d) => (d['id'] = 'r'.repeat(65)), `${F}: id: must be at most 64 characters`],
    [
      'a round title of 151 characters',
      (d) => (d['title'] = '가'.repeat(151)),
      `${F}: title: must be at most 150 characters (found 151); Slack's header holds 150`,
    ],
    [
      'an agenda item title of 151 characters',
      (d) => (at(d, 'agenda', 1)['title'] = '나'.repeat(151)),
      `${F}: agenda[1].title: must be at most 150 characters (found 151); Slack's header holds 150`,
    ],
    [
      'an option of 101 characters',
      (d) =>
        Object.assign(at(d, 'agenda', 0, 'questions', 1), { kind: 'single_choice', options: ['예', '다'.repeat(101)] }),
      `${F}: agenda[0].questions[1].options[1]: must be at most 100 characters (found 101); Discord's select option holds 100`,
    ],
    [
      'a scale label that would not fit a select option with its point',
      (d) =>
        Object.assign(at(d, 'agenda', 0, 'questions', 0), {
          kind: 'scale',
          scale: { min: 1, max: 10, max_label: '라'.repeat(71) },
        }),
      `${F}: agenda[0].questions[0].scale.max_label: must be at most 70 characters (found 71); shown with its point in a select option of 75`,
    ],
    [
      'duplicate options',
      (d) =>
        Object.assign(at(d, 'agenda', 0, 'questions', 0), { kind: 'single_choice', options: ['예', '아니오', '예'] }),
      `${F}: agenda[0].questions[0].options[2]: duplicate option '예' (same as options[0])`,
    ],
    [
      'options on a text question',
      (d) => (at(d, 'agenda', 0, 'questions', 0)['options'] = ['a']),
      `${F}: agenda[0].questions[0].options: only allowed for single_choice and multi_choice questions`,
    ],
    [
      'a scale on a text question',
      (d) => (at(d, 'agenda', 0, 'questions', 0)['scale'] = { min: 1, max: 5 }),
      `${F}: agenda[0].questions[0].scale: only allowed for scale questions`,
    ],
    [
      'a scale whose min is not below max',
      (d) => Object.assign(at(d, 'agenda', 0, 'questions', 0), { kind: 'scale', scale: { min: 5, max: 5 } }),
      `${F}: agenda[0].questions[0].scale.max: must be greater than min (5)`,
    ],
    [
      'max_length above 20000',
      (d) => (at(d, 'agenda', 0, 'questions', 0)['max_length'] = 20001),
      `${F}: agenda[0].questions[0].max_length: must be at most 20000`,
    ],
    [
      'max_length of 0',
      (d) => (at(d, 'agenda', 0, 'questions', 0)['max_length'] = 0),
      `${F}: agenda[0].questions[0].max_length: must be at least 1`,
    ],
    [
      'a duplicate agenda item id',
      (d) => (at(d, 'agenda', 1)['id'] = '1'),
      `${F}: agenda[1].id: duplicate agenda item id '1' (same as agenda[0])`,
    ],
    [
      'an explicit question id equal to a default one',
      (d) => (at(d, 'agenda', 0, 'questions', 1)['id'] = '1.1'),
      `${F}: agenda[0].questions[1].id: duplicate question id '1.1' (same as agenda[0].questions[0])`,
    ],
    [
      'an item without questions',
      (d) => (at(d, 'agenda', 1)['questions'] = []),
      `${F}: agenda[1].questions: must list at least one question`,
    ],
    ['no agenda', (d) => (d['agenda'] = []), `${F}: agenda: must list at least one agenda item`],
    [
      'a window closing before it opens',
      (d) => (d['window'] = { opens: '2024-02-15 18:00', closes: '2024-02-08 09:00' }),
      `${F}: window.closes: must be after window.opens (2024-02-15 18:00)`,
    ],
    [
      'a window closing when it opens',
      (d) => (d['window'] = { opens: '2024-02-08 09:00', closes: '2024-02-08T09:00' }),
      `${F}: window.closes: must be after window.opens (2024-02-08 09:00)`,
    ],
    [
      'an impossible window date',
      (d) => (at(d, 'window')['closes'] = '2024-02-30 18:00'),
      `${F}: window.closes: 2024-02-30 18:00 is not a real date-time`,
    ],
    [
      'a window without time',
      (d) => (at(d, 'window')['opens'] = '2024-02-08'),
      `${F}: window.opens: must be a local date-time YYYY-MM-DD HH:mm`,
    ],
    [
      'an unknown committee',
      (d) => (d['committee'] = 'nope'),
      `${F}: committee: unknown committee 'nope' (known: test-committee)`,
    ],
    [
      'a reminder slot with two forms',
      (d) => (d['reminders'] = { slots: [{ hours_before: 3, last_business_day: '09:30' }] }),
      `${F}: reminders.slots[0]: must have exactly one of business_days_before (with at), last_business_day or hours_before`,
    ],
    [
      'business_days_before without at',
      (d) => (d['reminders'] = { slots: [{ business_days_before: 2 }] }),
      `${F}: reminders.slots[0].at: required with business_days_before`,
    ],
    [
      'a reminder time not HH:mm',
      (d) => (d['reminders'] = { slots: [{ last_business_day: '9:30' }] }),
      `${F}: reminders.slots[0].last_business_day: must be a time HH:mm (e.g. 09:30)`,
    ],
    ['anonymous as text', (d) => (d['anonymous'] = 'yes'), `${F}: anonymous: expected true or false, got a string`],
  ];
  for (const [what, mutate, expected] of cases) {
    it(`WHEN ${what} THEN the only error is "${expected}"`, () => {
      expect(errorsFor(mutate)).toEqual([expected]);
    });
  }
});

describe('GIVEN a round with problems of every sort', () => {
  it('WHEN loaded THEN all are reported together, in file order', () => {
    expect(
      errorsFor((d) => {
        d['committee'] = 'nope';
        delete at(d, 'agenda', 1, 'questions', 0)['prompt'];
        at(d, 'agenda', 0, 'questions', 1)['kind'] = 'essay';
        at(d, 'agenda', 1)['id'] = '1';
        d['window'] = { opens: '2024-02-15 18:00', closes: '2024-02-08 09:00' };
      }),
    ).toEqual([
      `${F}: agenda[0].questions[1].kind: unknown question kind 'essay'; valid kinds: ${KINDS}`,
      `${F}: agenda[1].questions[0].prompt: required`,
      `${F}: agenda[1].id: duplicate agenda item id '1' (same as agenda[0])`,
      `${F}: window.closes: must be after window.opens (2024-02-15 18:00)`,
      `${F}: committee: unknown committee 'nope' (known: test-committee)`,
    ]);
  });

  it('WHEN two round files share an id THEN the later one is reported', () => {
    const list = sources();
    const round = list[1];
    if (!round) throw new Error('no round source');
    list.push({ ...round, file: 'config/rounds/2024-1-copy.yaml' });
    expect(errorLines(list)).toEqual([
      "config/rounds/2024-1-copy.yaml: id: duplicate round id '2024-1' (also in config/rounds/2024-1.yaml)",
    ]);
  });
});
