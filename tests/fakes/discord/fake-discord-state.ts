/**
 * What the fake Discord remembers: users, channels, messages (after edits),
 * interaction responses and every REST request it received. Plain data so
 * tests can assert on exactly what discord.js put on the wire.
 */

/** A file uploaded with a multipart message. */
export interface FakeFile {
  name: string;
  contentType: string;
  text: string;
  /** Bytes as uploaded. */
  bytes: Buffer;
  size: number;
}

/** One REST request as received. `json` is the JSON body or the multipart `payload_json`. */
export interface RecordedRequest {
  method: string;
  path: string;
  query: string;
  json: Record<string, unknown> | undefined;
  files: FakeFile[];
  status: number;
}

/** A message as it stands after edits. */
export interface FakeMessage {
  id: string;
  channelId: string;
  authorId: string;
  content: string;
  embeds: unknown[];
  components: unknown[];
  files: FakeFile[];
  allowedMentions: unknown;
  nonce: string | undefined;
  flags: number;
  edits: number;
  /** When it was created, on the fake's clock. */
  createdAt: number;
  /** Sent as an interaction response or follow-up (not via the channel route). */
  viaInteraction: string | undefined;
}

export interface FakeChannel {
  id: string;
  type: 0 | 1;
  recipientId?: string;
  guildId?: string;
  name?: string;
}

export interface FakeUser {
  id: string;
  username: string;
  bot?: boolean;
  /** The display name people chose (Discord's `global_name`). */
  globalName?: string;
}

/** One interaction the fake dispatched and what the bot answered. */
export interface FakeInteraction {
  id: string;
  token: string;
  userId: string;
  channelId: string;
  /** The message a component interaction came from (`update` edits it). */
  messageId: string | undefined;
  /** Callback bodies (`{ type, data }`) in order. */
  callbacks: Array<{ type: number; data?: Record<string, unknown> }>;
  /** Messages sent as the response or follow-ups, in order. */
  messages: FakeMessage[];
  /** When the fake dispatched it (ms): the initial response must come within 3 s. */
  createdAt: number;
  /** When the initial response (the first accepted callback) arrived (ms), for ack latency. */
  answeredAt?: number;
}

let snowflakeCounter = 1_250_000_000_000_000_000n;

/** A fresh, increasing snowflake id. */
export function nextSnowflake(): string {
  snowflakeCounter += 1n;
  return snowflakeCounter.toString();
}

export class FakeDiscordState {
  readonly users = new Map<string, FakeUser>();
  readonly channels = new Map<string, FakeChannel>();
  readonly messages = new Map<string, FakeMessage[]>();
  readonly interactions = new Map<string, FakeInteraction>();
  readonly requests: RecordedRequest[] = [];
  /** Users whose DMs are closed: messages to their DM answer 50007. */
  readonly dmClosed = new Set<string>();
  /** User ids Discord does not know: opening a DM answers 10013. */
  readonly unknownUsers = new Set<string>();
  /** Payloads the fake refused as Discord would (50035, 40005, 10062, 40060…), newest last. */
  readonly refusals: Array<{ method: string; path: string; code: number; problem: string }> = [];
  /** Messages a nonce lookup returned instead of creating a duplicate. */
  dedupedByNonce = 0;
  /** The fake's clock (ms): tests move it to pass the nonce window. */
  now: () => number = Date.now;

  constructor(readonly botUser: FakeUser) {
    this.users.set(botUser.id, botUser);
  }

  user(id: string): FakeUser {
    let user = this.users.get(id);
    if (!user) {
      user = { id, username: `user${id.slice(-4)}` };
      this.users.set(id, user);
    }
    return user;
  }

  /** The DM channel with a user, created on first use like `POST /users/@me/channels`. */
  dmChannelOf(userId: string): FakeChannel {
    for (const channel of this.channels.values()) {
      if (channel.type === 1 && channel.recipientId === userId) return channel;
    }
    const channel: FakeChannel = { id: nextSnowflake(), type: 1, recipientId: userId };
    this.channels.set(channel.id, channel);
    return channel;
  }

  addMessage(message: FakeMessage): void {
    const list = this.messages.get(message.channelId) ?? [];
    list.push(message);
    this.messages.set(message.channelId, list);
  }

  findMessage(channelId: string, messageId: string): FakeMessage | undefined {
    return this.messages.get(channelId)?.find((m) => m.id === messageId);
  }

  interactionByToken(token: string): FakeInteraction | undefined {
    for (const interaction of this.interactions.values()) {
      if (interaction.token === token) return interaction;
    }
    return undefined;
  }
}
