import { describe, expect, it } from 'vitest';
import { compileSummary } from '../../../src/core/summary/compile-summary.ts';
import { DIGEST_BUDGET, renderSummaryChat } from '../../../src/core/summary/render-chat.ts';
import { renderSummaryMarkdown } from '../../../src/core/summary/render-markdown.ts';
import { plainFormatter } from '../../../src/core/text/formatter.ts';
import type { Question } from '../../../src/core/model.ts';
import {
  answer,
  chatFormatter,
  committee,
  invitation,
  member,
  reportInput,
  round,
  submitted,
  textQuestion,
} from './builders.ts';

/** A long answer of words and paragraphs, each word numbered so order and loss show. */
function longAnswer(length: number): string {
  let text = '';
  for (let i = 0; text.length < length; i += 1) text += i % 40 === 39 ? `단어${i}\n` : `단어${i} `;
  return text.slice(0, length);
}

describe('renderSummaryChat', () => {
  describe('GIVEN the report round and the plain formatter', () => {
    const chat = renderSummaryChat(compileSummary(reportInput()), plainFormatter);

    it('THEN the header has the title, participation, the non-submitter, the honorarium total and where the full text is', () => {
      expect(chat.header.split('\n')).toEqual([
        "「'24년 제1차 지역상생발전위원회」 서면자문 결과",
        '위원회: 지역상생발전위원회',
        '일시: 2024. 2. 8.(목) 09:00 ~ 2. 15.(목) 18:00, 근무일 기준 4일간',
        '방법: 서면자문',
        '제출: 위원 7명 중 6명 의견 제출',
        '미제출: 1명 — 최예술',
        '심사수당: 6명 × 100,000원 = 600,000원',
        '',
        '위원님별 전체 의견은 첨부 파일(Markdown, CSV)에서 확인하여 주시기 바랍니다.',
      ]);
    });

    it('THEN one section names every question with its answer count and up to five short answers, the rest counted', () => {
      expect(chat.sections).toHaveLength(1);
      const section = chat.sections[0] ?? '';
      expect(section.startsWith('안건 1. 서울시 지역상생교류 추진\n\n자문내용 1.1.')).toBe(true);
      expect(section).toContain(
        '자문내용 2.3. 사업홍보 및 판로지원 등 서울과 지역의 지속적 지원방안\n의견 6건\n강도영',
      );
      expect(section).toContain('김정환\n  김정환의 2.3 의견');
      expect(section.split('나머지 의견 1건은 첨부 파일에서 확인하여 주시기 바랍니다.').length - 1).toBe(7);
    });
  });

  it('GIVEN a 10,000-character answer and a limit of 2000 THEN it is counted, not posted, and no message exceeds the limit', () => {
    const input = reportInput();
    const long = longAnswer(10_000);
    const target = input.answers.find((a) => a.memberId === 'm3' && a.questionId === '1.2');
    if (target === undefined) throw new Error('fixture lacks m3 1.2');
    target.value = { kind: 'text', text: long };
    const chat = renderSummaryChat(compileSummary(input), chatFormatter);
    const all = [chat.header, ...chat.sections];
    for (const message of all) expect(message.length).toBeLessThanOrEqual(2000);
    expect(all.join('\n')).not.toContain(long.slice(0, 100));
    expect(chat.sections.join('\n')).toContain(
      '자문내용 1.2. 지역상생 효과 제고를 위한 지역상생교류 사업 활성화 방안**\n의견 6건',
    );
  });

  it('GIVEN 500 members answering 20 questions briefly and a limit of 2000 THEN the digest stays a few messages: inline answers stop at the budget', () => {
    const members = Array.from({ length: 500 }, (_, i) => member(`m${i}`, `위원${i}`));
    const questions = Array.from({ length: 20 }, (_, q) => textQuestion(`1.${q + 1}`, `질문 ${q + 1}`));
    const summary = compileSummary({
      round: round([{ id: '1', title: '안건', questions }]),
      committee: committee(members),
      invitations: members.map((m, i) => submitted(m.id, i)),
      answers: members.flatMap((m) => questions.map((q) => answer(m.id, q.id, `${m.name}의 ${q.id} 짧은 의견`))),
      generatedAt: new Date(0),
      locale: 'ko',
      businessDays: 3,
    });
    const chat = renderSummaryChat(summary, chatFormatter);
    const all = [chat.header, ...chat.sections];
    expect(all.length).toBeLessThanOrEqual(8);
    for (const message of all) expect(message.length).toBeLessThanOrEqual(2000);
    const inline = all
      .join('\n')
      .split('\n')
      .filter((line) => line.startsWith('> '));
    const inlineChars = inline.reduce((n, line) => n + line.length - 2, 0);
    expect(inlineChars).toBeGreaterThan(0);
    expect(inlineChars).toBeLessThanOrEqual(DIGEST_BUDGET.answers);
    expect(chat.sections.join('\n')).toContain('자문내용 1.20. 질문 20**\n의견 500건');
  });

  it('GIVEN an interrupted invitation THEN it is listed apart as unconfirmed, not as undelivered', () => {
    const input = reportInput();
    input.invitations[6] = invitation('m7', { deliveryState: 'failed', failureReason: 'uncertain' });
    const chat = renderSummaryChat(compileSummary(input), plainFormatter);
    expect(chat.header).toContain('전달 여부 미확인: 1명 — 최예술');
    expect(chat.header).not.toContain('전달 실패');
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

  it('GIVEN 500 non-submitters and a limit of 2000 THEN the header stays within it, counts them and names those that fit', () => {
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
    expect([chat.header, ...chat.sections]).toHaveLength(2);
    expect(chat.header.length).toBeLessThanOrEqual(2000);
    expect(chat.header).toContain('제출: 위원 501명 중 1명 의견 제출');
    expect(chat.header).toContain('미제출: 500명 — 위원이름1, 위원이름2,');
    const shown = summary.participation.notSubmitted.filter((name) => chat.header.includes(`${name},`)).length;
    expect(chat.header).toMatch(new RegExp(` 외 ${500 - shown - 1}명\n`));
  });

  it('GIVEN tallies and a late answer THEN counts and mean are in the section and the late count in the header', () => {
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
    expect(chat.sections[0]).toContain('자문내용 1.1. 만족도\n의견 2건\n1: 0명 · 2: 1명 · 3: 1명\n평균: 2.5');
    expect(chat.header).toContain('기한 후 제출: 1명');
  });

  it('GIVEN the English locale and an anonymous round THEN labels are English and authors are letters', () => {
    const input = reportInput({ locale: 'en' });
    input.round.anonymous = true;
    const chat = renderSummaryChat(compileSummary(input), plainFormatter);
    expect(chat.header).toContain('Submitted: 6 of 7 members');
    expect(chat.header).toContain('Not submitted: 1 — 최예술');
    expect(chat.header).toContain('Honorarium: 6 × 100,000 KRW = 600,000 KRW');
    expect(chat.sections[0]?.startsWith('Item 1. ')).toBe(true);
    expect(chat.sections[0]).toContain('Member A\n  강도영의 1.1 의견');
    expect(chat.sections[0]).toContain('The other 1 answer is in the attached files.');
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
