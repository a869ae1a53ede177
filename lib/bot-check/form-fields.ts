/**
 * The names of the bot-check fields of the composer's form (sent without JavaScript): the signed time stamp and the
 * trap that people never see. A name a form-filling program expects to fill is the point of the trap.
 */
export const FORM_STAMP_FIELD = "formStamp";
export const TRAP_FIELD = "website";
