import type { Metadata } from "next";
import type { ReactNode } from "react";
import "./admin.css";

export const metadata: Metadata = { title: "Admin · Flickboard", robots: { index: false, follow: false } };

/**
 * The frame of every /admin page, the sign-in page included. It checks nothing: the guard is in
 * (dashboard)/layout.tsx and in each page (server/admin/page-guard.ts).
 */
export default function AdminFrame({ children }: { children: ReactNode }) {
  return <div className="admin">{children}</div>;
}
