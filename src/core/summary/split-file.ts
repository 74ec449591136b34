/**
 * Splits an export file into parts no larger than a platform's upload limit,
 * at line ends: a Markdown part ends at a line, a CSV part at a record (never
 * inside a quoted cell) and repeats the header row, so every part opens on
 * its own. Works on the bytes with native searches, never char by char.
 */
import type { OutgoingFile } from '../ports/messenger.ts';

const NEWLINE = 0x0a;
const QUOTE = 0x22;
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** Record ends (offset after each `\n` outside quotes) of a CSV, in order. */
function* csvRecordEnds(bytes: Buffer, from: number): Generator<number> {
  let position = from;
  // The next quote and newline are remembered, so each byte is searched once.
  let quote = bytes.indexOf(QUOTE, position);
  let newline = bytes.indexOf(NEWLINE, position);
  while (newline !== -1) {
    if (quote !== -1 && quote < newline) {
      // Skip the quoted cell: `""` inside reads as a close and a reopen, which lands the same.
      const close = bytes.indexOf(QUOTE, quote + 1);
      if (close === -1) break;
      position = close + 1;
      quote = bytes.indexOf(QUOTE, position);
      if (newline < position) newline = bytes.indexOf(NEWLINE, position);
      continue;
    }
    position = newline + 1;
    yield position;
    newline = bytes.indexOf(NEWLINE, position);
  }
  if (position < bytes.length) yield bytes.length;
}

/** The last line end at or before `limit`, or `limit` itself (stepped back to a UTF-8 boundary) if there is none. */
function lineCut(bytes: Buffer, start: number, limit: number): number {
  const newline = bytes.lastIndexOf(NEWLINE, limit - 1);
  if (newline >= start) return newline + 1;
  let cut = limit;
  // UTF-8 continuation bytes are 10xxxxxx: never cut before one.
  while (cut > start + 1 && ((bytes[cut] ?? 0) & 0xc0) === 0x80) cut -= 1;
  return cut;
}

function partName(name: string, index: number): string {
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? `${name}-${index}` : `${name.slice(0, dot)}-${index}${name.slice(dot)}`;
}

function markdownParts(bytes: Buffer, maxBytes: number): Buffer[] {
  const parts: Buffer[] = [];
  let start = 0;
  while (bytes.length - start > maxBytes) {
    const cut = lineCut(bytes, start, start + maxBytes);
    parts.push(bytes.subarray(start, cut));
    start = cut;
  }
  parts.push(bytes.subarray(start));
  return parts;
}

function csvParts(bytes: Buffer, maxBytes: number): Buffer[] {
  const bom = bytes.subarray(0, 3).equals(BOM) ? BOM : Buffer.alloc(0);
  const ends = csvRecordEnds(bytes, bom.length);
  const headerEnd = ends.next().value ?? bytes.length;
  const header = bytes.subarray(bom.length, headerEnd);
  const room = maxBytes - bom.length - header.length;
  if (room <= 0) return markdownParts(bytes, maxBytes);
  const parts: Buffer[] = [];
  let start = headerEnd;
  let last = headerEnd;
  for (const end of ends) {
    if (end - start > room && last > start) {
      parts.push(Buffer.concat([bom, header, bytes.subarray(start, last)]));
      start = last;
    }
    if (end - start > room) {
      // One record larger than a part: cut it at lines, the best that can be done.
      for (const piece of markdownParts(bytes.subarray(start, end), room))
        parts.push(Buffer.concat([bom, header, piece]));
      start = end;
    }
    last = end;
  }
  // The file is larger than a part and its header leaves room, so there is at least one record.
  if (last > start) parts.push(Buffer.concat([bom, header, bytes.subarray(start, last)]));
  return parts;
}

/**
 * The file as it can be uploaded: itself when it fits `maxBytes`, otherwise
 * parts named `name-1.ext`, `name-2.ext`, … each within `maxBytes`.
 */
export function splitFile(file: OutgoingFile, maxBytes: number): OutgoingFile[] {
  if (file.content.length <= maxBytes) return [file];
  const isCsv = file.mimeType.startsWith('text/csv') || file.name.endsWith('.csv');
  const pieces = isCsv ? csvParts(file.content, maxBytes) : markdownParts(file.content, maxBytes);
  return pieces.map((content, index) => ({ ...file, name: partName(file.name, index + 1), content }));
}
