import { describe, expect, it } from 'vitest';
import { plainFormatter } from '../../../src/core/text/formatter.ts';

describe('plainFormatter', () => {
  it('GIVEN people text THEN escape and bold leave it as is', () => {
    expect(plainFormatter.escape('@everyone *hi*')).toBe('@everyone *hi*');
    expect(plainFormatter.bold('제목')).toBe('제목');
  });

  it('GIVEN two lines THEN quote indents each line', () => {
    expect(plainFormatter.quote('첫 줄\n둘째 줄')).toBe('  첫 줄\n  둘째 줄');
  });
});
