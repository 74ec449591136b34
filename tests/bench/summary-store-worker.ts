import { createPrismaStore } from '../../src/adapters/prisma/prisma-store.ts';
import { setRuntimeFlags } from '../../src/cli/runtime-flags.mjs';
import { syntheticApp, syntheticCommittee, syntheticRound } from './synthetic-round.ts';

const [mode, databaseFile, ...sizes] = process.argv.slice(2);
const [members = 500, questions = 20, answerChars = 1500] = sizes.map(Number);
const committee = { ...syntheticCommittee(members), staffChannels: { local: 'staff-channel' } };
const def = syntheticRound(questions);
setRuntimeFlags(); // as `jamun` runs (bin.mjs)
const store = await createPrismaStore(`file:${databaseFile}`);
const { app, local } = syntheticApp(store, committee, def);

const mb = (bytes: number): number => Math.round(bytes / 1024 / 1024);

if (mode === 'fill') {
  const opened = await app.runAsOperator({ verb: 'open', roundId: def.id });
  if (opened.error) throw new Error(`open failed: ${opened.text}`);
  const ids = def.agenda.flatMap((item) => item.questions.map((q) => q.id));
  for (const member of committee.members) {
    const answers = ids.map((questionId) => ({
      questionId,
      // A distinct text per answer, with line breaks, as people write.
      value:
        `${member.id} ${questionId}\n${'지역상생 교류 사업의 성과를 평가하고 개선 방안을 제안합니다.\n'.repeat(Math.ceil(answerChars / 34))}`.slice(
          0,
          answerChars,
        ),
    }));
    const submitted = await app.submit({ platform: 'local', userId: member.platforms.local ?? '' }, def.id, answers);
    if (!submitted.ok) throw new Error(`submit of ${member.id} failed: ${submitted.error.code}`);
  }
  const closed = await app.runAsOperator({ verb: 'close', roundId: def.id });
  if (closed.error) throw new Error(`close failed: ${closed.text}`);
} else {
  const rssOpenMb = mb(process.memoryUsage().rss);
  const started = performance.now();
  const posted = await app.runAsOperator({ verb: 'summary', roundId: def.id });
  if (posted.error) throw new Error(`summary failed: ${posted.text}`);
  const ms = performance.now() - started;
  const sent = local.all().filter((m) => m.channelId === 'staff-channel');
  const files = sent.flatMap((m) => m.files);
  process.stdout.write(
    JSON.stringify({
      'summary (SQLite): members × questions × chars': `${members} × ${questions} × ${answerChars}`,
      'summary (SQLite): staff messages / files': `${sent.length} / ${files.length}`,
      'summary (SQLite): files': files.join(', '),
      'summary (SQLite): post ms': Math.round(ms),
      'summary (SQLite): RSS with the store open MB': rssOpenMb,
      peakMb: mb(process.resourceUsage().maxRSS * 1024),
    }),
  );
}
await store.close();
