import { describe, expect, it } from 'vitest';
import {
  createBusinessCalendar,
  isSupportedCountry,
  isSupportedRegion,
  type BusinessCalendarSettings,
} from '../../../src/core/calendar/index.ts';

function calendar(overrides: Partial<BusinessCalendarSettings> = {}) {
  return createBusinessCalendar({ country: 'KR', extraClosedDays: [], extraWorkingDays: [], ...overrides });
}

const korea = calendar();

describe('GIVEN a KR calendar WHEN asking why a day is closed', () => {
  it('THEN a plain weekday is a business day', () => {
    expect(korea.closedDay('2024-02-08')).toBeNull();
    expect(korea.isBusinessDay('2024-02-08')).toBe(true);
  });

  it('THEN a Saturday without a holiday is closed as weekend, with no name', () => {
    expect(korea.closedDay('2024-02-17')).toEqual({ date: '2024-02-17', reason: 'weekend' });
    expect(korea.isBusinessDay('2024-02-18')).toBe(false);
  });

  it('THEN a holiday on a weekend is reported as the holiday, with its name', () => {
    expect(korea.closedDay('2024-02-10')).toEqual({
      date: '2024-02-10',
      reason: 'public_holiday',
      name: '설날',
      englishName: 'Seollal',
    });
  });

  it('THEN observances that do not close offices (제헌절 before 2026) leave the day open', () => {
    expect(korea.closedDay('2024-07-17')).toBeNull();
  });
});

describe('GIVEN a KR calendar WHEN counting business days', () => {
  it('THEN a single business day counts 1 and a single holiday counts 0', () => {
    expect(korea.businessDaysBetween('2024-02-08', '2024-02-08')).toBe(1);
    expect(korea.businessDaysBetween('2024-02-09', '2024-02-09')).toBe(0);
  });

  it('THEN a reversed range counts 0 and lists no closed days', () => {
    expect(korea.businessDaysBetween('2024-02-15', '2024-02-08')).toBe(0);
    expect(korea.closedDaysBetween('2024-02-15', '2024-02-08')).toEqual([]);
  });

  it('THEN a range over the year boundary skips New Year and the weekend', () => {
    // Mon 12/30, Tue 12/31, (Wed 1/1 신정), Thu 1/2, Fri 1/3
    expect(korea.businessDaysBetween('2024-12-30', '2025-01-03')).toBe(4);
    expect(korea.closedDaysBetween('2024-12-28', '2025-01-01').map((day) => day.reason)).toEqual([
      'weekend',
      'weekend',
      'public_holiday',
    ]);
  });

  it('THEN three whole years add up to the pinned yearly counts 246 + 244 + 245', () => {
    expect(korea.businessDaysBetween('2024-01-01', '2026-12-31')).toBe(735);
  });
});

describe('GIVEN a KR calendar WHEN adding business days across Seollal 2024', () => {
  it('THEN one business day after 2/8 is 2/13', () => {
    expect(korea.addBusinessDays('2024-02-08', 1)).toBe('2024-02-13');
  });

  it('THEN three business days after 2/7 are 2/8, 2/13, 2/14', () => {
    expect(korea.addBusinessDays('2024-02-07', 3)).toBe('2024-02-14');
  });

  it('THEN one business day before 2/13 is 2/8 and two before 2/14 is 2/8', () => {
    expect(korea.addBusinessDays('2024-02-13', -1)).toBe('2024-02-08');
    expect(korea.addBusinessDays('2024-02-14', -2)).toBe('2024-02-08');
  });

  it('THEN zero days from a holiday is the next business day, from a business day the day itself', () => {
    expect(korea.addBusinessDays('2024-02-10', 0)).toBe('2024-02-13');
    expect(korea.addBusinessDays('2024-02-08', 0)).toBe('2024-02-08');
  });

  it('THEN one business day after Fri 2025-01-24 jumps the temporary holiday and Seollal to Fri 1/31', () => {
    expect(korea.addBusinessDays('2025-01-24', 1)).toBe('2025-01-31');
  });

  it('THEN adding and subtracting across a year boundary round-trips', () => {
    expect(korea.addBusinessDays('2024-12-31', 1)).toBe('2025-01-02');
    expect(korea.addBusinessDays('2025-01-02', -1)).toBe('2024-12-31');
  });
});

describe('GIVEN a KR calendar WHEN asking for the business day on or before a date', () => {
  it('THEN a business day is its own answer', () => {
    expect(korea.businessDayOnOrBefore('2024-02-15')).toBe('2024-02-15');
  });

  it('THEN the end of Seollal 2024 goes back to Thu 2/8', () => {
    expect(korea.businessDayOnOrBefore('2024-02-12')).toBe('2024-02-08');
  });

  it('THEN a holiday in mid-week goes back one day', () => {
    expect(korea.businessDayOnOrBefore('2024-10-03')).toBe('2024-10-02');
  });
});

describe('GIVEN extra closed and extra working days', () => {
  it('WHEN a weekday is an extra closed day THEN it closes with reason extra_closed and the round shrinks', () => {
    const custom = calendar({ extraClosedDays: ['2024-02-13'] });
    expect(custom.closedDay('2024-02-13')).toEqual({ date: '2024-02-13', reason: 'extra_closed' });
    expect(custom.businessDaysBetween('2024-02-08', '2024-02-15')).toBe(3);
    expect(custom.addBusinessDays('2024-02-08', 1)).toBe('2024-02-14');
  });

  it('WHEN a holiday and a Saturday are extra working days THEN both are business days', () => {
    const custom = calendar({ extraWorkingDays: ['2024-02-12', '2024-02-17'] });
    expect(custom.closedDay('2024-02-12')).toBeNull();
    expect(custom.isBusinessDay('2024-02-17')).toBe(true);
    expect(custom.businessDaysBetween('2024-02-08', '2024-02-17')).toBe(7);
    expect(custom.addBusinessDays('2024-02-08', 1)).toBe('2024-02-12');
    expect(custom.businessDayOnOrBefore('2024-02-18')).toBe('2024-02-17');
  });

  it('WHEN an extra closed day is also a holiday THEN the committee reason wins', () => {
    expect(calendar({ extraClosedDays: ['2024-02-09'] }).closedDay('2024-02-09')?.reason).toBe('extra_closed');
  });

  it('WHEN one day is both extra closed and extra working THEN creating the calendar throws a RangeError', () => {
    expect(() => calendar({ extraClosedDays: ['2024-03-04'], extraWorkingDays: ['2024-03-04'] })).toThrow(
      /2024-03-04 is listed both/,
    );
  });

  it('WHEN an extra day is not a valid date THEN creating the calendar throws a RangeError naming the field', () => {
    expect(() => calendar({ extraClosedDays: ['2024-13-01'] })).toThrow(RangeError);
    expect(() => calendar({ extraWorkingDays: ['next monday'] })).toThrow(/extraWorkingDays/);
  });
});

describe('GIVEN other countries', () => {
  it('WHEN the country is US THEN federal holidays close and observances do not', () => {
    const us = calendar({ country: 'US' });
    expect(us.closedDay('2024-07-04')).toEqual({
      date: '2024-07-04',
      reason: 'public_holiday',
      name: 'Independence Day',
      englishName: 'Independence Day',
    });
    expect(us.isBusinessDay('2024-11-28')).toBe(false); // Thanksgiving
    expect(us.isBusinessDay('2024-11-29')).toBe(true); // day after Thanksgiving: observance
    expect(us.isBusinessDay('2024-12-24')).toBe(true); // Christmas Eve: optional
    expect(us.isBusinessDay('2024-02-09')).toBe(true); // Seollal is not a US holiday
  });

  it('WHEN the country is DE with region BY THEN Bavarian holidays close, but not in Germany at large', () => {
    const bavaria = calendar({ country: 'DE', region: 'BY' });
    const germany = calendar({ country: 'DE' });
    expect(bavaria.closedDay('2025-01-06')).toEqual({
      date: '2025-01-06',
      reason: 'public_holiday',
      name: 'Epiphany',
      englishName: 'Epiphany',
    });
    expect(germany.isBusinessDay('2025-01-06')).toBe(true);
    expect(germany.isBusinessDay('2025-10-03')).toBe(false);
  });

  it('WHEN codes are lower case or the region is in ISO 3166-2 form THEN they are accepted', () => {
    expect(calendar({ country: 'de', region: 'DE-BY' }).isBusinessDay('2025-01-06')).toBe(false);
    expect(calendar({ country: 'kr' }).isBusinessDay('2024-02-09')).toBe(false);
  });
});

describe('GIVEN invalid input', () => {
  it('WHEN the country is unknown THEN creating the calendar throws a RangeError that names it', () => {
    expect(() => calendar({ country: 'XX' })).toThrow(RangeError);
    expect(() => calendar({ country: 'XX' })).toThrow(/Unknown country code "XX"/);
  });

  it('WHEN the region is unknown THEN creating the calendar throws a RangeError listing the known ones', () => {
    expect(() => calendar({ country: 'DE', region: 'ZZ' })).toThrow(/Unknown region "ZZ" for country DE.*BY/);
  });

  it('WHEN a region is given for a country without regions THEN creating the calendar says so', () => {
    expect(() => calendar({ country: 'KR', region: 'Seoul' })).toThrow(
      /for country KR \(this country has no regions\)/,
    );
  });

  it('WHEN checking support THEN known codes pass and unknown ones fail', () => {
    expect(isSupportedCountry('KR')).toBe(true);
    expect(isSupportedCountry('us')).toBe(true);
    expect(isSupportedCountry('XX')).toBe(false);
    expect(isSupportedCountry('')).toBe(false);
    expect(isSupportedRegion('DE', 'BY')).toBe(true);
    expect(isSupportedRegion('DE', 'ZZ')).toBe(false);
    expect(isSupportedRegion('XX', 'BY')).toBe(false);
  });

  it.each(['2024-02-30', '2024-2-8', '20240208', '', 'tomorrow', '2024-02-08T09:00', '1899-12-31'])(
    'WHEN a date is %j THEN every method throws a RangeError',
    (bad) => {
      expect(() => korea.closedDay(bad)).toThrow(RangeError);
      expect(() => korea.isBusinessDay(bad)).toThrow(RangeError);
      expect(() => korea.closedDaysBetween(bad, '2024-02-08')).toThrow(RangeError);
      expect(() => korea.businessDaysBetween('2024-02-08', bad)).toThrow(RangeError);
      expect(() => korea.addBusinessDays(bad, 1)).toThrow(RangeError);
      expect(() => korea.businessDayOnOrBefore(bad)).toThrow(RangeError);
    },
  );

  it('WHEN the error is about a date THEN its message quotes the input', () => {
    expect(() => korea.isBusinessDay('2024-02-30')).toThrow('Invalid date "2024-02-30": no such day in the calendar');
  });

  it('WHEN the number of business days is not an integer THEN addBusinessDays throws a RangeError', () => {
    expect(() => korea.addBusinessDays('2024-02-08', 1.5)).toThrow(RangeError);
    expect(() => korea.addBusinessDays('2024-02-08', Number.NaN)).toThrow(RangeError);
  });

  it('WHEN addBusinessDays would leave the supported years THEN it throws a RangeError', () => {
    expect(() => korea.addBusinessDays('2199-12-30', 5)).toThrow(/supports years 1900–2199/);
  });
});
