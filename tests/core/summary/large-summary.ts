/**
 * A large round's compiled summary (members × questions, answers of mixed
 * length) with its real export files, for the digest and upload-limit tests.
 */
import { exportFile } from '../../../src/core/app/summary-service.ts';
import type { OutgoingFile } from '../../../src/core/ports/messenger.ts';
import type { CompiledSummary, SummaryItem } from '../../../src/core/summary-model.ts';
import { contractSummary } from '../messenger-contract.ts';

/** Every fourth answer is short (inline material), the rest `longChars` characters. */
export function largeSummary(members: number, questions: number, longChars: number): CompiledSummary {
  const names = Array.from({ length: members }, (_, i) => `위원${String(i).padStart(4, '0')}`);
  const items: SummaryItem[] = [0, 1].map((itemIndex) => ({
    id: String(itemIndex + 1),
    title: `안건 ${itemIndex + 1}`,
    questions: Array.from({ length: questions / 2 }, (_, q) => ({
      id: `${itemIndex + 1}.${q + 1}`,
      prompt: `질문 ${itemIndex + 1}.${q + 1}에 대한 위원님의 의견을 적어 주시기 바랍니다`,
      kind: 'long_text' as const,
      answers: names.map((author, m) => ({
        author,
        text:
          m % 4 === 0 ? `${author}의 짧은 의견` : `${author}의 의견, "인용"과 쉼표,\n둘째 줄 `.padEnd(longChars, '가'),
        late: m % 50 === 0,
      })),
    })),
  }));
  const submitted = names.slice(0, Math.floor(members * 0.8));
  return {
    ...contractSummary(),
    roundId: 'large-1',
    participation: {
      invited: members,
      submitted: submitted.length,
      declined: 0,
      late: 0,
      notSubmitted: names.slice(submitted.length),
      declinedBy: [],
      unreachable: [{ name: names[members - 1] ?? '', reason: 'uncertain' }],
    },
    honorarium: {
      rate: 100000,
      currency: 'KRW',
      recipients: submitted,
      count: submitted.length,
      total: 100000 * submitted.length,
    },
    items,
  };
}

/** The Markdown and CSV files the production path attaches. */
export function summaryFiles(summary: CompiledSummary): OutgoingFile[] {
  return [exportFile(summary, 'md'), exportFile(summary, 'csv')];
}
