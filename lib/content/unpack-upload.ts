/**
 * Files from the admin's upload, as relative paths in the layout of templates/: the entries of a .zip, or files sent
 * one by one with their paths (a folder picked in the browser). Anything that could escape the folder it is written
 * to (absolute paths, "..") is refused; entries that are not content (.DS_Store, __MACOSX/, READMEs) are left out.
 */
import "server-only";
import { unzipSync } from "fflate";
import { AppError } from "@/lib/errors/app-error";

export type TUploadedFile = { path: string; bytes: Uint8Array };

/** Large enough for hundreds of campaigns; small enough that an upload cannot fill the memory. */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
const MAX_FILES = 2000;

function isContentPath(p: string): boolean {
  return /(^|\/)(campaigns|recipients|partners)\//.test(p) && /\.(ya?ml|md)$/.test(p) && !p.split("/").some((part) => part.startsWith(".") || part === "__MACOSX");
}

/** Paths made relative to the folder holding campaigns/ and recipients/ ("templates/recipients/x.yaml" → "recipients/x.yaml"). */
function relativeToRoot(paths: string[]): (p: string) => string {
  const prefixes = new Set(paths.map((p) => /^(.*?)(?:^|\/)(?:campaigns|recipients|partners)\//.exec(p)?.[1] ?? ""));
  if (prefixes.size > 1) {
    throw new AppError("INVALID_INPUT", "The upload holds more than one content folder.", [...prefixes].map((p) => ({ path: p || "(top level)", message: "one folder with campaigns/ and recipients/ is expected" })));
  }
  const [prefix = ""] = [...prefixes];
  return (p) => (prefix ? p.slice(prefix.length + 1) : p);
}

function checkPath(p: string): string {
  const clean = p.replace(/\\/g, "/").replace(/^\.\//, "");
  if (clean.startsWith("/") || /^[A-Za-z]:/.test(clean) || clean.split("/").some((part) => part === ".." || part === "")) {
    throw new AppError("INVALID_INPUT", "The upload names a file outside its folder.", [{ path: p, message: "paths must stay inside the uploaded folder" }]);
  }
  return clean;
}

export function unpackUpload(upload: { archive?: { name: string; bytes: Uint8Array }; files?: TUploadedFile[] }): TUploadedFile[] {
  let entries: TUploadedFile[];
  if (upload.archive) {
    if (!/\.zip$/i.test(upload.archive.name)) {
      throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Upload a .zip archive (as the export gives), or pick the folder itself.");
    }
    let unzipped: Record<string, Uint8Array>;
    try {
      let total = 0;
      unzipped = unzipSync(upload.archive.bytes, {
        filter: (file) => {
          total += file.originalSize;
          if (total > MAX_UPLOAD_BYTES * 4) throw new AppError("PAYLOAD_TOO_LARGE", "The archive unpacks to more than 20 MB.");
          return !file.name.endsWith("/");
        },
      });
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw new AppError("INVALID_INPUT", "The file could not be read as a .zip archive.", [{ path: upload.archive.name, message: error instanceof Error ? error.message : "not a zip archive" }]);
    }
    entries = Object.entries(unzipped).map(([path, bytes]) => ({ path, bytes }));
  } else {
    entries = upload.files ?? [];
  }
  if (entries.length > MAX_FILES) throw new AppError("PAYLOAD_TOO_LARGE", `The upload holds more than ${MAX_FILES} files.`);
  const content = entries.map((e) => ({ ...e, path: checkPath(e.path) })).filter((e) => isContentPath(e.path));
  if (content.length === 0) {
    throw new AppError("INVALID_INPUT", "The upload holds no content files.", [{ path: "(upload)", message: "expected campaigns/<slug>/… and recipients/<id>.yaml, as the export gives" }]);
  }
  const relative = relativeToRoot(content.map((e) => e.path));
  return content.map((e) => ({ path: relative(e.path), bytes: e.bytes }));
}
