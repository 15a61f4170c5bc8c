import type { ReactNode } from "react";
import "./kiosk.css";

/** Kiosk screens cover the whole window (the site's header stays underneath) and never scroll. */
export default function KioskLayout({ children }: { children: ReactNode }) {
  return children;
}
