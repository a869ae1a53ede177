/**
 * How the admin's browser code calls its API: JSON in, JSON or problem+json out. A refusal comes back as a
 * problem with its field errors, which forms show next to their fields (fieldErrors), never as a thrown error.
 */
export type TProblem = { status: number; title: string; errors?: { path: string; code?: string; message: string }[] };
export type TResult<T> = { ok: true; data: T } | { ok: false; problem: TProblem };

export async function adminFetch<T = unknown>(url: string, options: { method?: string; body?: unknown } = {}): Promise<TResult<T>> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: options.method ?? (options.body === undefined ? "GET" : "POST"),
      headers: options.body === undefined ? { accept: "application/json" } : { "content-type": "application/json", accept: "application/json" },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  } catch {
    return { ok: false, problem: { status: 0, title: "The server could not be reached. Check the connection and try again: nothing was lost." } };
  }
  const type = response.headers.get("content-type") ?? "";
  const data: unknown = type.includes("json") ? await response.json().catch(() => undefined) : undefined;
  if (response.ok) return { ok: true, data: data as T };
  const problem = (data as TProblem | undefined) ?? { status: response.status, title: `The server answered ${response.status}.` };
  return { ok: false, problem: { ...problem, status: response.status } };
}

/** The problem's field errors by path ("campaign.subject" → message), for the fields to show. */
export function fieldErrors(problem: TProblem | undefined): Record<string, string> {
  return Object.fromEntries((problem?.errors ?? []).map((e) => [e.path, e.message]));
}
