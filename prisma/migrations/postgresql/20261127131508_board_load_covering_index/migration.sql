-- DropIndex
DROP INDEX "BoardEntry_scenarioId_periodKind_periodKey_tier_score_achie_idx";

-- CreateIndex
CREATE INDEX "Player_disqualifiedAt_idx" ON "Player"("disqualifiedAt");

-- CreateIndex
CREATE INDEX "BoardEntry_scenarioId_periodKind_periodKey_tier_score_achie_idx" ON "BoardEntry"("scenarioId", "periodKind", "periodKey", "tier", "score" DESC, "achievedAt", "runId", "playerId", "runTier", "fps");
