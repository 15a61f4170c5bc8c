/**
 * A run's finish (POST /api/runs/:runId/finish) answered in front of Next's router: the endpoint the
 * route file exports (server/runs/finish-endpoint.ts: the same origin check, auth, validation, rate
 * limit and errors), called with the request Next would have built, so a finish skips Next's routing
 * machinery. Every other request goes on to Next: other methods on this path, and a finish with a
 * query string (the finish takes none; Next's route ignores it), which is how a test compares the two.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { finishEndpoint } from "../runs/finish-endpoint";
import { answerRaw } from "./endpoint";
import { nextRequestOf, writeAnswer } from "./in-front";

/** The path alone: `?` cannot appear in it, so a request with a query string does not match. */
const FINISH_PATH = /^\/api\/runs\/([^/?]+)\/finish$/;

/** Answers the request if it is a finish (true), else leaves it alone (false). The path was checked to decode. */
export function answerFastFinish(req: IncomingMessage, res: ServerResponse, onError: (err: unknown) => void): boolean {
  if (req.method !== "POST") return false;
  const found = FINISH_PATH.exec(req.url ?? "/");
  if (!found) return false;
  const params = { runId: decodeURIComponent(found[1]!) };
  answerRaw(finishEndpoint, nextRequestOf(req), { params: Promise.resolve(params) })
    .then((answer) => writeAnswer(res, answer))
    .catch(onError);
  return true;
}
