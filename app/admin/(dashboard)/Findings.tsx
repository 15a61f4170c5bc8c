/** The verifier's findings of a run, with the numbers behind each (for admins: docs/anti-cheat.md, "Findings"). */
export function Findings({ findings }: { findings: unknown }) {
  const list = Array.isArray(findings) ? (findings as { code?: string; severity?: string; evidence?: Record<string, unknown> }[]) : [];
  if (list.length === 0) return <p className="muted">No findings.</p>;
  return (
    <ul className="admin-findings">
      {list.map((f, i) => (
        <li key={i}>
          <strong>{f.code}</strong> <span className="muted">({f.severity})</span>
          {f.evidence && (
            <span className="muted">
              {" "}
              {Object.entries(f.evidence)
                .map(([k, v]) => `${k}=${String(v)}`)
                .join(", ")}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}
