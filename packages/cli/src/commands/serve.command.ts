import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { InvalidArgumentError, type Command } from 'commander';
import { buildServer } from '@carbonbase/api';
import type { CliContext } from '../context.js';

/** The built web app, beside the CLI in the workspace (packages/web/dist). */
const WEB_DIST = fileURLToPath(new URL('../../../web/dist/', import.meta.url));

function parsePort(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('端口 0–65535');
  return n;
}

export function registerServeCommand(program: Command, ctx: CliContext): void {
  program
    .command('serve')
    .description('启动 API 与网页 start the HTTP API and the web dashboard')
    .option('--port <port>', '端口 port', parsePort, 3000)
    .option('--host <host>', '监听地址 address to listen on', '127.0.0.1')
    .action(async (o: { port: number; host: string }) => {
      const base = await ctx.loadFactorBase();
      const web = existsSync(WEB_DIST) ? { dir: WEB_DIST } : undefined;
      const app = buildServer({
        factors: { factorBase: () => Promise.resolve(base) },
        ...(web && { web }),
      });
      const address = await app.listen({ port: o.port, host: o.host });
      ctx.out(`carbonbase 已启动 running at ${address}`);
      ctx.out(
        `  网页 web:  ${web ? `${address}/` : '(未构建 not built: npm run build -w @carbonbase/web)'}`,
      );
      ctx.out(`  接口 API:  ${address}/api/v1/factors   文档 docs: ${address}/docs`);
      ctx.out(`  数据目录 data: ${ctx.dataDir}   按 Ctrl+C 停止 press Ctrl+C to stop`);
      const stop = () => void app.close().then(() => process.exit(0));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}
