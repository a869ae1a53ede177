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
  // Reopening a closed case is possible (a new development), and starts its retention clock again when it closes.
  closed: ["live"],
};

export function allowedMoves(from: TCampaignStatus): TCampaignStatus[] {
  return MOVES[from];
}

export function canMove(from: TCampaignStatus, to: TCampaignStatus): boolean {
  return from === to || MOVES[from].includes(to);
}
