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
  CutSend,
  Delivery,
  MemberAddress,
  MemberMessage,
  MessageRef,
  Messenger,
  PartLedger,
  PlatformProfile,
  SettledSend,
  StaffMessage,
  UploadFile,
} from '../../core/ports/messenger.ts';
import { HEADER_PART, sendEveryPart, uploadBody } from '../../core/ports/messenger.ts';
import { memberMessages } from './blocks-member.ts';
import { plainTextMessages, simpleStaffMessages, summaryMessages } from './blocks-staff.ts';
import type { SlackMessage } from './slack-blocks.ts';
import { toFailedDelivery } from './slack-errors.ts';
import { SLACK_FILE } from './slack-limits.ts';
import { st } from './slack-texts.ts';
import { findSentParts, sendMetadata } from './sent-lookup.ts';
import { slackProfile } from './slack-profile.ts';
import { type CallLimit, CallPacer, DM_OPEN_LIMIT } from './slack-pacing.ts';

/** Settings of the Slack messenger. */
export interface SlackMessengerOptions {
  logger: Logger;
  /**
   * Least time between two edits of one staff post. `chat.update` is Tier 3
   * (~50/min); edits arriving faster are coalesced, the latest wins. 0 sends every edit.
   */
  editIntervalMs?: number;
  /** `conversations.open` calls allowed per window (default Tier 3: 50 per minute). */
  dmOpenLimit?: CallLimit;
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
  readonly maxFileBytes = SLACK_FILE.maxBytes;
  readonly #client: webApi.WebClient;
  readonly #logger: Logger;
  readonly #editIntervalMs: number;
  readonly #dmChannels = new Map<string, Promise<string>>();
  readonly #edits = new Map<string, EditState>();
  readonly #dmOpens: CallPacer;

  constructor(client: webApi.WebClient, options: SlackMessengerOptions) {
    this.#client = client;
    this.#logger = options.logger.child({ component: 'slack-messenger' });
    this.#editIntervalMs = options.editIntervalMs ?? 1200;
    this.#dmOpens = new CallPacer(options.dmOpenLimit ?? DM_OPEN_LIMIT);
  }

  /** The Web API client (handlers open modals with it). */
  get client(): webApi.WebClient {
    return this.#client;
  }

  /** What Slack's profile says of a user staff picked (`users.info`); null: no such user. */
  profileOf(userId: string): Promise<PlatformProfile | null> {
    return slackProfile(this.#client, userId, this.#logger);
  }

  /** The DM channel with `userId`, opened once and remembered. Throws the WebClient's error. */
  dmChannel(userId: string): Promise<string> {
    const known = this.#dmChannels.get(userId);
    if (known !== undefined) return known;
    // Paced to the method's limit: a refused call would pause every call of the client (see slack-pacing.ts).
    const opening = this.#dmOpens
      .take()
      .then(() => this.#client.conversations.open({ users: userId }))
      .then((result) => {
        const id = result.channel?.id;
        if (!id) throw new Error('conversations.open returned no channel');
        return id;
      });
    // A failed open is forgotten so a later attempt can try again.
    opening.catch(() => this.#dmChannels.delete(userId));
    this.#dmChannels.set(userId, opening);
    return opening;
  }

  async sendToMember(
    to: MemberAddress,
    message: MemberMessage,
    idempotencyKey: string,
    parts: PartLedger = sendEveryPart,
  ): Promise<Delivery> {
    try {
      const channel = await this.dmChannel(to.userId);
      // Each message of a split DM is its own part: a retry sends only the ones missing.
      let first: Delivery | undefined;
      for (const [index, content] of memberMessages(message).entries()) {
        const sent = await parts.part(index === 0 ? HEADER_PART : `part-${index}`, { kind: 'message', index }, () =>
          this.#postOne(channel, content, undefined, sendMetadata(idempotencyKey, index)),
        );
        if (!sent.ok) return sent;
        first ??= sent;
      }
      // Agenda materials follow the invitation in the DM, one upload (and one part) per file;
      // one that fails is the ledger's to retry or report, the invitation stands.
      if (message.kind === 'invitation')
        for (const file of message.files ?? [])
          await parts.part(`file-${file.name}`, { kind: 'file', name: file.name }, () =>
            this.#uploadOne(channel, file, ''),
          );
      return first ?? { ok: false, permanent: false, reason: 'platform_error', detail: 'nothing_to_send' };
    } catch (error) {
      const failure = toFailedDelivery(error);
      this.#logger.warn(
        { memberId: to.memberId, key: idempotencyKey, reason: failure.reason, detail: failure.detail },
        'slack DM failed',
      );
      return failure;
    }
  }

  /**
   * A cut DM is looked up in the DM's history: every message of a member DM
   * carries its idempotency key and part in its metadata. Parts found are
   * not sent again; parts certainly absent are sent now. When the history
   * cannot be read whole, or a later part fails after an earlier one was
   * found, Slack cannot tell: uncertain.
   */
  async settleUncertain(
    to: MemberAddress,
    message: MemberMessage,
    idempotencyKey: string,
    cut: CutSend,
  ): Promise<SettledSend> {
    let channel: string;
    let found: Map<number, string>;
    try {
      channel = await this.dmChannel(to.userId);
      found = await findSentParts(this.#client, channel, idempotencyKey, cut);
    } catch (error) {
      const failure = toFailedDelivery(error);
      return { settled: false, detail: `history lookup failed: ${failure.detail ?? failure.reason}` };
    }
    let first: Delivery | undefined;
    for (const [index, content] of memberMessages(message).entries()) {
      const ts = found.get(index);
      const sent: Delivery =
        ts !== undefined
          ? { ok: true, ref: { channelId: channel, messageId: ts } }
          : await this.#postOne(channel, content, undefined, sendMetadata(idempotencyKey, index));
      if (!sent.ok) {
        // Nothing of it is there (the first part was absent and failed now): a plain failure.
        if (index === 0) return { settled: true, delivery: sent };
        return { settled: false, detail: `part ${index + 1} failed after earlier parts: ${sent.reason}` };
      }
      first ??= sent;
    }
    return first ? { settled: true, delivery: first } : { settled: false, detail: 'nothing to send' };
  }

  /** A plain-text DM to a member (confirmations of what they just did). */
  sendDmText(userId: string, text: string): Promise<Delivery> {
    return this.sendDmMessages(userId, plainTextMessages(text));
  }

  /** Messages, in order, to the DM of `userId` (a staff reply too long for a response_url). */
  async sendDmMessages(userId: string, messages: SlackMessage[]): Promise<Delivery> {
    try {
      return await this.#postAll(await this.dmChannel(userId), messages);
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

  async postToStaff(
    channelId: string,
    message: StaffMessage,
    idempotencyKey: string,
    parts: PartLedger = sendEveryPart,
  ): Promise<Delivery> {
    try {
      if (message.kind !== 'summary') return await this.#postAll(channelId, simpleStaffMessages(message));
      // Every message and every file is its own part: one that fails does not stop
      // the others, and a retry sends only what is missing.
      const { header, replies } = summaryMessages(message.summary);
      const [top, ...rest] = header;
      if (!top) return { ok: false, permanent: true, reason: 'platform_error', detail: 'empty_summary' };
      const first = await parts.part(HEADER_PART, { kind: 'message', index: 0 }, () => this.#postOne(channelId, top));
      if (!first.ok) return first;
      const thread = first.ref.messageId;
      for (const [i, content] of [...rest, ...replies].entries())
        await parts.part(`part-${i + 1}`, { kind: 'message', index: i + 1 }, () =>
          this.#postOne(channelId, content, thread),
        );
      const comment = st(message.locale, 'slack.summary.files');
      for (const [i, file] of message.files.entries())
        await parts.part(`file-${file.name}`, { kind: 'file', name: file.name }, () =>
          this.#uploadOne(channelId, file, i === 0 ? comment : '', thread),
        );
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
  async uploadFiles(channelId: string, files: UploadFile[], comment: string, threadTs?: string): Promise<void> {
    if (files.length === 0) return;
    await this.#client.filesUploadV2({
      channel_id: channelId,
      ...(comment ? { initial_comment: comment } : {}),
      ...(threadTs ? { thread_ts: threadTs } : {}),
      // A file on disk goes as its path, which the client reads as it uploads.
      file_uploads: files.map((file) => ({ file: uploadBody(file), filename: file.name, title: file.name })),
    });
  }

  /** One message as a part: a failure is a value, never a throw. */
  async #postOne(
    channel: string,
    message: SlackMessage,
    threadTs?: string,
    metadata?: webApi.ChatPostMessageArguments['metadata'],
  ): Promise<Delivery> {
    try {
      return await this.#postAll(channel, [message], threadTs, metadata);
    } catch (error) {
      return toFailedDelivery(error);
    }
  }

  /** One file as a part; its ref is the file id. */
  async #uploadOne(channelId: string, file: UploadFile, comment: string, threadTs?: string): Promise<Delivery> {
    try {
      await this.uploadFiles(channelId, [file], comment, threadTs);
      return { ok: true, ref: { channelId, messageId: file.name } };
    } catch (error) {
      const failure = toFailedDelivery(error);
      this.#logger.warn({ channelId, file: file.name, reason: failure.reason }, 'slack file upload failed');
      return failure;
    }
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
  async #postAll(
    channel: string,
    messages: SlackMessage[],
    threadTs?: string,
    metadata?: webApi.ChatPostMessageArguments['metadata'],
  ): Promise<Delivery> {
    let ref: MessageRef | undefined;
    for (const message of messages) {
      const result = await this.#client.chat.postMessage({
        channel,
        text: message.text,
        blocks: message.blocks,
        unfurl_links: false,
        unfurl_media: false,
        ...(threadTs ? { thread_ts: threadTs } : {}),
        ...(metadata ? { metadata } : {}),
      });
      if (!ref && result.ts) ref = { channelId: result.channel ?? channel, messageId: result.ts };
    }
    if (!ref) return { ok: false, permanent: false, reason: 'platform_error', detail: 'no_message_ts' };
    return { ok: true, ref };
  }
}
