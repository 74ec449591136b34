/**
 * A local Slack for tests: the Web API on node:http (records every call,
 * answers faults and 429s with `Retry-After` on demand, enforces rate limits
 * and Block Kit limits), the file upload endpoint, response_url endpoints,
 * and a Socket Mode WebSocket that `apps.connections.open` points to.
 * Listens on 127.0.0.1 only.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type EnvelopeType, FakeSocketMode } from './fake-socket-mode.ts';
export type { Args } from './fake-slack-parts.ts';
import { type Args, parseArgs, readBody, visibleText } from './fake-slack-parts.ts';
import { type SlackRefusal, validateErrorsAck, validateMessage, validateView } from './validate-blocks.ts';
import { FakeAttachments } from './fake-slack-files.ts';
import { type FakeMetadata, history, manifestBotScopes, readMetadata, scopeNeeded } from './fake-slack-history.ts';
import { SLACK_FILE, SLACK_INTERACTION, SLACK_VIEW } from '../../../src/adapters/slack/slack-limits.ts';

/** A canned failure for the next calls of a method. */
export type Fault =
  | { status: 429; retryAfter: number }
  | { status: 500 | 502 | 503 }
  | { error: string }
  | { drop: true };

/** A fixed-window limit: at most `max` calls per `windowMs`, per channel when `perChannel`. */
export interface RateLimit {
  max: number;
  windowMs: number;
  perChannel?: boolean;
}

export interface ApiCall {
  method: string;
  args: Args;
  status: number;
  error?: string;
  at: number;
}

export interface FakeMessage {
  channel: string;
  ts: string;
  threadTs?: string;
  text: string;
  blocks: unknown[];
  edits: number;
  /** chat.postMessage `metadata`, returned by the history only when asked. */
  metadata?: FakeMetadata;
}

export interface FakeFile {
  id: string;
  name: string;
  /** The bytes as text (UTF-8), for text files. */
  content: string;
  /** The bytes as uploaded. */
  bytes: Buffer;
  /** The title given at completion (defaults to the name). */
  title: string;
  channel?: string;
  threadTs?: string;
  comment?: string;
}

export interface FakeView {
  method: 'views.open' | 'views.push' | 'views.update';
  viewId: string;
  view: Args;
}

/**
 * A workspace user as `users.info` returns them (the fields jamun reads;
 * Slack sends more). `tz` is an IANA zone; bots and deactivated accounts
 * (`deleted`) are users too.
 */
export interface FakeUser {
  id: string;
  real_name?: string;
  display_name?: string;
  tz?: string;
  is_bot?: boolean;
  deleted?: boolean;
}

export const BOT_USER_ID = 'UJAMUNBOT';
const BOT_ID = 'BJAMUN';
export const TEAM_ID = 'TJAMUN';

export class FakeSlackServer {
  readonly calls: ApiCall[] = [];
  readonly messages: FakeMessage[] = [];
  readonly files: FakeFile[] = [];
  readonly views: FakeView[] = [];
  readonly ephemerals: Array<{ channel: string; user: string; text: string }> = [];
  /** Bodies posted to response_url endpoints, by response id. */
  readonly responses: Array<{ id: string; body: Args }> = [];
  rateLimitedCount = 0;
  /** Payloads refused as Slack would (`invalid_blocks`, `not_in_channel`, `used_url`…), newest last. */
  readonly refusals: Array<{ method: string; error: string; problem: string }> = [];

  readonly #server: Server;
  readonly #socketMode = new FakeSocketMode();
  readonly #faults = new Map<string, Fault[]>();
  readonly #userFaults = new Map<string, { error: string; at: 'open' | 'post' }>();
  readonly #limits = new Map<string, RateLimit>();
  readonly #windows = new Map<string, { start: number; count: number }>();
  readonly #triggers = new Map<string, number>();
  readonly #uploads = new Map<string, { name: string; length: number; bytes?: Buffer }>();
  /** Files people attach in modals' `file_input`, read back with `files.info` and downloaded. */
  readonly attachments = new FakeAttachments();
  /**
   * Largest file a workspace accepts: Slack takes files up to 1 GB; a
   * workspace may restrict large uploads (`file_upload_size_restricted`).
   * Tests lower it to model such a workspace.
   */
  maxUploadBytes: number = SLACK_FILE.maxBytes;
  readonly #openDms = new Set<string>();
  /** The workspace's users that `users.info` knows (the bot itself always). */
  readonly #users = new Map<string, FakeUser>([[BOT_USER_ID, { id: BOT_USER_ID, real_name: 'jamun', is_bot: true }]]);
  /** Channels the bot is not a member of: posting there answers `not_in_channel`. */
  readonly #outside = new Set<string>();
  /** Uses of each response_url: Slack allows 5 within 30 minutes. */
  readonly #responseUrls = new Map<string, { issuedAt: number; uses: number }>();
  /** The last message ts, in microseconds: ts are the clock's, strictly increasing. */
  #lastTsMicros = 0;
  #idCounter = 0;
  /** The bot token's scopes: what the manifest asks for; a test may take one away. */
  readonly scopes = new Set(manifestBotScopes());
  /** How long a trigger id stays valid, as on Slack. */
  triggerTtlMs: number = SLACK_VIEW.triggerValidMs;

  private constructor() {
    this.#server = createServer((req, res) => void this.#handle(req, res));
    // Slack keeps idle connections open far longer than Node's 5 s default. With 5 s, a client
    // on a loaded machine reuses a socket the fake has just closed ("other side closed").
    this.#server.keepAliveTimeout = 120_000;
    this.#server.on('upgrade', (req, socket, head) => {
      if (!req.url?.startsWith('/socket')) {
        socket.destroy();
        return;
      }
      this.#socketMode.upgrade(req, socket, head);
    });
  }

  /** Starts a fake on an ephemeral port of 127.0.0.1. */
  static async start(): Promise<FakeSlackServer> {
    const fake = new FakeSlackServer();
    await new Promise<void>((resolve) => fake.#server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  get baseUrl(): string {
    const { port } = this.#server.address() as AddressInfo;
    return `http://127.0.0.1:${port}/`;
  }

  /** What `slackApiUrl` should be. */
  get apiUrl(): string {
    return `${this.baseUrl}api/`;
  }

  /** Makes the next `times` calls of `method` fail with `fault`. */
  failNext(method: string, fault: Fault, times = 1): void {
    const list = this.#faults.get(method) ?? [];
    for (let i = 0; i < times; i += 1) list.push(fault);
    this.#faults.set(method, list);
  }

  /** Makes every DM to `userId` fail with the Slack error `error`, at `conversations.open` or at posting. */
  failUser(userId: string, error: string, at: 'open' | 'post' = 'open'): void {
    this.#userFaults.set(userId, { error, at });
  }

  /** Adds a person (or bot) to the workspace, as `users.info` then returns them. */
  addUser(user: FakeUser): void {
    this.#users.set(user.id, user);
  }

  /** Enforces a rate limit on `method` (429 with `Retry-After` beyond it). */
  limit(method: string, limit: RateLimit): void {
    this.#limits.set(method, limit);
  }

  callsOf(method: string): ApiCall[] {
    return this.calls.filter((call) => call.method === method);
  }

  /** The DM channel id the fake gives `userId`. */
  dmChannelOf(userId: string): string {
    return `D${userId}`;
  }

  /** The last view opened, pushed or updated (optionally with this callback id). */
  lastView(callbackId?: string): FakeView {
    const views = this.views.filter((v) => callbackId === undefined || v.view.callback_id === callbackId);
    const view = views[views.length - 1];
    if (!view) throw new Error(`no view${callbackId ? ` ${callbackId}` : ''} was opened`);
    return view;
  }

  messagesIn(channel: string): FakeMessage[] {
    return this.messages.filter((m) => m.channel === channel);
  }

  /** Visible texts in a channel, oldest first, edits applied. */
  textsIn(channel: string): string[] {
    return this.messagesIn(channel).map((m) => visibleText(m.text, m.blocks));
  }

  /** A fresh trigger id, valid for `triggerTtlMs`, as Slack puts in interactive payloads. */
  issueTrigger(): string {
    const id = `${Date.now()}.${(this.#idCounter += 1)}.trigger`;
    this.#triggers.set(id, Date.now());
    return id;
  }

  /** A response_url on this fake: 5 uses within 30 minutes, as on Slack. */
  responseUrl(): string {
    const id = String((this.#idCounter += 1));
    this.#responseUrls.set(id, { issuedAt: Date.now(), uses: 0 });
    return `${this.baseUrl}response/${id}`;
  }

  /** The bot leaves (or was never added to) `channel`: posts there answer `not_in_channel`. */
  removeBotFrom(channel: string): void {
    this.#outside.add(channel);
  }

  /** Resolves once a Socket Mode client completed the hello handshake. */
  socketConnected(): Promise<void> {
    return this.#socketMode.connected();
  }

  /**
   * Sends a Socket Mode envelope and resolves with the client's ack payload.
   * Slack waits 3 s for the ack; a view returned in the ack (`response_action`
   * `update`/`push`) is validated like `views.update`, and a refused one
   * rejects, as the member would see Slack's error instead of the view.
   */
  async sendEnvelope(type: EnvelopeType, payload: Args, timeoutMs: number = SLACK_INTERACTION.ackMs): Promise<Args> {
    const ack = await this.#socketMode.send(type, payload, timeoutMs);
    const action = ack.response_action;
    if (action === 'errors') {
      const refused = validateErrorsAck(payload.view, ack.errors);
      if (refused) {
        this.refusals.push({ method: 'ack:errors', ...refused });
        throw new Error(`Slack refuses the errors in the ack: ${refused.error} (${refused.problem})`);
      }
    }
    if ((action === 'update' || action === 'push') && 'view' in ack) {
      const refused = validateView(ack.view);
      if (refused) {
        this.refusals.push({ method: `ack:${action}`, ...refused });
        throw new Error(`Slack refuses the view in the ack: ${refused.error} (${refused.problem})`);
      }
    }
    return ack;
  }

  /** `userId` picks a file in a modal's `file_input`: its object, for the submission's state. */
  attachFile(userId: string, name: string, bytes: Buffer, mimetype?: string): Args {
    return this.attachments.attach(this.baseUrl, userId, name, bytes, mimetype, (this.#idCounter += 1));
  }

  async close(): Promise<void> {
    this.#socketMode.close();
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    const url = req.url ?? '/';
    if (url.startsWith('/response/')) {
      const id = url.slice('/response/'.length);
      const parsed = JSON.parse(body.toString('utf8') || '{}') as Args;
      const issued = this.#responseUrls.get(id);
      const refuse = (status: number, refusal: SlackRefusal): void => {
        this.refusals.push({ method: 'response_url', ...refusal });
        send(res, status, { ok: false, error: refusal.error });
      };
      if (!issued) return refuse(404, { error: 'invalid_url', problem: `no response_url ${id}` });
      if (Date.now() - issued.issuedAt > SLACK_INTERACTION.responseUrlValidMs)
        return refuse(404, { error: 'expired_url', problem: 'older than 30 minutes' });
      if (issued.uses >= SLACK_INTERACTION.responseUrlUses)
        return refuse(404, { error: 'used_url', problem: `a 6th use of response_url ${id}` });
      const invalid = parsed.delete_original === true ? null : validateMessage(parsed);
      if (invalid) return refuse(400, invalid);
      issued.uses += 1;
      this.responses.push({ id, body: parsed });
      return send(res, 200, { ok: true });
    }
    if (url.startsWith('/upload/')) return this.#upload(url.slice('/upload/'.length), req, body, res);
    if (url.startsWith('/files-pri/') || url === '/signin')
      return this.attachments.serve(url, String(req.headers.authorization ?? ''), this.scopes, this.baseUrl, res);
    if (!url.startsWith('/api/')) return send(res, 404, { ok: false });
    const method = url.slice('/api/'.length).split('?')[0] ?? '';
    const args = parseArgs(String(req.headers['content-type'] ?? ''), body);
    const auth = String(req.headers.authorization ?? '');
    const record = (status: number, error?: string): void => {
      this.calls.push({ method, args, status, ...(error ? { error } : {}), at: Date.now() });
    };
    const fault = this.#faults.get(method)?.shift();
    if (fault) {
      if ('drop' in fault) {
        record(0, 'dropped');
        req.socket.destroy();
        return;
      }
      if ('status' in fault) {
        record(fault.status);
        if (fault.status === 429) {
          this.rateLimitedCount += 1;
          return send(res, 429, { ok: false, error: 'ratelimited' }, { 'retry-after': String(fault.retryAfter) });
        }
        return send(res, fault.status, { ok: false, error: 'internal_error' });
      }
      record(200, fault.error);
      return send(res, 200, { ok: false, error: fault.error });
    }
    const limited = this.#rateLimit(method, args);
    if (limited !== null) {
      record(429, 'ratelimited');
      this.rateLimitedCount += 1;
      return send(res, 429, { ok: false, error: 'ratelimited' }, { 'retry-after': String(limited) });
    }
    const expectedToken = method === 'apps.connections.open' ? 'Bearer xapp-' : 'Bearer xoxb-';
    if (!auth.startsWith(expectedToken)) {
      record(200, 'not_authed');
      return send(res, 200, { ok: false, error: 'not_authed' });
    }
    const needed = scopeNeeded(method, String(args.channel ?? 'D'));
    const result =
      needed !== null && !this.scopes.has(needed)
        ? {
            ok: false,
            error: 'missing_scope',
            needed,
            provided: [...this.scopes].join(','),
            problem: `needs ${needed}`,
          }
        : this.#call(method, args);
    if (result.ok === false) {
      this.refusals.push({
        method,
        error: String(result.error),
        problem: typeof result.problem === 'string' ? result.problem : '',
      });
      delete result.problem;
    }
    record(200, result.ok === false ? String(result.error) : undefined);
    send(res, 200, result);
  }

  /** Seconds to wait when the call exceeds a configured limit, else null. */
  #rateLimit(method: string, args: Args): number | null {
    const limit = this.#limits.get(method);
    if (!limit) return null;
    const key = limit.perChannel ? `${method}:${String(args.channel)}` : method;
    const now = Date.now();
    let window = this.#windows.get(key);
    if (!window || now - window.start >= limit.windowMs) {
      window = { start: now, count: 0 };
      this.#windows.set(key, window);
    }
    if (window.count >= limit.max) return Math.max(1, Math.ceil((window.start + limit.windowMs - now) / 1000));
    window.count += 1;
    return null;
  }

  #nextTs(): string {
    this.#lastTsMicros = Math.max(Date.now() * 1000, this.#lastTsMicros + 1);
    const seconds = Math.floor(this.#lastTsMicros / 1_000_000);
    return `${seconds}.${String(this.#lastTsMicros % 1_000_000).padStart(6, '0')}`;
  }

  #channelExists(channel: string): boolean {
    if (channel.startsWith('C') || channel.startsWith('G')) return true;
    return this.#openDms.has(channel);
  }

  #call(method: string, args: Args): Args {
    switch (method) {
      case 'auth.test':
        return {
          ok: true,
          url: this.baseUrl,
          team: 'jamun',
          user: 'jamun',
          team_id: TEAM_ID,
          user_id: BOT_USER_ID,
          bot_id: BOT_ID,
        };
      case 'apps.connections.open':
        return { ok: true, url: `${this.baseUrl.replace('http', 'ws')}socket` };
      case 'conversations.open': {
        const user = String(args.users ?? '');
        const fault = this.#userFaults.get(user);
        if (fault?.at === 'open') return { ok: false, error: fault.error };
        if (!/^[UW][A-Z0-9]+$/.test(user)) return { ok: false, error: 'user_not_found' };
        this.#openDms.add(this.dmChannelOf(user));
        return { ok: true, channel: { id: this.dmChannelOf(user) } };
      }
      case 'chat.postMessage':
        return this.#post(args);
      case 'conversations.history':
        if (!this.#channelExists(String(args.channel ?? ''))) return { ok: false, error: 'channel_not_found' };
        return history(this.messages, args, BOT_USER_ID, BOT_ID);
      case 'chat.update': {
        const message = this.messages.find((m) => m.channel === args.channel && m.ts === args.ts);
        if (!message) return { ok: false, error: 'message_not_found' };
        const blocks = Array.isArray(args.blocks) ? args.blocks : [];
        const invalid = validateMessage(args);
        if (invalid) return { ok: false, ...invalid };
        message.text = String(args.text ?? '');
        message.blocks = blocks;
        message.edits += 1;
        return { ok: true, channel: message.channel, ts: message.ts };
      }
      case 'chat.postEphemeral': {
        const channel = String(args.channel ?? '');
        if (!this.#channelExists(channel)) return { ok: false, error: 'channel_not_found' };
        if (this.#outside.has(channel)) return { ok: false, error: 'not_in_channel' };
        if (!/^[UW][A-Z0-9]+$/.test(String(args.user ?? ''))) return { ok: false, error: 'user_not_in_channel' };
        const invalid = validateMessage(args);
        if (invalid) return { ok: false, ...invalid };
        this.ephemerals.push({ channel, user: String(args.user), text: String(args.text ?? '') });
        return { ok: true, message_ts: this.#nextTs() };
      }
      case 'views.open':
      case 'views.push':
      case 'views.update':
        return this.#view(method, args);
      case 'files.info':
        return this.attachments.info(String(args.file ?? ''), this.baseUrl);
      case 'users.info':
        return this.#userInfo(args);
      case 'files.getUploadURLExternal':
        return this.#uploadUrl(args);
      case 'files.completeUploadExternal':
        return this.#completeUpload(args);
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }

  #post(args: Args): Args {
    const channel = String(args.channel ?? '');
    const user = channel.startsWith('D') ? channel.slice(1) : undefined;
    const fault = user ? this.#userFaults.get(user) : undefined;
    if (fault?.at === 'post') return { ok: false, error: fault.error };
    if (!this.#channelExists(channel)) return { ok: false, error: 'channel_not_found' };
    if (this.#outside.has(channel)) return { ok: false, error: 'not_in_channel' };
    const blocks = Array.isArray(args.blocks) ? args.blocks : [];
    const invalid = validateMessage(args);
    if (invalid) return { ok: false, ...invalid };
    const metadata = readMetadata(args.metadata);
    if ('error' in metadata) return { ok: false, error: metadata.error, problem: 'metadata' };
    const ts = this.#nextTs();
    const message: FakeMessage = { channel, ts, text: String(args.text ?? ''), blocks, edits: 0, ...metadata };
    if (typeof args.thread_ts === 'string') message.threadTs = args.thread_ts;
    this.messages.push(message);
    return { ok: true, channel, ts, message: { ts, text: message.text, user: BOT_USER_ID, bot_id: BOT_ID } };
  }

  /**
   * `users.info` (Tier 4, scope `users:read`): `user` is required; an id the
   * workspace does not have answers `user_not_found`, as Slack documents.
   */
  #userInfo(args: Args): Args {
    if (typeof args.user !== 'string' || args.user === '')
      return { ok: false, error: 'invalid_arguments', problem: 'user is required' };
    const user = this.#users.get(args.user);
    if (!user) return { ok: false, error: 'user_not_found', problem: `no user ${args.user}` };
    const name = user.real_name ?? '';
    return {
      ok: true,
      user: {
        id: user.id,
        team_id: TEAM_ID,
        name: (user.display_name ?? user.id).toLowerCase(),
        deleted: user.deleted ?? false,
        real_name: name,
        ...(user.tz ? { tz: user.tz, tz_label: user.tz, tz_offset: 0 } : {}),
        is_bot: user.is_bot ?? false,
        is_app_user: false,
        profile: { real_name: name, display_name: user.display_name ?? '', real_name_normalized: name },
      },
    };
  }

  #view(method: 'views.open' | 'views.push' | 'views.update', args: Args): Args {
    if (method !== 'views.update') {
      const issued = this.#triggers.get(String(args.trigger_id));
      if (issued === undefined) return { ok: false, error: 'invalid_trigger_id' };
      if (Date.now() - issued > this.triggerTtlMs) return { ok: false, error: 'expired_trigger_id' };
    }
    const view = (args.view ?? {}) as Args;
    const invalid = validateView(view);
    if (invalid) return { ok: false, ...invalid };
    // A trigger opens one view, once.
    if (method !== 'views.update') this.#triggers.delete(String(args.trigger_id));
    const viewId = method === 'views.update' ? String(args.view_id ?? '') : `V${(this.#idCounter += 1)}`;
    if (method === 'views.update' && !this.views.some((v) => v.viewId === viewId))
      return { ok: false, error: 'not_found' };
    this.views.push({ method, viewId, view });
    return { ok: true, view: { ...view, id: viewId, hash: `h${this.#idCounter}` } };
  }

  /**
   * `files.getUploadURLExternal`: `filename` and `length` (bytes) are
   * required; a length of 0 answers `missing_argument` and one over the
   * workspace's limit `file_upload_size_restricted`, as Slack documents.
   */
  #uploadUrl(args: Args): Args {
    const filename = typeof args.filename === 'string' ? args.filename : '';
    const length = Number(args.length);
    if (filename === '' || args.length === undefined || !Number.isInteger(length) || length < 0)
      return { ok: false, error: 'invalid_arguments', problem: 'filename and an integer length are required' };
    if (length === 0) return { ok: false, error: 'missing_argument', problem: 'length is 0' };
    if (length > this.maxUploadBytes)
      return { ok: false, error: 'file_upload_size_restricted', problem: `${length} bytes > ${this.maxUploadBytes}` };
    const id = `F${String((this.#idCounter += 1)).padStart(9, '0')}`;
    this.#uploads.set(id, { name: filename, length });
    return { ok: true, file_id: id, upload_url: `${this.baseUrl}upload/${id}` };
  }

  /** The upload URL: raw bytes or a multipart form; more bytes than the announced length are refused. */
  async #upload(id: string, req: IncomingMessage, body: Buffer, res: ServerResponse): Promise<void> {
    const upload = this.#uploads.get(id);
    if (!upload) return send(res, 404, { ok: false });
    const type = String(req.headers['content-type'] ?? '');
    let bytes = body;
    if (type.startsWith('multipart/form-data')) {
      const form = await new Request('http://fake/upload', {
        method: 'POST',
        headers: { 'content-type': type },
        body,
      }).formData();
      for (const [, value] of form)
        bytes = typeof value === 'string' ? Buffer.from(value) : Buffer.from(await value.arrayBuffer());
    }
    if (bytes.length !== upload.length) {
      this.refusals.push({ method: 'upload', error: 'length_mismatch', problem: `${bytes.length} ≠ ${upload.length}` });
      return send(res, 400, { ok: false, error: 'length_mismatch' });
    }
    upload.bytes = bytes;
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end(`OK - ${bytes.length}`);
  }

  /**
   * `files.completeUploadExternal`: every file uploaded first, once; the
   * channel must exist and hold the bot.
   */
  #completeUpload(args: Args): Args {
    const files = Array.isArray(args.files) ? (args.files as Array<{ id: string; title?: string }>) : [];
    if (files.length === 0) return { ok: false, error: 'invalid_arguments', problem: 'files is required' };
    const channel = typeof args.channel_id === 'string' ? args.channel_id : undefined;
    if (channel !== undefined && !this.#channelExists(channel)) return { ok: false, error: 'channel_not_found' };
    if (channel !== undefined && this.#outside.has(channel)) return { ok: false, error: 'not_in_channel' };
    const done: FakeFile[] = [];
    for (const { id, title } of files) {
      const upload = this.#uploads.get(id);
      if (!upload || upload.bytes === undefined) return { ok: false, error: 'file_not_found' };
      const file: FakeFile = {
        id,
        name: upload.name,
        title: title ?? upload.name,
        content: upload.bytes.toString('utf8'),
        bytes: upload.bytes,
      };
      if (typeof args.channel_id === 'string') file.channel = args.channel_id;
      if (typeof args.thread_ts === 'string') file.threadTs = args.thread_ts;
      if (typeof args.initial_comment === 'string') file.comment = args.initial_comment;
      done.push(file);
    }
    for (const { id } of files) this.#uploads.delete(id);
    this.files.push(...done);
    return { ok: true, files: done.map((f) => ({ id: f.id, name: f.name })) };
  }
}

function send(res: ServerResponse, status: number, body: Args, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}
