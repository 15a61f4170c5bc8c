/**
 * The home page's challenge panel (server-rendered from the showcase, lib/contracts/challenge.ts):
 * the challenge's name, dates and state, its featured scenario with a Play link, the prizes of each
 * prize board kind, a countdown to each next close (or to the start), and the latest winners.
 */
import Link from "next/link";
import type { ChallengeShowcase, ClosingKind, ShownWinner } from "@/lib/contracts/challenge";
import styles from "./ChallengePanel.module.css";
import { Countdown } from "./Countdown";
import { formatInZone } from "./zoned-time";

const PRIZE_TITLE: Record<ClosingKind, string> = { day: "Event days", week: "Every week", challenge: "Whole challenge" };
const closeLabel = (n: ChallengeShowcase["nextCloses"][number]) =>
  n.kind === "day" ? `Event day ${n.periodKey} closes in` : n.kind === "week" ? "This week's board closes in" : "The challenge closes in";
const ORDINAL = ["1st", "2nd", "3rd"];
const ordinal = (place: number) => ORDINAL[place - 1] ?? `${place}th`;

function winnersTitle(w: ChallengeShowcase["winners"][number]): string {
  if (w.kind === "week") return `Week of ${w.periodKey.slice(0, 10)}`;
  if (w.kind === "day") return `Event day ${w.periodKey}`;
  return "Final standings";
}

export function ChallengePanel({ showcase: c, now }: { showcase: ChallengeShowcase; now: number }) {
  const inZone = (iso: string) => formatInZone(iso, c.timeZone);
  const countdown = (label: string, at: string) => (
    <Countdown key={label} label={label} at={at} serverNow={now} challengeTime={inZone(at)} utcTime={formatInZone(at, "UTC")} />
  );
  return (
    <section className={styles.panel} aria-labelledby="challenge-name" data-state={c.state}>
      <p className={styles.kicker}>{c.state === "running" ? "On now" : c.state === "upcoming" ? "Coming up" : "Ended"}</p>
      <h2 id="challenge-name">{c.name}</h2>
      <p className={styles.dates}>
        {inZone(c.startsAt)} – {inZone(c.endsAt)} <span className="muted">({c.timeZone})</span>
      </p>
      {c.state === "upcoming" && <p>The challenge has not started yet: it starts {inZone(c.startsAt)}.</p>}
      {c.state === "ended" && <p>The challenge ended {inZone(c.endsAt)}. Thanks for playing!</p>}
      <p className={styles.featured}>
        Featured scenario: <strong>{c.featured.name}</strong>{" "}
        <Link className="button" href={`/play/${encodeURIComponent(c.featured.id)}`}>
          Play {c.featured.name}
        </Link>
      </p>

      {c.state === "upcoming" && countdown("The challenge starts in", c.startsAt)}
      {c.state === "running" && c.nextCloses.map((n) => countdown(closeLabel(n), n.closeAt))}

      {c.prizes.length > 0 && (
        <>
          <h3>Prizes</h3>
          <div className={styles.prizes}>
            {c.prizes.map((p) => (
              <section key={p.kind} aria-label={`${PRIZE_TITLE[p.kind]} prizes`}>
                <h4>{PRIZE_TITLE[p.kind]}</h4>
                <ol className={styles.places}>
                  {p.places.map((place) => (
                    <li key={place.place}>
                      <span className={styles.place}>{ordinal(place.place)}</span> {place.prize}
                    </li>
                  ))}
                </ol>
                {p.kind === "day" && c.eventDays.length > 0 && <p className="muted">On {c.eventDays.join(", ")}</p>}
              </section>
            ))}
          </div>
        </>
      )}

      <h3>Latest winners</h3>
      {c.winners.length === 0 && <p className="muted">No prize board has closed yet.</p>}
      {c.winners.map((w) => (
        <section key={w.kind} className={styles.winners} aria-label={winnersTitle(w)} data-kind={w.kind}>
          <h4>{winnersTitle(w)}</h4>
          {w.boards.map((b) => (
            <div key={`${b.scenarioId}/${b.tier}`}>
              {w.boards.length > 1 && (
                <p className="muted">
                  {b.scenarioName} · {b.tier} tiers
                </p>
              )}
              <ol className={styles.places}>
                {b.places.map((p) => (
                  <WinnerRow key={p.place} winner={p} />
                ))}
              </ol>
            </div>
          ))}
        </section>
      ))}
    </section>
  );
}

function WinnerRow({ winner: w }: { winner: ShownWinner }) {
  return (
    <li data-player={w.handle}>
      <span className={styles.place}>{ordinal(w.place)}</span> <strong>{w.handle}</strong> <span className={styles.score}>{w.score}</span>
      {w.underReview && <span className="muted"> (in review)</span>}
    </li>
  );
}
