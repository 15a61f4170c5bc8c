import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: "Flickboard",
  description: "A browser aim trainer with competitive leaderboards: free 60 fps vs Ultimate 240 fps.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <header className="site-header">
          <Link href="/" className="brand">
            Flickboard
          </Link>
          <nav>
            <Link href="/play">Play</Link>
            <Link href="/leaderboards">Leaderboards</Link>
          </nav>
        </header>
        <main>{children}</main>
      </body>
    </html>
  );
}
