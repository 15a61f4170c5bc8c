/**
 * Requests exactly as written, through node:http: the path goes out byte for byte (fetch would
 * normalise `..`, refuse bad percent-encoding or re-encode it), any method, any headers, a body sent
 * whole (Content-Length) or in chunks. For fuzzing the real server.
 */
import http from "node:http";

export interface RawRequest {
  method: string;
  /** The request target as sent: path and query, percent-encoding left as is. */
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
  /** Send the body with chunked transfer encoding instead of a Content-Length. */
  chunked?: boolean;
}

export interface RawAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** A keep-alive client for one server; `send` resolves with the answer or rejects when none came. */
export function rawClient(baseUrl: string, maxSockets = 16) {
  const { hostname, port } = new URL(baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets });
  function send(req: RawRequest): Promise<RawAnswer> {
    return new Promise((resolve, reject) => {
      let answered = false;
      // Framing said outright: node sends a GET or DELETE body with neither header otherwise.
      const framing = !req.body ? {} : req.chunked ? { "transfer-encoding": "chunked" } : { "content-length": String(req.body.length) };
      const headers = { ...req.headers, ...framing };
      // Answers may carry long headers (a redirect repeats a long path): read them, whatever their size.
      const options = { host: hostname, port, method: req.method, path: req.path, headers, agent, maxHeaderSize: 256 * 1024 };
      const out = http.request(options, (res) => {
        answered = true;
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on("error", reject);
        res.on("close", () => {
          if (!res.complete) reject(new Error("the answer was cut short"));
        });
      });
      // A server may answer (e.g. 413) and close before it has read a large body: the answer counts.
      out.on("error", (err) => {
        if (!answered) reject(err);
      });
      if (req.body && req.chunked) {
        const half = req.body.length >> 1;
        out.write(req.body.subarray(0, half));
        out.end(req.body.subarray(half));
      } else {
        out.end(req.body);
      }
    });
  }
  return { send, close: () => agent.destroy() };
}

/** Runs `work` over `items` with at most `concurrency` in flight; results in item order. */
export async function inParallel<T, R>(items: T[], concurrency: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return results;
}
