import { describe, expect, it } from "vitest";
import { recipientName, recipientsForCountry } from "./recipients";

const campaign = {
  audiences: [
    {
      recipients: [
        { id: "kz-president", servesCountries: [] },
        { id: "kz-embassy-uk", servesCountries: ["GB", "IE"] },
        { id: "kz-embassy-us", servesCountries: ["US"] },
      ],
    },
    { recipients: [{ id: "ca-minister", servesCountries: [] }] },
  ],
};

describe("recipientsForCountry", () => {
  it("ticks the offices that serve the supporter's country, unticks the others, and leaves everyone else as chosen", () => {
    const all = ["kz-president", "kz-embassy-uk", "kz-embassy-us", "ca-minister"];
    expect(recipientsForCountry(campaign, all, "IE")).toEqual(["kz-president", "kz-embassy-uk", "ca-minister"]);
    expect(recipientsForCountry(campaign, ["ca-minister"], "US")).toEqual(["kz-embassy-us", "ca-minister"]);
    expect(recipientsForCountry(campaign, ["kz-president"], "FR")).toEqual(["kz-president"]);
  });
});

describe("recipientName", () => {
  it("gives the name in the language's script where known, else the name as written", () => {
    const president = { name: "Kassym-Jomart Tokayev", names: { en: "Kassym-Jomart Tokayev", ru: "Касым-Жомарт Токаев" } };
    expect(recipientName(president, "ru")).toBe("Касым-Жомарт Токаев");
    expect(recipientName(president, "fr")).toBe("Kassym-Jomart Tokayev");
    expect(recipientName({ name: null, names: null }, "ru")).toBeNull();
  });
});
