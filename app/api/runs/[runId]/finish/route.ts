import { methods } from "@/server/api/endpoint";
import { finishEndpoint } from "@/server/runs/finish-endpoint";

/** Finishes a run (server/runs/finish-endpoint.ts; server.ts answers it before Next's router). */
export const { GET, POST, PUT, PATCH, DELETE } = methods({ POST: finishEndpoint });
