import { z } from "zod";

export const signInInput = z.object({
  email: z.string().trim().toLowerCase().email("Enter a valid email address."),
  password: z.string().min(1, "Enter your password.").max(200),
});

/** A new password: long rather than complicated (NIST 800-63B), bounded so hashing stays cheap. */
export const newPasswordSchema = z.string().min(12, "Use at least 12 characters.").max(200, "Use at most 200 characters.");

export const requestPasswordResetInput = z.object({
  email: z.string().trim().toLowerCase().email("Enter a valid email address.").max(320),
});

export const resetPasswordInput = z.object({
  token: z.string().min(1, "This link has no token. Ask for a new one.").max(100, "This link is not valid. Ask for a new one."),
  password: newPasswordSchema,
});

export const changePasswordInput = z.object({
  currentPassword: z.string().min(1, "Enter your current password.").max(200),
  newPassword: newPasswordSchema,
});

export const revokeSessionInput = z.object({ id: z.string().uuid("Not a session id.") });
