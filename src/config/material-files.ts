/**
 * Reads the agenda materials of a round at validation: every file must exist
 * under the configuration folder and be readable; its size is recorded. A
 * file larger than a platform takes is served there by its `link:`; without
 * one the members on that platform would get only a note, so it is an error
 * when the committee has members there.
 */
import { readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { DISCORD_ATTACHMENT_BYTES } from '../adapters/discord/discord-limits.ts';
import { SLACK_FILE } from '../adapters/slack/slack-limits.ts';
import type { Committee, Material, Platform, RoundDefinition } from '../core/model.ts';
import type { LocatedProblem, PathSegment } from './config-error.ts';
import { asList, asRecord } from './raw-access.ts';

/** Largest material file each platform takes in one upload. */
const MATERIAL_LIMITS: Partial<Record<Platform, { bytes: number; name: string; limit: string }>> = {
  discord: { bytes: DISCORD_ATTACHMENT_BYTES, name: 'Discord', limit: '10 MiB per message' },
  slack: { bytes: SLACK_FILE.maxBytes, name: 'Slack', limit: '1 GB per file' },
};

/** YAML paths of the `file:` entries, in the order the schema collects materials (round's, then each item's). */
function filePaths(raw: Record<string, unknown>): PathSegment[][] {
  const paths: PathSegment[][] = [];
  const add = (list: unknown, at: PathSegment[]): void => {
    asList(list).forEach((entry, i) => {
      if (asRecord(entry)?.['file'] !== undefined) paths.push([...at, 'materials', i, 'file']);
    });
  };
  add(raw['materials'], []);
  asList(raw['agenda']).forEach((item, j) => {
    add(asRecord(item)?.['materials'], ['agenda', j]);
  });
  return paths;
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}

/**
 * Resolves each material file of `round` against `dir`, reads it and records
 * its size (in place). Returns the problems: a missing, unreadable or empty
 * file, one outside the configuration folder.
 */
export function readMaterialFiles(round: RoundDefinition, raw: unknown, dir: string): LocatedProblem[] {
  const files = (round.materials ?? []).filter((m): m is Extract<Material, { kind: 'file' }> => m.kind === 'file');
  const paths = filePaths(asRecord(raw) ?? {});
  const problems: LocatedProblem[] = [];
  const base = resolve(dir);
  files.forEach((material, k) => {
    const path = paths[k] ?? ['materials'];
    const absolute = resolve(join(base, material.path));
    const inside = relative(base, absolute);
    if (inside.startsWith('..') || isAbsolute(inside)) {
      problems.push({ path, message: `${material.path}: must be inside the configuration folder` });
      return;
    }
    let size: number;
    try {
      if (!statSync(absolute).isFile()) throw new Error('not a file');
      // Read whole now, so a file that cannot be read is found here and not when invitations go out.
      size = readFileSync(absolute).length;
    } catch {
      problems.push({ path, message: `${material.path}: file not found or not readable (looked in ${absolute})` });
      return;
    }
    if (size === 0) problems.push({ path, message: `${material.path}: the file is empty` });
    material.path = absolute;
    material.size = size;
  });
  return problems;
}

/**
 * Files too large for a platform some member of the committee is on: with a
 * link, a warning (members there get the link); without, an error (they
 * would get only a note).
 */
export function checkMaterialSizes(
  round: RoundDefinition,
  raw: unknown,
  committee: Committee,
): { errors: LocatedProblem[]; warnings: LocatedProblem[] } {
  const errors: LocatedProblem[] = [];
  const warnings: LocatedProblem[] = [];
  const files = (round.materials ?? []).filter((m): m is Extract<Material, { kind: 'file' }> => m.kind === 'file');
  const paths = filePaths(asRecord(raw) ?? {});
  const used = new Set(committee.members.filter((m) => m.active).flatMap((m) => Object.keys(m.platforms)));
  files.forEach((material, k) => {
    for (const [platform, limit] of Object.entries(MATERIAL_LIMITS)) {
      if (!limit || !used.has(platform) || material.size <= limit.bytes) continue;
      const size = `${material.name} is ${megabytes(material.size)}, over ${limit.name}'s ${limit.limit}`;
      if (material.link)
        warnings.push({
          path: paths[k] ?? ['materials'],
          message: `${size}: members on ${limit.name} get its link (${material.link}) instead of the file`,
        });
      else
        errors.push({
          path: paths[k] ?? ['materials'],
          message: `${size}: members on ${limit.name} would get only a note that it could not be attached; add link: (https) where they can download it, or make the file smaller`,
        });
    }
  });
  return { errors, warnings };
}
