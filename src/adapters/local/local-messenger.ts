/**
 * The in-process messenger: keeps what every member and staff channel
 * received, as plain text. The demo prints it; tests assert on it; users
 * whose DMs should fail can be named.
 */
import type { Platform } from '../../core/model.ts';
import type {
  CutSend,
  Delivery,
  MemberAddress,
  MemberMessage,
  MessageRef,
  PlatformProfile,
  Messenger,
  SettledSend,
  StaffMessage,
} from '../../core/ports/messenger.ts';
import { renderSummaryChat } from '../../core/summary/index.ts';
import { plainFormatter } from '../../core/text/formatter.ts';
import { renderMemberMessage, renderProgress } from '../../core/text/render-views.ts';

/** One message as the local platform holds it. */
export interface LocalMessage {
  id: string;
  channelId: string;
  kind: string;
  text: string;
  files: string[];
  idempotencyKey?: string;
  /** How many times it was edited. */
  edits: number;
}

export class LocalMessenger implements Messenger {
  readonly platform: Platform = 'local';
  /** The in-process messenger keeps files of any size a real one would take (Slack's 1 GB). */
  readonly maxFileBytes = 1_000_000_000;
  readonly #messages: LocalMessage[] = [];
  readonly #unreachable = new Map<string, Extract<Delivery, { ok: false }>>();
  #nextId = 1;
  /** Called after each message lands (the demo prints a timeline from it). */
  onMessage: ((message: LocalMessage) => void) | undefined;
  /**
   * Whether a cut send can be looked up (by its idempotency key) and settled.
   * False plays a platform that cannot tell: cut sends stay uncertain.
   */
  canSettle = true;

  readonly #profiles = new Map<string, PlatformProfile | null>();

  /** What `profileOf` says of this user (null: no such user); unset users are people without a name. */
  setProfile(userId: string, profile: PlatformProfile | null): void {
    this.#profiles.set(userId, profile);
  }

  async profileOf(userId: string): Promise<PlatformProfile | null> {
    const profile = this.#profiles.get(userId);
    return profile === undefined ? { person: true } : profile;
  }

  /** Makes DMs to this user fail the way a closed DM fails on a real platform. */
  failFor(
    userId: string,
    failure: Extract<Delivery, { ok: false }> = { ok: false, permanent: true, reason: 'dm_closed' },
  ): void {
    this.#unreachable.set(userId, failure);
  }

  /** Messages received in a DM (channel `dm:<userId>`) or a staff channel, oldest first. */
  messagesIn(channelId: string): LocalMessage[] {
    return this.#messages.filter((m) => m.channelId === channelId);
  }

  dmChannelOf(userId: string): string {
    return `dm:${userId}`;
  }

  all(): readonly LocalMessage[] {
    return this.#messages;
  }

  #add(channelId: string, kind: string, text: string, files: string[], idempotencyKey?: string): MessageRef {
    const message: LocalMessage = {
      id: String(this.#nextId++),
      channelId,
      kind,
      text,
      files,
      edits: 0,
      ...(idempotencyKey ? { idempotencyKey } : {}),
    };
    this.#messages.push(message);
    this.onMessage?.(message);
    return { channelId, messageId: message.id };
  }

  async sendToMember(to: MemberAddress, message: MemberMessage, idempotencyKey: string): Promise<Delivery> {
    const failure = this.#unreachable.get(to.userId);
    if (failure) return failure;
    const { title, body } = renderMemberMessage(message, plainFormatter);
    return {
      ok: true,
      ref: this.#add(
        this.dmChannelOf(to.userId),
        message.kind,
        title ? `${title}\n${body}` : body,
        message.kind === 'invitation' ? (message.files ?? []).map((f) => f.name) : [],
        idempotencyKey,
      ),
    };
  }

  async settleUncertain(
    to: MemberAddress,
    message: MemberMessage,
    idempotencyKey: string,
    _cut: CutSend,
  ): Promise<SettledSend> {
    if (!this.canSettle) return { settled: false, detail: 'no history to look up' };
    const found = this.messagesIn(this.dmChannelOf(to.userId)).find((m) => m.idempotencyKey === idempotencyKey);
    if (found)
      return { settled: true, delivery: { ok: true, ref: { channelId: found.channelId, messageId: found.id } } };
    return { settled: true, delivery: await this.sendToMember(to, message, idempotencyKey) };
  }

  #staffText(message: StaffMessage): { text: string; files: string[] } {
    switch (message.kind) {
      case 'text':
        return { text: message.text, files: [] };
      case 'progress':
        return { text: renderProgress(message.view, message.locale, plainFormatter), files: [] };
      case 'summary': {
        const chat = renderSummaryChat(message.summary, plainFormatter);
        return { text: [chat.header, ...chat.sections].join('\n\n'), files: message.files.map((f) => f.name) };
      }
    }
  }

  async postToStaff(channelId: string, message: StaffMessage, idempotencyKey: string): Promise<Delivery> {
    if (this.#unreachable.has(channelId)) return this.#unreachable.get(channelId) as Delivery;
    const { text, files } = this.#staffText(message);
    return { ok: true, ref: this.#add(channelId, message.kind, text, files, idempotencyKey) };
  }

  async editStaffPost(ref: MessageRef, message: StaffMessage): Promise<Delivery> {
    const target = this.#messages.find((m) => m.id === ref.messageId && m.channelId === ref.channelId);
    if (!target)
      return { ok: false, permanent: true, reason: 'channel_not_found', detail: `no message ${ref.messageId}` };
    target.text = this.#staffText(message).text;
    target.edits += 1;
    this.onMessage?.(target);
    return { ok: true, ref };
  }
}
