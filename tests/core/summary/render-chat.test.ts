import { describe, expect, it } from 'vitest';
import { compileSummary } from '../../../src/core/summary/compile-summary.ts';
import { renderSummaryChat } from '../../../src/core/summary/render-chat.ts';
import { renderSummaryMarkdown } from '../../../src/core/summary/render-markdown.ts';
import { plainFormatter, type TextFormatter } from '../../../src/core/text/formatter.ts';
import type { Question } from '../../../src/core/model.ts';
import { answer, committee, invitation, member, reportInput, round, submitted } from './builders.ts';

/** A Markdown-like chat formatter with a small limit, as Discord's 2,000 characters. */
const chatFormatter: TextFormatter = {
  escape: (text) => text.replace(/[*_>]/g, '\\$&'),
  bold: (text) => `**${text}**`,
  quote: (text) =>
    text
      .split('\n')
      .map((line) => `> ${line}`)
      .join('\n'),
  messageLimit: 2000,
};

/** A long answer of words and paragraphs, each word numbered so order and loss show. */
function longAnswer(length: number): string {
  let text = '';
  for (let i = 0; text.length < length; i += 1) text += i % 40 === 39 ? `단어${i}\n` : `단어${i} `;
  return text.slice(0, length);
}

describe('renderSummaryChat', () => {
  describe('GIVEN the report round and the plain formatter', () => {
    const chat = renderSummaryChat(compileSummary(reportInput()), plainFormatter);

    it('THEN the header has the title, participation, the non-submitter and the honorarium total', () => {
      expect(chat.header.split('\n')).toEqual([
        "「'24년 제1차 지역상생발전위원회」 서면자문 결과",
        '위원회: 지역상생발전위원회',
        '일시: 2024. 2. 8.(목) 09:00 ~ 2. 15.(목) 18:00, 근무일 기준 4일간',
        '방법: 서면자문',
        '제출: 위원 7명 중 6명 의견 제출',
        '미제출: 최예술',
        '심사수당: 6명 × 100,000원 = 600,000원',
      ]);
    });

    it('THEN there is one section per agenda item with every question and answer', () => {
      expect(chat.sections).toHaveLength(2);
      expect(chat.sections[0]?.startsWith('안건 1. 서울시 지역상생교류 추진\n\n자문내용 1.1.')).toBe(true);
      expect(chat.sections[1]).toContain('자문내용 2.3. 사업홍보 및 판로지원 등 서울과 지역의 지속적 지원방안');
      expect(chat.sections[1]).toContain('채정훈\n  채정훈의 2.3 의견');
    });
  });

  it('GIVEN a 10,000-character answer and a limit of 2000 THEN no message exceeds it and no character is lost', () => {
    const input = reportInput();
    const long = longAnswer(10_000);
    const target = input.answers.find((a) => a.memberId === 'm3' && a.questionId === '1.2');
    if (target === undefined) throw new Error('fixture lacks m3 1.2');
    target.value = { kind: 'text', text: long };
    const chat = renderSummaryChat(compileSummary(input), chatFormatter);
    const all = [chat.header, ...chat.sections];
    for (const message of all) expect(message.length).toBeLessThanOrEqual(2000);
    expect(chat.sections.length).toBeGreaterThan(2);
    const quoted = chat.sections
      .join('\n')
      .split('\n')
      .filter((line) => line.startsWith('> '))
      .map((line) => line.slice(2))
      .join('');
    const squash = (text: string): string => text.replace(/\s+/g, '');
    expect(squash(quoted)).toContain(squash(long));
  });

  it('GIVEN a 10,000-character answer without any space THEN it is hard-split within the limit and kept whole', () => {
    const input = reportInput();
    const long = '가나다라마바사'.repeat(1500).slice(0, 10_000);
    const target = input.answers.find((a) => a.memberId === 'm1' && a.questionId === '2.1');
    if (target === undefined) throw new Error('fixture lacks m1 2.1');
    target.value = { kind: 'text', text: long };
    const chat = renderSummaryChat(compileSummary(input), chatFormatter);
    for (const message of chat.sections) expect(message.length).toBeLessThanOrEqual(2000);
    const quoted = chat.sections
      .join('\n')
      .split('\n')
      .filter((line) => /^> [가나다라마바사]+$/.test(line))
      .map((line) => line.slice(2))
      .join('');
    expect(quoted).toBe(long);
  });

  it("GIVEN people's text with markup THEN it goes through escape, headings through bold, answers through quote", () => {
    const input = reportInput();
    input.committee.members[0]!.name = '*강도영*';
    const target = input.answers.find((a) => a.memberId === 'm1' && a.questionId === '1.1');
    if (target === undefined) throw new Error('fixture lacks m1 1.1');
    target.value = { kind: 'text', text: '**굵게** > 인용\n둘째 줄' };
    const chat = renderSummaryChat(compileSummary(input), chatFormatter);
    expect(chat.header.startsWith("**「'24년 제1차 지역상생발전위원회」 서면자문 결과**\n")).toBe(true);
    expect(chat.sections[0]).toContain('**\\*강도영\\***\n> \\*\\*굵게\\*\\* \\> 인용\n> 둘째 줄');
    expect(chat.sections[0]?.startsWith('**안건 1. 서울시 지역상생교류 추진**')).toBe(true);
  });

  it('GIVEN 500 non-submitters and a limit of 2000 THEN the header stays within it and every name is posted', () => {
    const members = Array.from({ length: 501 }, (_, i) => member(`m${i}`, `위원이름${i}`));
    const summary = compileSummary({
      round: round([
        {
          id: '1',
          title: '안건',
          questions: [{ id: '1.1', prompt: '질문', kind: 'short_text', required: true, maxLength: 100 }],
        },
      ]),
      committee: committee(members),
      invitations: [submitted('m0', 0), ...members.slice(1).map((m) => invitation(m.id))],
      answers: [answer('m0', '1.1', '의견')],
      generatedAt: new Date(0),
      locale: 'ko',
      businessDays: 3,
    });
    const chat = renderSummaryChat(summary, chatFormatter);
    const all = [chat.header, ...chat.sections];
    for (const message of all) expect(message.length).toBeLessThanOrEqual(2000);
    const posted = all.join('\n');
    for (const name of summary.participation.notSubmitted) expect(posted).toContain(name);
    expect(posted).toContain('위원이름500');
    expect(chat.header).toContain('제출: 위원 501명 중 1명 의견 제출');
  });

  it('GIVEN tallies and a late answer THEN counts, mean and the late mark are in the section', () => {
    const scale: Question = {
      id: '1.1',
      prompt: '만족도',
      kind: 'scale',
      scale: { min: 1, max: 3 },
      required: true,
      maxLength: 10,
    };
    const members = [member('m1', '가'), member('m2', '나')];
    const chat = renderSummaryChat(
      compileSummary({
        round: round([{ id: '1', title: '안건', questions: [scale] }]),
        committee: committee(members),
        invitations: [submitted('m1', 0), submitted('m2', 9000, { late: true })],
        answers: [answer('m1', '1.1', { kind: 'scale', value: 3 }), answer('m2', '1.1', { kind: 'scale', value: 2 })],
        generatedAt: new Date(0),
        locale: 'ko',
        businessDays: 1,
      }),
      plainFormatter,
    );
    expect(chat.sections[0]).toContain('나(기한 후 제출)\n  2');
    expect(chat.sections[0]).toContain('1: 0명\n2: 1명\n3: 1명\n응답자: 2명\n평균: 2.5');
    expect(chat.header).toContain('기한 후 제출: 1명');
  });

  it('GIVEN the English locale and an anonymous round THEN labels are English and authors are letters', () => {
    const input = reportInput({ locale: 'en' });
    input.round.anonymous = true;
    const chat = renderSummaryChat(compileSummary(input), plainFormatter);
    expect(chat.header).toContain('Submitted: 6 of 7 members');
    expect(chat.header).toContain('Not submitted: 최예술');
    expect(chat.header).toContain('Honorarium: 6 × 100,000 KRW = 600,000 KRW');
    expect(chat.sections[0]?.startsWith('Item 1. ')).toBe(true);
    expect(chat.sections[0]).toContain('Member A\n  강도영의 1.1 의견');
  });
});

describe('unreachable members in the summary', () => {
  it('GIVEN a member whose DMs are closed WHEN the summary is rendered for chat and Markdown THEN staff read the reason in words, never the code', () => {
    const input = reportInput();
    input.invitations[6] = invitation('m7', { deliveryState: 'failed', failureReason: 'dm_closed' });
    const summary = compileSummary(input);
    const rendered = renderSummaryChat(summary, chatFormatter);
    const chat = [rendered.header, ...rendered.sections].join('\n');
    const markdown = renderSummaryMarkdown(summary, { audience: 'staff' });
    for (const text of [chat, markdown]) {
      expect(text).toContain('DM 수신 차단 또는 서버 탈퇴');
      expect(text).not.toMatch(/dm\\?_closed/);
    }
  });
});
