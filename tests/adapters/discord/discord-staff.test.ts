/**
 * Staff slash commands over Discord: who may run them (user ids, or the
 * staff role passed as `Actor.roleIds`), ephemeral refusals, round-id
 * autocomplete, and `allowed_mentions` on every reply.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type DiscordAppKit,
  answered,
  discordIdOf,
  openBySlash,
  replyText,
  startDiscordApp,
} from './discord-app-kit.ts';

const EPHEMERAL = 64;
let kit: DiscordAppKit;

beforeAll(async () => {
  kit = await startDiscordApp();
});

afterAll(async () => {
  await kit?.close();
});

describe('staff commands over Discord', () => {
  it('GIVEN a committee member who is not staff WHEN they run /jamun status THEN the core refuses, privately, and audits it', async () => {
    const outsider = discordIdOf(kit.committee, 'm-kang');
    const reply = await answered(
      kit.fake.slash(
        outsider,
        { subcommand: 'status', options: { round: '2024-1' } },
        { channelId: kit.staffChannelId },
      ),
    );
    expect(replyText(reply)).toContain('사무국 전용 명령입니다.');
    expect(reply.callbacks[0]?.data?.flags).toBe(EPHEMERAL);
    const audit = await kit.t.store.listAudit();
    expect(audit.some((e) => e.actor === `discord:${outsider}` && e.action === 'staff.refused')).toBe(true);
    expect(kit.fake.dmMessages(outsider)).toHaveLength(0);
  });

  it('GIVEN an interaction delivered twice (a resumed gateway, another instance) WHEN the repeat arrives THEN it is not acted on again: one refusal, one audit, one answer', async () => {
    const outsider = discordIdOf(kit.committee, 'm-kim');
    const refusals = async () =>
      (await kit.t.store.listAudit()).filter((e) => e.actor === `discord:${outsider}` && e.action === 'staff.refused');
    const first = await answered(
      kit.fake.slash(
        outsider,
        { subcommand: 'status', options: { round: '2024-1' } },
        { channelId: kit.staffChannelId },
      ),
    );
    expect(await refusals()).toHaveLength(1);
    const store = kit.t.store;
    const remember = store.rememberInboundEvent.bind(store);
    const repeatSeen = new Promise<boolean>((resolve) => {
      store.rememberInboundEvent = async (id, at, expiresAt) => {
        const fresh = await remember(id, at, expiresAt);
        if (id === `discord:interaction:${first.id}`) resolve(fresh);
        return fresh;
      };
    });
    try {
      kit.fake.redeliver(first);
      expect(await repeatSeen).toBe(false);
    } finally {
      store.rememberInboundEvent = remember;
    }
    await new Promise((resolve) => setImmediate(resolve));
    expect(await refusals()).toHaveLength(1);
    expect(first.callbacks).toHaveLength(1);
  });

  it('GIVEN a user holding the staff role but not listed by id WHEN they run /jamun help THEN the command runs', async () => {
    const [roleId] = kit.committee.staff.discordRoleIds;
    const reply = await answered(
      kit.fake.slash(
        '999000000000000001',
        { subcommand: 'help' },
        { channelId: kit.staffChannelId, roleIds: [roleId ?? ''] },
      ),
    );
    expect(replyText(reply)).not.toContain('사무국 전용 명령입니다.');
    expect(replyText(reply)).toContain('open');
  });

  it('GIVEN staff typing a round id WHEN autocomplete fires THEN the matching round ids are offered', async () => {
    const staffId = kit.committee.staff.userIds.discord?.[0] ?? '';
    // Opened (confirmed) here: the export tests below read its results.
    await openBySlash(kit, '2024-1');
    const typing = await answered(
      kit.fake.slash(
        staffId,
        { subcommand: 'status', options: { round: '2024' }, focused: 'round' },
        { channelId: kit.staffChannelId },
      ),
    );
    const choices = (typing.callbacks[0]?.data?.choices ?? []) as Array<{ value: string }>;
    expect(choices.map((c) => c.value)).toContain('2024-1');
  });

  it('GIVEN a non-staff user WHEN autocomplete fires THEN no round ids are revealed', async () => {
    const outsider = discordIdOf(kit.committee, 'm-kim');
    const typing = await answered(
      kit.fake.slash(
        outsider,
        { subcommand: 'status', options: { round: '' }, focused: 'round' },
        { channelId: kit.staffChannelId },
      ),
    );
    expect(typing.callbacks[0]?.data?.choices).toEqual([]);
  });

  it('GIVEN staff WHEN /jamun status runs THEN the reply is ephemeral and parses no mentions', async () => {
    const staffId = kit.committee.staff.userIds.discord?.[0] ?? '';
    const reply = await answered(
      kit.fake.slash(
        staffId,
        { subcommand: 'status', options: { round: '2024-1' } },
        { channelId: kit.staffChannelId },
      ),
    );
    expect(reply.callbacks[0]?.data).toMatchObject({ flags: EPHEMERAL, allowed_mentions: { parse: [] } });
    expect(replyText(reply)).toContain('2024-1');
  });
});

describe('staff exports over Discord', () => {
  it('GIVEN staff WHEN /jamun export format:csv runs THEN the reply carries the CSV file as an attachment', async () => {
    const staffId = kit.committee.staff.userIds.discord?.[0] ?? '';
    const reply = await answered(
      kit.fake.slash(
        staffId,
        { subcommand: 'export', options: { format: 'csv', round: '2024-1' } },
        { channelId: kit.staffChannelId },
      ),
    );
    const files = reply.messages.flatMap((m) => m.files);
    expect(files.map((f) => f.name.endsWith('.csv'))).toEqual([true]);
    expect(files[0]?.text).toContain('자문내용 번호');
  });

  it('GIVEN staff typing /jamun export in a channel other than the staff channel THEN the file reaches only them (ephemeral), nothing lands in that channel', async () => {
    const staffId = kit.committee.staff.userIds.discord?.[0] ?? '';
    const elsewhere = '1250000000000099999';
    const reply = await answered(
      kit.fake.slash(
        staffId,
        { subcommand: 'export', options: { format: 'json', round: '2024-1' } },
        { channelId: elsewhere },
      ),
    );
    const withFiles = reply.messages.filter((m) => m.files.length > 0);
    expect(withFiles.map((m) => m.files[0]?.name)).toEqual(['jamun-2024-1.json']);
    expect(withFiles.every((m) => (m.flags & EPHEMERAL) === EPHEMERAL)).toBe(true);
    const publicFiles = kit.fake
      .channelMessages(elsewhere)
      .filter((m) => (m.flags & EPHEMERAL) === 0 && m.files.length > 0);
    expect(publicFiles).toEqual([]);
  });
});
