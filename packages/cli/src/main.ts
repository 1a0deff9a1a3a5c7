import { buildProgram } from './program.js';

try {
  await buildProgram().parseAsync(process.argv);
} catch (e) {
  process.stderr.write(`错误 error: ${(e as Error).message}\n`);
  process.exitCode = 1;
}
