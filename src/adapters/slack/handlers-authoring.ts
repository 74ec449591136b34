/**
 * Preparing a round in Slack (issue 12): `/jamun new`, `edit ROUND`,
 * `import`, `template`, `preview ROUND`, the `open ROUND` confirmation,
 * `drafts` and `drop-draft ROUND`,
 * all through the core's authoring API, which checks that the person is
 * staff of the round's committee and audits refusals.
 *
 * A trigger id lives 3 seconds and opens one view, so the modal opens first
 * (a "loading" view) and the form is drawn into it once the core answered.
 * A submitted form is stored before the acknowledgement; its problems go
 * back in the acknowledgement as `response_action: "errors"` under the input
 * each is about, so nothing typed is lost. A file is fetched from Slack
 * (`files.info`, then `url_private_download` with the bot token) after the
 * acknowledgement, which shows "reading" meanwhile. Everything the core
 * answers goes to the person only: ephemeral replies, their DM, the modal.
 */
import type { App, BlockAction, ButtonAction, RespondFn, types } from '@slack/bolt';
import type { StaffCommand, StaffReply } from '../../core/app/inbound.ts';
import type { Actor, Locale } from '../../core/model.ts';
import { t } from '../../core/i18n/catalogue.ts';
import { attachedFile, formErrors, parseRoundFormMeta, readRoundForm } from './authoring-form-state.ts';
import {
  ACTION_OPEN_CANCEL,
  ACTION_OPEN_CONFIRM,
  importModal,
  noticeModal,
  openConfirmationBlocks,
  roundFormModal,
  VIEW_ROUND_FORM,
  VIEW_ROUND_IMPORT,
} from './blocks-authoring.ts';
import { type HandlerDeps, slackActor } from './handler-deps.ts';
import { plainSections } from './slack-blocks.ts';
import { downloadAttachment } from './slack-download.ts';
import { escapeMrkdwn } from './slack-formatter.ts';

/** The `/jamun` verbs of preparing a round, handled here rather than by `runStaffCommand`. */
const AUTHORING_VERBS = ['new', 'edit', 'import', 'template', 'preview', 'open', 'drafts', 'drop-draft'] as const;
type AuthoringVerb = (typeof AUTHORING_VERBS)[number];

/** Verbs whose one argument is a round id that must be given. */
const NEEDS_ROUND: ReadonlySet<AuthoringVerb> = new Set(['edit', 'preview', 'open', 'drop-draft']);
/** Verbs that take no argument. */
const NO_ARGUMENT: ReadonlySet<AuthoringVerb> = new Set(['template', 'import', 'drafts']);

/** An authoring command typed after `/jamun`. */
export interface AuthoringCommand {
  readonly verb: AuthoringVerb;
  /** The round id (`edit`, `preview`, `open`, `drop-draft`) or the committee id (`new`, optional). */
  readonly arg?: string;
}

/**
 * The authoring command in `text`, or null when it is not one (or lacks its
 * round id: the staff parser then answers with the usage, as for any verb).
 */
export function parseAuthoringCommand(text: string): AuthoringCommand | null {
  const [word = '', arg, ...rest] = text.trim().split(/\s+/);
  const verb = AUTHORING_VERBS.find((v) => v === word.toLowerCase());
  if (!verb || rest.length > 0) return null;
  if (NEEDS_ROUND.has(verb) && arg === undefined) return null;
  if (NO_ARGUMENT.has(verb) && arg !== undefined) return null;
  return arg === undefined ? { verb } : { verb, arg };
}

/** `help` on Slack also lists the authoring verbs, which the core's staff parser does not know. */
export function withAuthoringHelp(reply: StaffReply, command: StaffCommand, locale: Locale): StaffReply {
  if (command.verb !== 'help' || reply.error) return reply;
  return { ...reply, text: `${reply.text}\n\n${t(locale, 'slack.authoring.help')}` };
}

/** What a slash command brings that the authoring verbs use. */
export interface SlashContext {
  readonly userId: string;
  readonly triggerId: string;
  readonly respond: RespondFn;
  readonly locale: Locale;
}

const privately = (respond: RespondFn, text: string, blocks?: types.KnownBlock[]) =>
  respond({
    response_type: 'ephemeral',
    replace_original: false,
    text: escapeMrkdwn(text),
    ...(blocks ? { blocks } : {}),
  });

/** Opens a "loading" modal with the trigger (it expires in 3 s); its view id, or undefined when Slack refused. */
async function openLoading(deps: HandlerDeps, slash: SlashContext): Promise<string | undefined> {
  try {
    const opened = await deps.ui.views.open({
      trigger_id: slash.triggerId,
      view: noticeModal(t(slash.locale, 'slack.authoring.loading'), slash.locale),
    });
    return opened.view?.id;
  } catch (error) {
    deps.logger.warn({ error: String(error) }, 'slack authoring modal could not be opened');
    return undefined;
  }
}

/** Draws `view` into the modal `viewId`; a failure is logged and told to the person. */
async function redraw(deps: HandlerDeps, viewId: string, view: types.ModalView, actor: Actor): Promise<void> {
  try {
    await deps.ui.views.update({ view_id: viewId, view });
  } catch (error) {
    deps.logger.warn({ error: String(error) }, 'slack authoring modal could not be drawn');
    await deps.messenger.sendDmText(actor.userId, t(await deps.api().localeOf(actor), 'slack.command.failed'));
  }
}

/** The import form drawn again under what went wrong; a list too long for the view goes whole to the DM. */
async function importAgain(deps: HandlerDeps, viewId: string, locale: Locale, text: string, actor: Actor) {
  const { view, cut } = importModal(locale, text);
  await redraw(deps, viewId, view, actor);
  if (cut) await deps.messenger.sendDmText(actor.userId, text);
}

/** `/jamun new [COMMITTEE]` and `/jamun edit ROUND`: the round form, blank or prefilled. */
async function openRoundForm(deps: HandlerDeps, slash: SlashContext, command: AuthoringCommand): Promise<void> {
  const viewId = await openLoading(deps, slash);
  if (viewId === undefined) {
    await privately(slash.respond, t(slash.locale, 'slack.command.failed'));
    return;
  }
  const actor = slackActor(slash.userId);
  const editing = command.verb === 'edit';
  const found = editing
    ? await deps.api().formForEdit(actor, command.arg ?? '')
    : await deps.api().blankRoundForm(actor, command.arg);
  const committees = found.ok && !editing ? await deps.api().authoringCommittees(actor) : [];
  await redraw(
    deps,
    viewId,
    found.ok ? roundFormModal(found.view, found.locale, committees, editing) : noticeModal(found.text, found.locale),
    actor,
  );
}

/** `/jamun template`: the questionnaire template files, into the person's DM only. */
async function sendTemplates(deps: HandlerDeps, slash: SlashContext): Promise<void> {
  const files = await deps.api().templateFiles();
  const names = files.map((f) => f.name).join(', ');
  try {
    await deps.messenger.uploadFiles(await deps.messenger.dmChannel(slash.userId), files, names);
    await privately(slash.respond, t(slash.locale, 'slack.authoring.template-sent', { names }));
  } catch (error) {
    const reason = error instanceof Error ? error.message.slice(0, 100) : 'error';
    await privately(slash.respond, t(slash.locale, 'slack.export.failed', { reason }));
  }
}

/** Runs an authoring command typed after `/jamun` (already acknowledged). */
export async function runAuthoringCommand(
  deps: HandlerDeps,
  slash: SlashContext,
  command: AuthoringCommand,
): Promise<void> {
  const actor = slackActor(slash.userId);
  switch (command.verb) {
    case 'new':
    case 'edit':
      return openRoundForm(deps, slash, command);
    case 'import':
      try {
        await deps.ui.views.open({ trigger_id: slash.triggerId, view: importModal(slash.locale).view });
      } catch (error) {
        deps.logger.warn({ error: String(error) }, 'slack import modal could not be opened');
        await privately(slash.respond, t(slash.locale, 'slack.command.failed'));
      }
      return;
    case 'template':
      return sendTemplates(deps, slash);
    case 'preview': {
      const preview = await deps.api().previewRound(actor, command.arg ?? '');
      await privately(slash.respond, preview.text);
      return;
    }
    case 'drafts': {
      const list = await deps.api().listDrafts(actor);
      await privately(slash.respond, list.text);
      return;
    }
    case 'drop-draft': {
      const dropped = await deps.api().deleteDraft(actor, command.arg ?? '');
      await privately(slash.respond, dropped.text);
      return;
    }
    case 'open': {
      const roundId = command.arg ?? '';
      const confirmation = await deps.api().openConfirmation(actor, roundId);
      if (!confirmation.ok) {
        await privately(slash.respond, confirmation.text);
        return;
      }
      await privately(
        slash.respond,
        confirmation.text,
        openConfirmationBlocks(confirmation.text, confirmation.roundId, confirmation.locale),
      );
      return;
    }
  }
}

/** After the import form was answered "reading": fetch the file, hand it to the core, draw what came of it. */
async function readImport(deps: HandlerDeps, viewId: string, fileId: string, actor: Actor, locale: Locale) {
  const downloaded = await downloadAttachment(deps.ui, fileId);
  if (!downloaded.ok) {
    const text = t(locale, 'slack.authoring.file-unreadable', { reason: downloaded.reason });
    await importAgain(deps, viewId, locale, text, actor);
    return;
  }
  const imported = await deps.api().importDraftFile(actor, { name: downloaded.name, bytes: downloaded.bytes });
  if (!imported.ok) {
    await importAgain(deps, viewId, imported.locale, imported.text, actor);
    return;
  }
  if (imported.kind === 'form') {
    const committees = await deps.api().authoringCommittees(actor);
    const form = { ...imported.view, notes: [imported.text, ...imported.view.notes] };
    await redraw(deps, viewId, roundFormModal(form, imported.locale, committees, false), actor);
    return;
  }
  await redraw(deps, viewId, noticeModal(imported.text, imported.locale), actor);
  await deps.messenger.sendDmText(actor.userId, imported.text);
}

/** Registers the round form, the import form and the open confirmation's buttons on `app`. */
export function registerAuthoringHandlers(app: App, deps: HandlerDeps): void {
  app.view(VIEW_ROUND_FORM, async ({ ack, body, view }) => {
    const meta = parseRoundFormMeta(view.private_metadata);
    if (!meta) {
      await ack();
      return;
    }
    const actor = slackActor(body.user.id);
    const values = view.state.values;
    const saved = await deps.api().draftFromForm(actor, readRoundForm(values, meta));
    if (!saved.ok) {
      const problems = saved.problems.length > 0 ? saved.problems : [{ field: 'title' as const, text: saved.text }];
      await ack({ response_action: 'errors', errors: formErrors(problems, values, saved.locale) });
      return;
    }
    await ack({ response_action: 'clear' });
    await deps.messenger.sendDmText(actor.userId, saved.text);
  });

  app.view(VIEW_ROUND_IMPORT, async ({ ack, body, view }) => {
    const actor = slackActor(body.user.id);
    const locale = await deps.api().localeOf(actor);
    const file = attachedFile(view.state.values);
    if (!file) {
      await ack({ response_action: 'errors', errors: { file: t(locale, 'slack.authoring.no-file') } });
      return;
    }
    // Fetching and reading a spreadsheet may take longer than the 3 s Slack waits.
    await ack({ response_action: 'update', view: noticeModal(t(locale, 'slack.authoring.reading'), locale) });
    await readImport(deps, view.id, file.id, actor, locale).catch(async (error: unknown) => {
      deps.logger.error({ error: String(error) }, 'slack import failed');
      await redraw(deps, view.id, noticeModal(t(locale, 'slack.command.failed'), locale), actor);
    });
  });

  app.action<BlockAction<ButtonAction>>(ACTION_OPEN_CONFIRM, async ({ ack, body, action, respond }) => {
    await ack();
    const actor = slackActor(body.user.id);
    const text = await deps
      .api()
      .runStaffCommand(actor, { verb: 'open', roundId: action.value ?? '' })
      .then((reply) => reply.text)
      .catch(async (error: unknown) => {
        deps.logger.error({ error: String(error) }, 'slack open failed');
        return t(await deps.api().localeOf(actor), 'slack.command.failed');
      });
    await respond({ replace_original: true, text: escapeMrkdwn(text), blocks: plainSections(text) });
  });

  app.action<BlockAction<ButtonAction>>(ACTION_OPEN_CANCEL, async ({ ack, body, action, respond }) => {
    await ack();
    const locale = await deps.api().localeOf(slackActor(body.user.id));
    const text = t(locale, 'slack.authoring.open.cancelled', { roundId: action.value ?? '' });
    await respond({ replace_original: true, text: escapeMrkdwn(text), blocks: plainSections(text) });
  });
}
