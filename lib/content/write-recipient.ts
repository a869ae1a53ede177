/** Writes a recipient's published doc into the serving table (inside the caller's transaction). */
import "server-only";
import type { TDb } from "@/lib/db/open";
import { recipients } from "@/lib/db/schema";
import type { TRecipientDoc } from "./docs";

export async function writeRecipient(tx: TDb, r: TRecipientDoc, loadedFrom: string | null): Promise<void> {
  // A name given per script is kept whole for letters; its English (Latin) form names the envelope and headers.
  const names = typeof r.name === "object" ? r.name : null;
  const row = {
    id: r.id,
    kind: r.kind,
    name: (typeof r.name === "object" ? r.name.en : r.name) ?? null,
    names,
    role: r.role,
    organisation: r.organisation,
    country: r.country,
    address: r.address ?? null,
    envelopeName: r.envelopeName ?? null,
    servesCountries: r.servesCountries ?? [],
    email: r.email ?? null,
    emailCheck: r.emailCheck ?? null,
    addressCheck: r.addressCheck ?? null,
    channels: r.channels,
    salutation: r.salutation,
    timeZone: r.timeZone ?? null,
    source: r.source,
    verifiedOn: r.verifiedOn,
    notes: r.notes ?? null,
    loadedFrom,
  };
  await tx
    .insert(recipients)
    .values(row)
    .onConflictDoUpdate({ target: recipients.id, set: { ...row, updatedAt: new Date() } });
}
