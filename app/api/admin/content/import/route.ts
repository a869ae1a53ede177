import { importUpload } from "@/lib/content/import-upload";
import { MAX_UPLOAD_BYTES, unpackUpload, type TUploadedFile } from "@/lib/content/unpack-upload";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { adminRoute } from "@/lib/http/admin-route";
import { methodNotAllowed } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/**
 * Imports an upload (multipart: one `archive` .zip, or several `file` parts, each with a `path` field giving its place in the folder)
 * as new versions with the campaigner as author, after validating every file; nothing is imported when one fails.
 */
export const POST = adminRoute({}, async (request, _params, campaigner) => {
  if (!(request.headers.get("content-type") ?? "").startsWith("multipart/form-data")) {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Send the files as multipart/form-data.");
  }
  if (Number(request.headers.get("content-length") ?? "0") > MAX_UPLOAD_BYTES) throw new AppError("PAYLOAD_TOO_LARGE", "The upload is larger than 5 MB.");
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    throw new AppError("BAD_REQUEST", "The upload could not be read: send it again.");
  }
  const archive = form.get("archive");
  const parts = form.getAll("file").filter((p): p is File => typeof p !== "string");
  let upload: Parameters<typeof unpackUpload>[0];
  if (archive && typeof archive !== "string") {
    upload = { archive: { name: archive.name, bytes: new Uint8Array(await archive.arrayBuffer()) } };
  } else if (parts.length) {
    // Each file's path in the folder comes as a `path` field beside it: file names alone lose their folders.
    const paths = form.getAll("path").map(String);
    const files: TUploadedFile[] = await Promise.all(parts.map(async (p, i) => ({ path: paths[i] ?? p.name, bytes: new Uint8Array(await p.arrayBuffer()) })));
    upload = { files };
  } else {
    throw new AppError("INVALID_INPUT", "Choose a .zip archive or a folder to import.", [{ path: "archive", message: "no file was sent" }]);
  }
  const result = await importUpload(await db(), unpackUpload(upload), campaigner.email);
  return Response.json(result);
});

const refuse = methodNotAllowed("POST");
export { refuse as GET, refuse as PUT, refuse as PATCH, refuse as DELETE };
