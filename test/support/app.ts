/** For integration tests: the real server for the file's tests, with an API client. */
import { afterAll, beforeAll } from "vitest";
import { apiClient } from "./api";
import { startAppServer, tempSqliteUrl, type AppServer } from "./server";

export function useAppServer(env: Record<string, string> = {}) {
  const handles = { databaseUrl: env.DATABASE_URL ?? tempSqliteUrl() } as {
    server: AppServer;
    api: ReturnType<typeof apiClient>;
    databaseUrl: string;
  };
  beforeAll(async () => {
    handles.server = await startAppServer({ ...env, DATABASE_URL: handles.databaseUrl });
    handles.api = apiClient(handles.server.url);
  });
  afterAll(() => handles.server?.stop());
  return handles;
}
