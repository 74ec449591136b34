import { describe, expect, it } from 'vitest';
import { synthesisLines } from '../../../src/core/follow-up/synthesis-lines.ts';

describe('synthesis lines', () => {
  it('GIVEN ○, - and ※ lines, indented or not THEN each mark gives its level and goes from the text', () => {
    expect(synthesisLines('○ 생활인구 확대\n  - 정보교류 분야 측정\n    ※ (예시) 케어팜 운영\n- 둘째 점')).toEqual([
      { level: 0, text: '생활인구 확대' },
      { level: 1, text: '정보교류 분야 측정' },
      { level: 2, text: '(예시) 케어팜 운영' },
      { level: 1, text: '둘째 점' },
    ]);
  });

  it('GIVEN a line without a mark THEN it continues the line before; first, it is a theme; blank lines and bare marks go', () => {
    expect(synthesisLines('첫 줄\r\n\r\n○ 추모공원 방문객 대상\n서울시 체류형 추모공원 조성\n-\n')).toEqual([
      { level: 0, text: '첫 줄' },
      { level: 0, text: '추모공원 방문객 대상 서울시 체류형 추모공원 조성' },
    ]);
  });
});
