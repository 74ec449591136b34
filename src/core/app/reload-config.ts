/**
 * Reloading committees and rounds while the bot runs: the files are read and
 * validated again, every running round is compared with its file under the
 * change rules (`rounds/change-rules.ts`), what the rules allow is stored and
 * audited, refusals are audited and reported with their reason, and the
 * application goes on with the new committees and definitions. Never silent:
 * the report says what was applied and what was refused, or that nothing
 * changed.
 */
import { t } from '../i18n/catalogue.ts';
import type { Committee, Locale } from '../model.ts';
import type { ConfigSnapshot, ConfigSource } from '../ports/config-source.ts';
import { planRoundChanges, type RoundChange, type RoundChangePlan } from '../rounds/change-rules.ts';
import { clip } from '../text/split-text.ts';
import type { AppContext } from './app-context.ts';
import { reconcileMembership } from './reconcile-membership.ts';
import { roundFromDefinition } from './schedule-round.ts';
import { rosterConflictLines } from './roster-service.ts';

/** One running round's plan, with what its texts need. */
export interface RoundReload {
  plan: RoundChangePlan;
  committee: Committee;
  membersWithAnswers: number;
}

/** Longest value shown in a report line: prompts can be paragraphs. */
const VALUE_MAX = 80;

/**
 * Compares every stored round that has opened with its definition in
 * `snapshot`. Reads only: `config check` shows this, `reload` applies it.
 * Rounds whose file is gone go on as stored and are not listed.
 */
async function planReload(ctx: AppContext, snapshot: ConfigSnapshot): Promise<RoundReload[]> {
  const out: RoundReload[] = [];
  for (const stored of await ctx.store.listRounds()) {
    if (stored.status === 'draft') continue;
    const def = snapshot.rounds.find((r) => r.id === stored.id);
    const committee = def && snapshot.committees.find((c) => c.id === def.committeeId);
    if (!def || !committee) continue;
    const proposed = roundFromDefinition(def, committee);
    if (!proposed.ok) continue;
    const membersWithAnswers = new Set((await ctx.store.listAnswers(stored.id)).map((a) => a.memberId)).size;
    const plan = planRoundChanges(stored, proposed.value, { membersWithAnswers });
    if (plan.changes.length > 0) out.push({ plan, committee, membersWithAnswers });
  }
  return out;
}

/**
 * Applies a snapshot: stores what the rules allow, audits every change
 * (applied or refused) as `actor`, then swaps the committees and definitions
 * the application works with and marks members who left running rounds.
 */
export async function applyReload(ctx: AppContext, snapshot: ConfigSnapshot, actor: string): Promise<RoundReload[]> {
  const reloads = await planReload(ctx, snapshot);
  const at = ctx.now();
  for (const { plan } of reloads) {
    if (plan.revision) await ctx.store.reviseRound(plan.roundId, plan.revision);
    for (const change of plan.changes) {
      await ctx.store.audit({
        at,
        actor,
        action: change.verdict === 'applied' ? 'round.change.applied' : 'round.change.refused',
        roundId: plan.roundId,
        detail: { ...change },
      });
    }
  }
  ctx.reconfigure(snapshot.committees, snapshot.rounds);
  await reconcileMembership(ctx);
  await ctx.store.audit({
    at,
    actor,
    action: 'config.reloaded',
    detail: { committees: snapshot.committees.length, rounds: snapshot.rounds.length },
  });
  return reloads;
}

/** The name of a changed field in the reader's language: `질문 1.2 문구`, `agenda item 1 title`. */
function fieldText(field: string, locale: Locale): string {
  const aspect = (name: string): string =>
    t(locale, `change.field.${name.replace(/[ ()]+/g, '_').replace(/_$/, '')}` as Parameters<typeof t>[1]);
  // `question order` names an aspect of the round, not question "order".
  const match = field === 'question order' ? null : /^(agenda|question) (\S+)(?: (.+))?$/.exec(field);
  if (!match) return aspect(field);
  const [, kind, id, rest] = match;
  const subject = t(locale, kind === 'agenda' ? 'change.field.agenda' : 'change.field.question', { id: id ?? '' });
  return rest ? `${subject} ${aspect(rest)}` : subject;
}

function valueText(
  change: RoundChange,
  value: string | undefined,
  committee: Committee,
  locale: Locale,
  ctx: AppContext,
) {
  if (value === undefined) return t(locale, 'change.value.none');
  if (change.field === 'deadline' || change.field === 'opens')
    return ctx.when(new Date(value), committee.timeZone, locale);
  // Settings such as anonymity and late answers are stored as `true`/`false`; people read yes/no.
  if (value === 'true' || value === 'false') return t(locale, `change.value.${value}`);
  return `"${clip(value.replace(/\s+/g, ' '), VALUE_MAX)}"`;
}

/** Two lines per change: what changed (from → to), then whether it applied and why, or what to do instead. */
function changeLines(ctx: AppContext, reloads: readonly RoundReload[], locale: Locale): string[] {
  const lines: string[] = [];
  for (const { plan, committee, membersWithAnswers } of reloads) {
    for (const change of plan.changes) {
      lines.push(
        t(locale, 'change.line', {
          round: plan.roundId,
          field: fieldText(change.field, locale),
          from: valueText(change, change.from, committee, locale, ctx),
          to: valueText(change, change.to, committee, locale, ctx),
        }),
        t(locale, `change.reason.${change.reason}`, { round: plan.roundId, count: membersWithAnswers }),
      );
    }
  }
  return lines;
}

/** What a reload would change, under a header; no lines when nothing differs (`config check`). */
export async function differenceReport(ctx: AppContext, snapshot: ConfigSnapshot): Promise<string[]> {
  const locale = ctx.defaultLocale();
  const lines = changeLines(ctx, await planReload(ctx, snapshot), locale);
  // Members changed both in a committee file and in chat: the chat change stays; say so.
  const roster = await rosterConflictLines(ctx, snapshot.committees);
  return [...(lines.length > 0 ? [t(locale, 'change.check.header'), ...lines] : []), ...roster];
}

/** The whole reload report: what was read, then each change, or that nothing changed. */
export function reloadReport(
  ctx: AppContext,
  snapshot: ConfigSnapshot,
  reloads: readonly RoundReload[],
  locale: Locale,
): string {
  const head = t(locale, 'change.reloaded', { committees: snapshot.committees.length, rounds: snapshot.rounds.length });
  if (reloads.length === 0) return `${head}\n${t(locale, 'change.none')}`;
  return [head, t(locale, 'change.header'), ...changeLines(ctx, reloads, locale)].join('\n');
}

/**
 * Reads the configuration again through `source` and applies it: the reply
 * staff (or the log of a SIGHUP) get. Problems in the files change nothing
 * and are listed.
 */
export async function reloadFromSource(
  ctx: AppContext,
  source: ConfigSource | undefined,
  actor: string,
): Promise<{ ok: boolean; text: string }> {
  const locale = ctx.defaultLocale();
  if (!source) return { ok: false, text: t(locale, 'change.unavailable') };
  const read = await source();
  if (!read.ok) {
    await ctx.store.audit({
      at: ctx.now(),
      actor,
      action: 'config.reload.refused',
      detail: { problems: read.problems },
    });
    return { ok: false, text: [t(locale, 'change.problems'), ...read.problems].join('\n') };
  }
  const reloads = await applyReload(ctx, read.value, actor);
  const roster = await rosterConflictLines(ctx);
  return { ok: true, text: [reloadReport(ctx, read.value, reloads, ctx.defaultLocale()), ...roster].join('\n') };
}
