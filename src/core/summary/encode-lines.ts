import { open } from 'node:fs/promises';

/**
 * A document of many lines as one UTF-8 buffer of the exact size, without
 * ever holding the whole text as a string or as a list of its lines: the
 * lines are produced twice (once to count their bytes, once to write them),
 * so only one line at a time lives beside the buffer. A round of 500 members ×
 * 20 answers of 1,500 characters is 40–50 MB of UTF-8; as a JavaScript string
 * of Hangul it is twice that again, and joined from a list of lines three
 * times.
 */
export function encodeLines(lines: () => Iterable<string>, options: { separator: string; prefix?: Buffer }): Buffer {
  const { separator, prefix } = options;
  const separatorBytes = Buffer.byteLength(separator, 'utf8');
  let size = prefix?.length ?? 0;
  let count = 0;
  for (const line of lines()) {
    size += Buffer.byteLength(line, 'utf8');
    count += 1;
  }
  size += Math.max(0, count - 1) * separatorBytes;
  const out = Buffer.allocUnsafe(size);
  let offset = prefix ? prefix.copy(out, 0) : 0;
  let first = true;
  for (const line of lines()) {
    if (!first && separatorBytes > 0) offset += out.write(separator, offset, 'utf8');
    first = false;
    offset += out.write(line, offset, 'utf8');
  }
  if (offset !== size)
    throw new Error(`encodeLines: the lines changed between the passes (${offset} of ${size} bytes)`);
  return out;
}

/** Bytes gathered before each write to the file. */
const WRITE_CHUNK_BYTES = 1024 * 1024;

/**
 * The same document written to a file (created or truncated) instead of
 * held: lines are gathered into a buffer of {@link WRITE_CHUNK_BYTES} and
 * written chunk by chunk, so a document of any size takes about that much
 * memory, and the event loop runs between chunks. Resolves to the file's
 * size in bytes.
 */
export async function writeLines(
  path: string,
  lines: Iterable<string>,
  options: { separator: string; prefix?: Buffer },
): Promise<number> {
  const { separator, prefix } = options;
  const handle = await open(path, 'w');
  const chunk = Buffer.allocUnsafe(WRITE_CHUNK_BYTES);
  let used = 0;
  let size = 0;
  const write = async (bytes: Buffer): Promise<void> => {
    let written = 0;
    while (written < bytes.length) written += (await handle.write(bytes, written)).bytesWritten;
    size += bytes.length;
  };
  const flush = async (): Promise<void> => {
    await write(chunk.subarray(0, used));
    used = 0;
  };
  try {
    if (prefix) await write(prefix);
    let first = true;
    for (const line of lines) {
      const text = first ? line : `${separator}${line}`;
      first = false;
      const bytes = Buffer.byteLength(text, 'utf8');
      if (used + bytes > chunk.length) await flush();
      // A line longer than the chunk goes out on its own.
      if (bytes > chunk.length) await write(Buffer.from(text, 'utf8'));
      else used += chunk.write(text, used, 'utf8');
    }
    await flush();
  } finally {
    await handle.close();
  }
  return size;
}
