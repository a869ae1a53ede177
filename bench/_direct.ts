import { randomUUID } from "node:crypto";
import { openDatabase } from "../lib/db/open";
import { submitAction } from "../lib/actions/submit-action";
import { confirmationMessage } from "../lib/actions/confirmation-message";
import { parseActionInput } from "../lib/actions/submit-action";

async function main() {
  const database = await openDatabase({ databaseUrl: "postgres://postgres@127.0.0.1:5432/ul_prof", migrate: false });
  const db = database.db;
  let n = 0;
  const body = () => ({ campaign: "dnc-sekerbayeva-charges", supporter: { name: "Bench Supporter", email: `d.${++n}.${randomUUID().slice(0, 8)}@example.org`, city: "Toronto", country: "CA" }, recipients: ["kz-president", "ca-minister-foreign-affairs", "ca-parl-sec-foreign-affairs"], personalNote: "I write as a constituent.", delivery: "email" });
  const mode = process.argv[2] ?? "full";
  const one = async () => {
    if (mode === "parse") return parseActionInput(db, body());
    return submitAction(db, body(), { ipHash: String(n), now: new Date(), rateLimits: { perIpPerHour: 60, perEmailPerHour: 5 }, confirmationEmail: (a) => confirmationMessage(a, "en") });
  };
  for (let i = 0; i < 300; i++) await one();
  for (let round = 0; round < 3; round++) {
    const N = 2000;
    const cpu0 = process.cpuUsage(); const t0 = performance.now();
    let next = 0;
    await Promise.all(Array.from({ length: 16 }, async () => { while (next++ < N) await one(); }));
    const cpu = process.cpuUsage(cpu0); const ms = performance.now() - t0;
    console.log(`${mode}: ${(N / ms * 1000).toFixed(0)}/s, cpu per op ${((cpu.user + cpu.system) / 1000 / N).toFixed(3)} ms (user ${(cpu.user/1000/N).toFixed(3)} sys ${(cpu.system/1000/N).toFixed(3)})`);
  }
  await database.close();
}
main();
