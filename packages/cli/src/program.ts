import { Command } from 'commander';
import { createContext, resolveDataDir, type CliContext } from './context.js';
import { registerAccountCommands } from './commands/account.command.js';
import { registerAnalyseCommand } from './commands/analyse.command.js';
import { registerPathwayCommands } from './commands/pathway.command.js';
import { registerCbamCommand } from './commands/cbam.command.js';
import { registerFactorCommands } from './commands/factors.command.js';
import { registerFootprintCommand } from './commands/footprint.command.js';
import { registerPactCommands } from './commands/pact.command.js';
import { registerPlanningCommands } from './commands/planning.command.js';
import { registerServeCommand } from './commands/serve.command.js';
import { registerStoreCommands } from './commands/store.command.js';
import { registerTemplateCommand } from './commands/template.command.js';

export interface ProgramOptions {
  /** Gives commands their data folder and output; tests pass their own. */
  readonly contextFor?: (dataDir: string) => CliContext;
  /** Throw instead of exiting the process on usage errors (tests), and where to write help. */
  readonly embedded?: {
    readonly writeOut: (t: string) => void;
    readonly writeErr: (t: string) => void;
  };
}

/** Builds the command tree. */
export function buildProgram({
  contextFor = createContext,
  embedded,
}: ProgramOptions = {}): Command {
  const program = new Command('carbonbase')
    .description('carbonbase — 工业碳基础数据库 open industrial carbon base database')
    .version('0.1.0')
    .option('--data <dir>', '数据目录 data folder (default: $CARBONBASE_DATA or ~/.carbonbase)')
    .showHelpAfterError();
  // Set before the subcommands are added: commander copies these settings into each of them.
  if (embedded) program.exitOverride().configureOutput(embedded);
  let ctx: CliContext | undefined;
  // Commands register against a lazily created context so that --data, parsed later, still applies.
  const lazy: CliContext = {
    get dataDir() {
      return current().dataDir;
    },
    loadFactorBase: () => current().loadFactorBase(),
    openStore: () => current().openStore(),
    closeStore: () => ctx?.closeStore() ?? Promise.resolve(),
    out: (t) => current().out(t),
    err: (t) => current().err(t),
  };
  function current(): CliContext {
    ctx ??= contextFor(resolveDataDir(program.opts<{ data?: string }>().data));
    return ctx;
  }
  registerFactorCommands(program, lazy);
  registerAccountCommands(program, lazy);
  registerCbamCommand(program, lazy);
  registerFootprintCommand(program, lazy);
  registerPactCommands(program, lazy);
  registerTemplateCommand(program, lazy);
  registerStoreCommands(program, lazy);
  registerServeCommand(program, lazy);
  registerAnalyseCommand(program, lazy);
  registerPlanningCommands(program, lazy);
  registerPathwayCommands(program, lazy);
  return program;
}
