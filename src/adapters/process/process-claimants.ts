/**
 * Claimants of this machine's processes: an id `host:pid:nonce` per start.
 * A claim made on this host by a process id that no longer runs, or by this
 * very process id under another nonce (a restart that got the same pid, as
 * pid 1 in a container does), belongs to a process that is gone. Claims from
 * other hosts are left to their lease.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Claimants } from '../../core/ports/claimants.ts';

export function processClaimants(): Claimants {
  const host = hostname();
  const self = `${host}:${process.pid}:${randomUUID().slice(0, 8)}`;
  return {
    self,
    isGone(claimant) {
      const match = /^(.*):(\d+):([^:]+)$/.exec(claimant);
      if (!match || match[1] !== host) return false;
      const pid = Number(match[2]);
      if (pid === process.pid) return claimant !== self;
      return !processRuns(pid);
    },
  };
}

/** Whether a process with this id runs on this host (signal 0 checks without signalling). */
function processRuns(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
