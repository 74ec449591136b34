/**
 * The messenger contract: every Messenger implementation (local, Slack,
 * Discord) runs this suite against its platform (or a fake of it).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MemberAddress, Messenger, MemberMessage, StaffMessage } from '../../src/core/ports/messenger.ts';
import type { CompiledSummary } from '../../src/core/summary-model.ts';

/** What a platform test provides to run the contract. */
export interface MessengerHarness {
  messenger: Messenger;
  /** A member reachable on this platform, and one whose DMs fail for good (closed DMs / unknown user). */
  member: MemberAddress;
  unreachable: MemberAddress;
  staffChannelId: string;
  /** Visible text of every message the platform received in the member's DM / the channel, oldest first, after edits. */
  textsForMember(userId: string): Promise<string[]>;
  textsInChannel(channelId: string): Promise<string[]>;
  /** Names of files uploaded to the channel. */
  filesInChannel(channelId: string): Promise<string[]>;
  close(): Promise<void>;
}

const closesAt = new Date('2024-02-15T09:00:00Z');

export const contractInvitation: MemberMessage = {
  kind: 'invitation',
  locale: 'ko',
  view: {
    roundId: 'contract-1',
    roundTitle: '계약 시험 회차',
    committeeName: '지역상생발전위원회',
    closesAt,
    closesAtLocal: '2024. 2. 15.(목) 18:00',
    timeZone: 'Asia/Seoul',
    businessDaysLeft: 4,
    questionCount: 7,
    agendaTitles: ['서울시 지역상생교류 추진', '넥스트로컬'],
  },
};

const contractReminder: MemberMessage = {
  kind: 'reminder',
  locale: 'en',
  view: {
    roundId: 'contract-1',
    roundTitle: 'Contract round',
    closesAt,
    closesAtLocal: 'Thu 15 Feb 2024 18:00',
    timeZone: 'Asia/Seoul',
    businessDaysLeft: 1,
    hoursLeft: 3,
    answeredCount: 2,
    questionCount: 7,
  },
};

const contractReceipt: MemberMessage = {
  kind: 'receipt',
  locale: 'ko',
  view: {
    roundId: 'contract-1',
    roundTitle: '계약 시험 회차',
    submittedAt: new Date('2024-02-13T01:00:00Z'),
    submittedAtLocal: '2024-02-13 (화) 10:00',
    editableUntilLocal: '2024. 2. 15.(목) 18:00',
    canEdit: true,
    items: [
      { title: '안건 1', answers: [{ questionId: '1.1', prompt: '평가 의견', answer: '홍보 체계 마련이 필요합니다' }] },
    ],
  },
};

export function contractSummary(): CompiledSummary {
  return {
    roundId: 'contract-1',
    roundTitle: '계약 시험 회차',
    committeeName: '지역상생발전위원회',
    locale: 'ko',
    anonymous: false,
    roster: [{ role: '민간전문가', names: ['가상일', '가상이'] }],
    opensAtLocal: '2024-02-08 09:00',
    closesAtLocal: '2024-02-15 18:00',
    timeZone: 'Asia/Seoul',
    businessDays: 4,
    generatedAt: new Date('2024-02-15T09:00:00Z'),
    participation: {
      invited: 2,
      submitted: 1,
      declined: 0,
      late: 0,
      notSubmitted: ['김정환'],
      declinedBy: [],
      unreachable: [],
    },
    honorarium: { rate: 100000, currency: 'KRW', recipients: ['강도영'], count: 1, total: 100000 },
    items: [
      {
        id: '1',
        title: '안건 1',
        questions: [
          {
            id: '1.1',
            prompt: '평가 의견',
            kind: 'long_text',
            answers: [{ author: '강도영', text: '지역 홍보 체계 마련', late: false }],
          },
        ],
      },
    ],
  };
}

export function runMessengerContract(name: string, setup: () => Promise<MessengerHarness>): void {
  describe(`${name} messenger contract`, () => {
    let h: MessengerHarness;
    beforeAll(async () => {
      h = await setup();
    });
    afterAll(async () => {
      await h.close();
    });

    it('GIVEN a reachable member WHEN an invitation is sent THEN it is delivered with a ref and shows the title and deadline', async () => {
      const delivery = await h.messenger.sendToMember(h.member, contractInvitation, 'contract:invite:1');
      expect(delivery.ok).toBe(true);
      if (delivery.ok) expect(delivery.ref.messageId).not.toBe('');
      const texts = (await h.textsForMember(h.member.userId)).join('\n');
      expect(texts).toContain('계약 시험 회차');
      expect(texts).toContain('2024. 2. 15.');
    });

    it('GIVEN a reachable member WHEN a reminder and a receipt are sent THEN both arrive with their content', async () => {
      expect((await h.messenger.sendToMember(h.member, contractReminder, 'contract:remind:1')).ok).toBe(true);
      expect((await h.messenger.sendToMember(h.member, contractReceipt, 'contract:receipt:1')).ok).toBe(true);
      const texts = (await h.textsForMember(h.member.userId)).join('\n');
      expect(texts).toContain('Contract round');
      expect(texts).toContain('홍보 체계 마련이 필요합니다');
    });

    it('GIVEN a member whose DMs fail for good WHEN an invitation is sent THEN a permanent failure comes back as a value', async () => {
      const delivery = await h.messenger.sendToMember(h.unreachable, contractInvitation, 'contract:invite:2');
      expect(delivery.ok).toBe(false);
      if (!delivery.ok) expect(delivery.permanent).toBe(true);
    });

    it('GIVEN a staff post WHEN it is edited THEN the channel shows the new text and not the old', async () => {
      const progress = (delivered: number): StaffMessage => ({
        kind: 'progress',
        locale: 'en',
        view: {
          roundId: 'contract-1',
          roundTitle: 'Contract round',
          total: 7,
          delivered,
          pending: 7 - delivered,
          failed: [],
          done: delivered === 7,
        },
      });
      const first = await h.messenger.postToStaff(h.staffChannelId, progress(1), 'contract:progress:1');
      expect(first.ok).toBe(true);
      if (!first.ok) return;
      const edited = await h.messenger.editStaffPost(first.ref, progress(7));
      expect(edited.ok).toBe(true);
      const texts = (await h.textsInChannel(h.staffChannelId)).join('\n');
      expect(texts).toContain('7/7');
      expect(texts).not.toContain('1/7');
    });

    it('GIVEN a compiled summary with files WHEN posted to staff THEN the header and both files reach the channel', async () => {
      const files = [
        { name: 'jamun-contract-1.md', mimeType: 'text/markdown', content: Buffer.from('# 결과\n') },
        { name: 'jamun-contract-1.csv', mimeType: 'text/csv', content: Buffer.from('\uFEFFa,b\r\n') },
      ];
      const delivery = await h.messenger.postToStaff(
        h.staffChannelId,
        { kind: 'summary', locale: 'ko', summary: contractSummary(), files },
        'contract:summary:1',
      );
      expect(delivery.ok).toBe(true);
      const texts = (await h.textsInChannel(h.staffChannelId)).join('\n');
      expect(texts).toContain('계약 시험 회차');
      expect(texts).toContain('지역 홍보 체계 마련');
      expect(await h.filesInChannel(h.staffChannelId)).toEqual(
        expect.arrayContaining(['jamun-contract-1.md', 'jamun-contract-1.csv']),
      );
    });
  });
}
