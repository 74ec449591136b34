import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { OutgoingFile, UploadFile } from '../../../src/core/ports/messenger.ts';
import { splitDiskFile, splitFile } from '../../../src/core/summary/split-file.ts';

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

  /** The parts of `text` as names and UTF-8 texts. */
  function partsOf(name: string, mimeType: string, text: string, maxBytes: number): Array<[string, string]> {
    return splitFile({ name, mimeType, content: Buffer.from(text, 'utf8') }, maxBytes).map((part) => [
      part.name,
      part.content.toString('utf8'),
    ]);
  }

  it('GIVEN a file exactly at the limit THEN it is returned as it is', () => {
    expect(partsOf('r.md', 'text/markdown', 'abcd', 4)).toEqual([['r.md', 'abcd']]);
  });

  it('GIVEN a CSV known by its name only, without a BOM and without a last line end THEN parts repeat the header, the last record whole', () => {
    expect(partsOf('x.csv', 'application/octet-stream', 'h\r\na\r\nb\r\nc', 7)).toEqual([
      ['x-1.csv', 'h\r\na\r\n'],
      ['x-2.csv', 'h\r\nb\r\nc'],
    ]);
  });

  it('GIVEN a CSV known by its type only, named without an extension THEN the parts are numbered after the name', () => {
    expect(partsOf('export', 'text/csv', 'h\na\nb\n', 4)).toEqual([
      ['export-1', 'h\na\n'],
      ['export-2', 'h\nb\n'],
    ]);
  });

  it('GIVEN a name with dots THEN the number goes before the last extension, and a leading dot is no extension', () => {
    expect(partsOf('a.b.md', 'text/markdown', 'x\ny\n', 2).map(([name]) => name)).toEqual(['a.b-1.md', 'a.b-2.md']);
    expect(partsOf('.md', 'text/markdown', 'x\ny\n', 2).map(([name]) => name)).toEqual(['.md-1', '.md-2']);
  });

  it('GIVEN a CSV header that fills the whole limit THEN it is cut at lines like Markdown', () => {
    expect(partsOf('r.csv', 'text/csv', 'header\r\na\r\n', 8)).toEqual([
      ['r-1.csv', 'header\r\n'],
      ['r-2.csv', 'a\r\n'],
    ]);
  });

  it('GIVEN one CSV record larger than a part THEN it is cut at its lines under the header, and the next record follows whole', () => {
    const parts = partsOf('r.csv', 'text/csv', `${BOM}q\r\n"l1\nl2\nl3"\r\nr\r\n`, 11);
    expect(parts.map(([, text]) => text)).toEqual([
      `${BOM}q\r\n"l1\n`,
      `${BOM}q\r\nl2\n`,
      `${BOM}q\r\nl3"\r\n`,
      `${BOM}q\r\nr\r\n`,
    ]);
  });

  it('GIVEN a CSV quote that never closes THEN the rest of the file is one record', () => {
    expect(partsOf('r.csv', 'text/csv', 'h\na\n"x\ny\n', 8).map(([, text]) => text)).toEqual(['h\na\n', 'h\n"x\ny\n']);
  });

  it('GIVEN a quoted cell after a line end THEN the records around it are found', () => {
    expect(partsOf('r.csv', 'text/csv', 'h\na\n"b\nc",d\ne\n', 12).map(([, text]) => text)).toEqual([
      'h\na\n"b\nc",d\n',
      'h\ne\n',
    ]);
  });

  it('GIVEN Markdown whose line end falls on the limit or at the start THEN parts end there, never beyond the limit', () => {
    expect(partsOf('r.md', 'text/markdown', 'abc\nd', 3).map(([, text]) => text)).toEqual(['abc', '\nd']);
    expect(partsOf('r.md', 'text/markdown', '\nabcdef', 3).map(([, text]) => text)).toEqual(['\n', 'abc', 'def']);
  });

  it('GIVEN a limit smaller than one character THEN the file is still cut, one byte at least a part', () => {
    const parts = splitFile({ name: 'r.md', mimeType: 'text/markdown', content: Buffer.from('가') }, 2);
    expect(parts.map((part) => [...part.content])).toEqual([[0xea], [0xb0, 0x80]]);
  });
});

describe('splitDiskFile', () => {
  const folder = mkdtempSync(join(tmpdir(), 'jamun-split-test-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  /** The file written to disk and split from there, and split in memory, as names and bytes. */
  function bothWays(file: OutgoingFile, maxBytes: number): { disk: UploadFile[]; memory: OutgoingFile[] } {
    const path = join(folder, file.name);
    writeFileSync(path, file.content);
    const onDisk = { name: file.name, mimeType: file.mimeType, path, size: file.content.length };
    return { disk: [...splitDiskFile(onDisk, maxBytes)], memory: splitFile(file, maxBytes) };
  }

  /** Whether the parts are the same names, types and bytes (compared natively: deep equality walks megabytes byte by byte). */
  function same(disk: UploadFile[], memory: OutgoingFile[]): boolean {
    return (
      disk.length === memory.length &&
      disk.every((part, i) => {
        const other = memory[i];
        return (
          other !== undefined &&
          'content' in part &&
          part.name === other.name &&
          part.mimeType === other.mimeType &&
          part.content.equals(other.content)
        );
      })
    );
  }

  it('GIVEN a file on disk within the limit THEN it is given as it is, by its path', () => {
    const { disk } = bothWays({ name: 'fits.md', mimeType: 'text/markdown', content: Buffer.from('# r\n') }, 100);
    expect(disk).toEqual([{ name: 'fits.md', mimeType: 'text/markdown', path: join(folder, 'fits.md'), size: 4 }]);
  });

  it('GIVEN Markdown and a CSV with quoted line breaks on disk THEN the parts are those of the same bytes in memory', () => {
    const markdown = Array.from({ length: 200 }, (_, i) => `줄 ${i} 의견입니다`).join('\n');
    const records = Array.from({ length: 100 }, (_, i) => `1.${i},위원${i},"첫 줄\r\n둘째 줄 ""인용"", 쉼표 ${i}"`);
    for (const file of [
      { name: 'r.md', mimeType: 'text/markdown', content: Buffer.from(markdown) },
      { name: 'r.csv', mimeType: 'text/csv', content: csv(['질문,작성자,답변', ...records]) },
    ]) {
      const { disk, memory } = bothWays(file, 400);
      expect(memory.length).toBeGreaterThan(5);
      expect(same(disk, memory)).toBe(true);
    }
  });

  it('GIVEN a CSV record of 3 MiB whose quoted cell holds line breaks THEN it is cut at its lines under the header and the record after it follows whole', () => {
    const long = Array.from({ length: 160_000 }, (_, i) => `줄 ${i} ""인용""`).join('\n');
    const content = csv(['h', `"${long}"`, 'after']);
    expect(content.length).toBeGreaterThan(3 * 1024 * 1024);
    const { disk, memory } = bothWays({ name: 'big.csv', mimeType: 'text/csv', content }, 512 * 1024);
    expect(same(disk, memory)).toBe(true);
    const bodies = memory.map((part) => part.content.toString('utf8').slice(`${BOM}h\r\n`.length));
    expect(bodies.at(-1)).toBe('after\r\n');
    expect(bodies.join('')).toBe(`"${long}"\r\nafter\r\n`);
  });
});
