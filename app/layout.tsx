import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { pageSignedIn } from "@/server/players/page-session";
import "./globals.css";

export const metadata: Metadata = {
  title: "Flickboard",
  description: "A browser aim trainer with competitive leaderboards: free 60 fps vs Ultimate 240 fps.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page renders per request, never at build time: Next.js puts the request's CSP nonce
  // (server/security/headers.ts) on its scripts only when it renders them for that request.
  await connection();
  const signedIn = await pageSignedIn();
  return (
    <html lang="en">
      <body>
        <header className="site-header">
          <Link href="/" className="brand">
            Flickboard
          </Link>
          <nav>
            <Link href="/play">Play</Link>
            <Link href="/scenarios">Scenarios</Link>
            <Link href="/leaderboards">Leaderboards</Link>
            <Link href="/stats/tiers">Free vs Ultimate</Link>
            {signedIn ? (
              <Link href="/account">Account</Link>
            ) : (
              <Link href="/signin">Sign in</Link>
            )}
          </nav>
        </header>
        <main>{children}</main>
      </body>
    </html>
  );
}
