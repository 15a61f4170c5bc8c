-- CreateIndex
CREATE INDEX "Run_playerId_scenarioId_verdict_score_idx" ON "Run"("playerId", "scenarioId", "verdict", "score");

-- CreateIndex
CREATE INDEX "Run_playerId_finishedAt_idx" ON "Run"("playerId", "finishedAt");
