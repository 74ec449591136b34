/**
 * `/jamun preview ROUND`: the staff member gets the marked notice and the
 * invitation members will get by DM, each request anew, audited with
 * whether it went out; when it cannot go out they are told why. Answers on
 * the preview id are checked against the draft and never stored.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LocalMessenger } from '../../../src/adapters/local/local-messenger.ts';
import { AppContext } from '../../../src/core/app/app-context.ts';
import { previewRoundId } from '../../../src/core/app/authoring-api.ts';
import { PreviewAnswers } from '../../../src/core/app/round-preview.ts';
import { t as text } from '../../../src/core/i18n/catalogue.ts';
import { silentLogger } from '../../../src/core/ports/logger.ts';
import type { Delivery, MemberAddress, MemberMessage } from '../../../src/core/ports/messenger.ts';
import { createTestApp, seedConfig } from '../../fakes/app-harness.ts';

const ROUND = '2024-1';
const TITLE = "'24년 제1차 지역상생발전위원회 서면자문";
const PREVIEW = previewRoundId(ROUND);
const staff = { platform: 'local' as const, userId: 'staff-son' };
const kang = { platform: 'local' as const, userId: 'm-kang' };

/** A local messenger whose DMs of one kind fail as a closed DM does. */
class FailingKind extends LocalMessenger {
  constructor(private readonly kind: MemberMessage['kind']) {
    super();
  }
  override async sendToMember(to: MemberAddress, message: MemberMessage, key: string): Promise<Delivery> {
    if (message.kind === this.kind) return { ok: false, permanent: true, reason: 'dm_closed' };
    return super.sendToMember(to, message, key);
  }
}

/** A local messenger that keeps who each DM was addressed to. */
class Recording extends LocalMessenger {
  readonly addresses: MemberAddress[] = [];
  readonly keys: string[] = [];
  readonly messages: MemberMessage[] = [];
  override async sendToMember(to: MemberAddress, message: MemberMessage, key: string): Promise<Delivery> {
    this.addresses.push(to);
    this.messages.push(message);
    this.keys.push(key);
    return super.sendToMember(to, message, key);
  }
}

async function app(messenger = new LocalMessenger()) {
  const t = await createTestApp({ messengers: [messenger] });
  const audit = async () => (await t.store.listAudit(ROUND)).map((a) => [a.actor, a.action, a.detail]);
  return { t, messenger, audit, dm: () => messenger.messagesIn('dm:staff-son') };
}

describe('preview: sending', () => {
  it('GIVEN the round not yet opened THEN staff get the notice and the invitation, audited as sent; a later request is sent anew', async () => {
    const { t, audit, dm } = await app();
    expect(await t.app.previewRound(staff, ROUND)).toEqual({
      ok: true,
      locale: 'ko',
      text: text('ko', 'authoring.preview.sent', { title: TITLE }),
    });
    expect(dm().map((m) => m.kind)).toEqual(['notice', 'invitation']);
    expect(dm()[0]?.text).toBe(text('ko', 'authoring.preview.notice', { title: TITLE }));
    expect(await audit()).toEqual([['local:staff-son', 'round.preview', { sent: true }]]);
    t.clock.advance(60_000);
    await t.app.previewRound(staff, ROUND);
    expect(dm().map((m) => m.kind)).toEqual(['notice', 'invitation', 'notice', 'invitation']);
  });

  it('GIVEN staff with and without a display name THEN the preview is addressed to them by it, else by their user id, in the committee’s language and zone', async () => {
    const messenger = new Recording();
    const { t } = await app(messenger);
    await t.app.previewRound({ ...staff, displayName: '손주무관' }, ROUND);
    t.clock.advance(60_000);
    await t.app.previewRound(staff, ROUND);
    const address = { memberId: 'preview:local:staff-son', userId: 'staff-son', locale: 'ko', timeZone: 'Asia/Seoul' };
    expect(messenger.addresses).toEqual([
      { ...address, name: '손주무관' },
      { ...address, name: '손주무관' },
      { ...address, name: 'staff-son' },
      { ...address, name: 'staff-son' },
    ]);
    const first = `preview:${ROUND}:local:staff-son:${Date.parse('2024-02-08T00:00:00Z')}`;
    const second = `preview:${ROUND}:local:staff-son:${Date.parse('2024-02-08T00:01:00Z')}`;
    expect(messenger.keys).toEqual([`${first}:notice`, first, `${second}:notice`, second]);
    expect(messenger.messages[0]).toEqual({
      kind: 'notice',
      locale: 'ko',
      text: text('ko', 'authoring.preview.notice', { title: TITLE }),
    });
    // A round without materials: the invitation carries no file list at all.
    expect(messenger.messages.filter((m) => 'files' in m)).toEqual([]);
  });

  it('GIVEN a round with a file among its materials THEN the preview invitation carries the file', async () => {
    const path = fileURLToPath(import.meta.url);
    const material = {
      kind: 'file',
      title: '자료',
      name: '자료.pdf',
      path,
      size: 100,
      fileKind: 'pdf',
      mimeType: 'application/pdf',
    } as const;
    const messenger = new LocalMessenger();
    const t = await createTestApp({ messengers: [messenger], mutateRound: (r) => void (r.materials = [material]) });
    await t.app.previewRound(staff, ROUND);
    expect(messenger.messagesIn('dm:staff-son').map((m) => [m.kind, m.files])).toEqual([
      ['notice', []],
      ['invitation', ['자료.pdf']],
    ]);
  });

  it('GIVEN a member, or a round nobody configured THEN the preview is refused and nothing is sent', async () => {
    const { t, messenger } = await app();
    expect(await t.app.previewRound(kang, ROUND)).toMatchObject({ ok: false, error: { code: 'STAFF.FORBIDDEN' } });
    expect(await t.app.previewRound(staff, 'nope')).toMatchObject({ ok: false, error: { code: 'ROUND.NOT_FOUND' } });
    expect(messenger.all()).toEqual([]);
  });

  it('GIVEN a round whose window does not read as a date THEN the preview is refused naming it, and nothing is sent', async () => {
    const messenger = new LocalMessenger();
    const t = await createTestApp({
      messengers: [messenger],
      mutateRound: (r) => void (r.window = { ...r.window, opens: '2024-02-30 09:00' }),
    });
    expect(await t.app.previewRound(staff, ROUND)).toMatchObject({
      ok: false,
      error: { code: 'DATE.INVALID', params: { value: '2024-02-30 09:00' } },
      text: text('ko', 'DATE.INVALID', { value: '2024-02-30 09:00' }),
    });
    expect(messenger.all()).toEqual([]);
  });

  it('GIVEN the DM is closed THEN nothing is sent, staff are told why, and it is audited as not sent', async () => {
    const messenger = new LocalMessenger();
    messenger.failFor('staff-son');
    const { t, audit, dm } = await app(messenger);
    expect(await t.app.previewRound(staff, ROUND)).toEqual({
      ok: false,
      locale: 'ko',
      problems: [],
      text: text('ko', 'authoring.preview.failed', { reason: 'DM 수신 차단 또는 서버 탈퇴' }),
    });
    expect(dm()).toEqual([]);
    expect(await audit()).toEqual([['local:staff-son', 'round.preview', { sent: false }]]);
  });

  it('GIVEN the notice fails THEN the invitation is not sent after it; GIVEN only the invitation fails THEN the preview failed', async () => {
    const noNotice = await app(new FailingKind('notice'));
    expect((await noNotice.t.app.previewRound(staff, ROUND)).ok).toBe(false);
    expect(noNotice.dm()).toEqual([]);
    const noInvitation = await app(new FailingKind('invitation'));
    expect((await noInvitation.t.app.previewRound(staff, ROUND)).ok).toBe(false);
    expect(noInvitation.dm().map((m) => m.kind)).toEqual(['notice']);
    expect(await noInvitation.audit()).toEqual([['local:staff-son', 'round.preview', { sent: false }]]);
  });

  it('GIVEN staff on a platform this process has no messenger for THEN they are told which, and nothing is audited', async () => {
    const { t, audit } = await app();
    expect(await t.app.previewRound({ platform: 'slack', userId: 'U0STAFFSON' }, ROUND)).toEqual({
      ok: false,
      locale: 'ko',
      problems: [],
      text: text('ko', 'authoring.preview.failed', { reason: 'slack' }),
    });
    expect(await audit()).toEqual([]);
  });
});

describe('preview: answering', () => {
  it('GIVEN the preview questionnaire THEN it is the round’s, under the preview id, nothing submitted', async () => {
    const { t } = await app();
    const form = await t.app.questionnaire(staff, PREVIEW);
    if (!form.ok) throw new Error('refused');
    expect([form.value.roundId, form.value.roundTitle, form.value.submitted]).toEqual([PREVIEW, TITLE, false]);
    expect(form.value.items.map((i) => i.id)).toEqual(['1', '2']);
  });

  it('GIVEN an unknown question and a number for a text question THEN each is a problem with its question, code and message, after the not-stored line', async () => {
    const { t } = await app();
    const saved = await t.app.saveDraft(staff, PREVIEW, [
      { questionId: '9.9', value: '답' },
      { questionId: '1.1', value: 3 },
      { questionId: '1.2', value: '좋은 답' },
    ]);
    const unknown = text('ko', 'ANSWER.UNKNOWN_QUESTION', { questionId: '9.9' });
    const notText = text('ko', 'ANSWER.NOT_TEXT', { questionId: '1.1' });
    expect(saved).toEqual({
      ok: true,
      value: {
        roundId: PREVIEW,
        saved: [],
        problems: [
          { questionId: '9.9', code: 'ANSWER.UNKNOWN_QUESTION', message: unknown },
          { questionId: '1.1', code: 'ANSWER.NOT_TEXT', message: notText },
        ],
        message: [text('ko', 'authoring.preview.not-stored'), unknown, notText].join('\n'),
      },
    });
    expect(await t.store.listAnswers(ROUND)).toEqual([]);
  });

  it('GIVEN submit, decline and a question asked on the preview THEN each answers without storing; a member is refused each', async () => {
    const { t } = await app();
    const notStored = text('ko', 'authoring.preview.not-stored');
    expect(await t.app.submit(staff, PREVIEW)).toEqual({
      ok: true,
      value: { roundId: PREVIEW, late: false, message: notStored },
    });
    expect(await t.app.decline(staff, PREVIEW, '')).toEqual({ ok: true, value: { message: notStored } });
    expect(await t.app.markAsked(staff, PREVIEW, '1.1')).toEqual({ ok: true, value: undefined });
    for (const refused of [
      await t.app.submit(kang, PREVIEW),
      await t.app.decline(kang, PREVIEW, ''),
      await t.app.markAsked(kang, PREVIEW, '1.1'),
    ])
      expect(refused).toMatchObject({ ok: false, error: { code: 'STAFF.FORBIDDEN' } });
    expect(await t.store.getRound(ROUND)).toBeNull();
  });

  it('GIVEN a preview of a round nobody configured, or the round id itself THEN not found, or the same questionnaire', async () => {
    const { t } = await app();
    expect(await t.app.questionnaire(staff, previewRoundId('nope'))).toMatchObject({
      ok: false,
      error: { code: 'ROUND.NOT_FOUND', params: { roundId: 'nope' } },
    });
    const { committees, rounds } = seedConfig();
    const ctx = new AppContext({
      store: t.store,
      messengers: [],
      committees,
      rounds,
      clock: t.clock,
      logger: silentLogger,
    });
    const direct = await new PreviewAnswers(ctx).questionnaire(staff, ROUND);
    expect(direct.ok && direct.value.roundTitle).toBe(TITLE);
  });
});
