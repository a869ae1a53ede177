import { AppError } from "@/lib/errors/app-error";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** Any /api address no handler takes: a 404 problem, like every other error of the API (not Next.js's HTML page). */
const notFound = route({}, async () => {
  throw new AppError("NOT_FOUND", "There is no API endpoint at this address.", [{ path: "(url)", code: "notFound", message: "no such endpoint" }]);
});
export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
