import { analyseText } from './analyse.ts';

/**
 * Staff name the child or colleague they are asking about ("I've just sent Harry's SEN review to the
 * wrong mum", "Mrs Patel asked me…"). A policy never names them, so a name would count as an idea the
 * policy is silent on. Common first names of UK pupils and staff, written with a capital inside the
 * question (so "Max size?" and "grace period" stay words), and any name after a title, are set aside.
 */
const FIRST_NAMES = new Set(
  `aaliyah aaron abbie abdul abigail adam ahmed aidan aisha alex alexander alfie ali alice amber amelia amelie amir amy
  anna archie arthur aria austin ava bella ben benjamin beth bethany billy bobby caleb callum cameron charlie charlotte chloe
  connor daisy daniel darcey david dylan edward eleanor elijah ella ellie elliot elsie emily emma erin ethan eva evie ezra
  faith fatima finley finn florence frankie freddie freya george georgia gracie grace hannah harley harper harrison harry
  harvey hassan hayden heidi henry holly hugo ibrahim imogen isaac isabel isabella isabelle isla ivy jack jacob jake james
  jamie jasmine jay jayden jessica jodie joe joel john jonah joseph josh joshua jude julia kai katie kayden keira kian kyle
  layla leah leo lewis liam lily lola lottie louie louis lucas lucy luke luna lydia maisie maria mason matilda matthew max
  maya megan mia michael millie mohammed molly muhammad nathan niamh noah olivia ollie omar oscar owen paige phoebe poppy
  reggie reuben riley robert rory rosie ruby ryan sam samuel sara sarah scarlett sebastian sienna sofia sophia sophie
  stanley summer teddy theo thomas toby tommy tyler victoria violet william willow yusuf zac zachary zara zoe`.split(/\s+/),
);
const TITLES = '(?:Mr|Mrs|Miss|Ms|Mx|Dr)\\.?';
const TITLE = new RegExp(`\\b${TITLES}\\s+([A-Z][\\w'’-]+)`, 'g');
const CAPITALISED = /(?<=\S\s+)([A-Z][a-z]+)(?:['’]s)?\b/g;

/** Stems of the people a question names. */
export function peopleNamed(question: string): Set<string> {
  const named = [...question.matchAll(TITLE)].map((m) => m[1]!);
  for (const m of question.matchAll(CAPITALISED)) if (FIRST_NAMES.has(m[1]!.toLowerCase())) named.push(m[1]!);
  return new Set(analyseText(named.join(' ')).terms.filter((t) => !t.startsWith('#')));
}

/**
 * A policy passage names a person, not only a role: after a title ("Mrs J Patel"), by an initial and
 * surname ("J. Okafor"), or by where to reach them (an email address).
 */
const NAMED_PERSON = new RegExp(`\\b${TITLES} +[A-Z]|\\b[A-Z]\\. ?[A-Z][a-z]|[\\w.+-]+@[\\w-]+\\.\\w`);
export const namesPerson = (text: string): boolean => NAMED_PERSON.test(text);

/**
 * Where the question's story happens or who it is for ("the music dept at Millbrook", "on the
 * residential in the Lakes", "off to Spain at Easter", "to Drayton Manor"): a place or date of one or
 * more capitalised words after a preposition is colour, so when the policy never uses the word it is
 * set aside like a name.
 */
const PLACE = /\b(?:at|in|from|to|near) (?:the )?([A-Z][a-z]+(?: [A-Z][a-z]+)*)\b(?!['’])/g;

/** Stems of the places and dates a question names. */
export function placesNamed(question: string): Set<string> {
  return new Set(analyseText([...question.matchAll(PLACE)].map((m) => m[1]!).join(' ')).terms.filter((t) => !t.startsWith('#')));
}
