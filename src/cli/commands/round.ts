import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { ExportFormat, StaffCommand, StaffVerb } from '../../core/app/inbound.ts';
import type { Output } from '../context.ts';

/** Runs one staff verb as the operator and prints the reply. */
async function runVerb(
  output: Output,
  setExit: (code: number) => void,
  command: StaffCommand,
  opts: { config?: string; out?: string },
): Promise<void> {
  const { openApp } = await import('../open-app.ts');
  const opened = await openApp(output, opts.config ? { configDir: opts.config } : {});
  if (!opened) return setExit(1);
  try {
    const reply = await opened.app.runAsOperator(command);
    output.out(reply.text);
    for (const file of reply.files ?? []) {
      const target = opts.out ?? file.name;
      writeFileSync(target, file.content);
      output.out(`→ ${target}`);
    }
    if (command.verb === 'open' || command.verb === 'remind') {
      output.out('Messages go out from the running bot (`jamun start`), which picks up this work on its next tick.');
    }
  } finally {
    await opened.close();
  }
}

const ROUND_VERBS: Array<{ verb: StaffVerb; description: string }> = [
  { verb: 'show', description: 'Show a round: window, status, agenda.' },
  { verb: 'open', description: 'Open a round: invite every active member (sent by the running bot).' },
  { verb: 'status', description: 'Delivery and submission counts, who has not submitted.' },
  { verb: 'remind', description: 'Remind everyone who has not submitted, now.' },
  { verb: 'close', description: 'Close a round now and queue its summary.' },
  { verb: 'cancel', description: 'Cancel a round: nothing more is sent.' },
  {
    verb: 'summary',
    description:
      'Compile the summary now and write it as Markdown (the running bot posts it to the staff channel when the round closes).',
  },
];

export function roundCommand(program: Command, output: Output, setExit: (code: number) => void): void {
  const round = program
    .command('round')
    .description('Staff verbs, the same as the chat commands, run as the operator.')
    .option('--config <dir>', 'configuration directory (default: JAMUN_CONFIG_DIR or config)');
  const opts = () => round.opts<{ config?: string }>();
  round
    .command('list')
    .description('All rounds, configured and stored, with their status.')
    .action(() => runVerb(output, setExit, { verb: 'list' }, opts()));
  for (const { verb, description } of ROUND_VERBS) {
    round
      .command(verb)
      .description(description)
      .argument(verb === 'status' ? '[roundId]' : '<roundId>')
      .action((roundId?: string) => runVerb(output, setExit, roundId ? { verb, roundId } : { verb }, opts()));
  }
  round
    .command('extend')
    .description('Move the deadline later (local time of the committee); reminders are planned again.')
    .argument('<roundId>')
    .argument('<until...>', 'YYYY-MM-DD [HH:mm] (date alone means 18:00)')
    .action((roundId: string, until: string[]) =>
      runVerb(output, setExit, { verb: 'extend', roundId, until: until.join(' ') }, opts()),
    );
  round
    .command('export')
    .description('Write the compiled results as a file.')
    .argument('<roundId>')
    .option('--format <format>', 'csv (UTF-8 with BOM, opens in Excel), md or json', 'md')
    .option('--out <file>', 'file to write (default jamun-ROUND.FORMAT)')
    .action((roundId: string, o: { format: string; out?: string }) => {
      if (!['csv', 'md', 'json'].includes(o.format)) {
        output.err('--format must be csv, md or json');
        return setExit(2);
      }
      return runVerb(
        output,
        setExit,
        { verb: 'export', roundId, format: o.format as ExportFormat },
        { ...opts(), ...(o.out ? { out: o.out } : {}) },
      );
    });
}
