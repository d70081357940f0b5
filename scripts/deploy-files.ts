/**
 * Writes the host files for a build: node scripts/deploy-files.ts [dist] [--nginx <file>] [--root <dir>] [--listen <value>] [--server-name <name>]
 * `npm run build` runs this step itself; run it by hand to make the nginx block for a server's paths.
 * Exits 1, writing nothing, when a redirect in src/site.config.ts is broken against the build.
 */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import {
  type DeployFiles,
  formatProblem,
  nginxConfigPath,
  planDeployFiles,
  writeHostFiles,
  writeNginxConfig,
} from "../src/lib/deploy/deploy-files.ts";
import { thirdPartyOrigins } from "../src/lib/deploy/headers.ts";
import { site } from "../src/site.config.ts";
import { parseCommandLine } from "./lib/cli.ts";

const USAGE = `Usage: node scripts/deploy-files.ts [dist] [--nginx <file>] [--root <dir>] [--listen <value>] [--server-name <name>]

  dist           the built site (default: dist); _headers and _redirects are written into it
  --nginx        where to write the nginx server block (default: deploy-out/<dist>.nginx.conf beside dist)
  --root         the folder nginx serves the build from (default: dist's own path)
  --listen       nginx's listen value, such as 80 or 127.0.0.1:8080 (default: 8080)
  --server-name  nginx's server_name (default: _)

The base path and the redirects come from src/site.config.ts (SITE_BASE, default "/").`;

function main(): number {
  const parsed = parseCommandLine(
    USAGE,
    {
      nginx: { type: "string" },
      root: { type: "string" },
      listen: { type: "string", default: "8080" },
      "server-name": { type: "string", default: "_" },
    },
    { min: 0, max: 1, name: "build folder" },
  );
  if (typeof parsed === "number") return parsed;
  const { values, positionals } = parsed;
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
      thirdParty: thirdPartyOrigins(site),
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
