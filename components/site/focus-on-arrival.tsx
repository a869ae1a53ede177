"use client";
import { useEffect } from "react";

/**
 * Moves the keyboard and screen-reader focus to the element with this id when the page opens (after "Send my
 * letters", the result page's heading), and scrolls it into view: on a phone the supporter sees where they landed.
 * Without JavaScript the page simply opens at its top, where the heading is.
 */
export function FocusOnArrival({ id }: { id: string }) {
  useEffect(() => {
    const element = document.getElementById(id);
    element?.focus({ preventScroll: true });
    element?.scrollIntoView({ block: "start" });
  }, [id]);
  return null;
}
