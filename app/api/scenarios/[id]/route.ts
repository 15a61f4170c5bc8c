import { NextResponse } from "next/server";
import { route } from "@/server/api/handler";
import { getScenarioDefinition } from "@/server/scenarios/catalog";
import { runtime } from "@/server/runtime";

export const GET = route<{ id: string }>(async (_req, { id }) =>
  NextResponse.json({ scenario: await getScenarioDefinition(runtime().db, id) }),
);
