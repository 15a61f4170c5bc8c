import { endpoint, methods } from "@/server/api/endpoint";
import { getScenarioDefinition } from "@/server/scenarios/catalog";

export const { GET, POST, PUT, PATCH, DELETE } = methods({
  GET: endpoint({}, async ({ rt, params }) => ({ scenario: await getScenarioDefinition(rt.db, params.id!) })),
});
