import createNextIntlPlugin from "next-intl/plugin";

// On every response; the page CSP, which needs a nonce per request, is set in proxy.ts.
// Referrer-Policy: invitation and sign-in links carry tokens in their path; never send them elsewhere.
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), interest-cohort=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

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
    "pdfjs-dist",
    // Reads its font metrics from files next to its own code.
    "pdfkit",
  ],
  typedRoutes: false,
  // `npm run typecheck` checks the whole project (tests included) as the first stage of `npm test`;
  // checking again inside every build would only slow `npm start` down.
  typescript: { ignoreBuildErrors: true },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default withNextIntl(nextConfig);
