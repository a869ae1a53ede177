import { and, eq, gt, isNull } from "drizzle-orm";
import { SetupForm } from "@/components/admin/setup-form";
import { hashSetupToken } from "@/lib/auth/issue-setup-link";
import { db } from "@/lib/db/client";
import { campaigners, setupTokens } from "@/lib/db/schema";

export const dynamic = "force-dynamic";
export const metadata = { title: "Set up the admin" };

/** The one-time link printed at the first start: its opener becomes the owner. */
export default async function SetupPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const database = await db();
  const [valid] = await database
    .select({ tokenHash: setupTokens.tokenHash })
    .from(setupTokens)
    .where(and(eq(setupTokens.tokenHash, hashSetupToken(token)), isNull(setupTokens.usedAt), gt(setupTokens.expiresAt, new Date())));
  const [owner] = await database.select({ id: campaigners.id }).from(campaigners).limit(1);
  return (
    <section className="admin-narrow">
      <h1>Set up the admin</h1>
      {owner ? (
        <p>The admin has an owner already. <a href="/admin/sign-in">Sign in</a>, or ask the owner to invite you.</p>
      ) : !valid ? (
        <p>This setup link has been used or has expired. Restart the app: it prints a new one while no campaigner exists.</p>
      ) : (
        <>
          <p>You opened the setup link this server printed at its start. Whoever completes this form becomes the owner: they can invite other campaigners and choose their roles.</p>
          <SetupForm token={token} />
        </>
      )}
    </section>
  );
}
