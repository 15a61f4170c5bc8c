-- CreateTable
CREATE TABLE "PlayerScenario" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "code" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "draft" JSONB NOT NULL,
    "publishedScenarioId" TEXT,
    "unpublishedAt" DATETIME,
    "hiddenAt" DATETIME,
    "hiddenReason" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "PlayerScenario_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "Player" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ScenarioReport" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "playerScenarioId" TEXT NOT NULL,
    "reporterId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" DATETIME,
    CONSTRAINT "ScenarioReport_playerScenarioId_fkey" FOREIGN KEY ("playerScenarioId") REFERENCES "PlayerScenario" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ScenarioReport_reporterId_fkey" FOREIGN KEY ("reporterId") REFERENCES "Player" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Playlist" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "code" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "hiddenAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Playlist_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "Player" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PlaylistItem" (
    "playlistId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "scenarioId" TEXT NOT NULL,
    "scenarioVersion" TEXT NOT NULL,

    PRIMARY KEY ("playlistId", "position"),
    CONSTRAINT "PlaylistItem_playlistId_fkey" FOREIGN KEY ("playlistId") REFERENCES "Playlist" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "PlaylistItem_scenarioId_scenarioVersion_fkey" FOREIGN KEY ("scenarioId", "scenarioVersion") REFERENCES "ScenarioVersion" ("scenarioId", "version") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PlaylistPlay" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "playlistId" TEXT NOT NULL,
    "playerId" TEXT NOT NULL,
    "tier" TEXT NOT NULL,
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" DATETIME,
    "total" INTEGER,
    CONSTRAINT "PlaylistPlay_playlistId_fkey" FOREIGN KEY ("playlistId") REFERENCES "Playlist" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "PlaylistPlay_playerId_fkey" FOREIGN KEY ("playerId") REFERENCES "Player" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PlaylistBoardEntry" (
    "playlistId" TEXT NOT NULL,
    "tier" TEXT NOT NULL,
    "playerId" TEXT NOT NULL,
    "total" INTEGER NOT NULL,
    "playId" TEXT NOT NULL,
    "achievedAt" DATETIME NOT NULL,

    PRIMARY KEY ("playlistId", "tier", "playerId"),
    CONSTRAINT "PlaylistBoardEntry_playlistId_fkey" FOREIGN KEY ("playlistId") REFERENCES "Playlist" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "PlaylistBoardEntry_playerId_fkey" FOREIGN KEY ("playerId") REFERENCES "Player" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "PlaylistBoardEntry_playId_fkey" FOREIGN KEY ("playId") REFERENCES "PlaylistPlay" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Scenario" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "currentVersion" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "variantOf" TEXT,
    "playerScenarioId" TEXT,
    "versionNumber" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Scenario_playerScenarioId_fkey" FOREIGN KEY ("playerScenarioId") REFERENCES "PlayerScenario" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Scenario" ("active", "createdAt", "currentVersion", "id", "kind", "name", "variantOf") SELECT "active", "createdAt", "currentVersion", "id", "kind", "name", "variantOf" FROM "Scenario";
DROP TABLE "Scenario";
ALTER TABLE "new_Scenario" RENAME TO "Scenario";
CREATE INDEX "Scenario_playerScenarioId_idx" ON "Scenario"("playerScenarioId");
CREATE TABLE "new_Run" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "playerId" TEXT NOT NULL,
    "scenarioId" TEXT NOT NULL,
    "scenarioVersion" TEXT NOT NULL,
    "tier" TEXT NOT NULL,
    "seed" TEXT NOT NULL,
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL,
    "finishedAt" DATETIME,
    "verdict" TEXT,
    "reasonCode" TEXT,
    "findings" JSONB,
    "log" BLOB,
    "logHash" TEXT,
    "environment" JSONB,
    "result" JSONB,
    "score" INTEGER,
    "claimedScore" INTEGER,
    "fps" REAL,
    "idempotencyKey" TEXT,
    "finishResponse" JSONB,
    "kioskId" TEXT,
    "kioskOnlineAt" DATETIME,
    "lateUploadAt" DATETIME,
    "clientIp" TEXT,
    "disqualifiedAt" DATETIME,
    "disqualifyNote" TEXT,
    "playlistPlayId" TEXT,
    "playlistPosition" INTEGER,
    CONSTRAINT "Run_playerId_fkey" FOREIGN KEY ("playerId") REFERENCES "Player" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Run_playlistPlayId_fkey" FOREIGN KEY ("playlistPlayId") REFERENCES "PlaylistPlay" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Run_scenarioId_scenarioVersion_fkey" FOREIGN KEY ("scenarioId", "scenarioVersion") REFERENCES "ScenarioVersion" ("scenarioId", "version") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Run_kioskId_fkey" FOREIGN KEY ("kioskId") REFERENCES "Kiosk" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Run" ("claimedScore", "clientIp", "disqualifiedAt", "disqualifyNote", "environment", "expiresAt", "findings", "finishResponse", "finishedAt", "fps", "id", "idempotencyKey", "kioskId", "kioskOnlineAt", "lateUploadAt", "log", "logHash", "playerId", "reasonCode", "result", "scenarioId", "scenarioVersion", "score", "seed", "startedAt", "tier", "verdict") SELECT "claimedScore", "clientIp", "disqualifiedAt", "disqualifyNote", "environment", "expiresAt", "findings", "finishResponse", "finishedAt", "fps", "id", "idempotencyKey", "kioskId", "kioskOnlineAt", "lateUploadAt", "log", "logHash", "playerId", "reasonCode", "result", "scenarioId", "scenarioVersion", "score", "seed", "startedAt", "tier", "verdict" FROM "Run";
DROP TABLE "Run";
ALTER TABLE "new_Run" RENAME TO "Run";
CREATE INDEX "Run_kioskId_expiresAt_idx" ON "Run"("kioskId", "expiresAt");
CREATE INDEX "Run_logHash_idx" ON "Run"("logHash");
CREATE INDEX "Run_playerId_startedAt_idx" ON "Run"("playerId", "startedAt");
CREATE INDEX "Run_scenarioId_verdict_finishedAt_idx" ON "Run"("scenarioId", "verdict", "finishedAt");
CREATE INDEX "Run_playerId_scenarioId_verdict_score_idx" ON "Run"("playerId", "scenarioId", "verdict", "score");
CREATE INDEX "Run_playerId_finishedAt_idx" ON "Run"("playerId", "finishedAt");
CREATE INDEX "Run_startedAt_idx" ON "Run"("startedAt");
CREATE INDEX "Run_playlistPlayId_idx" ON "Run"("playlistPlayId");
CREATE UNIQUE INDEX "Run_playerId_idempotencyKey_key" ON "Run"("playerId", "idempotencyKey");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "PlayerScenario_code_key" ON "PlayerScenario"("code");

-- CreateIndex
CREATE INDEX "PlayerScenario_authorId_idx" ON "PlayerScenario"("authorId");

-- CreateIndex
CREATE INDEX "PlayerScenario_name_idx" ON "PlayerScenario"("name");

-- CreateIndex
CREATE INDEX "ScenarioReport_resolvedAt_idx" ON "ScenarioReport"("resolvedAt");

-- CreateIndex
CREATE UNIQUE INDEX "ScenarioReport_playerScenarioId_reporterId_key" ON "ScenarioReport"("playerScenarioId", "reporterId");

-- CreateIndex
CREATE UNIQUE INDEX "Playlist_code_key" ON "Playlist"("code");

-- CreateIndex
CREATE INDEX "Playlist_authorId_idx" ON "Playlist"("authorId");

-- CreateIndex
CREATE INDEX "PlaylistPlay_playerId_startedAt_idx" ON "PlaylistPlay"("playerId", "startedAt");

-- CreateIndex
CREATE INDEX "PlaylistBoardEntry_playlistId_tier_total_achievedAt_idx" ON "PlaylistBoardEntry"("playlistId", "tier", "total" DESC, "achievedAt");
