import { expect, test } from "@playwright/test";
import { checkCapturedMail, fuzzPublicApi } from "../../test/fuzz/public-api";

// A fixed seed and a bounded count in CI; `npm run fuzz -- --runs 100000` runs the same properties long.
test("[API] fuzzed requests to every public endpoint: no 5xx, problems with field paths, no added recipient or header", async ({ baseURL }) => {
  test.setTimeout(180_000);
  const report = await fuzzPublicApi(baseURL!, { runs: 400, seed: 20261201 });
  expect(report.requests).toBe(400);
  // The generator reaches the deep checks, not only the front door: some requests are accepted or previewed.
  expect(Object.keys(report.byStatus).map(Number).some((s) => s < 300)).toBe(true);
  expect(Object.keys(report.byStatus).map(Number).every((s) => s < 500)).toBe(true);
  const mail = await checkCapturedMail(baseURL!);
  expect(mail.problems).toEqual([]);
});
