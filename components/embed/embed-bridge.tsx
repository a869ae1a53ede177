"use client";
import { useEffect } from "react";
import { EMBED_STEPS, PROTOCOL, isFrameMessage, isHelloMessage, type TEmbedStep, type TFrameEventMap, type TFrameEventName } from "@/lib/embed/protocol";

/** Where the page's early listener (EmbedHelloQueue) keeps the messages that came before this code ran. */
const QUEUE = "__ulHello";
type TQueued = typeof window & { [QUEUE]?: MessageEvent[] };

/**
 * The frame's side of the embed protocol (lib/embed/protocol.ts). It waits for the loader's hello from its parent
 * window, from an origin on the partner's list (`allowedOrigins`, written into the page by the server; the parent
 * has no say in it), then posts only to that origin: ready (or error), the height of the content whenever it
 * changes (a ResizeObserver, no polling), the step the supporter moves to (focus entering a `[data-step]`), and on
 * the result page the `submitted` of a fresh send. Every message is checked against the protocol's shapes before it
 * goes (isFrameMessage: the loader's own check), and the hello when it comes (isHelloMessage). Nothing with personal
 * data is ever posted.
 */
export function EmbedBridge({
  allowedOrigins,
  rootId,
  ready,
  error,
  step,
  submitted,
}: {
  allowedOrigins: string[];
  /** The element whose height is the frame's content. */
  rootId: string;
  ready?: TFrameEventMap["ready"];
  error?: string;
  /** The step this page is (the result page's `result`). */
  step?: TEmbedStep;
  /** A send that just happened (the result page opened with `sent=1`): said once, then taken off the address. */
  submitted?: TFrameEventMap["submitted"];
}) {
  useEffect(() => {
    const root = document.getElementById(rootId);
    if (!root || window.parent === window) return;
    let link: { origin: string; id: string } | undefined;
    let height = -1;
    let lastStep: string | undefined;
    const post = <N extends TFrameEventName>(type: N, detail: TFrameEventMap[N]) => {
      if (!link) return;
      const message = { protocol: PROTOCOL, id: link.id, type, detail };
      if (!isFrameMessage(message, link.id)) throw new Error(`embed: ${type} does not fit the protocol`);
      window.parent.postMessage(message, link.origin);
    };
    const measure = () => {
      const next = Math.ceil(root.getBoundingClientRect().height);
      if (next !== height) post("resize", { height: (height = next) });
    };
    const observer = new ResizeObserver(measure);
    const onFocus = (event: FocusEvent) => {
      const named = event.target instanceof Element ? event.target.closest("[data-step]")?.getAttribute("data-step") : undefined;
      if (named && named !== lastStep && (EMBED_STEPS as readonly string[]).includes(named)) post("step", { step: (lastStep = named) as TEmbedStep });
    };
    const onMessage = (event: MessageEvent) => {
      // One handshake per page, with the parent window only, from an origin the partner listed.
      if (link || event.source !== window.parent || !allowedOrigins.includes(event.origin)) return;
      if (!isHelloMessage(event.data)) return;
      link = { origin: event.origin, id: event.data.id };
      if (error) post("error", { message: error });
      else if (ready) post("ready", ready);
      if (step) post("step", { step: (lastStep = step) });
      if (submitted) {
        post("submitted", submitted);
        const url = new URL(window.location.href);
        url.searchParams.delete("sent");
        window.history.replaceState(window.history.state, "", url);
      }
      observer.observe(root);
      measure();
      document.addEventListener("focusin", onFocus);
    };
    const queued = window as TQueued;
    const early = queued[QUEUE] ?? [];
    queued[QUEUE] = undefined;
    for (const event of early) onMessage(event);
    window.addEventListener("message", onMessage);
    return () => {
      window.removeEventListener("message", onMessage);
      document.removeEventListener("focusin", onFocus);
      observer.disconnect();
    };
    // Once per page: the props are the server's and do not change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return null;
}

/**
 * The loader says hello when the frame's page has loaded, which can be before React has run this page's code: a
 * few bytes of inline script (with the page's CSP nonce) keep those messages until EmbedBridge reads them.
 */
export function EmbedHelloQueue({ nonce }: { nonce: string | undefined }) {
  const code = `window.${QUEUE}=[];addEventListener("message",function(e){var q=window.${QUEUE};q&&q.length<20&&q.push(e)})`;
  return <script nonce={nonce} dangerouslySetInnerHTML={{ __html: code }} />;
}
