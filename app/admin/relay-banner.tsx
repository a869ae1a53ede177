import { hasRole } from "@/lib/auth/roles";
import type { TCampaignerRole } from "@/lib/db/schema";
import { db } from "@/lib/db/client";
import { readRelayPause } from "@/lib/delivery/read-relay-state";
import { ResumeSendingButton } from "@/components/admin/resume-sending-button";

function when(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

/**
 * "Sending paused", with the relay's reply, on every admin page while the relay refuses all mail (the worker paused
 * sending rather than fail every letter: lib/delivery/pause-relay.ts). Owners get the button that resumes.
 */
export async function RelayBanner({ role }: { role: TCampaignerRole }) {
  const pause = await readRelayPause(await db());
  if (!pause) return null;
  return (
    <section className="admin-relay-banner" aria-labelledby="relay-banner-title">
      <h2 id="relay-banner-title">Sending paused</h2>
      <p>
        Since {when(pause.pausedAt)} the mail relay refuses to send, for every official alike, so nothing is sent: letters and confirmation emails wait in
        the queue. No letter was failed and no address was flagged for it.
      </p>
      <p>
        The relay answered: <code className="admin-relay-reply">{pause.reply}</code>
      </p>
      {pause.acceptsAgainAt ? (
        <p>
          <strong>The relay accepts mail again</strong> since {when(pause.acceptsAgainAt)} (owners and editors were emailed). Check that its settings are
          right, then resume.
        </p>
      ) : (
        <p>
          The relay is tried again every few minutes; owners and editors get an email once it accepts mail. Fix the relay&apos;s account or settings
          (SMTP_URL, MAIL_FROM, BOUNCE_ADDRESS){pause.probedAt ? `; its last answer, at ${when(pause.probedAt)}: ${pause.probeReply ?? ""}` : ""}.
        </p>
      )}
      {hasRole(role, "owner") ? <ResumeSendingButton /> : <p>An owner can resume sending.</p>}
    </section>
  );
}
