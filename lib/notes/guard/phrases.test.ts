import { describe, expect, it } from "vitest";
import { foldText } from "./normalize";
import { findPhraseMatches } from "./phrases";
import { resolveOverlaps } from "./roster";

function flagged(text: string): string[] {
  const folded = foldText(text);
  return resolveOverlaps(findPhraseMatches(folded)).map((match) =>
    text.slice(folded.origin[match.from], match.to < folded.origin.length ? folded.origin[match.to] : text.length),
  );
}

describe("the speaker phrases, in English", () => {
  it.each([
    ["My delegation cannot accept this.", "My delegation"],
    ["This is what our ministry proposed.", "our ministry"],
    ["Our Government has long held that view.", "Our Government"],
    ["As I said earlier, the mandate is too broad.", "As I said"],
    ["as I have already pointed out, it failed", "as I have already pointed out"],
    ["The Ambassador of France insisted.", "The Ambassador of France"],
    ["the representative from the World Bank disagreed", "the representative from the World"],
    ["Speaking for the Group of Friends, she agreed.", "Speaking for the Group"],
    ["On behalf of the African Union, thanks.", "On behalf of the African"],
    ["The French delegation objected.", "The French delegation"],
    ["A participant from Ruritania noted", "A participant from Ruritania"],
    ["Ambassador Smith was clear.", "Ambassador Smith"],
    ["Ms. Okafor was clear.", "Ms. Okafor"],
    ["In my capacity as chair, I", "In my capacity as"],
  ])("flags %j", (text, words) => {
    expect(flagged(text)).toEqual([words]);
  });

  it.each([
    "The ambassador plays a central role in such missions.",
    "the role of the minister was discussed",
    "Our discussion turned to mandates.",
    "Participants said the mission lacked resources.",
    "A participant noted that the mandate was too broad.",
    "Delegations generally agreed that the transition was rushed.",
    "myself, mydelegation",
  ])("leaves %j alone", (text) => {
    expect(flagged(text)).toEqual([]);
  });
});

describe("the speaker phrases, in French", () => {
  it.each([
    ["Ma délégation ne peut l'accepter.", "Ma délégation"],
    ["MA DELEGATION ne peut l'accepter.", "MA DELEGATION"],
    ["Notre ministère a proposé une solution.", "Notre ministère"],
    ["mon gouvernement estime que", "mon gouvernement"],
    ["Comme je l'ai dit, le mandat est trop large.", "Comme je l'ai dit"],
    ["Comme je l’ai déjà dit, le mandat", "Comme je l’ai déjà dit"],
    ["L'ambassadeur de France a insisté.", "L'ambassadeur de France"],
    ["l’ambassadrice d’Italie a insisté", "l’ambassadrice d’Italie"],
    ["le représentant du Mali a rappelé", "le représentant du Mali"],
    ["Au nom de l'Union africaine, merci.", "Au nom de l'Union"],
    ["au nom du Groupe des amis", "au nom du Groupe"],
    ["La délégation française s'y est opposée.", "La délégation française"],
    ["La délégation du Mali a insisté.", "La délégation du Mali"],
    ["Un participant du Ministère de la défense a noté", "Un participant du Ministère"],
    ["Mme Okafor a été claire.", "Mme Okafor"],
    ["en ma qualité de présidente", "en ma qualité de"],
  ])("flags %j", (text, words) => {
    expect(flagged(text)).toEqual([words]);
  });

  it.each([
    "L'ambassadeur joue un rôle central dans ces missions.",
    "Le rôle du ministre a été discuté.",
    "Notre discussion a porté sur les mandats.",
    "Les participants ont dit que la mission manquait de moyens.",
    "La délégation de pouvoirs au commandant de la force.",
    "Un participant a noté que le mandat était trop large.",
  ])("leaves %j alone", (text) => {
    expect(flagged(text)).toEqual([]);
  });
});
