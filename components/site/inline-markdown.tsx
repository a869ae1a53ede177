import Markdown from "react-markdown";

/**
 * A campaign's short texts (case status, updates): paragraphs, links and emphasis, nothing else. Raw HTML is
 * dropped, and the loader only lets links go to https:// pages or this site's own paths.
 */
export function InlineMarkdown({ children }: { children: string }) {
  return (
    <Markdown skipHtml allowedElements={["p", "a", "em", "strong"]} unwrapDisallowed>
      {children}
    </Markdown>
  );
}
