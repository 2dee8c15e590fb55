-- AlterTable
ALTER TABLE "Notification" ADD COLUMN     "claimedAt" TIMESTAMP(3);
