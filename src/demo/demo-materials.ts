/**
 * The demo round's agenda materials: a small file (a one-page PDF written
 * next to the demo's other files, so the demo needs nothing from outside)
 * and a link. Both are illustrative and say so.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Material } from '../core/model.ts';

/** The file's name as members receive it. */
const FILE_NAME = 'demo-agenda-material.pdf';

/**
 * A valid one-page PDF saying what it is, in ASCII (the PDF base fonts have
 * no Hangul; a real round attaches the department's own document). The
 * cross-reference offsets are computed, so readers open it without repair.
 */
function onePagePdf(): Buffer {
  const text = 'jamun demo - illustrative agenda material (not a real document)';
  const stream = `BT /F1 12 Tf 56 780 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  for (const [i, object] of objects.entries()) {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  }
  const xref = body.length;
  const rows = offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${rows}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** Writes the demo's file into `outDir` and returns the round's materials: the file for the whole round, a link for item 2. */
export function writeDemoMaterials(outDir: string): Material[] {
  const file = path.resolve(outDir, FILE_NAME);
  const bytes = onePagePdf();
  writeFileSync(file, bytes);
  return [
    {
      kind: 'file',
      title: '안건 설명자료(예시)',
      name: FILE_NAME,
      path: file,
      size: bytes.length,
      fileKind: 'pdf',
      mimeType: 'application/pdf',
    },
    { kind: 'link', itemId: '2', title: '서울특별시 누리집(예시 링크)', url: 'https://www.seoul.go.kr/' },
  ];
}
