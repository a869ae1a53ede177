import { db } from "@/lib/db/client";
import { resumeRelay } from "@/lib/delivery/resume-relay";
import { wakeWorker } from "@/lib/delivery/worker";
import { AppError } from "@/lib/errors/app-error";
import { adminRoute } from "@/lib/http/admin-route";
import { methodNotAllowed } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** An owner resumes sending after the relay refused all mail (lib/delivery/pause-relay.ts). Audited. */
export const POST = adminRoute({ role: "owner" }, async (_request, _params, campaigner) => {
  const resumed = await resumeRelay(await db(), { by: campaigner.email, now: new Date() });
  if (!resumed) throw new AppError("CONFLICT", "Sending is not paused: there is nothing to resume.");
  wakeWorker();
  return Response.json({ resumed: true });
});

const refuse = methodNotAllowed("POST");
export { refuse as GET, refuse as PUT, refuse as PATCH, refuse as DELETE };
