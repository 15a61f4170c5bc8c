-- DropIndex
DROP INDEX "PrizeAward_closeId_place_key";

-- AlterTable
ALTER TABLE "Run" ADD COLUMN     "disqualifiedAt" TIMESTAMP(3),
ADD COLUMN     "disqualifyNote" TEXT;

-- AlterTable
ALTER TABLE "PrizeAward" ADD COLUMN     "offer" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "reviewedAt" TIMESTAMP(3),
ADD COLUMN     "reviewedBy" TEXT,
ALTER COLUMN "status" SET DEFAULT 'review';

-- CreateIndex
CREATE INDEX "PrizeAward_status_idx" ON "PrizeAward"("status");

-- CreateIndex
CREATE UNIQUE INDEX "PrizeAward_closeId_place_offer_key" ON "PrizeAward"("closeId", "place", "offer");
