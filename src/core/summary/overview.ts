/**
 * The overview lines of a summary (일시, 방법, 대상, 제출, …) as plain text,
 * shared by the chat and Markdown renderers so both say the same. Lines
 * with nothing to report (no one declined, no one late) are left out.
 * Pure.
 */
import { t } from '../i18n/catalogue.ts';
import type { Locale } from '../model.ts';
import type { CompiledSummary } from '../summary-model.ts';
import { formatOfficialLocal, formatOfficialLocalRange } from '../time.ts';
import { failureText } from '../app/failure-text.ts';
import { formatHonorariumLine, formatNumber } from './format.ts';

/** A title that already ends in 서면자문 does not get it twice. */
const METHOD_SUFFIX = /서면\s*자문\s*$/;

/** The title: 「… 서면자문」 결과 (서면자문 said once). */
export function summaryTitle(summary: Pick<CompiledSummary, 'roundTitle' | 'locale'>): string {
  const key = METHOD_SUFFIX.test(summary.roundTitle) ? 'summary.title' : 'summary.title.withMethod';
  return t(summary.locale, key, { roundTitle: summary.roundTitle });
}

/** 일시: the real dates (a round closed early ends when it closed), business days, and the planned deadline. */
function periodLine(summary: CompiledSummary): string {
  const { locale } = summary;
  const line = t(locale, 'summary.period', {
    period: formatOfficialLocalRange(summary.opensAtLocal, summary.closesAtLocal, locale),
    businessDays: formatNumber(summary.businessDays, locale),
  });
  if (!summary.deadlineLocal) return line;
  return `${line} ${t(locale, 'summary.closedEarly', { deadline: formatOfficialLocal(summary.deadlineLocal, locale) })}`;
}

/** 대상: the roster by role group, or nothing when no member has a role and the list adds nothing. */
function rosterLine(summary: CompiledSummary, locale: Locale): string | undefined {
  if (summary.roster.length === 0) return undefined;
  const groups = summary.roster.map((group) =>
    group.role === ''
      ? group.names.join(', ')
      : t(locale, 'summary.rosterGroup', { role: group.role, names: group.names.join(', ') }),
  );
  return t(locale, 'summary.roster', { groups: groups.join(' / ') });
}

/** Characters of names a digest list shows before it counts the rest. */
const DIGEST_NAME_BUDGET = 600;

/** `label — a, b, c 외 12명`: the names while they fit `budget` characters, then how many more. */
function nameList(label: string, names: string[], locale: Locale, budget: number): string {
  if (names.length === 0) return label;
  const shown: string[] = [];
  let used = 0;
  for (const name of names) {
    if (used + name.length > budget) break;
    shown.push(name);
    used += name.length + 2;
  }
  const more = names.length - shown.length;
  if (more === 0) return `${label} — ${shown.join(', ')}`;
  const rest = t(locale, 'summary.digest.more', { count: formatNumber(more, locale) });
  return shown.length === 0 ? `${label} — ${rest}` : `${label} — ${shown.join(', ')} ${rest}`;
}

/** What the overview shows. */
export interface OverviewOptions {
  /** Who did not submit (staff only). */
  notSubmitted: boolean;
  /** The honorarium total. */
  honorarium: boolean;
  /** The members by role (long for big committees). */
  roster: boolean;
  /**
   * The chat digest: every list is counted and names only what fits
   * `DIGEST_NAME_BUDGET`, and sends whose delivery is unknown (`uncertain`)
   * are listed apart from refused ones, since staff check those members.
   */
  digest?: boolean;
}

/**
 * The overview as plain lines, people's words unescaped: the caller escapes
 * for its format. See `OverviewOptions` for what is included.
 */
export function overviewLines(summary: CompiledSummary, options: OverviewOptions): string[] {
  const { locale, participation: p } = summary;
  const count = (value: number): string => formatNumber(value, locale);
  const list = (label: string, names: string[]): string =>
    nameList(label, names, locale, options.digest ? DIGEST_NAME_BUDGET : Number.POSITIVE_INFINITY);
  const lines = [periodLine(summary), ...(summary.calendarNotes ?? []), t(locale, 'summary.method')];
  const roster = options.roster ? rosterLine(summary, locale) : undefined;
  if (roster) lines.push(roster);
  lines.push(t(locale, 'summary.participation', { invited: count(p.invited), submitted: count(p.submitted) }));
  if (options.digest && options.notSubmitted && p.notSubmitted.length > 0) {
    lines.push(list(t(locale, 'summary.digest.notSubmitted', { count: count(p.notSubmitted.length) }), p.notSubmitted));
  }
  if (p.declined > 0) {
    const entries = p.declinedBy.map((entry) => t(locale, 'summary.declinedEntry', entry));
    lines.push(list(t(locale, 'summary.declined', { count: count(p.declined) }), entries));
  }
  if (p.late > 0) lines.push(t(locale, 'summary.late', { count: count(p.late) }));
  const uncertain = options.digest ? p.unreachable.filter((entry) => entry.reason === 'uncertain') : [];
  const refused = options.digest ? p.unreachable.filter((entry) => entry.reason !== 'uncertain') : p.unreachable;
  if (refused.length > 0) {
    // A reason is a code (`dm_closed`); staff read its words.
    const entries = refused.map((entry) =>
      t(locale, 'summary.unreachableEntry', { name: entry.name, reason: failureText(entry.reason, locale) }),
    );
    lines.push(list(t(locale, 'summary.unreachable', { count: count(refused.length) }), entries));
  }
  if (uncertain.length > 0) {
    const names = uncertain.map((entry) => entry.name);
    lines.push(list(t(locale, 'summary.digest.uncertain', { count: count(uncertain.length) }), names));
  }
  if (!options.digest && options.notSubmitted && p.notSubmitted.length > 0) {
    lines.push(t(locale, 'summary.notSubmittedLine', { names: p.notSubmitted.join(', ') }));
  }
  if (options.honorarium && summary.honorarium.rate > 0) {
    lines.push(t(locale, 'summary.honorarium.total', { line: formatHonorariumLine(summary.honorarium, locale) }));
  }
  if (summary.anonymous) lines.push(t(locale, 'summary.anonymousNote'));
  return lines;
}
