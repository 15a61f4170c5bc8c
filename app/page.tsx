/** The home page: what Flickboard is, and the challenge running on it (server/challenge/showcase.ts). */
import Link from "next/link";
import { ChallengePanel } from "@/app/components/ChallengePanel";
import { challengeShowcase } from "@/server/challenge/showcase";
import { runtime } from "@/server/runtime";
import styles from "./Home.module.css";

export default async function Home() {
  const showcase = await challengeShowcase(runtime().db);
  return (
    <div className={styles.home}>
      <section className="hero">
        <h1>Train your aim. Climb the board.</h1>
        <p>
          Flickboard is a browser aim trainer with competitive leaderboards. Play clicking, tracking and
          target-switching drills, on the <strong>free</strong> tier (60 fps) or on <strong>Ultimate</strong>{" "}
          (240 fps), and see what frame rate does to your score. Every score on a board is recomputed by the
          server from your inputs.
        </p>
        <p className="actions">
          <Link className="button" href="/play">
            Play now
          </Link>
          <Link className="button secondary" href="/leaderboards">
            Leaderboards
          </Link>
        </p>
      </section>
      <ChallengePanel showcase={showcase} now={Date.now()} />
    </div>
  );
}
