import { defineConfig } from "prisma/config";

// The Prisma CLI insists on a native schema-engine binary even for `prisma generate`, and this
// machine cannot download one. Generation does not use it, so any executable satisfies the check;
// migrations go through scripts/db-*.ts and the WASM schema engine instead.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= "/bin/true";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
