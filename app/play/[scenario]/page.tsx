import { notFound } from "next/navigation";
import { getScenario } from "@/game/core";
import PlayClient from "./PlayClient";

export async function generateMetadata({ params }: { params: Promise<{ scenario: string }> }) {
  const scenario = getScenario((await params).scenario);
  return { title: `${scenario?.name ?? "Scenario"} · Flickboard` };
}

export default async function PlayScenario({ params }: { params: Promise<{ scenario: string }> }) {
  const scenario = getScenario((await params).scenario);
  if (!scenario) notFound();
  return <PlayClient scenario={scenario} />;
}
