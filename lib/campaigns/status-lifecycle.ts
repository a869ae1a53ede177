/**
 * The campaign's status and the moves between them. `draft`: only campaigners see it. `live`: listed, the form takes
 * letters. `paused`: the page stays, the form takes no new letters (queued ones still go). `closed`: the page says
 * where the case stands, no form, supporters' data is removed after the retention period. Sending on hold is a
 * separate switch (campaigns.sendingHeld) that stops the queue whatever the status.
 */
export const CAMPAIGN_STATUSES = ["draft", "live", "paused", "closed"] as const;
export type TCampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

const MOVES: Record<TCampaignStatus, TCampaignStatus[]> = {
  draft: ["live"],
  live: ["paused", "closed"],
  paused: ["live", "closed"],
  // Reopening a closed case is possible (a new development), for an owner (roleForMove), paused first or live at once;
  // it starts the retention clock again when it closes.
  closed: ["paused", "live"],
};

export function allowedMoves(from: TCampaignStatus): TCampaignStatus[] {
  return MOVES[from];
}

export function canMove(from: TCampaignStatus, to: TCampaignStatus): boolean {
  return from === to || MOVES[from].includes(to);
}

/**
 * "Write before" (campaigns.settings.writeBefore, YYYY-MM-DD): letters are taken before that day only, so from that
 * day on (UTC) a live campaign counts as paused. Every request checks it here; the worker's housekeeping then stores
 * the status (lib/campaigns/pause-past-deadline.ts), audited as `system`.
 */
export function writeBeforePassed(writeBefore: string | undefined | null, now: Date): boolean {
  return !!writeBefore && now.toISOString().slice(0, 10) >= writeBefore;
}

/** The status a request acts on: the stored one, except a live campaign past its "write before" day is paused. */
export function effectiveStatus(campaign: { status: TCampaignStatus; settings: { writeBefore?: string } }, now: Date): TCampaignStatus {
  return campaign.status === "live" && writeBeforePassed(campaign.settings.writeBefore, now) ? "paused" : campaign.status;
}

/** Who may move a campaign: reopening a closed one is for owners; every other move is an editor's. */
export function roleForMove(from: TCampaignStatus, to: TCampaignStatus): "owner" | "editor" {
  return from === "closed" && to !== "closed" ? "owner" : "editor";
}
