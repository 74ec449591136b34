/**
 * `jamun round export-config`, `round drafts`, `round drop-draft` (issue 12):
 * a round written back as a round file reads back (round import) to the
 * same round; drafts listed and deleted by the operator.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useCliSandbox } from './cli-sandbox.ts';

describe('jamun round export-config, drafts, drop-draft', { timeout: 90_000 }, () => {
  const sandbox = useCliSandbox();
  const { round } = sandbox;

  it('GIVEN the seed round exported under a new id and imported THEN the draft is the seed round; listed; dropped once', async () => {
    const out = path.join(sandbox.dir, 'exported/');
    const exported = await round('export-config', '2024-1', '--out', out);
    expect(exported.code).toBe(0);
    const file = path.join(out, '2024-1.yaml');
    expect(exported.out).toBe(`→ ${file}`);
    const text = readFileSync(file, 'utf8');
    const copy = path.join(sandbox.dir, 'copy.yaml');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(copy, text.replace(/^id: 2024-1$/mu, 'id: copy-1'));
    const imported = await round('import', copy);
    expect(imported.err).toBe('');
    expect(imported.out).toContain('안건 2건, 질문 7개');
    // Written back again, the copy is the seed's file but for its id: nothing was lost on the way.
    const again = await round('export-config', 'copy-1');
    expect(again.out.replace(/^id: copy-1$/mu, 'id: 2024-1')).toBe(text.trimEnd());
    expect((await round('drafts')).out).toContain("· copy-1 「'24년 제1차 지역상생발전위원회 서면자문」");
    const dropped = await round('drop-draft', 'copy-1');
    expect(dropped.out).toBe("초안 「'24년 제1차 지역상생발전위원회 서면자문」을 삭제하였습니다.");
    expect((await round('drafts')).out).toBe('저장된 초안이 없습니다.');
    const twice = await round('drop-draft', 'copy-1');
    expect(twice.code).toBe(4);
    expect(twice.firstErr).toBe('저장된 초안 「copy-1」을 찾을 수 없습니다. 초안 목록을 확인하여 주시기 바랍니다.');
    expect((await round('export-config', 'nope')).code).toBe(4);
  });
});
