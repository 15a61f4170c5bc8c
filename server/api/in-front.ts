/**
 * The endpoints answered in front of Next's router: the hottest requests the app takes (board pages
 * and standings, which every board viewer and every finished run ask for, and the finish every played
 * run ends with). They are the same endpoints the route files export (the same origin check, auth,
 * validation, rate limits, errors and ETags), called with a request that reads as the one Next would
 * have built, so these requests skip Next's routing and rendering machinery (about three quarters of
 * a read's cost: docs/bench.md) and the building of a NextRequest. Anything else, HEAD included, goes
 * on to Next.
 *
 * The endpoint's answer is written to the socket: a JsonText as it is; a Response (an error, or an
 * answer that renews the session cookie) is read out.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { parseCookie } from "next/dist/compiled/@edge-runtime/cookies";
import type { CookieReader } from "../admin/guard";
import { boardPageEndpoint, boardStandingEndpoint } from "../boards/read-endpoints";
import { finishEndpoint } from "../runs/finish-endpoint";
import { answerRaw, JsonText, type EndpointRequest, type RouteHandler } from "./endpoint";

interface InFront {
  method: "GET" | "POST";
  /** The path alone (no query string), its params captured in the order of `names`. */
  path: RegExp;
  names: string[];
  endpoint: RouteHandler;
  /**
   * A request with a query string goes on to Next. The finish takes none (Next's route ignores one),
   * which is how a test reaches the route to compare the two (test/integration/finish-fast-path.test.ts).
   */
  queryToNext?: true;
}

const IN_FRONT: InFront[] = [
  { method: "GET", path: /^\/api\/leaderboards\/([^/]+)$/, names: ["scenario"], endpoint: boardPageEndpoint },
  { method: "GET", path: /^\/api\/leaderboards\/([^/]+)\/players\/([^/]+)$/, names: ["scenario", "playerId"], endpoint: boardStandingEndpoint },
  { method: "POST", path: /^\/api\/runs\/([^/]+)\/finish$/, names: ["runId"], endpoint: finishEndpoint, queryToNext: true },
];

/** The endpoint a request is for, with its path params (decoded, as Next decodes them), or null. */
function match(req: IncomingMessage): { endpoint: RouteHandler; params: Record<string, string> } | null {
  const url = req.url ?? "/";
  const queryAt = url.indexOf("?");
  const path = queryAt === -1 ? url : url.slice(0, queryAt);
  for (const entry of IN_FRONT) {
    if (entry.method !== req.method || (entry.queryToNext && queryAt !== -1)) continue;
    const m = entry.path.exec(path);
    if (m) return { endpoint: entry.endpoint, params: Object.fromEntries(entry.names.map((name, i) => [name, decodeURIComponent(m[i + 1]!)])) };
  }
  return null;
}

/** Answers the request if it is one answered in front of Next (true), else leaves it alone (false). The path was checked to decode. */
export function answerInFront(req: IncomingMessage, res: ServerResponse, onError: (err: unknown) => void): boolean {
  const found = match(req);
  if (!found) return false;
  answerRaw(found.endpoint, new InFrontRequest(req), { params: Promise.resolve(found.params) })
    .then((answer) => writeAnswer(res, answer))
    .catch(onError);
  return true;
}

/**
 * The request as an endpoint reads it (EndpointRequest), the same as the NextRequest Next would build
 * for the route: the same method, headers, cookies, URL and body. Node's parsed headers are read in
 * place (their names are lower case; Node already joined repeated ones and trimmed values, as a
 * Headers copy would have); cookies are parsed by Next's own parser and the URL only when read. The
 * body (of a method that has one) is streamed as it is read: nothing is read before the endpoint
 * asks, so a request refused first (a 413 by its Content-Length, a 401) leaves its body to Node,
 * which discards it and keeps the connection.
 */
class InFrontRequest implements EndpointRequest {
  readonly method: string;
  readonly headers: EndpointRequest["headers"];
  readonly body: ReadableStream<Uint8Array> | null;
  private parsedCookies?: Map<string, string>;
  private url?: URL;

  constructor(private readonly req: IncomingMessage) {
    this.method = req.method!;
    const headers = req.headers;
    this.headers = {
      get: (name) => {
        const value = headers[name.toLowerCase()];
        return value === undefined ? null : Array.isArray(value) ? value.join(", ") : value;
      },
      has: (name) => headers[name.toLowerCase()] !== undefined,
    };
    this.body = this.method === "GET" || this.method === "HEAD" ? null : bodyOf(req);
  }

  get cookies(): CookieReader {
    const parsed = (this.parsedCookies ??= parseCookie(this.headers.get("cookie") ?? ""));
    return {
      get(name) {
        const value = parsed.get(name);
        return value === undefined ? undefined : { name, value };
      },
    };
  }

  /**
   * The path and query as NextURL has them: it wraps the URL of the host and the request target put
   * together (so `//x/y` is a path, not a host). The host plays no part in either, and is left out:
   * a Host that is no URL's host cannot make this throw.
   */
  get nextUrl(): URL {
    return (this.url ??= new URL(`http://localhost${this.req.url ?? "/"}`));
  }
}

/** The request's body as a web stream that reads a chunk only when asked for one (highWaterMark 0). */
function bodyOf(req: IncomingMessage): ReadableStream<Uint8Array> {
  const chunks = req[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const { done, value } = await chunks.next();
        if (done) controller.close();
        else controller.enqueue(value as Buffer);
      },
      async cancel() {
        await chunks.return?.();
      },
    },
    { highWaterMark: 0 },
  );
}

/** Writes an endpoint's answer. The security headers are already set on `res` (server/http.ts). */
async function writeAnswer(res: ServerResponse, answer: Response | JsonText): Promise<void> {
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
}
