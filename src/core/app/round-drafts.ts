/**
 * Rounds staff write in chat or import from a file (issue 12): stored as
 * drafts in the database, so no file on the server changes and no restart
 * is needed; `open` then works on them like on a round file's definition.
 * Only staff of the round's committee may save one; every save is audited
 * with what it was before.
 */
import { err, ok, type Result } from '../errors.ts';
import { t } from '../i18n/catalogue.ts';
import type { RoundDefinition, RoundDraftSource } from '../model.ts';
import type { AppContext } from './app-context.ts';

/** Who saves a draft: the operator at the command line, or a staff user (as `platform:userId`) already checked. */
export interface DraftAuthor {
  readonly label: string;
  /** False when the user is not staff of the draft's committee (the operator always is). */
  readonly mayEdit: (committeeId: string) => boolean;
}

function questionCount(definition: RoundDefinition): number {
  return definition.agenda.reduce((n, item) => n + item.questions.length, 0);
}

/** What an audit keeps of a definition: enough to see what changed, without the whole text twice. */
function auditShape(definition: RoundDefinition): Record<string, unknown> {
  return {
    title: definition.title,
    window: definition.window,
    items: definition.agenda.length,
    questions: questionCount(definition),
    prompts: definition.agenda.flatMap((item) => item.questions.map((q) => q.prompt)),
  };
}

/**
 * Stores `definition` as a draft, or replaces the draft with its id. Refused
 * when the committee is unknown, when the author is not its staff, or when a
 * round with that id has been opened. Returns the reply text.
 */
export async function saveRoundDraft(
  ctx: AppContext,
  author: DraftAuthor,
  definition: RoundDefinition,
  source: RoundDraftSource,
): Promise<Result<{ created: boolean; text: string }>> {
  const committee = ctx.committees.get(definition.committeeId);
  if (!committee) return err('DRAFT.UNKNOWN_COMMITTEE', { committeeId: definition.committeeId });
  if (!author.mayEdit(committee.id)) {
    await ctx.store.audit({
      at: ctx.now(),
      actor: author.label,
      action: 'staff.refused',
      roundId: definition.id,
      detail: { verb: 'draft' },
    });
    return err('STAFF.FORBIDDEN');
  }
  if (await ctx.store.getRound(definition.id)) {
    return err('DRAFT.ROUND_EXISTS', { roundId: definition.id, roundTitle: definition.title });
  }
  const before = await ctx.store.getRoundDraft(definition.id);
  const at = ctx.now();
  await ctx.store.saveRoundDraft({ definition, source, by: author.label, at });
  await ctx.store.audit({
    at,
    actor: author.label,
    action: before ? 'round.draft.replaced' : 'round.draft.created',
    roundId: definition.id,
    detail: { source, ...(before ? { before: auditShape(before.definition) } : {}), after: auditShape(definition) },
  });
  await ctx.refreshDrafts();
  const params = {
    title: definition.title,
    items: definition.agenda.length,
    questions: questionCount(definition),
    roundId: definition.id,
  };
  const lines = [t(committee.locale, before ? 'authoring.draft.replaced' : 'authoring.draft.created', params)];
  if (ctx.draftConflicts().includes(definition.id)) {
    lines.push(t(committee.locale, 'authoring.draft.file-conflict', { roundId: definition.id }));
  }
  return ok({ created: before === null, text: lines.join('\n') });
}
