import type { ReactNode } from "react";
import type { AwardStatus } from "@/lib/contracts/awards";

/** One award on the awards and fulfilment pages: a titled card with its status, then what the page shows of it. */
export function AwardCard({ awardId, label, title, status, children }: { awardId: string; label: string; title: ReactNode; status: AwardStatus; children: ReactNode }) {
  return (
    <article className="admin-card" data-award={awardId} aria-label={label}>
      <header>
        <h2>{title}</h2>
        <span className="admin-status" data-status={status}>
          {status}
        </span>
      </header>
      {children}
    </article>
  );
}
