-- AlterTable
ALTER TABLE "Player" ADD COLUMN     "contactConsentAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "PlayerSession" ADD COLUMN     "kioskId" TEXT;

-- AlterTable
ALTER TABLE "Scenario" ADD COLUMN     "variantOf" TEXT;

-- AlterTable
ALTER TABLE "Run" ADD COLUMN     "kioskOnlineAt" TIMESTAMP(3),
ADD COLUMN     "lateUploadAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Kiosk" ADD COLUMN     "createdBy" TEXT,
ADD COLUMN     "idleSeconds" INTEGER NOT NULL DEFAULT 30,
ADD COLUMN     "pairedAt" TIMESTAMP(3),
ADD COLUMN     "pairingCodeHash" TEXT,
ADD COLUMN     "pairingExpiresAt" TIMESTAMP(3),
ADD COLUMN     "pinHash" TEXT NOT NULL,
ADD COLUMN     "revokedAt" TIMESTAMP(3),
ADD COLUMN     "scenarioId" TEXT NOT NULL,
ADD COLUMN     "settings" JSONB NOT NULL,
ALTER COLUMN "tokenHash" DROP NOT NULL;

-- CreateTable
CREATE TABLE "BoothVisit" (
    "id" TEXT NOT NULL,
    "kioskId" TEXT NOT NULL,
    "playerId" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "scenarioId" TEXT NOT NULL,
    "freeRunId" TEXT,
    "ultimateRunId" TEXT,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BoothVisit_pkey" PRIMARY KEY ("id")
);

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
CREATE INDEX "PlayerSession_kioskId_revokedAt_idx" ON "PlayerSession"("kioskId", "revokedAt");

-- CreateIndex
CREATE INDEX "Run_kioskId_expiresAt_idx" ON "Run"("kioskId", "expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "Kiosk_pairingCodeHash_key" ON "Kiosk"("pairingCodeHash");

-- AddForeignKey
ALTER TABLE "PlayerSession" ADD CONSTRAINT "PlayerSession_kioskId_fkey" FOREIGN KEY ("kioskId") REFERENCES "Kiosk"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Kiosk" ADD CONSTRAINT "Kiosk_scenarioId_fkey" FOREIGN KEY ("scenarioId") REFERENCES "Scenario"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BoothVisit" ADD CONSTRAINT "BoothVisit_kioskId_fkey" FOREIGN KEY ("kioskId") REFERENCES "Kiosk"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BoothVisit" ADD CONSTRAINT "BoothVisit_playerId_fkey" FOREIGN KEY ("playerId") REFERENCES "Player"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BoothVisit" ADD CONSTRAINT "BoothVisit_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "PlayerSession"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BoothVisit" ADD CONSTRAINT "BoothVisit_freeRunId_fkey" FOREIGN KEY ("freeRunId") REFERENCES "Run"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BoothVisit" ADD CONSTRAINT "BoothVisit_ultimateRunId_fkey" FOREIGN KEY ("ultimateRunId") REFERENCES "Run"("id") ON DELETE SET NULL ON UPDATE CASCADE;
