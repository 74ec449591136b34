import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBusinessCalendar } from '../../src/core/calendar/index.ts';
import { formatLocal, localDateOf } from '../../src/core/time.ts';
import { runDemo, type DemoResult } from '../../src/demo/run-demo.ts';
import { renderReportFile } from '../../src/adapters/report/render-report.ts';
import { DEMO_MEMBERS, DEMO_NOTE } from '../../src/demo/demo-script.ts';
import { renderMemberMessagesDoc } from '../../src/demo/member-messages-doc.ts';
import { catalogueKeys, t, type MessageKey } from '../../src/core/i18n/catalogue.ts';
import { AVOIDED_WORDS } from '../../src/core/i18n/glossary.ts';
import { CONFIG_DIR } from '../fakes/app-harness.ts';
import { loadConfig } from '../../src/config/load-config.ts';

describe('the demo', () => {
  const lines: string[] = [];
  let dir: string;
  let result: DemoResult;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'jamun-demo-'));
    const config = loadConfig(CONFIG_DIR);
    if (!config.ok) throw new Error('seed config invalid');
    // The round without the DOCX, XLSX and PDF: rendering those was over half the run (the PDF
    // subsets a Hangul font: 7.5 s of 26 s at load 20); the test about them renders them itself.
    result = await runDemo({
      config: config.value,
      outDir: dir,
      output: { out: (l) => lines.push(l), err: (l) => lines.push(l) },
      reportFormats: ['md'],
    });
    // The whole seed round on SQLite (a fresh database migrated first): slow on a loaded shared machine.
  }, 90_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('GIVEN the seed round THEN invitations go out on 2024-02-08 to all seven members', () => {
    const invitations = lines.filter((l) => l.includes('자문 요청 (invitation)'));
    expect(invitations).toHaveLength(7);
    expect(invitations.every((l) => l.startsWith('2024. 2. 8.(목)'))).toBe(true);
  });

  it('GIVEN the seed round THEN no reminder falls on a weekend, a public holiday or in quiet hours', () => {
    const calendar = createBusinessCalendar({ country: 'KR', extraClosedDays: [], extraWorkingDays: [] });
    expect(result.reminders.length).toBeGreaterThan(0);
    for (const r of result.reminders) {
      expect(calendar.isBusinessDay(localDateOf(r.at, 'Asia/Seoul'))).toBe(true);
      const hour = Number(formatLocal(r.at, 'Asia/Seoul').slice(11, 13));
      expect(hour >= 8 && hour < 21).toBe(true);
    }
  });

  it('GIVEN the seed round THEN the staff summary shows 6/7, names the non-submitter and totals 600,000 KRW', () => {
    expect(result.summaryText).toContain('7명 중 6명 의견 제출');
    expect(result.summaryText).toContain('미제출: 1명 — 윤샘플');
    expect(result.summaryText).toContain('6명 × 100,000원 = 600,000원');
  });

  it('GIVEN the demo THEN its members are invented and it says the answers are illustrative', () => {
    for (const real of ['강도영', '김정환', '박종범', '박주영', '오영은', '채정훈', '최예술']) {
      expect(lines.join('\n')).not.toContain(real);
      expect(result.summaryText).not.toContain(real);
    }
    expect(lines.join('\n')).toContain('지어낸 것이며, 의견은 설명을 위한 예시입니다');
  });

  it('GIVEN an edit after submitting THEN the summary carries the edited answer', () => {
    expect(result.summaryText).toContain('(추가) 민간투자자에게는');
  });

  it('GIVEN the run THEN Markdown, CSV (with BOM) and JSON exports are written', () => {
    expect(result.files.map((f) => path.basename(f)).sort()).toEqual([
      'jamun-2024-1.csv',
      'jamun-2024-1.json',
      'jamun-2024-1.md',
      'report.md',
    ]);
    expect(result.files.every((f) => existsSync(f))).toBe(true);
    const csv = readFileSync(path.join(dir, 'jamun-2024-1.csv'));
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('GIVEN the demo round THEN the report is shaped like the seed report', () => {
    const md = readFileSync(path.join(dir, 'report.md'), 'utf8');
    expect(md).toContain("# '24년 제1차 지역상생발전위원회 운영 결과 보고");
    expect(md).toContain("일 시 : '24. 2. 8.(목) \\~ 2. 15.(목), 4일간");
    expect(md).toContain('※ 설 명절 : 2. 9.(금)\\~2. 12.(월)');
    expect(md).toContain('제출위원 : 위원 7명 중 6명 의견 제출');
    expect(md).toContain('(민간전문가) 김가상, 이예시, 박모의, 최시연, 정견본, 한임시, 윤샘플');
    expect(md).toContain("참여 위원 심사수당 지급: 600천원(6명×100천원) : '24. 2월");
    expect(md).toContain('| 김가상 | 100,000 | 0 | 0 | 100,000 |');
    expect(md).toContain('붙임 : 위원 자문내용 1부. 끝.');
  });

  it('GIVEN staff wrote a synthesis of each agenda item and three actions THEN the report shows them under Ⅱ. 자문 의견 and 조치 사항, without placeholders', () => {
    const md = readFileSync(path.join(dir, 'report.md'), 'utf8');
    expect(md).toContain('추진 성과 평가');
    expect(md).toContain('협력체계 및 역할분담');
    expect(md).not.toContain('(사무국 종합 의견 미작성)');
    expect(md).toContain('분야별 특성을 반영한 성과지표 개선안 마련');
    expect(md).toContain('위원 자문의견을 관련 부서에 공유 (완료)');
    expect(md).not.toContain('(조치 사항 미작성)');
    expect(result.report.actions.length).toBeGreaterThanOrEqual(3);
    expect(lines.filter((l) => l.includes('📝 사무국'))).toHaveLength(2);
  });

  it('GIVEN the demo round with a file and a link THEN the invitation lists both and carries the file', () => {
    const invitation = result.memberMessages.find((m) => m.kind === 'invitation');
    expect(invitation?.text).toContain('안건 설명자료(예시)');
    expect(invitation?.text).toContain('https://www.seoul.go.kr/');
    expect(readFileSync(path.join(dir, 'demo-agenda-material.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('GIVEN the demo report THEN it renders as DOCX, XLSX and PDF', async () => {
    // Three documents, the PDF embedding a subset of a Hangul font: seconds each on a loaded machine.
    const docx = await renderReportFile(result.report, 'docx', 'report');
    const xlsx = await renderReportFile(result.report, 'xlsx', 'report');
    const pdf = await renderReportFile(result.report, 'pdf', 'report');
    expect([docx.name, xlsx.name, pdf.name]).toEqual(['report.docx', 'report.xlsx', 'report.pdf']);
    expect(pdf.content.subarray(0, 5).toString()).toBe('%PDF-');
    expect(docx.content.subarray(0, 2).toString()).toBe('PK');
    expect(xlsx.content.subarray(0, 2).toString()).toBe('PK');
  }, 90_000);

  it('GIVEN the demo round THEN docs/messages.ko.md holds every message members got, current (UPDATE_DOCS=1 rewrites it)', () => {
    const doc = renderMemberMessagesDoc(
      "'24년 제1차 지역상생발전위원회 서면자문 (데모)",
      DEMO_NOTE,
      result.memberMessages,
      DEMO_MEMBERS.map((m) => m.name),
    );
    const file = path.join(import.meta.dirname, '../../docs/messages.ko.md');
    if (process.env.UPDATE_DOCS === '1') writeFileSync(file, doc);
    expect(readFileSync(file, 'utf8')).toBe(doc);
    const kinds = new Set(result.memberMessages.map((m) => m.kind));
    expect([...kinds].sort()).toEqual(['invitation', 'receipt', 'reminder', 'reply']);
  });

  it('GIVEN every member message of the demo THEN it keeps the register: no avoided word, no placeholder, no round id', () => {
    for (const message of result.memberMessages) {
      for (const word of AVOIDED_WORDS) expect(message.text).not.toContain(word.avoid);
      expect(message.text).not.toMatch(/\{\w+/);
      expect(message.text).not.toContain('2024-1');
    }
    expect(catalogueKeys('ko').length).toBeGreaterThan(0);
    expect(t('ko', 'invite.thanks' as MessageKey)).toContain('감사합니다');
  });
});
