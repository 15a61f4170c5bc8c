import { endpoint, methods } from "@/server/api/endpoint";
import { ownOrigin } from "@/server/security/origin";
import { kioskConfig } from "@/server/kiosks/kiosk-config";

export const dynamic = "force-dynamic";

/** The paired kiosk's setup; the kiosk polls it as its heartbeat (KIOSK_HEARTBEAT_MS). */
export const { GET, POST, PUT, PATCH, DELETE } = methods({
  GET: endpoint({ auth: "kiosk" }, async ({ rt, req, kiosk, https }) => ({
    kiosk: await kioskConfig(rt.db, kiosk, ownOrigin(rt.config.PUBLIC_URL, req.headers.get("host"), https) ?? ""),
  })),
});
