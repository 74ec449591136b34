/**
 * The fake Slack refuses what Slack refuses: one over-limit payload per
 * documented limit (src/adapters/slack/slack-limits.ts), sent raw over HTTP
 * or Socket Mode so nothing in Bolt can soften it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import {
  SLACK_BLOCK,
  SLACK_ELEMENT,
  SLACK_INTERACTION,
  SLACK_MESSAGE,
  SLACK_VIEW,
} from '../../../src/adapters/slack/slack-limits.ts';
import { FakeSlackServer } from './fake-slack-server.ts';

let fake: FakeSlackServer;

beforeAll(async () => {
  fake = await FakeSlackServer.start();
});

afterAll(async () => {
  await fake.close();
});

async function call(method: string, args: Record<string, unknown>): Promise<Record<string, unknown>> {
  const res = await fetch(`${fake.apiUrl}${method}`, {
    method: 'POST',
    headers: { authorization: 'Bearer xoxb-test', 'content-type': 'application/json; charset=utf-8' },
    body: JSON.stringify(args),
  });
  return (await res.json()) as Record<string, unknown>;
}

const x = (n: number) => 'a'.repeat(n);
const plain = (text: string) => ({ type: 'plain_text', text });
const section = (text: string) => ({ type: 'section', text: { type: 'mrkdwn', text } });
const option = (i: number, text = `o${i}`) => ({ text: plain(text), value: `v${i}` });
const optionsOf = (n: number) => Array.from({ length: n }, (_, i) => option(i));
const input = (element: Record<string, unknown>, label = 'Q') => ({
  type: 'input',
  block_id: `b${Math.random()}`,
  label: plain(label),
  element: { action_id: 'a', ...element },
});
const view = (extra: Record<string, unknown> = {}) => ({
  type: 'modal',
  callback_id: 'cb',
  title: plain('Title'),
  submit: plain('OK'),
  blocks: [input({ type: 'plain_text_input' })],
  ...extra,
});
const post = (args: Record<string, unknown>) => call('chat.postMessage', { channel: 'C0STAFF01', ...args });

describe('fake Slack: messages', () => {
  it('GIVEN a message within every limit THEN it is accepted (the baseline the refusals differ from)', async () => {
    const blocks = [
      { type: 'header', text: plain(x(SLACK_BLOCK.headerText)) },
      section(x(SLACK_BLOCK.sectionText)),
      { type: 'actions', elements: [{ type: 'static_select', action_id: 's', options: optionsOf(100) }] },
      ...Array.from({ length: SLACK_MESSAGE.blocks - 3 }, () => section('s')),
    ];
    expect((await post({ text: 'fallback', blocks })).ok).toBe(true);
  });

  const refused: Array<[string, Record<string, unknown>, string]> = [
    ['no text and no blocks', { text: '' }, 'no_text'],
    ['text over 40,000 characters', { text: x(SLACK_MESSAGE.text + 1) }, 'msg_too_long'],
    ['51 blocks', { blocks: Array.from({ length: SLACK_MESSAGE.blocks + 1 }, () => section('s')) }, 'invalid_blocks'],
    ['a section over 3,000 characters', { blocks: [section(x(SLACK_BLOCK.sectionText + 1))] }, 'invalid_blocks'],
    ['an empty section', { blocks: [section('')] }, 'invalid_blocks'],
    [
      '11 section fields',
      { blocks: [{ type: 'section', fields: Array.from({ length: 11 }, () => ({ type: 'mrkdwn', text: 'f' })) }] },
      'invalid_blocks',
    ],
    [
      'a section field over 2,000',
      { blocks: [{ type: 'section', fields: [{ type: 'mrkdwn', text: x(SLACK_BLOCK.sectionField + 1) }] }] },
      'invalid_blocks',
    ],
    [
      'a header over 150',
      { blocks: [{ type: 'header', text: plain(x(SLACK_BLOCK.headerText + 1)) }] },
      'invalid_blocks',
    ],
    [
      'a context text over 3,000',
      { blocks: [{ type: 'context', elements: [{ type: 'mrkdwn', text: x(SLACK_BLOCK.contextText + 1) }] }] },
      'invalid_blocks',
    ],
    [
      'a context of 11 elements',
      { blocks: [{ type: 'context', elements: Array.from({ length: 11 }, () => plain('c')) }] },
      'invalid_blocks',
    ],
    [
      'an actions block of 26 elements',
      {
        blocks: [
          {
            type: 'actions',
            elements: Array.from({ length: 26 }, (_, i) => ({ type: 'button', action_id: `b${i}`, text: plain('b') })),
          },
        ],
      },
      'invalid_blocks',
    ],
    [
      'a button text over 75',
      { blocks: [{ type: 'actions', elements: [{ type: 'button', action_id: 'b', text: plain(x(76)) }] }] },
      'invalid_blocks',
    ],
    [
      'a static select of 101 options',
      { blocks: [{ type: 'actions', elements: [{ type: 'static_select', action_id: 's', options: optionsOf(101) }] }] },
      'invalid_blocks',
    ],
    [
      'an option text over 75',
      {
        blocks: [
          { type: 'actions', elements: [{ type: 'static_select', action_id: 's', options: [option(0, x(76))] }] },
        ],
      },
      'invalid_blocks',
    ],
    [
      'two blocks with one block_id',
      {
        blocks: [
          { ...section('a'), block_id: 'x' },
          { ...section('b'), block_id: 'x' },
        ],
      },
      'invalid_blocks',
    ],
  ];

  it.each(refused)('GIVEN %s WHEN posted THEN the fake answers %s', async (_what, args, error) => {
    const res = await post(args);
    expect(res.ok).toBe(false);
    expect(res.error).toBe(error);
  });

  it('GIVEN a channel the bot is not in WHEN posting or posting ephemerally THEN the fake answers not_in_channel', async () => {
    fake.removeBotFrom('C0OTHER01');
    expect((await call('chat.postMessage', { channel: 'C0OTHER01', text: 'x' })).error).toBe('not_in_channel');
    expect((await call('chat.postEphemeral', { channel: 'C0OTHER01', user: 'U1', text: 'x' })).error).toBe(
      'not_in_channel',
    );
  });

  it('GIVEN an ephemeral message with bad blocks, no user or an unknown channel THEN the fake refuses it', async () => {
    const base = { channel: 'C0STAFF01', user: 'U1', text: 'x' };
    expect((await call('chat.postEphemeral', { ...base, blocks: [section(x(3001))] })).error).toBe('invalid_blocks');
    expect((await call('chat.postEphemeral', { ...base, user: '' })).error).toBe('user_not_in_channel');
    expect((await call('chat.postEphemeral', { ...base, channel: 'Dnobody' })).error).toBe('channel_not_found');
  });

  it('GIVEN a rate limit WHEN exceeded THEN the fake answers 429 with Retry-After', async () => {
    fake.limit('chat.postEphemeral', { max: 1, windowMs: 60_000 });
    await call('chat.postEphemeral', { channel: 'C0STAFF01', user: 'U1', text: 'x' });
    const res = await fetch(`${fake.apiUrl}chat.postEphemeral`, {
      method: 'POST',
      headers: { authorization: 'Bearer xoxb-test', 'content-type': 'application/json' },
      body: JSON.stringify({ channel: 'C0STAFF01', user: 'U1', text: 'x' }),
    });
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});

describe('fake Slack: views and triggers', () => {
  const open = (v: unknown) => call('views.open', { trigger_id: fake.issueTrigger(), view: v });

  it('GIVEN a view within every limit THEN it opens', async () => {
    const res = await open(
      view({
        title: plain(x(SLACK_VIEW.title)),
        blocks: [
          input({ type: 'datepicker', initial_date: '2024-02-29' }),
          input({ type: 'timepicker', initial_time: '23:59' }),
          input({ type: 'file_input', max_files: 1, filetypes: ['csv', 'xlsx'] }),
          input({ type: 'static_select', options: optionsOf(3), initial_option: option(2) }),
          input({ type: 'radio_buttons', options: optionsOf(SLACK_ELEMENT.radioOptions) }),
          input({ type: 'checkboxes', options: optionsOf(SLACK_ELEMENT.checkboxOptions) }),
          input({ type: 'static_select', options: optionsOf(SLACK_ELEMENT.staticSelectOptions) }),
          input({ type: 'plain_text_input', max_length: SLACK_ELEMENT.inputValue, initial_value: x(3000) }),
        ],
      }),
    );
    expect(res.ok).toBe(true);
  });

  const refused: Array<[string, Record<string, unknown>]> = [
    ['a title over 24', { title: plain(x(SLACK_VIEW.title + 1)) }],
    ['a submit label over 24', { submit: plain(x(SLACK_VIEW.button + 1)) }],
    ['private_metadata over 3,000', { private_metadata: x(SLACK_VIEW.privateMetadata + 1) }],
    ['101 blocks', { blocks: Array.from({ length: SLACK_VIEW.blocks + 1 }, () => section('s')) }],
    ['11 radio buttons', { blocks: [input({ type: 'radio_buttons', options: optionsOf(11) })] }],
    ['11 checkboxes', { blocks: [input({ type: 'checkboxes', options: optionsOf(11) })] }],
    ['a static select of 101 options', { blocks: [input({ type: 'static_select', options: optionsOf(101) })] }],
    ['an input max_length over 3,000', { blocks: [input({ type: 'plain_text_input', max_length: 3001 })] }],
    [
      'an initial value over max_length',
      { blocks: [input({ type: 'plain_text_input', max_length: 3, initial_value: 'abcd' })] },
    ],
    ['an input label over 2,000', { blocks: [input({ type: 'plain_text_input' }, x(SLACK_BLOCK.inputLabel + 1))] }],
    ['inputs without a submit button', { submit: undefined }],
    [
      'a date picker with a date that does not exist',
      { blocks: [input({ type: 'datepicker', initial_date: '2024-02-30' })] },
    ],
    [
      'a date picker with a local date format',
      { blocks: [input({ type: 'datepicker', initial_date: '2024. 2. 8.' })] },
    ],
    ['a time picker at 24:00', { blocks: [input({ type: 'timepicker', initial_time: '24:00' })] }],
    ['a time picker without the leading zero', { blocks: [input({ type: 'timepicker', initial_time: '9:00' })] }],
    [
      'a file input of 11 files',
      { blocks: [input({ type: 'file_input', max_files: SLACK_ELEMENT.fileInputMaxFiles + 1 })] },
    ],
    ['a file input of 0 files', { blocks: [input({ type: 'file_input', max_files: 0 })] }],
    [
      'a file input outside an input block',
      { blocks: [{ type: 'actions', elements: [{ type: 'file_input', action_id: 'f' }] }] },
    ],
    ['a button as an input', { blocks: [input({ type: 'button', text: plain('b') })] }],
    [
      'an initial option that is not one of the options',
      { blocks: [input({ type: 'static_select', options: optionsOf(2), initial_option: option(7) })] },
    ],
    [
      'initial checkboxes that are not among the options',
      { blocks: [input({ type: 'checkboxes', options: optionsOf(2), initial_options: [option(1, 'renamed')] })] },
    ],
  ];

  it.each(refused)('GIVEN a view with %s WHEN opened THEN the fake answers invalid_arguments', async (_what, extra) => {
    const res = await open(view(extra));
    expect(res.error).toBe('invalid_arguments');
  });

  it('GIVEN a trigger used once WHEN used again THEN the fake refuses it', async () => {
    const trigger = fake.issueTrigger();
    expect((await call('views.open', { trigger_id: trigger, view: view() })).ok).toBe(true);
    expect((await call('views.open', { trigger_id: trigger, view: view() })).error).toBe('invalid_trigger_id');
  });

  it('GIVEN the trigger window WHEN read THEN it is Slack’s 3 s', () => {
    expect(fake.triggerTtlMs).toBe(3000);
  });

  it('GIVEN a trigger past its window WHEN used THEN the fake answers expired_trigger_id and opens nothing', async () => {
    const before = fake.views.length;
    fake.triggerTtlMs = -1;
    try {
      expect((await open(view())).error).toBe('expired_trigger_id');
    } finally {
      fake.triggerTtlMs = SLACK_VIEW.triggerValidMs;
    }
    expect(fake.views).toHaveLength(before);
  });
});

describe('fake Slack: files attached in a modal', () => {
  const get = (url: string, token?: string) =>
    fetch(url, token ? { headers: { authorization: `Bearer ${token}` } } : {});

  it('GIVEN a file a person attached WHEN the bot asks files.info and downloads it with its token THEN it gets the bytes', async () => {
    const attached = fake.attachFile('U0STAFF01', '질문지.csv', Buffer.from('안건,질문\n'), 'text/csv');
    const info = await call('files.info', { file: attached.id });
    expect(info.ok).toBe(true);
    const file = info.file as { url_private_download: string; size: number; name: string };
    expect(file).toMatchObject({ name: '질문지.csv', size: Buffer.byteLength('안건,질문\n') });
    const res = await get(file.url_private_download, 'xoxb-test');
    expect(Buffer.from(await res.arrayBuffer()).toString('utf8')).toBe('안건,질문\n');
  });

  it('GIVEN a download without the bot token THEN Slack’s sign-in page (HTML) comes back, not the file', async () => {
    const attached = fake.attachFile('U0STAFF01', 'q.csv', Buffer.from('a,b\n'), 'text/csv');
    const res = await get(String(attached.url_private_download));
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(await res.text()).not.toContain('a,b');
  });

  it('GIVEN an unknown file or a token without files:read THEN files.info refuses', async () => {
    expect((await call('files.info', { file: 'F404' })).error).toBe('file_not_found');
    const attached = fake.attachFile('U0STAFF01', 'q.csv', Buffer.from('a'), 'text/csv');
    fake.scopes.delete('files:read');
    try {
      expect((await call('files.info', { file: attached.id })).error).toBe('missing_scope');
    } finally {
      fake.scopes.add('files:read');
    }
  });

  it('GIVEN a file over file_input’s 10 MB THEN it cannot be attached', () => {
    expect(() => fake.attachFile('U0STAFF01', 'big.xlsx', Buffer.alloc(10 * 1024 * 1024 + 1))).toThrow(/10485760/);
  });
});

describe('fake Slack: response_url', () => {
  it('GIVEN a response_url WHEN used a sixth time THEN the fake refuses it with used_url', async () => {
    const url = fake.responseUrl();
    const use = () => fetch(url, { method: 'POST', body: JSON.stringify({ text: 'x' }) });
    for (let i = 0; i < SLACK_INTERACTION.responseUrlUses; i += 1) expect((await use()).status).toBe(200);
    const sixth = await use();
    expect(sixth.status).toBe(404);
    expect(((await sixth.json()) as { error: string }).error).toBe('used_url');
  });

  it('GIVEN a response_url body with invalid blocks THEN the fake refuses it', async () => {
    const res = await fetch(fake.responseUrl(), {
      method: 'POST',
      body: JSON.stringify({ text: 'x', blocks: [section(x(3001))] }),
    });
    expect(((await res.json()) as { error: string }).error).toBe('invalid_blocks');
  });
});

describe('fake Slack: Socket Mode acks', () => {
  async function client(onEnvelope: (ws: WebSocket, envelope: { envelope_id: string }) => void): Promise<WebSocket> {
    const { url } = (await (
      await fetch(`${fake.apiUrl}apps.connections.open`, {
        method: 'POST',
        headers: { authorization: 'Bearer xapp-1' },
      })
    ).json()) as { url: string };
    const ws = new WebSocket(url);
    await new Promise<void>((resolve) => {
      ws.on('message', (data) => {
        const message = JSON.parse(String(data)) as { type: string; envelope_id: string };
        if (message.type === 'hello') resolve();
        else onEnvelope(ws, message);
      });
    });
    return ws;
  }

  it('GIVEN a view returned in an ack that Slack would refuse WHEN acked THEN the fake rejects it as Slack would', async () => {
    const ws = await client((socket, envelope) =>
      socket.send(
        JSON.stringify({
          envelope_id: envelope.envelope_id,
          payload: { response_action: 'update', view: view({ title: plain(x(25)) }) },
        }),
      ),
    );
    await expect(fake.sendEnvelope('interactive', { type: 'view_submission' })).rejects.toThrow(/invalid_arguments/);
    ws.terminate();
  });

  it('GIVEN errors in an ack for a block that is not an input of the view THEN the fake rejects it; for an input, it passes', async () => {
    const submitted = { type: 'view_submission', view: view({ blocks: [{ ...input({}), block_id: 'agenda' }] }) };
    let errors: Record<string, string> = { title: 'wrong' };
    const ws = await client((socket, envelope) =>
      socket.send(
        JSON.stringify({ envelope_id: envelope.envelope_id, payload: { response_action: 'errors', errors } }),
      ),
    );
    await expect(fake.sendEnvelope('interactive', submitted)).rejects.toThrow(/errors.title/);
    errors = { agenda: '3번째 줄: …' };
    expect(await fake.sendEnvelope('interactive', submitted)).toEqual({ response_action: 'errors', errors });
    ws.terminate();
  });

  it('GIVEN a client that does not ack WHEN 3 s pass THEN the envelope fails (Slack waits 3 s, not 5)', async () => {
    const ws = await client(() => {});
    await expect(fake.sendEnvelope('slash_commands', {})).rejects.toThrow(`within ${SLACK_INTERACTION.ackMs} ms`);
    ws.terminate();
  });
});
