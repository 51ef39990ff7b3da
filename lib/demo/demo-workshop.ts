/** The demo workshop that `npm start` seeds: a replay of the July 2024 MINUSMA roundtable. */

export const DEMO_WORKSHOP = {
  title: "Emerging Lessons from MINUSMA's Experience in Mali (roundtable replay)",
  description:
    "A replay of the June 2024 roundtable on ten years of MINUSMA, held under the Chatham House Rule. " +
    "Read the three background documents, annotate them, and draft the meeting note together.",
  date: "2024-06-13",
  place: "New York",
};

export const DEMO_PEOPLE = [
  { key: "organizer", name: "Olivia Organizer", email: "organizer@demo.rapporteur.test", role: "ORGANIZER" },
  { key: "rapporteur", name: "Rafael Rapporteur", email: "rapporteur@demo.rapporteur.test", role: "RAPPORTEUR" },
  { key: "participant-1", name: "Amina Participant", email: "amina@demo.rapporteur.test", role: "PARTICIPANT" },
  { key: "participant-2", name: "Bruno Participant", email: "bruno@demo.rapporteur.test", role: "PARTICIPANT" },
  { key: "participant-3", name: "Chen Participant", email: "chen@demo.rapporteur.test", role: "PARTICIPANT" },
  { key: "participant-4", name: "Dalia Participant", email: "dalia@demo.rapporteur.test", role: "PARTICIPANT" },
  { key: "observer", name: "Omar Observer", email: "observer@demo.rapporteur.test", role: "OBSERVER" },
] as const;

export type DemoPerson = (typeof DEMO_PEOPLE)[number];

export const DEMO_THEMES = [
  "MINUSMA's evolving role in Mali",
  "Relationship with the host state and population",
  "Support to the political transition and peace process",
  "Partnerships with regional organizations and other security actors",
  "Security Council dynamics",
];

/** Citation data from the corpus README; files live in prisma/seed/corpus. */
export const DEMO_SOURCES = [
  {
    file: "ipi-emerging-lessons-from-minusma-2024.md",
    format: "MARKDOWN",
    title: "Emerging Lessons from MINUSMA's Experience in Mali",
    authors: ["International Peace Institute", "Stimson Center", "Security Council Report"],
    publisher: "International Peace Institute, Stimson Center, Security Council Report",
    publishedOn: "July 2024",
    url: "",
    shortCitation: "IPI, Stimson Center and SCR, Emerging Lessons from MINUSMA's Experience in Mali (July 2024)",
  },
  {
    file: "csis-examining-extremism-jnim.txt",
    format: "TEXT",
    title: "Examining Extremism: Jama'at Nasr al-Islam wal Muslimin",
    authors: ["Jared Thompson"],
    publisher: "Center for Strategic and International Studies",
    publishedOn: "",
    url: "",
    shortCitation: "Jared Thompson, Examining Extremism: JNIM (CSIS)",
  },
  {
    file: "minusma-un-geospatial-summary.txt",
    format: "TEXT",
    title: "The Republic of Mali and MINUSMA (executive summary)",
    authors: ["UN Geospatial"],
    publisher: "UN Geospatial / Council on Foreign Relations Global Conflict Tracker",
    publishedOn: "June 2020",
    url: "",
    shortCitation: "UN Geospatial, The Republic of Mali and MINUSMA (June 2020)",
  },
] as const;
