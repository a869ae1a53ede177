import "server-only";
import { AppError } from "@/lib/errors/app-error";

export const JSON_BODY_LIMIT = 64 * 1024;

/**
 * Reads a JSON request body of at most `limit` bytes. A body of another type (415), too large (413), cut short or
 * longer than its Content-Length (400), or not JSON (422) is refused with a problem a client can act on; it never
 * becomes a 500.
 */
export async function readJson(request: Request, limit = JSON_BODY_LIMIT): Promise<unknown> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/([a-z.+-]*\+)?json\b/i.test(type)) {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", "The request body must be JSON (Content-Type: application/json).", [
      { path: "(body)", code: "contentType", message: "expected Content-Type: application/json" },
    ]);
  }
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > limit) throw tooLarge(limit);
  // Read the stream ourselves: Content-Length may be missing or wrong (chunked uploads).
  const reader = request.body?.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (reader) {
    for (;;) {
      let part: ReadableStreamReadResult<Uint8Array>;
      try {
        part = await reader.read();
      } catch {
        // The client closed the connection before the body it announced was complete.
        throw new AppError("BAD_REQUEST", "The request body ended before its Content-Length.", [{ path: "(body)", code: "truncated", message: "body cut short" }]);
      }
      if (part.done) break;
      size += part.value.byteLength;
      if (size > limit) {
        await reader.cancel().catch(() => {});
        throw tooLarge(limit);
      }
      chunks.push(part.value);
    }
  }
  const text = Buffer.concat(chunks).toString("utf8");
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError("INVALID_INPUT", "The request body is not valid JSON.", [{ path: "(body)", code: "json", message: "not valid JSON" }]);
  }
}

function tooLarge(limit: number) {
  return new AppError("PAYLOAD_TOO_LARGE", `The request body is larger than ${Math.round(limit / 1024)} KB.`, [
    { path: "(body)", code: "tooLarge", message: `larger than ${limit} bytes` },
  ]);
}
