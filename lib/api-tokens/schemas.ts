import { z } from "zod";

export const API_TOKEN_SCOPES = ["read", "read_write"] as const;
export type ApiTokenScopeName = (typeof API_TOKEN_SCOPES)[number];

/** The expiries offered on the account page; absent means the token lasts until revoked. */
export const API_TOKEN_EXPIRY_DAYS = [7, 30, 90, 365] as const;

/** A person may hold this many tokens at once: enough for a few scripts, few enough to review. */
export const MAX_API_TOKENS_PER_PERSON = 20;

export const ZCreateApiTokenInput = z.object({
  name: z.string().trim().min(1, "tokenNameRequired").max(80, "tokenNameTooLong"),
  scope: z.enum(API_TOKEN_SCOPES, { error: "tokenScopeInvalid" }),
  expiresInDays: z
    .union([z.literal(7), z.literal(30), z.literal(90), z.literal(365)], { error: "tokenExpiryInvalid" })
    .nullable()
    .optional(),
});
export type CreateApiTokenInput = z.input<typeof ZCreateApiTokenInput>;
