/**
 * Looks at the report as a person would: renders the PDF (and the DOCX, via
 * LibreOffice) to PNG pages and checks where the words land on the page.
 * Needs poppler-utils (pdftoppm, pdftotext) and, for DOCX, LibreOffice; each
 * part is skipped with a message naming the missing tool.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderReportFile } from '../../../src/adapters/report/render-report.ts';
import { compileReport } from '../../../src/core/report/compile-report.ts';
import { compileSummary } from '../../../src/core/summary/compile-summary.ts';
import { reportInput } from '../../core/summary/builders.ts';

function has(tool: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const POPPLER = has('pdftoppm') && has('pdftotext');
const OFFICE = has('soffice');
if (!POPPLER)
  console.warn('SKIPPED: poppler-utils (pdftoppm, pdftotext) not installed: apt-get install -y poppler-utils');
if (!OFFICE)
  console.warn('SKIPPED (DOCX pages): LibreOffice not installed: apt-get install -y libreoffice-writer-nogui');

const input = reportInput();
const report = compileReport({
  summary: compileSummary(input),
  committee: {
    ...input.committee,
    office: {
      bureau: '행정국',
      department: '대외협력과',
      contacts: [{ role: '담당', name: '성춘향', phone: '02-2133-0002', forMembers: true }],
      approvalLine: ['주무관', '팀장', '과장'],
    },
  },
  closedDays: [
    { date: '2024-02-09', reason: 'public_holiday', name: '설날' },
    { date: '2024-02-10', reason: 'public_holiday', name: '설날' },
    { date: '2024-02-11', reason: 'weekend' },
    { date: '2024-02-12', reason: 'public_holiday', name: '대체공휴일' },
  ],
});

/** Words on page 1 with their boxes (points, origin top-left), from pdftotext -bbox. */
function words(pdf: string): Array<{ text: string; xMin: number; yMin: number; xMax: number }> {
  const html = execFileSync('pdftotext', ['-f', '1', '-l', '1', '-bbox', pdf, '-'], { encoding: 'utf8' });
  return [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)].map(
    (m) => ({ xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), text: m[4] ?? '' }),
  );
}

function checkFirstPage(pdf: string): void {
  const found = words(pdf);
  const at = (text: string) => {
    const word = found.find((w) => w.text.includes(text));
    if (!word) throw new Error(`"${text}" is not on page 1: ${found.map((w) => w.text).join(' ')}`);
    return word;
  };
  const pageWidth = 595.28;
  const title = at('운영');
  // The header (문서번호, 결재 line) sits above the title; the title is centred; 개요 follows below.
  expect(at('문서번호').yMin).toBeLessThan(title.yMin);
  expect(at('과장').yMin).toBeLessThan(title.yMin);
  expect(Math.abs((title.xMin + title.xMax) / 2 - pageWidth / 2)).toBeLessThan(pageWidth / 3);
  expect(at('개요').yMin).toBeGreaterThan(title.yMin);
  expect(at('명절').yMin).toBeGreaterThan(at('개요').yMin);
  expect(found.every((w) => w.xMin >= 0 && w.xMax <= pageWidth)).toBe(true);
}

describe('the report as pages', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'jamun-report-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.skipIf(!POPPLER)(
    'GIVEN the PDF THEN page 1 renders to PNG with header, centred title and overview in order',
    async () => {
      const pdf = path.join(dir, 'report.pdf');
      writeFileSync(pdf, (await renderReportFile(report, 'pdf', 'report')).content);
      execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', pdf, path.join(dir, 'pdf-page')]);
      expect(readFileSync(path.join(dir, 'pdf-page-1.png')).subarray(1, 4).toString()).toBe('PNG');
      checkFirstPage(pdf);
      // Hangul is embedded, not missing glyphs: the words come back as text.
      expect(words(pdf).some((w) => w.text.includes('서면자문'))).toBe(true);
    },
  );

  it.skipIf(!POPPLER || !OFFICE)(
    'GIVEN the DOCX THEN LibreOffice lays out page 1 the same way',
    async () => {
      const docx = path.join(dir, 'report.docx');
      writeFileSync(docx, (await renderReportFile(report, 'docx', 'report')).content);
      const profile = `-env:UserInstallation=file://${path.join(dir, 'office-profile')}`;
      execFileSync(
        'soffice',
        [profile, '--headless', '--convert-to', 'pdf', '--outdir', path.join(dir, 'office'), docx],
        {
          timeout: 120_000,
        },
      );
      const pdf = path.join(dir, 'office', 'report.pdf');
      expect(existsSync(pdf)).toBe(true);
      checkFirstPage(pdf);
    },
    150_000,
  );
});
