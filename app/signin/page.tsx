import { pageSignedIn } from "@/server/players/page-session";
import SignIn from "./SignIn";

export const metadata = { title: "Sign in · Flickboard" };

/** Sign in with a passkey or an e-mailed link; `next` (a path on this site) is where to go after. */
export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { next } = await searchParams;
  return <SignIn next={typeof next === "string" ? next : null} signedIn={await pageSignedIn()} />;
}
