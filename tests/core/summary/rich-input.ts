/**
 * A small round with every case a summary shows: roles, a late and an
 * on-time answer, a decline with a reason, a refused and an uncertain send,
 * a silent member, a choice, a scale and an unanswered question, people's
 * text with Markdown in it, a round closed early and a calendar note.
 */
import type { CompileInput } from '../../../src/core/summary/compile-summary.ts';
import type { AgendaItem, Locale } from '../../../src/core/model.ts';
import { answer, committee, invitation, member, round, submitted, textQuestion } from './builders.ts';

export function richInput(locale: Locale = 'ko'): CompileInput {
  const members = [
    { ...member('m1', '강도영'), role: '위원장' },
    { ...member('m2', '김*정환'), role: '위원' },
    { ...member('m3', '박종범'), role: '위원' },
    member('m4', '박주영'),
    member('m5', '오영은'),
    member('m6', '채정훈'),
  ];
  const agenda: AgendaItem[] = [
    {
      id: '1',
      title: '사업 | 평가',
      questions: [
        textQuestion('1.1', '성과에 대한 의견'),
        {
          id: '1.2',
          prompt: '추진 여부',
          kind: 'single_choice',
          options: ['찬성', '반대'],
          required: true,
          maxLength: 100,
        },
      ],
    },
    {
      id: '2',
      title: '만족도',
      questions: [
        {
          id: '2.1',
          prompt: '만족도',
          kind: 'scale',
          scale: { min: 1, max: 3 },
          required: true,
          maxLength: 100,
        },
        textQuestion('2.2', '추가 의견'),
      ],
    },
  ];
  return {
    round: round(agenda, {
      title: '2024년 제1차 서면자문',
      // Closed on 2024-02-14 12:00 KST, a day before its deadline.
      closedAt: new Date('2024-02-14T03:00:00Z'),
    }),
    committee: committee(members, { locale, honorarium: { amount: 50_000, currency: 'KRW' } }),
    invitations: [
      submitted('m1', 0, { late: true }),
      submitted('m2', 10),
      invitation('m3', { declinedAt: new Date('2024-02-10T00:00:00Z'), declineReason: '해외 출장' }),
      invitation('m4', { deliveryState: 'failed', failureReason: 'dm_closed' }),
      invitation('m5', { deliveryState: 'failed', failureReason: 'uncertain' }),
      invitation('m6'),
    ],
    answers: [
      answer('m1', '1.1', '# 첫 줄\n- 둘째 줄\n\n셋째 **줄**'),
      answer('m2', '1.1', '좋습니다'),
      answer('m1', '1.2', { kind: 'choices', choices: ['찬성'] }),
      answer('m2', '1.2', { kind: 'choices', choices: ['찬성'] }),
      answer('m1', '2.1', { kind: 'scale', value: 3 }),
      answer('m2', '2.1', { kind: 'scale', value: 2 }),
    ],
    generatedAt: new Date('2024-02-14T04:30:00Z'),
    locale,
    businessDays: 5,
    calendarNotes: ['2024년 공휴일은 규칙으로 계산하였습니다.'],
  };
}
