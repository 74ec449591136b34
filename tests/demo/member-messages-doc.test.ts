/**
 * docs/messages.ko.md is the same whatever order the sends of one moment
 * arrived in: a fan-out runs concurrently, so arrival order varies by run.
 */
import { describe, expect, it } from 'vitest';
import { type MemberMessageRecord, renderMemberMessagesDoc } from '../../src/demo/member-messages-doc.ts';

const at9 = '2024. 2. 8.(목) 09:00';
const at10 = '2024. 2. 13.(화) 10:00';
const msg = (at: string, member: string, kind: string, text: string): MemberMessageRecord => ({
  at,
  member,
  kind,
  text,
});

describe('member messages document', () => {
  it('GIVEN one invitation to three members arriving in two different orders THEN the same document, recipients in committee order', () => {
    const one = [
      msg(at9, '이예시', 'invitation', 'A'),
      msg(at9, '김가상', 'invitation', 'A'),
      msg(at9, '박모의', 'invitation', 'A'),
    ];
    const two = [one[2], one[0], one[1]] as MemberMessageRecord[];
    const order = ['김가상', '이예시', '박모의'];
    const doc = renderMemberMessagesDoc('T', 'N', one, order);
    expect(renderMemberMessagesDoc('T', 'N', two, order)).toBe(doc);
    expect(doc).toContain('- 받은 위원: 김가상, 이예시, 박모의');
  });

  it('GIVEN two different reminders of one moment THEN they are listed by their first recipient in committee order, after what came earlier', () => {
    const messages = [
      msg(at9, '박모의', 'invitation', 'A'),
      msg(at10, '박모의', 'reminder', '0개 작성'),
      msg(at10, '이예시', 'reminder', '2개 작성'),
    ];
    const doc = renderMemberMessagesDoc('T', 'N', messages, ['김가상', '이예시', '박모의']);
    expect(doc.indexOf('## 1. 자문 요청')).toBeGreaterThan(0);
    expect(doc.indexOf('2개 작성')).toBeLessThan(doc.indexOf('0개 작성'));
  });
});
