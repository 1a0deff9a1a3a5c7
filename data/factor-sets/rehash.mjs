#!/usr/bin/env node
// Rewrites the `files[].sha256` of every factor-set manifest below this folder (or below the
// folders given as arguments) to the SHA-256 of the data file's bytes. Run after editing a CSV:
//
//   node data/factor-sets/rehash.mjs            # all bundled sets
//   node data/factor-sets/rehash.mjs --check    # report mismatches, change nothing (exit 1 if any)
//
// Plain Node, no dependencies. The manifest is rewritten as 2-space JSON with a final newline.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const check = args.includes('--check');
const roots = args.filter((a) => a !== '--check');

function manifestsBelow(dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...manifestsBelow(p));
    else if (name === 'manifest.json') out.push(p);
  }
  return out;
}

let changed = 0;
let mismatched = 0;
for (const root of roots.length ? roots : [here]) {
  for (const path of manifestsBelow(root)) {
    const manifest = JSON.parse(readFileSync(path, 'utf8'));
    let dirty = false;
    for (const f of manifest.files ?? []) {
      const hash = createHash('sha256')
        .update(readFileSync(join(dirname(path), f.path)))
        .digest('hex');
      if (f.sha256 !== hash) {
        mismatched++;
        console.log(`${relative(process.cwd(), join(dirname(path), f.path))}: ${hash}`);
        f.sha256 = hash;
        dirty = true;
      }
    }
    if (dirty && !check) {
      writeFileSync(path, JSON.stringify(manifest, null, 2) + '\n');
      changed++;
    }
  }
}
if (check) {
  console.log(mismatched ? `${mismatched} checksum(s) out of date` : 'all checksums match');
  process.exitCode = mismatched ? 1 : 0;
} else {
  console.log(`${changed} manifest(s) updated`);
}
