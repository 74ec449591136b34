/**
 * Payloads as Slack sends them (slash commands, block_actions,
 * view_submission, DM message events), with trigger ids and response_urls
 * issued by the fake so their validity is checked like Slack does.
 */
import type { Args, FakeSlackServer, FakeView } from './fake-slack-server.ts';
import { BOT_USER_ID, TEAM_ID } from './fake-slack-server.ts';

const APP_ID = 'AJAMUN';

export function slashCommand(fake: FakeSlackServer, userId: string, text: string, channelId = 'C0STAFFCH1'): Args {
  return {
    token: 'verification-token',
    team_id: TEAM_ID,
    team_domain: 'jamun',
    channel_id: channelId,
    channel_name: 'staff',
    user_id: userId,
    user_name: userId.toLowerCase(),
    command: '/jamun',
    text,
    api_app_id: APP_ID,
    is_enterprise_install: 'false',
    response_url: fake.responseUrl(),
    trigger_id: fake.issueTrigger(),
  };
}

/** A button click in a message (DM) or, with `view`, inside a modal. */
export function buttonClick(
  fake: FakeSlackServer,
  userId: string,
  actionId: string,
  value: string,
  where: { channel: string; ts?: string } | { view: FakeView; values?: Record<string, Record<string, unknown>> },
): Args {
  const common = {
    type: 'block_actions',
    user: { id: userId, username: userId.toLowerCase(), name: userId.toLowerCase(), team_id: TEAM_ID },
    api_app_id: APP_ID,
    token: 'verification-token',
    trigger_id: fake.issueTrigger(),
    team: { id: TEAM_ID, domain: 'jamun' },
    is_enterprise_install: false,
    actions: [
      {
        type: 'button',
        action_id: actionId,
        block_id: 'b',
        value,
        text: { type: 'plain_text', text: actionId },
        action_ts: `${Date.now() / 1000}`,
      },
    ],
  };
  if ('channel' in where) {
    return {
      ...common,
      container: { type: 'message', message_ts: where.ts ?? '1', channel_id: where.channel, is_ephemeral: false },
      channel: { id: where.channel, name: 'directmessage' },
      message: { type: 'message', ts: where.ts ?? '1', text: '', user: BOT_USER_ID },
      response_url: fake.responseUrl(),
    };
  }
  return {
    ...common,
    container: { type: 'view', view_id: where.view.viewId },
    view: viewOutput(where.view, where.values ?? {}),
  };
}

function viewOutput(view: FakeView, values: Record<string, Record<string, unknown>>): Args {
  return {
    id: view.viewId,
    team_id: TEAM_ID,
    type: 'modal',
    blocks: view.view.blocks,
    private_metadata: view.view.private_metadata ?? '',
    callback_id: view.view.callback_id,
    state: { values },
    hash: 'h1',
    title: view.view.title,
    close: view.view.close ?? null,
    submit: view.view.submit ?? null,
    root_view_id: view.viewId,
    previous_view_id: null,
    app_id: APP_ID,
    external_id: '',
    app_installed_team_id: TEAM_ID,
    bot_id: 'BJAMUN',
    clear_on_close: false,
    notify_on_close: false,
  };
}

export function viewSubmission(
  fake: FakeSlackServer,
  userId: string,
  view: FakeView,
  values: Record<string, Record<string, unknown>>,
): Args {
  return {
    type: 'view_submission',
    team: { id: TEAM_ID, domain: 'jamun' },
    user: { id: userId, username: userId.toLowerCase(), name: userId.toLowerCase(), team_id: TEAM_ID },
    api_app_id: APP_ID,
    token: 'verification-token',
    trigger_id: fake.issueTrigger(),
    view: viewOutput(view, values),
    response_urls: [],
    is_enterprise_install: false,
  };
}

/**
 * Staff press Open on the `/jamun open` confirmation (an ephemeral message in
 * `channel`): what scripts that only need the round opened send.
 */
export function confirmOpen(fake: FakeSlackServer, userId: string, roundId: string, channel: string): Args {
  return buttonClick(fake, userId, 'jamun.open_confirm', roundId, { channel });
}

/** A DM the member typed to the bot (Events API `message.im`). */
export function dmMessage(fake: FakeSlackServer, userId: string, text: string): Args {
  const ts = `${Date.now() / 1000}`;
  return {
    token: 'verification-token',
    team_id: TEAM_ID,
    api_app_id: APP_ID,
    event: {
      type: 'message',
      channel: fake.dmChannelOf(userId),
      channel_type: 'im',
      user: userId,
      text,
      ts,
      event_ts: ts,
      team: TEAM_ID,
    },
    type: 'event_callback',
    event_id: `Ev${ts.replace('.', '')}`,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: TEAM_ID, user_id: BOT_USER_ID, is_bot: true, is_enterprise_install: false }],
    is_ext_shared_channel: false,
  };
}

/** A typed value for a question: text, chosen option labels, or a scale point; files picked in a `file_input`. */
export type Typed = string | string[] | number | { files: Args[] };

interface InputElement {
  type: string;
  action_id: string;
  options?: Array<{ text: { text: string }; value: string }>;
  initial_value?: string;
  initial_option?: { text: { text: string }; value: string };
  initial_options?: Array<{ text: { text: string }; value: string }>;
  initial_date?: string;
  initial_time?: string;
}

/** What an input holds when the person did not touch it: its initial value, as Slack submits it. */
function untouched(el: InputElement): Record<string, unknown> {
  switch (el.type) {
    case 'plain_text_input':
      return { type: el.type, value: el.initial_value ?? null };
    case 'datepicker':
      return { type: el.type, selected_date: el.initial_date ?? null };
    case 'timepicker':
      return { type: el.type, selected_time: el.initial_time ?? null };
    case 'file_input':
      return { type: el.type, files: [] };
    case 'checkboxes':
    case 'multi_static_select':
      return { type: el.type, selected_options: el.initial_options ?? [] };
    default:
      return { type: el.type, selected_option: el.initial_option ?? null };
  }
}

/**
 * The `view.state.values` a person produces by filling `view`'s inputs:
 * texts longer than one input continue in the next inputs of the same
 * question; choices are picked by their label; dates as `YYYY-MM-DD`, times
 * as `HH:mm`. An input not named in `typed` keeps its initial value, as in
 * Slack.
 */
export function fillView(view: FakeView, typed: Record<string, Typed>): Record<string, Record<string, unknown>> {
  const values: Record<string, Record<string, unknown>> = {};
  const blocks = (view.view.blocks ?? []) as Array<{ type: string; block_id?: string; element?: InputElement }>;
  for (const block of blocks) {
    if (block.type !== 'input' || !block.block_id || !block.element) continue;
    const match = /^q\|(.+)\|(\d+)$/.exec(block.block_id);
    const el = block.element;
    const key = match ? (match[1] ?? '') : block.block_id;
    if (!(key in typed)) {
      values[block.block_id] = { [el.action_id]: untouched(el) };
      continue;
    }
    const value = typed[key];
    const part = Number(match?.[2] ?? 0);
    let state: Record<string, unknown>;
    if (typeof value === 'object' && !Array.isArray(value)) {
      state = { type: el.type, files: value.files };
    } else if (el.type === 'plain_text_input') {
      const text = typeof value === 'string' ? value.slice(part * 3000, (part + 1) * 3000) : '';
      state = { type: el.type, value: text === '' ? null : text };
    } else if (el.type === 'datepicker') {
      state = { type: el.type, selected_date: typeof value === 'string' ? value : null };
    } else if (el.type === 'timepicker') {
      state = { type: el.type, selected_time: typeof value === 'string' ? value : null };
    } else {
      const labels = Array.isArray(value) ? value : value === undefined ? [] : [String(value)];
      const picked = (el.options ?? []).filter((o) =>
        labels.some((l) => o.text.text === l || o.text.text.startsWith(`${l} `) || o.value === l),
      );
      state =
        el.type === 'checkboxes' || el.type === 'multi_static_select'
          ? { type: el.type, selected_options: picked }
          : { type: el.type, selected_option: picked[0] ?? null };
    }
    values[block.block_id] = { [el.action_id]: state };
  }
  return values;
}
