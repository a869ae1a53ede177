import Link from "next/link";

/** The heading and the links between a partner's pages (its editor is issue 12's embed branch). */
export function PartnerHeader({ code, name, title, current }: { code: string; name: string; title: string; current: "keys" | "webhooks" }) {
  return (
    <>
      <p>
        <Link href="/admin/partners">Partners</Link> / <Link href={`/admin/partners/${code}`}>{name}</Link>
      </p>
      <h1>
        {title} <span className="muted">· {name}</span>
      </h1>
      <ul className="partner-api-nav" aria-label={`${name}: pages`}>
        <li>{current === "keys" ? <strong aria-current="page">API keys</strong> : <Link href={`/admin/partners/${code}/keys`}>API keys</Link>}</li>
        <li>{current === "webhooks" ? <strong aria-current="page">Webhooks</strong> : <Link href={`/admin/partners/${code}/webhooks`}>Webhooks</Link>}</li>
        <li>
          <Link href="/developers">API reference</Link>
        </li>
      </ul>
    </>
  );
}
