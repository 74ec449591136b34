/**
 * Reads a holiday list a person saved: a response of the official 특일 정보
 * service (`getRestDeInfo`, JSON or XML, as the service sends it) or a simple
 * CSV (`date,name`). Pure: the caller reads the file. A file is refused whole
 * when anything is wrong, with every problem's line and reason.
 */
import { lineAt, toOfficialYears, type FileProblem, type ParsedHolidayFile, type RawEntry } from './official-list.ts';

/** The formats a holiday file may have. */
type HolidayFileFormat = 'json' | 'xml' | 'csv';

/** Options of {@link parseHolidayFile}. */
export interface ParseHolidayFileOptions {
  /** ISO country code the list is for (the service publishes KR). */
  country: string;
  /** Recorded as the source of the years (a file name, a note). */
  source: string;
}

/** Guesses the format from the content: `{` JSON, `<` XML, anything else CSV. */
function detectFormat(text: string): HolidayFileFormat {
  const first = stripBom(text).trimStart()[0];
  if (first === '{') return 'json';
  if (first === '<') return 'xml';
  return 'csv';
}

/** Parses and validates a holiday file of any supported format. */
export function parseHolidayFile(text: string, options: ParseHolidayFileOptions): ParsedHolidayFile {
  const body = stripBom(text);
  const country = options.country.trim().toUpperCase();
  const read =
    detectFormat(body) === 'json'
      ? readServiceJson(body)
      : detectFormat(body) === 'xml'
        ? readServiceXml(body)
        : readCsv(body);
  if (!read.ok) return read;
  const years = toOfficialYears(read.entries, country, options.source);
  if (read.problems.length === 0) return years;
  const problems = [...read.problems, ...(years.ok ? [] : years.problems)];
  return { ok: false, problems: problems.sort((a, b) => a.line - b.line) };
}

/** What a format reader found: entries to validate, and lines it could not read at all. */
type Read = { ok: true; entries: RawEntry[]; problems: FileProblem[] } | { ok: false; problems: FileProblem[] };

const refuse = (line: number, reason: string): Read => ({ ok: false, problems: [{ line, reason }] });

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function scalar(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

/** `{"response":{"header":{"resultCode":"00"},"body":{"items":{"item":[…]},"totalCount":N}}}` */
function readServiceJson(text: string): Read {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(message);
    return refuse(position?.[1] ? lineAt(text, Number(position[1])) : 1, `not valid JSON (${message})`);
  }
  const response = record(record(parsed)?.['response']);
  if (!response) return refuse(1, 'not a response of the 특일 정보 service: no "response" object');
  const header = record(response['header']);
  const code = scalar(header?.['resultCode']);
  if (code !== '00' && code !== '0') {
    return refuse(lineOfKey(text, 'resultCode', 0), `the service answered with an error: ${serviceError(header)}`);
  }
  const body = record(response['body']);
  const items = body?.['items'];
  // The service sends `"items": ""` when a year has no entries, and a lone object for one entry.
  const itemValue = record(items)?.['item'];
  const list = itemValue === undefined ? [] : Array.isArray(itemValue) ? itemValue : [itemValue];
  const entries: RawEntry[] = [];
  for (const [index, item] of list.entries()) {
    const fields = record(item);
    const line = lineOfKey(text, 'locdate', index);
    entries.push({
      line,
      label: `item ${index + 1}`,
      locdate: scalar(fields?.['locdate']),
      name: scalar(fields?.['dateName']),
      isHoliday: scalar(fields?.['isHoliday']),
    });
  }
  const incomplete = incompletePage(list.length, scalar(body?.['totalCount']));
  if (incomplete) return refuse(lineOfKey(text, 'totalCount', 0), incomplete);
  return { ok: true, entries, problems: [] };
}

function serviceError(header: Record<string, unknown> | undefined): string {
  return `${scalar(header?.['resultCode']) || '?'} ${scalar(header?.['resultMsg'])}`.trim();
}

function incompletePage(count: number, total: string): string | null {
  if (total === '' || Number(total) === count) return null;
  return `the response holds ${count} of ${total} entries (one page of several): request it again with numOfRows=100`;
}

/** Line of the n-th (0-based) `"key"` in a JSON text; line 1 when absent. */
function lineOfKey(text: string, key: string, n: number): number {
  let from = 0;
  for (let i = 0; i <= n; i += 1) {
    const at = text.indexOf(`"${key}"`, from);
    if (at < 0) return 1;
    if (i === n) return lineAt(text, at);
    from = at + key.length + 2;
  }
  return 1;
}

const XML_ITEM = /<item>([\s\S]*?)<\/item>/g;

/** `<response><header><resultCode>00</resultCode>…</header><body><items><item>…</item></items>…` */
function readServiceXml(text: string): Read {
  const gatewayError = xmlField(text, 'returnAuthMsg') || xmlField(text, 'errMsg');
  if (!/<response[\s>]/.test(text)) {
    return refuse(
      1,
      gatewayError
        ? `the service answered with an error: ${gatewayError}`
        : 'not a response of the 특일 정보 service: no <response> element',
    );
  }
  const code = xmlField(text, 'resultCode');
  if (code !== '00' && code !== '0') {
    return refuse(
      lineAt(text, text.indexOf('<resultCode>')),
      `the service answered with an error: ${code} ${xmlField(text, 'resultMsg')}`.trim(),
    );
  }
  const opened = (text.match(/<item>/g) ?? []).length;
  const closed = (text.match(/<\/item>/g) ?? []).length;
  if (opened !== closed) {
    const at = text.lastIndexOf('<item>');
    return refuse(lineAt(text, at), `the XML is cut off or malformed: ${opened} <item> but ${closed} </item>`);
  }
  const entries: RawEntry[] = [];
  let index = 0;
  for (const match of text.matchAll(XML_ITEM)) {
    const inner = match[1] ?? '';
    index += 1;
    entries.push({
      line: lineAt(text, match.index),
      label: `item ${index}`,
      locdate: xmlField(inner, 'locdate'),
      name: xmlField(inner, 'dateName'),
      isHoliday: xmlField(inner, 'isHoliday'),
    });
  }
  const incomplete = incompletePage(entries.length, xmlField(text, 'totalCount'));
  if (incomplete) return refuse(lineAt(text, text.indexOf('<totalCount>')), incomplete);
  return { ok: true, entries, problems: [] };
}

function xmlField(text: string, tag: string): string {
  const match = new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`).exec(text);
  return match?.[1] === undefined ? '' : decodeXml(match[1]).trim();
}

function decodeXml(text: string): string {
  return text
    .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1')
    .replace(/&#(x?)([0-9a-f]+);/gi, (_, hex: string, digits: string) =>
      String.fromCodePoint(Number.parseInt(digits, hex ? 16 : 10)),
    )
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/**
 * `date,name` per line, `date` as YYYY-MM-DD or YYYYMMDD; an optional header
 * line (`date,name`), blank lines and `#` comments are skipped; a name may be
 * quoted. Every listed day closes offices.
 */
function readCsv(text: string): Read {
  const entries: RawEntry[] = [];
  const problems: FileProblem[] = [];
  const lines = text.split(/\r?\n/);
  for (const [index, raw] of lines.entries()) {
    const line = raw.trim();
    const number = index + 1;
    if (line === '' || line.startsWith('#')) continue;
    if (index === 0 && /^date\s*,\s*name$/i.test(line)) continue;
    const comma = line.indexOf(',');
    if (comma < 0) {
      problems.push({ line: number, reason: `expected "date,name", found ${JSON.stringify(line)}` });
      continue;
    }
    const name = line.slice(comma + 1).trim();
    entries.push({
      line: number,
      locdate: line.slice(0, comma).trim(),
      name:
        name.length >= 2 && name.startsWith('"') && name.endsWith('"') ? name.slice(1, -1).replace(/""/g, '"') : name,
      isHoliday: 'Y',
    });
  }
  return { ok: true, entries, problems };
}
