/**
 * Agenda materials (안건 설명자료) in a round file, for the round and for
 * each agenda item:
 *
 * ```yaml
 * materials:
 *   - file: materials/2024-1-안건설명.pdf   # relative to the configuration folder
 *     title: 안건 설명자료                  # optional; default the file name
 *     link: https://example.org/a.pdf      # optional; served instead where a platform cannot take the file
 *   - link: https://example.org/plan        # a link alone needs a title
 *     title: 추진계획(안)
 * ```
 *
 * The schema checks the form and the file type; `material-files.ts` reads
 * each file (it must exist) and records its size.
 */
import { extname, basename } from 'node:path';
import { z } from 'zod';
import type { Material, MaterialFileKind } from '../core/model.ts';
import { textSchema } from './schema-primitives.ts';

/** File types members can open, by extension, with what they are sent as. */
const FILE_TYPES: Record<string, { kind: MaterialFileKind; mimeType: string }> = {
  '.pdf': { kind: 'pdf', mimeType: 'application/pdf' },
  '.hwp': { kind: 'hwp', mimeType: 'application/x-hwp' },
  '.hwpx': { kind: 'hwpx', mimeType: 'application/hwp+zip' },
  '.docx': {
    kind: 'docx',
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  },
  '.xlsx': { kind: 'xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  '.png': { kind: 'image', mimeType: 'image/png' },
  '.jpg': { kind: 'image', mimeType: 'image/jpeg' },
  '.jpeg': { kind: 'image', mimeType: 'image/jpeg' },
  '.gif': { kind: 'image', mimeType: 'image/gif' },
  '.webp': { kind: 'image', mimeType: 'image/webp' },
};

const httpsSchema = z
  .string()
  .trim()
  .refine(
    (value) => {
      try {
        return new URL(value).protocol === 'https:';
      } catch {
        return false;
      }
    },
    { error: 'must be an https:// address' },
  )
  // Normalised: spaces and angle brackets percent-encoded, so no link can break out of its markup.
  .transform((value) => new URL(value).href);

const filePathSchema = z
  .string()
  .trim()
  .min(1)
  .refine((value) => !value.startsWith('/') && !/^[A-Za-z]:[\\/]/.test(value), {
    error: 'must be a path relative to the configuration folder (e.g. materials/안건설명.pdf)',
  })
  .refine((value) => FILE_TYPES[extname(value).toLowerCase()] !== undefined, {
    error: `unknown file type; materials may be ${Object.keys(FILE_TYPES).join(', ')}`,
  });

const materialSchema = z
  .strictObject({ file: filePathSchema.optional(), link: httpsSchema.optional(), title: textSchema.optional() })
  .transform((m, ctx): Material => {
    if (m.file !== undefined) {
      const type = FILE_TYPES[extname(m.file).toLowerCase()] ?? { kind: 'pdf', mimeType: 'application/pdf' };
      return {
        kind: 'file',
        title: m.title ?? basename(m.file),
        name: basename(m.file),
        // Relative until `material-files.ts` resolves it against the configuration folder.
        path: m.file,
        size: 0,
        fileKind: type.kind,
        mimeType: type.mimeType,
        ...(m.link !== undefined ? { link: m.link } : {}),
      };
    }
    if (m.link === undefined || m.title === undefined) {
      ctx.issues.push({ code: 'custom', message: 'needs file (with an optional link) or link with title', input: m });
      return z.NEVER;
    }
    return { kind: 'link', title: m.title, url: m.link };
  });

/** A `materials:` list. */
export const materialsSchema = z.array(materialSchema);

/** The materials of the round and of each item, in that order, each item's tagged with its id. */
export function collectMaterials(
  round: readonly Material[] | undefined,
  items: ReadonlyArray<{ id: string; materials: readonly Material[] | undefined }>,
): Material[] {
  return [...(round ?? []), ...items.flatMap((item) => (item.materials ?? []).map((m) => ({ ...m, itemId: item.id })))];
}
