-- DropIndex
DROP INDEX "BoardEntry_scenarioId_periodKind_periodKey_tier_score_achievedAt_runId_idx";

-- CreateIndex
CREATE INDEX "Player_disqualifiedAt_idx" ON "Player"("disqualifiedAt");

-- CreateIndex
CREATE INDEX "BoardEntry_scenarioId_periodKind_periodKey_tier_score_achievedAt_runId_playerId_runTier_fps_idx" ON "BoardEntry"("scenarioId", "periodKind", "periodKey", "tier", "score" DESC, "achievedAt", "runId", "playerId", "runTier", "fps");
