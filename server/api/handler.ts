/**
 * The one wrapper every route handler goes through: body parsing with a size bound, zod validation,
 * errors as JSON. Handlers stay thin: parse, call a domain module, shape the output.
 */
import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { ApiError } from "./errors";

export type RouteContext<P> = { params: Promise<P> };

export function jsonError(error: ApiError): NextResponse {
  return NextResponse.json(
    { error: { code: error.code, message: error.message } },
    { status: error.status, headers: error.headers },
  );
}

/** Wraps a handler: ApiError and zod errors become JSON errors; anything else a logged 500. */
export function route<P = Record<string, string>>(
  handler: (req: NextRequest, params: P) => Promise<Response>,
): (req: NextRequest, ctx: RouteContext<P>) => Promise<Response> {
  return async (req, ctx) => {
    try {
      return await handler(req, await ctx.params);
    } catch (err) {
      if (err instanceof ApiError) return jsonError(err);
      if (err instanceof z.ZodError) return jsonError(validationError(err));
      console.error(err);
      return jsonError(new ApiError(500, "internal_error", "Something went wrong on our side."));
    }
  };
}

export function validationError(err: z.ZodError): ApiError {
  const first = err.issues[0];
  const where = first?.path.length ? `${first.path.join(".")}: ` : "";
  return new ApiError(422, "validation_failed", `${where}${first?.message ?? "invalid input"}`);
}

/** Reads and validates a JSON body of at most maxBytes. */
export async function readJson<S extends z.ZodType>(req: NextRequest, schema: S, maxBytes = 16 * 1024): Promise<z.infer<S>> {
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw tooLarge(maxBytes);
  const text = await req.text();
  if (Buffer.byteLength(text) > maxBytes) throw tooLarge(maxBytes);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new ApiError(400, "invalid_json", "The request body is not valid JSON.");
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw validationError(parsed.error);
  return parsed.data;
}

function tooLarge(maxBytes: number) {
  return new ApiError(413, "payload_too_large", `The request body is over the ${Math.round(maxBytes / 1024)} KB limit.`);
}

/** The client's address (server/http.ts sets X-Forwarded-For from the socket unless a proxy is trusted). */
export function clientIp(req: NextRequest): string {
  return req.headers.get("x-forwarded-for")?.split(",")[0]?.trim() || "unknown";
}
