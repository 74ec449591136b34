/**
 * `/jamun report` over Discord: deferred at once, the document built by the
 * real renderers and sent to the requester's DM only (it holds names and
 * payments), never into the channel the command was typed in; refused like
 * `jamun round report`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeError, t } from '../../../src/core/i18n/catalogue.ts';
import { waitFor } from '../../fakes/discord/fake-discord.ts';
import { type DiscordAppKit, answered, discordIdOf, replyText, startDiscordApp } from './discord-app-kit.ts';

const EPHEMERAL = 64;
/** A deferred reply (type 5) is Discord's acknowledgement of work that takes longer than 3 s. */
const DEFERRED = 5;
const ROUND = '2024-1';
const ELSEWHERE = '1250000000000099999';
let kit: DiscordAppKit;
let staffId: string;

beforeAll(async () => {
  kit = await startDiscordApp();
  staffId = kit.committee.staff.userIds.discord?.[0] ?? '';
});

afterAll(async () => {
  await kit?.close();
});

function report(userId: string, options: Record<string, string>) {
  return answered(kit.fake.slash(userId, { subcommand: 'report', options }, { channelId: ELSEWHERE }));
}

describe('/jamun report over Discord', () => {
  it('GIVEN a round never opened, an unknown round WHEN staff ask for the report THEN the refusals of the CLI answer, privately, and no file is sent', async () => {
    const title = kit.t.rounds[0]?.title ?? '';
    const never = await report(staffId, { round: ROUND });
    expect(never.callbacks[0]?.type).toBe(DEFERRED);
    expect(replyText(never)).toBe(describeError({ code: 'ROUND.NOT_OPEN', params: { roundTitle: title } }, 'ko'));
    const unknown = await report(staffId, { round: 'nope' });
    expect(replyText(unknown)).toBe(describeError({ code: 'ROUND.NOT_FOUND', params: { roundId: 'nope' } }, 'ko'));
    expect(kit.fake.dmMessages(staffId)).toEqual([]);
  });

  it('GIVEN a member who is not staff WHEN they ask for a report THEN they are refused and get no file', async () => {
    const member = discordIdOf(kit.committee, 'm-kang');
    const reply = await report(member, { round: ROUND, format: 'md' });
    expect(replyText(reply)).toBe(t('ko', 'STAFF.FORBIDDEN'));
    expect(kit.fake.dmMessages(member).filter((m) => m.files.length > 0)).toEqual([]);
  });

  it('GIVEN a closed round WHEN staff run /jamun report format:docx in another channel THEN the DOCX reaches their DM only; the channel and the reply carry no file', async () => {
    await kit.t.app.runAsOperator({ verb: 'open', roundId: ROUND });
    await kit.t.app.runDueJobs();
    await kit.t.app.runAsOperator({ verb: 'close', roundId: ROUND });
    await kit.t.app.runDueJobs();
    const reply = await report(staffId, { round: ROUND, format: 'docx' });
    expect(reply.callbacks[0]?.type).toBe(DEFERRED);
    expect(replyText(reply)).toContain('개인 메시지(DM)로 보냈습니다');
    expect(reply.messages.every((m) => (m.flags & EPHEMERAL) === EPHEMERAL && m.files.length === 0)).toBe(true);
    const dm = await waitFor(() => kit.fake.dmMessages(staffId).find((m) => m.files.length > 0), 'report DM');
    expect(dm.files.map((f) => f.name)).toEqual([`jamun-${ROUND}-report.docx`]);
    expect(dm.files[0]?.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(dm.allowedMentions).toEqual({ parse: [] });
    expect(kit.fake.channelMessages(ELSEWHERE).filter((m) => m.files.length > 0)).toEqual([]);
  });

  it('GIVEN a closed round WHEN staff ask for format:md THEN the Markdown report reaches their DM', async () => {
    const before = kit.fake.dmMessages(staffId).length;
    await report(staffId, { round: ROUND, format: 'md' });
    const sent = kit.fake
      .dmMessages(staffId)
      .slice(before)
      .flatMap((m) => m.files);
    expect(sent.map((f) => f.name)).toEqual([`jamun-${ROUND}-report.md`]);
    expect(sent[0]?.text).toContain('결과 보고');
  });
});
