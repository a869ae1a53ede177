import "server-only";
import { redirect } from "next/navigation";
import { isConnectionError } from "@/lib/db/is-connection-error";
import { requestPath } from "@/lib/i18n/server";
import { noteDatabaseOutage } from "@/lib/server/database-outage";

/**
 * A page (or generateMetadata) that reads the database, answered 503 when the database goes away while it renders.
 * A server component cannot set its answer's status (Next.js 16 lets it choose only 404, 401, 403 and redirects;
 * anything it throws is a 500 with Next.js's error page). So on a connection error the page notes the outage and
 * sends the browser back to the same address (307: the status is still free, since a page that reads the database
 * streams nothing before its data), and proxy.ts answers that second request, and every page request for the next
 * seconds, with a real 503, Retry-After and a "try again in a minute" page in the visitor's language
 * (lib/http/unavailable-page.ts). Any other error is left as it was.
 */
export function withDatabase<A extends unknown[], R>(render: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  return async (...args: A) => {
    try {
      return await render(...args);
    } catch (error) {
      if (!isConnectionError(error)) throw error;
      noteDatabaseOutage();
      let inner = error;
      while (inner instanceof Error && inner.cause) inner = inner.cause;
      console.warn(`[db] page answered 503: ${inner instanceof Error ? inner.message : String(inner)}`);
      redirect(await requestPath());
    }
  };
}
