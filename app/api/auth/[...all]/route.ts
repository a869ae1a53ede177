import { getAuth } from "@/lib/auth/auth";

/** better-auth's own endpoints (magic-link sign-in and verification, session, sign-out), under /api/auth. */
async function handle(request: Request): Promise<Response> {
  return (await getAuth()).handler(request);
}

export const GET = handle;
export const POST = handle;
