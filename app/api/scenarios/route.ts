import { NextResponse } from "next/server";
import { route } from "@/server/api/handler";
import { listScenarios } from "@/server/scenarios/catalog";
import { runtime } from "@/server/runtime";

export const dynamic = "force-dynamic";

export const GET = route(async () => NextResponse.json({ scenarios: await listScenarios(runtime().db) }));
