/**
 * Builders of small, valid committee and round files (as YAML text) that
 * tests mutate to produce exactly one problem at a time.
 */
import { stringify } from 'yaml';
import { formatConfigError } from '../../src/config/config-error.ts';
import { loadConfigSources, type ConfigSource, type LoadedConfig } from '../../src/config/load-config.ts';

/** A mutable YAML mapping. */
export type Doc = Record<string, unknown>;

const COMMITTEE_FILE = 'config/committees/test.yaml';
const ROUND_FILE = 'config/rounds/2024-1.yaml';

export function committeeDoc(): Doc {
  return {
    id: 'test-committee',
    name: '시험위원회',
    staff: { local: ['staff-son'] },
    staff_channel: { local: 'staff' },
    members: [
      { id: 'm-a', name: '가', local: 'm-a', slack: 'U0AAAAAAA' },
      { id: 'm-b', name: '나', local: 'm-b', slack: 'U0BBBBBBB' },
    ],
  };
}

export function roundDoc(): Doc {
  return {
    id: '2024-1',
    committee: 'test-committee',
    title: '시험 서면자문',
    window: { opens: '2024-02-08 09:00', closes: '2024-02-15 18:00' },
    agenda: [
      { title: '안건 1', questions: [{ prompt: '질문 1.1' }, { prompt: '질문 1.2' }] },
      { title: '안건 2', questions: [{ prompt: '질문 2.1' }] },
    ],
  };
}

/** Committee and round sources from docs (YAML-serialised) or raw text. */
export function sources(committee: Doc | string = committeeDoc(), round: Doc | string = roundDoc()): ConfigSource[] {
  const text = (d: Doc | string): string => (typeof d === 'string' ? d : stringify(d));
  return [
    { kind: 'committee', file: COMMITTEE_FILE, text: text(committee) },
    { kind: 'round', file: ROUND_FILE, text: text(round) },
  ];
}

/** Reads `doc.a[0].b` style paths for mutation in tests. */
export function at(doc: unknown, ...path: Array<string | number>): Doc {
  let node: unknown = doc;
  for (const key of path) node = (node as Record<string | number, unknown>)[key];
  return node as Doc;
}

/** The formatted errors of loading `list`; empty when it loads. */
export function errorLines(list: ConfigSource[]): string[] {
  const result = loadConfigSources(list, 'config');
  return result.ok ? [] : result.error.map(formatConfigError);
}

/** The loaded config; fails the test with the error lines when it does not load. */
export function loaded(list: ConfigSource[]): LoadedConfig {
  const result = loadConfigSources(list, 'config');
  if (!result.ok) throw new Error(result.error.map(formatConfigError).join('\n'));
  return result.value;
}
