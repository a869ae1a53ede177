import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/admin/sign-in-form";
import { getCampaigner } from "@/lib/auth/get-campaigner";
import { capturedMailVisible } from "@/lib/env";

export const dynamic = "force-dynamic";
export const metadata = { title: "Sign in" };

/** Where the admin sends anyone without a session; after the magic link, back to `next` (an /admin address). */
export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const query = await searchParams;
  const wanted = typeof query.next === "string" && query.next.startsWith("/admin") && !query.next.startsWith("//") ? query.next : "/admin";
  if (await getCampaigner(await headers())) redirect(wanted);
  return (
    <section className="admin-narrow">
      <h1>Sign in</h1>
      {query.failed ? (
        <p className="field__error" role="alert">
          That sign-in link has been used or has expired. Ask for a new one below.
        </p>
      ) : null}
      <p>Campaigners sign in with a link sent by email. No password to remember.</p>
      <SignInForm next={wanted} captured={capturedMailVisible()} />
    </section>
  );
}
