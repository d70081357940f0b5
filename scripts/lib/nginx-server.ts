import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, connect } from "node:net";
import { join, resolve } from "node:path";
import { deploySettingsOf, planDeployFiles, type DeployFiles } from "../../src/lib/deploy/deploy-files.ts";
import { site } from "../../src/site.config.ts";

const NGINX = "/usr/sbin/nginx";
const repoRoot = resolve(import.meta.dirname, "../..");
const MIME_TYPES = "/etc/nginx/mime.types";

export interface NginxSite {
  /** The site's URL, base path included. */
  url: string;
  /** What the deploy step generated for this build, the server block among it. */
  files: DeployFiles;
  stop: () => Promise<void>;
}

/** Fails with what to install, instead of a spawn error, on machines without Debian's nginx. */
function requireNginx() {
  if (!existsSync(NGINX) || !existsSync(MIME_TYPES)) {
    throw new Error(`nginx is not installed (${NGINX}, ${MIME_TYPES}): apt-get install -y nginx wrk`);
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

/**
 * The main configuration a packaged nginx would have, cut down to what the generated server block
 * needs, with every path nginx writes to inside `dir` so no root-owned file is touched.
 */
function mainConfig(dir: string, serverBlock: string): string {
  const temp = (name: string) => join(dir, "temp", name);
  return [
    "daemon off;",
    "worker_processes 1;",
    // As root, nginx would hand requests to `nobody`, who may not be able to read the build.
    ...(process.getuid?.() === 0 ? ["user root;"] : []),
    `pid ${join(dir, "nginx.pid")};`,
    `error_log ${join(dir, "error.log")} warn;`,
    "events { worker_connections 256; }",
    "http {",
    `    include ${MIME_TYPES};`,
    "    default_type application/octet-stream;",
    "    access_log off;",
    "    sendfile on;",
    ...["client_body", "proxy", "fastcgi", "uwsgi", "scgi"].map((name) => `    ${name}_temp_path ${temp(name)};`),
    `    include ${serverBlock};`,
    "}",
    "",
  ].join("\n");
}

/**
 * Serves a build through Debian's nginx with the server block the deploy step generates for it,
 * on a free loopback port. The redirects are the repository's own, as in the fixture build.
 */
/** Serves a build with the server block the deploy step writes; `settings` stand in for a fixture's own. */
export async function serveWithNginx(
  dist: string,
  base: string,
  settings: Partial<Omit<ReturnType<typeof deploySettingsOf>, "base">> = {},
): Promise<NginxSite> {
  requireNginx();
  mkdirSync(join(repoRoot, "tests/.tmp"), { recursive: true });
  const dir = mkdtempSync(join(repoRoot, "tests/.tmp/nginx-"));
  for (const name of ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"])
    mkdirSync(join(dir, "temp", name), { recursive: true });
  const errorLog = join(dir, "error.log");
  const log = () => (existsSync(errorLog) ? readFileSync(errorLog, "utf8") : "");

  // A port found free can be taken before nginx binds it; another one is tried then.
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const files = planDeployFiles({
      dist,
      ...deploySettingsOf(site),
      ...settings,
      base,
      nginx: { root: dist, listen: `127.0.0.1:${port}` },
    });
    writeFileSync(join(dir, "site.conf"), files.nginx);
    writeFileSync(join(dir, "nginx.conf"), mainConfig(dir, join(dir, "site.conf")));
    const child: ChildProcess = spawn(NGINX, ["-p", dir, "-e", errorLog, "-c", join(dir, "nginx.conf")], {
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr?.on("data", (chunk) => (stderr += chunk));
    const exited = new Promise<number>((resolve) => child.once("exit", (code) => resolve(code ?? 1)));

    const deadline = Date.now() + 10_000;
    let running = false;
    let exitCode: number | undefined;
    void exited.then((code) => (exitCode = code));
    while (!running && exitCode === undefined && Date.now() < deadline) {
      running = await accepts(port);
      if (!running) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    if (running) {
      const stop = async () => {
        if (exitCode === undefined) {
          child.kill("SIGQUIT");
          await exited;
        }
        rmSync(dir, { recursive: true, force: true });
      };
      return { url: `http://127.0.0.1:${port}${base}`, files, stop };
    }
    child.kill("SIGKILL");
    await exited;
    const why = `${stderr}${log()}`;
    if (attempt < 3 && /Address already in use/.test(why)) continue;
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`nginx did not start on port ${port}:\n${why}`);
  }
}
