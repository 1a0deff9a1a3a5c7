import { Command } from 'commander';
import { createContext, resolveDataDir, type CliContext } from './context.js';
import { registerFactorCommands } from './commands/factors.command.js';

/** Builds the command tree. `contextFor` lets tests give commands their own data folder and output. */
export function buildProgram(contextFor: (dataDir: string) => CliContext = createContext): Command {
  const program = new Command('carbonbase')
    .description('carbonbase — 工业碳基础数据库 open industrial carbon base database')
    .version('0.1.0')
    .option('--data <dir>', '数据目录 data folder (default: $CARBONBASE_DATA or ~/.carbonbase)')
    .showHelpAfterError();
  let ctx: CliContext | undefined;
  // Commands register against a lazily created context so that --data, parsed later, still applies.
  const lazy: CliContext = {
    get dataDir() {
      return current().dataDir;
    },
    loadFactorBase: () => current().loadFactorBase(),
    out: (t) => current().out(t),
    err: (t) => current().err(t),
  };
  function current(): CliContext {
    ctx ??= contextFor(resolveDataDir(program.opts<{ data?: string }>().data));
    return ctx;
  }
  registerFactorCommands(program, lazy);
  return program;
}
