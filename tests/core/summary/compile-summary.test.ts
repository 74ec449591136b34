import { describe, expect, it } from 'vitest';
import { compileSummary } from '../../../src/core/summary/compile-summary.ts';
import { letterLabel } from '../../../src/core/summary/format.ts';
import type { Question } from '../../../src/core/model.ts';
import { answer, committee, invitation, member, reportInput, round, submitted, textQuestion } from './builders.ts';

describe('compileSummary', () => {
  describe('GIVEN the report round (7 members, 6 submit, 최예술 does not)', () => {
    const summary = compileSummary(reportInput());

    it('THEN participation is 6 of 7 and names the non-submitter', () => {
      expect(summary.participation).toEqual({
        invited: 7,
        submitted: 6,
        declined: 0,
        late: 0,
        notSubmitted: ['최예술'],
        declinedBy: [],
        unreachable: [],
      });
    });

    it('THEN the honorarium is 6 × 100,000 = 600,000 KRW to the six submitters', () => {
      expect(summary.honorarium).toEqual({
        rate: 100_000,
        currency: 'KRW',
        recipients: ['강도영', '김정환', '박종범', '박주영', '오영은', '채정훈'],
        count: 6,
        total: 600_000,
      });
    });

    it('THEN opinions are grouped per agenda item and question in agenda order, authors in member order', () => {
      expect(summary.items.map((item) => item.questions.map((q) => q.id))).toEqual([
        ['1.1', '1.2', '1.3', '1.4'],
        ['2.1', '2.2', '2.3'],
      ]);
      const first = summary.items[0]?.questions[0];
      expect(first?.answers.map((a) => a.author)).toEqual(['강도영', '김정환', '박종범', '박주영', '오영은', '채정훈']);
      expect(first?.answers[0]).toEqual({ author: '강도영', text: '강도영의 1.1 의견', late: false });
      expect(first?.tally).toBeUndefined();
    });

    it('THEN times are local to the committee and the business days are carried over', () => {
      expect(summary.opensAtLocal).toBe('2024-02-08 09:00');
      expect(summary.closesAtLocal).toBe('2024-02-15 18:00');
      expect(summary.timeZone).toBe('Asia/Seoul');
      expect(summary.businessDays).toBe(4);
      expect(summary.generatedAt.toISOString()).toBe('2024-02-15T09:30:00.000Z');
    });
  });

  it('GIVEN a non-submitter with draft answers and a submitter with a draft WHEN compiled THEN no draft appears', () => {
    const input = reportInput();
    input.answers.push(answer('m7', '1.1', '최예술의 임시 저장', 'draft'));
    input.answers.push(answer('m1', '2.3', '강도영의 미제출 초안', 'draft'));
    const summary = compileSummary(input);
    const texts = summary.items.flatMap((item) => item.questions.flatMap((q) => q.answers.map((a) => a.text)));
    expect(texts).not.toContain('최예술의 임시 저장');
    expect(texts).not.toContain('강도영의 미제출 초안');
    expect(texts).toHaveLength(6 * 7);
  });

  it('GIVEN submitted-status answers of a member whose invitation is not submitted THEN they are left out', () => {
    const input = reportInput();
    input.answers.push(answer('m7', '1.1', '제출 기록 없는 답변'));
    const summary = compileSummary(input);
    expect(summary.items[0]?.questions[0]?.answers.map((a) => a.author)).not.toContain('최예술');
  });

  it('GIVEN a late submission WHEN compiled THEN the answers are flagged late and the member is paid', () => {
    const input = reportInput();
    input.invitations[6] = submitted('m7', 9000, { late: true });
    input.answers.push(answer('m7', '1.1', '늦은 의견'));
    const summary = compileSummary(input);
    expect(summary.participation.submitted).toBe(7);
    expect(summary.participation.late).toBe(1);
    expect(summary.participation.notSubmitted).toEqual([]);
    expect(summary.items[0]?.questions[0]?.answers.at(-1)).toEqual({ author: '최예술', text: '늦은 의견', late: true });
    expect(summary.honorarium.count).toBe(7);
    expect(summary.honorarium.total).toBe(700_000);
    expect(summary.honorarium.recipients).toContain('최예술');
  });

  it('GIVEN a member removed while the round ran WHEN compiled THEN the member is not counted anywhere', () => {
    const input = reportInput();
    input.invitations[6] = invitation('m7', { removedAt: new Date('2024-02-10T00:00:00Z') });
    const summary = compileSummary(input);
    expect(summary.participation.invited).toBe(6);
    expect(summary.participation.submitted).toBe(6);
    expect(summary.participation.notSubmitted).toEqual([]);
  });

  it('GIVEN a member who declined with a reason WHEN compiled THEN declined is counted with the reason, not as missing', () => {
    const input = reportInput();
    input.invitations[6] = invitation('m7', {
      declinedAt: new Date('2024-02-09T00:00:00Z'),
      declineReason: '해외 출장',
    });
    const summary = compileSummary(input);
    expect(summary.participation.declined).toBe(1);
    expect(summary.participation.declinedBy).toEqual([{ name: '최예술', reason: '해외 출장' }]);
    expect(summary.participation.notSubmitted).toEqual([]);
    expect(summary.honorarium.count).toBe(6);
  });

  it('GIVEN an invitation that could not be delivered THEN the member is unreachable with the reason and not submitted', () => {
    const input = reportInput();
    input.invitations[6] = invitation('m7', { deliveryState: 'failed', failureReason: 'dm_closed' });
    const summary = compileSummary(input);
    expect(summary.participation.unreachable).toEqual([{ name: '최예술', reason: 'dm_closed' }]);
    expect(summary.participation.notSubmitted).toEqual(['최예술']);
  });

  it('GIVEN invitations and answers of another round THEN they are ignored', () => {
    const input = reportInput();
    input.invitations.push({ ...submitted('m7', 1), roundId: 'other' });
    input.answers.push({ ...answer('m7', '1.1', '다른 회차'), roundId: 'other' });
    const summary = compileSummary(input);
    expect(summary.participation.invited).toBe(7);
    expect(summary.participation.submitted).toBe(6);
  });

  describe('GIVEN an anonymous round where members submitted in the order m3, m1, m2', () => {
    const members = [member('m1', '가'), member('m2', '나'), member('m3', '다'), member('m4', '라')];
    const agenda = [
      { id: '1', title: '안건', questions: [textQuestion('1.1', '첫 질문'), textQuestion('1.2', '둘째 질문')] },
    ];
    const invitations = [submitted('m3', 0), submitted('m1', 5), submitted('m2', 9), invitation('m4')];
    const answers = ['m1', 'm2', 'm3'].flatMap((id) => [answer(id, '1.1', `${id}-a`), answer(id, '1.2', `${id}-b`)]);
    const input = {
      round: round(agenda, { anonymous: true }),
      committee: committee(members),
      invitations,
      answers,
      generatedAt: new Date('2024-02-15T09:30:00Z'),
      locale: 'ko' as const,
      businessDays: 4,
    };
    const summary = compileSummary(input);
    const authorsOf = (questionIndex: number): Record<string, string> =>
      Object.fromEntries(
        (summary.items[0]?.questions[questionIndex]?.answers ?? []).map((a) => [a.text.slice(0, 2), a.author]),
      );

    it('THEN letters follow submission time and stay the same across questions', () => {
      expect(authorsOf(0)).toEqual({ m3: '위원 A', m1: '위원 B', m2: '위원 C' });
      expect(authorsOf(1)).toEqual(authorsOf(0));
      expect(summary.items[0]?.questions[0]?.answers.map((a) => a.author)).toEqual(['위원 A', '위원 B', '위원 C']);
    });

    it('THEN reordering the committee member list changes nothing in the answers', () => {
      const reordered = compileSummary({ ...input, committee: committee([...members].reverse()) });
      expect(reordered.items).toEqual(summary.items);
    });

    it('THEN staff still see names for participation and honorarium', () => {
      expect(summary.anonymous).toBe(true);
      expect(summary.participation.notSubmitted).toEqual(['라']);
      expect(summary.honorarium.recipients).toEqual(['가', '나', '다']);
    });

    it('THEN in English the labels read Member A, B, C', () => {
      const english = compileSummary({ ...input, locale: 'en' });
      expect(english.items[0]?.questions[0]?.answers.map((a) => a.author)).toEqual([
        'Member A',
        'Member B',
        'Member C',
      ]);
    });
  });

  it('GIVEN equal submission times in an anonymous round THEN labels do not depend on member list order', () => {
    const members = ['m1', 'm2', 'm3', 'm4', 'm5'].map((id) => member(id, id));
    const agenda = [{ id: '1', title: '안건', questions: [textQuestion('1.1', '질문')] }];
    const compile = (order: typeof members) =>
      compileSummary({
        round: round(agenda, { anonymous: true }),
        committee: committee(order),
        invitations: order.map((m) => submitted(m.id, 0)),
        answers: order.map((m) => answer(m.id, '1.1', m.id)),
        generatedAt: new Date(0),
        locale: 'ko',
        businessDays: 1,
      });
    const forward = compile(members).items[0]?.questions[0]?.answers;
    const backward = compile([...members].reverse()).items[0]?.questions[0]?.answers;
    expect(forward).toEqual(backward);
    expect(new Set(forward?.map((a) => a.author)).size).toBe(5);
  });

  it('GIVEN more than 26 anonymous submitters THEN labels continue AA, AB, …', () => {
    expect([0, 25, 26, 27, 51, 701, 702].map(letterLabel)).toEqual(['A', 'Z', 'AA', 'AB', 'AZ', 'ZZ', 'AAA']);
    const members = Array.from({ length: 28 }, (_, i) => member(`m${i}`, `n${i}`));
    const agenda = [{ id: '1', title: '안건', questions: [textQuestion('1.1', '질문')] }];
    const summary = compileSummary({
      round: round(agenda, { anonymous: true }),
      committee: committee(members),
      invitations: members.map((m, i) => submitted(m.id, i)),
      answers: members.map((m) => answer(m.id, '1.1', m.id)),
      generatedAt: new Date(0),
      locale: 'ko',
      businessDays: 1,
    });
    expect(summary.items[0]?.questions[0]?.answers.slice(25).map((a) => a.author)).toEqual([
      '위원 Z',
      '위원 AA',
      '위원 AB',
    ]);
  });

  describe('GIVEN choice and scale questions', () => {
    const single: Question = {
      id: '1.1',
      prompt: '찬반',
      kind: 'single_choice',
      options: ['찬성', '반대', '보류'],
      required: true,
      maxLength: 100,
    };
    const multi: Question = {
      id: '1.2',
      prompt: '분야',
      kind: 'multi_choice',
      options: ['교육', '관광', '농업'],
      required: true,
      maxLength: 100,
    };
    const scale: Question = {
      id: '1.3',
      prompt: '만족도',
      kind: 'scale',
      scale: { min: 1, max: 5 },
      required: true,
      maxLength: 10,
    };
    const members = ['m1', 'm2', 'm3'].map((id) => member(id, id));
    const summary = compileSummary({
      round: round([{ id: '1', title: '안건', questions: [single, multi, scale] }]),
      committee: committee(members),
      invitations: members.map((m, i) => submitted(m.id, i)),
      answers: [
        answer('m1', '1.1', { kind: 'choices', choices: ['찬성'] }),
        answer('m2', '1.1', { kind: 'choices', choices: ['보류'] }),
        answer('m3', '1.1', { kind: 'choices', choices: ['찬성'] }),
        answer('m1', '1.2', { kind: 'choices', choices: ['교육', '농업'] }),
        answer('m2', '1.2', { kind: 'choices', choices: ['농업'] }),
        answer('m1', '1.3', { kind: 'scale', value: 4 }),
        answer('m2', '1.3', { kind: 'scale', value: 5 }),
        answer('m3', '1.3', { kind: 'scale', value: 5 }),
      ],
      generatedAt: new Date(0),
      locale: 'ko',
      businessDays: 1,
    });
    const [singleQ, multiQ, scaleQ] = summary.items[0]?.questions ?? [];

    it('THEN single choice counts are per option in option order, zeros included', () => {
      expect(singleQ?.tally).toEqual({
        counts: [
          { label: '찬성', count: 2 },
          { label: '반대', count: 0 },
          { label: '보류', count: 1 },
        ],
        responses: 3,
      });
    });

    it('THEN multi choice counts every chosen option and the answer text joins choices with ", "', () => {
      expect(multiQ?.tally?.counts).toEqual([
        { label: '교육', count: 1 },
        { label: '관광', count: 0 },
        { label: '농업', count: 2 },
      ]);
      expect(multiQ?.tally?.responses).toBe(2);
      expect(multiQ?.answers[0]?.text).toBe('교육, 농업');
    });

    it('THEN scale counts run from min to max and the mean has one decimal', () => {
      expect(scaleQ?.tally).toEqual({
        counts: [
          { label: '1', count: 0 },
          { label: '2', count: 0 },
          { label: '3', count: 0 },
          { label: '4', count: 1 },
          { label: '5', count: 2 },
        ],
        mean: 4.7,
        responses: 3,
      });
      expect(scaleQ?.answers.map((a) => a.text)).toEqual(['4', '5', '5']);
    });
  });

  it('GIVEN a blank optional answer THEN it is not listed', () => {
    const input = reportInput();
    const target = input.answers.find((a) => a.memberId === 'm2' && a.questionId === '1.1');
    if (target === undefined) throw new Error('fixture lacks m2 1.1');
    target.value = { kind: 'text', text: '   ' };
    const summary = compileSummary(input);
    expect(summary.items[0]?.questions[0]?.answers.map((a) => a.author)).not.toContain('김정환');
  });

  it('GIVEN 500 members × 20 questions with 1,500-character answers THEN every answer is compiled in member order', () => {
    const members = Array.from({ length: 500 }, (_, i) => member(`m${i}`, `위원${i}`));
    const questions = Array.from({ length: 20 }, (_, i) => textQuestion(`1.${i + 1}`, `질문 ${i + 1}`));
    const body = '가'.repeat(1500);
    const summary = compileSummary({
      round: round([{ id: '1', title: '안건', questions }]),
      committee: committee(members),
      invitations: [...members].reverse().map((m, i) => submitted(m.id, i)),
      answers: members.flatMap((m) => questions.map((q) => answer(m.id, q.id, body))),
      generatedAt: new Date(0),
      locale: 'ko',
      businessDays: 5,
    });
    expect(summary.items[0]?.questions).toHaveLength(20);
    expect(summary.items[0]?.questions[19]?.answers).toHaveLength(500);
    expect(summary.items[0]?.questions[19]?.answers[499]?.author).toBe('위원499');
    expect(summary.honorarium.total).toBe(50_000_000);
  });
});
