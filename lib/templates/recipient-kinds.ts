/**
 * What a recipient is decides what a letter may ask of them: an ambassador can convey concerns but cannot release
 * anyone; an opposition member of parliament can raise a case but cannot make the Government act. Letter templates
 * hold the wording for each kind in sections ({{#recipient.kind.ambassador}}…{{/recipient.kind.ambassador}}).
 */
export const RECIPIENT_KINDS = ["head-of-state", "minister", "parliamentary-secretary", "ambassador", "member-of-parliament"] as const;
export type TRecipientKind = (typeof RECIPIENT_KINDS)[number];
