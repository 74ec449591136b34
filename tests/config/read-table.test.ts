import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { decodeCsv, parseCsv, readXlsxRows } from '../../src/config/read-table.ts';

describe('parseCsv', () => {
  it('GIVEN quoted cells with commas, doubled quotes and line breaks THEN each is one cell', () => {
    expect(parseCsv('안건,질문\r\n"A, B","say ""hi""\nthen"\r\n')).toEqual([
      ['안건', '질문'],
      ['A, B', 'say "hi"\nthen'],
    ]);
  });

  it('GIVEN a BOM, LF or lone CR line ends and no trailing break THEN rows are the same', () => {
    expect(parseCsv('\uFEFFa,b\nc,d')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(parseCsv('a,b\rc,')).toEqual([
      ['a', 'b'],
      ['c', ''],
    ]);
  });

  it('GIVEN a quote inside an unquoted cell THEN it is kept as text', () => {
    expect(parseCsv('5" disk,x')).toEqual([['5" disk', 'x']]);
  });
});

describe('decodeCsv', () => {
  it('GIVEN UTF-8 bytes THEN they are read as UTF-8', () => {
    expect(decodeCsv(new TextEncoder().encode('안건,질문'))).toBe('안건,질문');
  });

  it('GIVEN CP949 bytes (Korean Excel "CSV (쉼표로 분리)") THEN the Hangul survives', () => {
    const cp949 = Uint8Array.from([0xbe, 0xc8, 0xb0, 0xc7, 0x2c, 0xc1, 0xfa, 0xb9, 0xae]);
    expect(decodeCsv(cp949)).toBe('안건,질문');
  });
});

describe('readXlsxRows', () => {
  it('GIVEN a workbook with rich text, numbers and a gap row THEN the first sheet comes back as text rows', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('질문지');
    sheet.addRow(['안건', '질문', '척도']);
    sheet.addRow([{ richText: [{ text: '지역' }, { text: '상생' }] }, '평가의견', 5]);
    sheet.getCell('A4').value = 'B';
    workbook.addWorksheet('other').addRow(['ignored']);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    expect(await readXlsxRows(bytes)).toEqual([['안건', '질문', '척도'], ['지역상생', '평가의견', '5'], [], ['B']]);
  });
});
