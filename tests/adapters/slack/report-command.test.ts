/**
 * `/jamun report ROUND [format]` over Slack: acknowledged at once, the
 * document built by the real renderers and uploaded to the requester's DM
 * only (it holds names and payments), refused like `jamun round report`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../fakes/app-harness.ts';
import type { Args } from '../../fakes/slack/fake-slack-server.ts';
import { slashCommand } from '../../fakes/slack/slack-payloads.ts';
import { describeError, t } from '../../../src/core/i18n/catalogue.ts';
import { escapeMrkdwn } from '../../../src/adapters/slack/slack-formatter.ts';
import { type SlackAppKit, type SlackKit, startSlackApp } from './slack-kit.ts';
import { waitFor } from './wait-for.ts';

const ROUND = '2024-1';
const GENERAL = 'C0GENERAL1';
/** Building a DOCX on a loaded machine takes seconds. */
const DOCUMENT_MS = 60_000;

describe('/jamun report over Slack', () => {
  let app: SlackAppKit;
  let kit: SlackKit;
  let t0: TestApp;
  let staffId: string;
  let memberId: string;

  /** Sends a slash command; resolves with every body posted to its response_url once `done` holds. */
  async function command(userId: string, text: string, done: (bodies: Args[]) => boolean, channel = GENERAL) {
    const payload = slashCommand(kit.fake, userId, text, channel);
    expect(await kit.fake.sendEnvelope('slash_commands', payload)).toEqual({});
    const id = String(payload.response_url).split('/').pop();
    const bodies = () => kit.fake.responses.filter((r) => r.id === id).map((r) => r.body);
    return waitFor(() => done(bodies()) && bodies(), `replies to /jamun ${text}`, DOCUMENT_MS);
  }
  const texts = (bodies: Args[]) => bodies.map((b) => String(b.text));

  beforeAll(async () => {
    app = await startSlackApp();
    ({ kit, t: t0 } = app);
    staffId = app.committee.staff.userIds.slack?.[0] ?? '';
    memberId = app.committee.members[0]?.platforms.slack ?? '';
  });

  afterAll(() => app.close());

  it('GIVEN a round never opened WHEN staff ask for its report THEN they are told it has not started, privately, and no file is made', async () => {
    const bodies = await command(staffId, `report ${ROUND}`, (b) => b.length >= 2);
    expect(texts(bodies)[0]).toContain('결과 보고 문서를 작성하고 있습니다');
    const title = t0.rounds[0]?.title ?? '';
    expect(texts(bodies)[1]).toBe(
      escapeMrkdwn(describeError({ code: 'ROUND.NOT_OPEN', params: { roundId: ROUND, roundTitle: title } }, 'ko')),
    );
    expect(bodies.every((b) => b.response_type === 'ephemeral')).toBe(true);
    expect(kit.fake.files).toEqual([]);
  });

  it('GIVEN an unknown round or a format the report does not come in THEN the same refusals as the CLI answer, and nothing is built', async () => {
    const unknown = await command(staffId, 'report nope', (b) => b.some((x) => String(x.text).includes('nope')));
    expect(texts(unknown).at(-1)).toBe(
      escapeMrkdwn(describeError({ code: 'ROUND.NOT_FOUND', params: { roundId: 'nope' } }, 'ko')),
    );
    const format = await command(staffId, `report ${ROUND} pptx`, (b) => b.length >= 1);
    expect(texts(format)).toEqual([escapeMrkdwn(t('ko', 'REPORT.FORMAT'))]);
    expect(kit.fake.files).toEqual([]);
  });

  it('GIVEN a member who is not staff WHEN they ask for a report THEN they are refused and get no file', async () => {
    const bodies = await command(memberId, `report ${ROUND}`, (b) => b.length >= 1);
    expect(texts(bodies)).toEqual([escapeMrkdwn(t('ko', 'STAFF.FORBIDDEN'))]);
    expect(kit.fake.files).toEqual([]);
  });

  it('GIVEN a closed round WHEN staff type /jamun report in a general channel THEN the DOCX lands in their DM only, and the channel gets nothing', async () => {
    await t0.app.runAsOperator({ verb: 'open', roundId: ROUND });
    await t0.app.runDueJobs();
    await t0.app.runAsOperator({ verb: 'close', roundId: ROUND });
    await t0.app.runDueJobs();
    const bodies = await command(staffId, `report ${ROUND} docx`, (b) =>
      b.some((x) => String(x.text).includes('개인 메시지(DM)로 보내 드렸습니다')),
    );
    expect(texts(bodies)[0]).toContain('결과 보고 문서를 작성하고 있습니다');
    expect(bodies.every((b) => b.response_type === 'ephemeral')).toBe(true);
    const reports = kit.fake.files.filter((f) => f.name === `jamun-${ROUND}-report.docx`);
    expect(reports.map((f) => f.channel)).toEqual([kit.fake.dmChannelOf(staffId)]);
    // A DOCX is a ZIP: its bytes arrived whole, not as mangled text.
    expect(reports[0]?.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(kit.fake.files.filter((f) => f.channel === GENERAL)).toEqual([]);
    expect(kit.fake.messagesIn(GENERAL)).toEqual([]);
    const audit = await t0.store.listAudit(ROUND);
    expect(audit.filter((e) => e.action === 'round.report').map((e) => e.detail)).toEqual([{ format: 'docx' }]);
  });

  it('GIVEN a closed round WHEN staff ask for the Markdown report THEN it comes to their DM with the report title', async () => {
    const before = kit.fake.files.length;
    await command(staffId, `report ${ROUND} md`, (b) =>
      b.some((x) => String(x.text).includes('개인 메시지(DM)로 보내 드렸습니다')),
    );
    const file = kit.fake.files.slice(before).find((f) => f.name === `jamun-${ROUND}-report.md`);
    expect(file?.channel).toBe(kit.fake.dmChannelOf(staffId));
    expect(file?.content).toContain('결과 보고');
  });
});
