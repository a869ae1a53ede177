/**
 * The scale-out shape of a deployment, on this machine: several `next start` instances and several `npm run worker`
 * processes on one Postgres, behind nginx (from Debian) that passes Host and appends to X-Forwarded-For, as
 * docs/deploy.md describes. Used by `npm run bench:scale` and by the ops test of the same shape.
 *
 * The instances trust TWO proxies (TRUSTED_PROXIES=2): the caller plays the first, writing each simulated
 * supporter's own address in X-Forwarded-For, and nginx is the second. A request sent straight to an instance
 * carries only the caller's entry, which is then the leftmost and is used as it is, so both paths see the same
 * supporter address.
 */
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startApp, startProcess, type TAppProcess } from "./app-process";

export type TCluster = {
  /** nginx in front of every instance, or undefined when nginx is not installed. */
  proxyUrl?: string;
  instances: TAppProcess[];
  workers: TAppProcess[];
  stop(): Promise<void>;
};

export function nginxPath(): string | undefined {
  for (const candidate of ["/usr/sbin/nginx", "/usr/bin/nginx"]) if (fs.existsSync(candidate)) return candidate;
  const found = spawnSync("sh", ["-c", "command -v nginx"], { encoding: "utf8" }).stdout.trim();
  return found || undefined;
}

function nginxConfig(dir: string, listen: number, upstreams: number[]): string {
  const root = process.getuid?.() === 0;
  return `
${root ? "user root;" : ""}
worker_processes 2;
daemon off;
pid ${dir}/nginx.pid;
error_log stderr warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  upstream app {
${upstreams.map((port) => `    server 127.0.0.1:${port};`).join("\n")}
    keepalive 64;
  }
  server {
    listen 127.0.0.1:${listen};
    client_max_body_size 1m;
    location / {
      proxy_pass http://app;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      # The app builds links from PUBLIC_URL, but Next.js and the logs see the Host the browser asked for.
      proxy_set_header Host $http_host;
      # Appends the address nginx received the request from: the one entry the app may trust.
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
    }
  }
}
`;
}

export async function startCluster(options: {
  databaseUrl: string;
  smtpUrl: string;
  ports: { proxy: number; instances: number[] };
  workers: number;
  env?: Record<string, string>;
}): Promise<TCluster> {
  const env = {
    DATABASE_URL: options.databaseUrl,
    SMTP_URL: options.smtpUrl,
    TRUSTED_PROXIES: "2",
    WORKER_IN_PROCESS: "false",
    // One salt for every instance: with the default (random per start) each instance hashes an address differently,
    // and the per-IP limit silently becomes one count per instance (seen here: 5 of 3 allowed across two).
    IP_HASH_SALT: `cluster-salt-${process.pid}-${Date.now()}`,
    ...options.env,
  };
  const started: TAppProcess[] = [];
  const stopAll = async () => {
    await Promise.all(started.map((p) => p.stop(5000)));
  };
  try {
    const instances: TAppProcess[] = [];
    // One after the other: the first applies the migrations and loads the content, the next find them done.
    for (const port of options.ports.instances) {
      const app = await startApp(port, env);
      started.push(app);
      instances.push(app);
    }
    const workers: TAppProcess[] = [];
    for (let i = 0; i < options.workers; i++) {
      const worker = startProcess(["--conditions=react-server", "--import", "tsx", path.join(process.cwd(), "scripts/worker.ts")], { env });
      started.push(worker);
      workers.push(worker);
    }
    let proxyUrl: string | undefined;
    const nginx = nginxPath();
    if (nginx) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ul-nginx-"));
      fs.writeFileSync(path.join(dir, "nginx.conf"), nginxConfig(dir, options.ports.proxy, options.ports.instances));
      execFileSync(nginx, ["-t", "-q", "-p", dir, "-c", path.join(dir, "nginx.conf")], { stdio: "pipe" });
      const proxy = startProcess([], { env: {}, command: nginx, args: ["-p", dir, "-c", path.join(dir, "nginx.conf")] });
      started.push(proxy);
      proxyUrl = `http://127.0.0.1:${options.ports.proxy}`;
      const deadline = Date.now() + 15_000;
      for (;;) {
        try {
          if ((await fetch(`${proxyUrl}/api/health`)).ok) break;
        } catch {
          // not listening yet
        }
        if (Date.now() > deadline) throw new Error(`nginx did not start:\n${proxy.output()}`);
        await new Promise((r) => setTimeout(r, 100));
      }
      const stopProxy = proxy.stop.bind(proxy);
      proxy.stop = async (graceMs?: number) => {
        await stopProxy(graceMs);
        fs.rmSync(dir, { recursive: true, force: true });
      };
    }
    // Workers are ready once they said so.
    let ended = false;
    for (const worker of workers) void worker.exited.then(() => (ended = true));
    const readyBy = Date.now() + 60_000;
    while (!workers.every((w) => w.output().includes("Urgent Letters worker: sending"))) {
      if (ended || Date.now() > readyBy) throw new Error(`a worker did not start:\n${workers.map((w) => w.output()).join("\n---\n")}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    return { proxyUrl, instances, workers, stop: stopAll };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
