/**
 * The messenger port on Slack's Web API. Members are reached in a DM opened
 * once per user with `conversations.open` (the channel id is kept); staff
 * posts go to the staff channel; the summary is a header message with its
 * sections and files in the thread. Platform failures become `Delivery`
 * values, never exceptions.
 */
import type { webApi } from '@slack/bolt';
import type { Logger } from '../../core/ports/logger.ts';
import type {
  Delivery,
  MemberAddress,
  MemberMessage,
  MessageRef,
  Messenger,
  OutgoingFile,
  StaffMessage,
} from '../../core/ports/messenger.ts';
import { memberMessages } from './blocks-member.ts';
import { plainTextMessages, simpleStaffMessages, summaryMessages } from './blocks-staff.ts';
import type { SlackMessage } from './slack-blocks.ts';
import { toFailedDelivery } from './slack-errors.ts';
import { st } from './slack-texts.ts';

/** Settings of the Slack messenger. */
export interface SlackMessengerOptions {
  logger: Logger;
  /**
   * Least time between two edits of one staff post. `chat.update` is Tier 3
   * (~50/min); edits arriving faster are coalesced, the latest wins. 0 sends every edit.
   */
  editIntervalMs?: number;
}

interface EditState {
  lastAt: number;
  pending?: SlackMessage;
  timer?: NodeJS.Timeout;
  /** Edits of one message run one after the other, so an old text never lands last. */
  chain: Promise<unknown>;
}

/** Slack implementation of the `Messenger` port. */
export class SlackMessenger implements Messenger {
  readonly platform = 'slack' as const;
  readonly #client: webApi.WebClient;
  readonly #logger: Logger;
  readonly #editIntervalMs: number;
  readonly #dmChannels = new Map<string, Promise<string>>();
  readonly #edits = new Map<string, EditState>();

  constructor(client: webApi.WebClient, options: SlackMessengerOptions) {
    this.#client = client;
    this.#logger = options.logger.child({ component: 'slack-messenger' });
    this.#editIntervalMs = options.editIntervalMs ?? 1200;
  }

  /** The Web API client (handlers open modals with it). */
  get client(): webApi.WebClient {
    return this.#client;
  }

  /** The DM channel with `userId`, opened once and remembered. Throws the WebClient's error. */
  dmChannel(userId: string): Promise<string> {
    const known = this.#dmChannels.get(userId);
    if (known !== undefined) return known;
    const opening = this.#client.conversations.open({ users: userId }).then((result) => {
      const id = result.channel?.id;
      if (!id) throw new Error('conversations.open returned no channel');
      return id;
    });
    // A failed open is forgotten so a later attempt can try again.
    opening.catch(() => this.#dmChannels.delete(userId));
    this.#dmChannels.set(userId, opening);
    return opening;
  }

  async sendToMember(to: MemberAddress, message: MemberMessage, idempotencyKey: string): Promise<Delivery> {
    try {
      const channel = await this.dmChannel(to.userId);
      return await this.#postAll(channel, memberMessages(message));
    } catch (error) {
      const failure = toFailedDelivery(error);
      this.#logger.warn(
        { memberId: to.memberId, key: idempotencyKey, reason: failure.reason, detail: failure.detail },
        'slack DM failed',
      );
      return failure;
    }
  }

  /** A plain-text DM to a member (confirmations of what they just did). */
  async sendDmText(userId: string, text: string): Promise<Delivery> {
    try {
      return await this.#postAll(await this.dmChannel(userId), plainTextMessages(text));
    } catch (error) {
      return toFailedDelivery(error);
    }
  }

  /** Plain text (no markup can apply) to a channel the bot is in, e.g. the DM a member wrote in. */
  async postText(channelId: string, text: string): Promise<Delivery> {
    try {
      return await this.#postAll(channelId, plainTextMessages(text));
    } catch (error) {
      return toFailedDelivery(error);
    }
  }

  async postToStaff(channelId: string, message: StaffMessage, idempotencyKey: string): Promise<Delivery> {
    try {
      if (message.kind !== 'summary') return await this.#postAll(channelId, simpleStaffMessages(message));
      const { header, replies } = summaryMessages(message.summary);
      const first = await this.#postAll(channelId, header);
      if (!first.ok) return first;
      const thread = first.ref.messageId;
      await this.#postAll(channelId, replies, thread);
      await this.uploadFiles(channelId, message.files, st(message.locale, 'slack.summary.files'), thread);
      return first;
    } catch (error) {
      const failure = toFailedDelivery(error);
      this.#logger.warn(
        { channelId, key: idempotencyKey, reason: failure.reason, detail: failure.detail },
        'slack staff post failed',
      );
      return failure;
    }
  }

  async editStaffPost(ref: MessageRef, message: StaffMessage): Promise<Delivery> {
    if (message.kind === 'summary')
      return { ok: false, permanent: true, reason: 'platform_error', detail: 'summary_not_editable' };
    const [content] = simpleStaffMessages(message);
    if (!content) return { ok: true, ref };
    const key = `${ref.channelId}:${ref.messageId}`;
    const state = this.#edits.get(key) ?? { lastAt: 0, chain: Promise.resolve() };
    this.#edits.set(key, state);
    const now = Date.now();
    if (state.timer === undefined && now - state.lastAt >= this.#editIntervalMs) {
      state.lastAt = now;
      return this.#queueUpdate(state, ref, content);
    }
    state.pending = content;
    if (state.timer === undefined) {
      const wait = Math.max(0, this.#editIntervalMs - (now - state.lastAt));
      state.timer = setTimeout(() => void this.#sendPending(ref, state), wait);
    }
    return { ok: true, ref };
  }

  /** Uploads files (`filesUploadV2`: getUploadURLExternal, upload, completeUploadExternal). Throws on failure. */
  async uploadFiles(channelId: string, files: OutgoingFile[], comment: string, threadTs?: string): Promise<void> {
    if (files.length === 0) return;
    await this.#client.filesUploadV2({
      channel_id: channelId,
      initial_comment: comment,
      ...(threadTs ? { thread_ts: threadTs } : {}),
      file_uploads: files.map((file) => ({ file: file.content, filename: file.name, title: file.name })),
    });
  }

  /** Sends every coalesced edit now. Call before reading the channel or shutting down. */
  async flush(): Promise<void> {
    const work: Array<Promise<unknown>> = [];
    for (const [key, state] of this.#edits) {
      const [channelId = '', messageId = ''] = key.split(':');
      if (state.timer !== undefined) work.push(this.#sendPending({ channelId, messageId }, state));
      work.push(state.chain);
    }
    await Promise.all(work);
  }

  /** Flushes pending edits and stops the timers. */
  async close(): Promise<void> {
    await this.flush();
    this.#edits.clear();
  }

  async #sendPending(ref: MessageRef, state: EditState): Promise<void> {
    clearTimeout(state.timer);
    state.timer = undefined;
    const content = state.pending;
    state.pending = undefined;
    if (!content) return;
    state.lastAt = Date.now();
    const result = await this.#queueUpdate(state, ref, content);
    if (!result.ok)
      this.#logger.warn({ channelId: ref.channelId, reason: result.reason }, 'slack progress edit failed');
  }

  #queueUpdate(state: EditState, ref: MessageRef, content: SlackMessage): Promise<Delivery> {
    const run = state.chain.then(async (): Promise<Delivery> => {
      try {
        await this.#client.chat.update({
          channel: ref.channelId,
          ts: ref.messageId,
          text: content.text,
          blocks: content.blocks,
        });
        return { ok: true, ref };
      } catch (error) {
        return toFailedDelivery(error);
      }
    });
    state.chain = run;
    return run;
  }

  /** Posts messages in order (threaded under `threadTs` when given); the ref is the first one's. */
  async #postAll(channel: string, messages: SlackMessage[], threadTs?: string): Promise<Delivery> {
    let ref: MessageRef | undefined;
    for (const message of messages) {
      const result = await this.#client.chat.postMessage({
        channel,
        text: message.text,
        blocks: message.blocks,
        unfurl_links: false,
        unfurl_media: false,
        ...(threadTs ? { thread_ts: threadTs } : {}),
      });
      if (!ref && result.ts) ref = { channelId: result.channel ?? channel, messageId: result.ts };
    }
    if (!ref) return { ok: false, permanent: false, reason: 'platform_error', detail: 'no_message_ts' };
    return { ok: true, ref };
  }
}
