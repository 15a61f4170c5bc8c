"use client";

/**
 * A countdown to an instant, ticking each second, with the instant in the viewer's time zone and in
 * the challenge's. The server renders the first text (from its clock, the instant in UTC for the
 * viewer's line, which it cannot know), so nothing moves when the browser takes over; the browser
 * then shows the viewer's own zone. Some seconds after the instant the page is fetched again, so the
 * next close replaces a finished one.
 */
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import styles from "./ChallengePanel.module.css";
import { formatInZone, timeLeft } from "./zoned-time";

/** How long after the instant the page is refreshed (the close runs a few seconds after its instant). */
const REFRESH_AFTER_MS = 10_000;

export interface CountdownProps {
  /** What is counted down to, e.g. "This week closes in". */
  label: string;
  at: string;
  /** The server's clock when it rendered (ms). */
  serverNow: number;
  /** `at` in the challenge's zone and in UTC, formatted by the server. */
  challengeTime: string;
  utcTime: string;
}

export function Countdown({ label, at, serverNow, challengeTime, utcTime }: CountdownProps) {
  const router = useRouter();
  const [now, setNow] = useState(serverNow);
  const [viewerTime, setViewerTime] = useState(utcTime);
  useEffect(() => {
    setViewerTime(formatInZone(at, Intl.DateTimeFormat().resolvedOptions().timeZone));
    let refreshed = false;
    const tick = () => {
      const t = Date.now();
      setNow(t);
      if (!refreshed && t >= Date.parse(at) + REFRESH_AFTER_MS) {
        refreshed = true;
        router.refresh();
      }
    };
    tick();
    const timer = setInterval(tick, 1000);
    return () => clearInterval(timer);
  }, [at, router]);

  return (
    <div className={styles.countdown}>
      <p>
        {label}{" "}
        <span role="timer" className={styles.timeLeft}>
          {timeLeft(at, now)}
        </span>
      </p>
      <p className={styles.when} data-zone="viewer">
        Your time: <time dateTime={at}>{viewerTime}</time>
      </p>
      <p className={styles.when} data-zone="challenge">
        Challenge time: <time dateTime={at}>{challengeTime}</time>
      </p>
    </div>
  );
}
