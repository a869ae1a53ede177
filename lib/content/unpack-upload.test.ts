import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { unpackUpload } from "./unpack-upload";

const bytes = (text: string) => strToU8(text);

describe("unpackUpload", () => {
  it("reads a zip of the export's layout relative to its templates/ folder and leaves out what is not content", () => {
    const zip = zipSync({ "templates/recipients/a.yaml": bytes("id: a"), "templates/campaigns/x/campaign.yaml": bytes("slug: x"), "templates/README.md": bytes("#"), "__MACOSX/templates/recipients/._a.yaml": bytes("") });
    expect(unpackUpload({ archive: { name: "content.zip", bytes: zip } }).map((f) => f.path).sort()).toEqual(["campaigns/x/campaign.yaml", "recipients/a.yaml"]);
  });

  it("takes a folder's files by their paths", () => {
    const files = [{ path: "mine/recipients/a.yaml", bytes: bytes("id: a") }];
    expect(unpackUpload({ files }).map((f) => f.path)).toEqual(["recipients/a.yaml"]);
  });

  it("refuses a path that climbs out of the folder", () => {
    const attempt = () => unpackUpload({ files: [{ path: "recipients/../../etc/x.yaml", bytes: bytes("") }] });
    expect(attempt).toThrow(AppError);
    expect(attempt).toThrow(/outside its folder/);
  });

  it("refuses what is not a zip, and an upload without content files, as 4xx problems", () => {
    expect(() => unpackUpload({ archive: { name: "c.zip", bytes: bytes("not a zip") } })).toThrow(/could not be read as a \.zip/);
    expect(() => unpackUpload({ archive: { name: "c.tar", bytes: bytes("") } })).toThrow(/Upload a \.zip/);
    expect(() => unpackUpload({ files: [{ path: "notes.txt", bytes: bytes("") }] })).toThrow(/no content files/);
  });
});
