import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatConfigError, formatPath, type ConfigError } from '../../src/config/config-error.ts';
import { loadConfig } from '../../src/config/load-config.ts';

const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));

function loadFixture(name: string): string[] {
  const result = loadConfig(`${fixtures}${name}/config`, { displayBase: `${fixtures}${name}` });
  return result.ok ? [] : result.error.map(formatConfigError);
}

describe('GIVEN configuration folders on disk', () => {
  it('WHEN a file has a YAML syntax error THEN it is reported with line and column, other files still checked', () => {
    const result = loadConfig(`${fixtures}syntax-error/config`, { displayBase: `${fixtures}syntax-error` });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error[0]).toEqual({
      file: 'config/committees/broken.yaml',
      path: '',
      line: 5,
      column: 3,
      message: 'YAML syntax error: Flow map in block collection must be sufficiently indented and end with a }',
    });
    expect(result.error.map(formatConfigError)).toEqual([
      'config/committees/broken.yaml:5:3: YAML syntax error: Flow map in block collection must be sufficiently indented and end with a }',
      'config/rounds/2024-1.yaml:12:9: YAML syntax error: duplicate key',
    ]);
  });

  it('WHEN both folders are empty THEN each is named', () => {
    expect(loadFixture('empty-folders')).toEqual([
      'config/committees: no committee files (*.yaml) in this folder',
      'config/rounds: no round files (*.yaml) in this folder',
    ]);
  });

  it('WHEN the rounds folder is missing THEN it is named, and the committees are still checked', () => {
    expect(loadFixture('no-rounds')).toEqual(['config/rounds: folder not found; it must hold one YAML file per round']);
  });

  it('WHEN the directory does not exist THEN a single clear error names it', () => {
    expect(loadFixture('does-not-exist')).toEqual([
      'config: configuration directory not found (set JAMUN_CONFIG_DIR or create it)',
    ]);
  });

  it('WHEN no display base is given THEN file names are relative to the working directory', () => {
    const result = loadConfig('tests/config/fixtures/empty-folders/config');
    expect(result.ok ? [] : result.error.map((e) => e.file)).toEqual([
      'tests/config/fixtures/empty-folders/config/committees',
      'tests/config/fixtures/empty-folders/config/rounds',
    ]);
  });
});

describe('GIVEN config errors', () => {
  it('WHEN a path has indices THEN it reads agenda[1].questions[0].prompt', () => {
    expect(formatPath(['agenda', 1, 'questions', 0, 'prompt'])).toBe('agenda[1].questions[0].prompt');
    expect(formatPath([])).toBe('');
  });

  it('WHEN formatted THEN the form is "file: path: message", or "file: message" without a path', () => {
    const withPath: ConfigError = {
      file: 'config/rounds/2024-1.yaml',
      path: 'agenda[1].questions[0].prompt',
      message: 'required',
    };
    expect(formatConfigError(withPath)).toBe('config/rounds/2024-1.yaml: agenda[1].questions[0].prompt: required');
    expect(formatConfigError({ file: 'config/rounds', path: '', message: 'x' })).toBe('config/rounds: x');
  });
});
