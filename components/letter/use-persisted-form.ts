"use client";
import { useEffect, useRef } from "react";
import type { FieldValues, UseFormReturn } from "react-hook-form";

/** Where a campaign's draft is kept in sessionStorage. */
export function draftKey(slug: string): string {
  return `urgent-letters:${slug}`;
}

/**
 * Keeps what the supporter typed in this tab's sessionStorage, so a reload loses nothing. Only this tab keeps it, and
 * only until it is closed: on a shared computer the next person does not find the name, email and note;
 * `clear()` forgets it sooner (after sending, or from the form's Clear button).
 */
export function usePersistedForm<T extends FieldValues>(form: UseFormReturn<T>, key: string, onRestored?: () => void) {
  const restored = useRef(false);
  useEffect(() => {
    try {
      const saved = window.sessionStorage.getItem(key);
      if (saved) form.reset({ ...form.getValues(), ...(JSON.parse(saved) as Partial<T>) }, { keepDefaultValues: true });
    } catch {
      // A corrupt or inaccessible store is the same as an empty one.
    }
    restored.current = true;
    onRestored?.();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const keep = (values: unknown) => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        try {
          window.sessionStorage.setItem(key, JSON.stringify(values));
        } catch {
          // Private browsing or a full store: the form still works, it just is not kept.
        }
      }, 250);
    };
    const subscription = form.watch((values) => keep(values));
    // The live form mounts once the supporter touched the server's form, taking over what was typed while its code
    // loaded; typing that all happened before this subscription fires no change, so it is kept once now as well.
    keep(form.getValues());
    return () => {
      clearTimeout(timer);
      subscription.unsubscribe();
    };
    // The form object is stable for the component's life; run once per key.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  return {
    clear() {
      try {
        window.sessionStorage.removeItem(key);
      } catch {
        // nothing kept
      }
    },
  };
}
