/**
 * `/jamun members` on Slack (issue 12): the buttons under the roster open
 * a modal with Slack's `users_select`; its submission goes to the core,
 * which checks the person is staff of the committee, takes what was left
 * blank from the profile (`users.info`), stores and audits. Problems show
 * under the input they concern; the result replaces the modal's content.
 */
import type { App, BlockAction, ButtonAction, ViewOutput } from '@slack/bolt';
import type { DomainError, Result } from '../../core/errors.ts';
import type { RosterChange } from '../../core/app/roster-api.ts';
import { describeError, t } from '../../core/i18n/catalogue.ts';
import { memberModal, parseRosterMeta, type RosterMeta, removeModal, resultView } from './blocks-roster.ts';
import { type HandlerDeps, slackActor } from './handler-deps.ts';
import {
  ACTION_ROSTER_ADD,
  ACTION_ROSTER_REMOVE,
  INPUT_ACTION,
  ROSTER_BLOCK,
  VIEW_ROSTER_MEMBER,
  VIEW_ROSTER_REMOVE,
} from './slack-ids.ts';

type StateValue = { type?: string; value?: string | null; selected_user?: string | null };

function stateOf(view: ViewOutput, block: string): StateValue | undefined {
  const values = view.state.values as Record<string, Record<string, StateValue>>;
  return values[block]?.[INPUT_ACTION];
}

/** The input a problem belongs under: the field it names, else the person picked. */
function blockOf(error: DomainError, locale: RosterMeta['locale']): string {
  if (error.code === 'ROSTER.TIME_ZONE') return ROSTER_BLOCK.timeZone;
  if (error.code === 'ROSTER.NAME_REQUIRED') return ROSTER_BLOCK.name;
  if (error.code === 'ROSTER.TOO_LONG')
    return error.params.field === t(locale, 'roster.field.role') ? ROSTER_BLOCK.role : ROSTER_BLOCK.name;
  return ROSTER_BLOCK.user;
}

/** Registers the roster buttons and modals on `app`. */
export function registerRosterHandlers(app: App, deps: HandlerDeps): void {
  const opener = (build: (meta: RosterMeta) => ReturnType<typeof memberModal>) =>
    (async ({ ack, body, action }) => {
      await ack();
      const meta = parseRosterMeta(action.value);
      if (!meta) return;
      // The trigger lives 3 s: open at once; the core checks who submits.
      await deps.ui.views.open({ trigger_id: body.trigger_id, view: build(meta) });
    }) satisfies Parameters<typeof app.action<BlockAction<ButtonAction>>>[1];
  app.action<BlockAction<ButtonAction>>(ACTION_ROSTER_ADD, opener(memberModal));
  app.action<BlockAction<ButtonAction>>(ACTION_ROSTER_REMOVE, opener(removeModal));

  const submitted = (
    change: (meta: RosterMeta, userId: string, picked: string, view: ViewOutput) => Promise<Result<RosterChange>>,
  ) =>
    (async ({ ack, body, view }) => {
      const meta = parseRosterMeta(view.private_metadata);
      const picked = stateOf(view, ROSTER_BLOCK.user)?.selected_user;
      if (!meta || !picked) {
        await ack();
        return;
      }
      // Stored before Slack is answered: the result (or the problem) is the acknowledgement.
      const result = await change(meta, body.user.id, picked, view);
      if (!result.ok) {
        const errors = { [blockOf(result.error, meta.locale)]: describeError(result.error, meta.locale) };
        await ack({ response_action: 'errors', errors });
        return;
      }
      await ack({ response_action: 'update', view: resultView(result.value.text, result.value.locale) });
    }) satisfies Parameters<typeof app.view>[1];

  app.view(
    VIEW_ROSTER_MEMBER,
    submitted((meta, userId, picked, view) => {
      const typed = (block: string) => stateOf(view, block)?.value ?? undefined;
      const name = typed(ROSTER_BLOCK.name);
      const role = typed(ROSTER_BLOCK.role);
      const timeZone = typed(ROSTER_BLOCK.timeZone);
      return deps.api().setMember(slackActor(userId), meta.committeeId, {
        platform: 'slack',
        userId: picked,
        ...(name ? { name } : {}),
        ...(role ? { role } : {}),
        ...(timeZone ? { timeZone } : {}),
      });
    }),
  );
  app.view(
    VIEW_ROSTER_REMOVE,
    submitted((meta, userId, picked) =>
      deps.api().removeMember(slackActor(userId), meta.committeeId, { platform: 'slack', userId: picked }),
    ),
  );
}
