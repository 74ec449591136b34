/** An `Output` for CLI tests that keeps every line written to stdout and stderr. */
export function captureOutput() {
  const out: string[] = [];
  const err: string[] = [];
  return { output: { out: (line: string) => out.push(line), err: (line: string) => err.push(line) }, out, err };
}
