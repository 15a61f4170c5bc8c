"use client";

/** The big screen's live content: two boards over socket.io and the day's booth uplift. */
import { useEffect, useState } from "react";
import type { BoothUplift } from "@/lib/contracts/kiosks";
import { useBoard } from "@/app/leaderboards/useBoard";
import BoardList from "../../BoardList";

const UPLIFT_POLL_MS = 15_000;

export default function DisplayBoards({ challengeName, scenario }: { challengeName: string; scenario: { id: string; name: string } }) {
  const day = useBoard({ scenario: scenario.id, period: "day", tier: "all", limit: 10 }, null);
  const challenge = useBoard({ scenario: scenario.id, period: "challenge", tier: "all", limit: 10 }, null);
  const [uplift, setUplift] = useState<BoothUplift | null>(null);

  // A new booth pair shows on the day's board: the uplift is read again with every change of it.
  const dayVersion = day.entries.map((e) => `${e.runId}:${e.score}`).join(",");
  useEffect(() => {
    const load = () =>
      void fetch(`/api/kiosks/uplift?scenario=${encodeURIComponent(scenario.id)}`)
        .then((r) => r.json())
        .then((b) => setUplift(b.uplift), () => undefined);
    load();
    const timer = setInterval(load, UPLIFT_POLL_MS);
    return () => clearInterval(timer);
  }, [scenario.id, dayVersion]);

  return (
    <div className="kiosk" data-screen="display">
      <div className="kiosk-display">
        <header className="kiosk-title">
          <h1>{scenario.name}</h1>
          <p>
            {challengeName} {day.live && <span className="kiosk-live" data-testid="live">● live</span>}
          </p>
        </header>
        <div className="kiosk-columns">
          <BoardList title="Today" entries={day.entries} rows={10} testId="display-day" linked />
          <BoardList title="Challenge" entries={challenge.entries} rows={10} testId="display-challenge" linked />
        </div>
        <p className="kiosk-uplift" data-testid="uplift">
          {uplift?.medianRatio ? (
            <>
              Booth players today score <strong>{uplift.medianRatio.toFixed(2)}x</strong> on Ultimate (median of {uplift.pairs} player{uplift.pairs === 1 ? "" : "s"})
            </>
          ) : (
            <>Free vs Ultimate at the booth: the first pair of the day sets the figure.</>
          )}
        </p>
      </div>
    </div>
  );
}
