/**
 * What a shared profile link previews: a PNG with the handle and the personal bests (Next's
 * ImageResponse, for app/players/[handle]/opengraph-image.tsx and twitter-image.tsx), and the same bests as one line of
 * text for the page's description. The image is drawn on the server, so the page's
 * Content-Security-Policy does not govern its styles.
 */
import { ImageResponse } from "next/og";
import { connection } from "next/server";
import type { PersonalBest } from "../../lib/contracts/profiles";
import { NotFound } from "../errors";
import { runtime } from "../runtime";
import { playerCard } from "./profile";

const tierName = (tier: string) => (tier === "ultimate" ? "Ultimate" : "Free");
/** The card has room for this many bests. */
const SHOWN = 4;

/** The bests, highest first, as "Gridshot (Ultimate) 48,120, ...". */
export function bestsLine(bests: PersonalBest[], names: Record<string, string>): string {
  return [...bests]
    .sort((a, b) => b.score - a.score)
    .slice(0, SHOWN)
    .map((b) => `${names[b.scenario] ?? b.scenario} (${tierName(b.tier)}) ${b.score.toLocaleString("en-US")}`)
    .join(", ");
}

/** The profile card of `handle` at `size`; a 404 for a handle nobody has. */
export async function shareImage(params: Promise<{ handle: string }>, size: { width: number; height: number }): Promise<Response> {
  // Drawn per request: a new personal best shows on the next share.
  await connection();
  const { handle } = await params;
  let card;
  try {
    card = await playerCard(runtime().db, handle);
  } catch (err) {
    if (err instanceof NotFound) return new Response("No such player.", { status: 404, headers: { "content-type": "text/plain" } });
    throw err;
  }
  const bests = [...card.bests].sort((a, b) => b.score - a.score).slice(0, SHOWN);
  return new ImageResponse(
    (
      <div style={{ width: "100%", height: "100%", display: "flex", flexDirection: "column", padding: 64, background: "#0e1116", color: "#e8ecf1" }}>
        <div style={{ display: "flex", fontSize: 36, fontWeight: 800, color: "#e69f00", letterSpacing: 2 }}>FLICKBOARD</div>
        <div style={{ display: "flex", fontSize: 84, fontWeight: 800, marginTop: 16 }}>{card.handle}</div>
        <div style={{ display: "flex", fontSize: 32, color: "#9aa4b2", marginTop: 8 }}>
          {card.disqualified ? "Disqualified" : bests.length ? "Personal bests" : "No verified runs yet"}
        </div>
        <div style={{ display: "flex", flexWrap: "wrap", marginTop: 32 }}>
          {bests.map((b) => (
            <div key={`${b.scenario}|${b.tier}`} style={{ display: "flex", flexDirection: "column", width: "50%", marginBottom: 24 }}>
              <div style={{ display: "flex", fontSize: 30, color: "#9aa4b2" }}>
                {card.scenarioNames[b.scenario] ?? b.scenario} · {tierName(b.tier)}
              </div>
              <div style={{ display: "flex", fontSize: 60, fontWeight: 700, color: b.tier === "ultimate" ? "#e69f00" : "#56b4e9" }}>{b.score.toLocaleString("en-US")}</div>
            </div>
          ))}
        </div>
      </div>
    ),
    size,
  );
}
