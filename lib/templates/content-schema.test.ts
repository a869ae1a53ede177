import { describe, expect, it } from "vitest";
import { RESERVED_IDS, ZCampaignFile, ZRecipientFile } from "./content-schema";

// The fields the slug and the recipient id sit beside: only the id's problem matters here.
const pathsOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  (result.error?.issues ?? []).map((i) => `${i.path.join(".")}: ${i.message}`);

describe("ids that are the admin's own pages", () => {
  it.each(RESERVED_IDS)("refuses %s as a campaign slug and as a recipient id, next to the field", (word) => {
    expect(pathsOf(ZCampaignFile.safeParse({ slug: word }))).toContain(`slug: "new" and "import-export" name the admin's own pages: choose another`);
    expect(pathsOf(ZRecipientFile.safeParse({ id: word }))).toContain(`id: "new" and "import-export" name the admin's own pages: choose another`);
  });

  it("accepts ids that only contain those words", () => {
    expect(pathsOf(ZCampaignFile.safeParse({ slug: "new-charges" })).filter((p) => p.startsWith("slug:"))).toEqual([]);
    expect(pathsOf(ZRecipientFile.safeParse({ id: "import-export-office" })).filter((p) => p.startsWith("id:"))).toEqual([]);
  });
});
