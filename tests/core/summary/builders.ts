/**
 * Small builders for summary inputs. The default round is the report's
 * 2024 1st Regional Co-prosperity Development Committee consultation.
 */
import type { CompileInput } from '../../../src/core/summary/compile-summary.ts';
import type {
  AgendaItem,
  Answer,
  AnswerValue,
  Committee,
  Invitation,
  Member,
  Question,
  Round,
} from '../../../src/core/model.ts';
import type { TextFormatter } from '../../../src/core/text/formatter.ts';
import { krCalendar } from '../../fakes/kr-calendar.ts';

const REPORT_MEMBERS = ['강도영', '김정환', '박종범', '박주영', '오영은', '채정훈', '최예술'];

export function member(id: string, name: string): Member {
  return { id, name, platforms: { discord: `d-${id}` }, active: true };
}

export function committee(members: Member[], overrides: Partial<Committee> = {}): Committee {
  return {
    id: 'regional',
    name: '지역상생발전위원회',
    timeZone: 'Asia/Seoul',
    locale: 'ko',
    staff: { userIds: {}, discordRoleIds: [] },
    staffChannels: {},
    honorarium: { amount: 100_000, currency: 'KRW' },
    calendar: krCalendar(),
    members,
    ...overrides,
  };
}

export function textQuestion(id: string, prompt: string): Question {
  return { id, prompt, kind: 'long_text', required: true, maxLength: 4000 };
}

/** The report's agenda: two items with four and three questions. */
function reportAgenda(): AgendaItem[] {
  return [
    {
      id: '1',
      title: '서울시 지역상생교류 추진',
      questions: [
        textQuestion('1.1', '2023년 추진사업 실적 및 성과에 대한 평가의견 및 개선방안'),
        textQuestion('1.2', '지역상생 효과 제고를 위한 지역상생교류 사업 활성화 방안'),
        textQuestion('1.3', '서울-지역 간 지역상생교류 신규 사업 아이디어 발굴'),
        textQuestion('1.4', '인구감소 및 지역소멸 위기 공동대응, 지역상생 발전을 위한 정책추진 방향'),
      ],
    },
    {
      id: '2',
      title: "'24년 지역연계형 청년 창업 지원사업(넥스트로컬)",
      questions: [
        textQuestion('2.1', '서울-지역 간 협력체계 및 역할분담, 지역의 기여도 증대 방안'),
        textQuestion('2.2', '지역 내 긍정적 파급효과를 측정할 수 있는 정량적 성과목표 제안'),
        textQuestion('2.3', '사업홍보 및 판로지원 등 서울과 지역의 지속적 지원방안'),
      ],
    },
  ];
}

export function round(agenda: AgendaItem[], overrides: Partial<Round> = {}): Round {
  return {
    id: 'r-2024-1',
    committeeId: 'regional',
    title: "'24년 제1차 지역상생발전위원회",
    agenda,
    anonymous: false,
    allowLate: true,
    reminders: { slots: [], graceMinutes: 60 },
    status: 'closed',
    // 2024-02-08 09:00 and 2024-02-15 18:00 in Seoul (UTC+9).
    opensAt: new Date('2024-02-08T00:00:00Z'),
    closesAt: new Date('2024-02-15T09:00:00Z'),
    ...overrides,
  };
}

export function invitation(memberId: string, overrides: Partial<Invitation> = {}): Invitation {
  return { roundId: 'r-2024-1', memberId, deliveryState: 'delivered', late: false, ...overrides };
}

/** An invitation submitted `minute` minutes after 2024-02-13 09:00 KST. */
export function submitted(memberId: string, minute: number, overrides: Partial<Invitation> = {}): Invitation {
  return invitation(memberId, { submittedAt: new Date(Date.UTC(2024, 1, 13, 0, minute)), ...overrides });
}

export function answer(
  memberId: string,
  questionId: string,
  value: AnswerValue | string,
  status: Answer['status'] = 'submitted',
): Answer {
  return {
    roundId: 'r-2024-1',
    memberId,
    questionId,
    value: typeof value === 'string' ? { kind: 'text', text: value } : value,
    status,
    revision: 1,
    updatedAt: new Date('2024-02-13T00:00:00Z'),
  };
}

/**
 * The report's round: seven members, the first six submit an answer to every
 * question, 최예술 (m7) does not reply.
 */
export function reportInput(overrides: Partial<CompileInput> = {}): CompileInput {
  const members = REPORT_MEMBERS.map((name, index) => member(`m${index + 1}`, name));
  const agenda = reportAgenda();
  const submitters = members.slice(0, 6);
  const invitations = [...submitters.map((m, index) => submitted(m.id, index * 10)), invitation('m7')];
  const answers = submitters.flatMap((m) =>
    agenda.flatMap((item) => item.questions.map((q) => answer(m.id, q.id, `${m.name}의 ${q.id} 의견`))),
  );
  return {
    round: round(agenda),
    committee: committee(members),
    invitations,
    answers,
    generatedAt: new Date('2024-02-15T09:30:00Z'),
    locale: 'ko',
    businessDays: 4,
    ...overrides,
  };
}

/** A Markdown-like chat formatter with a small limit, as Discord's 2,000 characters. */
export const chatFormatter: TextFormatter = {
  escape: (text) => text.replace(/[*_>]/g, '\\$&'),
  bold: (text) => `**${text}**`,
  link: (url, label) => `[${label}](${url})`,
  quote: (text) =>
    text
      .split('\n')
      .map((line) => `> ${line}`)
      .join('\n'),
  messageLimit: 2000,
};
