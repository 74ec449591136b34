/**
 * Staff's synthesis of each question (종합 의견) and the follow-up actions
 * (조치 사항) of a round: written from chat or the CLI as staff commands,
 * every synthesis kept as a revision, every change audited, and a due-date
 * notice queued for each action with a due date.
 */
import { err, ok, type Result } from '../errors.ts';
import { dueNoticeJobKey, dueNoticeMoment, overdueActions } from '../follow-up/overdue.ts';
import { checkActionInput, checkSynthesisText, synthesisTarget } from '../follow-up/validate-follow-up.ts';
import { t } from '../i18n/catalogue.ts';
import type { Actor, Committee, FollowUpAction, Locale, Round, SynthesisRevision } from '../model.ts';
import { formatOfficialDay, localDateOf } from '../time.ts';
import { actorLabel, type AppContext } from './app-context.ts';
import type { ActionDraft, Named, StaffCommand, StaffReply, SynthesisDraft } from './inbound.ts';

/** A stored round that is not cancelled, with its committee. */
async function roundOf(ctx: AppContext, roundId: string): Promise<Result<{ round: Round; committee: Committee }>> {
  const found = await ctx.round(roundId);
  if (!found.ok) return found;
  const round = found.value;
  if (round.status === 'cancelled') return err('ROUND.CANCELLED', { roundId, roundTitle: round.title });
  return ok({ round, committee: ctx.committee(round.committeeId) });
}

function named(round: Round): Named {
  return { roundId: round.id, roundTitle: round.title };
}

/** `질문 1.2` / `안건 1`. */
function targetLabel(locale: Locale, kind: 'question' | 'item', id: string): string {
  return t(locale, kind === 'question' ? 'followUp.target.question' : 'followUp.target.item', { id });
}

/** The round for a chat form, when `actor` is staff of its committee (a refusal is audited). */
async function staffRound(
  ctx: AppContext,
  actor: Actor,
  roundId: string,
): Promise<Result<{ round: Round; committee: Committee }>> {
  const found = await roundOf(ctx, roundId);
  if (!found.ok) return found;
  if (!ctx.isStaffOf(found.value.committee, actor)) {
    await ctx.store.audit({
      at: ctx.now(),
      actor: actorLabel(actor),
      action: 'staff.refused',
      roundId,
      detail: { form: 'follow-up' },
    });
    return err('STAFF.FORBIDDEN');
  }
  return found;
}

/** The latest synthesis of a target (empty text when none), for the chat form; staff only. */
export async function synthesisDraft(
  ctx: AppContext,
  actor: Actor,
  roundId: string,
  targetId: string,
): Promise<Result<SynthesisDraft>> {
  const found = await staffRound(ctx, actor, roundId);
  if (!found.ok) return found;
  const { round, committee } = found.value;
  const target = synthesisTarget(round.agenda, targetId, named(round));
  if (!target.ok) return target;
  const latest = (await ctx.store.listSyntheses(round.id)).find((s) => s.targetId === target.value.id);
  return ok({
    ...named(round),
    targetId: target.value.id,
    target: targetLabel(committee.locale, target.value.kind, target.value.id),
    locale: committee.locale,
    text: latest?.text ?? '',
  });
}

/** `synthesis ROUND TARGET [TEXT]`: writes the next revision, or shows the latest. */
export async function runSynthesis(ctx: AppContext, command: StaffCommand, actor: string): Promise<Result<StaffReply>> {
  const found = await roundOf(ctx, command.roundId ?? '');
  if (!found.ok) return found;
  const { round, committee } = found.value;
  const locale = committee.locale;
  const target = synthesisTarget(round.agenda, command.target ?? '', named(round));
  if (!target.ok) return target;
  const label = targetLabel(locale, target.value.kind, target.value.id);
  if (command.text === undefined) {
    const latest = (await ctx.store.listSyntheses(round.id)).find((s) => s.targetId === target.value.id);
    if (!latest)
      return ok({ text: t(locale, 'followUp.synthesis.none', { ...named(round), target: label }), ephemeral: true });
    return ok({ text: synthesisText(ctx, committee, round, label, latest), ephemeral: true });
  }
  const text = checkSynthesisText(command.text);
  if (!text.ok) return text;
  const at = ctx.now();
  const saved = await ctx.store.saveSynthesis({
    roundId: round.id,
    targetId: target.value.id,
    text: text.value,
    author: actor,
    writtenAt: at,
  });
  await ctx.store.audit({
    at,
    actor,
    action: 'synthesis.write',
    roundId: round.id,
    detail: { targetId: saved.targetId, revision: saved.revision, length: [...saved.text].length },
  });
  return ok({
    text: t(locale, 'followUp.synthesis.saved', { ...named(round), target: label, revision: saved.revision }),
    ephemeral: true,
  });
}

function synthesisText(
  ctx: AppContext,
  committee: Committee,
  round: Round,
  label: string,
  latest: SynthesisRevision,
): string {
  const header = t(committee.locale, 'followUp.synthesis.header', {
    ...named(round),
    target: label,
    revision: latest.revision,
    author: latest.author,
    at: ctx.when(latest.writtenAt, committee.timeZone, committee.locale),
  });
  return `${header}\n\n${latest.text}`;
}

/** An action's facts after its text: department, due date, questions (those it has). */
export function actionDetails(action: FollowUpAction, locale: Locale): string[] {
  return [
    ...(action.department ? [t(locale, 'followUp.action.department', { department: action.department })] : []),
    ...(action.dueDate ? [t(locale, 'followUp.action.due', { due: formatOfficialDay(action.dueDate, locale) })] : []),
    ...(action.questionIds.length > 0
      ? [t(locale, 'followUp.action.questions', { ids: action.questionIds.join(', ') })]
      : []),
  ];
}

/** `3. [추진 중] 추진계획 반영` and its details, indented. */
function actionLines(action: FollowUpAction, locale: Locale): string[] {
  const status = t(locale, `followUp.status.${action.status}`);
  return [
    t(locale, 'followUp.action.line', { number: action.number, status, text: action.text }),
    ...actionDetails(action, locale).map((line) => `   ${line}`),
  ];
}

/** Queues the staff notice of an action's due date (a new due date is a new notice). */
async function queueDueNotice(ctx: AppContext, committee: Committee, action: FollowUpAction): Promise<void> {
  if (action.status !== 'open' || !action.dueDate) return;
  await ctx.store.enqueueJobs([
    {
      key: dueNoticeJobKey(action.roundId, action.number, action.dueDate),
      kind: 'action_due',
      roundId: action.roundId,
      dueAt: dueNoticeMoment(action.dueDate, committee.timeZone, ctx.calendarOf(committee)),
      payload: { number: action.number, dueDate: action.dueDate },
    },
  ]);
  ctx.workDue();
}

const STATUS_OF: Record<'done' | 'drop' | 'reopen', FollowUpAction['status']> = {
  done: 'done',
  drop: 'dropped',
  reopen: 'open',
};

/** The action of a round by number, or ACTION.NOT_FOUND. */
async function existingAction(ctx: AppContext, round: Round, number: number): Promise<Result<FollowUpAction>> {
  const action = (await ctx.store.listActions(round.id)).find((a) => a.number === number);
  return action ? ok(action) : err('ACTION.NOT_FOUND', { ...named(round), number });
}

/** The action a chat form edits (none for a new one), to prefill it; staff only. */
export async function actionDraft(
  ctx: AppContext,
  actor: Actor,
  roundId: string,
  number?: number,
): Promise<Result<ActionDraft>> {
  const found = await staffRound(ctx, actor, roundId);
  if (!found.ok) return found;
  const { round, committee } = found.value;
  if (number === undefined) return ok({ locale: committee.locale, ...named(round) });
  const action = await existingAction(ctx, round, number);
  return action.ok ? ok({ action: action.value, locale: committee.locale, ...named(round) }) : action;
}

/** `action ROUND [list|add|edit N|done N|drop N|reopen N]`. */
export async function runAction(ctx: AppContext, command: StaffCommand, actor: string): Promise<Result<StaffReply>> {
  const found = await roundOf(ctx, command.roundId ?? '');
  if (!found.ok) return found;
  const { round, committee } = found.value;
  const locale = committee.locale;
  const op = command.actionOp ?? 'list';
  if (op === 'list') {
    const actions = await ctx.store.listActions(round.id);
    if (actions.length === 0) return ok({ text: t(locale, 'followUp.action.none', named(round)), ephemeral: true });
    const lines = [
      t(locale, 'followUp.action.listHeader', named(round)),
      ...actions.flatMap((a) => actionLines(a, locale)),
    ];
    return ok({ text: lines.join('\n'), ephemeral: true });
  }
  const input = op === 'add' || op === 'edit' ? (command.actionInput ?? {}) : { status: STATUS_OF[op] };
  const patch = checkActionInput(round.agenda, input, op === 'add', named(round));
  if (!patch.ok) return patch;
  const at = ctx.now();
  if (op === 'add') {
    const added = await ctx.store.addAction({
      roundId: round.id,
      text: patch.value.text ?? '',
      ...(patch.value.department ? { department: patch.value.department } : {}),
      ...(patch.value.dueDate ? { dueDate: patch.value.dueDate } : {}),
      status: 'open',
      questionIds: patch.value.questionIds ?? [],
      createdAt: at,
      createdBy: actor,
    });
    await ctx.store.audit({ at, actor, action: 'action.add', roundId: round.id, detail: { ...added } });
    await queueDueNotice(ctx, committee, added);
    const text = [t(locale, 'followUp.action.added', { number: added.number }), ...actionLines(added, locale)];
    return ok({ text: text.join('\n'), ephemeral: true });
  }
  const before = await existingAction(ctx, round, command.actionNumber ?? 0);
  if (!before.ok) return before;
  const after = await ctx.store.updateAction(round.id, before.value.number, patch.value, actor, at);
  if (!after) return err('ACTION.NOT_FOUND', { ...named(round), number: before.value.number });
  const changes = Object.fromEntries(
    Object.keys(patch.value).map((field) => {
      const key = field as keyof FollowUpAction;
      return [field, { from: before.value[key] ?? null, to: after[key] ?? null }];
    }),
  );
  await ctx.store.audit({
    at,
    actor,
    action: 'action.edit',
    roundId: round.id,
    detail: { number: after.number, changes },
  });
  await queueDueNotice(ctx, committee, after);
  const text = [t(locale, 'followUp.action.edited', { number: after.number }), ...actionLines(after, locale)];
  return ok({ text: text.join('\n'), ephemeral: true });
}

/**
 * The overdue actions `status` shows: of one round, or of every round when
 * none is named, of the committees `mayRead` allows (staff of one committee
 * do not see another's actions); each judged on its committee's date. Empty
 * when none.
 */
export async function overdueLines(
  ctx: AppContext,
  mayRead: (committee: Committee) => boolean,
  roundId?: string,
): Promise<{ locale: Locale; lines: string[] }> {
  const actions = await ctx.store.listActions(roundId);
  const now = ctx.now();
  const overdue: Array<{ action: FollowUpAction; round: Round; committee: Committee }> = [];
  const rounds = new Map<string, Round | null>();
  for (const action of actions) {
    if (!rounds.has(action.roundId)) rounds.set(action.roundId, await ctx.store.getRound(action.roundId));
    const round = rounds.get(action.roundId);
    const committee = round ? ctx.committees.get(round.committeeId) : undefined;
    if (!round || !committee || !mayRead(committee)) continue;
    if (overdueActions([action], localDateOf(now, committee.timeZone)).length > 0)
      overdue.push({ action, round, committee });
  }
  const locale = overdue[0]?.committee.locale ?? ctx.defaultLocale();
  if (overdue.length === 0) return { locale, lines: [] };
  overdue.sort((a, b) => (a.action.dueDate ?? '').localeCompare(b.action.dueDate ?? ''));
  return {
    locale,
    lines: [
      t(locale, 'followUp.overdue.header', { count: overdue.length }),
      ...overdue.map(({ action, round }) =>
        t(locale, 'followUp.overdue.line', {
          roundTitle: round.title,
          number: action.number,
          text: action.text,
          due: formatOfficialDay(action.dueDate ?? '', locale),
          department: action.department
            ? t(locale, 'followUp.overdue.department', { department: action.department })
            : '',
        }),
      ),
    ],
  };
}
