/**
 * The database's content as one .zip in the layout of templates/ (exportContent), under a templates/ folder so that
 * unpacking it gives a folder `npm run content:import -- templates` or the admin's upload reads back.
 */
import "server-only";
import { zipSync, strToU8 } from "fflate";
import type { TDb } from "@/lib/db/open";
import { exportContent } from "./export-content";

export async function packContent(db: TDb): Promise<Uint8Array> {
  const files = await exportContent(db);
  // A fixed date keeps two exports of the same content byte-identical.
  const mtime = new Date("2000-01-01T00:00:00Z");
  return zipSync(Object.fromEntries(files.map((f) => [`templates/${f.path}`, [strToU8(f.text), { mtime }]])), { level: 6 });
}
