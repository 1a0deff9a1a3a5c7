export { buildProgram } from './program.js';
export type { CliContext } from './context.js';
