-- AlterTable
ALTER TABLE "Run" ADD COLUMN     "findings" JSONB;
