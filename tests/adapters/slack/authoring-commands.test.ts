/**
 * Preparing a round in Slack (issue 12), through the real Bolt app against
 * the fake Slack: `/jamun new` opens a modal at once and draws the form in
 * it; a malformed paste gets each problem with its line under the agenda
 * input and nothing is stored; the seed round's agenda pasted becomes a
 * draft of 7 questions; `edit` prefills; `preview` sends the real invitation;
 * `open` asks to confirm, and Open invites every member, one added with the
 * user picker (`/jamun members`) too — with no file on the
 * server changed and no restart. `import` takes a file through a
 * `file_input`, `template` sends the files to the person's DM only.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONFIG_DIR } from '../../fakes/app-harness.ts';
import type { Args, FakeView } from '../../fakes/slack/fake-slack-server.ts';
import {
  buttonClick,
  confirmOpen,
  fillView,
  slashCommand,
  type Typed,
  viewSubmission,
} from '../../fakes/slack/slack-payloads.ts';
import { addMemberWithPicker } from './roster-kit.ts';
import { type SlackAppKit, type SlackKit, startSlackApp } from './slack-kit.ts';
import { waitFor } from './wait-for.ts';
import type { TestApp } from '../../fakes/app-harness.ts';

/** The seed round's agenda (config/rounds/2024-1.yaml) as staff paste it from the report. */
const SEED_PASTE = `# 1. 서울시 지역상생교류 추진
1. 2023년 추진사업 실적 및 성과에 대한 평가의견 및 개선방안
2. 지역상생 효과 제고를 위한 지역상생교류 사업 활성화 방안
3. 서울-지역 간 지역상생교류 신규 사업 아이디어 발굴(주체별, 대상별, 분야별 등)
4. 인구감소 및 지역소멸 위기 공동대응, 지역상생 발전을 위한 정책추진 방향 등

# 2. '24년 지역연계형 청년 창업 지원사업(넥스트로컬)
○ 서울-지역 간 협력체계 및 역할분담, 지역의 기여도 증대 방안
○ 지역 내 긍정적 파급효과를 측정할 수 있는 정량적 성과목표 제안
○ 사업홍보 및 판로지원 등 서울과 지역의 지속적 지원방안`;

/** A person of the workspace staff add with Slack's user picker before opening. */
const PICKED = 'U0NEWMEMB1';

/** How long building a workbook may take on a loaded machine (a wait, not an assertion). */
const WORKBOOK_MS = 60_000;

const BAD_PASTE = ['질문이 먼저', '# 안건', '중복 (선택: 가 / 가)', '# 빈 안건'].join('\n');

/** Every file under `dir`, with a hash of its bytes: what "no file on the server changed" compares. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    out[path.relative(dir, file)] = createHash('sha256').update(readFileSync(file)).digest('hex');
  }
  return out;
}

describe('preparing a round over Slack', () => {
  let app: SlackAppKit;
  let kit: SlackKit;
  let t0: TestApp;
  let staffId: string;
  let memberIds: string[];
  const staffChannel = 'C0STAFFCH1';
  const configBefore = snapshot(CONFIG_DIR);

  /** Sends `/jamun text`; resolves with its payload (trigger, response_url) once acknowledged. */
  async function slash(userId: string, text: string): Promise<Args> {
    const payload = slashCommand(kit.fake, userId, text, staffChannel);
    expect(await kit.fake.sendEnvelope('slash_commands', payload)).toEqual({});
    return payload;
  }
  const repliesTo = (payload: Args) => {
    const id = String(payload.response_url).split('/').pop();
    return kit.fake.responses.filter((r) => r.id === id).map((r) => r.body);
  };
  const reply = (payload: Args, what: string) => waitFor(() => repliesTo(payload)[0], what);

  /** `/jamun new|edit …`: the modal opened by the trigger, then drawn as the round form. */
  async function openForm(userId: string, text: string): Promise<FakeView> {
    const before = kit.fake.views.length;
    await slash(userId, text);
    return waitFor(
      () => kit.fake.views.slice(before).find((v) => v.method === 'views.update'),
      `the form of /jamun ${text}`,
    );
  }
  const submit = (userId: string, view: FakeView, typed: Record<string, Typed>) =>
    kit.fake.sendEnvelope('interactive', viewSubmission(kit.fake, userId, view, fillView(view, typed)));
  const dmTexts = (userId: string) => kit.fake.textsIn(kit.fake.dmChannelOf(userId));

  const typedRound = (id: string, agenda: string): Record<string, Typed> => ({
    id,
    title: "'24년 제2차 지역상생발전위원회 서면자문",
    opens_date: '2024-02-08',
    opens_time: '09:00',
    closes_date: '2024-02-15',
    closes_time: '18:00',
    agenda,
  });

  beforeAll(async () => {
    app = await startSlackApp();
    ({ kit, t: t0 } = app);
    staffId = app.committee.staff.userIds.slack?.[0] ?? '';
    memberIds = app.committee.members.filter((m) => m.active).map((m) => m.platforms.slack ?? '');
  });

  afterAll(() => app.close());

  it('GIVEN staff type /jamun new THEN a modal opens with the trigger at once and the form is drawn into it: date and time pickers, the agenda input', async () => {
    const form = await openForm(staffId, 'new');
    const opened = kit.fake.callsOf('views.open').at(-1);
    expect(opened?.error).toBeUndefined();
    expect(form.viewId).toBe(kit.fake.views.find((v) => v.method === 'views.open')?.viewId);
    expect(form.view.callback_id).toBe('jamun.round_form');
    const blocks = form.view.blocks as Array<{ block_id?: string; element?: { type: string } }>;
    const types = Object.fromEntries(blocks.filter((b) => b.block_id).map((b) => [b.block_id, b.element?.type]));
    expect(types).toMatchObject({
      title: 'plain_text_input',
      opens_date: 'datepicker',
      opens_time: 'timepicker',
      closes_date: 'datepicker',
      closes_time: 'timepicker',
      settings: 'checkboxes',
      reminders: 'static_select',
      agenda: 'plain_text_input',
    });
    expect(kit.fake.refusals).toEqual([]);
  });

  it('GIVEN a malformed paste WHEN submitted THEN each problem comes back with its line under the agenda input, the form stays as typed and nothing is stored', async () => {
    const form = await openForm(staffId, 'new');
    const ack = await submit(staffId, form, typedRound('chat-bad', BAD_PASTE));
    expect(ack.response_action).toBe('errors');
    const errors = ack.errors as Record<string, string>;
    expect(Object.keys(errors)).toEqual(['agenda']);
    const lines = errors.agenda?.split('\n') ?? [];
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^1번째 줄: /);
    expect(lines[1]).toMatch(/^3번째 줄: .*「가」/);
    expect(lines[2]).toMatch(/^4번째 줄: .*빈 안건/);
    expect(await t0.store.getRoundDraft('chat-bad')).toBeNull();
    // Twelve problems: ten shown under the input, the rest counted.
    const many = ['# 안건', ...Array.from({ length: 12 }, (_, i) => `중복 ${i} (선택: 가 / 가)`)].join('\n');
    const crowded = await submit(staffId, form, typedRound('chat-bad', many));
    expect((crowded.errors as Record<string, string>).agenda?.split('\n')).toEqual([
      ...Array.from({ length: 10 }, (_, i) => expect.stringMatching(new RegExp(`^${i + 2}번째 줄: `))),
      '그 밖에 2건',
    ]);
    expect((await t0.store.listAudit('chat-bad')).filter((a) => a.action.startsWith('round.draft'))).toEqual([]);
  });

  it('GIVEN a deadline before the opening WHEN submitted THEN the problem shows under the deadline’s date, not the agenda', async () => {
    const form = await openForm(staffId, 'new');
    const ack = await submit(staffId, form, { ...typedRound('chat-late', SEED_PASTE), closes_date: '2024-02-01' });
    expect(ack.response_action).toBe('errors');
    expect(Object.keys(ack.errors as object)).toEqual(['closes_date']);
    expect(await t0.store.getRoundDraft('chat-late')).toBeNull();
  });

  it('GIVEN the seed round’s agenda pasted WHEN submitted THEN the modal closes, a draft of 7 questions is stored and its summary comes to the staff member’s DM', async () => {
    const form = await openForm(staffId, 'new');
    const ack = await submit(staffId, form, typedRound('chat-1', SEED_PASTE));
    expect(ack).toEqual({ response_action: 'clear' });
    const draft = await t0.store.getRoundDraft('chat-1');
    const seed = t0.rounds[0]?.agenda.flatMap((item) => item.questions.map((q) => q.prompt));
    expect(draft?.definition.agenda.flatMap((item) => item.questions.map((q) => q.prompt))).toEqual(seed);
    expect(seed).toHaveLength(7);
    await waitFor(() => dmTexts(staffId).some((text) => text.includes('질문 7개')), 'the draft text by DM');
  });

  it('GIVEN a stored draft WHEN staff type /jamun edit THEN the same form comes prefilled, and saving it unchanged keeps the 7 questions', async () => {
    const form = await openForm(staffId, 'edit chat-1');
    const agenda = (form.view.blocks as Array<{ block_id?: string; element?: { initial_value?: string } }>).find(
      (b) => b.block_id === 'agenda',
    );
    expect(agenda?.element?.initial_value).toContain('정량적 성과목표 제안');
    expect(JSON.stringify(form.view.blocks)).toContain("'24년 제2차 지역상생발전위원회 서면자문");
    expect(await submit(staffId, form, {})).toEqual({ response_action: 'clear' });
    const draft = await t0.store.getRoundDraft('chat-1');
    expect(draft?.definition.agenda.flatMap((item) => item.questions)).toHaveLength(7);
    await waitFor(() => dmTexts(staffId).some((text) => text.includes('고쳐 저장하였습니다')), 'the replaced text');
  });

  it('GIVEN a draft WHEN staff type /jamun preview THEN they get the real invitation in their DM, marked as a preview, privately', async () => {
    const before = kit.fake.messagesIn(kit.fake.dmChannelOf(staffId)).length;
    const payload = await slash(staffId, 'preview chat-1');
    expect((await reply(payload, 'the preview reply')).response_type).toBe('ephemeral');
    const preview = await waitFor(
      () =>
        kit.fake
          .messagesIn(kit.fake.dmChannelOf(staffId))
          .slice(before)
          .find((m) => JSON.stringify(m.blocks).includes('preview:chat-1')),
      'the preview invitation',
    );
    expect(JSON.stringify(preview.blocks)).toContain('jamun.answer');
    expect(kit.fake.textsIn(kit.fake.dmChannelOf(staffId)).slice(before).join('\n')).toContain('미리보기');
    expect(await t0.store.getRound('chat-1')).toBeNull();
  });

  it('GIVEN the preview invitation WHEN staff answer it through the questionnaire modal and submit THEN the real modal works and nothing is stored', async () => {
    const dm = kit.fake.dmChannelOf(staffId);
    const opened = kit.fake.views.length;
    await kit.fake.sendEnvelope(
      'interactive',
      buttonClick(kit.fake, staffId, 'jamun.answer', 'preview:chat-1', { channel: dm }),
    );
    let page = await waitFor(() => kit.fake.views.slice(opened).find((v) => v.method === 'views.open'), 'page 1');
    /** Every question input of a page typed with an answer. */
    const answered = (view: FakeView) =>
      Object.fromEntries(
        (view.view.blocks as Array<{ block_id?: string }>)
          .map((b) => /^q\|(.+)\|0$/.exec(b.block_id ?? '')?.[1])
          .filter((id): id is string => id !== undefined)
          .map((id) => [id, '미리보기에서 적어 본 의견']),
      );
    let ack = await submit(staffId, page, answered(page));
    expect(ack.response_action).toBe('push');
    page = { method: 'views.push', viewId: 'V-page-2', view: ack.view as Args };
    ack = await submit(staffId, page, answered(page));
    expect(ack).toEqual({ response_action: 'clear' });
    expect(await t0.store.listAnswers('chat-1')).toEqual([]);
    expect(await t0.store.listAnswers('preview:chat-1')).toEqual([]);
    expect(await t0.store.getRound('chat-1')).toBeNull();
  });

  it('GIVEN a draft and a member added with the user picker WHEN staff type /jamun open THEN a private confirmation names the member count; Open starts it and every member receives it, the new one too — no file changed, no restart', async () => {
    kit.fake.addUser({ id: PICKED, real_name: '이신규', tz: 'Asia/Seoul' });
    const added = await addMemberWithPicker(kit.fake, staffId, app.committee.id, PICKED);
    expect(added.response_action).toBe('update');
    const invited = [...memberIds, PICKED];
    const payload = await slash(staffId, 'open chat-1');
    const confirmation = await reply(payload, 'the confirmation');
    expect(confirmation.response_type).toBe('ephemeral');
    expect(String(confirmation.text)).toContain(`${invited.length}명`);
    // 2.8.–2.15. across the Lunar New Year holiday: four business days.
    expect(String(confirmation.text)).toContain('근무일 4일');
    expect(JSON.stringify(confirmation.blocks)).toContain('jamun.open_confirm');
    expect(await t0.store.getRound('chat-1')).toBeNull();
    const click = confirmOpen(kit.fake, staffId, 'chat-1', staffChannel);
    expect(await kit.fake.sendEnvelope('interactive', click)).toEqual({});
    await waitFor(() => repliesTo(click)[0], 'the reply to Open');
    expect((await t0.store.getRound('chat-1'))?.status).toBe('open');
    await t0.app.runDueJobs();
    await kit.adapter.messenger.flush();
    for (const id of invited) {
      const invitations = kit.fake
        .messagesIn(kit.fake.dmChannelOf(id))
        .filter((m) => JSON.stringify(m.blocks).includes('"chat-1"'));
      expect(invitations.length, id).toBeGreaterThan(0);
    }
    expect(snapshot(CONFIG_DIR)).toEqual(configBefore);
  });

  it('GIVEN an opened round WHEN staff type /jamun edit THEN the modal says it can no longer be edited as a draft, and no form is drawn', async () => {
    const view = await openForm(staffId, 'edit chat-1');
    expect(view.view.callback_id).not.toBe('jamun.round_form');
    expect(JSON.stringify(view.view.blocks)).not.toContain('datepicker');
    expect((await t0.store.getRound('chat-1'))?.status).toBe('open');
  });

  it('GIVEN the confirmation WHEN staff press Cancel THEN it says so in place and the round stays a draft', async () => {
    const form = await openForm(staffId, 'new');
    expect(await submit(staffId, form, typedRound('chat-2', SEED_PASTE))).toEqual({ response_action: 'clear' });
    await reply(await slash(staffId, 'open chat-2'), 'the confirmation');
    const click = buttonClick(kit.fake, staffId, 'jamun.open_cancel', 'chat-2', { channel: staffChannel });
    await kit.fake.sendEnvelope('interactive', click);
    const cancelled = await waitFor(() => repliesTo(click)[0], 'the reply to Cancel');
    expect(cancelled).toMatchObject({ replace_original: true, text: expect.stringContaining('시작하지 않았습니다') });
    expect(await t0.store.getRound('chat-2')).toBeNull();
  });

  it('GIVEN an agenda longer than one input, typed on into the next THEN a problem in the second input shows under it with its line in the whole paste; fixed, the draft keeps every question and edit spreads it over inputs again', async () => {
    const questions = (item: number) =>
      Array.from(
        { length: 40 },
        (_, i) =>
          `${item}-${i + 1}. 지역상생교류 사업의 성과와 개선 방안, 서울과 지역 간 협력체계에 대한 의견 (${i + 1})`,
      );
    const first = ['# 1. 첫째 안건', ...questions(1)].join('\n');
    const second = ['# 2. 둘째 안건', ...questions(2), '중복 (선택: 가 / 가)'].join('\n');
    expect(first.length).toBeLessThanOrEqual(3000);
    expect(first.length + second.length).toBeGreaterThan(3000);
    const badLine = first.split('\n').length + second.split('\n').length;
    const form = await openForm(staffId, 'new');
    const typed = { ...typedRound('chat-long', first), 'agenda|1': second };
    const ack = await submit(staffId, form, typed);
    expect(ack.response_action).toBe('errors');
    expect(ack.errors).toEqual({ 'agenda|1': expect.stringMatching(new RegExp(`^${badLine}번째 줄: `)) });
    expect(await t0.store.getRoundDraft('chat-long')).toBeNull();
    const fixed = second.split('\n').slice(0, -1).join('\n');
    expect(await submit(staffId, form, { ...typed, 'agenda|1': fixed })).toEqual({ response_action: 'clear' });
    const stored = await t0.store.getRoundDraft('chat-long');
    expect(stored?.definition.agenda.map((item) => item.questions.length)).toEqual([40, 40]);
    const edit = await openForm(staffId, 'edit chat-long');
    const agendaInputs = (edit.view.blocks as Array<{ block_id?: string; element?: { initial_value?: string } }>)
      .filter((b) => b.block_id?.startsWith('agenda'))
      .map((b) => b.element?.initial_value ?? '');
    expect(agendaInputs.length).toBeGreaterThanOrEqual(3);
    expect(agendaInputs.filter((v) => v !== '')).toHaveLength(2);
    expect(await submit(staffId, edit, {})).toEqual({ response_action: 'clear' });
    const again = await t0.store.getRoundDraft('chat-long');
    expect(again?.definition.agenda.flatMap((i) => i.questions.map((q) => q.prompt))).toEqual(
      stored?.definition.agenda.flatMap((i) => i.questions.map((q) => q.prompt)),
    );
  });

  it('GIVEN stored drafts WHEN staff type /jamun drafts and drop-draft THEN the list and the deletion are answered privately, and the draft is gone', async () => {
    const form = await openForm(staffId, 'new');
    expect(await submit(staffId, form, typedRound('chat-drop', SEED_PASTE))).toEqual({ response_action: 'clear' });
    const list = await reply(await slash(staffId, 'drafts'), 'the list');
    expect(list.response_type).toBe('ephemeral');
    expect(String(list.text)).toContain('chat-drop');
    const dropped = await reply(await slash(staffId, 'drop-draft chat-drop'), 'the deletion');
    expect(dropped.response_type).toBe('ephemeral');
    expect(await t0.store.getRoundDraft('chat-drop')).toBeNull();
    const refused = await reply(await slash(memberIds[0] ?? '', 'drop-draft chat-2'), 'the refusal');
    expect(refused.response_type).toBe('ephemeral');
    expect(await t0.store.getRoundDraft('chat-2')).not.toBeNull();
  });

  it('GIVEN staff type /jamun help THEN the verbs of preparing a round are listed with the others', async () => {
    const help = await reply(await slash(staffId, 'help'), 'the help');
    const text = JSON.stringify(help);
    for (const verb of [
      '• new',
      '• edit ROUND_ID',
      '• import',
      '• template',
      '• preview ROUND_ID',
      'drop-draft ROUND_ID',
    ])
      expect(text).toContain(verb);
    expect(text).toContain('status [ROUND_ID]');
  });

  it('GIVEN a member who is not staff WHEN they type /jamun new THEN the modal says they may not, and no form is drawn', async () => {
    const view = await openForm(memberIds[0] ?? '', 'new');
    expect(view.view.callback_id).not.toBe('jamun.round_form');
    expect(JSON.stringify(view.view.blocks)).not.toContain('datepicker');
  });

  it('GIVEN a trigger that expired before the modal opened THEN the staff member is told privately and nothing opens', async () => {
    const views = kit.fake.views.length;
    kit.fake.triggerTtlMs = -1;
    try {
      const payload = await slash(staffId, 'new');
      expect((await reply(payload, 'the failure')).response_type).toBe('ephemeral');
    } finally {
      kit.fake.triggerTtlMs = 3000;
    }
    expect(kit.fake.views).toHaveLength(views);
  });

  it('GIVEN /jamun template THEN the template files go to the staff member’s DM only, and the reply is private', async () => {
    const before = kit.fake.files.length;
    const payload = await slash(staffId, 'template');
    // Building the XLSX loads exceljs: seconds on a loaded machine.
    const note = await waitFor(() => repliesTo(payload)[0], 'the template note', WORKBOOK_MS);
    expect(note.response_type).toBe('ephemeral');
    const files = kit.fake.files.slice(before);
    expect(files.map((f) => f.name.split('.').pop()).sort()).toEqual(['csv', 'xlsx']);
    expect(new Set(files.map((f) => f.channel))).toEqual(new Set([kit.fake.dmChannelOf(staffId)]));
  });

  describe('/jamun import', () => {
    async function importFile(name: string, bytes: Buffer, mimetype: string): Promise<FakeView> {
      const before = kit.fake.views.length;
      await slash(staffId, 'import');
      const modal = await waitFor(() => kit.fake.views.slice(before).find((v) => v.method === 'views.open'), 'modal');
      expect(JSON.stringify(modal.view.blocks)).toContain('file_input');
      const file = kit.fake.attachFile(staffId, name, bytes, mimetype);
      const drawn = kit.fake.views.length;
      const ack = await submit(staffId, modal, { file: { files: [file] } });
      expect(ack.response_action).toBe('update');
      return waitFor(
        () => kit.fake.views.slice(drawn).find((v) => v.method === 'views.update'),
        `what came of ${name}`,
      );
    }

    it('GIVEN the CSV template filled in WHEN attached THEN the bot fetches it with its token and the round form opens with the agenda in it', async () => {
      const [csv] = (await t0.app.templateFiles()).filter((f) => f.name.endsWith('.csv'));
      const view = await importFile('질문지.csv', Buffer.from(csv?.content ?? ''), 'text/csv');
      expect(view.view.callback_id).toBe('jamun.round_form');
      expect(kit.fake.attachments.downloads.at(-1)?.authorized).toBe(true);
      const agenda = (view.view.blocks as Array<{ block_id?: string; element?: { initial_value?: string } }>).find(
        (b) => b.block_id === 'agenda',
      );
      expect(agenda?.element?.initial_value?.startsWith('# ')).toBe(true);
    });

    it('GIVEN a round file (.yaml) WHEN attached THEN it is stored as a draft at once, said in the modal and by DM', async () => {
      const yaml = readFileSync(path.join(CONFIG_DIR, 'rounds', '2024-1.yaml'), 'utf8').replace(
        'id: 2024-1',
        'id: 2024-9',
      );
      const view = await importFile('2024-9.yaml', Buffer.from(yaml), 'application/x-yaml');
      expect(view.view.callback_id).not.toBe('jamun.round_import');
      expect((await t0.store.getRoundDraft('2024-9'))?.definition.agenda.flatMap((i) => i.questions)).toHaveLength(7);
      await waitFor(() => dmTexts(staffId).some((text) => text.includes('2024-9')), 'the import text by DM');
    });

    it('GIVEN a workspace where the bot lacks files:read WHEN a file is attached THEN the import form comes back saying the file could not be fetched, and nothing is stored', async () => {
      const drafts = (await t0.store.listRoundDrafts()).length;
      kit.fake.scopes.delete('files:read');
      try {
        const view = await importFile('q.csv', Buffer.from('안건,질문\n가,나\n'), 'text/csv');
        expect(view.view.callback_id).toBe('jamun.round_import');
        expect(JSON.stringify(view.view.blocks)).toContain('missing_scope');
      } finally {
        kit.fake.scopes.add('files:read');
      }
      expect(await t0.store.listRoundDrafts()).toHaveLength(drafts);
    });

    it('GIVEN a table with more problems than a view can hold WHEN attached THEN the form shows the start of the list within Slack’s limits and the whole list comes by DM', async () => {
      const rows = Array.from({ length: 6000 }, (_, i) => `${i === 0 ? '안건 1' : ''},질문 ${i + 1},아무거나`);
      const csv = ['안건,질문,응답 방식', ...rows].join('\n');
      const dmBefore = dmTexts(staffId).length;
      const refusals = kit.fake.refusals.length;
      const view = await importFile('many.csv', Buffer.from(csv), 'text/csv');
      expect(view.view.callback_id).toBe('jamun.round_import');
      const shown = JSON.stringify(view.view.blocks);
      expect(shown).toContain('2행');
      expect(shown).not.toContain('6001행');
      expect(shown).toContain('전체 목록은 개인 메시지(DM)로 보내 드렸습니다');
      expect(kit.fake.refusals.slice(refusals)).toEqual([]);
      const dm = await waitFor(
        () => dmTexts(staffId).slice(dmBefore).join('\n').includes('6001행') && dmTexts(staffId).slice(dmBefore),
        'the whole list by DM',
        WORKBOOK_MS,
      );
      expect(dm.join('\n')).toContain('2행');
    });

    it('GIVEN the core fails unexpectedly while reading a file THEN the modal says so instead of staying on "reading"', async () => {
      const original = t0.app.importDraftFile;
      t0.app.importDraftFile = () => Promise.reject(new Error('disk on fire'));
      try {
        const view = await importFile('q.csv', Buffer.from('안건,질문\n가,나\n'), 'text/csv');
        expect(JSON.stringify(view.view.blocks)).toContain('명령을 처리하지 못하였습니다');
      } finally {
        t0.app.importDraftFile = original;
      }
    });

    it('GIVEN a table with a bad row WHEN attached THEN the import form comes back with the row named, and nothing is stored', async () => {
      const drafts = (await t0.store.listRoundDrafts()).length;
      const csv = '안건,질문,응답 방식\n안건 1,첫 질문,서술형\n,둘째 질문,아무거나\n';
      const view = await importFile('bad.csv', Buffer.from(csv), 'text/csv');
      expect(view.view.callback_id).toBe('jamun.round_import');
      expect(JSON.stringify(view.view.blocks)).toMatch(/3행/);
      expect(await t0.store.listRoundDrafts()).toHaveLength(drafts);
    });
  });
});
