/**
 * The compiled summary of a round: what staff receive when it closes.
 * Pure data; renderers turn it into Markdown, CSV, JSON or chat messages.
 */
import type { Locale, QuestionKind } from './model.ts';

/** One member's answer as shown in the summary. */
export interface SummaryAnswer {
  /** Member name, or the anonymous label (위원 A / Member A) when the round is anonymous. */
  author: string;
  /** The answer as text (choices joined, scale as a number). */
  text: string;
  late: boolean;
}

/** Tally of a choice or scale question. */
export interface SummaryTally {
  /** Option label (or scale point as text) and how many chose it, in option order. */
  counts: Array<{ label: string; count: number }>;
  /** Mean of a scale question; absent for choices. */
  mean?: number;
  responses: number;
}

export interface SummaryQuestion {
  id: string;
  prompt: string;
  kind: QuestionKind;
  answers: SummaryAnswer[];
  tally?: SummaryTally;
}

export interface SummaryItem {
  id: string;
  title: string;
  questions: SummaryQuestion[];
}

export interface SummaryParticipation {
  invited: number;
  submitted: number;
  declined: number;
  late: number;
  /** Names of those who neither submitted nor declined. Staff only. */
  notSubmitted: string[];
  /** Names and reasons of those who declined. */
  declinedBy: Array<{ name: string; reason: string }>;
  /** Members whose invitation could not be delivered, with the reason. */
  unreachable: Array<{ name: string; reason: string }>;
}

export interface SummaryHonorarium {
  rate: number;
  currency: string;
  /** Members paid: those who submitted (late ones included). */
  recipients: string[];
  count: number;
  total: number;
}

/** Members of one role (위원 role group); `role` is empty for members configured without one. */
export interface SummaryRoleGroup {
  role: string;
  names: string[];
}

/** Everything the staff summary says. */
export interface CompiledSummary {
  roundId: string;
  roundTitle: string;
  committeeName: string;
  locale: Locale;
  anonymous: boolean;
  /** When the round really started (planned opening, or later when opened late). */
  opensAtLocal: string;
  /** When it really ended: the deadline, or the moment it was closed early. */
  closesAtLocal: string;
  /** The deadline it had, present only when it was closed before it. */
  deadlineLocal?: string;
  timeZone: string;
  /** Business days the window spanned (the report's "4일간"). */
  businessDays: number;
  /** Warnings that some years of the window have no official holiday list (empty when all do). */
  calendarNotes?: string[];
  generatedAt: Date;
  participation: SummaryParticipation;
  /** The members invited, grouped by role in committee order (`(민간전문가) 가○○, 나○○`). Staff only. */
  roster: SummaryRoleGroup[];
  honorarium: SummaryHonorarium;
  items: SummaryItem[];
}
