import { describe, expect, it } from "vitest";
import { classifySendError } from "./send-errors";

const smtpError = (responseCode: number | undefined, code?: string, message = "reply") => Object.assign(new Error(message), { responseCode, code });

describe("what an SMTP failure means", () => {
  it("treats 5xx as permanent", () => {
    expect(classifySendError(smtpError(550, "EENVELOPE", "No such mailbox"))).toEqual({ kind: "permanent", stopPass: false, message: "550: No such mailbox" });
    expect(classifySendError(smtpError(554, "EMESSAGE")).kind).toBe("permanent");
  });

  it("treats 4xx as temporary, and stops the pass only when the service itself is unavailable", () => {
    expect(classifySendError(smtpError(421, "EMESSAGE"))).toMatchObject({ kind: "temporary", stopPass: true });
    expect(classifySendError(smtpError(451, "EMESSAGE"))).toMatchObject({ kind: "temporary", stopPass: false });
  });

  it("treats network trouble and time-outs as temporary and stops the pass", () => {
    expect(classifySendError(smtpError(undefined, "ESOCKET", "connect ECONNREFUSED 127.0.0.1:25"))).toEqual({
      kind: "temporary",
      stopPass: true,
      message: "ESOCKET: connect ECONNREFUSED 127.0.0.1:25",
    });
    expect(classifySendError(smtpError(undefined, "ETIMEDOUT")).kind).toBe("temporary");
    expect(classifySendError("something odd").kind).toBe("temporary");
  });

  it("does not blame the official for our own set-up (a refused login is not a bad address)", () => {
    expect(classifySendError(smtpError(535, "EAUTH", "Invalid login")).kind).toBe("temporary");
  });
});
