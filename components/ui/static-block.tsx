"use client";
import { createElement, useEffect, useState, type HTMLAttributes, type ReactNode } from "react";

/** Set after the first commit in the browser: a block mounted later is new to the page and has no server HTML. */
let hydrated = false;

type TStaticBlockProps = HTMLAttributes<HTMLElement> & { as?: "div" | "section" | "header" | "footer"; children: ReactNode };

/**
 * Content the server renders that never changes in the browser (the case, its sources, the officials), kept as the
 * server's HTML instead of being hydrated. Hydrating it would make a phone walk and claim every element of it on the
 * page's main thread before the page responds, for nothing: it holds no state and no handlers (links, `<details>` and
 * text work by themselves). React leaves an element's inner HTML alone when it is set this way, as in
 * lazy-composer.tsx. A block that mounts after the page has hydrated (a page rendered in the browser) renders its
 * content as usual, since there is no server HTML to keep.
 */
export function StaticBlock({ as = "div", children, ...attributes }: TStaticBlockProps) {
  // Decided once, at mount: on the server and for a block new to the page, the content; while hydrating, the HTML.
  const [keepServerHtml] = useState(() => typeof window !== "undefined" && !hydrated);
  useEffect(() => {
    hydrated = true;
  }, []);
  if (!keepServerHtml) return createElement(as, attributes, children);
  return createElement(as, { ...attributes, suppressHydrationWarning: true, dangerouslySetInnerHTML: { __html: "" } });
}
