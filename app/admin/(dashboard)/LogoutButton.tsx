"use client";

import { useState } from "react";

/** Signs the admin out (POST /api/admin/logout) and goes to the sign-in page. */
export function LogoutButton() {
  const [busy, setBusy] = useState(false);
  async function logOut() {
    setBusy(true);
    await fetch("/api/admin/logout", { method: "POST" });
    window.location.assign("/admin/login");
  }
  return (
    <button type="button" className="button secondary" onClick={logOut} disabled={busy}>
      Log out
    </button>
  );
}
