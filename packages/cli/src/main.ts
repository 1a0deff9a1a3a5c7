import { createContext, type CliContext } from './context.js';
import { buildProgram } from './program.js';

let ctx: CliContext | undefined;
try {
  await buildProgram({ contextFor: (dir) => (ctx = createContext(dir)) }).parseAsync(process.argv);
} catch (e) {
  process.stderr.write(`错误 error: ${(e as Error).message}\n`);
  process.exitCode = 1;
} finally {
  // the store a command opened; `serve` opens its own and keeps it until it stops
  await ctx?.closeStore();
}
