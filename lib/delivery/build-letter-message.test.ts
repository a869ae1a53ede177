import { simpleParser, type AddressObject } from "mailparser";
import nodemailer from "nodemailer";
import type Mail from "nodemailer/lib/mailer";
import { describe, expect, it } from "vitest";
import { buildDigestMessage } from "./build-digest-message";
import { buildLetterMessage, LetterMessageError, type TBuildLetterInput } from "./build-letter-message";
import { testPage } from "@/test/delivery/seed";
import { blocksToText } from "@/lib/templates/render-letter";

const pdf = Buffer.from("%PDF-1.4 test");
const settings = { mailFrom: "letters@urgent-letters.org", organisationName: "Urgent Letters" };
const letterId = "5a6f0f8e-6a38-4c59-9a55-0c3f4f6b9d10";

function input(overrides: { subject?: string; name?: string; email?: string; signAs?: "full" | "initials"; recipientName?: string | null; text?: string } = {}): TBuildLetterInput {
  const page = testPage({ recipientId: "embassy-gb", subject: "Release her", text: overrides.text ?? "Free Zhanar.", signature: "Asem" });
  return {
    letter: { id: letterId, subject: overrides.subject ?? "Release her", body: blocksToText(page.blocks), page, language: "en", recipientId: "embassy-gb" },
    action: { supporterName: overrides.name ?? "Zhanar Sekerbayeva", supporterEmail: overrides.email ?? "asem@example.org", signAs: overrides.signAs ?? "full" },
    recipient: { id: "embassy-gb", email: "ambassador@kazembassy.example", name: overrides.recipientName === undefined ? "H.E. The Ambassador" : overrides.recipientName },
    settings,
    pdf,
  };
}

/** The message as it goes on the wire, parsed back: what a mail server and client see. */
async function onTheWire(message: Mail.Options) {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true });
  const info = await transport.sendMail(message);
  return simpleParser(info.message as Buffer);
}

function only(address: AddressObject | AddressObject[] | undefined) {
  const list = [address].flat().filter((a): a is AddressObject => !!a).flatMap((a) => a.value);
  expect(list).toHaveLength(1);
  return list[0]!;
}

describe("a letter as an email", () => {
  it("comes from the organisation with the supporter's name, answers go to the supporter", async () => {
    const mail = await onTheWire(buildLetterMessage(input()));
    expect(only(mail.from)).toEqual({ name: "Zhanar Sekerbayeva via Urgent Letters", address: "letters@urgent-letters.org" });
    expect(only(mail.replyTo).address).toBe("asem@example.org");
    expect(only(mail.to)).toEqual({ name: "H.E. The Ambassador", address: "ambassador@kazembassy.example" });
    expect(mail.subject).toBe("Release her");
    expect(mail.messageId).toBe(`<letter-${letterId}@urgent-letters.org>`);
    expect(mail.text).toContain("Free Zhanar.");
    expect(mail.attachments).toHaveLength(1);
    expect(mail.attachments[0]).toMatchObject({ filename: "letter-embassy-gb.pdf", contentType: "application/pdf" });
    expect(mail.attachments[0]!.content.equals(pdf)).toBe(true);
  });

  it("bounces to the organisation, never to the supporter, at an address that names the letter (VERP)", () => {
    expect(buildLetterMessage(input()).envelope).toEqual({ from: `bounces+${letterId}@urgent-letters.org`, to: "ambassador@kazembassy.example" });
    const own = buildLetterMessage({ ...input(), settings: { ...settings, bounceAddress: "returns@mail.urgent-letters.org" } });
    expect(own.envelope).toEqual({ from: `returns+${letterId}@mail.urgent-letters.org`, to: "ambassador@kazembassy.example" });
  });

  it("signs with initials when the supporter asked for it", async () => {
    const mail = await onTheWire(buildLetterMessage(input({ signAs: "initials" })));
    expect(only(mail.from).name).toBe("Z. S. via Urgent Letters");
    expect(only(mail.replyTo).name).toBe("Z. S.");
  });

  it("keeps a name that looks like an address a name", async () => {
    const mail = await onTheWire(buildLetterMessage(input({ name: 'Eve "Boss" <boss@kazembassy.example>, x@y.z' })));
    const from = only(mail.from);
    expect(from.address).toBe("letters@urgent-letters.org");
    expect(from.name).toContain("boss@kazembassy.example");
  });

  it("escapes the supporter's text in the HTML body", async () => {
    const message = buildLetterMessage(input({ text: `<script>alert("x")</script> & <b>bold</b>\nsecond line` }));
    const html = String(message.html);
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<b>bold</b>");
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;<br>");
    expect(html).toContain('<html lang="en">');
  });

  it("refuses header values with line breaks", () => {
    expect(() => buildLetterMessage(input({ subject: "Hello\r\nBcc: everyone@example.org" }))).toThrow(LetterMessageError);
    expect(() => buildLetterMessage(input({ name: "Asem\nBcc: x@example.org" }))).toThrow(/line break/);
    expect(() => buildLetterMessage(input({ recipientName: "Ambassador\r" }))).toThrow(/line break/);
  });

  it("refuses anything but one plain address for the supporter", () => {
    expect(() => buildLetterMessage(input({ email: "a@example.org, b@example.org" }))).toThrow(/single email address/);
    expect(() => buildLetterMessage(input({ email: "Asem <a@example.org>" }))).toThrow(/single email address/);
    expect(() => buildLetterMessage(input({ email: settings.mailFrom }))).toThrow(LetterMessageError);
  });

  it("sends to the bare address when the official has no name on file", async () => {
    const mail = await onTheWire(buildLetterMessage(input({ recipientName: null })));
    expect(only(mail.to)).toEqual({ name: "", address: "ambassador@kazembassy.example" });
  });
});

describe("a digest as an email", () => {
  it("lists the writers by name or initials and city, from the organisation alone", async () => {
    const one = input();
    const message = buildDigestMessage({
      digestId: "d1",
      recipient: one.recipient,
      settings,
      pdf,
      date: new Date("2026-03-02T10:00:00Z"),
      entries: [
        { letter: one.letter, action: { supporterName: "Asem Nurlanova", signAs: "full", city: "Almaty", country: "KZ" } },
        { letter: one.letter, action: { supporterName: "Jean-Pierre Dupont", signAs: "initials", city: "Lyon <script>", country: "FR" } },
      ],
    });
    const mail = await onTheWire(message);
    expect(only(mail.from)).toEqual({ name: "Urgent Letters", address: "letters@urgent-letters.org" });
    expect(mail.replyTo).toBeUndefined();
    expect(mail.subject).toBe("2 letters: Release her");
    expect(mail.messageId).toBe("<digest-d1@urgent-letters.org>");
    expect(mail.text).toContain("1. Asem Nurlanova, Almaty (Kazakhstan)");
    expect(mail.text).toContain("2. J.-P. D., Lyon <script> (France)");
    expect(mail.text).not.toContain("Dupont");
    expect(String(message.html)).toContain("Lyon &lt;script&gt;");
    expect(mail.attachments[0]!.filename).toBe("letters-embassy-gb-2026-03-02.pdf");
  });
});
