"use client";

/** Ends this session (better-auth's sign-out) and goes to the sign-in page. */
export function SignOutButton() {
  async function signOut() {
    await fetch("/api/auth/sign-out", { method: "POST", headers: { "content-type": "application/json" }, body: "{}" }).catch(() => undefined);
    window.location.assign("/admin/sign-in");
  }
  return (
    <button type="button" className="button button--quiet" onClick={signOut}>
      Sign out
    </button>
  );
}
