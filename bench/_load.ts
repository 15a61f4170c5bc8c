import http from "node:http";
import { load } from "../bench/support";
const agent = new http.Agent({ keepAlive: true, maxSockets: 32 });
const get = (p: string) => new Promise<void>((res, rej) => http.get(`http://localhost:3999${p}`, { agent }, (r) => { r.resume(); r.on("end", () => res()); }).on("error", rej));
const path = process.argv[2] ?? "/api/leaderboards/gridshot-sprint?period=all&tier=all&limit=25";
await get(path);
const r = await load(32, 20000, () => get(path));
console.log(Math.round(r.perSecond), r.p50, r.p99, r.failures);
agent.destroy();
