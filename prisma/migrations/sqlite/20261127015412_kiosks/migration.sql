-- AlterTable
ALTER TABLE "Player" ADD COLUMN "contactConsentAt" DATETIME;

-- AlterTable
ALTER TABLE "Scenario" ADD COLUMN "variantOf" TEXT;

-- AlterTable
ALTER TABLE "Run" ADD COLUMN "kioskOnlineAt" DATETIME;
ALTER TABLE "Run" ADD COLUMN "lateUploadAt" DATETIME;

-- CreateTable
CREATE TABLE "BoothVisit" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kioskId" TEXT NOT NULL,
    "playerId" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "scenarioId" TEXT NOT NULL,
    "freeRunId" TEXT,
    "ultimateRunId" TEXT,
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "BoothVisit_kioskId_fkey" FOREIGN KEY ("kioskId") REFERENCES "Kiosk" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "BoothVisit_playerId_fkey" FOREIGN KEY ("playerId") REFERENCES "Player" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "BoothVisit_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "PlayerSession" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "BoothVisit_freeRunId_fkey" FOREIGN KEY ("freeRunId") REFERENCES "Run" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "BoothVisit_ultimateRunId_fkey" FOREIGN KEY ("ultimateRunId") REFERENCES "Run" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_PlayerSession" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "playerId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL,
    "revokedAt" DATETIME,
    "userAgent" TEXT,
    "ip" TEXT,
    "kioskId" TEXT,
    CONSTRAINT "PlayerSession_playerId_fkey" FOREIGN KEY ("playerId") REFERENCES "Player" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "PlayerSession_kioskId_fkey" FOREIGN KEY ("kioskId") REFERENCES "Kiosk" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_PlayerSession" ("createdAt", "expiresAt", "id", "ip", "lastSeenAt", "playerId", "revokedAt", "tokenHash", "userAgent") SELECT "createdAt", "expiresAt", "id", "ip", "lastSeenAt", "playerId", "revokedAt", "tokenHash", "userAgent" FROM "PlayerSession";
DROP TABLE "PlayerSession";
ALTER TABLE "new_PlayerSession" RENAME TO "PlayerSession";
CREATE UNIQUE INDEX "PlayerSession_tokenHash_key" ON "PlayerSession"("tokenHash");
CREATE INDEX "PlayerSession_playerId_idx" ON "PlayerSession"("playerId");
CREATE INDEX "PlayerSession_kioskId_revokedAt_idx" ON "PlayerSession"("kioskId", "revokedAt");
CREATE TABLE "new_Kiosk" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "challengeId" TEXT NOT NULL,
    "scenarioId" TEXT NOT NULL,
    "settings" JSONB NOT NULL,
    "idleSeconds" INTEGER NOT NULL DEFAULT 30,
    "pinHash" TEXT NOT NULL,
    "pairingCodeHash" TEXT,
    "pairingExpiresAt" DATETIME,
    "tokenHash" TEXT,
    "pairedAt" DATETIME,
    "revokedAt" DATETIME,
    "lastSeenAt" DATETIME,
    "createdBy" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Kiosk_challengeId_fkey" FOREIGN KEY ("challengeId") REFERENCES "Challenge" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Kiosk_scenarioId_fkey" FOREIGN KEY ("scenarioId") REFERENCES "Scenario" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Kiosk" ("challengeId", "createdAt", "id", "lastSeenAt", "name", "tokenHash") SELECT "challengeId", "createdAt", "id", "lastSeenAt", "name", "tokenHash" FROM "Kiosk";
DROP TABLE "Kiosk";
ALTER TABLE "new_Kiosk" RENAME TO "Kiosk";
CREATE UNIQUE INDEX "Kiosk_pairingCodeHash_key" ON "Kiosk"("pairingCodeHash");
CREATE UNIQUE INDEX "Kiosk_tokenHash_key" ON "Kiosk"("tokenHash");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "BoothVisit_sessionId_key" ON "BoothVisit"("sessionId");

-- CreateIndex
CREATE UNIQUE INDEX "BoothVisit_freeRunId_key" ON "BoothVisit"("freeRunId");

-- CreateIndex
CREATE UNIQUE INDEX "BoothVisit_ultimateRunId_key" ON "BoothVisit"("ultimateRunId");

-- CreateIndex
CREATE INDEX "BoothVisit_kioskId_startedAt_idx" ON "BoothVisit"("kioskId", "startedAt");

-- CreateIndex
CREATE INDEX "BoothVisit_scenarioId_startedAt_idx" ON "BoothVisit"("scenarioId", "startedAt");

-- CreateIndex
CREATE INDEX "Run_kioskId_expiresAt_idx" ON "Run"("kioskId", "expiresAt");
