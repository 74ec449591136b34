/**
 * The agenda written back in the paste format (issue 12, `/jamun edit`):
 * reading the rendered text gives back the same agenda.
 */
import { describe, expect, it } from 'vitest';
import { parseAgendaText } from '../../../src/core/rounds/agenda-text.ts';
import { renderAgendaText } from '../../../src/core/rounds/agenda-text-render.ts';
import { seedConfig } from '../../fakes/app-harness.ts';
import { SEED_PASTE } from '../../fakes/seed-agenda-paste.ts';

/** What the paste format holds of an agenda. */
function shape(
  items: ReadonlyArray<{ title: string; description?: string | undefined; questions: readonly object[] }>,
) {
  return items.map((item) => ({
    title: item.title,
    description: item.description,
    questions: item.questions.map((question) => {
      const q = question as {
        prompt: string;
        help?: string;
        kind: string;
        options?: readonly string[];
        scale?: { min: number; max: number };
        required: boolean;
      };
      return {
        prompt: q.prompt,
        help: q.help,
        kind: q.kind,
        options: q.options,
        scale: q.scale ? { min: q.scale.min, max: q.scale.max } : undefined,
        required: q.required,
      };
    }),
  }));
}

function parsed(text: string) {
  const result = parseAgendaText(text);
  if (!result.ok) throw new Error(`rendered text does not parse: ${JSON.stringify(result.problems)}\n${text}`);
  return result.items;
}

const EVERY_KIND = [
  {
    title: '1. 번호로 시작하는 제목',
    description: '안건 설명 첫 줄\n둘째 줄',
    questions: [
      { prompt: '서술형 질문', help: '도움말', kind: 'long_text' as const, required: true },
      { prompt: '만족도', kind: 'single_choice' as const, options: ['만족', '보통', '및/또는'], required: true },
      { prompt: '# 샵으로 시작하는 질문', kind: 'multi_choice' as const, options: ['관광', '농업'], required: false },
      { prompt: '> 꺾쇠로 시작하는 질문', kind: 'short_text' as const, required: false },
      { prompt: '시급성', kind: 'scale' as const, scale: { min: 0, max: 10 }, required: true },
    ],
  },
  { title: '둘째 안건', questions: [{ prompt: '○ 동그라미로 시작', kind: 'long_text' as const, required: true }] },
];

describe('renderAgendaText', () => {
  it('GIVEN the seed round pasted THEN rendering what was read and reading it again gives the same agenda', () => {
    const first = parsed(SEED_PASTE);
    expect(shape(parsed(renderAgendaText(first, 'ko')))).toEqual(shape(first));
  });

  it('GIVEN the seed round file THEN its rendered agenda reads back to its 7 questions, markers in Korean', () => {
    const [round] = seedConfig().rounds;
    if (!round) throw new Error('no seed round');
    const text = renderAgendaText(round.agenda, 'ko');
    expect(shape(parsed(text))).toEqual(shape(round.agenda));
    expect(parsed(text).flatMap((i) => i.questions)).toHaveLength(7);
  });

  it.each(['ko', 'en'] as const)(
    'GIVEN every answer type, notes and text that starts like syntax THEN %s markers read back to the same agenda',
    (locale) => {
      expect(shape(parsed(renderAgendaText(EVERY_KIND, locale)))).toEqual(shape(EVERY_KIND));
    },
  );

  it('GIVEN each kind THEN the markers are the documented ones in the reader’s language', () => {
    const ko = renderAgendaText(EVERY_KIND, 'ko').split('\n');
    expect(ko).toContain('만족도 (선택: 만족 / 보통 / 및/또는)');
    expect(ko).toContain('- # 샵으로 시작하는 질문 (복수 선택: 관광 / 농업) (필수 아님)');
    expect(ko).toContain('시급성 (척도: 0-10)');
    expect(renderAgendaText(EVERY_KIND, 'en').split('\n')).toContain('- > 꺾쇠로 시작하는 질문 (short) (optional)');
  });

  it('GIVEN a prompt with a line break THEN it becomes one line (the paste holds one question per line)', () => {
    const text = renderAgendaText(
      [{ title: 'A', questions: [{ prompt: '첫 줄\n둘째 줄', kind: 'long_text', required: true }] }],
      'ko',
    );
    expect(text).toBe('# A\n첫 줄 둘째 줄');
  });
});
