import { notFound } from "next/navigation";
import { cache } from "react";
import { parseScenario, type Scenario } from "@/game/core";
import { foundOrNull } from "@/server/errors";
import { runtime } from "@/server/runtime";
import { getScenarioDefinition } from "@/server/scenarios/catalog";
import PlayClient from "./PlayClient";

type Props = { params: Promise<{ scenario: string }> };

/**
 * Any playable stored scenario at its current version: a built-in or a published player-made
 * version ("<code>-v<n>"). Booth variants are played at kiosks only.
 */
const loadScenario = cache(async (id: string): Promise<Scenario | null> => {
  const db = runtime().db;
  const booth = await db.scenario.findUnique({ where: { id }, select: { variantOf: true } });
  if (booth?.variantOf) return null;
  const stored = await foundOrNull(getScenarioDefinition(db, id));
  return stored && parseScenario(stored.definition);
});

export async function generateMetadata({ params }: Props) {
  const scenario = await loadScenario((await params).scenario);
  return { title: `${scenario?.name ?? "Scenario"} · Flickboard` };
}

export default async function PlayScenario({ params }: Props) {
  const scenario = await loadScenario((await params).scenario);
  if (!scenario) notFound();
  return <PlayClient scenario={scenario} />;
}
