-- AlterTable
ALTER TABLE "Player" ADD COLUMN "deletedAt" DATETIME;
