"use client";

import { useRouter } from "next/navigation";
import type { FormEvent } from "react";

/**
 * The listing's search: a name and a kind. It navigates to /scenarios?q=&kind= (the page renders the
 * list on the server); without JavaScript the form does the same by itself.
 */
export function ScenarioSearch({ q, kind, kinds }: { q: string; kind: string; kinds: { value: string; label: string }[] }) {
  const router = useRouter();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const params = new URLSearchParams();
    for (const name of ["q", "kind"]) {
      const value = String(form.get(name) ?? "").trim();
      if (value) params.set(name, value);
    }
    router.push(params.size ? `/scenarios?${params}` : "/scenarios");
  }

  return (
    <form className="board-controls" method="get" action="/scenarios" role="search" onSubmit={submit}>
      <input name="q" type="search" defaultValue={q} placeholder="Search by name" aria-label="Search by name" maxLength={60} />
      <select name="kind" defaultValue={kind} aria-label="Kind" onChange={(e) => e.currentTarget.form?.requestSubmit()}>
        <option value="">Every kind</option>
        {kinds.map((k) => (
          <option key={k.value} value={k.value}>
            {k.label}
          </option>
        ))}
      </select>
      <button type="submit" className="button secondary">
        Search
      </button>
    </form>
  );
}
