"use client";

/** The player's latest finished runs (newest first), each verified one linking to its replay. */
import Link from "next/link";
import { useEffect, useState } from "react";
import { runHistory } from "@/game/client/accounts-api";
import type { RunHistoryItem } from "@/lib/contracts/runs";
import { ErrorNote } from "@/app/components/ErrorNote";
import styles from "./account.module.css";
import { useAction, when } from "./use-action";

const VERDICTS: Record<RunHistoryItem["verdict"], string> = {
  verified: "Verified",
  flagged: "Under review",
  rejected: "Rejected",
  abandoned: "Abandoned",
};

export default function RunsSection({ onSignedOut }: { onSignedOut(): void }) {
  const [runs, setRuns] = useState<RunHistoryItem[] | null>(null);
  const { error, run } = useAction(onSignedOut);

  useEffect(() => {
    void run(async () => setRuns(await runHistory()), "Your runs could not be loaded.");
  }, [run]);

  return (
    <section className={styles.section} aria-labelledby="runs-heading">
      <h2 id="runs-heading">Your latest runs</h2>
      {runs && runs.length === 0 && (
        <p>
          No finished runs yet. <Link href="/play">Play one</Link>.
        </p>
      )}
      {runs && runs.length > 0 && (
        <div className={styles.tableWrap}>
          <table aria-labelledby="runs-heading">
            <thead>
              <tr>
                <th scope="col">Scenario</th>
                <th scope="col">Tier</th>
                <th scope="col">Score</th>
                <th scope="col">Verdict</th>
                <th scope="col">Finished</th>
              </tr>
            </thead>
            <tbody>
              {runs.map((r) => (
                <tr key={r.id}>
                  <td>{r.scenario}</td>
                  <td>{r.tier}</td>
                  <td>{r.score ?? "–"}</td>
                  <td>
                    {VERDICTS[r.verdict]}
                    {r.verdict === "verified" && (
                      <>
                        {" · "}
                        <Link href={`/runs/${encodeURIComponent(r.id)}/replay`} aria-label={`Replay of ${r.scenario}, ${when(r.finishedAt)}`}>
                          Replay
                        </Link>
                      </>
                    )}
                  </td>
                  <td>{when(r.finishedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ErrorNote message={error} />
    </section>
  );
}
