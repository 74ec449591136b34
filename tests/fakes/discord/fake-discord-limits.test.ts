/**
 * The fake Discord refuses what Discord refuses: one over-limit payload per
 * documented limit (src/adapters/discord/discord-limits.ts), sent raw over
 * HTTP so nothing in discord.js can soften it.
 */
import { Client, GatewayIntentBits, Partials } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DISCORD_COMPONENT,
  DISCORD_EMBED,
  DISCORD_ERROR,
  DISCORD_MESSAGE,
  DISCORD_MODAL,
  DISCORD_UPLOAD_BYTES,
} from '../../../src/adapters/discord/discord-limits.ts';
import { FakeDiscord, waitFor } from './fake-discord.ts';
import { nextSnowflake } from './fake-discord-state.ts';

const channelId = nextSnowflake();
let fake: FakeDiscord;

beforeAll(async () => {
  fake = await FakeDiscord.start({ guild: { channels: [{ id: channelId, name: 'staff' }] } });
});

afterAll(async () => {
  await fake.close();
});

async function post(path: string, body: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(`${fake.apiUrl}/v10${path}`, {
    method: 'POST',
    headers: { authorization: `Bot ${fake.token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, json: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>) };
}

const message = (body: Record<string, unknown>) => post(`/channels/${channelId}/messages`, body);
const x = (n: number, c = 'a') => c.repeat(n);
const button = (id: string, label = 'OK') => ({ type: 2, style: 1, custom_id: id, label });
const row = (...components: unknown[]) => ({ type: 1, components });
const select = (options: number, extra: Record<string, unknown> = {}) => ({
  type: 3,
  custom_id: 'sel',
  options: Array.from({ length: options }, (_, i) => ({ label: `o${i}`, value: `v${i}` })),
  ...extra,
});

/** An interaction dispatched to nobody, so the test answers it by hand. */
function interaction() {
  return fake.clickButton(nextSnowflake(), { ...(fake.channelMessages(channelId)[0] ?? ({} as never)) }, 'btn');
}
const callback = (i: { id: string; token: string }, body: unknown) =>
  post(`/interactions/${i.id}/${i.token}/callback`, body);
const label = (component: Record<string, unknown>, text = 'Q') => ({ type: 18, label: text, component });
const textInput = (extra: Record<string, unknown> = {}) => ({
  type: 4,
  custom_id: `t${nextSnowflake()}`,
  style: 2,
  ...extra,
});
const modal = (extra: Record<string, unknown> = {}) => ({
  type: 9,
  data: { custom_id: 'modal', title: 'Title', components: [label(textInput())], ...extra },
});

describe('fake Discord: message limits', () => {
  it('GIVEN a message within every limit THEN it is accepted (the baseline the refusals differ from)', async () => {
    const res = await message({
      content: x(DISCORD_MESSAGE.content),
      embeds: [{ title: x(DISCORD_EMBED.title), description: x(DISCORD_EMBED.description) }],
      components: [row(button('a'), button('b')), row(select(DISCORD_COMPONENT.selectOptions))],
    });
    expect(res.status).toBe(200);
  });

  const refused: Array<[string, Record<string, unknown>]> = [
    ['content over 2,000 characters', { content: x(DISCORD_MESSAGE.content + 1) }],
    ['content with a lone surrogate', { content: 'a\uD83D' }],
    ['an empty message', { content: '' }],
    ['11 embeds', { embeds: Array.from({ length: DISCORD_MESSAGE.embeds + 1 }, () => ({ title: 't' })) }],
    ['an embed title over 256', { embeds: [{ title: x(DISCORD_EMBED.title + 1) }] }],
    ['an embed description over 4,096', { embeds: [{ description: x(DISCORD_EMBED.description + 1) }] }],
    [
      '26 embed fields',
      { embeds: [{ fields: Array.from({ length: DISCORD_EMBED.fields + 1 }, () => ({ name: 'n', value: 'v' })) }] },
    ],
    [
      'an embed field value over 1,024',
      { embeds: [{ fields: [{ name: 'n', value: x(DISCORD_EMBED.fieldValue + 1) }] }] },
    ],
    ['an embed footer over 2,048', { embeds: [{ footer: { text: x(DISCORD_EMBED.footer + 1) } }] }],
    [
      'embeds over 6,000 characters in total',
      { embeds: [{ description: x(4000) }, { description: x(DISCORD_EMBED.total - 4000 + 1) }] },
    ],
    [
      '6 action rows',
      { components: Array.from({ length: DISCORD_MESSAGE.actionRows + 1 }, (_, i) => row(button(`b${i}`))) },
    ],
    ['6 buttons in a row', { components: [row(...Array.from({ length: 6 }, (_, i) => button(`b${i}`)))] }],
    ['a button label over 80', { components: [row(button('b', x(DISCORD_COMPONENT.buttonLabel + 1)))] }],
    ['a custom_id over 100', { components: [row(button(x(DISCORD_COMPONENT.customId + 1)))] }],
    ['two components with one custom_id', { components: [row(button('same'), button('same'))] }],
    ['a button outside an action row', { components: [button('b')] }],
    ['26 select options', { components: [row(select(DISCORD_COMPONENT.selectOptions + 1))] }],
    ['a select placeholder over 150', { components: [row(select(2, { placeholder: x(151) }))] }],
    [
      'a select option label over 100',
      { components: [row({ ...select(1), options: [{ label: x(DISCORD_COMPONENT.optionLabel + 1), value: 'v' }] })] },
    ],
    ['a select max_values above its options', { components: [row(select(2, { max_values: 3 }))] }],
    ['a select beside a button', { components: [row(select(2), button('b'))] }],
    ['11 attachments', { content: 'x', attachments: Array.from({ length: 11 }, (_, i) => ({ id: i })) }],
  ];

  it.each(refused)('GIVEN %s WHEN posted THEN the fake answers 50035 Invalid Form Body', async (_what, body) => {
    const res = await message(body);
    expect(res.status).toBe(400);
    expect([DISCORD_ERROR.invalidFormBody, 50006]).toContain(res.json.code);
  });

  it('GIVEN a nonce with enforce_nonce WHEN repeated within the window THEN the first message is returned; past the window, or without enforce_nonce, a new one is created', async () => {
    const count = () => fake.state.messages.get(channelId)?.length ?? 0;
    const before = count();
    const first = await message({ content: 'n', nonce: 'nonce-window-1', enforce_nonce: true });
    const repeat = await message({ content: 'n', nonce: 'nonce-window-1', enforce_nonce: true });
    expect(repeat.json.id).toBe(first.json.id);
    expect(count()).toBe(before + 1);
    await message({ content: 'n', nonce: 'nonce-window-1' });
    expect(count()).toBe(before + 2);
    const realNow = fake.state.now;
    try {
      fake.state.now = () => realNow() + DISCORD_MESSAGE.nonceWindowMs + 1;
      const late = await message({ content: 'n', nonce: 'nonce-window-1', enforce_nonce: true });
      expect(late.json.id).not.toBe(first.json.id);
      expect(count()).toBe(before + 3);
    } finally {
      fake.state.now = realNow;
    }
  });

  it('GIVEN files over the 10 MiB upload limit WHEN posted THEN the fake answers 413 with 40005', async () => {
    const form = new FormData();
    form.append('payload_json', JSON.stringify({ content: 'file' }));
    form.append('files[0]', new Blob([new Uint8Array(DISCORD_UPLOAD_BYTES + 1)]), 'big.csv');
    const res = await fetch(`${fake.apiUrl}/v10/channels/${channelId}/messages`, {
      method: 'POST',
      headers: { authorization: `Bot ${fake.token}` },
      body: form,
    });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { code: number }).code).toBe(DISCORD_ERROR.requestEntityTooLarge);
  });

  it('GIVEN an edit that makes content too long WHEN patched THEN it is refused', async () => {
    const created = await message({ content: 'short' });
    const res = await fetch(`${fake.apiUrl}/v10/channels/${channelId}/messages/${String(created.json.id)}`, {
      method: 'PATCH',
      headers: { authorization: `Bot ${fake.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ content: x(DISCORD_MESSAGE.content + 1) }),
    });
    expect(res.status).toBe(400);
  });
});

describe('fake Discord: modals and the interaction window', () => {
  it('GIVEN a modal within every limit THEN the callback is accepted', async () => {
    const res = await callback(
      interaction(),
      modal({
        title: x(DISCORD_MODAL.title),
        components: Array.from({ length: DISCORD_MODAL.components }, () =>
          label(textInput({ value: x(DISCORD_COMPONENT.textInputValue) }), x(DISCORD_COMPONENT.labelLabel)),
        ),
      }),
    );
    expect(res.status).toBe(204);
  });

  const refused: Array<[string, Record<string, unknown>]> = [
    ['6 inputs', { components: Array.from({ length: DISCORD_MODAL.components + 1 }, () => label(textInput())) }],
    ['no inputs', { components: [] }],
    ['a title over 45', { title: x(DISCORD_MODAL.title + 1) }],
    ['a label over 45', { components: [label(textInput(), x(DISCORD_COMPONENT.labelLabel + 1))] }],
    ['a label description over 100', { components: [{ ...label(textInput()), description: x(101) }] }],
    [
      'a text input value over 4,000',
      { components: [label(textInput({ value: x(DISCORD_COMPONENT.textInputValue + 1) }))] },
    ],
    ['a text input value with a lone surrogate', { components: [label(textInput({ value: '\uDE00b' }))] }],
    ['a text input max_length over 4,000', { components: [label(textInput({ max_length: 4001 }))] }],
    ['a value longer than its max_length', { components: [label(textInput({ max_length: 5, value: x(6) }))] }],
    ['a text input placeholder over 100', { components: [label(textInput({ placeholder: x(101) }))] }],
    ['a custom_id over 100', { custom_id: x(DISCORD_COMPONENT.customId + 1) }],
    ['a select of 26 options', { components: [label(select(DISCORD_COMPONENT.selectOptions + 1))] }],
  ];

  it.each(refused)('GIVEN a modal with %s WHEN shown THEN the fake answers 50035', async (_what, data) => {
    const res = await callback(interaction(), modal(data));
    expect(res.status).toBe(400);
    expect(res.json.code).toBe(DISCORD_ERROR.invalidFormBody);
  });

  it('GIVEN an interaction older than 3 s WHEN first answered THEN the fake answers 10062 Unknown interaction', async () => {
    const late = interaction();
    late.createdAt -= 3001;
    const res = await callback(late, { type: 6 });
    expect(res.status).toBe(404);
    expect(res.json.code).toBe(DISCORD_ERROR.unknownInteraction);
  });

  it('GIVEN an interaction already answered WHEN answered again THEN the fake answers 40060', async () => {
    const once = interaction();
    expect((await callback(once, { type: 6 })).status).toBe(204);
    const again = await callback(once, { type: 6 });
    expect(again.json.code).toBe(DISCORD_ERROR.alreadyAcknowledged);
  });

  it('GIVEN an interaction not yet acknowledged WHEN a follow-up is posted THEN the fake answers 10015 Unknown Webhook', async () => {
    const fresh = interaction();
    const res = await post(`/webhooks/${fake.applicationId}/${fresh.token}`, { content: 'x' });
    expect(res.json.code).toBe(DISCORD_ERROR.unknownWebhook);
  });
});

describe('fake Discord: gateway intents', () => {
  it('GIVEN a client without the DirectMessages intent WHEN a member writes in a DM THEN the event never reaches it', async () => {
    const client = new Client({
      intents: [GatewayIntentBits.Guilds],
      partials: [Partials.Channel],
      rest: { api: fake.apiUrl },
    });
    const seen: string[] = [];
    client.on('messageCreate', (m) => seen.push(m.content));
    await client.login(fake.token);
    await fake.gateway.waitForReady();
    fake.sendDm(nextSnowflake(), 'hello');
    await waitFor(() => fake.gateway.withheld.includes('MESSAGE_CREATE'), 'the DM to be withheld');
    expect(seen).toEqual([]);
    await client.destroy();
  });
});
