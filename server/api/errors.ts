/**
 * API errors: every failure answers `{ error: { code, message } }` with a 4xx status (5xx only for
 * our own faults), and a handler that throws one has written nothing.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export const notFound = (code: string, message: string) => new ApiError(404, code, message);
