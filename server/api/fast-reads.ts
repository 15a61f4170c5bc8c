/**
 * The hottest reads answered in front of Next's router: board pages and standings, which every
 * board viewer and every finished run ask for. They are the same endpoints the route files export
 * (server/boards/read-endpoints.ts: the same validation, errors and ETags), called here with the
 * request Next would have built, so a read skips Next's routing and rendering machinery (about
 * three quarters of its cost: docs/bench.md). Anything else, HEAD included, goes on to Next.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { boardPageEndpoint, boardStandingEndpoint } from "../boards/read-endpoints";
import { answerRaw, type RouteHandler } from "./endpoint";
import { nextRequestOf, writeAnswer } from "./in-front";

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
  answerRaw(found.read.handler, nextRequestOf(req), { params: Promise.resolve(found.params) })
    .then((answer) => writeAnswer(res, answer))
    .catch(onError);
  return true;
}
