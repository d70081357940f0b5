/**
 * Writes the host files for a build: node scripts/deploy-files.ts [dist] [--nginx <file>] [--root <dir>] [--listen <value>] [--server-name <name>]
 * `npm run build` runs this step itself; run it by hand to make the nginx block for a server's paths.
 * Exits 1, writing nothing, when a redirect in src/site.config.ts is broken against the build.
 */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import {
  type DeployFiles,
  formatProblem,
  nginxConfigPath,
  planDeployFiles,
  writeHostFiles,
  writeNginxConfig,
} from "../src/lib/deploy/deploy-files.ts";
import { site } from "../src/site.config.ts";

const USAGE = `Usage: node scripts/deploy-files.ts [dist] [--nginx <file>] [--root <dir>] [--listen <value>] [--server-name <name>]

  dist           the built site (default: dist); _headers and _redirects are written into it
  --nginx        where to write the nginx server block (default: deploy-out/<dist>.nginx.conf beside dist)
  --root         the folder nginx serves the build from (default: dist's own path)
  --listen       nginx's listen value, such as 80 or 127.0.0.1:8080 (default: 8080)
  --server-name  nginx's server_name (default: _)

The base path and the redirects come from src/site.config.ts (SITE_BASE, default "/").`;

/** Reads the command line; throws on unknown options or missing values. */
const parseCommandLine = () =>
  parseArgs({
    allowPositionals: true,
    options: {
      nginx: { type: "string" },
      root: { type: "string" },
      listen: { type: "string", default: "8080" },
      "server-name": { type: "string", default: "_" },
      help: { type: "boolean", short: "h", default: false },
    },
  });

function main(): number {
  let parsed: ReturnType<typeof parseCommandLine>;
  try {
    parsed = parseCommandLine();
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (positionals.length > 1) {
    console.error(`Expected at most one build folder, got ${positionals.length}.\n\n${USAGE}`);
    return 2;
  }
  const dist = positionals[0] ?? "dist";
  if (!existsSync(dist)) {
    console.error(`No build at ${dist}: run \`npm run build\` first.`);
    return 2;
  }

  let files: DeployFiles;
  try {
    files = planDeployFiles({
      dist,
      base: site.base,
      redirects: site.redirects,
      nginx: { root: resolve(values.root ?? dist), listen: values.listen, serverName: values["server-name"] },
    });
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    return 1;
  }
  for (const problem of files.problems) console.error(formatProblem(problem));
  if (files.problems.some((problem) => problem.severity === "error")) {
    console.error(`Redirects in src/site.config.ts are broken against ${dist}; no deploy files written.`);
    return 1;
  }
  const nginx = values.nginx ?? nginxConfigPath(dist);
  writeHostFiles(dist, files);
  writeNginxConfig(nginx, files);
  console.log(`Wrote ${dist}/_headers, ${dist}/_redirects and ${nginx}.`);
  return 0;
}

process.exitCode = main();
