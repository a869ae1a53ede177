import { describe, expect, it } from "vitest";
import { FRAME_EVENTS, PROTOCOL, frameMessageSchema, helloSchema, isFrameMessage, isHelloMessage } from "./protocol";

const ID = "0f8fad5b-d9cb-469f-a165-70867728950e";
const message = (type: string, detail: unknown, extra: Record<string, unknown> = {}) => ({ protocol: PROTOCOL, id: ID, type, detail, ...extra });

/** Messages a frame may send, and near misses that neither side may accept. */
const GOOD = [
  message("ready", { campaign: "dnc-sekerbayeva-charges", language: "fr" }),
  message("resize", { height: 1234 }),
  message("step", { step: "preview" }),
  message("submitted", { actionId: ID, delivery: "post", letters: 3 }),
  message("error", { message: "there is no campaign" }),
];
const BAD = [
  null,
  "ready",
  message("ready", { campaign: "x" }),
  message("ready", { campaign: "x", language: "fr", name: "Marie" }),
  message("resize", { height: -1 }),
  message("resize", { height: 1.5 }),
  message("resize", { height: "12" }),
  message("step", { step: "elsewhere" }),
  message("submitted", { actionId: ID, delivery: "pigeon", letters: 1 }),
  message("submitted", { actionId: ID, delivery: "post", letters: 1, email: "a@example.org" }),
  message("hello", {}),
  message("toString", {}),
  message("error", { message: "x".repeat(201) }),
  message("ready", { campaign: "x", language: "fr" }, { extra: 1 }),
  { ...message("ready", { campaign: "x", language: "fr" }), protocol: "urgent-letters/0" },
];

describe("the embed protocol", () => {
  it("gives the loader's hand check and the frame's zod schema the same answers", () => {
    for (const m of GOOD) {
      expect(frameMessageSchema().safeParse(m).success, JSON.stringify(m)).toBe(true);
      expect(isFrameMessage(m, ID), JSON.stringify(m)).toBe(true);
    }
    for (const m of BAD) {
      expect(frameMessageSchema().safeParse(m).success, JSON.stringify(m)).toBe(false);
      expect(isFrameMessage(m, ID), JSON.stringify(m)).toBe(false);
    }
  });

  it("lets the loader refuse a good message with another frame's id", () => {
    expect(isFrameMessage(GOOD[0], "another-frame-id-0000")).toBe(false);
  });

  it("covers every event the documentation lists, and no other", () => {
    expect(Object.keys(FRAME_EVENTS).sort()).toEqual(["error", "ready", "resize", "step", "submitted"]);
  });

  it("parses the loader's hello and nothing else as one, with zod and with the frame's hand check alike", () => {
    const good = { protocol: PROTOCOL, type: "hello", id: ID };
    const bad = [
      null,
      "hello",
      { protocol: PROTOCOL, type: "hello", id: "short" },
      { protocol: PROTOCOL, type: "hello", id: ID, origin: "https://evil.example" },
      { protocol: PROTOCOL, type: "ready", id: ID },
      { protocol: "urgent-letters/2", type: "hello", id: ID },
      { protocol: PROTOCOL, type: "hello", id: 42 },
    ];
    expect(helloSchema().safeParse(good).success).toBe(true);
    expect(isHelloMessage(good)).toBe(true);
    for (const m of bad) {
      expect(helloSchema().safeParse(m).success, JSON.stringify(m)).toBe(false);
      expect(isHelloMessage(m), JSON.stringify(m)).toBe(false);
    }
  });
});
