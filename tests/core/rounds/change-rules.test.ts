import { describe, expect, it } from 'vitest';
import type { AgendaItem, Round, RoundStatus } from '../../../src/core/model.ts';
import { planRoundChanges } from '../../../src/core/rounds/change-rules.ts';

const AGENDA: AgendaItem[] = [
  {
    id: '1',
    title: '지역상생 사업',
    questions: [
      { id: '1.1', prompt: '성과를 평가하여 주시기 바랍니다', kind: 'long_text', required: true, maxLength: 4000 },
      {
        id: '1.2',
        prompt: '만족도',
        kind: 'scale',
        scale: { min: 1, max: 5, minLabel: '낮음', maxLabel: '높음' },
        required: true,
        maxLength: 500,
      },
    ],
  },
];

function stored(status: RoundStatus = 'open'): Round {
  return {
    id: '2024-1',
    committeeId: 'c',
    title: '2024년 제1차 서면자문',
    agenda: AGENDA,
    anonymous: false,
    allowLate: false,
    reminders: { slots: [], graceMinutes: 120 },
    status,
    opensAt: new Date('2024-02-08T00:00:00Z'),
    closesAt: new Date('2024-02-15T09:00:00Z'),
  };
}

/** The stored round with `edit` applied to a deep copy: the file as edited. */
function edited(edit: (r: Round) => void, base: Round = stored()): Round {
  const copy = structuredClone({ ...base, status: 'draft' as const });
  edit(copy);
  return copy;
}

/** The plan for the stored round against the file edited by `edit`. */
function changesOf(edit: (r: Round) => void, facts: { membersWithAnswers: number }) {
  return planRoundChanges(stored(), edited(edit), facts);
}

/** A question the file adds. */
const EXTRA = { id: '1.3', prompt: '추가 의견', kind: 'long_text', required: false, maxLength: 4000 } as const;

const NOBODY = { membersWithAnswers: 0 };
const SOMEONE = { membersWithAnswers: 2 };
const question = (r: Round, id: string) => {
  const q = r.agenda.flatMap((i) => i.questions).find((x) => x.id === id);
  if (!q) throw new Error(`no question ${id}`);
  return q;
};

describe('planRoundChanges', () => {
  it('GIVEN the file unchanged THEN no change and nothing to store', () => {
    expect(changesOf(() => {}, SOMEONE)).toStrictEqual({ roundId: '2024-1', changes: [], revision: null });
  });

  it('GIVEN a typo fixed in the title and a prompt after answers exist THEN both are applied to later messages', () => {
    const plan = changesOf((r) => {
      r.title = '2024년 제1차 서면 자문';
      question(r, '1.1').prompt = '성과를 평가하여 주십시오';
    }, SOMEONE);
    expect(plan.changes).toStrictEqual([
      {
        field: 'title',
        verdict: 'applied',
        reason: 'wording',
        from: '2024년 제1차 서면자문',
        to: '2024년 제1차 서면 자문',
      },
      {
        field: 'question 1.1 prompt',
        verdict: 'applied',
        reason: 'wording',
        from: '성과를 평가하여 주시기 바랍니다',
        to: '성과를 평가하여 주십시오',
      },
    ]);
    expect(plan.revision?.title).toBe('2024년 제1차 서면 자문');
    expect(plan.revision && question({ ...stored(), agenda: plan.revision.agenda }, '1.1').prompt).toBe(
      '성과를 평가하여 주십시오',
    );
  });

  it('GIVEN a question added after answers exist THEN it is refused for that reason, and the wording beside it still applies', () => {
    const plan = changesOf((r) => {
      r.agenda[0]?.questions.push({ ...EXTRA });
      if (r.agenda[0]) r.agenda[0].title = '지역 상생 사업';
    }, SOMEONE);
    expect(plan.changes).toContainEqual({
      field: 'question 1.3',
      verdict: 'refused',
      reason: 'answered',
      to: '추가 의견',
    });
    expect(plan.changes).toContainEqual(expect.objectContaining({ field: 'agenda 1 title', verdict: 'applied' }));
    expect(plan.revision?.agenda[0]?.questions.map((q) => q.id)).toStrictEqual(['1.1', '1.2']);
    expect(plan.revision?.agenda[0]?.title).toBe('지역 상생 사업');
  });

  it('GIVEN a question removed or its kind changed after answers exist THEN refused, and nothing is stored', () => {
    const removed = changesOf((r) => r.agenda[0]?.questions.pop(), SOMEONE);
    expect(removed.changes).toStrictEqual([
      { field: 'question 1.2', verdict: 'refused', reason: 'answered', from: '만족도' },
    ]);
    expect(removed.revision).toBeNull();
    const kind = changesOf((r) => (question(r, '1.1').kind = 'short_text'), SOMEONE);
    expect(kind.changes).toStrictEqual([
      { field: 'question 1.1 kind', verdict: 'refused', reason: 'answered', from: 'long_text', to: 'short_text' },
    ]);
  });

  it('GIVEN a question added while nobody has answered THEN applied with the new questionnaire', () => {
    const plan = changesOf((r) => r.agenda[0]?.questions.push({ ...EXTRA }), NOBODY);
    expect(plan.changes).toStrictEqual([
      { field: 'question 1.3', verdict: 'applied', reason: 'form', to: '추가 의견' },
    ]);
    expect(plan.revision?.agenda[0]?.questions.map((q) => q.id)).toStrictEqual(['1.1', '1.2', '1.3']);
  });

  it('GIVEN questions swapped while nobody has answered THEN the new order applies', () => {
    const plan = changesOf((r) => r.agenda[0]?.questions.reverse(), NOBODY);
    expect(plan.changes).toStrictEqual([
      { field: 'question order', verdict: 'applied', reason: 'form', from: '1:1.1,1.2', to: '1:1.2,1.1' },
    ]);
  });

  it('GIVEN a new deadline in the file THEN refused: the deadline moves only through extend', () => {
    const plan = changesOf((r) => (r.closesAt = new Date('2024-02-20T09:00:00Z')), NOBODY);
    expect(plan.changes).toStrictEqual([
      {
        field: 'deadline',
        verdict: 'refused',
        reason: 'deadline',
        from: '2024-02-15T09:00:00.000Z',
        to: '2024-02-20T09:00:00.000Z',
      },
    ]);
    expect(plan.revision).toBeNull();
  });

  it('GIVEN the opening time, anonymity and reminders changed THEN each is refused as fixed at opening', () => {
    const plan = changesOf((r) => {
      r.opensAt = new Date('2024-02-09T00:00:00Z');
      r.anonymous = true;
      r.reminders = { slots: [{ kind: 'hours_before', hours: 3 }], graceMinutes: 120 };
    }, NOBODY);
    expect(plan.changes.map((c) => [c.field, c.verdict, c.reason])).toStrictEqual([
      ['anonymous', 'refused', 'setting'],
      ['reminders', 'refused', 'setting'],
      ['opens', 'refused', 'opened'],
    ]);
  });

  it('GIVEN a summarised round THEN even a typo is refused: the record stays as it was', () => {
    const plan = planRoundChanges(
      stored('summarised'),
      edited((r) => (r.title = '새 제목'), stored('summarised')),
      NOBODY,
    );
    expect(plan.changes).toStrictEqual([
      { field: 'title', verdict: 'refused', reason: 'finished', from: '2024년 제1차 서면자문', to: '새 제목' },
    ]);
    expect(plan.revision).toBeNull();
  });

  it('GIVEN a help text and a scale label added THEN applied as wording, the scale range kept', () => {
    const plan = changesOf((r) => {
      question(r, '1.1').help = '자유롭게 적어 주시기 바랍니다';
      const scale = question(r, '1.2').scale;
      if (scale) scale.maxLabel = '매우 높음';
    }, SOMEONE);
    expect(plan.changes.map((c) => c.field)).toStrictEqual(['question 1.1 help', 'question 1.2 scale label (max)']);
    const agenda = plan.revision?.agenda ?? [];
    expect(question({ ...stored(), agenda }, '1.2').scale).toStrictEqual({
      min: 1,
      max: 5,
      minLabel: '낮음',
      maxLabel: '매우 높음',
    });
    expect(question({ ...stored(), agenda }, '1.1').help).toBe('자유롭게 적어 주시기 바랍니다');
  });

  it('GIVEN the round description added, an item description changed and a help text removed THEN each is wording with only the values that exist', () => {
    const base = edited((r) => {
      question(r, '1.1').help = '자유롭게';
      if (r.agenda[0]) r.agenda[0].description = '사업 개요';
    });
    const plan = planRoundChanges(
      { ...base, status: 'open' },
      edited((r) => {
        r.description = '위원님의 의견을 구합니다';
        if (r.agenda[0]) r.agenda[0].description = '사업 개요(수정)';
        delete question(r, '1.1').help;
      }, base),
      SOMEONE,
    );
    expect(plan.changes).toStrictEqual([
      { field: 'description', verdict: 'applied', reason: 'wording', to: '위원님의 의견을 구합니다' },
      {
        field: 'agenda 1 description',
        verdict: 'applied',
        reason: 'wording',
        from: '사업 개요',
        to: '사업 개요(수정)',
      },
      { field: 'question 1.1 help', verdict: 'applied', reason: 'wording', from: '자유롭게' },
    ]);
    expect(plan.revision?.description).toBe('위원님의 의견을 구합니다');
    expect(plan.revision?.agenda[0]?.description).toBe('사업 개요(수정)');
    expect(plan.revision?.agenda[0]?.questions[0]).toStrictEqual({
      id: '1.1',
      prompt: '성과를 평가하여 주시기 바랍니다',
      kind: 'long_text',
      required: true,
      maxLength: 4000,
    });
  });

  it('GIVEN an item description and a scale label removed after answers exist THEN the revision has neither, the rest kept', () => {
    const base = edited((r) => {
      if (r.agenda[0]) r.agenda[0].description = '사업 개요';
    });
    const plan = planRoundChanges(
      { ...base, status: 'open' },
      edited((r) => {
        if (r.agenda[0]) delete r.agenda[0].description;
        const scale = question(r, '1.2').scale;
        if (scale) delete scale.minLabel;
      }, base),
      SOMEONE,
    );
    expect(plan.changes.map((c) => [c.field, c.from, c.to])).toStrictEqual([
      ['agenda 1 description', '사업 개요', undefined],
      ['question 1.2 scale label (min)', '낮음', undefined],
    ]);
    const item = plan.revision?.agenda[0];
    expect(item && 'description' in item).toBe(false);
    expect(item?.title).toBe('지역상생 사업');
    expect(item?.questions[1]).toStrictEqual({
      id: '1.2',
      prompt: '만족도',
      kind: 'scale',
      scale: { min: 1, max: 5, maxLabel: '높음' },
      required: true,
      maxLength: 500,
    });
    expect(plan.revision && 'description' in plan.revision).toBe(false);
  });

  it('GIVEN wording and the scale range changed after answers exist THEN the wording is stored on the stored form', () => {
    const plan = changesOf((r) => {
      const q = question(r, '1.2');
      q.prompt = '만족도를 선택하여 주시기 바랍니다';
      q.scale = { min: 0, max: 10, minLabel: '전혀', maxLabel: '매우' };
    }, SOMEONE);
    expect(plan.changes).toStrictEqual([
      {
        field: 'question 1.2 prompt',
        verdict: 'applied',
        reason: 'wording',
        from: '만족도',
        to: '만족도를 선택하여 주시기 바랍니다',
      },
      { field: 'question 1.2 scale label (min)', verdict: 'applied', reason: 'wording', from: '낮음', to: '전혀' },
      { field: 'question 1.2 scale label (max)', verdict: 'applied', reason: 'wording', from: '높음', to: '매우' },
      { field: 'question 1.2 scale', verdict: 'refused', reason: 'answered', from: '1–5', to: '0–10' },
    ]);
    expect(plan.revision?.agenda[0]?.questions[1]).toStrictEqual({
      id: '1.2',
      prompt: '만족도를 선택하여 주시기 바랍니다',
      kind: 'scale',
      scale: { min: 1, max: 5, minLabel: '전혀', maxLabel: '매우' },
      required: true,
      maxLength: 500,
    });
  });

  it('GIVEN options, required and length changed while nobody has answered THEN each is a form change and the file is stored as it is', () => {
    const edit = (r: Round) => {
      const q = question(r, '1.1');
      q.kind = 'single_choice';
      q.options = ['찬성', '반대'];
      q.required = false;
      q.maxLength = 1000;
      question(r, '1.2').prompt = '만족도(수정)';
    };
    const plan = changesOf(edit, NOBODY);
    expect(plan.changes).toStrictEqual([
      { field: 'question 1.2 prompt', verdict: 'applied', reason: 'wording', from: '만족도', to: '만족도(수정)' },
      { field: 'question 1.1 kind', verdict: 'applied', reason: 'form', from: 'long_text', to: 'single_choice' },
      { field: 'question 1.1 options', verdict: 'applied', reason: 'form', to: '찬성 | 반대' },
      { field: 'question 1.1 required', verdict: 'applied', reason: 'form', from: 'true', to: 'false' },
      { field: 'question 1.1 max length', verdict: 'applied', reason: 'form', from: '4000', to: '1000' },
    ]);
    expect(plan.revision?.agenda).toStrictEqual(edited(edit).agenda);
  });

  it('GIVEN an agenda item added and then one removed while nobody has answered THEN each is named with its title', () => {
    const second: AgendaItem = { id: '2', title: '예산 심의', questions: [{ ...EXTRA, id: '2.1' }] };
    const added = changesOf((r) => r.agenda.push(second), NOBODY);
    expect(added.changes).toStrictEqual([
      { field: 'agenda 2', verdict: 'applied', reason: 'form', to: '예산 심의' },
      { field: 'question 2.1', verdict: 'applied', reason: 'form', to: '추가 의견' },
    ]);
    const withTwo = edited((r) => r.agenda.push(second));
    const removed = planRoundChanges({ ...withTwo, status: 'open' }, stored(), NOBODY);
    expect(removed.changes).toStrictEqual([
      { field: 'agenda 2', verdict: 'applied', reason: 'form', from: '예산 심의' },
      { field: 'question 2.1', verdict: 'applied', reason: 'form', from: '추가 의견' },
    ]);
    expect(removed.revision?.agenda.map((i) => i.id)).toStrictEqual(['1']);
  });

  it('GIVEN a question moved to another item with the same ids THEN the order change is named', () => {
    const split = edited((r) => {
      const [first] = r.agenda;
      if (first)
        r.agenda = [
          { ...first, questions: first.questions.slice(0, 1) },
          { id: '2', title: '둘째', questions: first.questions.slice(1) },
        ];
    });
    const moved = edited((r) => {
      const [first, second] = r.agenda;
      if (first && second)
        r.agenda = [
          { ...first, questions: [] },
          { ...second, questions: [...first.questions, ...second.questions] },
        ];
    }, split);
    const plan = planRoundChanges({ ...split, status: 'open' }, moved, NOBODY);
    expect(plan.changes).toStrictEqual([
      { field: 'question order', verdict: 'applied', reason: 'form', from: '1:1.1;2:1.2', to: '1:;2:1.1,1.2' },
    ]);
  });

  it('GIVEN the committee and late answers changed THEN refused as settings fixed at opening, nothing stored', () => {
    const plan = changesOf((r) => {
      r.committeeId = 'other';
      r.allowLate = true;
    }, NOBODY);
    expect(plan.changes).toStrictEqual([
      { field: 'committee', verdict: 'refused', reason: 'setting', from: 'c', to: 'other' },
      { field: 'allow late', verdict: 'refused', reason: 'setting', from: 'false', to: 'true' },
    ]);
    expect(plan.revision).toBeNull();
  });

  it('GIVEN a cancelled round THEN a question added is refused as finished, even with nobody answering', () => {
    const plan = planRoundChanges(
      stored('cancelled'),
      edited((r) => r.agenda[0]?.questions.push({ ...EXTRA }), stored('cancelled')),
      NOBODY,
    );
    expect(plan.changes).toStrictEqual([
      { field: 'question 1.3', verdict: 'refused', reason: 'finished', to: '추가 의견' },
    ]);
    expect(plan.revision).toBeNull();
  });

  it('GIVEN a closed round THEN a typo is still applied: only summarised and cancelled rounds are records', () => {
    const plan = planRoundChanges(
      stored('closed'),
      edited((r) => (r.title = '새 제목'), stored('closed')),
      NOBODY,
    );
    expect(plan.changes.map((c) => c.verdict)).toStrictEqual(['applied']);
    expect(plan.revision?.title).toBe('새 제목');
  });

  it('GIVEN answers exist and the file drops an item and a question but rewords another THEN the revision keeps what was dropped as stored', () => {
    const second: AgendaItem = {
      id: '2',
      title: '예산 심의',
      description: '예산안 개요',
      questions: [{ ...EXTRA, id: '2.1' }],
    };
    const withTwo = edited((r) => r.agenda.push(second));
    const plan = planRoundChanges(
      { ...withTwo, status: 'open' },
      edited((r) => {
        r.agenda.pop();
        r.agenda[0]?.questions.pop();
        question(r, '1.1').prompt = '성과를 평가하여 주십시오';
      }, withTwo),
      SOMEONE,
    );
    expect(plan.changes.map((c) => [c.field, c.verdict])).toStrictEqual([
      ['question 1.1 prompt', 'applied'],
      ['agenda 2', 'refused'],
      ['question 1.2', 'refused'],
      ['question 2.1', 'refused'],
    ]);
    expect(plan.revision?.agenda).toStrictEqual([
      {
        ...AGENDA[0],
        questions: [{ ...AGENDA[0]?.questions[0], prompt: '성과를 평가하여 주십시오' }, AGENDA[0]?.questions[1]],
      },
      second,
    ]);
  });

  it('GIVEN answers exist and the file drops a scale with its labels while rewording the prompt THEN the stored range stays, without labels', () => {
    const plan = changesOf((r) => {
      const q = question(r, '1.2');
      q.prompt = '만족도(수정)';
      delete q.scale;
    }, SOMEONE);
    expect(plan.changes.map((c) => [c.field, c.verdict])).toStrictEqual([
      ['question 1.2 prompt', 'applied'],
      ['question 1.2 scale label (min)', 'applied'],
      ['question 1.2 scale label (max)', 'applied'],
      ['question 1.2 scale', 'refused'],
    ]);
    expect(plan.revision?.agenda[0]?.questions[1]).toStrictEqual({
      id: '1.2',
      prompt: '만족도(수정)',
      kind: 'scale',
      scale: { min: 1, max: 5 },
      required: true,
      maxLength: 500,
    });
  });
});
