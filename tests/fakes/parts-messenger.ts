/**
 * The local messenger that sends each file as its own part through the part
 * ledger, as the real platforms do: an invitation's files after the DM, a
 * summary's files after its header. Uploads can be made to fail, in turn.
 */
import { LocalMessenger } from '../../src/adapters/local/local-messenger.ts';
import {
  type Delivery,
  HEADER_PART,
  type MemberAddress,
  type MemberMessage,
  type PartLedger,
  sendEveryPart,
  type StaffMessage,
} from '../../src/core/ports/messenger.ts';

export type Failure = Extract<Delivery, { ok: false }>;

export class PartsMessenger extends LocalMessenger {
  /** Every upload tried, as `<user or staff channel>:<file name>`, in order. */
  readonly uploads: string[] = [];
  /** Answers for the next uploads of `<user or staff channel>:<file name>`, one each; after them, uploads succeed. */
  readonly failing = new Map<string, Failure[]>();

  override async sendToMember(
    to: MemberAddress,
    message: MemberMessage,
    key: string,
    parts: PartLedger = sendEveryPart,
  ): Promise<Delivery> {
    const first = await parts.part(HEADER_PART, { kind: 'message', index: 0 }, () =>
      super.sendToMember(to, message, key),
    );
    if (first.ok && message.kind === 'invitation')
      await this.#upload(parts, to.userId, this.dmChannelOf(to.userId), message.files ?? []);
    return first;
  }

  override async postToStaff(
    channelId: string,
    message: StaffMessage,
    key: string,
    parts: PartLedger = sendEveryPart,
  ): Promise<Delivery> {
    const first = await parts.part(HEADER_PART, { kind: 'message', index: 0 }, () =>
      super.postToStaff(channelId, message, key),
    );
    if (first.ok && message.kind === 'summary') await this.#upload(parts, channelId, channelId, message.files);
    return first;
  }

  async #upload(
    parts: PartLedger,
    to: string,
    channelId: string,
    files: ReadonlyArray<{ name: string }>,
  ): Promise<void> {
    for (const file of files)
      await parts.part(`file-${file.name}`, { kind: 'file', name: file.name }, async () => {
        this.uploads.push(`${to}:${file.name}`);
        return (
          this.failing.get(`${to}:${file.name}`)?.shift() ?? {
            ok: true,
            ref: { channelId, messageId: `file-${file.name}` },
          }
        );
      });
  }
}
