import Link from "next/link";

/** The editor's answer to a visitor without a handle: scenarios are shared under their author's name. */
export default function HandleNeeded({ guest }: { guest: boolean }) {
  return (
    <section className="hero">
      <h1>Make a scenario</h1>
      <p data-testid="handle-needed">
        Scenarios are shared under their author&apos;s name, so making one needs a handle.{" "}
        {guest ? "You play as a guest: choose a handle on your account page first." : "Sign in, or choose a handle in the account box of any scenario you play, first."}
      </p>
      <p className="actions">
        {guest ? (
          <Link className="button" href="/account">
            Choose a handle
          </Link>
        ) : (
          <>
            <Link className="button" href="/signin?next=/scenarios/new">
              Sign in
            </Link>
            <Link className="button secondary" href="/play">
              Play a scenario
            </Link>
          </>
        )}
      </p>
    </section>
  );
}
