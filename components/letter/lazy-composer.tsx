"use client";
import { lazy, useEffect, useLayoutEffect, useRef, useState } from "react";
import { flushSync } from "react-dom";
import type { TLanguage } from "@/lib/i18n/languages";
import type { TMessages } from "@/lib/i18n/messages";
import type { TTemplateRow } from "@/lib/letters/compose-letters";
import type { TLetterComposerProps } from "./letter-composer";
import { draftKey } from "./use-persisted-form";

/** What the page hands over: the translations, the country list and the letter templates in other languages than
 * the one the letters start in are loaded with the composer's code instead, so that they are not part of every case
 * page's payload. */
export type TLazyComposerProps = Omit<TLetterComposerProps, "messages" | "countries">;

// On the server the composer renders in full (the form works without JavaScript, as a POST to its server action);
// this module is only ever loaded there.
const ServerComposer = lazy(() => import("./letter-composer-ssr").then((m) => ({ default: m.LetterComposerSsr })));

/** Each language's catalog as its own chunk: the composer loads only the page's. */
const CATALOG_LOADERS: Record<TLanguage, () => Promise<{ default: TMessages }>> = {
  en: () => import("@/lib/i18n/messages/en.json"),
  fr: () => import("@/lib/i18n/messages/fr.json"),
  ru: () => import("@/lib/i18n/messages/ru.json"),
  kk: () => import("@/lib/i18n/messages/kk.json"),
};

/** All the campaign's letter templates (the page carries only those of the language its letters start in). */
async function loadTemplates(slug: string): Promise<TTemplateRow[]> {
  const response = await fetch(`/c/${encodeURIComponent(slug)}/letter-templates`);
  if (!response.ok) throw new Error(`letter templates: ${response.status}`);
  return (await response.json()) as TTemplateRow[];
}

async function loadComposer(language: TLanguage, slug: string) {
  const [composer, catalog, countries, templates] = await Promise.all([
    import("./letter-composer"),
    CATALOG_LOADERS[language](),
    import("@/lib/schemas/countries"),
    loadTemplates(slug),
  ]);
  const { letter, validation, send, email, journey } = catalog.default;
  return {
    Composer: composer.LetterComposer,
    messages: { letter, validation, send, email, journey },
    countries: countries.countryOptions(language),
    templates,
  };
}

type TLoaded = Awaited<ReturnType<typeof loadComposer>>;

const FOCUSABLE = "input:not([type=hidden]), select, textarea, button, a[href], summary";

function hasDraft(slug: string): boolean {
  try {
    return window.sessionStorage.getItem(draftKey(slug)) !== null;
  } catch {
    return false;
  }
}

/**
 * The composer, hydrated only when the supporter reaches it. Its code (the form library, the schema, the letter
 * renderer, the translations) is most of the case page's JavaScript, and most readers read the case first: the page
 * loads and responds without it. Until then the server's HTML stays as it is (a plain form that posts to the server
 * action, showing the letters as they stand); when the supporter first touches the form (a tap, a click, the
 * keyboard), the code loads and the live composer replaces it, taking over whatever was already typed, and the focus.
 */
export function LazyComposer(props: TLazyComposerProps) {
  const box = useRef<HTMLDivElement>(null);
  const [live, setLive] = useState<{ loaded: TLoaded; typed: Record<string, FormDataEntryValue[]>; focus: number; left: string[]; pressed?: number }>();
  const language = props.pageLanguage;

  useEffect(() => {
    const element = box.current;
    if (!element || live) return;
    let started = false;
    // What happened in the server's form while the code was on its way, replayed on the composer once it is there:
    // the fields the supporter left (so their messages show, as they would have), and a button they pressed (the
    // server's "Show the PDF" does nothing by itself).
    const left = new Set<string>();
    let pressed: number | undefined;
    const onLeave = (event: Event) => {
      const name = event.target instanceof HTMLElement ? event.target.getAttribute("name") : null;
      if (name) left.add(name);
    };
    const onClick = (event: Event) => {
      const button = event.target instanceof Element ? event.target.closest("button") : null;
      if (button && button.type === "button") pressed = [...element.querySelectorAll("button")].indexOf(button);
    };
    element.addEventListener("focusout", onLeave);
    element.addEventListener("click", onClick);
    const start = () => {
      if (started) return;
      started = true;
      loadComposer(language, props.campaign.slug).then((loaded) => {
        // What the supporter typed into the server's form before the code arrived is handed over, not lost.
        const form = element.querySelector("form");
        const typed: Record<string, FormDataEntryValue[]> = {};
        if (form) for (const [name, value] of new FormData(form)) (typed[name] ??= []).push(value);
        // The focused control, by its place among the controls: the composer renders the same ones in the same order.
        const active = document.activeElement;
        const focus = active && element.contains(active) ? [...element.querySelectorAll(FOCUSABLE)].indexOf(active) : -1;
        // Read and replaced in one task: nothing typed can fall between the two.
        flushSync(() => setLive({ loaded, typed, focus, left: [...left], pressed }));
      }, () => {
        // Not loaded (offline for a moment, the server restarting): the server's form stays, and works as it is;
        // the next touch tries again.
        started = false;
      });
    };
    // Reached = touched: a pointer or the keyboard comes into the form. Scrolling past it costs nothing.
    // (A change counts too: a script or an assistive tool may set a field without focusing it first.)
    const events = ["focusin", "pointerdown", "touchstart", "keydown", "change", "input"] as const;
    for (const type of events) element.addEventListener(type, start, { passive: true });
    // A draft kept from before a reload (use-persisted-form.ts) is put back straight away.
    if (hasDraft(props.campaign.slug)) start();
    return () => {
      for (const type of events) element.removeEventListener(type, start);
      element.removeEventListener("focusout", onLeave);
      element.removeEventListener("click", onClick);
    };
  }, [live, language, props.campaign.slug]);

  useLayoutEffect(() => {
    if (!live || live.focus < 0) return;
    // Only where the focus was lost with the old form: never taken from where the supporter has since moved.
    const active = document.activeElement;
    if (active && active !== document.body && box.current?.contains(active)) return;
    const target = box.current?.querySelectorAll<HTMLElement>(FOCUSABLE)[live.focus];
    target?.focus();
    // Typing goes on where it stopped: the caret at the end of what is there.
    // (Email inputs have no caret to place: the browser refuses setSelectionRange on them.)
    if (target instanceof HTMLTextAreaElement || (target instanceof HTMLInputElement && ["text", "search", "tel", "url"].includes(target.type))) {
      const end = target.value.length;
      target.setSelectionRange(end, end);
    }
  }, [live]);

  useEffect(() => {
    if (live?.pressed !== undefined) box.current?.querySelectorAll("button")[live.pressed]?.click();
  }, [live]);

  if (typeof window === "undefined") {
    return (
      <div ref={box} className="composer-box">
        {/* No Suspense boundary here on purpose: the page waits for the form instead of streaming it in a hidden
            block that only a script would reveal (with JavaScript off, it would stay hidden). */}
        <ServerComposer {...props} />
      </div>
    );
  }
  if (!live) {
    // Keeps the server's HTML untouched while hydrating: React leaves an element's inner HTML alone when it is set
    // this way, so the form stays usable (and submittable) until the composer takes over.
    return <div ref={box} className="composer-box" suppressHydrationWarning dangerouslySetInnerHTML={{ __html: "" }} />;
  }
  const { Composer, messages, countries, templates } = live.loaded;
  return (
    <div ref={box} className="composer-box">
      <Composer {...props} templates={templates} messages={messages} countries={countries} typed={live.typed} left={live.left} />
    </div>
  );
}
