/**
 * The Messenger port on discord.js: member DMs, staff-channel posts and
 * edits. Every payload sets `allowed_mentions: { parse: [] }`; rate limits
 * and 5xx retries are discord.js's (per-route queues, waits on 429);
 * failures come back as `Delivery` values, never as throws.
 */
import { createHash } from 'node:crypto';
import type { Client, Message, SendableChannels } from 'discord.js';
import type { Logger } from '../../core/ports/logger.ts';
import type {
  CutSend,
  Delivery,
  MemberAddress,
  MemberMessage,
  MessageRef,
  Messenger,
  OutgoingFile,
  PartLabel,
  PartLedger,
  PlatformProfile,
  SettledSend,
  StaffMessage,
  UploadFile,
} from '../../core/ports/messenger.ts';
import { HEADER_PART, sendEveryPart, uploadBody } from '../../core/ports/messenger.ts';
import { renderSummaryChat } from '../../core/summary/render-chat.ts';
import { splitDiskFile, splitFile } from '../../core/summary/split-file.ts';
import { splitText } from '../../core/text/split-text.ts';
import { renderProgress } from '../../core/text/render-views.ts';
import type { ButtonRow } from './components-invitation.ts';
import { DISCORD_MESSAGE_LIMIT, NO_MENTIONS, discordFormatter } from './discord-formatter.ts';
import { toFailedDelivery } from './delivery-errors.ts';
import { DISCORD_ATTACHMENT_BYTES, DISCORD_MESSAGE } from './discord-limits.ts';
import { renderMemberDm } from './member-messages.ts';
import { discordProfile } from './discord-profile.ts';

/** Discord's nonce is at most 25 characters; derive a stable one from the idempotency key. */
function nonceFor(idempotencyKey: string, index: number): string {
  return createHash('sha256').update(`${idempotencyKey}#${index}`).digest('base64url').slice(0, 25);
}

/**
 * How long after a cut send began a repeat with the same nonce is trusted to
 * return the message, if it arrived, instead of making a second one: half of
 * Discord's window, leaving the rest for clock differences between instances
 * and the time the repeat takes.
 */
const NONCE_TRUSTED_MS = DISCORD_MESSAGE.nonceWindowMs / 2;

interface OutgoingPost {
  content: string;
  components?: ButtonRow[];
  files?: UploadFile[];
  /** What the post is, for the part ledger (a summary's file is named to staff if it is missing). */
  label?: PartLabel;
}

/** The ledger id of a post: the first is the header, files by name, the rest by position. */
function partIdOf(post: OutgoingPost, index: number): string {
  if (index === 0) return HEADER_PART;
  return post.label?.kind === 'file' ? `file-${post.label.name}` : `part-${index}`;
}

/** The messages a staff message becomes, in order, without a summary's files. */
function renderStaffPosts(message: StaffMessage): OutgoingPost[] {
  switch (message.kind) {
    case 'text':
      return splitText(message.text, DISCORD_MESSAGE_LIMIT).map((content) => ({ content }));
    case 'progress':
      return splitText(renderProgress(message.view, message.locale, discordFormatter), DISCORD_MESSAGE_LIMIT).map(
        (content) => ({ content }),
      );
    case 'summary': {
      const { header, sections } = renderSummaryChat(message.summary, discordFormatter);
      return [{ content: header }, ...sections.map((content) => ({ content }))];
    }
  }
}

/**
 * The messages a staff message becomes, then a summary's files: each file
 * (or part of one, within the upload limit) is its own message, so one that
 * Discord refuses is named to staff and the rest still arrive. A file on disk
 * that fits goes as its path; one that does not is read a part at a time, as
 * each part's turn comes.
 */
async function* staffPosts(message: StaffMessage): AsyncGenerator<OutgoingPost> {
  yield* renderStaffPosts(message);
  if (message.kind !== 'summary') return;
  for (const file of message.files) {
    const pieces =
      'content' in file ? splitFile(file, DISCORD_ATTACHMENT_BYTES) : splitDiskFile(file, DISCORD_ATTACHMENT_BYTES);
    for (const piece of pieces)
      yield {
        content: discordFormatter.escape(piece.name),
        files: [piece],
        label: { kind: 'file' as const, name: piece.name },
      };
  }
}

/**
 * Files packed, in order, into messages Discord takes: at most 10
 * attachments and {@link DISCORD_ATTACHMENT_BYTES} in all per message. A
 * file larger than that is never given (the core serves it by link).
 */
function attachmentGroups(files: readonly OutgoingFile[]): OutgoingFile[][] {
  const groups: OutgoingFile[][] = [];
  let group: OutgoingFile[] = [];
  let bytes = 0;
  for (const file of files) {
    const size = file.content.length;
    if (group.length > 0 && (group.length >= DISCORD_MESSAGE.attachments || bytes + size > DISCORD_ATTACHMENT_BYTES)) {
      groups.push(group);
      group = [];
      bytes = 0;
    }
    group.push(file);
    bytes += size;
  }
  if (group.length > 0) groups.push(group);
  return groups;
}

export class DiscordMessenger implements Messenger {
  readonly platform = 'discord' as const;
  readonly maxFileBytes = DISCORD_ATTACHMENT_BYTES;

  constructor(
    private readonly client: Client,
    private readonly logger: Logger,
  ) {}

  /** What Discord's profile says of a user staff picked (a name; no time zone); null: no such user. */
  profileOf(userId: string): Promise<PlatformProfile | null> {
    return discordProfile(this.client, userId);
  }

  async sendToMember(
    to: MemberAddress,
    message: MemberMessage,
    idempotencyKey: string,
    parts: PartLedger = sendEveryPart,
  ): Promise<Delivery> {
    const dm = renderMemberDm(message);
    try {
      const channel = await this.client.users.createDM(to.userId);
      // Each chunk of a split DM is its own part: a retry sends only the chunks missing.
      let last: Delivery | undefined;
      for (const [index, content] of dm.chunks.entries()) {
        const isLast = index === dm.chunks.length - 1;
        const post = {
          content,
          ...(isLast ? { components: dm.components, ...(dm.file ? { files: [dm.file] } : {}) } : {}),
        };
        last = await parts.part(partIdOf(post, index), { kind: 'message', index }, () =>
          this.#sendPart(channel, post, idempotencyKey, index),
        );
        if (!last.ok) return last;
      }
      if (!last) throw new Error('nothing to send');
      // Agenda materials follow in messages of at most 10 files and 10 MiB, each its own part;
      // one that fails is the ledger's to retry or report, the invitation stands.
      if (message.kind === 'invitation')
        for (const [i, group] of attachmentGroups(message.files ?? []).entries()) {
          const names = group.map((f) => f.name);
          const post = { content: names.map((n) => discordFormatter.escape(n)).join('\n'), files: group };
          const index = dm.chunks.length + i;
          await parts.part(`file-${names.join('+')}`, { kind: 'file', name: names.join(', ') }, () =>
            this.#sendPart(channel, post, idempotencyKey, index),
          );
        }
      return last;
    } catch (error) {
      return this.#failure(error, { memberId: to.memberId, kind: message.kind });
    }
  }

  /**
   * A cut DM is sent again with the same nonces (`enforce_nonce`): within
   * Discord's window a part that arrived is returned, not created twice, so
   * the member ends with exactly one. Past the window Discord would create a
   * second message and cannot say whether the first arrived: uncertain.
   * A repeat that fails says nothing about the cut one: uncertain too.
   */
  async settleUncertain(
    to: MemberAddress,
    message: MemberMessage,
    idempotencyKey: string,
    cut: CutSend,
  ): Promise<SettledSend> {
    const elapsed = cut.now.getTime() - cut.startedAt.getTime();
    if (elapsed < 0 || elapsed > NONCE_TRUSTED_MS)
      return { settled: false, detail: `cut ${Math.round(elapsed / 1000)} s ago, outside the nonce window` };
    const delivery = await this.sendToMember(to, message, idempotencyKey);
    if (delivery.ok) return { settled: true, delivery };
    return { settled: false, detail: `the repeat failed: ${delivery.reason}` };
  }

  async postToStaff(
    channelId: string,
    message: StaffMessage,
    idempotencyKey: string,
    parts: PartLedger = sendEveryPart,
  ): Promise<Delivery> {
    try {
      const channel = await this.#staffChannel(channelId);
      if (!channel) return this.#noChannel(channelId, message.kind);
      let first: Delivery | undefined;
      let next = 0;
      for await (const post of staffPosts(message)) {
        const index = next++;
        const label: PartLabel = post.label ?? { kind: 'message', index };
        const sent = await parts.part(partIdOf(post, index), label, () =>
          this.#sendPart(channel, post, idempotencyKey, index),
        );
        // Without the first message there is no post; later parts that fail are the ledger's to report.
        if (index === 0 && !sent.ok) return sent;
        first ??= sent;
      }
      if (!first) throw new Error('nothing to send');
      return first;
    } catch (error) {
      return this.#failure(error, { channelId, kind: message.kind });
    }
  }

  async editStaffPost(ref: MessageRef, message: StaffMessage): Promise<Delivery> {
    try {
      const channel = await this.#staffChannel(ref.channelId);
      if (!channel) return this.#noChannel(ref.channelId, message.kind);
      const [first] = renderStaffPosts(message);
      const edited = await channel.messages.edit(ref.messageId, {
        content: first?.content ?? '',
        allowedMentions: NO_MENTIONS,
      });
      return { ok: true, ref: { channelId: edited.channelId, messageId: edited.id } };
    } catch (error) {
      return this.#failure(error, { channelId: ref.channelId, kind: message.kind });
    }
  }

  /** The staff channel, or null when the bot cannot see it or cannot post there. */
  async #staffChannel(channelId: string): Promise<SendableChannels | null> {
    const channel = await this.client.channels.fetch(channelId);
    return channel?.isSendable() ? channel : null;
  }

  #noChannel(channelId: string, kind: string): Delivery {
    this.logger.warn({ channelId, kind }, 'discord staff channel not found or not a text channel');
    return { ok: false, permanent: true, reason: 'channel_not_found', detail: `channel ${channelId}` };
  }

  /** One post as a part: a failure is a value, never a throw. */
  async #sendPart(
    channel: SendableChannels,
    post: OutgoingPost,
    idempotencyKey: string,
    index: number,
  ): Promise<Delivery> {
    try {
      const sent = await this.#send(channel, post, idempotencyKey, index);
      return { ok: true, ref: { channelId: sent.channelId, messageId: sent.id } };
    } catch (error) {
      return this.#failure(error, { channelId: channel.id, part: index });
    }
  }

  #send(channel: SendableChannels, post: OutgoingPost, idempotencyKey: string, index: number): Promise<Message> {
    return channel.send({
      content: post.content,
      components: post.components ?? [],
      files: (post.files ?? []).map((f) => ({ attachment: uploadBody(f), name: f.name, contentType: f.mimeType })),
      allowedMentions: NO_MENTIONS,
      nonce: nonceFor(idempotencyKey, index),
      enforceNonce: true,
    });
  }

  #failure(error: unknown, context: Record<string, unknown>): Delivery {
    const failure = toFailedDelivery(error);
    this.logger.warn(
      { ...context, reason: failure.reason, permanent: failure.permanent, detail: failure.detail },
      'discord delivery failed',
    );
    return failure;
  }
}
