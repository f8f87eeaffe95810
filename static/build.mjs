// `make assets`: compiles the GOV.UK Frontend Sass and copies its JavaScript, fonts and images into
// static/build, which Django serves (WhiteNoise) at /static/.
import { cpSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as sass from "sass";

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const govuk = join(root, "node_modules/govuk-frontend/dist/govuk");
const out = join(root, "static/build");

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const css = sass.compile(join(root, "static/scss/application.scss"), {
  importers: [new sass.NodePackageImporter()],
  style: "compressed",
  quietDeps: true,
  silenceDeprecations: ["import"],
});
writeFileSync(join(out, "application.css"), css.css);
cpSync(join(govuk, "govuk-frontend.min.js"), join(out, "govuk-frontend.min.js"));
cpSync(join(root, "static/js/application.mjs"), join(out, "application.mjs"));
cpSync(join(govuk, "assets"), join(out, "assets"), { recursive: true });
console.log(`GOV.UK Frontend assets built in ${out}`);
