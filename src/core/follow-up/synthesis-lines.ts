/**
 * Staff's synthesis text as report lines. Staff write the secretariat's own
 * hierarchy: `○` a theme, `-` a point under it, `※` a note or example.
 * Indentation is ignored (the mark says the level); a line without a mark
 * continues the line before it (a theme wrapped by hand), or is a theme when
 * it comes first. Pure.
 */
import type { ReportLine } from '../report/report-model.ts';

const MARKS: ReadonlyArray<readonly [string, ReportLine['level']]> = [
  ['○', 0],
  ['-', 1],
  ['※', 2],
];

export function synthesisLines(text: string): ReportLine[] {
  const lines: ReportLine[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '') continue;
    const mark = MARKS.find(([m]) => line.startsWith(m));
    if (mark) {
      // The mark goes: every renderer prints the mark of the level itself.
      const rest = line.slice(mark[0].length).trim();
      if (rest !== '') lines.push({ level: mark[1], text: rest });
      continue;
    }
    const previous = lines.at(-1);
    if (previous) previous.text = `${previous.text} ${line}`;
    else lines.push({ level: 0, text: line });
  }
  return lines;
}
