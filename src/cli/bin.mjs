#!/usr/bin/env node
// Entry point of the `jamun` command: runs the TypeScript sources through tsx,
// so there is no build step between a clone and a run.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv);
