import "server-only";
import type { Server } from "node:http";

/**
 * The first step of stopping: close this process's HTTP server(s) to new connections, end idle keep-alive ones, and
 * give requests in progress `graceMs` to finish before their connections are closed. Without it, a server under load
 * keeps taking requests while it stops, and the embedded database's queue never drains.
 *
 * Next.js (`next start`) does this itself unless NEXT_MANUAL_SIG_HANDLE is set, and then it exits before the
 * database is closed; scripts/start.mjs sets it, so the app does the same here. Next.js does not hand out its
 * server, so it is found among the process's active handles (`process._getActiveHandles`, undocumented but stable
 * since Node 0.x): every listening server of this process is the app's own.
 */
export async function stopAcceptingRequests(graceMs: number): Promise<number> {
  const handles = (process as unknown as { _getActiveHandles?: () => unknown[] })._getActiveHandles?.() ?? [];
  const servers = handles.filter(
    (h): h is Server => typeof (h as Server)?.close === "function" && typeof (h as Server).closeIdleConnections === "function" && (h as Server).listening,
  );
  await Promise.all(
    servers.map(
      (server) =>
        new Promise<void>((resolve) => {
          const timer = setTimeout(() => {
            server.closeAllConnections();
            resolve();
          }, graceMs);
          timer.unref();
          server.close(() => {
            clearTimeout(timer);
            resolve();
          });
          server.closeIdleConnections();
        }),
    ),
  );
  return servers.length;
}
