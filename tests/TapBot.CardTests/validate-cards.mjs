// Validates Adaptive Cards with the official adaptivecards library (the renderer Teams builds on), at schema 1.5:
//   node tests/TapBot.CardTests/validate-cards.mjs [--json] CARD.json|FOLDER ...
// A card passes when it is an AdaptiveCard at version "1.5", the library reports no parse or validation event and
// knows every property, every Action.Execute has a verb, and it is under 28 KB as compact UTF-8 JSON (what goes over
// the wire). Prints one line a card ("ok" or "FAIL" and the problems), or a JSON array with --json; exits 1 when any
// card fails.
import { readFileSync, readdirSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, join } from "node:path";

const require = createRequire(import.meta.url);
// The package's "main" (lib/adaptivecards.js) is ES modules without file extensions, which Node cannot load; the
// bundle in dist/ works in Node and needs no DOM for parsing and validation.
const AC = require("adaptivecards/dist/adaptivecards.js");

const Version = "1.5";
const MaxBytes = 28 * 1024;

function validate(card) {
  if (card === null || typeof card !== "object" || Array.isArray(card)) return ["not a JSON object"];
  const problems = [];
  if (card.type !== "AdaptiveCard") problems.push(`type is ${JSON.stringify(card.type)}, not "AdaptiveCard"`);
  // The library accepts a missing version and any version up to its newest (1.6) at a 1.5 context without a word.
  if (card.version !== Version) problems.push(`version is ${JSON.stringify(card.version)}, not "${Version}"`);

  const context = new AC.SerializationContext(AC.Versions.v1_5);
  // The library drops properties it does not know without an event (a typo, or one newer than 1.5 that it knows
  // nothing about): every parsed element and action is compared with the properties the library read.
  context.onParseElement = (element, source) => unknownProperties(element, source, label(source), problems);
  context.onParseAction = (action, source) => unknownProperties(action, source, label(source), problems);
  const parsed = new AC.AdaptiveCard();
  parsed.parse(card, context);
  // "msteams" (width, mentions) is Teams' own extension of the card, unknown to the library.
  const { msteams, ...rest } = card;
  unknownProperties(parsed, rest, "AdaptiveCard", problems);
  for (let i = 0; i < context.eventCount; i++) problems.push(describe(context.getEventAt(i)));
  for (const event of parsed.validateProperties().validationEvents) problems.push(describe(event));

  // The library does not require a verb, but Teams sends an Action.Execute to the bot only with one.
  for (const [path, action] of objects(card, "$")) {
    if (action.type === "Action.Execute" && !(typeof action.verb === "string" && action.verb.trim() !== "")) {
      problems.push(`${path}: Action.Execute without a verb`);
    }
  }

  const bytes = Buffer.byteLength(JSON.stringify(card), "utf8");
  if (bytes >= MaxBytes) problems.push(`${bytes} bytes, over the ${MaxBytes}-byte budget`);
  return problems;
}

function describe(event) {
  const phase = AC.ValidationPhase[event.phase] ?? event.phase;
  return `${phase} ${AC.ValidationEvent[event.event] ?? event.event}: ${event.message}`;
}

function label(source) {
  return `${source?.type ?? "?"}${source?.id ? `#${source.id}` : ""}`;
}

/** Properties of source that o's schema does not define (elements and actions nested in it are checked on their own). */
function unknownProperties(o, source, path, problems) {
  if (source === null || typeof source !== "object" || Array.isArray(source)) return;
  const schema = o.getSchema();
  const known = new Set(handParsed(o));
  for (let i = 0; i < schema.getCount(); i++) known.add(schema.getItemAt(i).name);
  for (const key of Object.keys(source)) {
    if (!known.has(key)) problems.push(`${path}: unknown property "${key}"`);
  }
  for (let i = 0; i < schema.getCount(); i++) {
    const property = schema.getItemAt(i);
    const value = o.getValue(property);
    const sourceValue = source[property.name];
    if (Array.isArray(value) && Array.isArray(sourceValue)) {
      value.forEach((item, j) => { if (plain(item)) unknownProperties(item, sourceValue[j], `${path}.${property.name}[${j}]`, problems); });
    } else if (plain(value)) {
      unknownProperties(value, sourceValue, `${path}.${property.name}`, problems);
    }
  }
}

/** Facts, choices, refresh, background images...: objects of the card that are neither elements nor actions. */
function plain(value) {
  return value instanceof AC.SerializableObject && !(value instanceof AC.CardElement) && !(value instanceof AC.Action);
}

/** Collections the library parses by hand, outside its property schema. */
function handParsed(o) {
  const names = ["fallback"];
  if (typeof o.getItemsCollectionPropertyName === "function") names.push(o.getItemsCollectionPropertyName());
  if (o instanceof AC.ContainerWithActions || o instanceof AC.ActionSet) names.push("actions");
  if (o instanceof AC.ColumnSet) names.push("columns");
  if (o instanceof AC.RichTextBlock) names.push("inlines");
  if (o instanceof AC.ShowCardAction) names.push("card");
  return names;
}

function* objects(node, path) {
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) yield* objects(node[i], `${path}[${i}]`);
  } else if (node !== null && typeof node === "object") {
    yield [path, node];
    for (const [key, value] of Object.entries(node)) yield* objects(value, `${path}.${key}`);
  }
}

function cardFiles(paths) {
  return paths.flatMap((p) => statSync(p).isDirectory()
    ? readdirSync(p).filter((f) => f.endsWith(".json")).sort().map((f) => join(p, f))
    : [p]);
}

const args = process.argv.slice(2);
const json = args[0] === "--json";
const files = cardFiles(json ? args.slice(1) : args);
if (files.length === 0) {
  console.error("usage: node validate-cards.mjs [--json] CARD.json|FOLDER ...");
  process.exit(2);
}
const results = files.map((file) => {
  let problems;
  try {
    problems = validate(JSON.parse(readFileSync(file, "utf8")));
  } catch (e) {
    problems = [`cannot be read: ${e.message}`];
  }
  return { file, card: basename(file, ".json"), problems };
});
if (json) {
  console.log(JSON.stringify(results, null, 2));
} else {
  for (const r of results) console.log(r.problems.length === 0 ? `ok   ${r.card}` : `FAIL ${r.card}\n${r.problems.map((p) => `  - ${p}`).join("\n")}`);
}
// Not process.exit(): it can cut off output still queued for a pipe (the tests read this through one).
process.exitCode = results.some((r) => r.problems.length > 0) ? 1 : 0;
