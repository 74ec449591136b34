import { describe, expect, it } from 'vitest';
import { createBusinessCalendar } from '../../../src/core/calendar/index.ts';
import { dueNoticeJobKey, dueNoticeMoment, overdueActions } from '../../../src/core/follow-up/overdue.ts';
import type { FollowUpAction } from '../../../src/core/model.ts';
import { krCalendar } from '../../fakes/kr-calendar.ts';

const at = new Date('2024-02-16T00:00:00Z');
function action(number: number, extra: Partial<FollowUpAction>): FollowUpAction {
  return {
    roundId: 'r1',
    number,
    text: `조치 ${number}`,
    status: 'open',
    questionIds: [],
    createdAt: at,
    createdBy: 'cli',
    updatedAt: at,
    updatedBy: 'cli',
    ...extra,
  };
}

describe('overdue actions', () => {
  it('GIVEN open, done and dropped actions due before, on and after today, and one with no date THEN only the open ones due before today, earliest first', () => {
    const actions = [
      action(1, { dueDate: '2024-03-28' }),
      action(2, { dueDate: '2024-03-27' }),
      action(3, { dueDate: '2024-03-29' }),
      action(4, { dueDate: '2024-03-01', status: 'done' }),
      action(5, { dueDate: '2024-03-01', status: 'dropped' }),
      action(6, {}),
      action(7, { dueDate: '2024-03-27' }),
    ];
    expect(overdueActions(actions, '2024-03-29').map((a) => a.number)).toEqual([2, 7, 1]);
  });
});

describe('due notice moment', () => {
  const calendar = createBusinessCalendar(krCalendar());

  it('GIVEN a due date on a working day THEN 09:00 that day in the committee zone', () => {
    expect(dueNoticeMoment('2024-03-29', 'Asia/Seoul', calendar)).toEqual(new Date('2024-03-29T00:00:00Z'));
  });

  it('GIVEN a due date on a holiday after a weekend (설날 2024-02-12) THEN 09:00 of the last working day before it', () => {
    expect(dueNoticeMoment('2024-02-12', 'Asia/Seoul', calendar)).toEqual(new Date('2024-02-08T00:00:00Z'));
  });

  it('GIVEN two due dates of one action THEN two job keys', () => {
    expect(dueNoticeJobKey('r1', 3, '2024-03-29')).toBe('action-due:r1:3:2024-03-29');
    expect(dueNoticeJobKey('r1', 3, '2024-04-01')).not.toBe(dueNoticeJobKey('r1', 3, '2024-03-29'));
  });
});
