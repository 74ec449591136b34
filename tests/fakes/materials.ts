/**
 * Agenda materials for tests: files written to a fresh temporary folder,
 * with bytes that differ per file, as the configuration would give them.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Material } from '../../src/core/model.ts';

/** `size` bytes starting with `%PDF-` and then a pattern of `seed`, so two files never look alike. */
function pdfBytes(size: number, seed: number): Buffer {
  const bytes = Buffer.alloc(size);
  for (let i = 0; i < size; i += 1) bytes[i] = (i * 31 + seed * 7) % 256;
  Buffer.from('%PDF-1.4\n').copy(bytes);
  return bytes;
}

/** A material file of `size` bytes named `name` in a fresh folder, with its bytes. */
export function materialFile(
  name: string,
  size: number,
  seed: number,
  extra: { title?: string; link?: string; itemId?: string } = {},
): { material: Extract<Material, { kind: 'file' }>; bytes: Buffer } {
  const dir = mkdtempSync(join(tmpdir(), 'jamun-materials-'));
  const path = join(dir, name);
  const bytes = pdfBytes(size, seed);
  writeFileSync(path, bytes);
  return {
    bytes,
    material: {
      kind: 'file',
      title: extra.title ?? name,
      name,
      path,
      size,
      fileKind: 'pdf',
      mimeType: 'application/pdf',
      ...(extra.link ? { link: extra.link } : {}),
      ...(extra.itemId ? { itemId: extra.itemId } : {}),
    },
  };
}
