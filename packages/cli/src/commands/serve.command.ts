import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { InvalidArgumentError, type Command } from 'commander';
import { buildServer } from '@carbonbase/api';
import { currentFactorSets } from '@carbonbase/app';
import { DEMO_PASSWORD, DEMO_USERS } from '@carbonbase/app/demo';
import { FactorBase } from '@carbonbase/factors';
import { openDataStore, type CliContext } from '../context.js';
import { table } from '../format.js';
import { DEFAULT_TENANT, hasDemo, initStore, renderInit } from '../operator.js';

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
    .option('--no-demo', '首次启动时不写入演示区 do not seed the demo district on first start')
    .action(async (o: { port: number; host: string; demo: boolean }) => {
      // The server owns its store for as long as it runs (not the per-command store of ctx).
      const store = await openDataStore(ctx.dataDir);
      let app: ReturnType<typeof buildServer> | undefined;
      try {
        const init = await initStore(store, { tenantId: DEFAULT_TENANT, demo: o.demo });
        for (const line of renderInit(init, DEFAULT_TENANT)) ctx.out(line);
        const web = existsSync(WEB_DIST) ? { dir: WEB_DIST } : undefined;
        let base: Promise<FactorBase> | undefined;
        app = buildServer({
          // the factor routes serve the store's factor sets, read once
          factors: {
            factorBase: () => (base ??= currentFactorSets(store).then((s) => new FactorBase(s))),
          },
          store: { store },
          ...(web && { web }),
        });
        const address = await app.listen({ port: o.port, host: o.host });
        ctx.out(`carbonbase 已启动 running at ${address}`);
        ctx.out(
          `  网页 web:  ${web ? `${address}/` : '(未构建 not built: npm run build -w @carbonbase/web)'}`,
        );
        ctx.out(`  接口 API:  ${address}/api/v1/factors   文档 docs: ${address}/docs`);
        ctx.out(`  数据 data: ${describeStore(ctx.dataDir)}   按 Ctrl+C 停止 press Ctrl+C to stop`);
        if (await hasDemo(store, DEFAULT_TENANT)) printLogins(ctx);
      } catch (e) {
        await app?.close();
        await store.close();
        throw e;
      }
      const server = app;
      const stop = () =>
        void server
          .close()
          .then(() => store.close())
          .then(() => process.exit(0));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}

const describeStore = (dataDir: string) =>
  process.env.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : `${dataDir} (PGlite)`;

function printLogins(ctx: CliContext): void {
  ctx.out(
    `演示账号 demo logins (租户 tenant: ${DEFAULT_TENANT}, 密码 password: ${DEMO_PASSWORD}):`,
  );
  ctx.out(
    table(
      ['登录名 Login', '角色 Role', '可见范围 Sees'],
      DEMO_USERS.map((u) => [u.login, u.role, u.sees]),
    ),
  );
}
