import { describe, expect, it } from "vitest";
import { parseEnv } from "./parse-env";

describe("settings", () => {
  it("needs nothing: every setting has a default", () => {
    const e = parseEnv({});
    expect(e.PORT).toBe(3000);
    expect(e.DATABASE_URL).toBeUndefined();
    expect(e.DATA_DIR).toBe("./.data");
    expect(e.TEMPLATES_RELOAD).toBe(false);
  });

  it("treats an empty value as unset", () => {
    expect(parseEnv({ PORT: "", DATABASE_URL: "  " }).DATABASE_URL).toBeUndefined();
  });

  it("names the variable and what it expects when a value is bad", () => {
    expect(() => parseEnv({ PORT: "eighty" })).toThrow(/PORT: expected a port number \(got "eighty"\)/);
    expect(() => parseEnv({ DATABASE_URL: "mysql://localhost/db" })).toThrow(/DATABASE_URL: expected a postgres:\/\//);
    expect(() => parseEnv({ TEMPLATES_RELOAD: "maybe" })).toThrow(/TEMPLATES_RELOAD: expected true or false/);
  });

  it("reads a Postgres URL and a port", () => {
    const e = parseEnv({ PORT: "3100", DATABASE_URL: "postgres://postgres@127.0.0.1:5432/test" });
    expect(e.PORT).toBe(3100);
    expect(e.DATABASE_URL).toBe("postgres://postgres@127.0.0.1:5432/test");
  });
});
