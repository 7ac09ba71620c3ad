// Validates a Teams app manifest against the official JSON schema bundled in @microsoft/app-manifest (offline).
//   node manifest/validate.mjs path/to/manifest.json
// Prints each schema error and exits 1, or prints "valid" and exits 0.
import { readFileSync, existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const { AppManifestUtils, ManifestUtil } = require("@microsoft/app-manifest");

const file = process.argv[2];
if (!file) {
  console.error("usage: node manifest/validate.mjs MANIFEST.json");
  process.exit(2);
}

const manifest = JSON.parse(readFileSync(file, "utf8"));
const errors = await AppManifestUtils.validateAgainstSchema(manifest);
// Each language file named in localizationInfo, against the Localization schema of the same version (bundled).
const localizationSchema = JSON.parse(readFileSync(join(dirname(require.resolve("@microsoft/app-manifest")),
  "json-schemas", "teams", `v${manifest.manifestVersion}`, "MicrosoftTeams.Localization.schema.json"), "utf8")
  // The published schema's activityTypes pattern has an unescaped "]" that a Unicode-mode RegExp rejects; escape it.
  .replace(/\\\\b\]/g, "\\\\b\\\\]"));
for (const { file: name } of manifest.localizationInfo?.additionalLanguages ?? []) {
  const path = join(dirname(file), name);
  if (!existsSync(path)) { errors.push(`localizationInfo: ${name} is missing`); continue; }
  const strings = JSON.parse(readFileSync(path, "utf8"));
  for (const e of await ManifestUtil.validateManifestAgainstSchema(strings, localizationSchema)) errors.push(`${name}: ${e}`);
}
if (errors.length > 0) {
  for (const e of errors) console.error(e);
  process.exit(1);
}
console.log(`valid against manifest schema v${manifest.manifestVersion}`);
