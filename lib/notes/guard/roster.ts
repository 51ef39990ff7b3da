/**
 * The roster detector: the workshop's members' names, email addresses (and their local parts
 * when distinctive) and organisations, found in the note with accents and case folded, on word
 * boundaries. Pure; the roster itself is loaded and matched on the server only (the browser of a
 * participant never receives it).
 */
import { COMMON_WORDS, GENERIC_MAILBOXES, NAME_PARTICLES } from "./common-words";
import { foldPhrase, isWordCharacter, wordsOf, type Word } from "./normalize";

export type RosterField = "name" | "organization" | "email";

export interface RosterMember {
  /** What organizers and rapporteurs are told matched (the member list's display name). */
  displayName: string;
  name: string | null;
  email: string;
  organization: string | null;
}

/** One way a member can be named in the note. */
interface RosterTerm {
  field: RosterField;
  member: number;
}

export interface RosterMatcher {
  members: readonly RosterMember[];
  /** Word sequences (names, organisations), by their first word. */
  sequences: Map<string, { words: string[]; term: RosterTerm }[]>;
  /** Literal strings (addresses, local parts), matched on word boundaries. */
  literals: Map<string, RosterTerm[]>;
}

export interface RosterMatch {
  /** Range in the folded text. */
  from: number;
  to: number;
  /** Every member and field this text matches (two members may share an organisation). */
  terms: RosterTerm[];
}

const MIN_LETTERS = 3;

function isDistinctive(word: string): boolean {
  return word.length >= MIN_LETTERS && !/^\d+$/.test(word) && !COMMON_WORDS.has(word) && !NAME_PARTICLES.has(word);
}

/** Compiles the members' names, addresses and organisations into a matcher (once per check). */
export function compileRoster(members: readonly RosterMember[]): RosterMatcher {
  const matcher: RosterMatcher = { members, sequences: new Map(), literals: new Map() };
  const addSequence = (words: string[], term: RosterTerm) => {
    if (words.length === 0) return;
    if (words.length === 1 && !isDistinctive(words[0]!)) return;
    const list = matcher.sequences.get(words[0]!) ?? [];
    if (!list.some((entry) => entry.term.member === term.member && entry.words.join(" ") === words.join(" "))) list.push({ words, term });
    matcher.sequences.set(words[0]!, list);
  };
  const addLiteral = (text: string, term: RosterTerm) => {
    const list = matcher.literals.get(text) ?? [];
    if (!list.some((entry) => entry.member === term.member)) list.push(term);
    matcher.literals.set(text, list);
  };

  members.forEach((member, index) => {
    const name = member.name?.trim() ? wordsOf(foldPhrase(member.name)).map((word) => word.text) : [];
    if (name.length > 0) {
      const term = { field: "name" as const, member: index };
      addSequence(name, term);
      // Surnames: the words after the first, together and each alone (a given name alone is too common to flag).
      if (name.length > 2) addSequence(name.slice(1), term);
      for (const word of name.slice(1)) addSequence([word], term);
      if (name.length === 1) addSequence(name, term);
    }
    const organization = member.organization?.trim() ?? "";
    if (organization) {
      const term = { field: "organization" as const, member: index };
      const folded = foldPhrase(organization);
      addSequence(wordsOf(folded.replace(/\([^)]*\)/g, " ")).map((word) => word.text), term);
      addSequence(wordsOf(folded).map((word) => word.text), term);
      // An acronym given in brackets, "Ministry of Foreign Affairs (MFA)".
      for (const [, acronym] of folded.matchAll(/\(([\p{L}\p{N}]{3,})\)/gu)) addSequence([acronym!], term);
    }
    const email = foldPhrase(member.email);
    if (email.includes("@")) {
      const term = { field: "email" as const, member: index };
      addLiteral(email, term);
      const local = email.slice(0, email.indexOf("@"));
      if (isDistinctiveLocalPart(local)) addLiteral(local, term);
    }
  });
  return matcher;
}

function isDistinctiveLocalPart(local: string): boolean {
  const letters = local.replace(/[^\p{L}]/gu, "");
  if (letters.length < 4 || GENERIC_MAILBOXES.has(local)) return false;
  return !COMMON_WORDS.has(local) && !NAME_PARTICLES.has(local);
}

/** What may stand between two words of a name: a space, a hyphen or an apostrophe. */
const NAME_GAP = /^[\s'-]{1,3}$/;

/** The roster's matches in one folded text block (overlaps resolved: the longest wins). */
export function findRosterMatches(matcher: RosterMatcher, lower: string, words: readonly Word[] = wordsOf(lower)): RosterMatch[] {
  const found = new Map<string, RosterMatch>();
  const add = (from: number, to: number, terms: RosterTerm[]) => {
    const key = `${from}:${to}`;
    const match = found.get(key) ?? { from, to, terms: [] };
    for (const term of terms) {
      if (!match.terms.some((t) => t.member === term.member && t.field === term.field)) match.terms.push(term);
    }
    found.set(key, match);
  };

  words.forEach((word, index) => {
    for (const { words: sequence, term } of matcher.sequences.get(word.text) ?? []) {
      if (index + sequence.length > words.length) continue;
      let matches = true;
      for (let k = 1; k < sequence.length && matches; k += 1) {
        const previous = words[index + k - 1]!;
        const next = words[index + k]!;
        matches = next.text === sequence[k] && NAME_GAP.test(lower.slice(previous.to, next.from));
      }
      if (matches) add(word.from, words[index + sequence.length - 1]!.to, [term]);
    }
  });

  for (const [literal, terms] of matcher.literals) {
    for (let at = lower.indexOf(literal); at !== -1; at = lower.indexOf(literal, at + 1)) {
      const end = at + literal.length;
      const before = lower[at - 1];
      const after = lower[end];
      // Not inside a longer word or address ("jdoe" in "ajdoe", "jdoe@x.org" in "jdoe@x.org.uk").
      if (isWordCharacter(before) || before === "@" || before === "." || isWordCharacter(after) || after === "@") continue;
      if (after === "." && isWordCharacter(lower[end + 1])) continue;
      add(at, end, terms);
    }
  }
  return resolveOverlaps([...found.values()]);
}

/** Keeps the longest of overlapping matches (the whole name rather than its surname). */
export function resolveOverlaps<T extends { from: number; to: number }>(matches: T[]): T[] {
  const sorted = [...matches].sort((a, b) => b.to - b.from - (a.to - a.from) || a.from - b.from);
  const kept: T[] = [];
  for (const match of sorted) {
    if (!kept.some((other) => match.from < other.to && other.from < match.to)) kept.push(match);
  }
  return kept.sort((a, b) => a.from - b.from);
}
