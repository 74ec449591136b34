/**
 * The gateway half of the fake Discord: JSON encoding, no compression.
 * HELLO on connect, READY (+ GUILD_CREATE) on IDENTIFY, heartbeat ACKs, and
 * `dispatch` to push events to every identified session.
 */
import type { Server } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';
import type { FakeDiscordState } from './fake-discord-state.ts';

/** The guild the bot is in, sent as GUILD_CREATE after READY. */
export interface FakeGuild {
  id: string;
  name: string;
  channels: Array<{ id: string; name: string }>;
  roles: Array<{ id: string; name: string }>;
}

interface Session {
  socket: WebSocket;
  sequence: number;
  ready: boolean;
  /** The intents bitfield sent with IDENTIFY: events outside it are never delivered. */
  intents: number;
}

/** Gateway intents the fake knows. https://discord.com/developers/docs/events/gateway#gateway-intents */
const INTENT = { guilds: 1 << 0, guildMessages: 1 << 9, directMessages: 1 << 12 } as const;

/** The intent an event needs, or 0 (INTERACTION_CREATE, READY…). */
function intentOf(t: string, d: unknown): number {
  if (t === 'GUILD_CREATE') return INTENT.guilds;
  if (t === 'MESSAGE_CREATE' || t === 'MESSAGE_UPDATE') {
    const inGuild = typeof d === 'object' && d !== null && 'guild_id' in d && d.guild_id !== undefined;
    return inGuild ? INTENT.guildMessages : INTENT.directMessages;
  }
  return 0;
}

export class FakeGateway {
  readonly #wss: WebSocketServer;
  readonly #sessions = new Set<Session>();
  readonly #readyWaiters: Array<() => void> = [];
  identifies = 0;
  /** Events not delivered because the session lacked their intent. */
  readonly withheld: string[] = [];

  constructor(
    server: Server,
    private readonly state: FakeDiscordState,
    private readonly options: { token: string; applicationId: string; guild: FakeGuild },
  ) {
    this.#wss = new WebSocketServer({ server, path: '/gateway' });
    this.#wss.on('connection', (socket) => this.#accept(socket));
  }

  #accept(socket: WebSocket): void {
    const session: Session = { socket, sequence: 0, ready: false, intents: 0 };
    this.#sessions.add(session);
    socket.on('close', () => this.#sessions.delete(session));
    socket.on('message', (raw) => this.#onFrame(session, raw.toString()));
    socket.send(JSON.stringify({ op: 10, d: { heartbeat_interval: 41_250 }, s: null, t: null }));
  }

  #onFrame(session: Session, raw: string): void {
    const frame = JSON.parse(raw) as { op: number; d: unknown };
    if (frame.op === 1) {
      session.socket.send(JSON.stringify({ op: 11, d: null, s: null, t: null }));
      return;
    }
    if (frame.op === 2) {
      const { token, intents } = frame.d as { token?: string; intents?: number };
      if (typeof intents !== 'number') {
        session.socket.close(4013, 'Invalid intent(s).');
        return;
      }
      session.intents = intents;
      if (token !== this.options.token) {
        session.socket.close(4004, 'Authentication failed.');
        return;
      }
      this.identifies += 1;
      this.#identified(session);
      return;
    }
    if (frame.op === 6) {
      // No resumable sessions in the fake: ask for a fresh IDENTIFY.
      session.socket.send(JSON.stringify({ op: 9, d: false, s: null, t: null }));
    }
  }

  #identified(session: Session): void {
    const { guild, applicationId } = this.options;
    const bot = this.state.botUser;
    this.#send(session, 'READY', {
      v: 10,
      user: {
        id: bot.id,
        username: bot.username,
        discriminator: '0',
        global_name: null,
        avatar: null,
        bot: true,
        verified: true,
        flags: 0,
      },
      guilds: [{ id: guild.id, unavailable: true }],
      session_id: `session-${Date.now()}`,
      resume_gateway_url: `${this.url()}`,
      shard: [0, 1],
      application: { id: applicationId, flags: 0 },
      private_channels: [],
      relationships: [],
    });
    session.ready = true;
    this.#send(session, 'GUILD_CREATE', {
      id: guild.id,
      name: guild.name,
      icon: null,
      owner_id: '1',
      afk_timeout: 300,
      verification_level: 0,
      default_message_notifications: 0,
      explicit_content_filter: 0,
      features: [],
      mfa_level: 0,
      system_channel_flags: 0,
      premium_tier: 0,
      preferred_locale: 'ko',
      nsfw_level: 0,
      joined_at: new Date().toISOString(),
      large: false,
      unavailable: false,
      member_count: 1,
      roles: [
        {
          id: guild.id,
          name: '@everyone',
          color: 0,
          hoist: false,
          position: 0,
          permissions: '0',
          managed: false,
          mentionable: false,
          flags: 0,
        },
        ...guild.roles.map((r, i) => ({
          ...r,
          color: 0,
          hoist: false,
          position: i + 1,
          permissions: '0',
          managed: false,
          mentionable: false,
          flags: 0,
        })),
      ],
      emojis: [],
      stickers: [],
      members: [],
      channels: guild.channels.map((c, i) => ({
        id: c.id,
        type: 0,
        name: c.name,
        guild_id: guild.id,
        position: i,
        permission_overwrites: [],
      })),
      threads: [],
      presences: [],
      voice_states: [],
      stage_instances: [],
      guild_scheduled_events: [],
    });
    for (const resolve of this.#readyWaiters.splice(0)) resolve();
  }

  #send(session: Session, t: string, d: unknown): void {
    const needed = intentOf(t, d);
    if (needed !== 0 && (session.intents & needed) === 0) {
      this.withheld.push(t);
      return;
    }
    session.sequence += 1;
    session.socket.send(JSON.stringify({ op: 0, t, s: session.sequence, d }));
  }

  /** The `ws://` URL `GET /gateway/bot` announces. */
  url(): string {
    const address = this.#wss.address();
    if (address && typeof address === 'object') return `ws://127.0.0.1:${address.port}/gateway`;
    throw new Error('gateway not listening');
  }

  /** Resolves once a client has identified. */
  waitForReady(): Promise<void> {
    if ([...this.#sessions].some((s) => s.ready)) return Promise.resolve();
    return new Promise((resolve) => this.#readyWaiters.push(resolve));
  }

  /** Sends a dispatch event to every identified session. */
  dispatch(t: string, d: unknown): void {
    for (const session of this.#sessions) if (session.ready) this.#send(session, t, d);
  }

  async close(): Promise<void> {
    for (const session of this.#sessions) session.socket.terminate();
    await new Promise<void>((resolve) => this.#wss.close(() => resolve()));
  }
}
