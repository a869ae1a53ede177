/** What content:import and content:export say with the embedded database, which only the running app may open. */
export function refuseEmbedded(what: "import" | "export", instead: string): number {
  console.error(
    `content:${what} works on Postgres (DATABASE_URL) only. The embedded database's data folder is held by the app while ` +
      `it runs, and only one process may open it: sign in to the admin (/admin, Campaigns → Import and export) and ${instead}.`,
  );
  return 1;
}
