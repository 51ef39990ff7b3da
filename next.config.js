import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Database drivers and the WASM engines are loaded by Node at run time, never bundled:
  // bundling them would also give Next's server a second PGlite next to the custom server's.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "pglite-prisma-adapter",
    "pg",
    "@prisma/adapter-pg",
    "@prisma/driver-adapter-utils",
    "@prisma/schema-engine-wasm",
    "socket.io",
    "nodemailer",
  ],
  typedRoutes: false,
};

export default withNextIntl(nextConfig);
