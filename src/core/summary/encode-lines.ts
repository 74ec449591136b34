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
