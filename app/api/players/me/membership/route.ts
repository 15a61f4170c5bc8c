import { redeemBodySchema } from "@/lib/contracts/players";
import { endpoint, methods } from "@/server/api/endpoint";
import { membershipStatus } from "@/server/memberships/membership";
import { redeemMembershipCode } from "@/server/memberships/redeem-code";
import { redeemMembershipToken } from "@/server/memberships/redeem-token";

const HOUR = 3600_000;

/** The player's membership; redeeming a code an admin created or a token from the operator's identity service. */
export const { GET, POST, PUT, PATCH, DELETE } = methods({
  GET: endpoint({ auth: "player" }, async ({ rt, auth }) => ({ membership: await membershipStatus(rt.db, auth.player.id) })),
  POST: endpoint({ auth: "player", body: redeemBodySchema }, async ({ rt, auth, body, ip }) => {
    await rt.limiter.enforce(`redeem:player:${auth.player.id}`, 10, HOUR, "redemption attempts");
    await rt.limiter.enforce(`redeem:ip:${ip}`, 30, HOUR, "redemption attempts from this address");
    const membership =
      "code" in body
        ? await redeemMembershipCode(rt.db, auth.player.id, body.code)
        : await redeemMembershipToken(rt.db, rt.config, auth.player.id, body.token);
    return { membership };
  }),
});
