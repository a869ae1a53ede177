import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseBounce } from "./parse-bounce";

const fixture = (name: string) => readFileSync(path.join(process.cwd(), "test/fixtures/bounces", name));

describe("reading what came back to a letter's return path", () => {
  it("reads a Postfix DSN: hard, 5.1.1, the address and the remote server's words, and the letter's Message-ID", async () => {
    expect(await parseBounce(fixture("postfix-user-unknown.eml"))).toEqual({
      kind: "hard",
      status: "5.1.1",
      recipient: "minister@gov.example",
      diagnostic: "550 5.1.1 <minister@gov.example>: Recipient address rejected: User unknown in virtual mailbox table",
      originalMessageId: "<letter-0b6f7a52-3c1d-4e8a-9f2b-5d4c3b2a1f00@urgent-letters.test>",
      summary:
        "bounced: 5.1.1 for minister@gov.example (550 5.1.1 <minister@gov.example>: Recipient address rejected: User unknown in virtual mailbox table)",
    });
  });

  it("reads an Exchange NDR with returned headers only", async () => {
    expect(await parseBounce(fixture("exchange-recipient-not-found.eml"))).toMatchObject({
      kind: "hard",
      status: "5.1.10",
      recipient: "ambassador@gov.example",
      diagnostic: "550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup",
      originalMessageId: "<letter-7d3e2c1b-9a8f-4e6d-b5c4-a3b2c1d0e9f8@urgent-letters.test>",
    });
  });

  it("reads a Gmail DSN for a digest, with its multi-line diagnostic", async () => {
    const report = await parseBounce(fixture("gmail-no-such-user.eml"));
    expect(report).toMatchObject({
      kind: "hard",
      status: "5.1.1",
      recipient: "deputy.example@gmail.com",
      originalMessageId: "<digest-1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f@urgent-letters.test>",
    });
    expect(report.diagnostic).toMatch(/^550-5\.1\.1 The email account that you tried to reach does not exist\. .* - gsmtp$/);
  });

  it("treats a delay warning as soft", async () => {
    expect(await parseBounce(fixture("postfix-delayed.eml"))).toMatchObject({
      kind: "soft",
      status: "4.4.1",
      recipient: "minister@gov.example",
      originalMessageId: "<letter-0b6f7a52-3c1d-4e8a-9f2b-5d4c3b2a1f00@urgent-letters.test>",
      summary: expect.stringMatching(/^delayed: 4\.4\.1 for minister@gov\.example \(connect to mx\.gov\.example/),
    });
  });

  it("reads an old-style plain-text bounce (qmail) as hard when it says 5.x.x", async () => {
    expect(await parseBounce(fixture("plain-qmail-failure.eml"))).toMatchObject({
      kind: "hard",
      status: "5.1.1",
      diagnostic: "Sorry, no mailbox here by that name. (#5.1.1)",
      originalMessageId: "<letter-0b6f7a52-3c1d-4e8a-9f2b-5d4c3b2a1f00@urgent-letters.test>",
    });
  });

  it("knows an out-of-office reply from a bounce (Auto-Submitted, X-Autoreply, Precedence, the subject)", async () => {
    expect(await parseBounce(fixture("out-of-office-exchange.eml"))).toEqual({
      kind: "auto-reply",
      diagnostic: "Automatic reply: Release Zhanar Sekerbayeva",
      originalMessageId: "<letter-7d3e2c1b-9a8f-4e6d-b5c4-a3b2c1d0e9f8@urgent-letters.test>",
      summary: "automatic reply: Automatic reply: Release Zhanar Sekerbayeva",
    });
    expect(await parseBounce(fixture("out-of-office-vacation.eml"))).toMatchObject({ kind: "auto-reply", diagnostic: "Absence du bureau" });
    const bySubject = "From: a@gov.example\r\nTo: b@urgent-letters.test\r\nSubject: Out of Office: back on Monday\r\n\r\nAway.\r\n";
    expect((await parseBounce(bySubject)).kind).toBe("auto-reply");
  });

  it("calls anything else 'other' and never hard", async () => {
    const reply = "From: a@gov.example\r\nTo: b@urgent-letters.test\r\nSubject: Re: Release Zhanar Sekerbayeva\r\n\r\nReceived, thank you.\r\n";
    expect(await parseBounce(reply)).toMatchObject({ kind: "other", summary: "a message came back to the return path: Re: Release Zhanar Sekerbayeva" });
    expect((await parseBounce("")).kind).toBe("other");
  });
});
