import AccountClient from "./AccountClient";

export const metadata = { title: "Your account · Flickboard" };

/** The signed-in player's account: handle, passkeys, prize contact, sessions, runs and settings. */
export default function AccountPage() {
  return <AccountClient />;
}
