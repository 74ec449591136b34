/**
 * `/jamun preview ROUND` (issue 12): the staff member receives by DM
 * exactly the invitation members will get, after a notice that marks it as
 * a preview. Its buttons carry the preview round id (`preview:<id>`); the
 * member calls with that id answer from the draft as it is now and store
 * nothing, so staff can walk through the real questionnaire.
 */
import { normaliseAnswer } from '../answers/validate-answer.ts';
import { domainError, err, ok, type DomainError, type Result } from '../errors.ts';
import { describeError, t } from '../i18n/catalogue.ts';
import type { Actor, Committee, Invitation, Member, Round } from '../model.ts';
import type { MemberAddress, QuestionnaireView } from '../ports/messenger.ts';
import { actorLabel, type AppContext } from './app-context.ts';
import { type Authored, type AuthoringRefusal, previewedRound, previewRoundId } from './authoring-api.ts';
import { failureText } from './failure-text.ts';
import type { AnswerInput, SaveReport, SubmitReport } from './inbound.ts';
import { materialViews, readAttachedFiles } from './materials.ts';
import { editable, refusal } from './round-authoring.ts';
import { roundFromDefinition } from './schedule-round.ts';
import { invitationView, questionnaireView } from './views.ts';

/** The staff member as the member a preview is addressed to (never stored). */
function previewMember(actor: Actor): Member {
  return {
    id: `preview:${actorLabel(actor)}`,
    name: actor.displayName ?? actor.userId,
    platforms: { [actor.platform]: actor.userId },
    active: true,
  };
}

interface Previewed {
  committee: Committee;
  round: Round;
  member: Member;
}

/** The draft as the round it will be, or the refusal (audited when the actor is not staff). */
async function previewed(
  ctx: AppContext,
  actor: Actor,
  roundId: string,
): Promise<({ ok: true } & Previewed) | AuthoringRefusal> {
  const found = await editable(ctx, actor, roundId, 'preview');
  if (!found.ok) return found;
  const round = roundFromDefinition(found.definition, found.committee);
  if (!round.ok) return refusal(found.committee.locale, round.error);
  return { ok: true, committee: found.committee, round: round.value, member: previewMember(actor) };
}

export async function previewRound(
  ctx: AppContext,
  actor: Actor,
  roundId: string,
): Promise<Authored<{ text: string }>> {
  const found = await previewed(ctx, actor, roundId);
  if (!found.ok) return found;
  const { committee, round, member } = found;
  const locale = committee.locale;
  const messenger = ctx.messengers.get(actor.platform);
  if (!messenger) {
    return { ok: false, locale, problems: [], text: t(locale, 'authoring.preview.failed', { reason: actor.platform }) };
  }
  const address: MemberAddress = {
    memberId: member.id,
    userId: actor.userId,
    name: member.name,
    locale,
    timeZone: committee.timeZone,
  };
  const materials = materialViews(ctx, round, messenger);
  const { files } = await readAttachedFiles(ctx, round, materials);
  const view = { ...invitationView(ctx, committee, member, round, materials), roundId: previewRoundId(roundId) };
  const now = ctx.now();
  // A key per request: each preview is sent anew, never deduplicated against an earlier one.
  const key = `preview:${roundId}:${actorLabel(actor)}:${now.getTime()}`;
  const notice = t(locale, 'authoring.preview.notice', { title: round.title });
  const first = await messenger.sendToMember(address, { kind: 'notice', locale, text: notice }, `${key}:notice`);
  const sent = first.ok
    ? await messenger.sendToMember(
        address,
        { kind: 'invitation', locale, view, ...(files.length ? { files } : {}) },
        key,
      )
    : first;
  await ctx.store.audit({
    at: now,
    actor: actorLabel(actor),
    action: 'round.preview',
    roundId,
    detail: { sent: sent.ok },
  });
  if (!sent.ok) {
    const reason = failureText(sent.reason, locale);
    return { ok: false, locale, problems: [], text: t(locale, 'authoring.preview.failed', { reason }) };
  }
  return { ok: true, locale, text: t(locale, 'authoring.preview.sent', { title: round.title }) };
}

/** The member calls on a preview round id: the draft's questionnaire, answers checked and never stored. */
export class PreviewAnswers {
  constructor(private readonly ctx: AppContext) {}

  async #found(actor: Actor, previewId: string): Promise<Result<Previewed>> {
    const roundId = previewedRound(previewId) ?? previewId;
    const found = await previewed(this.ctx, actor, roundId);
    if (!found.ok) return { ok: false, error: found.error ?? domainError('ROUND.NOT_FOUND', { roundId }) };
    return ok(found);
  }

  async questionnaire(actor: Actor, previewId: string): Promise<Result<QuestionnaireView>> {
    const found = await this.#found(actor, previewId);
    if (!found.ok) return found;
    const { committee, member, round } = found.value;
    const invitation: Invitation = { roundId: round.id, memberId: member.id, deliveryState: 'delivered', late: false };
    return ok({ ...questionnaireView(this.ctx, committee, member, round, invitation, []), roundId: previewId });
  }

  async saveDraft(actor: Actor, previewId: string, answers: AnswerInput[]): Promise<Result<SaveReport>> {
    const found = await this.#found(actor, previewId);
    if (!found.ok) return found;
    const { committee, round } = found.value;
    const locale = committee.locale;
    const questions = new Map(round.agenda.flatMap((i) => i.questions.map((q) => [q.id, q] as const)));
    const problems: DomainError[] = [];
    for (const input of answers) {
      const question = questions.get(input.questionId);
      const value = question
        ? normaliseAnswer(question, input.value)
        : err('ANSWER.UNKNOWN_QUESTION', { questionId: input.questionId });
      if (!value.ok) problems.push(value.error);
    }
    return ok({
      roundId: previewId,
      saved: [],
      problems: problems.map((e) => ({
        questionId: String(e.params.questionId ?? ''),
        code: e.code,
        message: describeError(e, locale),
      })),
      message: [t(locale, 'authoring.preview.not-stored'), ...problems.map((e) => describeError(e, locale))].join('\n'),
    });
  }

  async submit(actor: Actor, previewId: string, answers: AnswerInput[] = []): Promise<Result<SubmitReport>> {
    const saved = await this.saveDraft(actor, previewId, answers);
    if (!saved.ok) return saved;
    return ok({ roundId: previewId, late: false, message: saved.value.message });
  }

  async decline(actor: Actor, previewId: string): Promise<Result<{ message: string }>> {
    const found = await this.#found(actor, previewId);
    if (!found.ok) return found;
    return ok({ message: t(found.value.committee.locale, 'authoring.preview.not-stored') });
  }

  async markAsked(actor: Actor, previewId: string): Promise<Result<void>> {
    const found = await this.#found(actor, previewId);
    return found.ok ? ok(undefined) : found;
  }
}
