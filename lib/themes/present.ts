import type { Theme } from "@/lib/generated/prisma/client";

export function presentTheme(theme: Theme) {
  return { id: theme.id, name: theme.name, description: theme.description, position: theme.position };
}

export type PresentedTheme = ReturnType<typeof presentTheme>;
