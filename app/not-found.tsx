import Link from "next/link";

export const metadata = { title: "Not found · Flickboard" };

/**
 * Every unknown page and unknown scenario. Styled by the site's stylesheet: Next's built-in 404 sets
 * inline styles, which the Content-Security-Policy refuses.
 */
export default function NotFound() {
  return (
    <section className="hero">
      <h1>Page not found</h1>
      <p>There is nothing at this address.</p>
      <p className="actions">
        <Link className="button" href="/play">
          Scenarios
        </Link>
        <Link className="button secondary" href="/">
          Home
        </Link>
      </p>
    </section>
  );
}
