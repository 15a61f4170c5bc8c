"use client";

/**
 * Follows an e-mailed link: the token is in the URL's fragment (never sent to a server in a request
 * line or a Referer), posted once to /api/auth/email/redeem, then dropped from the address bar. A
 * sign-in link opens a session; a verification link makes the address the prize contact.
 */
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, type ReactNode } from "react";
import type { EmailLinkOutcome } from "@/lib/contracts/accounts";
import { redeemEmailLink } from "@/game/client/accounts-api";
import type { ApiFailure } from "@/game/client/api";
import { ErrorNote } from "@/app/components/ErrorNote";
import styles from "../account/account.module.css";
import { failureMessage } from "../account/messages";

type State = { kind: "working" } | { kind: "no_token" } | { kind: "done"; outcome: EmailLinkOutcome } | { kind: "failed"; code: string; message: string };

export default function EmailLink() {
  const [state, setState] = useState<State>({ kind: "working" });
  const heading = useRef<HTMLHeadingElement>(null);
  /** The token being followed: a link works once, so never post it twice (React may run effects twice in development). */
  const following = useRef<string | null>(null);
  const router = useRouter();

  useEffect(() => {
    const follow = () => {
      const token = new URLSearchParams(window.location.hash.slice(1)).get("token");
      if (token !== null && token === following.current) return;
      window.history.replaceState(null, "", window.location.pathname);
      if (!token) {
        if (!following.current) setState({ kind: "no_token" });
        return;
      }
      following.current = token;
      setState({ kind: "working" });
      redeemEmailLink(token).then(
        (outcome) => {
          setState({ kind: "done", outcome });
          if (outcome.purpose === "sign_in") router.refresh(); // the header's "Sign in" becomes "Account"
        },
        (err) => setState({ kind: "failed", code: (err as Partial<ApiFailure>).code ?? "", message: failureMessage(err, "That link did not work.") }),
      );
    };
    follow();
    // A second link opened in this tab changes only the fragment: no new page load.
    window.addEventListener("hashchange", follow);
    return () => window.removeEventListener("hashchange", follow);
  }, [router]);

  useEffect(() => {
    if (state.kind !== "working") heading.current?.focus();
  }, [state]);

  const view = viewOf(state);
  return (
    <div className={styles.page}>
      <section className={styles.section}>
        <h1 ref={heading} tabIndex={-1}>
          {view.title}
        </h1>
        {view.body}
        {view.links.length > 0 && (
          <p className={styles.actions}>
            {view.links.map(([href, text]) => (
              <Link key={href} href={href}>
                {text}
              </Link>
            ))}
          </p>
        )}
      </section>
    </div>
  );
}

const ONWARD: [string, string][] = [
  ["/account", "Your account"],
  ["/play", "Play"],
];

/** What the page says in each state: a heading, a line or two, and where to go next. */
function viewOf(state: State): { title: string; body?: ReactNode; links: [string, string][] } {
  switch (state.kind) {
    case "working":
      return { title: "Checking your link…", links: [] };
    case "no_token":
      return {
        title: "This link is incomplete",
        body: <p>Open the link from the e-mail again (all of it), or ask for a new one.</p>,
        links: [
          ["/signin", "Sign in"],
          ["/account", "Your account"],
        ],
      };
    case "done":
      return state.outcome.purpose === "sign_in"
        ? { title: `Signed in as ${state.outcome.player.handle}`, links: ONWARD }
        : {
            title: "Prize contact confirmed",
            body: (
              <p>
                <strong>{state.outcome.email}</strong> is now your prize contact: we write to it about prizes you win, and you can sign in with a link
                sent to it.
              </p>
            ),
            links: ONWARD,
          };
    case "failed":
      return {
        title: state.code === "token_expired" ? "This link has expired" : state.code === "token_already_used" ? "This link was already used" : "This link did not work",
        body: <ErrorNote message={state.message} />,
        links: [
          ["/signin", "Ask for a new sign-in link"],
          ["/account", "Add or confirm your prize contact on your account page"],
        ],
      };
  }
}
