import { and, desc, eq, lt } from "drizzle-orm";
import { notFound } from "next/navigation";
import { RestoreButton } from "@/components/admin/restore-button";
import { requireCampaigner } from "@/lib/auth/require-campaigner";
import { hasRole } from "@/lib/auth/roles";
import { diffDocs } from "@/lib/content/diff-docs";
import { docText } from "@/lib/content/doc-text";
import { db } from "@/lib/db/client";
import { contentVersions } from "@/lib/db/schema";
import { isUuid } from "@/lib/schemas/ids";

export const dynamic = "force-dynamic";
export const metadata = { title: "Version" };

/** One version beside the one before it (the lines added and removed), with Restore for editors. */
export default async function VersionPage({ params }: { params: Promise<{ versionId: string }> }) {
  const me = await requireCampaigner();
  const { versionId } = await params;
  if (!isUuid(versionId)) notFound();
  const database = await db();
  const [version] = await database.select().from(contentVersions).where(eq(contentVersions.id, versionId));
  if (!version) notFound();
  const [previous] = await database
    .select()
    .from(contentVersions)
    .where(and(eq(contentVersions.entity, version.entity), eq(contentVersions.key, version.key), lt(contentVersions.version, version.version)))
    .orderBy(desc(contentVersions.version))
    .limit(1);
  const parts = diffDocs(previous ? docText(previous.entity, previous.doc) : "", docText(version.entity, version.doc));
  const history = `/admin/history?entity=${version.entity}&key=${encodeURIComponent(version.key)}`;
  return (
    <section>
      <p>
        <a href={history}>All versions</a>
      </p>
      <h1>
        Version {version.version} of <code>{version.key}</code>
      </h1>
      <p>
        {version.state === "draft" ? "Draft" : "Published"}, saved {version.createdAt.toISOString().replace("T", " ").slice(0, 19)} UTC by {version.author}
        {version.note ? ` (${version.note})` : ""}.
      </p>
      <RestoreButton
        versionId={version.id}
        version={version.version}
        disabled={!hasRole(me.role, "editor")}
        draft={version.entity === "template"}
        history={history}
      />
      <h2>{previous ? `Changes from version ${previous.version}` : "The first version"}</h2>
      <pre className="admin-diff" data-testid="diff">
        {parts.map((p, i) =>
          p.kind === "added" ? (
            <ins key={i}>{p.text}</ins>
          ) : p.kind === "removed" ? (
            <del key={i}>{p.text}</del>
          ) : (
            <span key={i}>{p.text}</span>
          ),
        )}
      </pre>
    </section>
  );
}
