/**
 * The partner's loader, built to public/embed.js (scripts/build-embed.mjs; at most 1 KB gzipped, a test checks it).
 * It turns every `[data-urgent-letters]` element of the page into an iframe of /embed/<campaign>, keeps the iframe
 * as tall as its content, and dispatches the frame's events on the element (lib/embed/protocol.ts says which and
 * how messages are checked). The app's origin is taken from this script's own address: the one origin it posts
 * `hello` to and accepts messages from.
 */
import { PROTOCOL, isFrameMessage, type THelloMessage } from "./protocol";

type TFrame = { box: HTMLElement; frame: HTMLIFrameElement; id: string };

const script = document.currentScript as HTMLScriptElement | null;
const app = new URL(script ? script.src : "/", location.href).origin;
const frames = new Map<unknown, TFrame>();

function mount(box: HTMLElement): void {
  const data = box.dataset;
  if (data.ulMounted || !data.campaign) return;
  data.ulMounted = "1";
  const id = crypto.randomUUID();
  const query = new URLSearchParams();
  for (const key of ["partner", "lang", "theme"]) {
    const value = data[key];
    if (value) query.set(key, value);
  }
  const frame = document.createElement("iframe");
  frame.src = `${app}/embed/${encodeURIComponent(data.campaign)}?${query}`;
  frame.title = data.title || "Urgent Letters";
  frame.style.cssText = "display:block;width:100%;height:480px;border:0";
  // Every page the frame loads (the form, then its result) gets its own hello.
  frame.onload = () => frame.contentWindow!.postMessage({ protocol: PROTOCOL, type: "hello", id } satisfies THelloMessage, app);
  box.append(frame);
  frames.set(frame.contentWindow, { box, frame, id });
}

addEventListener("message", (event) => {
  const entry = event.origin === app ? frames.get(event.source) : undefined;
  if (!entry || !isFrameMessage(event.data, entry.id)) return;
  const { type, detail } = event.data;
  if (type === "resize") entry.frame.style.height = `${detail.height}px`;
  entry.box.dispatchEvent(new CustomEvent(`urgent-letters:${type}`, { detail, bubbles: true }));
});

// An async script may run before the rest of the page is parsed: then once it is.
const scan = () => document.querySelectorAll<HTMLElement>("[data-urgent-letters]").forEach(mount);
if (document.readyState === "loading") addEventListener("DOMContentLoaded", scan);
else scan();
