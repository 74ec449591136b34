/**
 * What happens in the demo: the seed round of the report (its agenda,
 * window and honorarium) replayed with fictional members answering at
 * different times. The names are invented and say so (김가상 "virtual",
 * 이예시 "example", …); the answers are illustrative, loosely condensed from
 * the report's section II, and attributed to no real person. One member
 * never submits; one edits after submitting.
 */
import type { Member } from '../core/model.ts';

/** The demo's committee members: clearly invented names, in place of the seed committee's. */
export const DEMO_MEMBERS: Member[] = [
  ['m-01', '김가상'],
  ['m-02', '이예시'],
  ['m-03', '박모의'],
  ['m-04', '최시연'],
  ['m-05', '정견본'],
  ['m-06', '한임시'],
  ['m-07', '윤샘플'],
].map(([id = '', name = '']) => ({ id, name, role: '민간전문가', platforms: { local: id }, active: true }));

/** Said wherever the demo's answers are shown. */
export const DEMO_NOTE =
  '※ 이 데모의 위원 이름(김가상, 이예시 …)은 지어낸 것이며, 의견은 설명을 위한 예시입니다. 실제 인물의 발언이 아닙니다.';

/** One scripted step at a Seoul wall-clock time. */
export type DemoStep =
  | { at: string; kind: 'open'; by: string }
  | { at: string; kind: 'draft'; member: string; questionIds: string[] }
  | { at: string; kind: 'submit'; member: string }
  | { at: string; kind: 'edit'; member: string; questionId: string; text: string }
  | { at: string; kind: 'reply'; member: string; questionId: string; text: string };

/** Opinions per question, one per member in committee order (condensed from the report). */
export const OPINIONS: Record<string, string[]> = {
  '1.1': [
    "'23년 추진계획 일정에 따른 충실한 목표 이행을 달성했습니다. 정량적 성과지표와 사업 분야의 다양성에서 수준 높은 정책사업입니다.",
    '장기적인 지역상생발전을 위해 적절한 재정 확보, 전문적인 통합 부서 설립, 서울시·지자체·중앙정부 간 역할 논의가 필요합니다.',
    '시민이 체감할 수 있는 인적교류, 물자교류 분야의 사업 확대가 필요합니다.',
    '정량적 지표(참여자, 매출)보다 지역상생 분야의 특성과 다양성을 고려한 지표 평가가 필요합니다. 예: 랜선나눔캠퍼스 수료인원, 박물관 전시·콘텐츠 교류 횟수.',
    '서울시민에게 다양한 여가활동과 경험을 제공하고 지자체에 노하우를 공유하는 좋은 파트너로 인식되고 있습니다.',
    '성과를 공유·확산하는 소통의 장을 마련하면 좋겠습니다.',
    '',
  ],
  '1.2': [
    '지역 내 서울시 정책을 인지할 수 있는 효과적인 홍보 체계를 마련해야 합니다.',
    '지역의 생활인구 사업과 연계된 서울시-지역 간 공동기획 신규사업을 발굴하십시오.',
    '서울시민과 지자체의 수요를 파악한 뒤 수요 높은 사업을 발굴하고 세분화하십시오. 사업대상(연령, 가구), 교류부문, 공간영역을 나누어 보십시오.',
    '서울농장·워케이션 운영 사업을 확대하고 농어촌 워케이션 시설을 서울 소재 중소기업과 연계하십시오.',
    '농부의 시장을 아침시장으로 확대하고 서울 셰프와의 교류 행사를 운영하십시오.',
    '도시가족 주말농부 체험을 5인 이내 가족 전체로 확대하십시오.',
    '',
  ],
  '1.3': [
    '서울시 공유 오피스 안에 지역사업체의 서울지사 설립을 장려하십시오.',
    '수도권 대학의 위성 랩과 리서치케이션(Research+Vacation) 프로그램을 운영하십시오.',
    '추모공원 방문객 대상 가족여행·휴가 프로그램이 결합된 체류형 추모공원을 조성하십시오.',
    '지역 공공숙소 일부를 "서울시민의 방"으로 운영하십시오.',
    '서울-지방 간 도농 연계 지역화폐를 공동 발행하십시오.',
    '치료·치유 부문 교류 사업(케어팜 등)을 발굴하십시오.',
    '',
  ],
  '1.4': [
    '지역의 생활인구(관광, 체류인구) 확대에 방점을 둔 정책을 추진해야 합니다.',
    '서울-지방 이동 시 사용할 수 있는 교통 바우처(KTX, 고속버스)를 지급하십시오.',
    '지역 농수산물 비대면 거래를 주요 유통 채널과 협업해 확대하십시오.',
    '폐교와 유휴 대형 시설을 활용한 중앙정부-서울 공동 사업을 추진하십시오.',
    '인구감소지역의 생활인구 유입을 위한 체류형 프로그램이 필요합니다.',
    '중앙정부와 공동으로 할 수 있는 지역상생 사업을 찾으십시오.',
    '',
  ],
  '2.1': [
    '광역지자체와의 협력 체계 및 역할 분담이 필요합니다. 기초지자체별 지역 파트너 인적자원 풀을 구축하십시오.',
    '참여자 지원은 서울↔기초지자체로, 소통 채널은 서울↔광역↔기초로 간소화하십시오.',
    '서울청년의 창업 성과는 서울시가, 지역 변화의 성과는 해당 지자체가 평가하는 체계를 마련하십시오.',
    "'서울시-지방-기업' 협력에 기반한 창업·일자리 생태계를 조성하십시오.",
    '숙련된 서울 은퇴 시니어와 지역 청년사업체 간 협업 체계를 마련하십시오.',
    '넥스트로컬 창업팀과 행정 간 소통의 장을 마련하십시오.',
    '',
  ],
  '2.2': [
    '지역자원 활용 여부, 평균 종사자 수, 지역주민 고용 수, 매출액, 지역 정착률을 창업 당시와 비교하십시오.',
    '외부에서 유입된 청년들이 지역사회를 변화시키는 모범사례를 발굴하십시오.',
    '정량적 성과 측정의 어려움을 정성적 평가로 보완하십시오.',
    '인적교류 분야에서는 서울시민들의 경험의 폭과 삶의 질 제고를 반영하십시오.',
    '정책공유가 타 지자체 정책에 미친 영향을 측정·평가하십시오.',
    '지역 농산물 생산·출하량 증대를 지표로 삼으십시오.',
    '',
  ],
  '2.3': [
    '기존 사업주체(농촌 신활력 액션그룹 등)와 넥스트로컬 창업팀 간 협업 체계를 구축하십시오.',
    "서울 소재 홈커밍 공유 오피스 '시골청년도시출장 사무소'를 운영하십시오.",
    "넥스트로컬 상품을 지역관광 안테나숍과 '상생상회' 별도 zone으로 홍보하십시오.",
    '창업 도약단계(3년차 이상)까지 지원을 확대하십시오.',
    "고향사랑기부제와 연계한 '클라우드 펀딩 플랫폼' 판로를 신설하십시오.",
    '참여 지자체 확대를 위해 찾아가는 설명회를 개최하십시오.',
    '',
  ],
};

/** The timeline. Member ids are the demo's ({@link DEMO_MEMBERS}). */
export const DEMO_STEPS: DemoStep[] = [
  { at: '2024-02-08 09:00', kind: 'open', by: 'staff-son' },
  { at: '2024-02-08 14:20', kind: 'submit', member: 'm-01' },
  { at: '2024-02-08 16:05', kind: 'draft', member: 'm-02', questionIds: ['1.1', '1.2'] },
  { at: '2024-02-13 11:05', kind: 'submit', member: 'm-02' },
  { at: '2024-02-13 15:30', kind: 'submit', member: 'm-03' },
  {
    at: '2024-02-14 10:10',
    kind: 'edit',
    member: 'm-03',
    questionId: '1.3',
    text: '추모공원 방문객 대상 가족여행·휴가 프로그램이 결합된 체류형 추모공원을 조성하십시오. (추가) 민간투자자에게는 집객 효과가 큰 수익 모델이 되고, 주민에게는 지역 상권 활성화를 체감하게 합니다.',
  },
  { at: '2024-02-14 09:40', kind: 'submit', member: 'm-04' },
  { at: '2024-02-15 11:00', kind: 'submit', member: 'm-05' },
  { at: '2024-02-15 16:45', kind: 'submit', member: 'm-06' },
];

/**
 * Staff's synthesis of each agenda item (II. 자문 의견), written after the
 * close: themed and unattributed, ○ / - / ※ as the report prints it.
 * Illustrative, condensed from the demo's own invented answers.
 */
export const DEMO_SYNTHESES: Array<{ itemId: string; text: string }> = [
  {
    itemId: '1',
    text: [
      '○ 추진 성과 평가',
      '- 계획 일정에 따른 목표 이행과 사업 분야의 다양성은 긍정적으로 평가됨',
      '- 정량 지표(참여자, 매출) 외에 분야별 특성을 반영한 성과지표 보완 필요',
      '○ 사업 활성화 방안',
      '- 지역 내 홍보 체계 마련, 시민·지자체 수요에 따른 사업 세분화',
      '※ 예: 서울농장·워케이션 확대, 도시가족 주말농부 체험 대상 확대',
      '○ 신규 사업 아이디어',
      '- 공유 오피스 내 지역사업체 서울지사, 대학 위성 랩, 도농 연계 지역화폐 등',
    ].join('\n'),
  },
  {
    itemId: '2',
    text: [
      '○ 협력체계 및 역할분담',
      '- 서울시와 지역의 역할을 사업 단계별로 나누고 지역의 기여를 명확히 할 필요',
      '○ 성과목표 및 지속 지원',
      '- 지역 내 파급효과를 보여 주는 정량 목표 설정, 홍보·판로 지원의 지속 방안 마련',
    ].join('\n'),
  },
];

/** Follow-up actions staff decide on the advice (□ 자문의견 조치 사항); the last one already done. */
export const DEMO_ACTIONS: Array<{ text: string; department: string; due: string; questions: string; done?: boolean }> =
  [
    {
      text: '분야별 특성을 반영한 성과지표 개선안 마련',
      department: '지역상생담당관',
      due: '2024-03-29',
      questions: '1.1',
    },
    {
      text: '시민·지자체 수요조사 후 신규 교류사업 발굴 계획 수립',
      department: '지역상생담당관',
      due: '2024-04-30',
      questions: '1.2, 1.3',
    },
    {
      text: '위원 자문의견을 관련 부서에 공유',
      department: '지역상생담당관',
      due: '2024-02-23',
      questions: '1, 2',
      done: true,
    },
  ];
