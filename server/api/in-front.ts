/**
 * What an endpoint answered in front of Next's router needs (fast-reads.ts, fast-finish.ts): the request Next would
 * have built from the Node request, and the endpoint's answer written to the socket. A JsonText is
 * written as it is; a Response (an error, or an answer that renews the session cookie) is read out.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { NextRequest } from "next/server";
import { JsonText } from "./endpoint";

/**
 * The request as Next hands it to a route handler: same URL, method and headers; the body (of a
 * method that has one) streamed as it is read. Nothing is read before the endpoint asks, so a request
 * refused first (a 413 by its Content-Length, a 401) leaves its body to Node, which discards it and
 * keeps the connection.
 */
export function nextRequestOf(req: IncomingMessage): NextRequest {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else if (value !== undefined) headers.set(name, value);
  }
  const body = req.method === "GET" || req.method === "HEAD" ? undefined : bodyOf(req);
  // `duplex` is required by fetch's Request for a streamed body (not yet in @types/node 20's RequestInit).
  return new NextRequest(`http://${req.headers.host ?? "localhost"}${req.url}`, {
    method: req.method,
    headers,
    body,
    duplex: "half",
  } as ConstructorParameters<typeof NextRequest>[1]);
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
export async function writeAnswer(res: ServerResponse, answer: Response | JsonText): Promise<void> {
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
