/**
 * The `jamun` command line. Every command has `--help`; problems go to
 * stderr with a non-zero exit code.
 */
import { Command, CommanderError } from 'commander';
import { calendarCommand } from './commands/calendar.ts';
import { configCheckCommand } from './commands/config-check.ts';
import { dbCommand } from './commands/db.ts';
import { demoCommand } from './commands/demo.ts';
import { roundCommand } from './commands/round.ts';
import { startCommand } from './commands/start.ts';
import { discordCommand } from './commands/discord.ts';
import { consoleOutput, type Output } from './context.ts';

/** Exit code of a run: 0 on success. */
export type ExitCode = number;

function buildProgram(output: Output, setExit: (code: ExitCode) => void): Command {
  const program = new Command('jamun')
    .description('jamun (자문): runs written consultations of advisory committees over Discord and Slack.')
    .showHelpAfterError('(add --help for the usage)')
    .configureOutput({ writeOut: (s) => output.out(s.trimEnd()), writeErr: (s) => output.err(s.trimEnd()) })
    .exitOverride();
  program.addHelpText(
    'after',
    '\nStart with `jamun demo` (no credentials needed). Configuration lives in config/ (see README).',
  );
  demoCommand(program, output, setExit);
  startCommand(program, output, setExit);
  configCheckCommand(program, output, setExit);
  dbCommand(program, output, setExit);
  calendarCommand(program, output, setExit);
  roundCommand(program, output, setExit);
  discordCommand(program, output, setExit);
  return program;
}

/** Runs the CLI and returns the exit code. */
export async function main(argv: string[], output: Output = consoleOutput): Promise<ExitCode> {
  let code: ExitCode = 0;
  const program = buildProgram(output, (c) => {
    code = c;
  });
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError)
      return error.exitCode === 0 || error.code === 'commander.helpDisplayed' || error.code === 'commander.version'
        ? 0
        : 2;
    output.err(`jamun: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
  return code;
}
