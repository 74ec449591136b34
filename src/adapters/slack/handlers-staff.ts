/**
 * The `/jamun` slash command. The text is parsed by the core parser and run
 * by the core, which refuses (and audits) anyone who is not staff; the reply
 * goes back through the command's response_url, ephemeral when the core
 * says so, with a progress bar for `status`. Files (`export`, a summary that
 * could not be posted) hold names and answers: they go to the requester's DM,
 * never to the channel the command was typed in (Slack has no ephemeral files).
 */
import type { App, RespondFn } from '@slack/bolt';
import type { Locale } from '../../core/model.ts';
import type { OutgoingFile } from '../../core/ports/messenger.ts';
import { parseStaffCommand } from '../../core/app/parse-staff-command.ts';
import { describeError, t } from '../../core/i18n/catalogue.ts';
import { statusBlocks } from './blocks-staff.ts';
import { openFollowUpForm } from './handlers-follow-up.ts';
import { rosterTrailer } from './blocks-roster.ts';
import { type HandlerDeps, slackActor } from './handler-deps.ts';
import { parseAuthoringCommand, runAuthoringCommand, withAuthoringHelp } from './handlers-authoring.ts';
import { packMessages, plainSections, type SlackMessage } from './slack-blocks.ts';
import { escapeMrkdwn } from './slack-formatter.ts';
import { SLACK_INTERACTION } from './slack-limits.ts';
import { st } from './slack-texts.ts';

/** The slash command's name, as in the manifest. */
const SLASH_COMMAND = '/jamun';

/**
 * Messages a reply may take through its response_url. Slack allows 5 uses in
 * 30 minutes; one is kept for the note about files, one for a failure. A
 * longer reply shows its first message there and goes whole to the DM.
 */
const MAX_REPLY_POSTS = SLACK_INTERACTION.responseUrlUses - 2;

/** Registers `/jamun` on `app`. */
export function registerStaffHandlers(app: App, deps: HandlerDeps): void {
  app.command(SLASH_COMMAND, async ({ ack, command, respond }) => {
    // Acknowledge at once: opening or summarising a round may take longer than Slack's 3 s.
    await ack();
    const actor = slackActor(command.user_id, command.user_name);
    const locale = await deps.api().localeOf(actor);
    const authoring = parseAuthoringCommand(command.text ?? '');
    if (authoring) {
      const slash = { userId: command.user_id, triggerId: command.trigger_id, respond, locale };
      await runAuthoringCommand(deps, slash, authoring).catch(async (error: unknown) => {
        deps.logger.error({ verb: authoring.verb, error: String(error) }, 'slack authoring command failed');
        await respond({ response_type: 'ephemeral', text: st(locale, 'slack.command.failed') });
      });
      return;
    }
    const parsed = parseStaffCommand(command.text ?? '');
    if (!parsed.ok) {
      await respond({ response_type: 'ephemeral', text: escapeMrkdwn(describeError(parsed.error, locale)) });
      return;
    }
    try {
      // Synthesis and action forms open a modal (the trigger id lives 3 s): before anything else.
      const form = { actor, command: parsed.value, triggerId: command.trigger_id, respond, locale };
      if (await openFollowUpForm(deps, form)) return;
      // Building a document takes seconds: say so at once, privately (it comes by DM).
      if (parsed.value.verb === 'report' && (await deps.api().isStaff(actor)))
        await respond({
          response_type: 'ephemeral',
          replace_original: false,
          text: escapeMrkdwn(t(locale, 'staff.reportPreparing')),
        });
      const reply = withAuthoringHelp(await deps.api().runStaffCommand(actor, parsed.value), parsed.value, locale);
      // A status reply is drawn from its StatusView; the core's text stays the notification fallback.
      const blocks = reply.status ? statusBlocks(reply.status, locale) : plainSections(reply.text);
      // A roster (`members`) ends with its add and remove buttons.
      const messages = packMessages(blocks, escapeMrkdwn(reply.text), reply.roster ? rosterTrailer(reply.roster) : []);
      const shown = messages.length <= MAX_REPLY_POSTS ? messages : messages.slice(0, 1);
      for (const message of shown) {
        await respond({
          response_type: reply.ephemeral ? 'ephemeral' : 'in_channel',
          replace_original: false,
          text: message.text,
          blocks: message.blocks,
        });
      }
      if (shown.length < messages.length) await sendWholePrivately(deps, command.user_id, messages, respond, locale);
      if (reply.files && reply.files.length > 0)
        await sendFilesPrivately(deps, command.user_id, reply.files, respond, locale);
    } catch (error) {
      const cause = error instanceof Error && error.cause !== undefined ? String(error.cause) : undefined;
      deps.logger.error({ verb: parsed.value.verb, error: String(error), cause }, 'slack staff command failed');
      await respond({ response_type: 'ephemeral', text: st(locale, 'slack.command.failed') });
    }
  });
}

/** Uploads `files` into the DM of `userId` and says so privately where the command was typed. */
async function sendFilesPrivately(
  deps: HandlerDeps,
  userId: string,
  files: OutgoingFile[],
  respond: RespondFn,
  locale: Locale,
): Promise<void> {
  const names = files.map((f) => f.name).join(', ');
  try {
    await deps.messenger.uploadFiles(await deps.messenger.dmChannel(userId), files, names);
    await respond({ response_type: 'ephemeral', text: escapeMrkdwn(st(locale, 'slack.export.sentByDm', { names })) });
  } catch (error) {
    const reason = error instanceof Error ? error.message.slice(0, 100) : 'error';
    await respond({ response_type: 'ephemeral', text: escapeMrkdwn(st(locale, 'slack.export.failed', { reason })) });
  }
}

/** Posts a reply too long for the response_url whole into the DM of `userId`, and says so privately. */
async function sendWholePrivately(
  deps: HandlerDeps,
  userId: string,
  messages: SlackMessage[],
  respond: RespondFn,
  locale: Locale,
): Promise<void> {
  const sent = await deps.messenger.sendDmMessages(userId, messages);
  const text = sent.ok
    ? st(locale, 'slack.reply.sentByDm', { count: messages.length })
    : st(locale, 'slack.reply.dmFailed', { reason: sent.detail ?? sent.reason });
  await respond({ response_type: 'ephemeral', replace_original: false, text: escapeMrkdwn(text) });
}
