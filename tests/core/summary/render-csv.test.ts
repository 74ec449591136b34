import { describe, expect, it } from 'vitest';
import { compileSummary } from '../../../src/core/summary/compile-summary.ts';
import { csvCell, renderSummaryCsv } from '../../../src/core/summary/render-csv.ts';
import { reportInput, submitted } from './builders.ts';

/** A minimal RFC 4180 reader, to check the output parses back to the same fields. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 1;
    } else field += char;
  }
  return rows;
}

function withAnswer(text: string, late = false) {
  const input = reportInput();
  const target = input.answers.find((a) => a.memberId === 'm1' && a.questionId === '1.1');
  if (target === undefined) throw new Error('fixture lacks m1 1.1');
  target.value = { kind: 'text', text };
  if (late) input.invitations[0] = submitted('m1', 0, { late: true });
  return renderSummaryCsv(compileSummary(input));
}

describe('renderSummaryCsv', () => {
  it('GIVEN the report round THEN the bytes start with the UTF-8 BOM and Hangul follows intact', () => {
    const csv = renderSummaryCsv(compileSummary(reportInput()));
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = csv.subarray(3).toString('utf8');
    expect(text.startsWith('서면자문,안건,자문내용 번호,자문내용,위원,기한 후 제출,자문 의견\r\n')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
  });

  it('GIVEN the report round THEN there is one row per submitted answer with CRLF line ends', () => {
    const text = renderSummaryCsv(compileSummary(reportInput())).subarray(3).toString('utf8');
    const rows = parseCsv(text);
    expect(rows).toHaveLength(1 + 6 * 7);
    expect(rows[1]).toEqual([
      "'24년 제1차 지역상생발전위원회",
      '서울시 지역상생교류 추진',
      '1.1',
      '2023년 추진사업 실적 및 성과에 대한 평가의견 및 개선방안',
      '강도영',
      '아니오',
      '강도영의 1.1 의견',
    ]);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('GIVEN an answer with comma, quote and newline THEN the field is quoted with doubled quotes', () => {
    const text = withAnswer('첫째, "인용"\n둘째', true).subarray(3).toString('utf8');
    expect(text).toContain(',강도영,예,"첫째, ""인용""\n둘째"\r\n');
    expect(parseCsv(text)[1]?.[6]).toBe('첫째, "인용"\n둘째');
  });

  it('GIVEN a formula answer THEN it gets a leading apostrophe and stays quoted', () => {
    const text = withAnswer('=HYPERLINK("http://evil.example","click")').subarray(3).toString('utf8');
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    expect(parseCsv(text)[1]?.[6]).toBe(`'=HYPERLINK("http://evil.example","click")`);
  });

  it('GIVEN cells starting with + - @ tab or CR THEN each is neutralised, others untouched', () => {
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tcmd')).toBe("'\tcmd");
    expect(csvCell('\rcmd')).toBe(`"'\rcmd"`);
    expect(csvCell('보통 답변 a-b')).toBe('보통 답변 a-b');
  });

  it('GIVEN the English locale THEN the header and the late column are English', () => {
    const text = renderSummaryCsv(compileSummary(reportInput({ locale: 'en' })))
      .subarray(3)
      .toString('utf8');
    expect(text.startsWith('Round,Agenda item,Question id,Question,Member,After the deadline,Answer\r\n')).toBe(true);
    expect(parseCsv(text)[1]?.[5]).toBe('no');
  });
});
