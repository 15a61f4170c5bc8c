import EmailLink from "./EmailLink";

export const metadata = { title: "E-mailed link · Flickboard" };

/** Where an e-mailed link lands (`/email#token=…`): signs in or confirms the prize contact. */
export default function EmailLinkPage() {
  return <EmailLink />;
}
