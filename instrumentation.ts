/** Next.js calls register() once when the server starts, before it answers requests. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { bootOrExit } = await import("./lib/boot");
  await bootOrExit();
}
