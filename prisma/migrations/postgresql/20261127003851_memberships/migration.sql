-- CreateTable
CREATE TABLE "Membership" (
    "id" TEXT NOT NULL,
    "playerId" TEXT NOT NULL,
    "tier" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "sourceRef" TEXT,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "expiresAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Membership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MembershipCode" (
    "id" TEXT NOT NULL,
    "codeHash" TEXT NOT NULL,
    "hint" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "tier" TEXT NOT NULL,
    "days" INTEGER NOT NULL,
    "maxUses" INTEGER NOT NULL,
    "uses" INTEGER NOT NULL DEFAULT 0,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),
    "createdBy" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MembershipCode_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MembershipCodeRedemption" (
    "id" TEXT NOT NULL,
    "codeId" TEXT NOT NULL,
    "playerId" TEXT NOT NULL,
    "membershipId" TEXT NOT NULL,
    "redeemedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MembershipCodeRedemption_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Membership_playerId_expiresAt_idx" ON "Membership"("playerId", "expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "Membership_source_sourceRef_key" ON "Membership"("source", "sourceRef");

-- CreateIndex
CREATE UNIQUE INDEX "MembershipCode_codeHash_key" ON "MembershipCode"("codeHash");

-- CreateIndex
CREATE UNIQUE INDEX "MembershipCodeRedemption_membershipId_key" ON "MembershipCodeRedemption"("membershipId");

-- CreateIndex
CREATE UNIQUE INDEX "MembershipCodeRedemption_codeId_playerId_key" ON "MembershipCodeRedemption"("codeId", "playerId");

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_playerId_fkey" FOREIGN KEY ("playerId") REFERENCES "Player"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MembershipCodeRedemption" ADD CONSTRAINT "MembershipCodeRedemption_codeId_fkey" FOREIGN KEY ("codeId") REFERENCES "MembershipCode"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MembershipCodeRedemption" ADD CONSTRAINT "MembershipCodeRedemption_playerId_fkey" FOREIGN KEY ("playerId") REFERENCES "Player"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MembershipCodeRedemption" ADD CONSTRAINT "MembershipCodeRedemption_membershipId_fkey" FOREIGN KEY ("membershipId") REFERENCES "Membership"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
