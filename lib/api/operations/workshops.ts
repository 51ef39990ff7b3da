import { z } from "zod";
import { operation, ok } from "../operation";
import { ZHealth, ZPresentedWorkshop, ZWorkshopOverview } from "../shapes";

export const WORKSHOP_OPERATIONS = [
  operation("GET", "/api/health", {
    tag: "Service",
    summary: "Whether the server and its database answer",
    isPublic: true,
    success: ok(ZHealth, "The database answers and is migrated (503 with the same shape otherwise)."),
  }),
  operation("GET", "/api/openapi.json", {
    tag: "Service",
    summary: "This API's description (OpenAPI 3.1)",
    isPublic: true,
    success: ok(z.record(z.string(), z.unknown()), "The OpenAPI document."),
  }),
  operation("GET", "/api/workshops", {
    tag: "Workshops",
    summary: "Your workshops",
    description: "Open ones first, then closed, then archived; by date within each.",
    success: ok(z.object({ workshops: z.array(ZPresentedWorkshop) }).strict()),
  }),
  operation("GET", "/api/workshops/{workshopId}", {
    tag: "Workshops",
    summary: "One workshop with its sources and themes",
    access: "Members.",
    success: ok(ZWorkshopOverview),
  }),
];
