import Link from "next/link";
import { builtInScenarios } from "@/game/core";
import { SCENARIO_KIND_LABELS } from "@/lib/contracts/scenario-kinds";

export const metadata = { title: "Play · Flickboard" };

export default function PlayIndex() {
  return (
    <section>
      <h1>Scenarios</h1>
      <p className="muted">
        The built-in drills. <Link href="/scenarios">Browse every scenario</Link>, players’ own included.
      </p>
      <ul className="scenario-list">
        {builtInScenarios.map((s) => (
          <li key={s.id}>
            <Link href={`/play/${s.id}`} className="scenario-card">
              <span className="kind">{SCENARIO_KIND_LABELS[s.kind]}</span>
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
