-- AlterEnum
ALTER TYPE "StaffRole" ADD VALUE 'VIEWER';
