/**
 * Agenda materials with the invitation over Discord: files attached to DM
 * messages of at most 10 files and 10 MiB (the fake refuses more), a file
 * too large for Discord served by its link.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Committee } from '../../../src/core/model.ts';
import { materialFile } from '../../fakes/materials.ts';
import { buttonsOf, type DiscordAppKit, discordIdOf, modalOf, press, startDiscordApp } from './discord-app-kit.ts';

const ROUND = '2024-1';
const MiB = 1024 * 1024;
const small = Array.from({ length: 11 }, (_, i) => materialFile(`annex-${i + 1}.pdf`, 2000 + i, i + 1));
const large = materialFile('plan.pdf', 11 * MiB, 50, { title: '추진계획', link: 'https://example.org/plan.pdf' });

describe('agenda materials with the invitation over Discord', { timeout: 120_000 }, () => {
  let kit: DiscordAppKit;
  let committee: Committee;

  beforeEach(async () => {
    kit = await startDiscordApp({
      mutateRound: (r) => {
        r.materials = [...small.map((f) => f.material), large.material];
      },
    });
    committee = kit.committee;
  });

  afterEach(async () => {
    await kit.close();
  });

  it('GIVEN eleven small files and one of 11 MiB WHEN the round opens THEN a member gets the invitation, the files in messages of at most 10, byte for byte, and the large one as a link', async () => {
    await kit.t.app.runAsOperator({ verb: 'open', roundId: ROUND });
    await kit.t.app.runDueJobs();
    const dm = kit.fake.dmMessages(discordIdOf(committee, committee.members[0]?.id ?? ''));
    const withFiles = dm.filter((m) => m.files.length > 0);
    expect(withFiles.map((m) => m.files.length)).toEqual([10, 1]);
    const sent = withFiles.flatMap((m) => m.files);
    expect(sent.map((f) => f.name)).toEqual(small.map((f) => f.material.name));
    for (const [i, file] of sent.entries()) expect(file.bytes.equals(small[i]?.bytes ?? Buffer.alloc(0))).toBe(true);
    const text = dm.map((m) => m.content).join('\n');
    expect(text).toContain('추진계획(11.0MB)');
    expect(text).toContain('<https://example.org/plan.pdf>');
    expect(dm.every((m) => JSON.stringify(m.allowedMentions) === JSON.stringify({ parse: [] }))).toBe(true);
  });

  it('GIVEN a round with materials WHEN a member presses Answer THEN the questionnaire lists them first (a modal cannot link), with the button that opens the form', async () => {
    await kit.t.app.runAsOperator({ verb: 'open', roundId: ROUND });
    await kit.t.app.runDueJobs();
    const member = discordIdOf(committee, committee.members[0]?.id ?? '');
    const shown = await press(kit, member, 'jm|open|');
    expect(shown.callbacks.some((c) => c.type === 9)).toBe(false);
    const text = shown.messages.map((m) => m.content).join('\n');
    expect(text).toContain('안건 설명자료: annex-1.pdf(자문 요청 메시지에 첨부), ');
    expect(text).toContain('추진계획: <https://example.org/plan.pdf>');
    expect(text).toContain('입력 창에는 자료 링크를 표시할 수 없어');
    const last = shown.messages.at(-1);
    expect(buttonsOf(last ?? shown.messages[0]!).some((b) => b.custom_id?.startsWith('jm|fill|'))).toBe(true);
    const form = await press(kit, member, 'jm|fill|');
    expect(modalOf(form).components.length).toBeGreaterThan(0);
  });
});
