import autocannon from "autocannon";
import { randomUUID } from "node:crypto";
let n=0;
const rate = process.argv[3] ? Number(process.argv[3]) : undefined;
const r = await autocannon({ url: `http://127.0.0.1:${process.env.P ?? 3300}/api/v1/actions`, connections: 32, overallRate: rate, duration: Number(process.argv[2]??10), requests:[{method:"POST", headers:{"content-type":"application/json"}, setupRequest:(req)=>{ ++n; return {...req, headers: {...req.headers, "x-forwarded-for": `10.${(n>>16)&255}.${(n>>8)&255}.${n&255}`}, body: JSON.stringify({campaign:"dnc-sekerbayeva-charges", supporter:{name:"Bench Supporter", email:`b.${n}.${randomUUID().slice(0,8)}@example.org`, city:"Toronto", country:"CA"}, recipients:["kz-president","ca-minister-foreign-affairs","ca-parl-sec-foreign-affairs"], personalNote:"I write as a constituent.", delivery:"email"})}}}]});
console.log("rps", r.requests.average, "p50", r.latency.p50, "p90", r.latency.p90, "p99", r.latency.p99, "non2xx", r.non2xx, r.errors);
