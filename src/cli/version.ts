/** The version printed by `jamun --version`: package.json's, read once. */
import { readFileSync } from 'node:fs';

export function jamunVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
  return pkg.version ?? 'unknown';
}
