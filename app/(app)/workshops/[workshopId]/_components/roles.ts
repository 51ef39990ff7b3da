export const ROLES = ["ORGANIZER", "RAPPORTEUR", "PARTICIPANT", "OBSERVER"] as const;
export type RoleName = (typeof ROLES)[number];
