/** `npm run dev`: the same server with Next's development mode (hot reload). */
import { spawnSync } from "node:child_process";

const result = spawnSync("npx", ["tsx", "server.ts"], { stdio: "inherit", env: { ...process.env, NODE_ENV: "development" } });
process.exit(result.status ?? 0);
