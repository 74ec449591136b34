import { describe, expect, it } from 'vitest';
import { splitFile } from '../../../src/core/summary/split-file.ts';

const BOM = '\ufeff';

function csv(rows: string[]): Buffer {
  return Buffer.from(`${BOM}${rows.join('\r\n')}\r\n`, 'utf8');
}

describe('splitFile', () => {
  it('GIVEN a file within the limit THEN it is returned as it is', () => {
    const file = { name: 'r.md', mimeType: 'text/markdown', content: Buffer.from('# r\n') };
    expect(splitFile(file, 100)).toEqual([file]);
  });

  it('GIVEN Markdown over the limit THEN parts end at line ends, fit the limit, are numbered and join back whole', () => {
    const text = Array.from({ length: 200 }, (_, i) => `줄 ${i} 의견입니다`).join('\n');
    const parts = splitFile({ name: 'jamun-r.md', mimeType: 'text/markdown', content: Buffer.from(text) }, 300);
    expect(parts.length).toBeGreaterThan(5);
    expect(parts.map((part) => part.name).slice(0, 2)).toEqual(['jamun-r-1.md', 'jamun-r-2.md']);
    for (const part of parts) expect(part.content.length).toBeLessThanOrEqual(300);
    for (const part of parts.slice(0, -1)) expect(part.content.toString('utf8').endsWith('\n')).toBe(true);
    expect(Buffer.concat(parts.map((part) => part.content)).toString('utf8')).toBe(text);
  });

  it('GIVEN one Markdown line longer than the limit THEN it is cut between characters, never inside one', () => {
    const text = '가'.repeat(1000);
    const parts = splitFile({ name: 'r.md', mimeType: 'text/markdown', content: Buffer.from(text) }, 100);
    for (const part of parts) expect(part.content.toString('utf8')).toMatch(/^가+$/);
    expect(parts.map((part) => part.content.toString('utf8')).join('')).toBe(text);
  });

  it('GIVEN a CSV with quoted cells holding line breaks THEN each part starts with the BOM and header and no record is cut', () => {
    const header = '질문,작성자,답변';
    const records = Array.from({ length: 100 }, (_, i) => `1.${i},위원${i},"첫 줄\r\n둘째 줄 ""인용"", 쉼표 ${i}"`);
    const content = csv([header, ...records]);
    const parts = splitFile({ name: 'r.csv', mimeType: 'text/csv; charset=utf-8', content }, 400);
    expect(parts.length).toBeGreaterThan(5);
    const seen: string[] = [];
    for (const part of parts) {
      expect(part.content.length).toBeLessThanOrEqual(400);
      const text = part.content.toString('utf8');
      expect(text.startsWith(`${BOM}${header}\r\n`)).toBe(true);
      const body = text.slice(BOM.length + header.length + 2);
      // Every record in a part is whole: it starts with its id and ends with its closing quote.
      expect(body).toMatch(/^(1\.\d+,위원\d+,"첫 줄\r\n둘째 줄 ""인용"", 쉼표 \d+"\r\n)+$/);
      seen.push(body);
    }
    expect(`${BOM}${header}\r\n${seen.join('')}`).toBe(content.toString('utf8'));
  });
});
