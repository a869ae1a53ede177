import { describe, expect, it } from "vitest";
import { classifySendError, enhancedStatus } from "./send-errors";

const smtpError = (responseCode: number | undefined, code?: string, message = "reply", response?: string) =>
  Object.assign(new Error(message), { responseCode, code, response });

describe("what an SMTP failure means", () => {
  it("treats an official's 5xx as permanent", () => {
    expect(classifySendError(smtpError(550, "EMESSAGE", "Message failed: 550 No such mailbox", "550 No such mailbox"))).toEqual({
      kind: "permanent",
      stopPass: false,
      message: "550: Message failed: 550 No such mailbox",
      reply: "550 No such mailbox",
    });
    const unknown = "550 5.1.1 <minister@gov.example>: Recipient address rejected: User unknown in virtual mailbox table";
    expect(classifySendError(smtpError(550, "EENVELOPE", `Can't send mail - all recipients were rejected: ${unknown}`, unknown)).kind).toBe("permanent");
    expect(classifySendError(smtpError(554, "EMESSAGE")).kind).toBe("permanent");
  });

  it("treats the relay's own refusals as the relay's: enhanced code 5.7.x, relay access denied, authentication", () => {
    for (const [responseCode, response] of [
      [554, "554 5.7.1 <minister@gov.example>: Relay access denied"],
      [550, "550 5.7.1 Unable to relay"],
      [550, "550 5.7.0 Sender policy violation"],
      [530, "530 Authentication required"],
      [535, "535 Incorrect authentication data"],
      [553, "553 sorry, that domain isn't in my list of allowed rcpthosts; relaying denied"],
      [550, "550 Relaying is not permitted"],
    ] as const) {
      expect(classifySendError(smtpError(responseCode, "EENVELOPE", `Can't send mail: ${response}`, response))).toMatchObject({
        kind: "relay",
        stopPass: true,
        reply: response,
      });
    }
    // A login the relay refused: no letter is to blame.
    expect(classifySendError(smtpError(535, "EAUTH", "Invalid login: 535 5.7.8 Error: authentication failed"))).toMatchObject({ kind: "relay", stopPass: true });
  });

  it("reads the enhanced status code of a reply", () => {
    expect(enhancedStatus("554 5.7.1 <x@y.example>: Relay access denied")).toBe("5.7.1");
    expect(enhancedStatus("550 5.1.1: no such user")).toBe("5.1.1");
    expect(enhancedStatus("550 No such mailbox")).toBeUndefined();
    // A version number is not a status code.
    expect(enhancedStatus("550 rejected by filter v2.5.7a")).toBeUndefined();
  });

  it("treats 4xx as temporary, and stops the pass only when the service itself is unavailable", () => {
    expect(classifySendError(smtpError(421, "EMESSAGE"))).toMatchObject({ kind: "temporary", stopPass: true });
    expect(classifySendError(smtpError(451, "EMESSAGE"))).toMatchObject({ kind: "temporary", stopPass: false });
    // A temporary 4.7.x (greylisting, rate limits) stays temporary.
    expect(classifySendError(smtpError(450, "EENVELOPE", "x", "450 4.7.1 Try again later")).kind).toBe("temporary");
  });

  it("treats network trouble and time-outs as temporary and stops the pass", () => {
    expect(classifySendError(smtpError(undefined, "ESOCKET", "connect ECONNREFUSED 127.0.0.1:25"))).toEqual({
      kind: "temporary",
      stopPass: true,
      message: "ESOCKET: connect ECONNREFUSED 127.0.0.1:25",
      reply: "connect ECONNREFUSED 127.0.0.1:25",
    });
    expect(classifySendError(smtpError(undefined, "ETIMEDOUT")).kind).toBe("temporary");
    expect(classifySendError("something odd").kind).toBe("temporary");
  });

  it("does not blame the official for a TLS set-up of ours", () => {
    expect(classifySendError(smtpError(530, "ETLS", "Must issue a STARTTLS command first")).kind).not.toBe("permanent");
  });
});
