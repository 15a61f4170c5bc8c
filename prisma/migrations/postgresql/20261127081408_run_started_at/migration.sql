-- CreateIndex
CREATE INDEX "Run_startedAt_idx" ON "Run"("startedAt");
