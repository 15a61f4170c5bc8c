import { redirect } from "next/navigation";
import { currentAdmin } from "@/server/admin/page-guard";
import { LoginForm } from "./LoginForm";

export const metadata = { title: "Admin sign-in · Flickboard" };

/** /admin/login: the one /admin page open to anyone. A signed-in admin goes straight to the dashboard. */
export default async function AdminLoginPage() {
  if (await currentAdmin()) redirect("/admin");
  return <LoginForm />;
}
