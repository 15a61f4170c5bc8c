import { methods } from "@/server/api/endpoint";
import { boardPageEndpoint } from "@/server/boards/read-endpoints";

export const dynamic = "force-dynamic";

/** One page of a board (server/boards/read-endpoints.ts; server.ts answers it before Next's router). */
export const { GET, POST, PUT, PATCH, DELETE } = methods({ GET: boardPageEndpoint });
