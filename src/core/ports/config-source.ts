/**
 * Where a running application reads its committees and rounds again
 * (`/jamun reload`, SIGHUP): the configuration files behind the adapters,
 * validated exactly as at start-up.
 */
import type { Committee, RoundDefinition } from '../model.ts';

/** The configuration as read now. */
export interface ConfigSnapshot {
  committees: Committee[];
  rounds: RoundDefinition[];
}

/** Reads the configuration again: the snapshot, or every problem (`file: path: message`) that stops it. */
export type ConfigSource = () => Promise<{ ok: true; value: ConfigSnapshot } | { ok: false; problems: string[] }>;
