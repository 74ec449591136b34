/**
 * The questionnaire modal's events. "Next" and "Submit" are the view's
 * submission: the answers of the page are stored by the core first, then the
 * acknowledgement goes out — the next page (pushed), `clear` after a
 * successful submit, or `errors` with the catalogue text under each input.
 * "Save draft" is a button inside the view: it stores, acknowledges, then
 * redraws the view with the confirmation.
 */
import type { App, BlockAction, ButtonAction, ViewOutput } from '@slack/bolt';
import { describeError } from '../../core/i18n/catalogue.ts';
import type { Result } from '../../core/errors.ts';
import type { Actor } from '../../core/model.ts';
import type { QuestionnaireView } from '../../core/ports/messenger.ts';
import { type HandlerDeps, slackActor } from './handler-deps.ts';
import { tellError } from './handlers-member.ts';
import {
  changedAnswers,
  errorBlockFor,
  type InputState,
  type Page,
  planPages,
  questionnaireModal,
  questionToAsk,
  readAnswers,
} from './questionnaire-modal.ts';
import { ACTION_SAVE_DRAFT, parseQuestionnaireMeta, VIEW_QUESTIONNAIRE } from './slack-ids.ts';

/** Slack keeps at most three views stacked; later pages replace the top one. */
const MAX_STACK = 3;

type Values = Record<string, Record<string, InputState>>;

interface Loaded {
  actor: Actor;
  roundId: string;
  pageIndex: number;
  view: QuestionnaireView;
  page: Page;
  pages: number;
}

async function load(deps: HandlerDeps, userId: string, rawMeta: string): Promise<Result<Loaded> | null> {
  const meta = parseQuestionnaireMeta(rawMeta);
  if (!meta) return null;
  const actor = slackActor(userId);
  const view = await deps.api().questionnaire(actor, meta.roundId);
  if (!view.ok) return view;
  const pages = planPages(view.value);
  const page = pages[meta.page];
  if (!page) return null;
  return {
    ok: true,
    value: { actor, roundId: meta.roundId, pageIndex: meta.page, view: view.value, page, pages: pages.length },
  };
}

/** The `errors` map: each message under the input of its question (others under the first input). */
function errorsFor(page: Page, problems: Array<{ questionId?: string; message: string }>): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const problem of problems) {
    const block = errorBlockFor(page, problem.questionId);
    if (block) errors[block] = errors[block] ? `${errors[block]}\n${problem.message}` : problem.message;
  }
  return errors;
}

function firstInputBlock(view: ViewOutput): string | undefined {
  return Object.keys(view.state.values)[0];
}

/** Registers the questionnaire's submission and "Save draft" handlers on `app`. */
export function registerQuestionnaireHandlers(app: App, deps: HandlerDeps): void {
  app.view(VIEW_QUESTIONNAIRE, async ({ ack, body, view }) => {
    const loaded = await load(deps, body.user.id, view.private_metadata);
    if (loaded === null) {
      await ack();
      return;
    }
    if (!loaded.ok) {
      // Typically ROUND.CLOSED: say so where the member is looking.
      const actor = slackActor(body.user.id);
      const message = describeError(loaded.error, await deps.api().localeOf(actor));
      const block = firstInputBlock(view);
      await ack(block ? { response_action: 'errors', errors: { [block]: message } } : undefined);
      return;
    }
    const { actor, roundId, page, pageIndex, pages } = loaded.value;
    const answers = readAnswers(page.item, view.state.values as Values);
    const locale = loaded.value.view.locale;
    if (pageIndex === pages - 1) {
      const submitted = await deps.api().submit(actor, roundId, answers);
      if (!submitted.ok) {
        const questionId = submitted.error.params.questionId;
        const message = describeError(submitted.error, locale);
        await ack({
          response_action: 'errors',
          errors: errorsFor(page, [{ questionId: questionId === undefined ? undefined : String(questionId), message }]),
        });
        return;
      }
      await ack({ response_action: 'clear' });
      return;
    }
    const saved = await deps.api().saveDraft(actor, roundId, changedAnswers(answers, page.item.drafts));
    if (!saved.ok) {
      const questionId = saved.error.params.questionId;
      await ack({
        response_action: 'errors',
        errors: errorsFor(page, [
          {
            questionId: questionId === undefined ? undefined : String(questionId),
            message: describeError(saved.error, locale),
          },
        ]),
      });
      return;
    }
    const onPage = saved.value.problems.filter((p) => page.questions.some((q) => q.id === p.questionId));
    if (onPage.length > 0) {
      await ack({ response_action: 'errors', errors: errorsFor(page, onPage) });
      return;
    }
    const fresh = await deps.api().questionnaire(actor, roundId);
    if (!fresh.ok) {
      await ack();
      await tellError(deps, actor, fresh.error);
      return;
    }
    const next = questionnaireModal(fresh.value, pageIndex + 1);
    await ack({ response_action: pageIndex + 1 < MAX_STACK ? 'push' : 'update', view: next });
    const asked = questionToAsk(fresh.value, pageIndex + 1);
    if (asked) await deps.api().markAsked(actor, roundId, asked);
  });

  app.action<BlockAction<ButtonAction>>(ACTION_SAVE_DRAFT, async ({ ack, body }) => {
    const view = body.view;
    if (!view) {
      await ack();
      return;
    }
    const loaded = await load(deps, body.user.id, view.private_metadata);
    if (loaded === null || !loaded.ok) {
      await ack();
      if (loaded) await tellError(deps, slackActor(body.user.id), loaded.error);
      return;
    }
    const { actor, roundId, page, pageIndex } = loaded.value;
    const typed = readAnswers(page.item, view.state.values as Values);
    const saved = await deps.api().saveDraft(actor, roundId, changedAnswers(typed, page.item.drafts));
    await ack();
    const notice = saved.ok ? saved.value.message : describeError(saved.error, loaded.value.view.locale);
    const fresh = await deps.api().questionnaire(actor, roundId);
    const redraw = questionnaireModal(fresh.ok ? fresh.value : loaded.value.view, pageIndex, notice);
    try {
      await deps.ui.views.update({ view_id: view.id, view: redraw });
    } catch (error) {
      deps.logger.warn({ roundId, error: String(error) }, 'slack questionnaire could not be redrawn');
      await deps.messenger.sendDmText(actor.userId, notice);
    }
  });
}
