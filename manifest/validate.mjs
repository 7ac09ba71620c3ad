// Validates a Teams app manifest against the official JSON schema bundled in @microsoft/app-manifest (offline).
//   node manifest/validate.mjs path/to/manifest.json
// Prints each schema error and exits 1, or prints "valid" and exits 0.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const { AppManifestUtils } = require("@microsoft/app-manifest");

const file = process.argv[2];
if (!file) {
  console.error("usage: node manifest/validate.mjs MANIFEST.json");
  process.exit(2);
}

const manifest = JSON.parse(readFileSync(file, "utf8"));
const errors = await AppManifestUtils.validateAgainstSchema(manifest);
if (errors.length > 0) {
  for (const e of errors) console.error(e);
  process.exit(1);
}
console.log(`valid against manifest schema v${manifest.manifestVersion}`);
