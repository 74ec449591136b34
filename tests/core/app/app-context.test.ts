/**
 * What every service shares: people resolved from platform users, rounds
 * looked up with the reason they cannot be used, addresses and staff
 * channels per messenger, staff rights, and the lookups rebuilt on reload.
 */
import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../../src/adapters/memory/memory-store.ts';
import { actorLabel, AppContext, type AppDeps } from '../../../src/core/app/app-context.ts';
import type { HolidaySource } from '../../../src/core/calendar/index.ts';
import type { Member, Platform } from '../../../src/core/model.ts';
import { ManualClock } from '../../../src/core/ports/clock.ts';
import { silentLogger } from '../../../src/core/ports/logger.ts';
import type { Messenger } from '../../../src/core/ports/messenger.ts';
import { committee, member, round } from '../summary/builders.ts';

const NOW = new Date('2024-02-08T00:00:00Z');

/** Only the platform is read by the context; sends are not part of these tests. */
function messenger(platform: Platform): Messenger {
  return { platform } as Messenger;
}

function kang(): Member {
  return { ...member('m-kang', 'Kang'), platforms: { slack: 'U1', discord: 'D1' } };
}

function context(patch: Partial<AppDeps> = {}) {
  const deps: AppDeps = {
    store: createMemoryStore(),
    messengers: [],
    committees: [committee([kang(), { ...member('m-lee', 'Lee'), platforms: { discord: 'D2', slack: '' } }])],
    rounds: [],
    clock: new ManualClock(NOW),
    logger: silentLogger,
    ...patch,
  };
  return new AppContext(deps);
}

describe('AppContext', () => {
  it('GIVEN no claimants THEN this process gets a fresh id that no other context shares, and other claims end by lease only', () => {
    const a = context();
    const b = context();
    expect(a.claimants.self).toMatch(/^app:[0-9a-z]+:[0-9a-z]{1,8}$/);
    expect(a.claimants.self).not.toBe(b.claimants.self);
    expect(a.claimants.isGone(b.claimants.self)).toBe(false);
  });

  it('GIVEN claimants, a config source and a work-due hook THEN they are the ones used', () => {
    let due = 0;
    const claimants = { self: 'host:1:me', isGone: () => true };
    const configSource = async () => ({ ok: false as const, problems: [] });
    const ctx = context({ claimants, configSource, onWorkDue: () => void (due += 1) });
    expect(ctx.claimants).toBe(claimants);
    expect(ctx.configSource).toBe(configSource);
    ctx.workDue();
    expect(due).toBe(1);
    expect(() => context().workDue()).not.toThrow();
    expect(ctx.now()).toEqual(NOW);
  });

  it('GIVEN a member with ids on two platforms and one empty id THEN each id finds them, the empty one finds nobody', () => {
    const ctx = context();
    expect(ctx.membersOf({ platform: 'slack', userId: 'U1' }).map((r) => r.member.id)).toEqual(['m-kang']);
    expect(ctx.membersOf({ platform: 'discord', userId: 'D1' }).map((r) => r.member.id)).toEqual(['m-kang']);
    expect(ctx.membersOf({ platform: 'discord', userId: 'D2' }).map((r) => [r.committee.id, r.member.id])).toEqual([
      ['regional', 'm-lee'],
    ]);
    expect(ctx.membersOf({ platform: 'slack', userId: '' })).toEqual([]);
    expect(ctx.membersOf({ platform: 'slack', userId: 'D1' })).toEqual([]);
  });

  it('GIVEN one person on two committees THEN both memberships; GIVEN a reload without one THEN the lookups are rebuilt', () => {
    const other = committee([kang()], { id: 'other', locale: 'en' });
    const ctx = context({ committees: [committee([kang()]), other], rounds: [{ id: 'r1' } as never] });
    expect(ctx.membersOf({ platform: 'slack', userId: 'U1' }).map((r) => r.committee.id)).toEqual([
      'regional',
      'other',
    ]);
    expect(ctx.definitions.has('r1')).toBe(true);
    ctx.reconfigure([other], []);
    expect(ctx.membersOf({ platform: 'slack', userId: 'U1' }).map((r) => r.committee.id)).toEqual(['other']);
    expect([...ctx.committees.keys()]).toEqual(['other']);
    expect(ctx.definitions.size).toBe(0);
    expect(ctx.defaultLocale()).toBe('en');
  });

  it('GIVEN no roster change in chat THEN no conflict; GIVEN one made over a file member the file has changed since THEN the chat member is used and that one conflict named', async () => {
    const store = createMemoryStore();
    const ctx = context({ store });
    expect(ctx.rosterConflicts()).toEqual([]);
    await store.saveRosterEntry({
      committeeId: 'regional',
      member: { ...kang(), role: '위원장' },
      fileBase: { ...kang(), name: 'Kang (before)' },
      by: 'cli',
      at: NOW,
    });
    await ctx.refreshRoster();
    expect(ctx.rosterConflicts()).toEqual([{ committeeId: 'regional', memberId: 'm-kang', kind: 'file-changed' }]);
    expect(ctx.member('regional', 'm-kang')?.role).toBe('위원장');
    expect(ctx.fileCommittee('regional')?.members[0]).toEqual(kang());
  });

  it('GIVEN no roster change in chat WHEN the roster is refreshed THEN the lookups built at start are kept (for 10,000 members a rebuild held the event loop for tens of milliseconds); GIVEN a change THEN they are rebuilt once', async () => {
    const store = createMemoryStore();
    const ctx = context({ store });
    const kangAsSlack = { platform: 'slack' as const, userId: 'U1' };
    const atStart = ctx.membersOf(kangAsSlack);
    await ctx.refreshRoster();
    expect(ctx.membersOf(kangAsSlack)).toBe(atStart);
    await store.saveRosterEntry({ committeeId: 'regional', member: kang(), fileBase: kang(), by: 'cli', at: NOW });
    await ctx.refreshRoster();
    const rebuilt = ctx.membersOf(kangAsSlack);
    expect(rebuilt).not.toBe(atStart);
    expect(rebuilt).toEqual(atStart);
    await ctx.refreshRoster();
    expect(ctx.membersOf(kangAsSlack)).toBe(rebuilt);
    // One entry changed, none added: rebuilt again, with the change.
    await store.saveRosterEntry({
      committeeId: 'regional',
      member: { ...kang(), name: 'Kang B.' },
      fileBase: kang(),
      by: 'cli',
      at: NOW,
    });
    await ctx.refreshRoster();
    expect(ctx.membersOf(kangAsSlack).map((ref) => ref.member.name)).toEqual(['Kang B.']);
  });

  it('GIVEN one instant asked in two zones and two languages, again, and after 1,500 other instants THEN each answer is that zone’s and language’s official text', () => {
    const ctx = context();
    const at = new Date('2024-02-15T09:00:00Z');
    const asked = () => [
      ctx.when(at, 'Asia/Seoul', 'ko'),
      ctx.when(at, 'Asia/Seoul', 'en'),
      ctx.when(at, 'Europe/Berlin', 'ko'),
      ctx.when(new Date(at.getTime() + 60_000), 'Asia/Seoul', 'ko'),
    ];
    const expected = [
      '2024. 2. 15.(목) 18:00',
      'Thu 15 Feb 2024 18:00',
      '2024. 2. 15.(목) 10:00',
      '2024. 2. 15.(목) 18:01',
    ];
    expect(asked()).toEqual(expected);
    expect(asked()).toEqual(expected);
    for (let i = 1; i <= 1_500; i++) ctx.when(new Date(at.getTime() + i * 86_400_000), 'Asia/Seoul', 'ko');
    expect(asked()).toEqual(expected);
  });

  it('GIVEN committees THEN the default locale is the first one’s; GIVEN none THEN Korean', () => {
    expect(context({ committees: [committee([], { locale: 'en' }), committee([], { id: 'b' })] }).defaultLocale()).toBe(
      'en',
    );
    expect(context({ committees: [] }).defaultLocale()).toBe('ko');
  });

  it('GIVEN a committee id THEN it, or a thrown error naming the id; GIVEN a member id THEN the member or nothing', () => {
    const ctx = context();
    expect(ctx.committee('regional').id).toBe('regional');
    expect(() => ctx.committee('gone')).toThrow('Committee gone is not in the configuration');
    expect(ctx.member('regional', 'm-lee')?.name).toBe('Lee');
    expect(ctx.member('regional', 'nobody')).toBeUndefined();
    expect(ctx.member('gone', 'm-lee')).toBeUndefined();
  });

  it('GIVEN a round stored, only defined, or unknown THEN it, ROUND.NOT_OPEN with its title, or ROUND.NOT_FOUND', async () => {
    const ctx = context({ rounds: [{ id: 'planned', title: 'Planned round' } as never] });
    await ctx.store.createRound(round([], { id: 'stored' }));
    expect(await ctx.round('stored')).toMatchObject({ ok: true, value: { id: 'stored' } });
    expect(await ctx.round('planned')).toEqual({
      ok: false,
      error: { code: 'ROUND.NOT_OPEN', params: { roundId: 'planned', roundTitle: 'Planned round' } },
    });
    expect(await ctx.round('nope')).toEqual({
      ok: false,
      error: { code: 'ROUND.NOT_FOUND', params: { roundId: 'nope' } },
    });
  });

  it('GIVEN a member’s own locale and zone THEN they win over the committee’s', () => {
    const ctx = context();
    const c = committee([], { locale: 'ko', timeZone: 'Asia/Seoul' });
    expect(ctx.localeOfMember(c, kang())).toBe('ko');
    expect(ctx.zoneOfMember(c, kang())).toBe('Asia/Seoul');
    const abroad = { ...kang(), locale: 'en' as const, timeZone: 'Europe/Paris' };
    expect(ctx.localeOfMember(c, abroad)).toBe('en');
    expect(ctx.zoneOfMember(c, abroad)).toBe('Europe/Paris');
    expect(ctx.when(new Date('2024-02-15T09:00:00Z'), 'Asia/Seoul', 'ko')).toBe('2024. 2. 15.(목) 18:00');
  });

  it('GIVEN messengers in order THEN a member is reached on the first platform they have an id for', () => {
    const ctx = context({ messengers: [messenger('discord'), messenger('slack')] });
    const c = committee([]);
    const abroad = { ...kang(), locale: 'en' as const, timeZone: 'Europe/Paris' };
    const found = ctx.addressOf(c, abroad);
    expect(found?.messenger.platform).toBe('discord');
    expect(found?.address).toEqual({
      memberId: 'm-kang',
      userId: 'D1',
      name: 'Kang',
      locale: 'en',
      timeZone: 'Europe/Paris',
    });
    const slackOnly = { ...kang(), platforms: { slack: 'U9', discord: '' } };
    expect(ctx.addressOf(c, slackOnly)?.address.userId).toBe('U9');
    expect(ctx.addressOf(c, { ...kang(), platforms: { local: 'x' } })).toBeNull();
  });

  it('GIVEN staff channels on platforms with and without a messenger THEN only those with one', () => {
    const ctx = context({ messengers: [messenger('slack'), messenger('local')] });
    const c = committee([], { staffChannels: { slack: 'C1', discord: 'C2', local: '' } });
    expect(ctx.staffChannels(c).map((s) => [s.messenger.platform, s.channelId])).toEqual([['slack', 'C1']]);
  });

  it('GIVEN staff by user id or by Discord role THEN staff; a role on another platform or no role THEN not', () => {
    const ctx = context();
    const c = committee([], { staff: { userIds: { slack: ['U-staff'] }, discordRoleIds: ['R-staff'] } });
    expect(ctx.isStaffOf(c, { platform: 'slack', userId: 'U-staff' })).toBe(true);
    expect(ctx.isStaffOf(c, { platform: 'slack', userId: 'U-other' })).toBe(false);
    expect(ctx.isStaffOf(c, { platform: 'discord', userId: 'U-staff' })).toBe(false);
    expect(ctx.isStaffOf(c, { platform: 'discord', userId: 'x', roleIds: ['R-other', 'R-staff'] })).toBe(true);
    expect(ctx.isStaffOf(c, { platform: 'discord', userId: 'x', roleIds: ['R-other'] })).toBe(false);
    expect(ctx.isStaffOf(c, { platform: 'discord', userId: 'x' })).toBe(false);
    expect(ctx.isStaffOf(c, { platform: 'slack', userId: 'x', roleIds: ['R-staff'] })).toBe(false);
  });

  it('GIVEN holidays of the deployment THEN the calendar uses them, once per committee; GIVEN none THEN the shipped lists', () => {
    const source: HolidaySource = {
      holidaysOfYear: () => new Map(),
      trustOfYear: (_location, year) => ({ year, level: 'official', source: 'imported list' }),
    };
    const c = committee([]);
    const imported = context({ holidays: source });
    const calendar = imported.calendarOf(c);
    expect(calendar.trustOfYear(2024).source).toBe('imported list');
    expect(calendar.isBusinessDay('2024-02-09')).toBe(true);
    expect(imported.calendarOf(c)).toBe(calendar);
    imported.reconfigure([c], []);
    expect(imported.calendarOf(c)).not.toBe(calendar);
    const shipped = context().calendarOf(c);
    expect(shipped.isBusinessDay('2024-02-09')).toBe(false);
    expect(shipped.trustOfYear(2024).source).not.toBe('imported list');
  });

  it('GIVEN an actor THEN the audit label is platform:user', () => {
    expect(actorLabel({ platform: 'discord', userId: '123' })).toBe('discord:123');
  });
});
