/**
 * Words that a name or an organisation may contain but that a note uses anyway: a member called
 * "Rose Young" must not make every "young" in the note a warning. Name tokens in this list (and
 * tokens shorter than three letters) are matched only as part of the whole name. Folded (lower
 * case, no accents), English and French. Reviewed by hand: add words here when a common word
 * keeps raising warnings; a real surname that is also a common word is still caught as part of
 * the whole name.
 */
export const COMMON_WORDS: ReadonlySet<string> = new Set(
  `
  the and for are but not you all any can had her was one our out day get has him his how man new now old see two way who
  boy did its let put say she too use from have this that with they will would there their what about which when make like
  time just know take people into year your good some could them than then look only come over think also back after work
  first well even want because these give most very long great little own other right big high different small large next
  early young important few public bad same able case point group number part place world life hand week company system
  program question government state country fact area head side side end line home water room order
  may might must shall should said say says made many more such here where those both each much well still well
  king queen lord page park hall field wood hill rose grace hope faith joy june april august
  will bill mark frank rich white black brown green gray grey gold silver stone rock river lake
  best justice law
  north south east west central united nations national international ministry department office agency bureau
  council committee commission mission delegation embassy foreign affairs defence defense security peace development
  institute university centre center foundation association society union federation organisation organization
  group team forum network programme program fund bank trust service services affairs relations studies research
  participant participants organizer organiser rapporteur observer member members chair speaker delegate expert
  les des une aux par pour sur dans avec sans sous entre vers chez mais donc car que qui quoi dont est sont ont
  elle ils elles nous vous leur leurs son ses mon mes ton tes notre nos votre vos cette ces cet tout tous toute toutes
  plus moins tres bien bon bonne grand grande petit petite blanc blanche noir noire rouge vert verte roi reine
  ministere bureau service agence centre institut fondation organisation delegation ambassade nationale national
  unies nations paix securite developpement affaires etrangeres gouvernement conseil commission comite mission
  participante rapporteure observateur observatrice organisateur organisatrice membre president presidente
  `
    .split(/\s+/)
    .filter(Boolean),
);

/** Particles of names ("de", "van", "al"…): never matched alone, whatever their length. */
export const NAME_PARTICLES: ReadonlySet<string> = new Set(
  "de del della der den des di do dos du da das la le van von ten ter al el bin ibn bint abu mac mc st saint sainte".split(" "),
);

/** Mailbox names shared by many (an address's local part that identifies nobody). */
export const GENERIC_MAILBOXES: ReadonlySet<string> = new Set(
  "info contact admin office mail email hello secretariat secretary noreply no-reply reception team support press media communications post webmaster desk general".split(" "),
);
