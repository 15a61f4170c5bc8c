import KioskApp from "./KioskApp";

export const metadata = { title: "Kiosk · Flickboard" };

/** The booth machine: pairing, then kiosk mode (docs/kiosk.md). */
export default function KioskPage() {
  return <KioskApp />;
}
