import { describe, expect, it } from 'vitest';
import { at, committeeDoc, errorLines, loaded, sources } from './config-builders.ts';

const F = 'config/committees/test.yaml';

function errorsFor(mutate: (doc: ReturnType<typeof committeeDoc>) => void): string[] {
  const doc = committeeDoc();
  mutate(doc);
  return errorLines(sources(doc));
}

describe('GIVEN a minimal valid committee', () => {
  it('WHEN loaded THEN the defaults apply (Asia/Seoul, ko, KR, quiet 21:00-08:00, no honorarium, active members)', () => {
    const committee = loaded(sources()).committees[0];
    expect(committee).toEqual({
      id: 'test-committee',
      name: '시험위원회',
      timeZone: 'Asia/Seoul',
      locale: 'ko',
      staff: { userIds: { local: ['staff-son'] }, discordRoleIds: [] },
      staffChannels: { local: 'staff' },
      honorarium: { amount: 0, currency: 'KRW' },
      calendar: {
        country: 'KR',
        extraClosedDays: [],
        extraWorkingDays: [],
        quietHours: { start: '21:00', end: '08:00' },
        remindOnClosedDays: false,
      },
      members: [
        { id: 'm-a', name: '가', platforms: { local: 'm-a', slack: 'U0AAAAAAA' }, active: true },
        { id: 'm-b', name: '나', platforms: { local: 'm-b', slack: 'U0BBBBBBB' }, active: true },
      ],
      // The honorarium is taxed as 기타소득 unless configured otherwise.
      withholding: {
        kind: 'other_income',
        deemedExpenseRate: 0.6,
        incomeTaxRate: 0.2,
        localTaxRate: 0.1,
        threshold: 50000,
      },
    });
  });

  it('WHEN office metadata is given THEN it is kept; two contacts for members are refused', () => {
    const doc = committeeDoc();
    Object.assign(doc, {
      office: {
        department: '대외협력과',
        contacts: [{ role: '담당', name: '성춘향', title: '주무관', phone: '02-2133-0002', for_members: true }],
      },
    });
    expect(loaded(sources(doc)).committees[0]?.office).toEqual({
      department: '대외협력과',
      contacts: [{ role: '담당', name: '성춘향', title: '주무관', phone: '02-2133-0002', forMembers: true }],
      approvalLine: [],
    });
    Object.assign(doc, {
      office: {
        contacts: [
          { role: '담당', name: '가', for_members: true },
          { role: '담당', name: '나', for_members: true },
        ],
      },
    });
    expect(errorLines(sources(doc)).join('\n')).toContain('at most one contact may be for_members');
  });

  it('WHEN member overrides and a region are given THEN they are kept, the zone spelled canonically', () => {
    const doc = committeeDoc();
    doc['calendar'] = { country: 'de', region: 'BY' };
    Object.assign(at(doc, 'members', 0), { time_zone: 'europe/berlin', locale: 'en', active: false, role: '위원장' });
    const committee = loaded(sources(doc)).committees[0];
    expect(committee?.calendar).toMatchObject({ country: 'DE', region: 'BY' });
    expect(committee?.members[0]).toMatchObject({
      timeZone: 'Europe/Berlin',
      locale: 'en',
      active: false,
      role: '위원장',
    });
  });
});

describe('GIVEN a committee file with one problem', () => {
  const cases: Array<[string, (doc: ReturnType<typeof committeeDoc>) => void, string]> = [
    ['the name is missing', (d) => delete d['name'], `${F}: name: required`],
    [
      'an unknown time zone',
      (d) => (d['time_zone'] = 'Asia/Busan'),
      `${F}: time_zone: unknown time zone 'Asia/Busan' (expected an IANA zone such as Asia/Seoul)`,
    ],
    ['an unknown locale', (d) => (d['locale'] = 'ja'), `${F}: locale: must be one of: ko, en`],
    [
      'an unknown holiday country',
      (d) => (d['calendar'] = { country: 'XX' }),
      `${F}: calendar.country: unknown holiday country 'XX' (expected an ISO 3166-1 code such as KR)`,
    ],
    [
      'an unknown region',
      (d) => (d['calendar'] = { region: 'ZZ' }),
      `${F}: calendar.region: unknown region 'ZZ' for country KR`,
    ],
    [
      'quiet hours not HH:mm',
      (d) => (d['calendar'] = { quiet_hours: { start: '9pm', end: '08:00' } }),
      `${F}: calendar.quiet_hours.start: must be a time HH:mm (e.g. 09:30)`,
    ],
    [
      'equal quiet hours',
      (d) => (d['calendar'] = { quiet_hours: { start: '08:00', end: '08:00' } }),
      `${F}: calendar.quiet_hours.end: must differ from start`,
    ],
    [
      'an impossible closed day',
      (d) => (d['calendar'] = { extra_closed_days: ['2024-02-30'] }),
      `${F}: calendar.extra_closed_days[0]: 2024-02-30 is not a real date`,
    ],
    [
      'a day both closed and working',
      (d) => (d['calendar'] = { extra_closed_days: ['2024-04-10'], extra_working_days: ['2024-04-10'] }),
      `${F}: calendar.extra_working_days[0]: 2024-04-10 is also listed in extra_closed_days`,
    ],
    ['no members', (d) => (d['members'] = []), `${F}: members: must list at least one member`],
    ['members omitted', (d) => delete d['members'], `${F}: members: required`],
    [
      'a duplicate member id',
      (d) => (at(d, 'members', 1)['id'] = 'm-a'),
      `${F}: members[1].id: duplicate member id 'm-a' (also members[0])`,
    ],
    [
      'a Slack id shared by two members',
      (d) => (at(d, 'members', 1)['slack'] = 'U0AAAAAAA'),
      `${F}: members[1].slack: slack user id 'U0AAAAAAA' is also used by members[0]`,
    ],
    [
      'an unquoted Discord id',
      (d) => (at(d, 'members', 0)['discord'] = 123456789012345680),
      `${F}: members[0].discord: expected a string, got a number (put it in quotes)`,
    ],
    ['a misspelled key', (d) => (at(d, 'members', 0)['nmae'] = 'x'), `${F}: members[0].nmae: unknown key`],
    [
      'a malformed Slack user id',
      (d) => (at(d, 'members', 0)['slack'] = 'kang'),
      `${F}: members[0].slack: must be a Slack user id such as U0123ABCD`,
    ],
    [
      'an id with spaces',
      (d) => (at(d, 'members', 0)['id'] = 'm kang'),
      `${F}: members[0].id: must start with a letter or digit and contain only letters (any script, e.g. 한글), digits, '.', '_' or '-' (no spaces)`,
    ],
    ['a negative honorarium', (d) => (d['honorarium'] = { amount: -1 }), `${F}: honorarium.amount: must be at least 0`],
    [
      'a lower-case currency',
      (d) => (d['honorarium'] = { amount: 1, currency: 'krw' }),
      `${F}: honorarium.currency: must be an ISO 4217 currency code such as KRW`,
    ],
  ];
  for (const [what, mutate, expected] of cases) {
    it(`WHEN ${what} THEN the only error is "${expected}"`, () => {
      expect(errorsFor(mutate)).toEqual([expected]);
    });
  }

  it('WHEN the file is empty THEN it says so, and rounds are not blamed for naming it', () => {
    expect(errorLines(sources('', undefined))).toEqual([`${F}: file is empty`]);
  });

  it('WHEN the file is a list THEN the whole file is reported', () => {
    expect(errorLines(sources('- a\n- b\n', undefined))).toEqual([`${F}: expected a mapping, got a list`]);
  });
});

describe('GIVEN a committee with several problems', () => {
  it('WHEN loaded THEN every problem is reported together, schema and cross-key alike', () => {
    const doc = committeeDoc();
    delete doc['name'];
    doc['time_zone'] = 'Nowhere/City';
    at(doc, 'members', 1)['id'] = 'm-a';
    at(doc, 'members', 0)['locale'] = 'fr';
    expect(errorLines(sources(doc))).toEqual([
      `${F}: name: required`,
      `${F}: time_zone: unknown time zone 'Nowhere/City' (expected an IANA zone such as Asia/Seoul)`,
      `${F}: members[0].locale: must be one of: ko, en`,
      `${F}: members[1].id: duplicate member id 'm-a' (also members[0])`,
    ]);
  });
});

describe('GIVEN committees that load with warnings', () => {
  it('WHEN staff, staff channel and a member id are missing THEN each is a warning, not an error', () => {
    const doc = committeeDoc();
    delete doc['staff'];
    delete doc['staff_channel'];
    doc['members'] = [
      { id: 'm-a', name: '가' },
      { id: 'm-b', name: '나', active: false },
    ];
    const config = loaded(sources(doc));
    expect(config.warnings).toEqual([
      { file: F, path: 'members[0]', message: 'no discord, slack or local id: this member cannot be invited' },
      { file: F, path: 'staff', message: 'no staff user or role ids: nobody can run staff commands from chat' },
      { file: F, path: 'staff_channel', message: 'no staff channel: round summaries cannot be posted' },
    ]);
  });
});

describe('GIVEN two committee files with the same id', () => {
  it('WHEN loaded THEN the later file is reported, naming the first', () => {
    const list = sources();
    const first = list[0];
    if (!first) throw new Error('no committee source');
    list.push({ ...first, file: 'config/committees/zz-copy.yaml' });
    expect(errorLines(list)).toEqual([
      "config/committees/zz-copy.yaml: id: duplicate committee id 'test-committee' (also in config/committees/test.yaml)",
    ]);
  });
});
