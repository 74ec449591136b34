/**
 * Agenda materials as the core handles them, platform by platform: which
 * files a messenger takes (the rest go by their link, or not at all), the
 * bytes read just before sending, the staff post naming what did not go,
 * and the materials a member's questionnaire lists.
 */
import { describe, expect, it } from 'vitest';
import { LocalMessenger } from '../../../src/adapters/local/local-messenger.ts';
import { createMemoryStore } from '../../../src/adapters/memory/memory-store.ts';
import { AppContext } from '../../../src/core/app/app-context.ts';
import { materialViews, readAttachedFiles, tellStaffMaterialsMissing } from '../../../src/core/app/materials.ts';
import { MemberService } from '../../../src/core/app/member-service.ts';
import type { Material, RoundDefinition } from '../../../src/core/model.ts';
import { ManualClock } from '../../../src/core/ports/clock.ts';
import type { Messenger } from '../../../src/core/ports/messenger.ts';
import { materialFile } from '../../fakes/materials.ts';
import { recordingLogger } from '../../fakes/recording-logger.ts';
import { committee, member, round } from '../summary/builders.ts';

const NOW = new Date('2024-02-08T00:00:00Z');
const agenda = [
  { id: 'a', title: 'First item', questions: [] },
  { id: 'b', title: 'Second item', questions: [] },
];
const kang = { ...member('m-kang', 'Kang'), platforms: { local: 'u-kang' } };
/** A member on a platform this bot has no messenger for. */
const lee = { ...member('m-lee', 'Lee'), platforms: { slack: 'U-lee' } };

function setup(materials: Material[] | undefined, messengers: Messenger[] = [new LocalMessenger()]) {
  const store = createMemoryStore();
  const logger = recordingLogger();
  const definition: RoundDefinition = {
    id: 'R1',
    committeeId: 'regional',
    title: 'Round one',
    agenda,
    window: { opens: '2024-02-08 09:00', closes: '2024-02-15 18:00' },
    anonymous: false,
    allowLate: false,
    reminders: { slots: [], graceMinutes: 60 },
    ...(materials ? { materials } : {}),
  };
  const staffCommittee = committee([kang, lee], { locale: 'en', staffChannels: { local: 'staff' } });
  const ctx = new AppContext({
    store,
    messengers,
    committees: [staffCommittee],
    rounds: [definition],
    clock: new ManualClock(NOW),
    logger,
  });
  return { ctx, store, logger, committee: staffCommittee, round: round(agenda, { id: 'R1', title: 'Round one' }) };
}

/** A messenger that takes files up to `maxFileBytes` (undefined: none at all). */
const takingUpTo = (maxFileBytes: number | undefined): Messenger =>
  Object.assign(new LocalMessenger(), { maxFileBytes }) as Messenger;

describe('which materials a member is told of, and how', () => {
  it('GIVEN a round without materials, or one not defined THEN none', () => {
    const { ctx, round: r } = setup(undefined);
    expect(materialViews(ctx, r, takingUpTo(10))).toEqual([]);
    expect(materialViews(ctx, { ...r, id: 'elsewhere' }, takingUpTo(10))).toEqual([]);
  });

  it('GIVEN links of the round, of the first and second items and of an unknown item THEN each names its item from 1, the round’s and the unknown one none', () => {
    const link = (title: string, itemId?: string): Material => ({
      kind: 'link',
      title,
      url: `https://example.org/${title}`,
      ...(itemId ? { itemId } : {}),
    });
    const { ctx, round: r } = setup([link('all'), link('first', 'a'), link('second', 'b'), link('lost', 'z')]);
    expect(materialViews(ctx, r, takingUpTo(10))).toEqual([
      { kind: 'link', title: 'all', url: 'https://example.org/all' },
      { kind: 'link', title: 'first', url: 'https://example.org/first', itemIndex: 1 },
      { kind: 'link', title: 'second', url: 'https://example.org/second', itemIndex: 2 },
      { kind: 'link', title: 'lost', url: 'https://example.org/lost' },
    ]);
  });

  it('GIVEN files at, over and far over the limit, with and without a link THEN the one that fits is attached, the linked one goes by link, the other is unavailable', () => {
    const file = (name: string, size: number, link?: string): Material => ({
      kind: 'file',
      title: `Title ${name}`,
      name,
      path: `/nowhere/${name}`,
      size,
      fileKind: 'pdf',
      mimeType: 'application/pdf',
      itemId: 'b',
      ...(link ? { link } : {}),
    });
    const { ctx, round: r } = setup([
      file('fits.pdf', 1000),
      file('linked.pdf', 1001, 'https://example.org/linked.pdf'),
      file('big.pdf', 5000),
    ]);
    const common = { kind: 'file', itemIndex: 2 };
    expect(materialViews(ctx, r, takingUpTo(1000))).toEqual([
      { ...common, title: 'Title fits.pdf', name: 'fits.pdf', size: 1000, delivery: 'attached' },
      {
        ...common,
        title: 'Title linked.pdf',
        name: 'linked.pdf',
        size: 1001,
        delivery: 'link',
        link: 'https://example.org/linked.pdf',
      },
      { ...common, title: 'Title big.pdf', name: 'big.pdf', size: 5000, delivery: 'unavailable' },
    ]);
    expect(materialViews(ctx, r, takingUpTo(undefined)).map((v) => v.kind === 'file' && v.delivery)).toEqual([
      'unavailable',
      'link',
      'unavailable',
    ]);
  });
});

describe('reading the attached files', () => {
  it('GIVEN a link, an attached file and a file going by link THEN only the attached one is read, byte for byte', async () => {
    const attached = materialFile('overview.pdf', 300, 1);
    const linked = materialFile('big.pdf', 3000, 2, { link: 'https://example.org/big.pdf' });
    const { ctx, round: r } = setup([
      { kind: 'link', title: 'site', url: 'https://example.org' },
      attached.material,
      linked.material,
    ]);
    const views = materialViews(ctx, r, takingUpTo(1000));
    const { files, unreadable } = await readAttachedFiles(ctx, r, views);
    expect(files.map((f) => [f.name, f.mimeType])).toEqual([['overview.pdf', 'application/pdf']]);
    expect(files[0]?.content.equals(attached.bytes)).toBe(true);
    expect(unreadable).toEqual([]);
    expect(views.map((v) => v.kind === 'file' && v.delivery)).toEqual([false, 'attached', 'link']);
  });

  it('GIVEN two files moved away since the check, one with a link THEN neither is sent, the linked one goes by link, the other is unavailable, both named and logged', async () => {
    const gone = (name: string, link?: string): Material => ({
      ...materialFile(name, 100, 3).material,
      path: `/nowhere/${name}`,
      ...(link ? { link } : {}),
    });
    const kept = materialFile('kept.pdf', 100, 4);
    const { ctx, logger, round: r } = setup([gone('a.pdf', 'https://example.org/a.pdf'), kept.material, gone('b.pdf')]);
    const views = materialViews(ctx, r, takingUpTo(1000));
    const { files, unreadable } = await readAttachedFiles(ctx, r, views);
    expect(files.map((f) => f.name)).toEqual(['kept.pdf']);
    expect(unreadable).toEqual(['a.pdf', 'b.pdf']);
    expect(views).toEqual([
      { kind: 'file', title: 'a.pdf', name: 'a.pdf', size: 100, delivery: 'link', link: 'https://example.org/a.pdf' },
      { kind: 'file', title: 'kept.pdf', name: 'kept.pdf', size: 100, delivery: 'attached' },
      { kind: 'file', title: 'b.pdf', name: 'b.pdf', size: 100, delivery: 'unavailable' },
    ]);
    expect(logger.entries.map((e) => [e.level, e.message, e.context.roundId, e.context.file])).toEqual([
      ['warn', 'material unreadable', 'R1', '/nowhere/a.pdf'],
      ['warn', 'material unreadable', 'R1', '/nowhere/b.pdf'],
    ]);
    expect(String(logger.entries[0]?.context.error)).toContain('ENOENT');
  });

  it('GIVEN views of a round whose definition is gone THEN nothing is read', async () => {
    const { ctx, round: r } = setup(undefined);
    const views = [{ kind: 'file', title: 'x', name: 'x.pdf', size: 1, delivery: 'attached' } as const];
    expect(await readAttachedFiles(ctx, r, views)).toEqual({ files: [], unreadable: [] });
  });
});

describe('telling staff what did not reach a member', () => {
  const missing = [
    { label: { kind: 'file' as const, name: 'a.pdf' }, reason: 'rate_limited' },
    { label: { kind: 'file' as const, name: 'b.pdf' }, reason: 'platform_error: in_flight' },
    { label: { kind: 'message' as const, index: 1 }, reason: 'platform_error: uncertain' },
    { label: { kind: 'file' as const, name: 'c.pdf' }, reason: 'unreadable' },
  ];

  it('GIVEN four parts missing THEN one post in each staff channel names the round, the member and each part with its reason in words, under its own key, and it is audited', async () => {
    const local = new LocalMessenger();
    const { ctx, store, committee: c, round: r } = setup(undefined, [local]);
    await tellStaffMaterialsMissing(ctx, r, c, kang, 'invite:R1:m-kang', missing);
    const posts = local.messagesIn('staff');
    expect(posts.map((m) => [m.kind, m.idempotencyKey])).toEqual([
      ['text', 'invite:R1:m-kang#materials-missing:local'],
    ]);
    expect(posts[0]?.text.split('\n')).toEqual([
      '"Round one": some agenda materials did not reach Kang. The invitation itself arrived. Please send the missing files another way (e.g. e-mail).',
      '• the file a.pdf could not be attached: rate limited',
      '• the file b.pdf could not be attached: platform error (in_flight)',
      '• the file #2 could not be attached: posting was interrupted; it may or may not be there',
      '• the file c.pdf could not be attached: could not be read (check its path)',
    ]);
    expect(await store.listAudit('R1')).toEqual([
      {
        at: NOW,
        actor: 'system',
        action: 'invite.materialsMissing',
        roundId: 'R1',
        memberId: 'm-kang',
        detail: { files: ['a.pdf', 'b.pdf', '1', 'c.pdf'] },
      },
    ]);
  });

  it('GIVEN staff were told already under that key THEN they are not told twice', async () => {
    const local = new LocalMessenger();
    const { ctx, committee: c, round: r } = setup(undefined, [local]);
    await tellStaffMaterialsMissing(ctx, r, c, kang, 'invite:R1:m-kang', missing);
    await tellStaffMaterialsMissing(ctx, r, c, kang, 'invite:R1:m-kang', missing);
    expect(local.messagesIn('staff')).toHaveLength(1);
  });
});

describe('the materials with the questionnaire', () => {
  it('GIVEN a round with a link THEN a member on a platform the bot runs sees it with the first item; one on a platform it does not run sees none', async () => {
    const { ctx, store, round: r } = setup([{ kind: 'link', title: 'site', url: 'https://example.org' }]);
    await store.createRound({ ...r, status: 'open' });
    await store.createInvitations(
      ['m-kang', 'm-lee'].map((memberId) => ({ roundId: 'R1', memberId, deliveryState: 'delivered', late: false })),
    );
    const service = new MemberService(ctx);
    const kangs = await service.questionnaire({ platform: 'local', userId: 'u-kang' }, 'R1');
    const lees = await service.questionnaire({ platform: 'slack', userId: 'U-lee' }, 'R1');
    if (!kangs.ok || !lees.ok) throw new Error('no questionnaire');
    expect(kangs.value.items.map((i) => i.materials)).toEqual([
      [{ kind: 'link', title: 'site', url: 'https://example.org' }],
      undefined,
    ]);
    expect(lees.value.items.map((i) => i.materials)).toEqual([undefined, undefined]);
  });
});
