import "server-only";
import type { Adapter, AdapterAccount, AdapterUser } from "next-auth/adapters";
import { getPrisma } from "@/lib/db";

type UserRow = { id: string; email: string; emailVerified: Date | null; name: string | null; image: string | null };

function toAdapterUser(user: UserRow): AdapterUser {
  return { id: user.id, email: user.email, emailVerified: user.emailVerified, name: user.name, image: user.image };
}

/**
 * next-auth's storage of users, sessions and sign-in tokens. Written against our own client
 * (rather than @auth/prisma-adapter) because the client is opened asynchronously and is shared
 * with the custom server. Emails are stored lower-cased so that one person has one account.
 */
export function createAuthAdapter(): Adapter {
  return {
    async createUser(user: Omit<AdapterUser, "id">) {
      const db = await getPrisma();
      const created = await db.user.create({
        data: { email: user.email.toLowerCase(), emailVerified: user.emailVerified, name: user.name ?? null },
      });
      return toAdapterUser(created);
    },
    async getUser(id) {
      const user = await (await getPrisma()).user.findUnique({ where: { id } });
      return user ? toAdapterUser(user) : null;
    },
    async getUserByEmail(email) {
      const user = await (await getPrisma()).user.findUnique({ where: { email: email.toLowerCase() } });
      return user ? toAdapterUser(user) : null;
    },
    async getUserByAccount({ provider, providerAccountId }) {
      const account = await (await getPrisma()).account.findUnique({
        where: { provider_providerAccountId: { provider, providerAccountId } },
        include: { user: true },
      });
      return account ? toAdapterUser(account.user) : null;
    },
    async updateUser({ id, ...data }) {
      const user = await (await getPrisma()).user.update({
        where: { id },
        data: { emailVerified: data.emailVerified, name: data.name ?? undefined },
      });
      return toAdapterUser(user);
    },
    async linkAccount(account: AdapterAccount) {
      await (await getPrisma()).account.create({
        data: {
          userId: account.userId,
          type: account.type,
          provider: account.provider,
          providerAccountId: account.providerAccountId,
        },
      });
    },
    async createSession(session) {
      return (await getPrisma()).session.create({ data: session });
    },
    async getSessionAndUser(sessionToken) {
      const found = await (await getPrisma()).session.findUnique({ where: { sessionToken }, include: { user: true } });
      if (!found) return null;
      const { user, ...session } = found;
      return { session, user: toAdapterUser(user) };
    },
    async updateSession({ sessionToken, ...data }) {
      return (await getPrisma()).session.update({ where: { sessionToken }, data });
    },
    async deleteSession(sessionToken) {
      await (await getPrisma()).session.deleteMany({ where: { sessionToken } });
    },
    async createVerificationToken(token) {
      return (await getPrisma()).verificationToken.create({
        data: { ...token, identifier: token.identifier.toLowerCase() },
      });
    },
    async useVerificationToken({ identifier, token }) {
      const db = await getPrisma();
      // deleteMany + find in one transaction: a token works exactly once even under double clicks.
      return db.$transaction(async (tx) => {
        const found = await tx.verificationToken.findUnique({ where: { token } });
        if (!found || found.identifier !== identifier.toLowerCase()) return null;
        await tx.verificationToken.delete({ where: { token } });
        return found;
      });
    },
  };
}
