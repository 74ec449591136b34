/**
 * Measures answer saves per second on a SQLite file (target: > 2,000/s).
 * Not a test: run `npx tsx tests/adapters/prisma/bench-save-answers.ts [count]`.
 * Each `saveAnswers` call saves one answer, as a member typing in a DM does.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPrismaStore } from '../../../src/adapters/prisma/prisma-store.ts';
import { sampleRound } from '../../core/store-contract.ts';

const count = Number(process.argv[2] ?? 10_000);
const folder = mkdtempSync(join(tmpdir(), 'jamun-bench-'));
try {
  const store = await createPrismaStore(`file:${join(folder, 'bench.db')}`);
  const round = sampleRound();
  await store.createRound(round);
  const members = Array.from({ length: 50 }, (_, i) => `m${i}`);
  await store.createInvitations(
    members.map((memberId) => ({ roundId: round.id, memberId, deliveryState: 'delivered', late: false })),
  );
  const questions = ['1.1', '1.2', '2.1'];
  const start = performance.now();
  for (let i = 0; i < count; i += 1) {
    const memberId = members[i % members.length]!;
    const questionId = questions[i % questions.length]!;
    await store.saveAnswers(
      round.id,
      memberId,
      [{ questionId, value: { kind: 'text', text: `의견 ${i}` } }],
      new Date(),
    );
  }
  const seconds = (performance.now() - start) / 1000;
  console.log(`${count} saves in ${seconds.toFixed(2)} s = ${Math.round(count / seconds)} saves/s`);
  await store.close();
} finally {
  rmSync(folder, { recursive: true, force: true });
}
