import Link from "next/link";
import { builtInScenarios } from "@/game/core";

export const metadata = { title: "Play · Flickboard" };

const KIND_LABELS: Record<string, string> = {
  "clicking-static": "Clicking · static",
  "clicking-dynamic": "Clicking · moving",
  tracking: "Tracking",
  switching: "Target switching",
};

export default function PlayIndex() {
  return (
    <section>
      <h1>Scenarios</h1>
      <ul className="scenario-list">
        {builtInScenarios.map((s) => (
          <li key={s.id}>
            <Link href={`/play/${s.id}`} className="scenario-card">
              <span className="kind">{KIND_LABELS[s.kind]}</span>
              <strong>{s.name}</strong>
              <span className="muted">{s.description}</span>
              <span className="muted">{s.durationMs / 1000} s</span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
