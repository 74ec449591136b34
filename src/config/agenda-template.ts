/**
 * The questionnaire template staff download with `/jamun template` (issue
 * 12): the table `agenda-table.ts` reads, with the seed round's first agenda
 * item and one row of each answer type as examples, in CSV (UTF-8 with a
 * byte-order mark, so Excel opens the Hangul right) and XLSX.
 */
import type { TableRows } from './read-table.ts';

const HEADER = ['안건', '안건 설명', '질문', '응답 방식', '선택지', '필수', '척도', '도움말'];

/** The template's rows: the header, then examples (blank 안건 = the item above). */
function agendaTemplateRows(): TableRows {
  return [
    HEADER,
    [
      '서울시 지역상생교류 추진',
      '예시입니다. 이 행들을 지우고 작성하여 주시기 바랍니다.',
      '2023년 추진사업 실적 및 성과에 대한 평가의견 및 개선방안',
      '서술형',
      '',
      '예',
      '',
      '',
    ],
    ['', '', '지역상생교류 사업의 만족도', '단일 선택', '매우 만족 / 만족 / 보통 / 불만족', '예', '', ''],
    [
      '',
      '',
      '관심 있는 협력 분야',
      '복수 선택',
      '관광 / 농업 / 교육 / 문화',
      '아니오',
      '',
      '해당하는 것을 모두 골라 주시기 바랍니다.',
    ],
    ['', '', '사업 추진의 시급성', '척도', '', '예', '1-5', '1: 낮음, 5: 높음'],
    ['', '', '한 줄 의견', '단답형', '', '아니오', '', ''],
  ];
}

function csvCell(cell: string): string {
  return /[",\r\n]/u.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

/** The template as CSV text (CRLF line ends, a byte-order mark first). */
export function agendaTemplateCsv(): string {
  return `\uFEFF${agendaTemplateRows()
    .map((row) => row.map(csvCell).join(','))
    .join('\r\n')}\r\n`;
}

/** The template as an XLSX workbook, headers bold and columns wide enough to read. */
export async function agendaTemplateXlsx(): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('질문지');
  for (const row of agendaTemplateRows()) sheet.addRow(row);
  sheet.getRow(1).font = { bold: true };
  sheet.columns.forEach((column, index) => {
    column.width = index === 2 ? 60 : 20;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
