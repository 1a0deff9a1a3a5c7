// Run by killed-import.test.ts in a child process, on the BUILT packages (as the CLI and the
// server run): seeds a tenant with one enterprise and a clerk, then imports the activity file
// given and kills itself with SIGKILL once half of its rows are written, inside the import's
// transaction. Arguments: a JSON object {tenantId, file, year, dataDir | databaseUrl + schema}.
import { writeSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { importActivityFile, login, provisionUser } from '../dist/index.js';
import { openStore } from '../../store/dist/index.js';

const args = JSON.parse(process.argv[2]);
const store = await openStore(
  args.databaseUrl
    ? { databaseUrl: args.databaseUrl, schema: args.schema }
    : { dataDir: args.dataDir },
);
const o = store.organisations;
await o.createTenant(args.tenantId, 'killed import');
const region = await o.createRegion(args.tenantId, { code: 'CN-GX', name: '广西' });
const enterprise = await o.createEnterprise(args.tenantId, {
  code: 'K1',
  name: '企业 K1',
  regionId: region.id,
});
await provisionUser(store, args.tenantId, {
  login: 'clerk',
  displayName: 'clerk',
  password: 'killed import password',
  roles: [{ role: 'data-clerk', enterpriseId: enterprise.id }],
});
const { actor } = await login(store, args.tenantId, 'clerk', 'killed import password');
console.log(JSON.stringify({ seeded: enterprise.id }));

const bytes = new Uint8Array(await readFile(args.file));
await importActivityFile(
  store,
  actor,
  enterprise.id,
  { name: 'killed.xlsx', bytes },
  {
    year: args.year,
    onProgress: (done, total) => {
      if (done * 2 < total) return;
      // the rows so far are written in the open transaction; die without a chance to roll back
      writeSync(1, `${JSON.stringify({ killedAt: done, of: total })}\n`);
      process.kill(process.pid, 'SIGKILL');
    },
  },
);
console.log(JSON.stringify({ finished: true }));
