/**
 * The official holiday lists jamun ships, one data file per year in the shape
 * of the 특일 정보 service (see data/ and the provenance block of each file).
 * Parsed and validated on first use, not at import time.
 */
import kr2024 from './data/kr-2024.json' with { type: 'json' };
import kr2025 from './data/kr-2025.json' with { type: 'json' };
import kr2026 from './data/kr-2026.json' with { type: 'json' };
import kr2027 from './data/kr-2027.json' with { type: 'json' };
import kr2028 from './data/kr-2028.json' with { type: 'json' };
import type { OfficialYear } from './official-list.ts';
import { parseHolidayFile } from './parse-holiday-file.ts';

const SHIPPED: ReadonlyArray<{ file: string; content: unknown }> = [
  { file: 'kr-2024.json', content: kr2024 },
  { file: 'kr-2025.json', content: kr2025 },
  { file: 'kr-2026.json', content: kr2026 },
  { file: 'kr-2027.json', content: kr2027 },
  { file: 'kr-2028.json', content: kr2028 },
];

let parsed: OfficialYear[] | undefined;

/**
 * The shipped official years.
 * @throws Error when a shipped file is malformed (a defect of the release, caught by the tests).
 */
export function shippedOfficialYears(): readonly OfficialYear[] {
  if (parsed) return parsed;
  const years: OfficialYear[] = [];
  for (const { file, content } of SHIPPED) {
    const source = `jamun data file ${file} (transcribed by hand from the published list; see its _provenance)`;
    const result = parseHolidayFile(JSON.stringify(content), { country: 'KR', source });
    if (!result.ok) throw new Error(`Shipped holiday file ${file} is malformed: ${JSON.stringify(result.problems)}`);
    years.push(...result.years);
  }
  parsed = years;
  return parsed;
}
