import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.ts';
import { agendaTemplateCsv, agendaTemplateXlsx } from '../../src/config/agenda-template.ts';
import { decodeCsv, parseCsv, readXlsxRows } from '../../src/config/read-table.ts';
import { roundFromAgenda, roundFromForm, type RoundForm } from '../../src/config/round-from-form.ts';
import { parseAgendaTable } from '../../src/core/rounds/agenda-table.ts';

const SEED_PASTE = `# 서울시 지역상생교류 추진
- 2023년 추진사업 실적 및 성과에 대한 평가의견 및 개선방안
- 지역상생 효과 제고를 위한 지역상생교류 사업 활성화 방안
- 서울-지역 간 지역상생교류 신규 사업 아이디어 발굴(주체별, 대상별, 분야별 등)
- 인구감소 및 지역소멸 위기 공동대응, 지역상생 발전을 위한 정책추진 방향 등

# '24년 지역연계형 청년 창업 지원사업(넥스트로컬)
- 서울-지역 간 협력체계 및 역할분담, 지역의 기여도 증대 방안
- 지역 내 긍정적 파급효과를 측정할 수 있는 정량적 성과목표 제안
- 사업홍보 및 판로지원 등 서울과 지역의 지속적 지원방안`;

const SEED_FORM: RoundForm = {
  id: '2024-1',
  committee: 'regional-coprosperity',
  title: "'24년 제1차 지역상생발전위원회 서면자문",
  description: "'23년 지역상생교류 사업 성과 평가 및 상생교류사업에 대한 자문",
  opens: '2024-02-08 09:00',
  closes: '2024-02-15 18:00',
  anonymous: false,
  allowLate: false,
  agendaText: SEED_PASTE,
};

describe('roundFromForm', () => {
  it('GIVEN the seed round typed into the form THEN it is the round the YAML file defines (report fields aside)', () => {
    const loaded = loadConfig('config');
    if (!loaded.ok) throw new Error('the shipped config must load');
    const fromFile = loaded.value.rounds.find((r) => r.id === '2024-1');
    const result = roundFromForm(SEED_FORM);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const { report: _report, ...expected } = fromFile ?? {};
    expect(result.round).toEqual(expected);
  });

  it('GIVEN a paste problem THEN only paste problems come back, with their lines', () => {
    const result = roundFromForm({ ...SEED_FORM, agendaText: '질문\n# 안건' });
    expect(
      result.ok ? [] : result.problems.map((p) => (p.kind === 'agenda' ? [p.problem.line, p.problem.code] : [])),
    ).toEqual([
      [1, 'authoring.agenda.question-before-item'],
      [2, 'authoring.agenda.no-questions'],
    ]);
  });

  it('GIVEN an option too long for Discord on line 3 THEN the rule problem names line 3', () => {
    const result = roundFromForm({
      ...SEED_FORM,
      agendaText: `# 안건\n첫 질문\n둘째 (선택: ${'가'.repeat(101)} / 나)`,
    });
    if (result.ok) throw new Error('expected a problem');
    expect(result.problems).toEqual([
      expect.objectContaining({
        kind: 'rule',
        line: 3,
        problem: expect.objectContaining({ path: ['agenda', 0, 'questions', 1, 'options', 0] }),
      }),
    ]);
  });

  it('GIVEN a window that closes before it opens THEN the problem has no paste line', () => {
    const result = roundFromForm({ ...SEED_FORM, closes: '2024-02-01 18:00' });
    if (result.ok) throw new Error('expected a problem');
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ kind: 'rule', problem: { path: ['window', 'closes'] } });
    expect(result.problems[0]).not.toHaveProperty('line');
  });

  it('GIVEN an agenda item title too long THEN the problem names the title line', () => {
    const result = roundFromForm({ ...SEED_FORM, agendaText: `# 안건\n질문\n# ${'가'.repeat(151)}\n질문` });
    if (result.ok) throw new Error('expected a problem');
    expect(result.problems.map((p) => (p.kind === 'rule' ? p.line : null))).toEqual([3]);
  });
});

describe('roundFromAgenda with the downloadable template', () => {
  const fields = { ...SEED_FORM };
  it.each([
    ['CSV', async () => parseCsv(decodeCsv(new TextEncoder().encode(agendaTemplateCsv())))],
    ['XLSX', async () => readXlsxRows(new Uint8Array(await agendaTemplateXlsx()))],
  ])(
    'GIVEN the %s template as downloaded THEN it reads back as a valid round of 5 questions, one of each type',
    async (_name, rows) => {
      const table = parseAgendaTable(await rows());
      if (!table.ok) throw new Error(JSON.stringify(table.problems));
      const result = roundFromAgenda(fields, table.items);
      if (!result.ok) throw new Error(JSON.stringify(result.problems));
      expect(result.round.agenda[0]?.questions.map((q) => q.kind)).toEqual([
        'long_text',
        'single_choice',
        'multi_choice',
        'scale',
        'short_text',
      ]);
      expect(result.round.agenda[0]?.questions[3]?.scale).toEqual({ min: 1, max: 5 });
    },
  );

  it('GIVEN a table whose option is too long THEN the rule problem names its row', () => {
    const table = parseAgendaTable([
      ['안건', '질문', '응답 방식', '선택지'],
      ['A', 'Q1', '', ''],
      ['', 'Q2', '단일 선택', `${'가'.repeat(101)} / 나`],
    ]);
    if (!table.ok) throw new Error(JSON.stringify(table.problems));
    const result = roundFromAgenda(fields, table.items);
    expect(result.ok ? [] : result.problems.map((p) => (p.kind === 'rule' ? p.line : null))).toEqual([3]);
  });
});
