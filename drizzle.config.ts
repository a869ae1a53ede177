import { defineConfig } from "drizzle-kit";

// Migrations are generated from the schema and committed; the app applies them at start on PGlite or Postgres.
export default defineConfig({
  dialect: "postgresql",
  schema: "./lib/db/schema.ts",
  out: "./lib/db/migrations",
});
