// ESLint 9 flat config: Next's rules (React, hooks, Core Web Vitals, import, jsx-a11y) plus
// typescript-eslint's recommended rules through eslint-config-next/typescript.
import { defineConfig, globalIgnores } from "eslint/config";
import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

export default defineConfig([
  ...nextCoreWebVitals,
  ...nextTypescript,
  globalIgnores([
    // Prisma's generated client: rewritten by `prisma generate`, not ours to fix.
    "lib/generated/**",
    ".next/**",
    ".data/**",
    "test-results/**",
    "playwright-report/**",
    "node_modules/**",
    "next-env.d.ts",
  ]),
]);
