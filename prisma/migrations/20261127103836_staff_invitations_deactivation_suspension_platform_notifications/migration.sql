-- DropForeignKey
ALTER TABLE "Notification" DROP CONSTRAINT "Notification_producerId_fkey";

-- AlterTable
ALTER TABLE "Producer" ADD COLUMN     "suspendedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Staff" ADD COLUMN     "deactivatedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Notification" ALTER COLUMN "producerId" DROP NOT NULL;

-- CreateTable
CREATE TABLE "StaffInvitation" (
    "id" UUID NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "role" "StaffRole" NOT NULL,
    "producerId" UUID,
    "invitedById" UUID,
    "invitedByName" TEXT NOT NULL,
    "invitedByEmail" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "acceptedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "StaffInvitation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "StaffInvitation_tokenHash_key" ON "StaffInvitation"("tokenHash");

-- CreateIndex
CREATE INDEX "StaffInvitation_email_idx" ON "StaffInvitation"("email");

-- CreateIndex
CREATE INDEX "StaffInvitation_producerId_createdAt_idx" ON "StaffInvitation"("producerId", "createdAt");

-- AddForeignKey
ALTER TABLE "StaffInvitation" ADD CONSTRAINT "StaffInvitation_producerId_fkey" FOREIGN KEY ("producerId") REFERENCES "Producer"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_producerId_fkey" FOREIGN KEY ("producerId") REFERENCES "Producer"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- By hand: one open (not accepted, not revoked) invitation per email; a re-invite revokes the old one first.
CREATE UNIQUE INDEX "StaffInvitation_open_email_key" ON "StaffInvitation"("email") WHERE "acceptedAt" IS NULL AND "revokedAt" IS NULL;
-- Platform admins belong to no producer; every other role to exactly one.
ALTER TABLE "StaffInvitation" ADD CONSTRAINT "StaffInvitation_role_producer_check" CHECK (("role" = 'PLATFORM_ADMIN') = ("producerId" IS NULL));
