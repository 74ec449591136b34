/**
 * The result report (결과 보고) as plain data: what every format (Markdown,
 * DOCX, XLSX, PDF) lays out. Texts are final, in the report's language;
 * people's words are unescaped (each renderer escapes for its format).
 */

/** Formats of the result report: the CLI's `round report` and the chat's `report`. */
export const REPORT_FORMATS = ['docx', 'xlsx', 'pdf', 'md'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/**
 * Renders the report as `<name>.<format>`: the document libraries live in
 * `src/adapters/report/`, the core hands them the compiled report. Throws
 * only on a bug (the report is already valid).
 */
export type ReportRenderer = (
  report: ReportDocument,
  format: ReportFormat,
  name: string,
) => Promise<{ name: string; mimeType: string; content: Buffer }>;

/** A line of the ○ / - / ※ hierarchy: level 0 is ○, 1 is -, 2 is ※. */
export interface ReportLine {
  level: 0 | 1 | 2;
  text: string;
}

/** One member's payment row (원). */
interface ReportPayment {
  member: string;
  gross: number;
  incomeTax: number;
  localTax: number;
  net: number;
}

export interface ReportDocument {
  locale: 'ko' | 'en';
  header: {
    documentNumber: string;
    disclosure: string;
    approvalLine: string[];
  };
  title: string;
  /** `2024. 2.` and the issuing 국 / 과. */
  issued: { month: string; bureau?: string; department?: string };
  checklist: string[];
  /** `대외협력과장 : 홍길동(02-2133-0000)   대외정책팀장 : …`. */
  contactLine?: string;
  purpose: string;
  overview: {
    period: string;
    holidayNotes: string[];
    method: string;
    submitted: string;
    /** `(민간전문가) 가, 나, …` per role group. */
    roster: string[];
    agendaLabel: string;
    agenda: Array<{ title: string; questions: string[] }>;
  };
  /** Staff's synthesis per agenda item (`lines`: of the item as a whole, often none) and per question. */
  opinions: Array<{ title: string; lines: ReportLine[]; questions: Array<{ prompt: string; lines: ReportLine[] }> }>;
  actions: ReportLine[];
  admin: {
    honorarium?: string;
    followUp: string[];
    payments: ReportPayment[];
    paymentNote?: string;
  };
  /** Every invited member and what they did: 제출, 불참, 미제출 (staff only: the report is an internal document). */
  participation: Array<{ member: string; status: string }>;
  /** 붙임: members' own answers, named or 위원 A, B, …. */
  attachment: Array<{
    title: string;
    questions: Array<{ id: string; prompt: string; answers: Array<{ author: string; text: string }> }>;
  }>;
  closing: string;
  /** A note printed under the title (the demo says its members are invented). */
  note?: string;
}
