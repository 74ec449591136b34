import { describe, expect, it } from 'vitest';
import { compileSummary } from '../../../src/core/summary/compile-summary.ts';
import { renderSummaryMarkdown, renderSummaryMarkdownFile } from '../../../src/core/summary/render-markdown.ts';
import { escapeMarkdownInline, escapeMarkdownLines } from '../../../src/core/summary/markdown-escape.ts';
import type { Question } from '../../../src/core/model.ts';
import { answer, committee, member, reportInput, round, submitted } from './builders.ts';

describe('renderSummaryMarkdown', () => {
  describe('GIVEN the report round in Korean', () => {
    const markdown = renderSummaryMarkdown(compileSummary(reportInput()), { audience: 'staff' });
    const lines = markdown.split('\n');

    it('THEN it has the title and the overview of the report', () => {
      expect(lines[0]).toBe("# 「'24년 제1차 지역상생발전위원회」 서면자문 결과");
      expect(markdown).toContain('- 일시: 2024. 2. 8.(목) 09:00 \\~ 2. 15.(목) 18:00, 근무일 기준 4일간');
      expect(markdown).toContain('- 방법: 서면자문');
      expect(markdown).toContain('- 제출: 위원 7명 중 6명 의견 제출');
      // Lines with nothing to report are left out.
      expect(markdown).not.toContain('불참');
      expect(markdown).not.toContain('기한 후 제출');
    });

    it('THEN the opinions are listed per agenda item and question with their authors', () => {
      expect(lines).toContain('### 안건 1. 서울시 지역상생교류 추진');
      expect(lines).toContain("### 안건 2. '24년 지역연계형 청년 창업 지원사업(넥스트로컬)");
      expect(lines).toContain('#### 자문내용 2.2. 지역 내 긍정적 파급효과를 측정할 수 있는 정량적 성과목표 제안');
      expect(lines).toContain('- **강도영**: 강도영의 1.1 의견');
      expect(lines.filter((line) => line.startsWith('#### '))).toHaveLength(7);
    });

    it('THEN it lists the non-submitter and the honorarium', () => {
      const notSubmitted = lines.indexOf('## 미제출');
      expect(lines.slice(notSubmitted, notSubmitted + 3)).toEqual(['## 미제출', '', '- 최예술']);
      expect(markdown).toContain('- 지급 대상: 강도영, 김정환, 박종범, 박주영, 오영은, 채정훈');
      expect(markdown).toContain('- 6명 × 100,000원 = 600,000원');
      expect(markdown).toContain('작성일시: 2024. 2. 15.(목) 18:30');
    });
  });

  it('GIVEN a malicious answer WHEN rendered THEN it cannot open headings, tables, lists or HTML', () => {
    const input = reportInput();
    const target = input.answers.find((a) => a.memberId === 'm1' && a.questionId === '1.1');
    if (target === undefined) throw new Error('fixture lacks m1 1.1');
    target.value = {
      kind: 'text',
      text: '정상 문장\n# heading\n| a | b |\n| --- | --- |\n---\n1. list\n<script>x</script> **bold** [link](http://x) &amp;',
    };
    const markdown = renderSummaryMarkdown(compileSummary(input), { audience: 'staff' });
    const lines = markdown.split('\n');
    expect(lines.filter((line) => /^\s*#/.test(line)).every((line) => /^#{1,4} /.test(line))).toBe(true);
    expect(lines.filter((line) => line.includes('heading'))).toEqual(['  \\# heading']);
    expect(lines).toContain('  \\| a \\| b \\|');
    expect(lines).toContain('  \\| --- \\| --- \\|');
    expect(lines).toContain('  \\---');
    expect(lines).toContain('  1\\. list');
    expect(markdown).toContain('\\<script\\>x\\</script\\> \\*\\*bold\\*\\* \\[link\\](http://x) \\&amp;');
    expect(lines.some((line) => line.trimStart().startsWith('|'))).toBe(false);
  });

  it('GIVEN a name with Markdown in it THEN it is escaped in the author and lists', () => {
    expect(escapeMarkdownInline('**Kim** | #1\nnext')).toBe('\\*\\*Kim\\*\\* \\| \\#1 next');
    expect(escapeMarkdownLines('- item\n+ plus\n= under\n  2) two')).toEqual([
      '\\- item',
      '\\+ plus',
      '\\= under',
      '  2\\) two',
    ]);
  });

  it('GIVEN a late answer and a declined member THEN the answer is marked late and the reason shown', () => {
    const input = reportInput();
    input.invitations[5] = submitted('m6', 9000, { late: true });
    input.invitations[6] = { ...input.invitations[6]!, declinedAt: new Date(0), declineReason: '일정 | 충돌' };
    const markdown = renderSummaryMarkdown(compileSummary(input), { audience: 'staff' });
    expect(markdown).toContain('- **채정훈(기한 후 제출)**: 채정훈의 1.1 의견');
    expect(markdown).toContain('- 기한 후 제출: 1명');
    expect(markdown).toContain('- 불참: 1명 — 최예술(사유: 일정 \\| 충돌)');
    expect(markdown).not.toContain('## 미제출');
  });

  it('GIVEN choice and scale questions THEN tallies are small tables with the mean', () => {
    const single: Question = {
      id: '1.1',
      prompt: '찬반',
      kind: 'single_choice',
      options: ['찬성', '반대|기권'],
      required: true,
      maxLength: 100,
    };
    const scale: Question = {
      id: '1.2',
      prompt: '만족도',
      kind: 'scale',
      scale: { min: 1, max: 3 },
      required: true,
      maxLength: 10,
    };
    const members = [member('m1', '가'), member('m2', '나')];
    const markdown = renderSummaryMarkdown(
      compileSummary({
        round: round([{ id: '1', title: '안건', questions: [single, scale] }]),
        committee: committee(members),
        invitations: members.map((m, i) => submitted(m.id, i)),
        answers: [
          answer('m1', '1.1', { kind: 'choices', choices: ['찬성'] }),
          answer('m2', '1.1', { kind: 'choices', choices: ['반대|기권'] }),
          answer('m1', '1.2', { kind: 'scale', value: 3 }),
          answer('m2', '1.2', { kind: 'scale', value: 2 }),
        ],
        generatedAt: new Date(0),
        locale: 'ko',
        businessDays: 1,
      }),
      { audience: 'staff' },
    );
    expect(markdown).toContain('| 선택지 | 응답 수 |\n| --- | ---: |\n| 찬성 | 1 |\n| 반대\\|기권 | 1 |');
    expect(markdown).toContain('| 점수 | 응답 수 |\n| --- | ---: |\n| 1 | 0 |\n| 2 | 1 |\n| 3 | 1 |');
    expect(markdown).toContain('평균: 2.5');
    expect(markdown).toContain('- **나**: 반대\\|기권');
  });

  it('GIVEN the English locale THEN labels and money are English', () => {
    const markdown = renderSummaryMarkdown(compileSummary(reportInput({ locale: 'en' })), { audience: 'staff' });
    expect(markdown).toContain('# Results of the written consultation "\'24년 제1차 지역상생발전위원회"');
    expect(markdown).toContain('- Submitted: 6 of 7 members');
    expect(markdown).toContain('- Method: written consultation');
    expect(markdown).toContain('4 business days');
    expect(markdown).toContain('## Not submitted\n\n- 최예술');
    expect(markdown).toContain('- 6 × 100,000 KRW = 600,000 KRW');
  });
});

describe('renderSummaryMarkdownFile', () => {
  it('GIVEN the report round THEN the file is the document as UTF-8, byte for byte', () => {
    const summary = compileSummary(reportInput());
    const file = renderSummaryMarkdownFile(summary, { audience: 'staff' });
    expect(file.equals(Buffer.from(renderSummaryMarkdown(summary, { audience: 'staff' }), 'utf8'))).toBe(true);
  });

  it('GIVEN one answer of 150,000 lines THEN both renderings hold every line (a spread of its lines overflowed the stack)', () => {
    const author = member('m1', '강도영');
    const text = Array.from({ length: 150_000 }, (_, i) => `줄 ${i}`).join('\n');
    const summary = compileSummary({
      ...reportInput(),
      committee: committee([author]),
      invitations: [submitted('m1', 0)],
      answers: [answer('m1', '1.1', text)],
    });
    const markdown = renderSummaryMarkdown(summary, { audience: 'staff' });
    expect(markdown).toContain('- **강도영**: 줄 0\n  줄 1\n');
    expect(markdown).toContain('\n  줄 149999\n');
    const file = renderSummaryMarkdownFile(summary, { audience: 'staff' });
    expect(file.equals(Buffer.from(markdown, 'utf8'))).toBe(true);
  });
});
