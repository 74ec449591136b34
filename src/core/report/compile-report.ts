/**
 * Builds the result report from the compiled summary, the committee's office
 * settings, the round's report fields and the closed days of its window.
 * Pure.
 */
import { t } from '../i18n/catalogue.ts';
import type { Committee, LocalDate, RoundReportInfo } from '../model.ts';
import type { CompiledSummary } from '../summary-model.ts';
import { formatNumber } from '../summary/format.ts';
import { formatOfficialDay, formatOfficialDayRange } from '../time.ts';
import type { ReportDocument, ReportLine } from './report-model.ts';
import { DEFAULT_WITHHOLDING, withhold } from './withholding.ts';

/** A closed day of the window, as the business calendar reports it. */
interface ReportClosedDay {
  date: LocalDate;
  reason: 'weekend' | 'public_holiday' | 'extra_closed';
  name?: string;
}

/** Staff's synthesis by question (or agenda item) id: its lines in the ○ / - / ※ hierarchy. */
type ReportSynthesis = Record<string, ReportLine[]>;

export interface ReportInput {
  summary: CompiledSummary;
  committee: Committee;
  info?: RoundReportInfo;
  closedDays: ReportClosedDay[];
  synthesis?: ReportSynthesis;
  actions?: ReportLine[];
  note?: string;
}

const METHOD_SUFFIX = /\s*서면\s*자문\s*$/;

/** Runs of closed days that include a public holiday: `※ 설 명절 : 2. 9.(금)~2. 12.(월)`. */
function holidayNotes(days: ReportClosedDay[], locale: 'ko' | 'en'): string[] {
  const sorted = [...days].sort((a, b) => a.date.localeCompare(b.date));
  const runs: ReportClosedDay[][] = [];
  for (const day of sorted) {
    const run = runs.at(-1);
    const last = run?.at(-1);
    if (run && last && nextDay(last.date) === day.date) run.push(day);
    else runs.push([day]);
  }
  return runs
    .filter((run) => run.some((d) => d.reason !== 'weekend'))
    .map((run) => {
      const names = run.flatMap((d) => (d.name ? [d.name] : []));
      const from = run[0]?.date ?? '';
      const to = run.at(-1)?.date ?? '';
      const range =
        from === to
          ? formatOfficialDay(from, locale, { year: 'none' })
          : formatOfficialDayRange(from, to, locale, { year: 'none' }).replace(' ~ ', '~');
      return t(locale, 'report.holidayNote', { name: holidayName(names), range });
    });
}

/** `설 명절` for the Lunar New Year days, `추석 명절` for Chuseok, else the names themselves. */
function holidayName(names: string[]): string {
  if (names.some((n) => n.includes('설날'))) return '설 명절';
  if (names.some((n) => n.includes('추석'))) return '추석 명절';
  return [...new Set(names)].join('·') || '휴무';
}

function nextDay(date: LocalDate): LocalDate {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** `'24. 2월` of a `YYYY-MM`. */
function officialMonth(month: string, locale: 'ko' | 'en'): string {
  const [year = '', m = ''] = month.split('-');
  return locale === 'ko' ? `'${year.slice(-2)}. ${Number(m)}월` : `${year}-${m}`;
}

function contactLine(committee: Committee): string | undefined {
  const contacts = committee.office?.contacts ?? [];
  if (contacts.length === 0) return undefined;
  // Written without ☎: the embedded PDF font has no glyph for it.
  return contacts.map((c) => `${c.role} : ${c.name}${c.phone ? `(${c.phone})` : ''}`).join('   ');
}

/** The report of a closed round. */
export function compileReport(input: ReportInput): ReportDocument {
  const { summary, committee, info } = input;
  const locale = summary.locale;
  const name = summary.roundTitle.replace(METHOD_SUFFIX, '');
  const title =
    name === summary.roundTitle
      ? t(locale, 'report.titleFallback', { roundTitle: summary.roundTitle })
      : t(locale, 'report.title', { name });
  const from = summary.opensAtLocal.slice(0, 10);
  const to = summary.closesAtLocal.slice(0, 10);
  const rules = committee.withholding ?? DEFAULT_WITHHOLDING;
  const h = summary.honorarium;
  const krw = h.currency.toUpperCase() === 'KRW';
  const thousand = (won: number): string => formatNumber(won / 1000, locale);
  const payments = h.rate > 0 ? h.recipients.map((member) => ({ member, ...withhold(h.rate, rules) })) : [];
  const synthesis = input.synthesis ?? {};
  return {
    locale,
    header: {
      documentNumber: info?.documentNumber ?? '',
      disclosure: info?.disclosure ?? '',
      approvalLine: committee.office?.approvalLine ?? [],
    },
    title,
    issued: {
      month: `${formatOfficialDay(to, locale, { weekday: false }).replace(/ \d+\.$/, '')}`,
      ...(committee.office?.bureau ? { bureau: committee.office.bureau } : {}),
      ...(committee.office?.department ? { department: committee.office.department } : {}),
    },
    checklist: info?.reviewChecklist ?? [],
    ...(contactLine(committee) ? { contactLine: contactLine(committee) } : {}),
    purpose: info?.purpose ?? t(locale, 'report.purposeDefault', { roundTitle: summary.roundTitle }),
    overview: {
      period: t(locale, 'report.period', {
        period: formatOfficialDayRange(from, to, locale, { year: 'short' }),
        businessDays: formatNumber(summary.businessDays, locale),
      }),
      holidayNotes: holidayNotes(input.closedDays, locale),
      method: t(locale, 'report.method'),
      submitted: t(locale, 'report.submitted', {
        invited: formatNumber(summary.participation.invited, locale),
        submitted: formatNumber(summary.participation.submitted, locale),
      }),
      roster: summary.roster.map((g) => (g.role ? `(${g.role}) ${g.names.join(', ')}` : g.names.join(', '))),
      agendaLabel: t(locale, 'report.agenda'),
      agenda: summary.items.map((item) => ({ title: item.title, questions: item.questions.map((q) => q.prompt) })),
    },
    opinions: summary.items.map((item) => ({
      title: item.title,
      lines: synthesis[item.id] ?? [],
      // A synthesis of the whole item covers its questions: only those with one of their own follow it.
      questions: item.questions
        .filter((q) => synthesis[q.id] !== undefined || synthesis[item.id] === undefined)
        .map((q) => ({
          prompt: q.prompt,
          lines: synthesis[q.id] ?? [{ level: 0, text: t(locale, 'report.synthesisMissing') }],
        })),
    })),
    actions: input.actions?.length ? input.actions : [{ level: 0, text: t(locale, 'report.actionsMissing') }],
    admin: {
      ...(h.rate > 0 && krw
        ? {
            honorarium: t(locale, 'report.honorarium', {
              total: thousand(h.total),
              count: formatNumber(h.count, locale),
              rate: thousand(h.rate),
              month: info?.paymentMonth
                ? t(locale, 'report.paymentMonth', { month: officialMonth(info.paymentMonth, locale) })
                : '',
            }),
          }
        : {}),
      followUp: info?.followUp ?? [],
      payments,
      ...(payments.length > 0
        ? {
            paymentNote:
              rules.kind === 'none'
                ? t(locale, 'report.payments.noTax')
                : t(locale, 'report.payments.note', {
                    expense: Math.round(rules.deemedExpenseRate * 100),
                    threshold: formatNumber(rules.threshold, locale),
                  }),
          }
        : {}),
    },
    participation: [
      ...h.recipients.map((member) => ({ member, status: t(locale, 'report.status.submitted') })),
      ...summary.participation.declinedBy.map((d) => ({ member: d.name, status: t(locale, 'report.status.declined') })),
      ...summary.participation.notSubmitted.map((member) => ({ member, status: t(locale, 'report.status.silent') })),
    ],
    attachment: summary.items.map((item) => ({
      title: item.title,
      questions: item.questions.map((q) => ({
        id: q.id,
        prompt: q.prompt,
        answers: q.answers.map((a) => ({ author: a.author, text: a.text })),
      })),
    })),
    closing: t(locale, 'report.closing'),
    ...(input.note ? { note: input.note } : {}),
  };
}
