/** For integration tests: the real server for the file's tests, with an API client. */
import { afterAll, beforeAll } from "vitest";
import { apiClient } from "./api";
import { grantUltimate } from "./memberships";
import { seededSqliteUrl, startAppServer, type AppServer } from "./server";

export function useAppServer(env: Record<string, string> = {}) {
  const handles = {
    databaseUrl: env.DATABASE_URL ?? seededSqliteUrl(),
    /** A new player with an Ultimate membership (ranked runs on both tiers). */
    async member(prefix = "m") {
      const player = await handles.api.player(prefix);
      await grantUltimate(handles.databaseUrl, player.id);
      return player;
    },
  } as {
    server: AppServer;
    api: ReturnType<typeof apiClient>;
    databaseUrl: string;
    member(prefix?: string): Promise<{ id: string; handle: string; token: string }>;
  };
  beforeAll(async () => {
    handles.server = await startAppServer({ ...env, DATABASE_URL: handles.databaseUrl });
    handles.api = apiClient(handles.server.url);
  });
  afterAll(() => handles.server?.stop());
  return handles;
}
