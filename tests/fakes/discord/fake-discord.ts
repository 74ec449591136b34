/**
 * A local Discord for tests: REST (`/api/v10/...`) and gateway (`/gateway`)
 * on one `node:http` server. The real discord.js client connects to it with
 * `rest: { api: fake.apiUrl }`; tests then play users (DM texts, button
 * clicks, modal submits, slash commands) and read what the bot sent.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FakeGateway, type FakeGuild } from './fake-discord-gateway.ts';
import { handleRest, messageJson, type InjectedFailure, type RestContext } from './fake-discord-rest.ts';
import { FakeDiscordState, type FakeInteraction, type FakeMessage, nextSnowflake } from './fake-discord-state.ts';
import {
  type InteractionPlace,
  type SlashOptions,
  dmMessageCreate,
  interactionBase,
  modalSubmitData,
  userSelectModalData,
  slashCommandData,
} from './interaction-payloads.ts';
import { FakeRateLimiter, type RateLimitSettings } from './fake-rate-limits.ts';

/**
 * Largest attachment a user can upload, as interactions declare it
 * (`attachment_size_limit`, 10 MiB without boosts): the client refuses more.
 */
const FAKE_ATTACHMENT_SIZE_LIMIT = 10_485_760;

export interface FakeDiscordOptions {
  token?: string;
  applicationId?: string;
  guild?: Partial<FakeGuild>;
  limits?: RateLimitSettings;
}

/** Polls `probe` until it returns a value (not undefined/false), or fails after `timeoutMs`. */
export async function waitFor<T>(probe: () => T | undefined | false, what: string, timeoutMs = 4000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export class FakeDiscord {
  readonly state: FakeDiscordState;
  readonly limiter: FakeRateLimiter;
  readonly failures: InjectedFailure[] = [];
  readonly commands = new Map<string, unknown[]>();
  readonly gateway: FakeGateway;
  readonly token: string;
  readonly applicationId: string;
  readonly guild: FakeGuild;
  readonly #server: Server;
  readonly #commandId = nextSnowflake();

  private constructor(server: Server, options: FakeDiscordOptions) {
    this.#server = server;
    this.token = options.token ?? 'fake-bot-token';
    this.applicationId = options.applicationId ?? nextSnowflake();
    this.guild = {
      id: options.guild?.id ?? nextSnowflake(),
      name: options.guild?.name ?? 'Committee',
      channels: options.guild?.channels ?? [],
      roles: options.guild?.roles ?? [],
    };
    this.state = new FakeDiscordState({ id: this.applicationId, username: 'jamun', bot: true });
    for (const channel of this.guild.channels) {
      this.state.channels.set(channel.id, { id: channel.id, type: 0, guildId: this.guild.id, name: channel.name });
    }
    this.limiter = new FakeRateLimiter(options.limits ?? {});
    const ctx: RestContext = {
      state: this.state,
      limiter: this.limiter,
      failures: this.failures,
      token: this.token,
      gatewayUrl: () => this.gateway.url(),
      commands: this.commands,
    };
    this.gateway = new FakeGateway(server, this.state, {
      token: this.token,
      applicationId: this.applicationId,
      guild: this.guild,
    });
    server.on('request', (req, res) => {
      // The CDN: attachments users uploaded, served by their URL (no bot token needed, as on Discord's CDN).
      const cdn = /^\/ephemeral-attachments\/(\d+)\/[^/?]+/.exec(req.url ?? '');
      if (cdn) {
        const file = this.#attachments.get(cdn[1] ?? '');
        this.cdnRequests += 1;
        if (!file) res.writeHead(404, { 'content-type': 'text/plain' }).end('Not Found');
        else
          res
            .writeHead(200, { 'content-type': file.contentType, 'content-length': String(file.bytes.length) })
            .end(file.bytes);
        return;
      }
      handleRest(ctx, req, res).catch((error: unknown) => {
        res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ message: String(error) }));
      });
    });
  }

  readonly #attachments = new Map<string, { bytes: Buffer; contentType: string }>();
  /** Downloads from the CDN, for tests that a file too large is never fetched. */
  cdnRequests = 0;

  /**
   * A file a user attaches to a slash command's ATTACHMENT option: stored on
   * the fake CDN and described as Discord describes it (`resolved.attachments`).
   * More than the upload limit cannot be attached (the client refuses).
   */
  upload(filename: string, bytes: Uint8Array, contentType = 'application/octet-stream'): Record<string, unknown> {
    if (bytes.length > FAKE_ATTACHMENT_SIZE_LIMIT) {
      throw new RangeError(`${bytes.length} bytes exceed the upload limit of ${FAKE_ATTACHMENT_SIZE_LIMIT}`);
    }
    const id = nextSnowflake();
    this.#attachments.set(id, { bytes: Buffer.from(bytes), contentType });
    const url = `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}/ephemeral-attachments/${id}/${encodeURIComponent(filename)}`;
    return { id, filename, size: bytes.length, content_type: contentType, url, proxy_url: url, ephemeral: true };
  }

  /** Starts the fake on a free local port. */
  static async start(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return new FakeDiscord(server, options);
  }

  /** The REST base URL for discord.js (`rest.api`). */
  get apiUrl(): string {
    return `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}/api`;
  }

  /** Makes the next `times` requests matching `method` + `pattern` fail with `status`. */
  failNext(
    method: string,
    pattern: RegExp,
    status: number,
    extra: { code?: number; retryAfterS?: number; times?: number } = {},
  ): void {
    this.failures.push({ method, pattern, status, times: extra.times ?? 1, ...extra });
  }

  /** Messages in a user's DM channel, oldest first. */
  dmMessages(userId: string): FakeMessage[] {
    return this.state.messages.get(this.state.dmChannelOf(userId).id) ?? [];
  }

  channelMessages(channelId: string): FakeMessage[] {
    return this.state.messages.get(channelId) ?? [];
  }

  /** Every message body the bot sent or edited (REST payloads), for `allowed_mentions` checks. */
  messagePayloads(): Array<Record<string, unknown>> {
    return this.state.requests
      .filter((r) => /\/messages|\/webhooks\/|\/callback$/.test(r.path) && r.method !== 'GET' && r.json)
      .map((r) => {
        const json = r.json as Record<string, unknown>;
        return r.path.endsWith('/callback') ? ((json.data as Record<string, unknown> | undefined) ?? {}) : json;
      })
      .filter((json) => 'content' in json || 'embeds' in json);
  }

  #interaction(
    userId: string,
    place: InteractionPlace,
    type: number,
    data: Record<string, unknown>,
    message?: FakeMessage,
  ): FakeInteraction {
    const id = nextSnowflake();
    const interaction: FakeInteraction = {
      id,
      token: `token-${id}`,
      userId,
      channelId: place.channelId,
      messageId: message?.id,
      callbacks: [],
      messages: [],
      createdAt: Date.now(),
    };
    this.state.interactions.set(id, interaction);
    this.#dispatchInteraction(
      id,
      interactionBase({
        id,
        token: interaction.token,
        applicationId: this.applicationId,
        type,
        user: this.state.user(userId),
        place,
        data,
        ...(message ? { message: messageJson(this.state, message) } : {}),
      }),
    );
    return interaction;
  }

  /** INTERACTION_CREATE payloads by interaction id, for `redeliver`. */
  readonly #interactionPayloads = new Map<string, Record<string, unknown>>();

  #dispatchInteraction(id: string, payload: Record<string, unknown>): void {
    this.#interactionPayloads.set(id, payload);
    this.gateway.dispatch('INTERACTION_CREATE', payload);
  }

  /** Dispatches an interaction again, as a resumed gateway session may (same id, same token). */
  redeliver(interaction: FakeInteraction): void {
    const payload = this.#interactionPayloads.get(interaction.id);
    if (!payload) throw new Error(`no interaction ${interaction.id} was dispatched`);
    this.gateway.dispatch('INTERACTION_CREATE', payload);
  }

  #dmPlace(userId: string): InteractionPlace {
    return { kind: 'dm', channelId: this.state.dmChannelOf(userId).id };
  }

  /** A staff member runs `/jamun <subcommand>` in a guild channel. */
  slash(userId: string, slash: SlashOptions, where: { channelId: string; roleIds?: string[] }): FakeInteraction {
    const place: InteractionPlace = {
      kind: 'guild',
      guildId: this.guild.id,
      channelId: where.channelId,
      roleIds: where.roleIds ?? [],
    };
    return this.#interaction(userId, place, slash.focused ? 4 : 2, slashCommandData(this.#commandId, slash));
  }

  /** Where a component or modal interaction happens: the user's DM, or a guild channel (an ephemeral reply there). */
  #place(userId: string, where?: { channelId: string; roleIds?: string[] }): InteractionPlace {
    if (!where) return this.#dmPlace(userId);
    return { kind: 'guild', guildId: this.guild.id, channelId: where.channelId, roleIds: where.roleIds ?? [] };
  }

  /** A user presses a button of a message in their DM (or, with `where`, in a guild channel). */
  clickButton(
    userId: string,
    message: FakeMessage,
    customId: string,
    where?: { channelId: string; roleIds?: string[] },
  ): FakeInteraction {
    return this.#interaction(
      userId,
      this.#place(userId, where),
      3,
      { custom_id: customId, component_type: 2 },
      message,
    );
  }

  /** A user picks options of a string select in a DM message (or, with `where`, in a guild channel). */
  select(
    userId: string,
    message: FakeMessage,
    customId: string,
    values: string[],
    where?: { channelId: string; roleIds?: string[] },
  ): FakeInteraction {
    return this.#interaction(
      userId,
      this.#place(userId, where),
      3,
      { custom_id: customId, component_type: 3, values },
      message,
    );
  }

  /** A user submits a modal shown from a DM message (or, with `where`, in a guild channel). */
  submitModal(
    userId: string,
    customId: string,
    fields: Record<string, string | string[]>,
    message?: FakeMessage,
    where?: { channelId: string; roleIds?: string[] },
  ): FakeInteraction {
    return this.#interaction(userId, this.#place(userId, where), 5, modalSubmitData(customId, fields), message);
  }

  /**
   * `/jamun open ROUND` as staff run it: the command, then Open on the private
   * confirmation it answers with. Resolves once the open has edited that
   * message (its text is then the open's reply), or with `until:
   * 'acknowledged'` once the press was acknowledged (the open still running).
   */
  async openConfirmed(
    userId: string,
    roundId: string,
    channelId: string,
    timeoutMs = 20_000,
    until: 'opened' | 'acknowledged' = 'opened',
  ): Promise<{ ask: FakeInteraction; message: FakeMessage; press: FakeInteraction }> {
    const ask = this.slash(userId, { subcommand: 'open', options: { round: roundId } }, { channelId });
    const confirm = `ja|confirm|${roundId}`;
    const message = await waitFor(
      () => ask.messages.find((m) => JSON.stringify(m.components).includes(confirm)),
      'the open confirmation',
      timeoutMs,
    );
    const edits = message.edits;
    const press = this.clickButton(userId, message, confirm, { channelId });
    if (until === 'acknowledged')
      await waitFor(() => press.callbacks.length > 0, 'the Open press acknowledged', timeoutMs);
    else await waitFor(() => message.edits > edits, 'the open after its confirmation', timeoutMs);
    return { ask, message, press };
  }

  /** Staff submit a modal shown in answer to a slash command in a guild channel. */
  submitGuildModal(
    userId: string,
    customId: string,
    fields: Record<string, string | string[]>,
    where: { channelId: string; roleIds?: string[] },
  ): FakeInteraction {
    const place: InteractionPlace = {
      kind: 'guild',
      guildId: this.guild.id,
      channelId: where.channelId,
      roleIds: where.roleIds ?? [],
    };
    return this.#interaction(userId, place, 5, modalSubmitData(customId, fields));
  }

  /**
   * A staff member presses a button of `message` in a guild channel (an
   * ephemeral reply's buttons too), holding `roleIds` there.
   */
  clickInGuild(
    userId: string,
    message: FakeMessage,
    customId: string,
    where: { channelId: string; roleIds?: string[] },
  ): FakeInteraction {
    return this.#interaction(userId, this.#guildPlace(where), 3, { custom_id: customId, component_type: 2 }, message);
  }

  /**
   * A staff member submits, in a guild channel, a modal with user selects:
   * `picked` names the user ids chosen in each select (Discord resolves them).
   */
  submitUserSelectModal(
    userId: string,
    customId: string,
    fields: Record<string, string>,
    picked: Record<string, string[]>,
    where: { channelId: string; roleIds?: string[] },
  ): FakeInteraction {
    const users = Object.fromEntries(
      Object.entries(picked).map(([field, ids]) => [field, ids.map((id) => this.state.user(id))]),
    );
    return this.#interaction(userId, this.#guildPlace(where), 5, userSelectModalData(customId, fields, users));
  }

  #guildPlace(where: { channelId: string; roleIds?: string[] }): InteractionPlace {
    return { kind: 'guild', guildId: this.guild.id, channelId: where.channelId, roleIds: where.roleIds ?? [] };
  }

  /** A user types a plain message in their DM with the bot. */
  sendDm(userId: string, content: string): void {
    const channel = this.state.dmChannelOf(userId);
    this.gateway.dispatch(
      'MESSAGE_CREATE',
      dmMessageCreate({ id: nextSnowflake(), channelId: channel.id, user: this.state.user(userId), content }),
    );
  }

  async close(): Promise<void> {
    await this.gateway.close();
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }
}
