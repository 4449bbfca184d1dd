// Checks an AsyncAPI document the way AsyncAPI tooling reads it: the parser validates it against the AsyncAPI
// specification's schema, resolves its $refs (the message schemas beside it), and applies its own rules. Any
// diagnostic of severity error fails; warnings are printed. Usage: node validate-asyncapi.mjs DOCUMENT
import fs from "node:fs";
import path from "node:path";
import { Parser, fromFile, DiagnosticSeverity } from "@asyncapi/parser";

const file = process.argv[2];
if (!file || !fs.existsSync(file)) {
  console.error("usage: node validate-asyncapi.mjs DOCUMENT (an AsyncAPI YAML or JSON file)");
  process.exit(64);
}

const parser = new Parser();
const { document, diagnostics } = await fromFile(parser, path.resolve(file)).parse();
const name = (s) => Object.keys(DiagnosticSeverity).find((k) => DiagnosticSeverity[k] === s) ?? String(s);
for (const d of diagnostics.filter((d) => d.severity <= DiagnosticSeverity.Warning)) {
  console.log(`${name(d.severity)} ${d.code} at ${d.path.join(".") || "(document)"}: ${d.message}`);
}
const errors = diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error);
if (!document || errors.length > 0) {
  console.error(`${file}: ${errors.length} error(s); the document is not valid AsyncAPI.`);
  process.exit(1);
}
const messages = document.allMessages().all().map((m) => m.id());
console.log(`${file}: valid AsyncAPI ${document.version()}, ${document.channels().length} channel(s), ${messages.length} message(s): ${messages.join(", ")}`);
