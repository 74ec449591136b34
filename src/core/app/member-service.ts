/**
 * What members do: read the questionnaire, save drafts, submit, edit,
 * decline, reply in plain text. Everything is stored before the caller
 * acknowledges; DMs that follow (receipts) go through the job queue.
 */
import { normaliseAnswer, submitProblem } from '../answers/validate-answer.ts';
import { domainError, err, ok, type DomainError, type Result } from '../errors.ts';
import { describeError, t } from '../i18n/catalogue.ts';
import type { Actor, Committee, Invitation, Locale, Member, Question, Round } from '../model.ts';
import type { QuestionnaireView } from '../ports/messenger.ts';
import type { AnswerWrite } from '../ports/store.ts';
import { answerWindow } from '../rounds/lifecycle.ts';
import { actorLabel, type AppContext } from './app-context.ts';
import type { AnswerInput, MemberApi, ReplyReport, SaveReport, SubmitReport } from './inbound.ts';
import { titled } from './titled.ts';
import { materialViews } from './materials.ts';
import { questionnaireView } from './views.ts';

/** A member's place in one round, resolved and checked. */
interface Participation {
  committee: Committee;
  member: Member;
  round: Round;
  invitation: Invitation;
  locale: Locale;
}

export class MemberService implements MemberApi {
  constructor(private readonly ctx: AppContext) {}

  async localeOf(actor: Actor): Promise<Locale> {
    const [ref] = this.ctx.membersOf(actor);
    return ref ? this.ctx.localeOfMember(ref.committee, ref.member) : 'ko';
  }

  async openRounds(actor: Actor): Promise<Result<Array<{ roundId: string; title: string; closesAtLocal: string }>>> {
    const refs = this.ctx.membersOf(actor);
    if (refs.length === 0) return err('MEMBER.UNKNOWN');
    const out: Array<{ roundId: string; title: string; closesAtLocal: string }> = [];
    for (const { committee, member } of refs) {
      for (const inv of await this.ctx.store.listInvitationsOfMember(member.id)) {
        const round = await this.ctx.store.getRound(inv.roundId);
        if (!round || round.committeeId !== committee.id || round.status !== 'open' || inv.removedAt) continue;
        const zone = this.ctx.zoneOfMember(committee, member);
        out.push({
          roundId: round.id,
          title: round.title,
          closesAtLocal: this.ctx.when(round.closesAt, zone, this.ctx.localeOfMember(committee, member)),
        });
      }
    }
    return ok(out);
  }

  /** Resolves actor and round to a participation, or the reason there is none. */
  async #participation(actor: Actor, roundId: string): Promise<Result<Participation>> {
    const refs = this.ctx.membersOf(actor);
    if (refs.length === 0) return err('MEMBER.UNKNOWN');
    const found = await this.ctx.round(roundId);
    if (!found.ok) return found;
    const round = found.value;
    const ref = refs.find((r) => r.committee.id === round.committeeId);
    if (!ref) return err('MEMBER.NOT_IN_ROUND', { roundId, roundTitle: round.title });
    const invitation = await this.ctx.store.getInvitation(roundId, ref.member.id);
    if (!invitation) return err('MEMBER.NOT_IN_ROUND', { roundId, roundTitle: round.title });
    if (invitation.removedAt) return err('MEMBER.REMOVED', { roundId, roundTitle: round.title });
    return ok({ ...ref, round, invitation, locale: this.ctx.localeOfMember(ref.committee, ref.member) });
  }

  #window(p: Participation): Result<{ late: boolean }> {
    const zone = this.ctx.zoneOfMember(p.committee, p.member);
    // Members read the round's title, never its id.
    return titled(
      answerWindow(p.round, this.ctx.now(), () => this.ctx.when(p.round.closesAt, zone, p.locale)),
      p.round,
    );
  }

  async questionnaire(actor: Actor, roundId: string): Promise<Result<QuestionnaireView>> {
    const p = await this.#participation(actor, roundId);
    if (!p.ok) return p;
    const window = this.#window(p.value);
    if (!window.ok) return window;
    const answers = await this.ctx.store.listAnswers(roundId, p.value.member.id);
    const { committee, member, round, invitation } = p.value;
    const messenger = this.ctx.messengers.get(actor.platform);
    const materials = messenger ? materialViews(this.ctx, round, messenger) : [];
    return ok(questionnaireView(this.ctx, committee, member, round, invitation, answers, materials));
  }

  /**
   * Normalises and stores what can be stored. Over-long text is stored and
   * reported; shape errors (unknown option, out of range) are reported and
   * not stored.
   */
  async #store(p: Participation, inputs: AnswerInput[]): Promise<Result<{ saved: string[]; problems: DomainError[] }>> {
    const questions = new Map<string, Question>(
      p.round.agenda.flatMap((i) => i.questions.map((q) => [q.id, q] as const)),
    );
    const writes: AnswerWrite[] = [];
    const problems: DomainError[] = [];
    for (const input of inputs) {
      const question = questions.get(input.questionId);
      if (!question) {
        problems.push(domainError('ANSWER.UNKNOWN_QUESTION', { questionId: input.questionId }));
        continue;
      }
      const value = normaliseAnswer(question, input.value);
      if (!value.ok) {
        problems.push(value.error);
        continue;
      }
      writes.push({ questionId: question.id, value: value.value });
      const problem = submitProblem(question, value.value);
      if (problem && problem.code === 'ANSWER.TOO_LONG') problems.push(problem);
    }
    if (writes.length === 0 && problems.length > 0) return { ok: false, error: problems[0] as DomainError };
    const now = this.ctx.now();
    if (writes.length > 0) {
      await this.ctx.store.saveAnswers(p.round.id, p.member.id, writes, now);
      if (p.invitation.declinedAt) {
        // Answering after declining means taking part after all.
        await this.ctx.store.updateInvitation(p.round.id, p.member.id, {
          declinedAt: undefined,
          declineReason: undefined,
        });
      }
    }
    return ok({ saved: writes.map((w) => w.questionId), problems });
  }

  #report(p: Participation, saved: string[], problems: DomainError[]): SaveReport {
    const message =
      saved.length === 0
        ? t(p.locale, 'saved.nothing')
        : [
            t(p.locale, 'saved.draft', { questions: saved.join(', ') }),
            ...problems.map((e) => describeError(e, p.locale)),
          ].join('\n');
    return {
      roundId: p.round.id,
      saved,
      problems: problems.map((e) => ({
        questionId: String(e.params.questionId ?? ''),
        code: e.code,
        message: describeError(e, p.locale),
      })),
      message,
    };
  }

  async saveDraft(actor: Actor, roundId: string, answers: AnswerInput[]): Promise<Result<SaveReport>> {
    const p = await this.#participation(actor, roundId);
    if (!p.ok) return p;
    const window = this.#window(p.value);
    if (!window.ok) return window;
    const stored = await this.#store(p.value, answers);
    if (!stored.ok) return stored;
    return ok(this.#report(p.value, stored.value.saved, stored.value.problems));
  }

  async submit(actor: Actor, roundId: string, answers: AnswerInput[] = []): Promise<Result<SubmitReport>> {
    const found = await this.#participation(actor, roundId);
    if (!found.ok) return found;
    const p = found.value;
    const window = this.#window(p);
    if (!window.ok) return window;
    if (p.invitation.submittedAt && answers.length === 0) {
      return err('ANSWER.ALREADY_SUBMITTED', {
        submittedAt: this.ctx.when(p.invitation.submittedAt, this.ctx.zoneOfMember(p.committee, p.member), p.locale),
      });
    }
    if (answers.length > 0) {
      const stored = await this.#store(p, answers);
      if (!stored.ok) return stored;
      const shapeProblem = stored.value.problems.find((e) => e.code !== 'ANSWER.TOO_LONG');
      if (shapeProblem) return { ok: false, error: shapeProblem };
    }
    const current = await this.ctx.store.listAnswers(roundId, p.member.id);
    const byQuestion = new Map(current.map((a) => [a.questionId, a.value]));
    const blocking = p.round.agenda
      .flatMap((i) => i.questions)
      .map((q) => submitProblem(q, byQuestion.get(q.id)))
      .filter((e): e is DomainError => e !== null);
    const tooLong = blocking.find((e) => e.code === 'ANSWER.TOO_LONG');
    if (tooLong) return { ok: false, error: tooLong };
    if (blocking.length > 0) {
      const questions = blocking.map((e) => e.params.questionId).join(', ');
      return err('ANSWER.MISSING', { questions });
    }
    const now = this.ctx.now();
    const late = window.value.late;
    // An edit after submitting keeps the first submission time; answers keep revisions.
    const submittedAt = p.invitation.submittedAt ?? now;
    if (!p.invitation.submittedAt) await this.ctx.store.markSubmitted(roundId, p.member.id, now, late);
    await this.ctx.store.audit({
      at: now,
      actor: actorLabel(actor),
      action: p.invitation.submittedAt ? 'answer.edit' : 'answer.submit',
      roundId,
      memberId: p.member.id,
      detail: { late },
    });
    const revisions = current.reduce((n, a) => n + a.revision, 0);
    await this.ctx.store.enqueueJobs([
      {
        key: `receipt:${roundId}:${p.member.id}:${revisions}`,
        kind: 'receipt',
        roundId,
        memberId: p.member.id,
        dueAt: now,
        payload: { submittedAt: submittedAt.toISOString() },
      },
    ]);
    this.ctx.workDue();
    return ok({ roundId, late, message: t(p.locale, late ? 'saved.submittedLate' : 'saved.submitted') });
  }

  async decline(actor: Actor, roundId: string, reason: string): Promise<Result<{ message: string }>> {
    const found = await this.#participation(actor, roundId);
    if (!found.ok) return found;
    const p = found.value;
    const window = this.#window(p);
    if (!window.ok) return window;
    const trimmed = reason.trim();
    if (trimmed === '') return err('DECLINE.REASON_REQUIRED');
    if (p.invitation.submittedAt) {
      return err('ANSWER.ALREADY_SUBMITTED', {
        submittedAt: this.ctx.when(p.invitation.submittedAt, this.ctx.zoneOfMember(p.committee, p.member), p.locale),
      });
    }
    const now = this.ctx.now();
    await this.ctx.store.updateInvitation(roundId, p.member.id, {
      declinedAt: now,
      declineReason: trimmed.slice(0, 1000),
    });
    await this.ctx.store.audit({
      at: now,
      actor: actorLabel(actor),
      action: 'answer.decline',
      roundId,
      memberId: p.member.id,
    });
    return ok({ message: t(p.locale, 'saved.declined', { reason: trimmed.slice(0, 1000) }) });
  }

  async markAsked(actor: Actor, roundId: string, questionId: string): Promise<Result<void>> {
    const p = await this.#participation(actor, roundId);
    if (!p.ok) return p;
    if (!p.value.round.agenda.some((i) => i.questions.some((q) => q.id === questionId))) {
      return err('ANSWER.UNKNOWN_QUESTION', { questionId });
    }
    await this.ctx.store.updateInvitation(roundId, p.value.member.id, { lastAskedQuestionId: questionId });
    return ok(undefined);
  }

  async reply(actor: Actor, text: string): Promise<Result<ReplyReport>> {
    const refs = this.ctx.membersOf(actor);
    if (refs.length === 0) return err('MEMBER.UNKNOWN');
    // The round the bot asked about most recently wins; only open rounds qualify.
    let target: { round: Round; questionId: string; locale: Locale } | undefined;
    let newest = -1;
    for (const { committee, member } of refs) {
      for (const inv of await this.ctx.store.listInvitationsOfMember(member.id)) {
        if (!inv.lastAskedQuestionId || inv.removedAt) continue;
        const round = await this.ctx.store.getRound(inv.roundId);
        if (!round || round.committeeId !== committee.id || round.status !== 'open') continue;
        const stamp = round.openedAt?.getTime() ?? 0;
        if (stamp > newest) {
          newest = stamp;
          target = { round, questionId: inv.lastAskedQuestionId, locale: this.ctx.localeOfMember(committee, member) };
        }
      }
    }
    if (!target) return err('ANSWER.NO_QUESTION_ASKED');
    const { round, questionId, locale } = target;
    const saved = await this.saveDraft(actor, round.id, [{ questionId, value: text }]);
    if (!saved.ok) return saved;
    const question = round.agenda.flatMap((i) => i.questions).find((q) => q.id === questionId);
    const lines = [
      t(locale, 'saved.reply', { questionId, prompt: question?.prompt ?? '', length: text.length }),
      ...saved.value.problems.map((x) => x.message),
    ];
    return ok({ roundId: round.id, questionId, message: lines.join('\n') });
  }
}
