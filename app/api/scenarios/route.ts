import { endpoint, methods } from "@/server/api/endpoint";
import { listScenarios } from "@/server/scenarios/catalog";

export const dynamic = "force-dynamic";

export const { GET, POST, PUT, PATCH, DELETE } = methods({
  GET: endpoint({}, async ({ rt }) => ({ scenarios: await listScenarios(rt.db) })),
});
