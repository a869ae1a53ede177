/**
 * A doc as the text of its file(s), for a readable diff between versions: the same YAML and front matter that export
 * writes. Pure, so the admin's browser code can use it too.
 */
import YAML from "yaml";
import type { TEntity } from "./docs";

const yaml = (value: unknown) => YAML.stringify(value, { lineWidth: 0 });

export function docText(entity: TEntity, doc: Record<string, unknown>): string {
  if (entity === "template") {
    const { body, ...front } = doc as { body: string };
    return `---\n${yaml(front)}---\n\n${String(body).trim()}\n`;
  }
  if (entity === "campaign") {
    const { campaign, content } = doc as { campaign: unknown; content: Record<string, { background: string } & Record<string, unknown>> };
    const texts = Object.entries(content).map(([language, { background, ...front }]) => `# content.${language}.md\n---\n${yaml(front)}---\n\n${background.trim()}\n`);
    return [`# campaign.yaml\n${yaml(campaign)}`, ...texts].join("\n");
  }
  return yaml(doc);
}
