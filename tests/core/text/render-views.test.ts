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
  link: (url, label) => `[${label}](${url})`,
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
  const letter: InvitationView = {
    ...invitation,
    closesAtLocal: '2024. 2. 15.(목) 18:00',
    agendaQuestionCounts: [4, 3],
    abroad: false,
    sender: '서울특별시 행정국 대외협력과',
    purpose: "'23년 지역상생교류 사업 성과 평가에 대한 자문",
    honorarium: '100,000원',
    contact: '대외협력과 홍길동 주무관(☎ 02-2133-0000)',
  };

  it('GIVEN a Korean invitation THEN it is a letter: greeting, sender, purpose, agenda, deadline, honorarium, contact, thanks', () => {
    const { title, body } = renderMemberMessage({ kind: 'invitation', locale: 'ko', view: letter }, plainFormatter);
    expect(title).toBe('[서면자문 요청] 「2024년 제1차 지역상생발전위원회 서면자문」');
    expect(body).toContain('안녕하십니까, 지역상생발전위원회 위원님.\n서울특별시 행정국 대외협력과입니다.');
    expect(body).toContain("'23년 지역상생교류 사업 성과 평가에 대한 자문을 구하고자 서면자문을 요청드립니다.");
    expect(body).toContain(
      '○ 안건: 2건(자문내용 7개 문항)\n  1. 서울시 지역상생 교류사업 (4개 문항)\n  2. 2024 지역연계 청년창업 지원사업 (3개 문항)',
    );
    expect(body).toContain('○ 제출 기한: 2024. 2. 15.(목) 18:00까지 (근무일 기준 4일 남음)');
    expect(body).toContain('○ 자문수당: 의견을 제출하신 위원님께 100,000원을 지급할 예정입니다');
    expect(body).toContain('○ 문의: 대외협력과 홍길동 주무관(☎ 02-2133-0000)');
    expect(body.endsWith('바쁘신 가운데 협조하여 주셔서 감사합니다.')).toBe(true);
    expect(body).not.toContain('Asia/Seoul');
  });

  it('GIVEN a member abroad THEN the deadline names the zone', () => {
    const view = { ...letter, abroad: true, timeZone: 'Europe/Berlin', closesAtLocal: '2024. 2. 15.(목) 10:00' };
    const { body } = renderMemberMessage({ kind: 'invitation', locale: 'ko', view }, plainFormatter);
    expect(body).toContain('2024. 2. 15.(목) 10:00 (Europe/Berlin 기준)까지');
  });

  it('GIVEN a committee without office, purpose or honorarium THEN those lines are left out, not blank', () => {
    const { body } = renderMemberMessage({ kind: 'invitation', locale: 'ko', view: invitation }, plainFormatter);
    expect(body).toContain('「2024년 제1차 지역상생발전위원회 서면자문」에 관하여 위원님의 고견을 구하고자');
    expect(body).not.toContain('자문수당');
    expect(body).not.toContain('문의');
    expect(body).toContain('  1. 서울시 지역상생 교류사업\n  2. 2024 지역연계 청년창업 지원사업');
  });

  it('GIVEN an English invitation THEN the same facts appear in English, plurals right', () => {
    const view = { ...letter, closesAtLocal: 'Thu 15 Feb 2024 18:00' };
    const { title, body } = renderMemberMessage({ kind: 'invitation', locale: 'en', view }, plainFormatter);
    expect(title).toBe('[Written consultation] 2024년 제1차 지역상생발전위원회 서면자문');
    expect(body).toContain('Deadline: Thu 15 Feb 2024 18:00 (4 business days left)');
    expect(body).toContain('Agenda: 2 items, 7 questions');
    const one = renderMemberMessage(
      {
        kind: 'invitation',
        locale: 'en',
        view: { ...view, businessDaysLeft: 1, agendaTitles: ['A'], questionCount: 1, agendaQuestionCounts: [1] },
      },
      plainFormatter,
    ).body;
    expect(one).toContain('(1 business day left)');
    expect(one).toContain('Agenda: 1 item, 1 question');
  });

  it('GIVEN any invitation THEN no placeholder is left unfilled', () => {
    for (const locale of ['ko', 'en'] as const) {
      for (const view of [invitation, letter]) {
        const { title, body } = renderMemberMessage({ kind: 'invitation', locale, view }, plainFormatter);
        expect(`${title}\n${body}`).not.toMatch(/\{\w+/);
      }
    }
  });

  it('GIVEN a platform formatter THEN round, committee, sender, contact and agenda titles are escaped', () => {
    const { title, body } = renderMemberMessage({ kind: 'invitation', locale: 'ko', view: letter }, markingFormatter);
    expect(title).toContain('«2024년 제1차 지역상생발전위원회 서면자문»');
    expect(body).toContain('«지역상생발전위원회»');
    expect(body).toContain('«서울특별시 행정국 대외협력과»');
    expect(body).toContain('1. «서울시 지역상생 교류사업»');
    expect(body).toContain('«대외협력과 홍길동 주무관(☎ 02-2133-0000)»');
  });
});

describe('renderMemberMessage: reminder time left', () => {
  it('GIVEN three days and three business days left THEN it says business days', () => {
    expect(renderReminder(reminder({}), 'ko')).toContain('남은 기간: 3일(근무일 기준)');
    expect(renderReminder(reminder({}), 'en')).toContain('Time left: 3 business days');
  });

  it('GIVEN 30 hours but only one business day left THEN it says hours', () => {
    const view = reminder({ hoursLeft: 30, businessDaysLeft: 1 });
    expect(renderReminder(view, 'ko')).toContain('남은 기간: 30시간');
    expect(renderReminder(view, 'en')).toContain('Time left: 30 hours');
  });

  it('GIVEN five hours left THEN it says hours', () => {
    expect(renderReminder(reminder({ hoursLeft: 5, businessDaysLeft: 1 }), 'en')).toContain('Time left: 5 hours');
  });

  it('GIVEN under an hour left THEN it says under an hour', () => {
    const view = reminder({ hoursLeft: 0, businessDaysLeft: 1 });
    expect(renderReminder(view, 'ko')).toContain('남은 기간: 1시간 미만');
    expect(renderReminder(view, 'en')).toContain('Time left: under an hour');
  });

  it('GIVEN a reminder THEN it is a courteous re-notice with the deadline, the answered count and the round title', () => {
    const view = reminder({ committeeName: '지역상생발전위원회', closesAtLocal: '2024. 2. 15.(목) 18:00' });
    const { title, body } = renderMemberMessage({ kind: 'reminder', locale: 'ko', view }, plainFormatter);
    expect(title).toBe('[서면자문 재안내] 「2024년 제1차 서면자문」');
    expect(body).toContain(
      '지역상생발전위원회 위원님, 「2024년 제1차 서면자문」 의견 제출 기한(2024. 2. 15.(목) 18:00)이 다가와 다시 안내드립니다.',
    );
    expect(body).toContain('7개 문항 중 2개 작성');
    expect(body).toContain('바쁘시더라도 기한 내 제출하여 주시면 감사하겠습니다.');
    expect(body).not.toContain('Asia/Seoul');
  });
});

describe('renderMemberMessage: receipt', () => {
  it('GIVEN a submission THEN it lists every answer under its item, a blank one as "no answer"', () => {
    const { title, body } = renderMemberMessage(
      { kind: 'receipt', locale: 'ko', view: receipt(false) },
      plainFormatter,
    );
    expect(title).toBe('[제출 완료] 「2024년 제1차 서면자문」');
    expect(body).toContain('2024-02-14 (수) 10:00에 제출하신 의견을 잘 받았습니다');
    expect(body).toContain(
      '서울시 지역상생 교류사업\n1.1. 2023년 성과 평가\n  교류 확대가 필요합니다.\n1.2. 활성화 방안\n  (의견 없음)',
    );
  });

  it('GIVEN the member can still edit THEN the edit line with the deadline is there', () => {
    const ko = renderMemberMessage({ kind: 'receipt', locale: 'ko', view: receipt(true) }, plainFormatter).body;
    const en = renderMemberMessage({ kind: 'receipt', locale: 'en', view: receipt(true) }, plainFormatter).body;
    expect(ko).toContain('기한(2024-02-15 (목) 18:00)까지는 "수정" 버튼으로');
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
      '「2024년 제1차 서면자문」 자문 요청 발송 중: 5/7명 전달\n▓▓▓▓▓▓▓░░░\n전달하지 못한 위원:\n- DM 차단: 김위원',
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
    expect(renderProgress(progress, 'en', markingFormatter)).toContain('- «DM 차단»: «김위원»');
  });

  it('GIVEN failures of two reasons THEN each reason is one line naming its members, in order', () => {
    const failed = [
      { memberName: '김위원', reason: 'DM 차단' },
      { memberName: '이위원', reason: '도착 여부 불확실' },
      { memberName: '박위원', reason: 'DM 차단' },
    ];
    expect(
      renderProgress({ ...progress, failed }, 'ko', plainFormatter)
        .split('\n')
        .slice(3),
    ).toEqual(['- DM 차단: 김위원, 박위원', '- 도착 여부 불확실: 이위원']);
  });

  it('GIVEN more failures than one post holds (a 10,000-member round) THEN the names stop within the budget and the rest are counted, pointing to status', () => {
    const failed = Array.from({ length: 600 }, (_, i) => ({
      memberName: `위원${String(i).padStart(4, '0')}`,
      reason: i < 300 ? 'DM 차단' : '도착 여부 불확실',
    }));
    const text = renderProgress({ ...progress, total: 10_000, failed }, 'ko', plainFormatter);
    // One Discord message (2,000 characters), so the one edited post shows it whole.
    expect(text.length).toBeLessThanOrEqual(2_000);
    const named = (text.match(/위원\d{4}/g) ?? []).length;
    expect(named).toBeGreaterThan(100);
    expect(text.split('\n').at(-1)).toBe(`그 밖의 ${600 - named}명은 현황(/jamun status)에서 확인하시기 바랍니다.`);
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
