-- CreateEnum
CREATE TYPE "ExpiryBand" AS ENUM ('DAYS_90', 'DAYS_30', 'DAYS_7', 'EXPIRED');

-- CreateEnum
CREATE TYPE "AlertStatus" AS ENUM ('OPEN', 'RESOLVED');

-- CreateEnum
CREATE TYPE "NotificationChannel" AS ENUM ('EMAIL', 'SMS', 'WHATSAPP');

-- CreateEnum
CREATE TYPE "NotificationStatus" AS ENUM ('PENDING', 'SENDING', 'SENT', 'OUTBOX', 'FAILED');

-- AlterTable
ALTER TABLE "Product" ADD COLUMN     "lowStockNotifiedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Lot" ADD COLUMN     "expiryBand" "ExpiryBand";

-- CreateTable
CREATE TABLE "LowStockAlert" (
    "id" UUID NOT NULL,
    "productId" UUID NOT NULL,
    "producerId" UUID NOT NULL,
    "status" "AlertStatus" NOT NULL DEFAULT 'OPEN',
    "availableAtOpen" INTEGER NOT NULL,
    "minimumAtOpen" INTEGER NOT NULL,
    "available" INTEGER NOT NULL,
    "escalationLevel" INTEGER NOT NULL DEFAULT 0,
    "notifyCount" INTEGER NOT NULL DEFAULT 0,
    "openedAt" TIMESTAMP(3) NOT NULL,
    "lastNotifiedAt" TIMESTAMP(3),
    "resolvedAt" TIMESTAMP(3),

    CONSTRAINT "LowStockAlert_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LotExpiryAlert" (
    "lotId" UUID NOT NULL,
    "band" "ExpiryBand" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LotExpiryAlert_pkey" PRIMARY KEY ("lotId","band")
);

-- CreateTable
CREATE TABLE "AlertSettings" (
    "producerId" UUID NOT NULL,
    "emailRecipients" TEXT[],
    "smsRecipients" TEXT[],
    "whatsappRecipients" TEXT[],
    "lowStockChannels" "NotificationChannel"[],
    "escalationChannels" "NotificationChannel"[],
    "expiryChannels" "NotificationChannel"[],
    "quietHoursStartHour" INTEGER,
    "quietHoursEndHour" INTEGER,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AlertSettings_pkey" PRIMARY KEY ("producerId")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" UUID NOT NULL,
    "producerId" UUID NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "channel" "NotificationChannel" NOT NULL,
    "recipient" TEXT NOT NULL,
    "template" TEXT NOT NULL,
    "subject" TEXT,
    "body" TEXT NOT NULL,
    "status" "NotificationStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "provider" TEXT,
    "providerMessageId" TEXT,
    "sendAfter" TIMESTAMP(3),
    "sentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "LowStockAlert_producerId_status_idx" ON "LowStockAlert"("producerId", "status");

-- CreateIndex
CREATE INDEX "LowStockAlert_status_lastNotifiedAt_idx" ON "LowStockAlert"("status", "lastNotifiedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Notification_dedupeKey_key" ON "Notification"("dedupeKey");

-- CreateIndex
CREATE INDEX "Notification_producerId_createdAt_idx" ON "Notification"("producerId", "createdAt");

-- CreateIndex
CREATE INDEX "Notification_status_idx" ON "Notification"("status");

-- AddForeignKey
ALTER TABLE "LowStockAlert" ADD CONSTRAINT "LowStockAlert_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LotExpiryAlert" ADD CONSTRAINT "LotExpiryAlert_lotId_fkey" FOREIGN KEY ("lotId") REFERENCES "Lot"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AlertSettings" ADD CONSTRAINT "AlertSettings_producerId_fkey" FOREIGN KEY ("producerId") REFERENCES "Producer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_producerId_fkey" FOREIGN KEY ("producerId") REFERENCES "Producer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written
CREATE UNIQUE INDEX "LowStockAlert_one_open_per_product" ON "LowStockAlert" ("productId") WHERE status = 'OPEN';
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_attempts_nonnegative" CHECK (attempts >= 0);
ALTER TABLE "AlertSettings" ADD CONSTRAINT "AlertSettings_quiet_hours_valid" CHECK (
  ("quietHoursStartHour" IS NULL AND "quietHoursEndHour" IS NULL)
  OR ("quietHoursStartHour" BETWEEN 0 AND 23 AND "quietHoursEndHour" BETWEEN 0 AND 23)
);
