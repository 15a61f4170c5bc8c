import { challengeSettingsSchema } from "@/lib/contracts/admin-settings";
import { endpoint, methods } from "@/server/api/endpoint";
import { settingsAnswer, updateChallengeSettings } from "@/server/challenge/update-settings";

/**
 * The challenge's settings (admins only): read them with the next closes of each schedule, or
 * replace them whole (`400 invalid_settings` names the field; nothing is changed then). After a
 * change the close scheduler runs at once, so its jobs follow the new schedules.
 */
export const { GET, POST, PUT, PATCH, DELETE } = methods({
  GET: endpoint({ auth: "admin" }, async ({ rt }) => settingsAnswer(await rt.db.challenge.findFirstOrThrow({ orderBy: { startsAt: "desc" } }))),
  PUT: endpoint({ auth: "admin", body: challengeSettingsSchema, maxBodyBytes: 64 * 1024 }, async ({ rt, auth, body }) => {
    const answer = await updateChallengeSettings(rt.db, body, auth.admin.id);
    await rt.closes?.runNow();
    return answer;
  }),
});
