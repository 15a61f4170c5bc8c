"use client";

/**
 * The attract screen: the day's top 3 and the challenge's top 10 on the booth's scenario, live,
 * today's prizes, and the prompt. Any key or click starts (and takes the page full screen).
 */
import { useEffect } from "react";
import type { KioskConfig } from "@/lib/contracts/kiosks";
import { useBoard } from "@/app/leaderboards/useBoard";
import BoardList from "./BoardList";

export default function Attract({ config, pending, onPlay, onStaff }: { config: KioskConfig; pending: number; onPlay(): void; onStaff(): void }) {
  const day = useBoard({ scenario: config.scenario.id, period: "day", tier: "all", limit: 3 }, null);
  const challenge = useBoard({ scenario: config.scenario.id, period: "challenge", tier: "all", limit: 10 }, null);

  useEffect(() => {
    const play = (e: Event) => {
      if ((e.target as HTMLElement | null)?.closest?.("[data-staff]")) return;
      void document.documentElement.requestFullscreen?.().catch(() => undefined);
      onPlay();
    };
    window.addEventListener("keydown", play);
    window.addEventListener("pointerdown", play);
    return () => {
      window.removeEventListener("keydown", play);
      window.removeEventListener("pointerdown", play);
    };
  }, [onPlay]);

  return (
    <div className="kiosk-attract">
      <header className="kiosk-title">
        <h1>{config.scenario.name}</h1>
        <p>{config.challenge.name}</p>
      </header>
      <div className="kiosk-columns">
        <div>
          <BoardList title="Today's top 3" entries={day.entries} rows={3} testId="day-top" />
          <section className="kiosk-prizes" data-testid="prizes">
            <h2>Prizes of the day</h2>
            {config.dayPrizes.length ? (
              <ul>
                {config.dayPrizes.map((p) => (
                  <li key={p.place}>
                    <strong>#{p.place}</strong> {p.prize}
                  </li>
                ))}
              </ul>
            ) : (
              <p>Beat the day's top 3 and take the crown.</p>
            )}
          </section>
        </div>
        <BoardList title="Challenge top 10" entries={challenge.entries} rows={10} testId="challenge-top" />
      </div>
      <p className="kiosk-prompt">Play · free run, then Ultimate · press any key or click</p>
      <footer className="kiosk-footer">
        <span>{config.name}</span>
        {pending > 0 && <span data-testid="pending">{pending} run{pending === 1 ? "" : "s"} saved, will upload</span>}
        <button className="kiosk-staff" data-staff onClick={onStaff}>
          Staff
        </button>
      </footer>
    </div>
  );
}
