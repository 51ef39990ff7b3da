import { describe, expect, it } from "vitest";
import { registerTestDatabase } from "@/test/db";
import { expectAppError } from "@/test/expect-app-error";
import { createUser, viewerOf } from "@/test/factories";
import { getMyProfile, updateProfile } from "./update-profile";

const prisma = registerTestDatabase();

describe("updateProfile", () => {
  it("the first-sign-in step refuses an empty name and writes nothing", async () => {
    const user = await createUser({ name: null, email: "new@example.test" });
    await expectAppError(updateProfile({ viewer: viewerOf(user), input: { name: "   ", organization: "Sahel" }, requireName: true }), "BAD_REQUEST", "fields.nameRequired");
    const row = await prisma().user.findUniqueOrThrow({ where: { id: user.id } });
    expect([row.name, row.organization]).toEqual([null, null]);
  });

  it("the first-sign-in step keeps the name and the optional organization (trimmed)", async () => {
    const user = await createUser({ name: null });
    await updateProfile({ viewer: viewerOf(user), input: { name: " Amina ", organization: "" }, requireName: true });
    expect(await getMyProfile({ viewer: viewerOf(user) })).toMatchObject({ name: "Amina", organization: "" });
  });

  it("the account page may still clear the name", async () => {
    const user = await createUser({ name: "Bruno" });
    await updateProfile({ viewer: viewerOf(user), input: { name: "", organization: "" } });
    expect((await prisma().user.findUniqueOrThrow({ where: { id: user.id } })).name).toBeNull();
  });
});
