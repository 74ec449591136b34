/**
 * The Hangul font of the PDF report: Pretendard GOV (SIL Open Font License
 * 1.1), shipped in the `pretendard-gov` npm package so the demo needs only
 * Node and npm. The DOCX and XLSX name fonts instead of embedding them (see
 * `DOCUMENT_FONT`).
 */
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

/** The TrueType files of the regular and bold weights. */
export function reportFontFiles(): { regular: string; bold: string } {
  const dir = path.join(path.dirname(require.resolve('pretendard-gov/package.json')), 'dist/public/static/alternative');
  return { regular: path.join(dir, 'PretendardGOV-Regular.ttf'), bold: path.join(dir, 'PretendardGOV-Bold.ttf') };
}

/**
 * The font DOCX and XLSX name: 맑은 고딕 ships with Windows and with 한컴오피스,
 * and LibreOffice substitutes a Hangul font for it.
 */
export const DOCUMENT_FONT = { latin: 'Malgun Gothic', eastAsia: '맑은 고딕' } as const;
