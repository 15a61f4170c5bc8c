-- AlterTable
ALTER TABLE "Run" ADD COLUMN     "logHash" TEXT;

-- CreateIndex
CREATE INDEX "Run_logHash_idx" ON "Run"("logHash");
