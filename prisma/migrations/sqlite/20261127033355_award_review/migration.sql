-- AlterTable
ALTER TABLE "Run" ADD COLUMN "disqualifiedAt" DATETIME;
ALTER TABLE "Run" ADD COLUMN "disqualifyNote" TEXT;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_PrizeAward" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "closeId" TEXT NOT NULL,
    "place" INTEGER NOT NULL,
    "offer" INTEGER NOT NULL DEFAULT 1,
    "playerId" TEXT NOT NULL,
    "runId" TEXT NOT NULL,
    "score" INTEGER NOT NULL,
    "prize" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'review',
    "reviewedAt" DATETIME,
    "reviewedBy" TEXT,
    "fulfilledAt" DATETIME,
    "note" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PrizeAward_closeId_fkey" FOREIGN KEY ("closeId") REFERENCES "PeriodClose" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "PrizeAward_playerId_fkey" FOREIGN KEY ("playerId") REFERENCES "Player" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "PrizeAward_runId_fkey" FOREIGN KEY ("runId") REFERENCES "Run" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_PrizeAward" ("closeId", "createdAt", "fulfilledAt", "id", "note", "place", "playerId", "prize", "runId", "score", "status") SELECT "closeId", "createdAt", "fulfilledAt", "id", "note", "place", "playerId", "prize", "runId", "score", "status" FROM "PrizeAward";
DROP TABLE "PrizeAward";
ALTER TABLE "new_PrizeAward" RENAME TO "PrizeAward";
CREATE INDEX "PrizeAward_playerId_idx" ON "PrizeAward"("playerId");
CREATE INDEX "PrizeAward_status_idx" ON "PrizeAward"("status");
CREATE UNIQUE INDEX "PrizeAward_closeId_place_offer_key" ON "PrizeAward"("closeId", "place", "offer");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
