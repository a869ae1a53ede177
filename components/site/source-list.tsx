/**
 * A fact's sources as the content records them ("A; https://b…"): each item on its own, URLs as links, so a reader
 * can check a claim in one click. Only https:// sources become links (the loader keeps them to that).
 */
export function SourceList({ source, label }: { source: string; label: (count: number) => string }) {
  const items = source
    .split(/;\s+/)
    .map((s) => s.trim())
    .filter(Boolean);
  return (
    <p className="source">
      {label(items.length)}{" "}
      {items.map((item, i) => (
        <span key={`${item}-${i}`}>
          {i > 0 ? "; " : null}
          {/^https:\/\/\S+$/.test(item) ? (
            <a href={item} rel="noopener noreferrer">
              {displayUrl(item)}
            </a>
          ) : (
            item
          )}
        </span>
      ))}
    </p>
  );
}

/** "https://www.example.org/a/b" → "example.org/a/b": the address as people say it. */
function displayUrl(url: string): string {
  return url.replace(/^https:\/\/(www\.)?/, "").replace(/\/$/, "");
}
