/**
 * A TCP proxy in front of Postgres for fault tests: `cut()` drops every open connection at once, as a server restart,
 * a failover or a network fault does (the driver sees "Connection terminated unexpectedly"); `refuse` makes new
 * connections fail until set back. The database and the driver are the real ones; only the wire is cut.
 */
import net from "node:net";
import type { AddressInfo } from "node:net";

export type TCutProxy = {
  /** The database URL through the proxy. */
  readonly url: string;
  /** Connections currently open through the proxy. */
  readonly open: number;
  /** New connections are closed at once while true. */
  refuse: boolean;
  cut(): void;
  stop(): Promise<void>;
};

export async function startCutProxy(databaseUrl: string): Promise<TCutProxy> {
  const target = new URL(databaseUrl);
  const sockets = new Set<net.Socket>();
  const state = { refuse: false };
  const server = net.createServer((client) => {
    if (state.refuse) {
      client.destroy();
      return;
    }
    const upstream = net.connect(Number(target.port || 5432), target.hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on("close", () => sockets.delete(socket));
      socket.on("error", () => {});
    }
    client.pipe(upstream).pipe(client);
    client.on("close", () => upstream.destroy());
    upstream.on("close", () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = new URL(databaseUrl);
  url.hostname = "127.0.0.1";
  url.port = String((server.address() as AddressInfo).port);
  return {
    url: url.toString(),
    get open() {
      return Math.floor(sockets.size / 2);
    },
    get refuse() {
      return state.refuse;
    },
    set refuse(value: boolean) {
      state.refuse = value;
    },
    cut() {
      for (const socket of sockets) socket.destroy();
    },
    async stop() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
