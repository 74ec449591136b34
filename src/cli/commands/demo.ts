import path from 'node:path';
import type { Command } from 'commander';
import { EXIT, type ExitCode } from '../exit-codes.ts';
import { configuration, type Output } from '../context.ts';

export function demoCommand(program: Command, output: Output, setExit: (code: ExitCode) => void): void {
  program
    .command('demo')
    .description('Replay the example round (config/rounds/2024-1.yaml) on a simulated clock, locally, in seconds.')
    .option('--config <dir>', 'configuration directory', 'config')
    .option('--out <dir>', 'where the demo database and exports go', path.join('data', 'demo'))
    .action(async (opts: { config: string; out: string }) => {
      const config = configuration(output, opts.config);
      if (!config) return setExit(EXIT.config);
      const { runDemo } = await import('../../demo/run-demo.ts');
      await runDemo({ config, outDir: opts.out, output });
    });
}
