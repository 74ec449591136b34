/**
 * A process for the cross-process claim test: opens the store on a URL,
 * waits until its peer has opened it too (a barrier through the outbox),
 * then claims jobs one at a time until none are due, claims outbox keys
 * `send-0..n-1`, and prints what it got as JSON.
 *
 * Usage: claim-worker <url> <dueIso> <outboxCount> <self 0|1>
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { createPrismaStore } from '../../../src/adapters/prisma/prisma-store.ts';

const [url, dueIso, outboxCount, self] = process.argv.slice(2);
if (!url || !dueIso || !outboxCount || !self)
  throw new Error('usage: claim-worker <url> <dueIso> <outboxCount> <self>');
const store = await createPrismaStore(url);
const due = new Date(dueIso);
await store.claimOutbox(`ready-${self}`, 'local', due);
const deadline = Date.now() + 15_000;
while ((await store.getOutbox(`ready-${self === '0' ? '1' : '0'}`)) === null) {
  if (Date.now() > deadline) throw new Error('the peer process never opened the store');
  await sleep(5);
}
const jobs: string[] = [];
for (;;) {
  const batch = await store.claimDueJobs(due, 1, 60_000);
  if (batch.length === 0) break;
  jobs.push(...batch.map((job) => job.key));
}
const outbox: string[] = [];
for (let i = 0; i < Number(outboxCount); i += 1) {
  if ((await store.claimOutbox(`send-${i}`, 'discord', due)) === null) outbox.push(`send-${i}`);
}
await store.close();
process.stdout.write(JSON.stringify({ jobs, outbox }));
