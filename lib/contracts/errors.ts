/** Every API error answers this body (server/api/errors.ts holds the codes and their statuses). */
export interface ErrorBody {
  error: { code: string; message: string };
}
