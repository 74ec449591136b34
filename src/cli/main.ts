/**
 * The `jamun` command line. Every command has `--help`. Results go to stdout;
 * problems go to stderr, one line each, with a documented exit code
 * (`exit-codes.ts`): never a stack trace unless JAMUN_DEBUG=1.
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
import { CliFailure, EXIT, type ExitCode } from './exit-codes.ts';
import { jamunVersion } from './version.ts';

function buildProgram(output: Output, setExit: (code: ExitCode) => void): Command {
  const program = new Command('jamun')
    .description('jamun (자문): runs written consultations of advisory committees over Discord and Slack.')
    .version(jamunVersion(), '-V, --version', 'print the version of jamun')
    .showHelpAfterError('(add --help for the usage)')
    .configureOutput({ writeOut: (s) => output.out(s.trimEnd()), writeErr: (s) => output.err(s.trimEnd()) })
    // Not --env-file: Node takes that flag as its own even after the script (the tsx loader's worker exits 9).
    .option('--env <file>', 'read environment variables from this file (default: .env here, if present)')
    .exitOverride();
  // Before any command reads the environment; variables set in the real environment win over the file.
  program.hook('preAction', async () => {
    const { loadEnvFile } = await import('../config/env.ts');
    const problem = loadEnvFile(program.opts<{ env?: string }>().env);
    if (problem) throw new CliFailure(EXIT.config, problem);
  });
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
  let code: ExitCode = EXIT.ok;
  const program = buildProgram(output, (c) => {
    code = c;
  });
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError)
      return error.exitCode === 0 || error.code === 'commander.helpDisplayed' || error.code === 'commander.version'
        ? EXIT.ok
        : EXIT.usage;
    if (error instanceof CliFailure) {
      output.err(error.message);
      return error.exitCode;
    }
    output.err(`jamun: unexpected error: ${firstLine(error)}`);
    const { debugRequested } = await import('../config/env.ts');
    if (debugRequested() && error instanceof Error && error.stack) output.err(error.stack);
    else output.err('(run again with JAMUN_DEBUG=1 to see where it happened, and report it)');
    return EXIT.internal;
  }
  return code;
}

/** The first line of an error's message: library errors can carry pages of detail. */
function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n').find((line) => line.trim() !== '') ?? text;
}
