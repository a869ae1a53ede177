import type { Metadata } from "next";
import { publicUrl } from "@/lib/env";
import { buildDocument } from "@/lib/openapi/build-document";
import "./developers.css";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "API reference" };

type TSchema = {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, TSchema>;
  required?: string[];
  items?: TSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: TSchema[];
  allOf?: TSchema[];
  description?: string;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
};
type TOperation = {
  summary?: string;
  description?: string;
  operationId?: string;
  tags?: string[];
  security?: Record<string, unknown>[];
  parameters?: { name: string; in: string; required?: boolean; description?: string }[];
  requestBody?: { content: Record<string, { schema: TSchema }> };
  responses: Record<string, { description: string; content?: Record<string, { schema?: TSchema }> }>;
};
type TDocument = {
  info: { title: string; description: string; version: string };
  paths: Record<string, Record<string, TOperation>>;
  webhooks: Record<string, Record<string, TOperation>>;
  components: { schemas: Record<string, TSchema> };
};

const refName = (ref: string) => ref.split("/").at(-1)!;
const anchor = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");

/**
 * The API reference, rendered here from the same OpenAPI document /api/v1/openapi.json serves (no script, no CDN):
 * each operation with its parameters, its body's fields and its answers, and the webhooks with their payloads.
 */
export default function DevelopersPage() {
  const doc = buildDocument(publicUrl()) as unknown as TDocument;
  const operations = Object.entries(doc.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ path, method, op })));
  return (
    <article className="section prose api-ref">
      <h1>{doc.info.title}</h1>
      <p>{doc.info.description}</p>
      <p>
        The machine-readable document: <a href="/api/v1/openapi.json">/api/v1/openapi.json</a> (OpenAPI 3.1). Partners: keys are made by this
        site&apos;s owner; send one as <code>Authorization: Bearer ul_live_…</code>, from your server only.
      </p>
      <nav aria-label="Operations">
        <h2>Operations</h2>
        <ul className="api-ref__toc">
          {operations.map(({ path, method, op }) => (
            <li key={`${method} ${path}`}>
              <a href={`#${anchor(op.operationId ?? `${method}-${path}`)}`}>
                <span className="api-ref__method">{method.toUpperCase()}</span> <code>{path}</code>
              </a>{" "}
              {op.summary}
            </li>
          ))}
          {Object.keys(doc.webhooks).map((type) => (
            <li key={type}>
              <a href={`#webhook-${anchor(type)}`}>
                <span className="api-ref__method">EVENT</span> <code>{type}</code>
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {operations.map(({ path, method, op }) => (
        <Operation key={`${method} ${path}`} id={anchor(op.operationId ?? `${method}-${path}`)} title={`${method.toUpperCase()} ${path}`} op={op} doc={doc} />
      ))}
      <h2>Webhooks</h2>
      <p>
        Each event is POSTed as JSON to your endpoint, signed per the Standard Webhooks spec (headers <code>webhook-id</code>,{" "}
        <code>webhook-timestamp</code>, <code>webhook-signature</code>). Answer 2xx within 10 seconds; anything else is retried with back-off for
        24 hours.
      </p>
      {Object.entries(doc.webhooks).map(([type, methods]) => (
        <Operation key={type} id={`webhook-${anchor(type)}`} title={`Event ${type}`} op={methods.post!} doc={doc} />
      ))}
    </article>
  );
}

function Operation({ id, title, op, doc }: { id: string; title: string; op: TOperation; doc: TDocument }) {
  const body = op.requestBody?.content["application/json"]?.schema;
  return (
    <section className="api-ref__op" aria-labelledby={id}>
      <h3 id={id}>
        <code>{title}</code>
      </h3>
      {op.summary ? <p className="api-ref__summary">{op.summary}</p> : null}
      {op.description ? <p>{op.description}</p> : null}
      {op.security?.some((s) => "partnerKey" in s) ? (
        <p className="api-ref__auth">{op.security.some((s) => Object.keys(s).length === 0) ? "Public, or with a partner API key." : "Needs a partner API key."}</p>
      ) : null}
      {op.parameters?.length ? (
        <>
          <h4>Parameters</h4>
          <dl className="api-ref__fields">
            {op.parameters.map((p) => (
              <div key={`${p.in}-${p.name}`}>
                <dt>
                  <code>{p.name}</code> <span className="muted">({p.in}{p.required ? ", required" : ""})</span>
                </dt>
                <dd>{p.description}</dd>
              </div>
            ))}
          </dl>
        </>
      ) : null}
      {body ? (
        <>
          <h4>Body</h4>
          <Fields schema={body} doc={doc} depth={0} />
        </>
      ) : null}
      <h4>Answers</h4>
      <dl className="api-ref__fields">
        {Object.entries(op.responses).map(([status, response]) => {
          const schema = Object.values(response.content ?? {})[0]?.schema;
          return (
            <div key={status}>
              <dt>
                <code>{status}</code> {Object.keys(response.content ?? {}).join(", ")}
              </dt>
              <dd>
                {response.description}
                {schema?.$ref ? <> — <code>{refName(schema.$ref)}</code></> : null}
                {schema?.$ref && refName(schema.$ref) !== "Problem" ? (
                  <details>
                    <summary>Fields of {refName(schema.$ref)}</summary>
                    <Fields schema={schema} doc={doc} depth={0} />
                  </details>
                ) : null}
              </dd>
            </div>
          );
        })}
      </dl>
    </section>
  );
}

function typeOf(schema: TSchema, doc: TDocument): string {
  if (schema.$ref) return refName(schema.$ref);
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  if (schema.enum) return schema.enum.map((v) => JSON.stringify(v)).join(" | ");
  if (schema.anyOf) return schema.anyOf.map((s) => typeOf(s, doc)).join(" or ");
  if (schema.type === "array" && schema.items) return `list of ${typeOf(schema.items, doc)}`;
  const type = Array.isArray(schema.type) ? schema.type.join(" or ") : (schema.type ?? "any");
  return schema.format ? `${type} (${schema.format})` : type;
}

function limits(schema: TSchema): string {
  const parts: string[] = [];
  if (schema.minLength !== undefined && schema.minLength > 0) parts.push(`at least ${schema.minLength} characters`);
  if (schema.maxLength !== undefined) parts.push(`at most ${schema.maxLength} characters`);
  if (schema.minItems !== undefined && schema.minItems > 0) parts.push(`at least ${schema.minItems}`);
  if (schema.maxItems !== undefined) parts.push(`at most ${schema.maxItems}`);
  return parts.join(", ");
}

/** An object's fields, one line each, with the fields of nested objects below them (a few levels deep). */
function Fields({ schema, doc, depth }: { schema: TSchema; doc: TDocument; depth: number }) {
  let resolved = schema.$ref ? (doc.components.schemas[refName(schema.$ref)] ?? schema) : schema;
  if (resolved.allOf) {
    const merged: TSchema = { type: "object", properties: {}, required: [] };
    for (const part of resolved.allOf) {
      const p = part.$ref ? (doc.components.schemas[refName(part.$ref)] ?? part) : part;
      Object.assign(merged.properties!, p.properties);
      merged.required!.push(...(p.required ?? []));
    }
    resolved = merged;
  }
  if (resolved.type === "array" && resolved.items) resolved = resolved.items.$ref ? (doc.components.schemas[refName(resolved.items.$ref)] ?? resolved.items) : resolved.items;
  const nullable = resolved.anyOf?.find((s) => s.type === "object");
  if (nullable) resolved = nullable;
  if (!resolved.properties) return <p className="muted">{typeOf(schema, doc)}</p>;
  return (
    <dl className="api-ref__fields">
      {Object.entries(resolved.properties).map(([name, field]) => {
        const inner = field.$ref ? doc.components.schemas[refName(field.$ref)] : field;
        const nested = depth < 3 && inner && (inner.properties || inner.items?.properties || inner.items?.$ref || inner.anyOf?.some((s) => s.properties));
        const note = [limits(field), field.description ?? inner?.description].filter(Boolean).join(". ");
        return (
          <div key={name}>
            <dt>
              <code>{name}</code> <span className="muted">{typeOf(field, doc)}{resolved.required?.includes(name) ? ", required" : ""}</span>
            </dt>
            <dd>
              {note}
              {nested ? <Fields schema={field} doc={doc} depth={depth + 1} /> : null}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
