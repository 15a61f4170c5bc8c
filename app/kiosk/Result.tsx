"use client";

/**
 * The result screen: both runs side by side, the ratio ("1.7x on Ultimate"), the player's rank of
 * the day, and a QR code linking to their profile. A run kept on the device says "saved, will
 * upload". Leaving it (or the idle timeout) ends the player's turn.
 */
import { useEffect, useState } from "react";
import QRCode from "qrcode";
import type { BoothRunOutcome } from "./BoothRun";
import type { KioskConfig } from "@/lib/contracts/kiosks";

/** "1.7x on Ultimate"; null when the free score gives no ratio. */
export function upliftText(free: number, ultimate: number): string | null {
  if (free <= 0) return null;
  return `${(ultimate / free).toFixed(1)}x on Ultimate`;
}

export default function Result({ config, handle, free, ultimate, onDone }: { config: KioskConfig; handle: string; free: BoothRunOutcome; ultimate: BoothRunOutcome; onDone(): void }) {
  const profileUrl = `${config.publicUrl}/players/${encodeURIComponent(handle)}`;
  const [qr, setQr] = useState<string | null>(null);
  useEffect(() => {
    void QRCode.toDataURL(profileUrl, { margin: 1, width: 320, errorCorrectionLevel: "M" }).then(setQr, () => setQr(null));
  }, [profileUrl]);

  const latest = [ultimate, free].find((r) => r.outcome?.ranks?.length);
  const dayRank = latest?.outcome?.ranks?.find((r) => r.period === "day" && r.tier === "all")?.rank ?? null;
  const ratio = upliftText(free.score, ultimate.score);
  return (
    <div className="kiosk-result" data-testid="result">
      <h1>{handle}</h1>
      <div className="kiosk-versus">
        <RunCard label="Free · 60 fps" run={free} />
        <div className="kiosk-ratio" data-testid="ratio">
          {ratio ?? "—"}
        </div>
        <RunCard label="Ultimate · 240 fps" run={ultimate} />
      </div>
      <div className="kiosk-result-foot">
        <div className="kiosk-rank" data-testid="day-rank">
          {dayRank !== null ? (
            <>
              <span>Rank of the day</span>
              <strong>#{dayRank}</strong>
            </>
          ) : (
            <span>{free.kept || ultimate.kept ? "Your rank shows once the runs are uploaded." : "Not ranked today."}</span>
          )}
        </div>
        <figure className="kiosk-qr">
          {qr && <img src={qr} alt={`QR code for ${profileUrl}`} data-testid="qr" data-url={profileUrl} />}
          <figcaption>Your profile</figcaption>
        </figure>
        <button className="kiosk-button" onClick={onDone}>
          Done
        </button>
      </div>
    </div>
  );
}

function RunCard({ label, run }: { label: string; run: BoothRunOutcome }) {
  const verdict = run.outcome?.run.verdict;
  return (
    <div className="kiosk-card" data-run={run.tier}>
      <h2>{label}</h2>
      <strong className="kiosk-score" data-score={run.score}>
        {run.score.toLocaleString("en-US")}
      </strong>
      <p className="kiosk-note" data-status={run.kept ? "kept" : (verdict ?? "refused")}>
        {run.kept ? "Saved, will upload." : run.refused ? `Not counted: ${run.refused}` : verdict === "verified" ? "Verified" : verdict === "flagged" ? "Checked before it counts" : "Not counted"}
      </p>
    </div>
  );
}
