/**
 * INTERACTION_CREATE and MESSAGE_CREATE payloads as Discord sends them
 * (API v10): slash command, autocomplete, button, string select and modal
 * submit, in a DM or in a guild channel.
 */
import type { FakeUser } from './fake-discord-state.ts';

/** A slash command option as sent: a subcommand with string options (numbers: integer options). */
export interface SlashOptions {
  subcommand: string;
  options?: Record<string, string | number>;
  /** The option being typed, for autocomplete. */
  focused?: string;
  /** ATTACHMENT options (type 11): option name → the attachment uploaded with `FakeDiscord.upload`. */
  attachments?: Record<string, Record<string, unknown>>;
}

/** Where the interaction happened. */
export type InteractionPlace =
  | { kind: 'dm'; channelId: string }
  | { kind: 'guild'; guildId: string; channelId: string; roleIds: string[] };

/** A user object as Discord sends it. */
export function userJson(user: FakeUser): Record<string, unknown> {
  return {
    id: user.id,
    username: user.username,
    discriminator: '0',
    global_name: user.globalName ?? null,
    avatar: null,
    ...(user.bot ? { bot: true } : {}),
  };
}

/** Fields every interaction carries. */
export function interactionBase(input: {
  id: string;
  token: string;
  applicationId: string;
  type: number;
  user: FakeUser;
  place: InteractionPlace;
  data: Record<string, unknown>;
  message?: Record<string, unknown>;
}): Record<string, unknown> {
  const { place, user } = input;
  const common = {
    id: input.id,
    application_id: input.applicationId,
    type: input.type,
    token: input.token,
    version: 1,
    data: input.data,
    entitlements: [],
    app_permissions: '0',
    locale: 'ko',
    attachment_size_limit: 10_485_760,
    ...(input.message ? { message: input.message } : {}),
  };
  if (place.kind === 'dm') {
    return {
      ...common,
      context: 1,
      authorizing_integration_owners: { '0': '0' },
      channel_id: place.channelId,
      channel: { id: place.channelId, type: 1, recipients: [userJson(user)], flags: 0 },
      user: userJson(user),
    };
  }
  return {
    ...common,
    context: 0,
    authorizing_integration_owners: { '0': place.guildId },
    guild_id: place.guildId,
    guild_locale: 'ko',
    channel_id: place.channelId,
    channel: {
      id: place.channelId,
      type: 0,
      guild_id: place.guildId,
      name: 'staff',
      position: 0,
      permission_overwrites: [],
    },
    member: {
      user: userJson(user),
      roles: place.roleIds,
      joined_at: new Date().toISOString(),
      deaf: false,
      mute: false,
      flags: 0,
      pending: false,
      permissions: '0',
      nick: null,
      avatar: null,
    },
  };
}

/** `data` of a chat-input command `/jamun <subcommand> …`. */
export function slashCommandData(commandId: string, slash: SlashOptions): Record<string, unknown> {
  const options: Array<Record<string, unknown>> = Object.entries(slash.options ?? {}).map(([name, value]) => ({
    // STRING is 3, INTEGER 4 (https://discord.com/developers/docs/interactions/application-commands#application-command-object-application-command-option-type).
    type: typeof value === 'number' ? 4 : 3,
    name,
    value,
    ...(slash.focused === name ? { focused: true } : {}),
  }));
  const attachments = Object.entries(slash.attachments ?? {});
  for (const [name, attachment] of attachments) options.push({ type: 11, name, value: String(attachment.id) });
  return {
    id: commandId,
    name: 'jamun',
    type: 1,
    options: [{ type: 1, name: slash.subcommand, options }],
    // Discord sends the attachment objects of ATTACHMENT options under `resolved`, by id.
    ...(attachments.length > 0
      ? { resolved: { attachments: Object.fromEntries(attachments.map(([, a]) => [String(a.id), a])) } }
      : {}),
  };
}

/** `data` of a modal submit: one label per field (text input or string select). */
export function modalSubmitData(customId: string, fields: Record<string, string | string[]>): Record<string, unknown> {
  return {
    custom_id: customId,
    components: Object.entries(fields).map(([fieldId, value], index) => ({
      type: 18,
      id: index + 1,
      component: Array.isArray(value)
        ? { type: 3, id: 100 + index, custom_id: fieldId, values: value }
        : { type: 4, id: 100 + index, custom_id: fieldId, value },
    })),
  };
}

/**
 * `data` of a modal submit with user selects (type 5): `picked` gives the
 * users chosen in each select, whose user objects come in `resolved.users`
 * as Discord sends them; `fields` are text inputs.
 */
export function userSelectModalData(
  customId: string,
  fields: Record<string, string>,
  picked: Record<string, FakeUser[]>,
): Record<string, unknown> {
  const texts = Object.entries(fields).map(([fieldId, value], index) => ({
    type: 18,
    id: index + 1,
    component: { type: 4, id: 100 + index, custom_id: fieldId, value },
  }));
  const selects = Object.entries(picked).map(([fieldId, users], index) => ({
    type: 18,
    id: 50 + index,
    component: { type: 5, id: 150 + index, custom_id: fieldId, values: users.map((u) => u.id) },
  }));
  const users = Object.fromEntries(Object.values(picked).flatMap((list) => list.map((u) => [u.id, userJson(u)])));
  return { custom_id: customId, components: [...selects, ...texts], resolved: { users } };
}

/** A DM `MESSAGE_CREATE` from a user. */
export function dmMessageCreate(input: {
  id: string;
  channelId: string;
  user: FakeUser;
  content: string;
}): Record<string, unknown> {
  return {
    id: input.id,
    channel_id: input.channelId,
    channel_type: 1,
    author: userJson(input.user),
    content: input.content,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: [],
    pinned: false,
    type: 0,
    flags: 0,
  };
}
