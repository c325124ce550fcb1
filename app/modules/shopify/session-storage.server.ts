import { Session } from "@shopify/shopify-api";
import type { SessionStorage } from "@shopify/shopify-app-session-storage";
import type { PrismaClient } from "~/generated/prisma/client";
import { appKeyRing, decryptSecret, encryptSecret, type KeyRing } from "~/modules/security/encryption.server";

type Row = Awaited<ReturnType<PrismaClient["session"]["findUnique"]>> & {};

// Shopify sessions on the project's own Prisma client, with tokens encrypted at rest.
export class EncryptedPrismaSessionStorage implements SessionStorage {
  constructor(
    private readonly prisma: () => Promise<PrismaClient>,
    private readonly keys: () => KeyRing = appKeyRing,
  ) {}

  async storeSession(session: Session): Promise<boolean> {
    const data = this.toRow(session);
    const prisma = await this.prisma();
    await prisma.session.upsert({ where: { id: session.id }, update: data, create: data });
    return true;
  }

  async loadSession(id: string): Promise<Session | undefined> {
    const prisma = await this.prisma();
    const row = await prisma.session.findUnique({ where: { id } });
    return row ? this.toSession(row) : undefined;
  }

  async deleteSession(id: string): Promise<boolean> {
    const prisma = await this.prisma();
    await prisma.session.deleteMany({ where: { id } });
    return true;
  }

  async deleteSessions(ids: string[]): Promise<boolean> {
    const prisma = await this.prisma();
    await prisma.session.deleteMany({ where: { id: { in: ids } } });
    return true;
  }

  async findSessionsByShop(shop: string): Promise<Session[]> {
    const prisma = await this.prisma();
    const rows = await prisma.session.findMany({ where: { shop }, take: 25, orderBy: { expires: "desc" } });
    return rows.map((row) => this.toSession(row));
  }

  private toRow(session: Session) {
    const user = session.onlineAccessInfo?.associated_user;
    const keys = this.keys();
    return {
      id: session.id,
      shop: session.shop,
      state: session.state,
      isOnline: session.isOnline,
      scope: session.scope ?? null,
      expires: session.expires ?? null,
      accessToken: encryptSecret(session.accessToken ?? "", keys),
      refreshToken: session.refreshToken ? encryptSecret(session.refreshToken, keys) : null,
      refreshTokenExpires: session.refreshTokenExpires ?? null,
      userId: user?.id != null ? BigInt(user.id) : null,
      firstName: user?.first_name ?? null,
      lastName: user?.last_name ?? null,
      email: user?.email ?? null,
      accountOwner: user?.account_owner ?? false,
      locale: user?.locale ?? null,
      collaborator: user?.collaborator ?? false,
      emailVerified: user?.email_verified ?? false,
    };
  }

  private toSession(row: Row): Session {
    const keys = this.keys();
    const session = new Session({
      id: row.id,
      shop: row.shop,
      state: row.state,
      isOnline: row.isOnline,
      scope: row.scope ?? undefined,
      expires: row.expires ?? undefined,
      accessToken: decryptSecret(row.accessToken, keys),
      refreshToken: row.refreshToken ? decryptSecret(row.refreshToken, keys) : undefined,
      refreshTokenExpires: row.refreshTokenExpires ?? undefined,
    });
    if (row.userId != null) {
      session.onlineAccessInfo = {
        associated_user: {
          id: Number(row.userId),
          first_name: row.firstName ?? undefined,
          last_name: row.lastName ?? undefined,
          email: row.email ?? undefined,
          account_owner: row.accountOwner,
          locale: row.locale ?? undefined,
          collaborator: row.collaborator ?? undefined,
          email_verified: row.emailVerified ?? undefined,
        },
      } as Session["onlineAccessInfo"];
    }
    return session;
  }
}
