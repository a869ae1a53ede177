import { requireCampaigner } from "@/lib/auth/require-campaigner";

export const dynamic = "force-dynamic";
export const metadata = { title: "Not for your role" };

export default async function ForbiddenPage({ searchParams }: { searchParams: Promise<{ needs?: string }> }) {
  const campaigner = await requireCampaigner();
  const { needs } = await searchParams;
  return (
    <section>
      <h1>Not for your role</h1>
      <p>
        That page needs the {needs === "owner" || needs === "editor" ? needs : "owner"} role; you are signed in as {campaigner.role}. An owner can change
        your role under Campaigners.
      </p>
    </section>
  );
}
