-- AlterTable
ALTER TABLE "Scenario" ADD COLUMN     "playerScenarioId" TEXT,
ADD COLUMN     "versionNumber" INTEGER;

-- AlterTable
ALTER TABLE "Run" ADD COLUMN     "playlistPlayId" TEXT,
ADD COLUMN     "playlistPosition" INTEGER;

-- CreateTable
CREATE TABLE "PlayerScenario" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "draft" JSONB NOT NULL,
    "publishedScenarioId" TEXT,
    "unpublishedAt" TIMESTAMP(3),
    "hiddenAt" TIMESTAMP(3),
    "hiddenReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PlayerScenario_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ScenarioReport" (
    "id" TEXT NOT NULL,
    "playerScenarioId" TEXT NOT NULL,
    "reporterId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" TIMESTAMP(3),

    CONSTRAINT "ScenarioReport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Playlist" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "hiddenAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Playlist_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlaylistItem" (
    "playlistId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "scenarioId" TEXT NOT NULL,
    "scenarioVersion" TEXT NOT NULL,

    CONSTRAINT "PlaylistItem_pkey" PRIMARY KEY ("playlistId","position")
);

-- CreateTable
CREATE TABLE "PlaylistPlay" (
    "id" TEXT NOT NULL,
    "playlistId" TEXT NOT NULL,
    "playerId" TEXT NOT NULL,
    "tier" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),
    "total" INTEGER,

    CONSTRAINT "PlaylistPlay_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlaylistBoardEntry" (
    "playlistId" TEXT NOT NULL,
    "tier" TEXT NOT NULL,
    "playerId" TEXT NOT NULL,
    "total" INTEGER NOT NULL,
    "playId" TEXT NOT NULL,
    "achievedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PlaylistBoardEntry_pkey" PRIMARY KEY ("playlistId","tier","playerId")
);

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

-- CreateIndex
CREATE INDEX "Scenario_playerScenarioId_idx" ON "Scenario"("playerScenarioId");

-- CreateIndex
CREATE INDEX "Run_playlistPlayId_idx" ON "Run"("playlistPlayId");

-- AddForeignKey
ALTER TABLE "Scenario" ADD CONSTRAINT "Scenario_playerScenarioId_fkey" FOREIGN KEY ("playerScenarioId") REFERENCES "PlayerScenario"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlayerScenario" ADD CONSTRAINT "PlayerScenario_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "Player"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScenarioReport" ADD CONSTRAINT "ScenarioReport_playerScenarioId_fkey" FOREIGN KEY ("playerScenarioId") REFERENCES "PlayerScenario"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScenarioReport" ADD CONSTRAINT "ScenarioReport_reporterId_fkey" FOREIGN KEY ("reporterId") REFERENCES "Player"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Playlist" ADD CONSTRAINT "Playlist_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "Player"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlaylistItem" ADD CONSTRAINT "PlaylistItem_playlistId_fkey" FOREIGN KEY ("playlistId") REFERENCES "Playlist"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlaylistItem" ADD CONSTRAINT "PlaylistItem_scenarioId_scenarioVersion_fkey" FOREIGN KEY ("scenarioId", "scenarioVersion") REFERENCES "ScenarioVersion"("scenarioId", "version") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlaylistPlay" ADD CONSTRAINT "PlaylistPlay_playlistId_fkey" FOREIGN KEY ("playlistId") REFERENCES "Playlist"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlaylistPlay" ADD CONSTRAINT "PlaylistPlay_playerId_fkey" FOREIGN KEY ("playerId") REFERENCES "Player"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlaylistBoardEntry" ADD CONSTRAINT "PlaylistBoardEntry_playlistId_fkey" FOREIGN KEY ("playlistId") REFERENCES "Playlist"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlaylistBoardEntry" ADD CONSTRAINT "PlaylistBoardEntry_playerId_fkey" FOREIGN KEY ("playerId") REFERENCES "Player"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlaylistBoardEntry" ADD CONSTRAINT "PlaylistBoardEntry_playId_fkey" FOREIGN KEY ("playId") REFERENCES "PlaylistPlay"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Run" ADD CONSTRAINT "Run_playlistPlayId_fkey" FOREIGN KEY ("playlistPlayId") REFERENCES "PlaylistPlay"("id") ON DELETE SET NULL ON UPDATE CASCADE;
