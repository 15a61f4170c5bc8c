import { notFound } from "next/navigation";
import { currentChallenge } from "@/server/challenge/challenge";
import { runtime } from "@/server/runtime";
import DisplayBoards from "./DisplayBoards";

export const dynamic = "force-dynamic";
export const metadata = { title: "Big screen · Flickboard" };

/**
 * The big screen of an event (`/kiosk/display/<challenge>[?scenario=<id>]`): the day's board and the
 * challenge board of the booth's scenario, live, with the day's free-vs-Ultimate uplift. The
 * scenario is the query's, else the one the challenge's newest live kiosk plays, else the featured one.
 */
export default async function Display({ params, searchParams }: { params: Promise<{ challenge: string }>; searchParams: Promise<{ scenario?: string }> }) {
  const { db } = runtime();
  const challenge = await currentChallenge(db);
  if ((await params).challenge !== challenge.id) notFound();
  const asked = (await searchParams).scenario;
  const kiosk = await db.kiosk.findFirst({ where: { challengeId: challenge.id, revokedAt: null }, orderBy: { createdAt: "desc" } });
  const scenario = await db.scenario.findUnique({ where: { id: asked ?? kiosk?.scenarioId ?? challenge.featuredScenarioId } });
  if (!scenario) notFound();
  return <DisplayBoards challengeName={challenge.name} scenario={{ id: scenario.id, name: scenario.name }} />;
}
