/** Function words: never evidence on their own, in a policy or a question. */
export const stopwords = new Set(
  (
    'a an the and or but if then than so as of to in on at by for from with without into onto over under about ' +
    'is are was were be been being am do does did doing done have has had having will would shall should can could ' +
    'may might must i me my mine myself we us our ours you your yours he him his she her hers they them their theirs ' +
    'it its this that these those there here what which who whom whose when where why how all any each every some ' +
    'such no not nor only own same too very just also up out off again further once both few more most other s t ' +
    'don ll re ve d m o y e g eg ie etc im ive id ill youre youve weve theyre dont doesnt didnt cant couldnt wont ' +
    'wouldnt shouldnt isnt arent wasnt werent havent hasnt whats hows wheres whos theres thats shes hes hed shed theyve theyll youll itll'
  ).split(' '),
);

/**
 * Words that make up how staff phrase a question rather than what it is about ("am I allowed to…",
 * "what does the policy say about…"). They are ignored when judging whether a passage covers a question.
 */
export const questionWords = new Set(
  (
    'allowed allow permitted permit ok okay fine alright need needs needed want wanted get got go going happen ' +
    'happens supposed meant let lets policy say says said tell know anyone someone somebody something ' +
    'thing things really please still ever actually possible able anything do make many much stuff lot lots ' +
    'loads bit now put silly stupid daft dumb wondering hi hello thanks cheers sorry'
  ).split(' '),
);
