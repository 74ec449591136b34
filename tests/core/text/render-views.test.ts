import { describe, expect, it } from 'vitest';
import type { Locale } from '../../../src/core/model.ts';
import type { InvitationView, ProgressView, ReceiptView, ReminderView } from '../../../src/core/ports/messenger.ts';
import { plainFormatter, type TextFormatter } from '../../../src/core/text/formatter.ts';
import { progressBar, renderMemberMessage, renderProgress } from '../../../src/core/text/render-views.ts';

/** Marks what went through `escape` and `bold`, to see people's text is escaped. */
const markingFormatter: TextFormatter = {
  escape: (text) => `«${text}»`,
  bold: (text) => `**${text}**`,
  quote: (text) => `> ${text}`,
  messageLimit: 2000,
};

const CLOSES_AT = new Date('2024-02-15T09:00:00Z');

const invitation: InvitationView = {
  roundId: '2024-1',
  roundTitle: '2024년 제1차 지역상생발전위원회 서면자문',
  committeeName: '지역상생발전위원회',
  closesAt: CLOSES_AT,
  closesAtLocal: '2024-02-15 (목) 18:00',
  timeZone: 'Asia/Seoul',
  businessDaysLeft: 4,
  questionCount: 7,
  agendaTitles: ['서울시 지역상생 교류사업', '2024 지역연계 청년창업 지원사업'],
};

function reminder(overrides: Partial<ReminderView>): ReminderView {
  return {
    roundId: '2024-1',
    roundTitle: '2024년 제1차 서면자문',
    closesAt: CLOSES_AT,
    closesAtLocal: '2024-02-15 (목) 18:00',
    timeZone: 'Asia/Seoul',
    businessDaysLeft: 3,
    hoursLeft: 72,
    answeredCount: 2,
    questionCount: 7,
    ...overrides,
  };
}

function receipt(canEdit: boolean): ReceiptView {
  return {
    roundId: '2024-1',
    roundTitle: '2024년 제1차 서면자문',
    submittedAt: new Date('2024-02-14T01:00:00Z'),
    submittedAtLocal: '2024-02-14 (수) 10:00',
    editableUntilLocal: '2024-02-15 (목) 18:00',
    canEdit,
    items: [
      {
        title: '서울시 지역상생 교류사업',
        answers: [
          { questionId: '1.1', prompt: '2023년 성과 평가', answer: '교류 확대가 필요합니다.' },
          { questionId: '1.2', prompt: '활성화 방안', answer: '   ' },
        ],
      },
    ],
  };
}

function renderReminder(view: ReminderView, locale: Locale): string {
  return renderMemberMessage({ kind: 'reminder', locale, view }, plainFormatter).body;
}

describe('renderMemberMessage: invitation', () => {
  it('GIVEN a Korean invitation THEN title and body carry the round, deadline, zone, business days and numbered agenda', () => {
    const { title, body } = renderMemberMessage({ kind: 'invitation', locale: 'ko', view: invitation }, plainFormatter);
    expect(title).toContain('2024년 제1차 지역상생발전위원회 서면자문');
    expect(body).toContain('지역상생발전위원회 위원님께');
    expect(body).toContain('2024-02-15 (목) 18:00 (Asia/Seoul)');
    expect(body).toContain('영업일 기준 4일');
    expect(body).toContain('안건 2건, 질문 7개');
    expect(body).toContain('1. 서울시 지역상생 교류사업\n2. 2024 지역연계 청년창업 지원사업');
  });

  it('GIVEN an English invitation THEN the same facts appear in English', () => {
    const view = { ...invitation, closesAtLocal: 'Thu 2024-02-15 18:00' };
    const { title, body } = renderMemberMessage({ kind: 'invitation', locale: 'en', view }, plainFormatter);
    expect(title).toBe('[Written consultation] 2024년 제1차 지역상생발전위원회 서면자문');
    expect(body).toContain('Thu 2024-02-15 18:00 (Asia/Seoul)');
    expect(body).toContain('4 business days left');
    expect(body).toContain('2 agenda items, 7 questions');
    expect(body).toContain('Agenda\n1. 서울시 지역상생 교류사업\n2. 2024 지역연계 청년창업 지원사업');
  });

  it('GIVEN any invitation THEN no placeholder is left unfilled', () => {
    for (const locale of ['ko', 'en'] as const) {
      const { title, body } = renderMemberMessage({ kind: 'invitation', locale, view: invitation }, plainFormatter);
      expect(`${title}\n${body}`).not.toMatch(/\{\w+\}/);
    }
  });

  it('GIVEN a platform formatter THEN round, committee and agenda titles are escaped and the agenda heading is bold', () => {
    const { title, body } = renderMemberMessage(
      { kind: 'invitation', locale: 'ko', view: invitation },
      markingFormatter,
    );
    expect(title).toContain('«2024년 제1차 지역상생발전위원회 서면자문»');
    expect(body).toContain('«지역상생발전위원회»');
    expect(body).toContain('**안건**\n1. «서울시 지역상생 교류사업»');
  });
});

describe('renderMemberMessage: reminder time left', () => {
  it('GIVEN three days and three business days left THEN it says business days', () => {
    expect(renderReminder(reminder({}), 'ko')).toContain('남은 시간: 영업일 3일');
    expect(renderReminder(reminder({}), 'en')).toContain('Time left: 3 business days');
  });

  it('GIVEN 30 hours but only one business day left THEN it says hours', () => {
    const view = reminder({ hoursLeft: 30, businessDaysLeft: 1 });
    expect(renderReminder(view, 'ko')).toContain('남은 시간: 30시간');
    expect(renderReminder(view, 'en')).toContain('Time left: 30 hours');
  });

  it('GIVEN five hours left THEN it says hours', () => {
    expect(renderReminder(reminder({ hoursLeft: 5, businessDaysLeft: 1 }), 'en')).toContain('Time left: 5 hours');
  });

  it('GIVEN under an hour left THEN it says under an hour', () => {
    const view = reminder({ hoursLeft: 0, businessDaysLeft: 1 });
    expect(renderReminder(view, 'ko')).toContain('남은 시간: 1시간 미만');
    expect(renderReminder(view, 'en')).toContain('Time left: under an hour');
  });

  it('GIVEN a reminder THEN it shows the deadline, the answered count and the round title', () => {
    const { title, body } = renderMemberMessage({ kind: 'reminder', locale: 'ko', view: reminder({}) }, plainFormatter);
    expect(title).toContain('2024년 제1차 서면자문');
    expect(body).toContain('2024-02-15 (목) 18:00 (Asia/Seoul)');
    expect(body).toContain('답변 2/7개 작성됨');
  });
});

describe('renderMemberMessage: receipt', () => {
  it('GIVEN a submission THEN it lists every answer under its item, a blank one as "no answer"', () => {
    const { title, body } = renderMemberMessage(
      { kind: 'receipt', locale: 'ko', view: receipt(false) },
      plainFormatter,
    );
    expect(title).toBe('[제출 완료] 2024년 제1차 서면자문');
    expect(body).toContain('2024-02-14 (수) 10:00에 의견을 제출하셨습니다');
    expect(body).toContain(
      '서울시 지역상생 교류사업\n1.1. 2023년 성과 평가\n  교류 확대가 필요합니다.\n1.2. 활성화 방안\n  (답변 없음)',
    );
  });

  it('GIVEN the member can still edit THEN the edit line with the deadline is there', () => {
    const ko = renderMemberMessage({ kind: 'receipt', locale: 'ko', view: receipt(true) }, plainFormatter).body;
    const en = renderMemberMessage({ kind: 'receipt', locale: 'en', view: receipt(true) }, plainFormatter).body;
    expect(ko).toContain('마감(2024-02-15 (목) 18:00) 전까지 "수정"으로');
    expect(en).toContain('with "Edit" until the deadline (2024-02-15 (목) 18:00)');
  });

  it('GIVEN the member can no longer edit THEN there is no edit line', () => {
    const ko = renderMemberMessage({ kind: 'receipt', locale: 'ko', view: receipt(false) }, plainFormatter).body;
    const en = renderMemberMessage({ kind: 'receipt', locale: 'en', view: receipt(false) }, plainFormatter).body;
    expect(ko).not.toContain('수정');
    expect(en).not.toContain('Edit');
  });

  it('GIVEN a platform formatter THEN answers and prompts are escaped and answers quoted', () => {
    const { body } = renderMemberMessage({ kind: 'receipt', locale: 'en', view: receipt(false) }, markingFormatter);
    expect(body).toContain('**«서울시 지역상생 교류사업»**');
    expect(body).toContain('1.1. «2023년 성과 평가»\n> «교류 확대가 필요합니다.»');
    expect(body).toContain('> (no answer)');
  });
});

describe('renderMemberMessage: notice', () => {
  it('GIVEN a notice THEN its text is the body as given and there is no title', () => {
    expect(renderMemberMessage({ kind: 'notice', locale: 'ko', text: '안내 말씀' }, markingFormatter)).toEqual({
      title: '',
      body: '안내 말씀',
    });
  });
});

describe('renderProgress', () => {
  const progress: ProgressView = {
    roundId: '2024-1',
    roundTitle: '2024년 제1차 서면자문',
    total: 7,
    delivered: 5,
    failed: [{ memberName: '김위원', reason: 'DM 차단' }],
    pending: 1,
    done: false,
  };

  it('GIVEN delivery under way with one failure THEN it shows delivered/total, the bar and the failure', () => {
    expect(renderProgress(progress, 'ko', plainFormatter)).toBe(
      '"2024년 제1차 서면자문" 자문 요청 발송 중: 5/7 전달\n▓▓▓▓▓▓▓░░░\n전달하지 못한 위원:\n- 김위원: DM 차단',
    );
  });

  it('GIVEN delivery done with no failures THEN it says done and lists no failures', () => {
    const text = renderProgress(
      { ...progress, delivered: 7, failed: [], pending: 0, done: true },
      'en',
      plainFormatter,
    );
    expect(text).toBe('Sent "2024년 제1차 서면자문": 7/7 delivered\n▓▓▓▓▓▓▓▓▓▓');
  });

  it('GIVEN a platform formatter THEN names and reasons of failures are escaped', () => {
    expect(renderProgress(progress, 'en', markingFormatter)).toContain('- «김위원»: «DM 차단»');
  });
});

describe('progressBar', () => {
  it.each([
    [0, 7, '░░░░░░░░░░'],
    [7, 7, '▓▓▓▓▓▓▓▓▓▓'],
    [5, 10, '▓▓▓▓▓░░░░░'],
    [1, 3, '▓▓▓░░░░░░░'],
    [2, 3, '▓▓▓▓▓▓▓░░░'],
    [6, 7, '▓▓▓▓▓▓▓▓▓░'],
    [0, 0, '░░░░░░░░░░'],
  ])('GIVEN %i of %i THEN the bar is %s', (done, total, bar) => {
    expect(progressBar(done, total)).toBe(bar);
  });
});
