import { stem } from './stem.ts';

/**
 * A background corpus for IDF smoothing, written by hand: how widely a word turns up in everyday
 * English and in staff talk about school life generally, whatever a given policy says. A short policy
 * has few passages, so its own document frequencies are noisy: one ordinary word it happens not to use
 * ("week", "bring", "stay") would otherwise look as telling as "minibus". Words are listed by how common
 * they are; anything not listed is treated as rare (and therefore specific).
 */
const everyday = `
able about above across act actually add after again against ago agree ahead all almost alone along already
alright also although asking query question sorry wondering always amount another answer anybody anyone anything anyway anywhere around ask asked
away back bad basically be because become before begin behind believe best better between big bit both bring
but buy call came can care case change check child children come coming could couple course day days deal
decide different do does doing done down during each early easy else end enough even evening ever every
everybody everyone everything exactly example fact far feel few find fine first follow for found friday from
full get getting give given go going gone good got great group guess half happen happened happening happens
hard have help here high hold home hope hour hours how idea important instead into issue it job just keep
kind know known last late later least leave left less let lets life like likely little long look looking lot
lots made main make many matter may maybe mean means meant might mind minute minutes moment monday month
months more morning most move much must name near need needed needs never new next nice night normal normally
nothing now number of off often ok okay old once one only open other others out over own part people
perhaps person place plan please point possible pretty probably problem put quick quickly quite rather
read ready real really reason right room run same saturday say saying says second see seem seems send sent
set should show side simple since small so some somebody someone something sometimes soon sort sorted start
started still stop stuff sunday sure take taken talk tell than thank thanks that then there these thing
things think this those though thought through thursday time times to today together told tomorrow too
took top towards try trying tuesday turn two under until up upon use used using usual usually very want
wanted way wednesday week weeks well went what whatever when where whether which while who whole why will
wish with without wonder work working would wrong yeah year years yes yesterday yet
january february march april may june july august september october november december
mon tue tues wed weds thu thur thurs fri sat sun jan feb apr jun jul aug sept oct nov dec till til
rang ring rings ringing phoned rung called calling asked asking wants wanted said told telling reckon guess
guy guys bloke lady man woman girl boy mate mates folks someone somebody tech techie techy support helpdesk
panic panicking worried worry sorry honestly basically literally totally super massive loads tonnes ages
completely absolutely entirely utterly seriously properly definitely genuinely
quick quickly urgent urgently asap soon earlier later tonight tomorrow morning afternoon evening weekend
tbh btw lol omg eh hmm hi hello thanks cheers please wondering wonder anyway whatever fine cool great
pop popped popping nip nipped nipping
file files document documents
`;

const schoolLife = `
school schools staff teacher teachers teaching class classes classroom lesson lessons pupil pupils student
students kid kids child parent parents carer carers family families office head headteacher colleague
colleagues team term terms holiday holidays break lunch lunchtime assembly hall playground trip trips pastoral
governor governors job role member members work email emails message messages account system systems
file files document documents folder folders computer computers device devices
`;

const general = `
accept access accident accidentally account activity actual address advice afternoon age agree allow alone
amazing angry annoying answer anyway app apply area arrange arrive article asleep attend attention aunt
available average avoid awful baby bag bank bar base basic bed begin behave bill birthday black blue board
body book bored borrow boss bottle bottom box boy brand brother brought build building bus business busy
button cake camera cancel car card careful carry cat catch cause certain chair chance charge cheap check
chip choose city claim clean clear click close club coat code coffee cold collect colour common company
complete computer contact continue control cook copy corner correct cost council count country cover crazy
create cross cup current cut damage dark data date daughter dead dear decision deep delete deliver design
desk detail details die difficult dinner direct dirty doctor dog door double doubt draw dream dress drink
drive drop dry eat edge either email empty enjoy enter error event exact exam except excited expect
expensive experience explain extra eye face fair fall false family famous fast father fault favourite fear
fee field fight file fill final finally finish fire fix floor fly folk food foot force forget form forward
free fresh friend front fun funny future game garden gas general gift girl glad glass god gold grade grand
green ground grow guy hair hand hang happy hate head health hear heart heat heavy hello hi hide hit holiday
honest horrible hot house huge husband ill image imagine include info information inside interest internet
invite item join joke jump key kid kill kitchen knock lady land language large laptop late laugh law lay
lead learn leg lend letter level lie light line link list listen live local lock lose loss love low luck
machine mad mail manage manager mark market marry master meal meet meeting member memory mess middle milk
miss mistake mobile model mother mouth music nature nearly neck news newsletter noise note notice office
online order paper parent park party pass past pay pen phone photo pick picture piece plain play player
police poor pop post power present price print private prize proper protect proud public pull push
question quiet radio rain raise rate reach reading record red remember rent repeat reply report rest
result return rich ride ring rise road rock rule sad safe sale save school score screen sea season seat
secret sell serious service share sheet shop short shout shut sick sign silly sing sister site size skill
sleep slow smart smile son song sorry sound space speak special spend spot staff stand star state station
stay step stick store story street strong student study style sugar suit summer sun supply support
surprise switch table talk tall tax tea team teeth test text thin ticket tidy tip tired title toilet town
track train travel tree trip trouble true trust turn type uncle understand unit upset user van video view
visit voice wait walk wall war warm wash watch water wear weather weekend weird white wife win window
winter woman wonderful word world worry write young
`;

/**
 * Where and when something happened: the setting of a question, rarely its subject. "Left my laptop on
 * the train" asks about a lost laptop, so a policy that never mentions trains is not silent on it; but
 * "can I use the wifi on the train?" is well met by a rule naming trains (analyse.ts: optional units).
 */
const setting = `
train trains bus buses coach taxi cab tube plane flight airport station car cars journey commute
tesco sainsburys asda aldi lidl supermarket shop shops shopping pub cafe restaurant gym beach zoo museum
park pool cinema
afternoon evening night tonight weekend weekends summer winter spring autumn christmas easter
fair fete concert nativity match matches tournament disco tombola expedition
holiday holidays hols staffroom classroom playground canteen corridor outlook pe
`;

const words = (list: string): string[] => list.split(/\s+/).filter(Boolean).map(stem);

/** Share of a large background corpus of passages that would contain the word. */
const shares = new Map<string, number>([
  ...words(general).map((w) => [w, 0.12] as const),
  ...words(schoolLife).map((w) => [w, 0.25] as const),
  ...words(everyday).map((w) => [w, 0.4] as const),
]);

const settings = new Set(words(setting));

/** The word names where or when something happened (a train, the weekend), not what is asked about. */
export const isSetting = (stemmed: string): boolean => settings.has(stemmed);

export function backgroundShare(stemmed: string): number {
  return shares.get(stemmed) ?? 0;
}
