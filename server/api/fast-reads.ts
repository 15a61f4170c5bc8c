/**
 * The hottest reads answered in front of Next's router: board pages and standings, which every
 * board viewer and every finished run ask for. They are the same endpoints the route files export
 * (server/boards/read-endpoints.ts: the same validation, errors and ETags), called here with the
 * request Next would have built, so a read skips Next's routing and rendering machinery (about
 * three quarters of its cost: docs/bench.md). Anything else, HEAD included, goes on to Next.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { NextRequest } from "next/server";
import { boardPageEndpoint, boardStandingEndpoint } from "../boards/read-endpoints";
import { answerRaw, JsonText, type RouteHandler } from "./endpoint";

interface FastRead {
  path: RegExp;
  names: string[];
  handler: RouteHandler;
}

const FAST_READS: FastRead[] = [
  { path: /^\/api\/leaderboards\/([^/]+)$/, names: ["scenario"], handler: boardPageEndpoint },
  { path: /^\/api\/leaderboards\/([^/]+)\/players\/([^/]+)$/, names: ["scenario", "playerId"], handler: boardStandingEndpoint },
];

/** The fast read a request is, with its path params (decoded, as Next decodes them), or null. */
function match(req: IncomingMessage): { read: FastRead; params: Record<string, string> } | null {
  if (req.method !== "GET") return null;
  const path = (req.url ?? "/").split("?")[0]!;
  for (const read of FAST_READS) {
    const m = read.path.exec(path);
    if (m) return { read, params: Object.fromEntries(read.names.map((name, i) => [name, decodeURIComponent(m[i + 1]!)])) };
  }
  return null;
}

/** Answers the request if it is a fast read (true), else leaves it alone (false). The path was checked to decode. */
export function answerFastRead(req: IncomingMessage, res: ServerResponse, onError: (err: unknown) => void): boolean {
  const found = match(req);
  if (!found) return false;
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else if (value !== undefined) headers.set(name, value);
  }
  const request = new NextRequest(`http://${req.headers.host ?? "localhost"}${req.url}`, { method: "GET", headers });
  answerRaw(found.read.handler, request, { params: Promise.resolve(found.params) })
    .then(async (answer) => {
      if (answer instanceof JsonText) {
        res.writeHead(answer.status, { ...answer.headers, "content-length": Buffer.byteLength(answer.text) });
        res.end(answer.status === 304 ? undefined : answer.text);
        return;
      }
      const body = Buffer.from(await answer.arrayBuffer());
      for (const [name, value] of answer.headers) if (name !== "set-cookie") res.setHeader(name, value);
      const cookies = answer.headers.getSetCookie();
      if (cookies.length) res.setHeader("set-cookie", cookies);
      res.writeHead(answer.status, { "content-length": body.length });
      res.end(body);
    })
    .catch(onError);
  return true;
}
