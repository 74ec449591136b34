/**
 * The REST half of the fake Discord (API v10 under `/api/v10`): DM channels,
 * channel messages (JSON and multipart), edits, interaction callbacks,
 * webhook follow-ups and command registration. Records every request, and
 * answers injected failures (50007, 429, 5xx) and rate limits like Discord.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  type FakeDiscordState,
  type FakeFile,
  type FakeMessage,
  type RecordedRequest,
  nextSnowflake,
} from './fake-discord-state.ts';
import type { FakeRateLimiter } from './fake-rate-limits.ts';
import { DISCORD_ERROR, DISCORD_INTERACTION, DISCORD_MESSAGE } from '../../../src/adapters/discord/discord-limits.ts';
import { type PayloadRefusal, validateMessage, validateModal } from './validate-payload.ts';
import { userJson } from './interaction-payloads.ts';
import { validateCommands } from './validate-commands.ts';

/** A failure to answer instead of the normal response, `times` times. */
export interface InjectedFailure {
  method: string;
  pattern: RegExp;
  status: number;
  /** Discord JSON error code (e.g. 50007). */
  code?: number;
  /** For 429: seconds to wait, sent as `Retry-After`. */
  retryAfterS?: number;
  times: number;
}

export interface RestContext {
  state: FakeDiscordState;
  limiter: FakeRateLimiter;
  failures: InjectedFailure[];
  token: string;
  gatewayUrl: () => string;
  /** Application commands registered, by scope (`global` or the guild id). */
  commands: Map<string, unknown[]>;
}

interface ParsedBody {
  json: Record<string, unknown> | undefined;
  files: FakeFile[];
}

async function readBody(req: IncomingMessage): Promise<ParsedBody> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks);
  if (raw.length === 0) return { json: undefined, files: [] };
  const type = req.headers['content-type'] ?? '';
  if (type.startsWith('multipart/form-data')) {
    const form = await new Request('http://fake.invalid/', {
      method: 'POST',
      headers: { 'content-type': type },
      body: raw,
    }).formData();
    const files: FakeFile[] = [];
    let json: Record<string, unknown> | undefined;
    for (const [name, value] of form.entries()) {
      if (typeof value === 'string') {
        if (name === 'payload_json') json = JSON.parse(value) as Record<string, unknown>;
      } else {
        const bytes = Buffer.from(await value.arrayBuffer());
        files.push({
          name: value.name,
          contentType: value.type,
          text: bytes.toString('utf8'),
          bytes,
          size: value.size,
        });
      }
    }
    return { json, files };
  }
  return { json: JSON.parse(raw.toString('utf8')) as Record<string, unknown>, files: [] };
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (status === 204) {
    res.writeHead(204, headers).end();
    return;
  }
  res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
}

/** The API shape of a stored message, as Discord returns it. */
export function messageJson(state: FakeDiscordState, message: FakeMessage): Record<string, unknown> {
  const author = state.users.get(message.authorId) ?? state.user(message.authorId);
  return {
    id: message.id,
    channel_id: message.channelId,
    author: {
      id: author.id,
      username: author.username,
      discriminator: '0',
      global_name: null,
      avatar: null,
      bot: author.bot ?? false,
    },
    content: message.content,
    timestamp: new Date().toISOString(),
    edited_timestamp: message.edits > 0 ? new Date().toISOString() : null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: message.files.map((f, i) => ({
      id: String(i + 1),
      filename: f.name,
      size: f.size,
      url: `https://cdn.fake.invalid/${f.name}`,
      proxy_url: `https://cdn.fake.invalid/${f.name}`,
      content_type: f.contentType,
    })),
    embeds: message.embeds,
    components: message.components,
    pinned: false,
    type: 0,
    flags: message.flags,
    ...(message.nonce !== undefined ? { nonce: message.nonce } : {}),
  };
}

function newMessage(
  state: FakeDiscordState,
  channelId: string,
  body: ParsedBody,
  viaInteraction?: string,
): FakeMessage {
  const json = body.json ?? {};
  return {
    id: nextSnowflake(),
    channelId,
    authorId: state.botUser.id,
    content: typeof json.content === 'string' ? json.content : '',
    embeds: Array.isArray(json.embeds) ? json.embeds : [],
    components: Array.isArray(json.components) ? json.components : [],
    files: body.files,
    allowedMentions: json.allowed_mentions,
    nonce: json.nonce === undefined ? undefined : String(json.nonce),
    flags: typeof json.flags === 'number' ? json.flags : 0,
    edits: 0,
    createdAt: state.now(),
    viaInteraction,
  };
}

function applyEdit(message: FakeMessage, body: ParsedBody): void {
  const json = body.json ?? {};
  if (typeof json.content === 'string') message.content = json.content;
  if (Array.isArray(json.embeds)) message.embeds = json.embeds;
  if (Array.isArray(json.components)) message.components = json.components;
  if (body.files.length > 0) message.files = body.files;
  message.allowedMentions = json.allowed_mentions ?? message.allowedMentions;
  message.edits += 1;
}

function discordError(res: ServerResponse, status: number, code: number, message: string): void {
  send(res, status, { code, message });
}

/** Discord's nested `errors` object for a field path (`a.0.b: what`), as discord.js flattens it. */
function formErrors(problem: string): Record<string, unknown> {
  const at = problem.indexOf(': ');
  const path = at > 0 ? problem.slice(0, at).split('.') : ['_base'];
  const what = at > 0 ? problem.slice(at + 2) : problem;
  let errors: Record<string, unknown> = { _errors: [{ code: 'BASE_TYPE_INVALID', message: what }] };
  for (const key of path.reverse()) errors = { [key]: errors };
  return errors;
}

/** Handles one REST request. */
export async function handleRest(ctx: RestContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://fake.invalid');
  const method = req.method ?? 'GET';
  const path = decodeURIComponent(url.pathname).replace(/^\/api\/v\d+/, '');
  const body = await readBody(req);
  const record: RecordedRequest = { method, path, query: url.search, json: body.json, files: body.files, status: 0 };
  ctx.state.requests.push(record);
  const answer = (status: number, payload: unknown, headers: Record<string, string> = {}): void => {
    record.status = status;
    send(res, status, payload, headers);
  };

  const refuse = (refusal: PayloadRefusal): void => {
    ctx.state.refusals.push({ method, path, code: refusal.code, problem: refusal.problem });
    answer(refusal.status, {
      code: refusal.code,
      message: refusal.message,
      ...(refusal.code === DISCORD_ERROR.invalidFormBody ? { errors: formErrors(refusal.problem) } : {}),
    });
  };
  const unknown = (status: number, code: number, message: string): void => {
    ctx.state.refusals.push({ method, path, code, problem: message });
    answer(status, { code, message });
  };

  const isInteraction = path.startsWith('/interactions/') || path.startsWith('/webhooks/');
  if (!isInteraction && req.headers.authorization !== `Bot ${ctx.token}`) {
    answer(401, { code: 0, message: '401: Unauthorized' });
    return;
  }

  const failure = ctx.failures.find((f) => f.times > 0 && f.method === method && f.pattern.test(path));
  if (failure) {
    failure.times -= 1;
    if (failure.status === 429) {
      const retry = failure.retryAfterS ?? 1;
      answer(
        429,
        { message: 'You are being rate limited.', retry_after: retry, global: false },
        {
          'retry-after': String(retry),
          'x-ratelimit-limit': '1',
          'x-ratelimit-remaining': '0',
          'x-ratelimit-reset-after': String(retry),
          'x-ratelimit-bucket': 'injected',
          'x-ratelimit-scope': 'user',
        },
      );
    } else {
      answer(failure.status, { code: failure.code ?? 0, message: `injected ${failure.status}` });
    }
    return;
  }

  const limit = ctx.limiter.check(method, path, Date.now());
  if (limit.refuse) {
    const retry = limit.refuse.retryAfterS;
    answer(
      429,
      { message: 'You are being rate limited.', retry_after: retry, global: limit.refuse.global },
      { ...limit.headers, 'retry-after': retry.toFixed(3) },
    );
    return;
  }
  const ok = (status: number, payload: unknown): void => answer(status, payload, limit.headers);
  const { state } = ctx;
  let m: RegExpExecArray | null;

  if (method === 'GET' && path === '/gateway/bot') {
    ok(200, {
      url: ctx.gatewayUrl(),
      shards: 1,
      session_start_limit: { total: 1000, remaining: 999, reset_after: 86_400_000, max_concurrency: 1 },
    });
    return;
  }
  // A user's profile (discord.js `users.fetch`): 10013 Unknown User for ids Discord does not know.
  if (method === 'GET' && (m = /^\/users\/(\d+)$/.exec(path))) {
    const id = m[1] ?? '';
    if (state.unknownUsers.has(id)) {
      record.status = 404;
      discordError(res, 404, 10013, 'Unknown User');
      return;
    }
    ok(200, userJson(state.user(id)));
    return;
  }
  if (method === 'POST' && path === '/users/@me/channels') {
    const recipient = String(body.json?.recipient_id ?? '');
    if (state.unknownUsers.has(recipient)) {
      record.status = 404;
      discordError(res, 404, 10013, 'Unknown User');
      return;
    }
    const channel = state.dmChannelOf(recipient);
    const user = state.user(recipient);
    ok(200, {
      id: channel.id,
      type: 1,
      last_message_id: null,
      flags: 0,
      recipients: [{ id: user.id, username: user.username, discriminator: '0', global_name: null, avatar: null }],
    });
    return;
  }
  if (method === 'GET' && (m = /^\/channels\/(\d+)$/.exec(path))) {
    const channel = state.channels.get(m[1] ?? '');
    if (!channel) {
      record.status = 404;
      discordError(res, 404, 10003, 'Unknown Channel');
      return;
    }
    ok(200, { id: channel.id, type: channel.type, guild_id: channel.guildId, name: channel.name });
    return;
  }
  if (method === 'POST' && (m = /^\/channels\/(\d+)\/messages$/.exec(path))) {
    const channel = state.channels.get(m[1] ?? '');
    if (!channel) {
      record.status = 404;
      discordError(res, 404, 10003, 'Unknown Channel');
      return;
    }
    if (channel.type === 1 && channel.recipientId && state.dmClosed.has(channel.recipientId)) {
      record.status = 403;
      discordError(res, 403, 50007, 'Cannot send messages to this user');
      return;
    }
    const invalid = validateMessage(body.json, body.files);
    if (invalid) {
      refuse(invalid);
      return;
    }
    const nonce = body.json?.nonce;
    if (nonce !== undefined && body.json?.enforce_nonce === true) {
      // "checked for uniqueness in the past few minutes": an older message with the nonce does not count.
      const since = state.now() - DISCORD_MESSAGE.nonceWindowMs;
      const existing = state.messages
        .get(channel.id)
        ?.find((msg) => msg.nonce === String(nonce) && msg.authorId === state.botUser.id && msg.createdAt >= since);
      if (existing) {
        state.dedupedByNonce += 1;
        ok(200, messageJson(state, existing));
        return;
      }
    }
    const message = newMessage(state, channel.id, body);
    state.addMessage(message);
    ok(200, messageJson(state, message));
    return;
  }
  if (method === 'PATCH' && (m = /^\/channels\/(\d+)\/messages\/(\d+)$/.exec(path))) {
    const message = state.findMessage(m[1] ?? '', m[2] ?? '');
    if (!message) {
      record.status = 404;
      discordError(res, 404, 10008, 'Unknown Message');
      return;
    }
    const invalid = validateMessage(body.json, body.files, true);
    if (invalid) {
      refuse(invalid);
      return;
    }
    applyEdit(message, body);
    ok(200, messageJson(state, message));
    return;
  }
  if (method === 'POST' && (m = /^\/interactions\/(\d+)\/([^/]+)\/callback$/.exec(path))) {
    const interaction = state.interactions.get(m[1] ?? '');
    // Discord forgets an interaction not answered within 3 s.
    const late = interaction && Date.now() - interaction.createdAt > DISCORD_INTERACTION.initialResponseMs;
    if (!interaction || interaction.token !== m[2] || late) {
      unknown(404, DISCORD_ERROR.unknownInteraction, 'Unknown interaction');
      return;
    }
    if (interaction.callbacks.length > 0) {
      unknown(400, DISCORD_ERROR.alreadyAcknowledged, 'Interaction has already been acknowledged.');
      return;
    }
    const type = Number(body.json?.type);
    const data = body.json?.data as Record<string, unknown> | undefined;
    const invalid =
      type === 9
        ? validateModal(data)
        : type === 4 || type === 7
          ? validateMessage(data, body.files, type === 7)
          : null;
    if (invalid) {
      refuse(invalid);
      return;
    }
    interaction.answeredAt = Date.now();
    interaction.callbacks.push({ type, ...(data ? { data } : {}) });
    if (type === 4 || type === 5) {
      const message = newMessage(state, interaction.channelId, { json: data, files: body.files }, interaction.id);
      interaction.messages.push(message);
      state.addMessage(message);
    }
    if (type === 7 && interaction.messageId) {
      const target = state.findMessage(interaction.channelId, interaction.messageId);
      if (target) applyEdit(target, { json: data, files: body.files });
    }
    ok(204, undefined);
    return;
  }
  if ((m = /^\/webhooks\/(\d+)\/([^/]+)(?:\/messages\/([^/]+))?$/.exec(path))) {
    const interaction = state.interactionByToken(m[2] ?? '');
    if (!interaction || Date.now() - interaction.createdAt > DISCORD_INTERACTION.tokenValidMs) {
      unknown(404, DISCORD_ERROR.unknownWebhook, 'Unknown Webhook');
      return;
    }
    // A follow-up needs the interaction acknowledged first.
    if (interaction.callbacks.length === 0) {
      unknown(404, DISCORD_ERROR.unknownWebhook, 'Unknown Webhook');
      return;
    }
    if (method !== 'DELETE') {
      const invalid = validateMessage(body.json, body.files, method === 'PATCH');
      if (invalid) {
        refuse(invalid);
        return;
      }
    }
    if (method === 'POST' && !m[3]) {
      const message = newMessage(state, interaction.channelId, body, interaction.id);
      interaction.messages.push(message);
      state.addMessage(message);
      ok(200, messageJson(state, message));
      return;
    }
    if (method === 'PATCH' && m[3]) {
      const original =
        interaction.messages[0] ??
        (interaction.messageId ? state.findMessage(interaction.channelId, interaction.messageId) : undefined);
      const target = m[3] === '@original' ? original : interaction.messages.find((x) => x.id === m?.[3]);
      if (!target) {
        record.status = 404;
        discordError(res, 404, 10008, 'Unknown Message');
        return;
      }
      applyEdit(target, body);
      ok(200, messageJson(state, target));
      return;
    }
    if (method === 'DELETE' && m[3]) {
      const target = m[3] === '@original' ? interaction.messages[0] : interaction.messages.find((x) => x.id === m?.[3]);
      if (target) {
        interaction.messages.splice(interaction.messages.indexOf(target), 1);
        const list = state.messages.get(target.channelId) ?? [];
        list.splice(list.indexOf(target), 1);
      }
      ok(204, undefined);
      return;
    }
  }
  if (method === 'PUT' && (m = /^\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/.exec(path))) {
    const commands = Array.isArray(body.json) ? (body.json as unknown[]) : [];
    const invalid = validateCommands(commands);
    if (invalid) {
      refuse(invalid);
      return;
    }
    ctx.commands.set(m[2] ?? 'global', commands);
    ok(
      200,
      commands.map((c) => ({
        ...(c as object),
        id: nextSnowflake(),
        application_id: m?.[1],
        version: nextSnowflake(),
      })),
    );
    return;
  }
  record.status = 404;
  discordError(res, 404, 0, `404: Not Found (${method} ${path})`);
}
