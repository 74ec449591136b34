/**
 * HTTP mode: Bolt's HTTPReceiver behind the adapter, requests signed as
 * Slack signs them; forged or stale requests are refused with 401.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../fakes/app-harness.ts';
import { confirmOpen, slashCommand, viewSubmission } from '../../fakes/slack/slack-payloads.ts';
import { formBody, postSigned, slackSignature } from '../../fakes/slack/signed-request.ts';
import { describeError } from '../../../src/core/i18n/catalogue.ts';
import { SIGNING_SECRET, slackKit, type SlackKit } from './slack-kit.ts';
import { waitFor } from './wait-for.ts';

const FORM = 'application/x-www-form-urlencoded';

describe('Slack adapter in HTTP mode', () => {
  let kit: SlackKit;
  let t0: TestApp;
  let url: string;
  let staffId: string;
  let memberId: string;

  beforeAll(async () => {
    // The adapter reads the core's manual clock (created just below): no real waiting.
    kit = await slackKit({ mode: 'http', clock: { now: () => t0.clock.now() } });
    t0 = await createTestApp({ messengers: [kit.adapter.messenger] });
    const committee = t0.committees[0];
    staffId = committee?.staff.userIds.slack?.[0] ?? '';
    memberId = committee?.members[0]?.platforms.slack ?? '';
    kit.adapter.attach(t0.app);
    await kit.adapter.start();
    url = `http://127.0.0.1:${kit.adapter.httpPort()}/slack/events`;
  });

  afterAll(async () => {
    await kit.close();
    await t0.store.close();
  });

  it('GIVEN a correctly signed slash command and a signed click on its Open button WHEN posted THEN each is acknowledged and answered, and the round opens', async () => {
    const payload = slashCommand(kit.fake, staffId, `open 2024-1`);
    const response = await postSigned(url, formBody(payload), { secret: SIGNING_SECRET, contentType: FORM });
    expect(response.status).toBe(200);
    const id = String(payload.response_url).split('/').pop();
    await waitFor(() => kit.fake.responses.find((r) => r.id === id), 'command reply');
    const click = confirmOpen(kit.fake, staffId, '2024-1', 'C0STAFFCH1');
    const clicked = await postSigned(url, formBody({ payload: JSON.stringify(click) }), {
      secret: SIGNING_SECRET,
      contentType: FORM,
    });
    expect(clicked.status).toBe(200);
    const clickId = String(click.response_url).split('/').pop();
    await waitFor(() => kit.fake.responses.find((r) => r.id === clickId), 'reply to Open');
    expect((await t0.store.getRound('2024-1'))?.status).toBe('open');
  });

  it('GIVEN a forged signature WHEN posted THEN 401 and nothing runs', async () => {
    const body = formBody(slashCommand(kit.fake, staffId, 'close 2024-1'));
    const response = await postSigned(url, body, {
      secret: SIGNING_SECRET,
      contentType: FORM,
      signature: slackSignature('not-the-secret', Math.floor(Date.now() / 1000), body),
    });
    expect(response.status).toBe(401);
    expect((await t0.store.getRound('2024-1'))?.status).toBe('open');
  });

  it('GIVEN a correctly signed request older than five minutes WHEN posted THEN 401 (replay refused)', async () => {
    const body = formBody(slashCommand(kit.fake, staffId, 'close 2024-1'));
    const stale = Math.floor(Date.now() / 1000) - 6 * 60;
    const response = await postSigned(url, body, { secret: SIGNING_SECRET, contentType: FORM, timestamp: stale });
    expect(response.status).toBe(401);
    expect((await t0.store.getRound('2024-1'))?.status).toBe('open');
  });

  it('GIVEN a signed /jamun remind WHEN the same signed request is replayed 65 s later THEN it is refused and no member is reminded twice', async () => {
    const reminders = () =>
      kit.fake.messages.filter((m) => m.channel.startsWith('D') && JSON.stringify(m.blocks).includes('jamun.answer'));
    await t0.app.runDueJobs();
    const before = reminders().length;
    const body = formBody(slashCommand(kit.fake, staffId, 'remind 2024-1'));
    const timestamp = Math.floor(Date.now() / 1000);
    const signed = { secret: SIGNING_SECRET, contentType: FORM, timestamp };
    expect((await postSigned(url, body, signed)).status).toBe(200);
    await waitFor(async () => (await t0.store.listAudit('2024-1')).some((a) => a.action === 'round.remind'), 'remind');
    await t0.app.runDueJobs();
    const reminded = reminders().length - before;
    expect(reminded).toBeGreaterThan(0);

    t0.clock.advance(65_000);
    const replay = await postSigned(url, body, signed);
    expect(replay.status).toBe(200);
    expect(JSON.parse(replay.text)).toMatchObject({
      response_type: 'ephemeral',
      text: expect.stringContaining('이미 처리한 요청과 똑같은 요청'),
    });
    await t0.app.runDueJobs();
    expect(reminders().length - before).toBe(reminded);
    const audited = (await t0.store.listAudit('2024-1')).filter((a) => a.action === 'round.remind');
    expect(audited).toHaveLength(1);
  });

  it('GIVEN two instances on one database WHEN a signed request to one is replayed to the other THEN the other refuses it too', async () => {
    const other = await slackKit({ mode: 'http', clock: { now: () => t0.clock.now() } });
    const t1 = await createTestApp({ messengers: [other.adapter.messenger], store: t0.store, now: t0.clock.now() });
    try {
      other.adapter.attach(t1.app);
      await other.adapter.start();
      const otherUrl = `http://127.0.0.1:${other.adapter.httpPort()}/slack/events`;
      const body = formBody(slashCommand(kit.fake, staffId, 'help'));
      const signed = { secret: SIGNING_SECRET, contentType: FORM, timestamp: Math.floor(Date.now() / 1000) };
      const first = await postSigned(url, body, signed);
      expect(first.status).toBe(200);
      expect(first.text).not.toContain('이미 처리한 요청');
      const replay = await postSigned(otherUrl, body, signed);
      expect(replay.status).toBe(200);
      expect(JSON.parse(replay.text)).toMatchObject({
        response_type: 'ephemeral',
        text: expect.stringContaining('이미 처리한 요청과 똑같은 요청'),
      });
    } finally {
      await other.close();
    }
  });

  it('GIVEN the same command typed again (a new signature) WHEN posted THEN the guard lets it through and the core answers that a reminder just went out', async () => {
    const payload = slashCommand(kit.fake, staffId, 'remind 2024-1');
    const response = await postSigned(url, formBody(payload), { secret: SIGNING_SECRET, contentType: FORM });
    expect(response.text).not.toContain('이미 처리한 요청');
    const id = String(payload.response_url).split('/').pop();
    const reply = await waitFor(() => kit.fake.responses.find((r) => r.id === id), 'command reply');
    expect(JSON.stringify(reply.body)).toContain('재안내를 보냈으므로');
  });

  it('GIVEN a signed view submission with an error WHEN posted THEN the errors come back in the HTTP response body', async () => {
    const view = {
      method: 'views.open' as const,
      viewId: 'V9',
      view: {
        type: 'modal',
        callback_id: 'jamun.decline',
        private_metadata: '2024-1',
        title: { type: 'plain_text', text: 'x' },
        blocks: [],
      },
    };
    const payload = viewSubmission(kit.fake, memberId, view, {
      decline_reason: { value: { type: 'plain_text_input', value: '  ' } },
    });
    const response = await postSigned(url, formBody({ payload: JSON.stringify(payload) }), {
      secret: SIGNING_SECRET,
      contentType: FORM,
    });
    expect(response.status).toBe(200);
    expect(JSON.parse(response.text)).toEqual({
      response_action: 'errors',
      errors: { decline_reason: describeError({ code: 'DECLINE.REASON_REQUIRED', params: {} }, 'ko') },
    });
  });

  it('GIVEN Slack’s URL verification WHEN signed THEN the challenge is echoed', async () => {
    const body = JSON.stringify({ token: 't', challenge: 'c-123', type: 'url_verification' });
    const response = await postSigned(url, body, { secret: SIGNING_SECRET, contentType: 'application/json' });
    expect(response.status).toBe(200);
    expect(response.text).toContain('c-123');
  });
});
