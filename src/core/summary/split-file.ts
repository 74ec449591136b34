/**
 * Splits an export file into parts no larger than a platform's upload limit,
 * at line ends: a Markdown part ends at a line, a CSV part at a record (never
 * inside a quoted cell) and repeats the header row, so every part opens on
 * its own. Works on the bytes with native searches, never char by char, and
 * reads no more than a part at a time: a file on disk is split as it is read,
 * one part in memory at once.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import type { DiskFile, OutgoingFile, UploadFile } from '../ports/messenger.ts';

const NEWLINE = 0x0a;
const QUOTE = 0x22;
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** Bytes read by position: a buffer's own, or a file's on disk. */
interface ByteSource {
  size: number;
  /** The bytes from `start`, at most `length` of them (fewer at the end). */
  read(start: number, length: number): Buffer;
}

function bufferSource(bytes: Buffer): ByteSource {
  return { size: bytes.length, read: (start, length) => bytes.subarray(start, start + length) };
}

/** Bytes scanned at a time when looking for the end of a record longer than a part. */
const SCAN_BYTES = 1024 * 1024;

/**
 * The end (offset after its `\n`) of the CSV record that starts at `from`,
 * with `\n` inside quotes skipped (`""` inside reads as a close and a reopen,
 * which lands the same); -1 when no record end follows.
 */
function recordEnd(source: ByteSource, from: number, limit = source.size): number {
  let inQuotes = false;
  for (let at = from; at < limit; at += SCAN_BYTES) {
    const chunk = source.read(at, Math.min(SCAN_BYTES, limit - at));
    // The next quote and newline are remembered, so each byte is searched once.
    let quote = chunk.indexOf(QUOTE);
    let newline = chunk.indexOf(NEWLINE);
    let position = 0;
    while (true) {
      if (inQuotes) {
        if (quote === -1) break;
        inQuotes = false;
        position = quote + 1;
        quote = chunk.indexOf(QUOTE, position);
        continue;
      }
      if (newline !== -1 && newline < position) newline = chunk.indexOf(NEWLINE, position);
      if (newline !== -1 && (quote === -1 || newline < quote)) return at + newline + 1;
      if (quote === -1) break;
      inQuotes = true;
      position = quote + 1;
      quote = chunk.indexOf(QUOTE, position);
    }
  }
  return -1;
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

/** Bytes `start` to `end` of the source cut at lines into pieces of at most `maxBytes`. */
function* lineParts(source: ByteSource, start: number, end: number, maxBytes: number): Generator<Buffer> {
  let at = start;
  while (end - at > maxBytes) {
    // One byte past the limit tells whether the limit falls inside a character.
    const window = source.read(at, maxBytes + 1);
    const cut = lineCut(window, 0, maxBytes);
    yield window.subarray(0, cut);
    at += cut;
  }
  yield source.read(at, end - at);
}

function* csvParts(source: ByteSource, maxBytes: number): Generator<Buffer> {
  const bom = source.read(0, 3).equals(BOM) ? BOM : Buffer.alloc(0);
  const firstEnd = recordEnd(source, bom.length);
  const headerEnd = firstEnd === -1 ? source.size : firstEnd;
  const header = Buffer.from(source.read(bom.length, headerEnd - bom.length));
  const room = maxBytes - bom.length - header.length;
  if (room <= 0) {
    yield* lineParts(source, 0, source.size, maxBytes);
    return;
  }
  let start = headerEnd;
  while (source.size - start > room) {
    // The whole records that fit the part, found within the part's bytes.
    const window = source.read(start, room);
    const inWindow = bufferSource(window);
    let last = 0;
    for (let end = recordEnd(inWindow, 0); end !== -1; end = recordEnd(inWindow, end)) last = end;
    if (last > 0) {
      yield Buffer.concat([bom, header, window.subarray(0, last)]);
      start += last;
      continue;
    }
    // One record larger than a part: cut it at lines, the best that can be done.
    const found = recordEnd(source, start);
    const end = found === -1 ? source.size : found;
    for (const piece of lineParts(source, start, end, room)) yield Buffer.concat([bom, header, piece]);
    start = end;
  }
  // The file is larger than a part and its header leaves room, so there is at least one record.
  if (start < source.size) yield Buffer.concat([bom, header, source.read(start, source.size - start)]);
}

function isCsv(file: { name: string; mimeType: string }): boolean {
  return file.mimeType.startsWith('text/csv') || file.name.endsWith('.csv');
}

function partsOf(file: { name: string; mimeType: string }, source: ByteSource, maxBytes: number): Generator<Buffer> {
  return isCsv(file) ? csvParts(source, maxBytes) : lineParts(source, 0, source.size, maxBytes);
}

/**
 * The file as it can be uploaded: itself when it fits `maxBytes`, otherwise
 * parts named `name-1.ext`, `name-2.ext`, … each within `maxBytes`.
 */
export function splitFile(file: OutgoingFile, maxBytes: number): OutgoingFile[] {
  if (file.content.length <= maxBytes) return [file];
  return Array.from(partsOf(file, bufferSource(file.content), maxBytes), (content, index) => ({
    ...file,
    name: partName(file.name, index + 1),
    content,
  }));
}

/**
 * The same parts of a file on disk, each read when it is asked for, so only
 * the part being sent is in memory; a file that fits is given as it is.
 */
export function* splitDiskFile(file: DiskFile, maxBytes: number): Generator<UploadFile> {
  if (file.size <= maxBytes) {
    yield file;
    return;
  }
  const descriptor = openSync(file.path, 'r');
  try {
    const source: ByteSource = {
      size: file.size,
      read(start, length) {
        const bytes = Buffer.allocUnsafe(Math.min(length, file.size - start));
        let done = 0;
        while (done < bytes.length) {
          const read = readSync(descriptor, bytes, done, bytes.length - done, start + done);
          if (read === 0) throw new Error(`${file.path} ended at ${start + done} of ${file.size} bytes`);
          done += read;
        }
        return bytes;
      },
    };
    let index = 0;
    for (const content of partsOf(file, source, maxBytes)) {
      index += 1;
      yield { name: partName(file.name, index), mimeType: file.mimeType, content };
    }
  } finally {
    closeSync(descriptor);
  }
}
