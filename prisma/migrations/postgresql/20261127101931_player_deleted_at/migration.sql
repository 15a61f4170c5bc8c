-- AlterTable
ALTER TABLE "Player" ADD COLUMN     "deletedAt" TIMESTAMP(3);
