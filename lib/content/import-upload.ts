/**
 * The admin's import: uploaded files written to a fresh temporary folder, read and validated by the same loader as
 * the files in templates/ (loadContent), and only when every file is valid, imported as new versions with the
 * campaigner as author. Every problem comes back with its file and field; nothing is imported when there is one.
 */
import "server-only";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { TDb } from "@/lib/db/open";
import { AppError } from "@/lib/errors/app-error";
import { ContentError, loadContent } from "@/lib/templates/load-content";
import { importContent, type TImportResult } from "./import-content";
import type { TUploadedFile } from "./unpack-upload";

export async function importUpload(db: TDb, files: TUploadedFile[], author: string): Promise<TImportResult> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), "ul-import-"));
  try {
    for (const file of files) {
      const target = path.join(root, file.path);
      // unpackUpload refused ".." already; checked again where the file is written, as the last line of defence.
      if (!target.startsWith(root + path.sep)) throw new AppError("INVALID_INPUT", "The upload names a file outside its folder.");
      await fs.mkdir(path.dirname(target), { recursive: true });
      await fs.writeFile(target, file.bytes);
    }
    let content;
    try {
      content = await loadContent(root);
    } catch (error) {
      if (!(error instanceof ContentError)) throw error;
      // loadContent names files relative to the working directory; the campaigner knows them by their upload path,
      // which follows the temporary folder's unique name.
      const marker = path.basename(root) + path.sep;
      const name = (file: string) => (file.includes(marker) ? file.slice(file.indexOf(marker) + marker.length) : file);
      throw new AppError(
        "INVALID_INPUT",
        `Nothing was imported: the files have ${error.problems.length} problem${error.problems.length === 1 ? "" : "s"}.`,
        error.problems.map((p) => ({ path: `${name(p.file)}: ${p.field}`, code: "content", message: p.message })),
      );
    }
    const result = await importContent(db, content, author);
    return result!;
  } finally {
    await fs.rm(root, { recursive: true, force: true });
  }
}
