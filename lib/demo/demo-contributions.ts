/**
 * What the demo roundtable's people wrote: annotations on the three readings and the lessons
 * drawn from the corpus meeting note (../shared/corpus/ipi-emerging-lessons-from-minusma-2024.md),
 * with stances that give the board several different phrases. Written for the demo, in the
 * note's own terms; every quote is a verbatim span of its source's text (the seed refuses one
 * that is not).
 */
import type { DEMO_PEOPLE } from "./demo-workshop";

type PersonKey = (typeof DEMO_PEOPLE)[number]["key"];
/** Index into DEMO_SOURCES: 0 the IPI meeting note, 1 the CSIS JNIM brief, 2 the UN Geospatial summary. */
type SourceIndex = 0 | 1 | 2;
/** Index into DEMO_THEMES. */
type ThemeIndex = 0 | 1 | 2 | 3 | 4;

export interface DemoQuote {
  source: SourceIndex;
  quote: string;
}

export interface DemoAnnotation extends DemoQuote {
  by: PersonKey;
  comment: string;
  themes: ThemeIndex[];
}

export interface DemoLesson {
  by: PersonKey;
  statement: string;
  elaboration: string;
  themes: ThemeIndex[];
  evidence: Array<DemoQuote & { note: string }>;
  /** E: endorse, D: dispute; people not listed take no stance. */
  stances: Partial<Record<PersonKey, "E" | "D">>;
}

export const DEMO_ANNOTATIONS: DemoAnnotation[] = [
  {
    by: "participant-1",
    source: 0,
    quote: "The resulting reallocation of personnel, logistics, and political capital overstretched MINUSMA in a context of intensifying asymmetric threats.",
    comment: "The mandate grew twice over; the means never followed.",
    themes: [0],
  },
  {
    by: "participant-2",
    source: 0,
    quote: "there was a mismatch from the start between the government's expectations and MINUSMA's capabilities",
    comment: "This is the thread that runs through the whole decade.",
    themes: [1],
  },
  {
    by: "participant-3",
    source: 0,
    quote: "it was difficult for the general population to understand these limitations",
    comment: "Explaining what a mission will not do matters as much as what it will.",
    themes: [1],
  },
  {
    by: "participant-4",
    source: 0,
    quote: "Restrictions on the use of unmanned aircraft, in particular, hindered the implementation of the mission's mandate",
    comment: "Freedom of movement should be tested before a mandate is renewed, not after.",
    themes: [1, 0],
  },
  {
    by: "rapporteur",
    source: 0,
    quote: "the significance of national ownership by the government and signatory groups",
    comment: "Candidate for the note's key lesson on the peace process.",
    themes: [2],
  },
  {
    by: "participant-1",
    source: 1,
    quote: "Negotiations with JNIM could prove successful in reducing violence, yet significant obstacles to such progress remain.",
    comment: "Relevant to whether the 2015 agreement could ever have held without the armed groups outside it.",
    themes: [2],
  },
  {
    by: "participant-2",
    source: 0,
    quote: "A more proactive role for the AU might have alleviated this impact.",
    comment: "The troop-rotation standoff is the clearest case for the AU's role.",
    themes: [3],
  },
  {
    by: "organizer",
    source: 0,
    quote: "arguably emboldening the host state to directly question the mandate",
    comment: "The first split renewal since 2013.",
    themes: [4],
  },
  {
    by: "participant-3",
    source: 2,
    quote: "Major components of the deal—including steps to increase autonomy and political representation in the north, bring development, and integrate rebel groups into the Malian security forces—remain unfulfilled.",
    comment: "Already in 2020, five years after Algiers.",
    themes: [2],
  },
  {
    by: "participant-4",
    source: 1,
    quote: "JNIM constituent groups have employed a strategy of “pastoralist populism” by operationalizing local conflicts, including ethnic divisions, to appeal to rural communities and further JNIM’s objectives.",
    comment: "Protection gaps in rural areas were filled by others: this is who.",
    themes: [1],
  },
];

export const DEMO_LESSONS: DemoLesson[] = [
  {
    by: "participant-1",
    statement: "Expanding the mandate to central Mali \"within existing resources\" overstretched the mission.",
    elaboration: "Each new task drew personnel, logistics and political capital from the north, while the threats grew more asymmetric.",
    themes: [0],
    evidence: [
      {
        source: 0,
        quote: "The resulting reallocation of personnel, logistics, and political capital overstretched MINUSMA in a context of intensifying asymmetric threats.",
        note: "",
      },
    ],
    stances: { organizer: "E", rapporteur: "E", "participant-1": "E", "participant-2": "E", "participant-3": "E" },
  },
  {
    by: "participant-3",
    statement: "Unlike the Ouagadougou agreement, the Algiers process left civil society out, and the peace agreement was weaker for it.",
    elaboration: "",
    themes: [0, 2],
    evidence: [{ source: 0, quote: "the Algiers process did not include civil society actors", note: "" }],
    stances: { "participant-3": "E" },
  },
  {
    by: "participant-2",
    statement: "From the start, the government expected more than the mission was built to deliver.",
    elaboration: "Sovereignty and the restoration of state authority came first for the host government; the mission was mandated for a political transition and a peace process in the north.",
    themes: [1],
    evidence: [
      { source: 0, quote: "there was a mismatch from the start between the government's expectations and MINUSMA's capabilities", note: "" },
      {
        source: 0,
        quote: "the government appeared to prioritize sovereignty and restoration of state authority above all else",
        note: "What the government wanted first.",
      },
    ],
    stances: { organizer: "E", rapporteur: "E", "participant-1": "E", "participant-2": "E", "participant-3": "E", "participant-4": "E" },
  },
  {
    by: "participant-3",
    statement: "The public expected counterterrorism that the mission was never mandated to do, and the gap fed frustration and disinformation.",
    elaboration: "",
    themes: [1],
    evidence: [
      { source: 0, quote: "it was difficult for the general population to understand these limitations", note: "" },
      {
        source: 1,
        quote: "JNIM is likely to continue to pose an acute threat to civilians, local and international forces, as well as peacekeepers",
        note: "The threat the public saw.",
      },
    ],
    stances: { "participant-3": "E", "participant-4": "E" },
  },
  {
    by: "participant-4",
    statement: "Restrictions on freedom of movement, drones above all, kept the mission from protecting civilians.",
    elaboration: "Convoys took the resources that protection needed, and flights that could have watched supply routes were refused.",
    themes: [1, 0],
    evidence: [
      {
        source: 0,
        quote: "Restrictions on the use of unmanned aircraft, in particular, hindered the implementation of the mission's mandate",
        note: "",
      },
    ],
    stances: { organizer: "E", "participant-1": "E", "participant-2": "E", "participant-4": "E" },
  },
  {
    by: "participant-2",
    statement: "Future operations should be more nimble and adaptable than multidimensional missions.",
    elaboration: "",
    themes: [1],
    evidence: [{ source: 0, quote: "some desiring to shift toward more nimble and adaptable peace operations", note: "" }],
    stances: { "participant-2": "E", rapporteur: "E", "participant-4": "E", "participant-1": "D", "participant-3": "D" },
  },
  {
    by: "rapporteur",
    statement: "National ownership of a peace agreement matters more than its text: new transitional authorities needed a stake in it.",
    elaboration: "After each change of government, the agreement had to be made the new authorities' own, which needed sustained engagement by regional actors.",
    themes: [2],
    evidence: [
      { source: 0, quote: "the significance of national ownership by the government and signatory groups", note: "" },
      {
        source: 2,
        quote: "Major components of the deal—including steps to increase autonomy and political representation in the north, bring development, and integrate rebel groups into the Malian security forces—remain unfulfilled.",
        note: "Where the agreement stood in 2020.",
      },
    ],
    stances: { organizer: "E", rapporteur: "E", "participant-1": "E", "participant-3": "E" },
  },
  {
    by: "participant-1",
    statement: "Leaving the armed groups that did most of the fighting out of the 2015 agreement doomed it.",
    elaboration: "",
    themes: [2],
    evidence: [
      {
        source: 0,
        quote: "the agreement did not include the terrorist groups that were more actively engaging in violence than the signatory groups",
        note: "",
      },
      {
        source: 1,
        quote: "Negotiations with JNIM could prove successful in reducing violence, yet significant obstacles to such progress remain.",
        note: "",
      },
    ],
    stances: { "participant-2": "D", "participant-4": "D" },
  },
  {
    by: "participant-2",
    statement: "The African Union could have mediated between the government and ECOWAS and eased the restrictions on troop rotations.",
    elaboration: "",
    themes: [3],
    evidence: [{ source: 0, quote: "A more proactive role for the AU might have alleviated this impact.", note: "" }],
    stances: { "participant-2": "E", organizer: "E", rapporteur: "E" },
  },
  {
    by: "participant-4",
    statement: "Human rights reporting anchored in African instruments might have met less resistance from the host government.",
    elaboration: "",
    themes: [3],
    evidence: [
      {
        source: 0,
        quote: "the government may have been more receptive to human rights reporting anchored in African instruments",
        note: "",
      },
    ],
    stances: {},
  },
  {
    by: "organizer",
    statement: "A divided Security Council emboldened the host state to question the mandate.",
    elaboration: "",
    themes: [4],
    evidence: [{ source: 0, quote: "arguably emboldening the host state to directly question the mandate", note: "" }],
    stances: { organizer: "E", rapporteur: "E", "participant-2": "E", "participant-3": "E", "participant-4": "E" },
  },
  {
    by: "participant-3",
    statement: "The penholder's falling-out with the host government weighed on the mission.",
    elaboration: "",
    themes: [4],
    evidence: [
      {
        source: 0,
        quote: "The deteriorating relationship between Mali and France, which served as the penholder for MINUSMA, also negatively impacted the mission",
        note: "",
      },
    ],
    stances: { "participant-3": "E" },
  },
];
