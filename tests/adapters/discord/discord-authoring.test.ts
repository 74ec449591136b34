/**
 * Preparing a round on Discord (issue 12), through the real discord.js
 * client against the fake: `/jamun new` (modal), problems with their lines
 * and a reopen button that loses nothing typed, `/jamun import` with an
 * attachment served by the fake CDN, `/jamun template`, `edit`, `preview`
 * (a DM with the real invitation, answers not stored) and `open` with its
 * confirmation; members receive the round with no file changed, no restart.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerDiscordCommands } from '../../../src/adapters/discord/register-commands.ts';
import { CONFIG_DIR } from '../../fakes/app-harness.ts';
import type { FakeInteraction, FakeMessage } from '../../fakes/discord/fake-discord-state.ts';
import { SEED_PASTE } from '../../fakes/seed-agenda-paste.ts';
import {
  answered,
  buttonsOf,
  type DiscordAppKit,
  discordIdOf,
  modalOf,
  openBySlash,
  press,
  pressInStaffChannel,
  replyText,
  startDiscordApp,
  submit,
} from './discord-app-kit.ts';
import { settingsFor } from './discord-test-kit.ts';
import { addMemberWithPicker } from './roster-kit.ts';

const NEW_USER = '500000000000000001';

let kit: DiscordAppKit;
let staffId: string;

beforeAll(async () => {
  kit = await startDiscordApp();
  staffId = kit.committee.staff.userIds.discord?.[0] ?? '';
});

afterAll(async () => {
  await kit?.close();
});

/** Every file under config/, with its hash: what "no file on the server changed" means. */
function configFiles(): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else out[full] = createHash('sha256').update(readFileSync(full)).digest('hex');
    }
  };
  walk(CONFIG_DIR);
  return out;
}

function slash(subcommand: string, options: Record<string, string> = {}, userId = staffId): FakeInteraction {
  return kit.fake.slash(userId, { subcommand, options }, { channelId: kit.staffChannelId });
}

/** Submits the round modal in the staff channel, as typed. */
async function submitForm(
  modal: ReturnType<typeof modalOf>,
  values: Record<string, string | string[]>,
): Promise<FakeInteraction> {
  const fields: Record<string, string | string[]> = {};
  for (const { component } of modal.components) {
    const prefilled =
      component.type === 3
        ? (component.options ?? []).filter((o) => o.default).map((o) => o.value)
        : (component.value ?? '');
    fields[component.custom_id] = values[component.custom_id] ?? prefilled;
  }
  return answered(kit.fake.submitModal(staffId, modal.custom_id, fields, undefined, { channelId: kit.staffChannelId }));
}

function button(message: FakeMessage | undefined, prefix: string): string {
  const id = message && buttonsOf(message).find((b) => b.custom_id?.startsWith(prefix))?.custom_id;
  if (!id) throw new Error(`no ${prefix} button`);
  return id;
}

const WINDOW = '2024-02-08 09:00 ~ 2024-02-15 18:00';

describe('preparing a round on Discord', () => {
  it('GIVEN staff WHEN they paste the seed agenda in /jamun new, preview it and open it THEN members, one added with the user picker, receive it, no file changed', async () => {
    const before = configFiles();
    const shown = await answered(slash('new'));
    const modal = modalOf(shown);
    expect(modal.custom_id).toBe('ja|new|regional-coprosperity');
    expect(modal.components.map((c) => c.component.custom_id)).toEqual([
      'title',
      'window',
      'agenda',
      'description',
      'settings',
    ]);
    const saved = await submitForm(modal, {
      title: "'24년 제2차 지역상생발전위원회 서면자문",
      window: WINDOW,
      agenda: SEED_PASTE,
      settings: ['late'],
    });
    expect(replyText(saved)).toBe(
      "초안 「'24년 제2차 지역상생발전위원회 서면자문」을 저장하였습니다: 안건 2건, 질문 7개. 시작하려면 open 2024-2",
    );
    const draft = (await kit.t.store.getRoundDraft('2024-2'))?.definition;
    expect(draft?.agenda.flatMap((i) => i.questions)).toHaveLength(7);
    expect(draft?.allowLate).toBe(true);
    const savedMessage = saved.messages[0];

    // Reminder preset from the menu under the saved draft.
    const menu = kit.fake.select(staffId, savedMessage as FakeMessage, 'ja|rem|2024-2', ['light'], {
      channelId: kit.staffChannelId,
    });
    await answered(menu);
    expect((await kit.t.store.getRoundDraft('2024-2'))?.definition.reminders.slots).toEqual([
      { kind: 'last_business_day', at: '09:30' },
    ]);

    // Preview: the staff member's DM gets the marked preview and the invitation; answering stores nothing.
    const preview = await pressInStaffChannel(
      kit,
      staffId,
      savedMessage as FakeMessage,
      button(savedMessage, 'ja|preview|'),
    );
    expect(replyText(preview)).toBe(
      "회차 「'24년 제2차 지역상생발전위원회 서면자문」의 미리보기를 DM으로 보내 드렸습니다.",
    );
    const dm = kit.fake.dmMessages(staffId);
    expect(dm[0]?.content).toContain('[미리보기]');
    expect(buttonsOf(dm[1] as FakeMessage).map((b) => b.custom_id)).toEqual([
      'jm|open|0|preview:2024-2',
      'jm|decline||preview:2024-2',
    ]);
    let page = await press(kit, staffId, 'jm|open|0|preview:2024-2');
    if (!page.callbacks.some((c) => c.type === 9)) page = await press(kit, staffId, 'jm|fill|0|preview:2024-2');
    const pageModal = modalOf(page);
    const firstField = pageModal.components[0]?.component.custom_id ?? '';
    const answeredPage = await submit(kit, staffId, pageModal, { [firstField]: '미리 써 본 의견' });
    expect(replyText(answeredPage)).toContain('미리보기이므로 저장하지 않았습니다');
    expect(await kit.t.store.listAnswers('2024-2')).toEqual([]);

    // A new member added with Discord's user picker (/jamun members) is invited too.
    const added = await addMemberWithPicker(kit, staffId, 'regional-coprosperity', NEW_USER, {
      name: '이신규',
      role: '위원',
    });
    expect(replyText(added)).toContain('이신규 위원을 「지역상생발전위원회」에 등록하였습니다');

    // Open, confirmed: every reachable member receives the invitation.
    const { confirmation, opened } = await openBySlash(kit, '2024-2');
    expect(confirmation.split('\n').slice(1, 4)).toEqual([
      '· 대상: 위원 8명',
      '· 기간: 2024. 2. 8.(목) 09:00 ~ 2024. 2. 15.(목) 18:00 (근무일 4일)',
      '· 재안내: 2024. 2. 15.(목) 09:30',
    ]);
    expect(opened).toContain('시작하였습니다');
    await kit.t.app.runDueJobs();
    for (const member of kit.committee.members) {
      const invitation = kit.fake
        .dmMessages(discordIdOf(kit.committee, member.id))
        .find((m) => buttonsOf(m).some((b) => b.custom_id === 'jm|open|0|2024-2'));
      expect(invitation, member.id).toBeDefined();
    }
    expect(
      kit.fake.dmMessages(NEW_USER).some((m) => buttonsOf(m).some((b) => b.custom_id === 'jm|open|0|2024-2')),
    ).toBe(true);
    expect(configFiles()).toEqual(before);
  });

  it('GIVEN a malformed paste and window THEN each problem comes back with its line, nothing is stored, and the form reopens as typed', async () => {
    const modal = modalOf(await answered(slash('new')));
    const typed = {
      title: '잘못된 회차',
      window: '2024-02-30 09:00 ~ 2024-02-15 18:00',
      agenda: '질문이 먼저\n# 안건\n만족도 (선택: 좋음)',
      description: '설명도 적었습니다',
      settings: ['anonymous'],
    };
    const reply = await submitForm(modal, typed);
    expect(replyText(reply).split('\n')).toEqual([
      '초안을 저장하지 않았습니다. 아래 3건을 고쳐 다시 보내 주시기 바랍니다. 아무것도 저장되지 않았습니다.',
      '시작 일시: 「2024-02-30 09:00」은 일시로 읽을 수 없습니다. `2024-02-15 18:00`처럼 적어 주시기 바랍니다.',
      '1번째 줄: 안건 제목보다 먼저 질문이 있습니다. 질문 위에 `# 안건 제목` 줄을 넣어 주시기 바랍니다.',
      '3번째 줄: 선택지가 1개입니다. 선택지는 둘 이상, `/`로 나누어 적어 주시기 바랍니다. 예: (선택: 찬성 / 반대)',
    ]);
    expect((await kit.t.store.listRoundDrafts()).map((d) => d.definition.title)).not.toContain('잘못된 회차');
    const reopened = await pressInStaffChannel(
      kit,
      staffId,
      reply.messages[0] as FakeMessage,
      button(reply.messages[0], 'ja|retry|'),
    );
    const again = modalOf(reopened);
    const values = Object.fromEntries(
      again.components.map(({ component }) => [
        component.custom_id,
        component.type === 3 ? (component.options ?? []).filter((o) => o.default).map((o) => o.value) : component.value,
      ]),
    );
    expect(values).toEqual(typed);
  });

  it('GIVEN a questionnaire CSV attached to /jamun import THEN the form opens with its agenda, and saving it stores the draft', async () => {
    const csv = new TextEncoder().encode(
      '안건,질문,응답 방식,선택지\n지역상생교류,사업 평가의견,,\n,만족도,단일 선택,만족 / 보통\n',
    );
    const file = kit.fake.upload('질문지.csv', csv, 'text/csv');
    const downloads = kit.fake.cdnRequests;
    const reply = await answered(
      kit.fake.slash(staffId, { subcommand: 'import', attachments: { file } }, { channelId: kit.staffChannelId }),
    );
    expect(kit.fake.cdnRequests).toBe(downloads + 1);
    expect(replyText(reply)).toBe(
      '질문지에서 안건 1건, 질문 2개를 읽었습니다. 양식에 제목과 기간을 채워 저장하여 주시기 바랍니다.',
    );
    const form = modalOf(
      await pressInStaffChannel(kit, staffId, reply.messages[0] as FakeMessage, button(reply.messages[0], 'ja|retry|')),
    );
    expect(form.components[2]?.component.value).toBe('# 지역상생교류\n사업 평가의견\n만족도 (선택: 만족 / 보통)');
    const saved = await submitForm(form, { title: '표에서 만든 회차', window: '2024-03-04 09:00 ~ 2024-03-08 18:00' });
    expect(replyText(saved)).toContain('초안 「표에서 만든 회차」를 저장하였습니다: 안건 1건, 질문 2개.');
  });

  it('GIVEN a round file attached THEN it is stored at once; a file too large is refused without being downloaded', async () => {
    const seed = readFileSync(path.join(CONFIG_DIR, 'rounds', '2024-1.yaml'), 'utf8').replace(
      'id: 2024-1',
      'id: yaml-9',
    );
    const yaml = kit.fake.upload('yaml-9.yaml', new TextEncoder().encode(seed), 'application/yaml');
    const stored = await answered(
      kit.fake.slash(staffId, { subcommand: 'import', attachments: { file: yaml } }, { channelId: kit.staffChannelId }),
    );
    expect(replyText(stored)).toContain('안건 2건, 질문 7개');
    expect((await kit.t.store.getRoundDraft('yaml-9'))?.source).toBe('import');
    const big = kit.fake.upload('big.csv', new Uint8Array(3 * 1024 * 1024), 'text/csv');
    const downloads = kit.fake.cdnRequests;
    const refused = await answered(
      kit.fake.slash(staffId, { subcommand: 'import', attachments: { file: big } }, { channelId: kit.staffChannelId }),
    );
    expect(replyText(refused)).toContain('파일이 너무 큽니다(3.0 MiB). 2.0 MiB 이하로 올려 주시기 바랍니다.');
    expect(kit.fake.cdnRequests).toBe(downloads);
    expect(() => kit.fake.upload('huge.csv', new Uint8Array(10_485_761))).toThrow(RangeError);
  });

  it('GIVEN /jamun template THEN the CSV and XLSX come privately with the reply', async () => {
    const reply = await answered(slash('template'));
    expect(replyText(reply)).toContain('/jamun import');
    expect(reply.messages[0]?.files?.map((f) => f.name)).toEqual([
      'jamun-questionnaire.csv',
      'jamun-questionnaire.xlsx',
    ]);
  });

  it('GIVEN a draft THEN /jamun edit opens it prefilled; a member gets a private refusal and no form', async () => {
    const edit = modalOf(await answered(slash('edit', { round: 'yaml-9' })));
    expect(edit.custom_id).toBe('ja|edit|yaml-9');
    expect(edit.components[1]?.component.value).toBe(WINDOW);
    const outsider = discordIdOf(kit.committee, 'm-kim');
    const refused = await answered(slash('new', {}, outsider));
    expect(refused.callbacks.some((c) => c.type === 9)).toBe(false);
    expect(replyText(refused)).toBe('사무국 전용 명령입니다.');
    const cancelAsk = await answered(slash('open', { round: 'yaml-9' }));
    await pressInStaffChannel(
      kit,
      staffId,
      cancelAsk.messages[0] as FakeMessage,
      button(cancelAsk.messages[0], 'ja|cancel|'),
    );
    expect(cancelAsk.messages[0]?.content).toBe('시작하지 않았습니다.');
    expect(await kit.t.store.getRound('yaml-9')).toBeNull();
  });
});

describe('the /jamun command as registered', () => {
  it('GIVEN the commands registered THEN the fake (validating as Discord does) accepts them, with the form subcommands and an ATTACHMENT option', async () => {
    await registerDiscordCommands(settingsFor(kit.fake), { guildId: kit.fake.guild.id });
    const [command] = (kit.fake.commands.get(kit.fake.guild.id) ?? []) as Array<{
      options: Array<{ name: string; options?: Array<{ name: string; type: number; required?: boolean }> }>;
    }>;
    const names = command?.options.map((o) => o.name) ?? [];
    expect(names).toEqual(expect.arrayContaining(['new', 'import', 'template', 'edit', 'preview', 'open']));
    expect(names.length).toBeLessThanOrEqual(25);
    expect(command?.options.find((o) => o.name === 'import')?.options).toEqual([
      expect.objectContaining({ name: 'file', type: 11, required: true }),
    ]);
  });

  it('GIVEN a command with a required option after an optional one THEN the fake refuses it with 50035', async () => {
    const response = await fetch(`${kit.fake.apiUrl}/v10/applications/${kit.fake.applicationId}/commands`, {
      method: 'PUT',
      headers: { authorization: `Bot ${kit.fake.token}`, 'content-type': 'application/json' },
      body: JSON.stringify([
        {
          name: 'jamun',
          description: 'x',
          options: [
            { type: 3, name: 'a', description: 'a' },
            { type: 3, name: 'b', description: 'b', required: true },
          ],
        },
      ]),
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { code: number }).code).toBe(50035);
  });
});
