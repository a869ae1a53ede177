import { SessionList } from "@/components/admin/session-list";
import { requireCampaigner } from "@/lib/auth/require-campaigner";

export const dynamic = "force-dynamic";
export const metadata = { title: "Your account" };

/** The signed-in campaigner's own sessions (browsers signed in), each revocable; sign out here. */
export default async function AccountPage() {
  const me = await requireCampaigner();
  return (
    <section>
      <h1>Your account</h1>
      <p>
        {me.name} · {me.email} · {me.role}
      </p>
      <h2>Where you are signed in</h2>
      <SessionList current={me.sessionId} />
    </section>
  );
}
