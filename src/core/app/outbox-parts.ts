/**
 * The part ledger on the outbox: each part of a multi-part post has its own
 * key (`<post key>#<part id>`), so a retry sends only what is missing, and the
 * parts that could not be sent are kept to tell staff in words.
 */
import type { Delivery, PartLabel, PartLedger } from '../ports/messenger.ts';
import type { AppContext } from './app-context.ts';
import { deliverOnce } from './deliver.ts';

/** A part that is not there: refused, failed for now, or cut by a crash. */
export interface MissingPart {
  partId: string;
  label: PartLabel;
  /** The failure reason code, with its detail after a colon. */
  reason: string;
  /** True when trying again cannot help (refused, or may already be there). */
  permanent: boolean;
}

export class OutboxParts implements PartLedger {
  readonly missing: MissingPart[] = [];
  /** Parts sent by this ledger (not found sent from an earlier attempt). */
  readonly sentNow: string[] = [];

  constructor(
    private readonly ctx: Pick<AppContext, 'store' | 'now' | 'claimants'>,
    private readonly postKey: string,
    private readonly platform: string,
  ) {}

  async part(partId: string, label: PartLabel, send: () => Promise<Delivery>): Promise<Delivery> {
    const outcome = await deliverOnce(this.ctx, `${this.postKey}#${partId}`, this.platform, send);
    if (outcome.sent) {
      this.sentNow.push(partId);
      return outcome.delivery;
    }
    if (outcome.duplicate && outcome.state === 'sent')
      return { ok: true, ref: { channelId: outcome.channelId ?? '', messageId: outcome.messageId ?? '' } };
    const failure: Extract<Delivery, { ok: false }> = outcome.duplicate
      ? outcome.state === 'uncertain'
        ? { ok: false, permanent: true, reason: 'platform_error', detail: 'uncertain' }
        : { ok: false, permanent: false, reason: 'platform_error', detail: 'in_flight' }
      : outcome.delivery;
    this.missing.push({
      partId,
      label,
      reason: failure.detail ? `${failure.reason}: ${failure.detail}` : failure.reason,
      permanent: failure.permanent,
    });
    return failure;
  }
}
