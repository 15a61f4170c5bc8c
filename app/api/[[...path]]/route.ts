import { endpoint, methods } from "@/server/api/endpoint";
import { NotFound } from "@/server/errors";

/** Any /api path no route claims: a JSON 404 for every method, like every other API error. */
const notFound = endpoint({}, async ({ req }) => {
  throw new NotFound("not_found", `No API route at ${req.nextUrl.pathname}.`);
});

export const { GET, POST, PUT, PATCH, DELETE } = methods({ GET: notFound, POST: notFound, PUT: notFound, PATCH: notFound, DELETE: notFound });
