import "server-only";
import { AppError } from "@/lib/errors/app-error";

/**
 * Reads a request body of one of `types` as bytes, at most `limit` of them: another type is 415, a larger body 413
 * (whatever Content-Length claims: the stream itself is counted), a body cut short 400.
 */
export async function readRawBody(request: Request, o: { types: RegExp; typeText: string; limit: number }): Promise<Buffer> {
  const type = request.headers.get("content-type") ?? "";
  if (!o.types.test(type)) {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", `The request body must be ${o.typeText}.`, [
      { path: "(body)", code: "contentType", message: `expected Content-Type: ${o.typeText}` },
    ]);
  }
  const tooLarge = () =>
    new AppError("PAYLOAD_TOO_LARGE", `The request body is larger than ${Math.round(o.limit / 1024)} KB.`, [
      { path: "(body)", code: "tooLarge", message: `larger than ${o.limit} bytes` },
    ]);
  if (Number(request.headers.get("content-length") ?? "0") > o.limit) throw tooLarge();
  const reader = request.body?.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (reader) {
    for (;;) {
      let part: ReadableStreamReadResult<Uint8Array>;
      try {
        part = await reader.read();
      } catch {
        throw new AppError("BAD_REQUEST", "The request body ended before its Content-Length.", [{ path: "(body)", code: "truncated", message: "body cut short" }]);
      }
      if (part.done) break;
      size += part.value.byteLength;
      if (size > o.limit) {
        await reader.cancel().catch(() => {});
        throw tooLarge();
      }
      chunks.push(part.value);
    }
  }
  return Buffer.concat(chunks);
}
