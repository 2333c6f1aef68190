import { createRequire } from 'node:module';
import type * as AdaptiveCards from 'adaptivecards';

/*
 * Node-only (CLI and tests), never bundled into the Worker. The package's `lib/` is ESM with
 * extensionless imports, which Node cannot load, so the runtime comes from its own UMD bundle; the
 * types still come from `lib/*.d.ts`.
 */
const ac = createRequire(import.meta.url)('adaptivecards/dist/adaptivecards.min.js') as typeof AdaptiveCards;

type Json = Record<string, unknown>;
const isNode = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const TARGET = ac.Versions.v1_5;
const aboveTarget = (v: AdaptiveCards.Version | undefined) => v !== undefined && v.compareTo(TARGET) > 0;

/** Every element and action (any object with a "type") with its path: what a round trip must keep. */
function typedNodes(node: unknown, path: string, out: { path: string; node: Json }[] = []): { path: string; node: Json }[] {
  if (Array.isArray(node)) node.forEach((n, i) => typedNodes(n, `${path}[${i}]`, out));
  else if (isNode(node)) {
    if (typeof node.type === 'string') out.push({ path, node });
    for (const [k, v] of Object.entries(node)) typedNodes(v, `${path}.${k}`, out);
  }
  return out;
}

/** The object's schema properties by JSON name (several versions of one property may share a name). */
function schemaProps(o: AdaptiveCards.SerializableObject): Map<string, AdaptiveCards.PropertyDefinition[]> {
  const s = o.getSchema();
  const props = new Map<string, AdaptiveCards.PropertyDefinition[]>();
  for (let i = 0; i < s.getCount(); i++) {
    const p = s.getItemAt(i);
    props.set(p.name, [...(props.get(p.name) ?? []), p]);
  }
  return props;
}

type EnumDefinition = AdaptiveCards.EnumProperty<Record<number, string>>;

/** The SDK leaves a property out when it holds the default; a wrong value it also turns into the default, silently. */
const isDefault = (props: AdaptiveCards.PropertyDefinition[], value: unknown): boolean =>
  props.some((p) => {
    if (!(p instanceof ac.EnumProperty)) return p.defaultValue !== undefined && Object.is(p.defaultValue, value);
    const { enumType, defaultValue } = p as EnumDefinition;
    return typeof value === 'string' && defaultValue !== undefined && enumType[defaultValue]?.toLowerCase() === value.toLowerCase();
  });

/**
 * What Microsoft's own Adaptive Cards SDK (the parser behind the official renderers) says about a
 * card when it targets 1.5, the newest version Teams renders: parse and validation events, types or
 * `requires` newer than 1.5, properties the 1.5 schema does not know (the SDK drops them silently),
 * and anything lost or changed when the parsed card is serialised again. Empty means valid.
 */
export function sdkCardProblems(json: unknown): string[] {
  if (!isNode(json)) return ['the card must be a JSON object'];
  const problems: string[] = [];
  const parsed = new Map<Json, AdaptiveCards.CardObject>();
  const context = new ac.SerializationContext(TARGET);
  context.onParseElement = (element, source) => void (isNode(source) && parsed.set(source, element));
  context.onParseAction = (action, source) => void (isNode(source) && parsed.set(source, action));

  const card = new ac.AdaptiveCard();
  card.parse(json, context);
  parsed.set(json, card);
  const eventText = (e: AdaptiveCards.IValidationEvent) => `${ac.ValidationPhase[e.phase]} ${ac.ValidationEvent[e.event]}${e.source instanceof ac.CardObject ? ` (${e.source.getJsonTypeName()})` : ''}: ${e.message}`;
  for (let i = 0; i < context.eventCount; i++) problems.push(`SDK ${eventText(context.getEventAt(i))}`);

  // The SDK's ceiling is its latest version (1.6); Teams' is 1.5.
  card.maxVersion = TARGET;
  for (const e of card.validateProperties().validationEvents) problems.push(`SDK validation ${ac.ValidationEvent[e.event]}: ${e.message}`);

  for (const [source, object] of parsed) {
    const type = String(source.type);
    const registry = object instanceof ac.Action ? ac.GlobalRegistry.actions : ac.GlobalRegistry.elements;
    if (object !== card && aboveTarget(registry.findByName(type)?.schemaVersion)) problems.push(`${type} needs Adaptive Cards ${registry.findByName(type)?.schemaVersion.toString()}`);
    for (const [capability, version] of Object.entries(object.requires.toJSON() ?? {})) {
      if (aboveTarget(ac.Version.parse(String(version), context))) problems.push(`${type} requires ${capability} ${String(version)}`);
    }
  }

  const out = card.toJSON(new ac.SerializationContext(TARGET));
  const before = typedNodes(json, '(card)');
  const after = new Set(typedNodes(out, '(card)').map((n) => `${n.path} ${String(n.node.type)}`));
  // Anything the SDK builds without calling the parse hooks is matched by path instead.
  for (const { path, node } of before) if (!parsed.has(node) && !after.has(`${path} ${String(node.type)}`)) problems.push(`${path}: the SDK did not keep this ${String(node.type)}`);
  if (after.size !== before.length) problems.push(`the SDK round trip has ${after.size} elements and actions, the card ${before.length}`);
  const paths = new Map(before.map((n) => [n.node, n.path]));
  for (const [source, object] of parsed) problems.push(...valueChanges(source, object.toJSON(new ac.SerializationContext(TARGET)), paths.get(source) ?? '(card)', object, parsed));
  return problems;
}

/**
 * Values our JSON gives one element or action that its SDK serialisation lost or changed (children
 * the SDK parsed are compared on their own). Enum names compare without case, as the schema allows.
 */
function valueChanges(a: unknown, b: unknown, path: string, object: AdaptiveCards.CardObject | undefined, parsed: Map<Json, AdaptiveCards.CardObject>): string[] {
  if (Array.isArray(a)) {
    const typed = a.some((v) => isNode(v) && typeof v.type === 'string');
    // A lost element or action is reported by the keep check; only plain lists must match in length.
    if (!Array.isArray(b) || a.length !== b.length) return typed ? [] : [`${path}: the SDK round trip gave ${JSON.stringify(b)?.slice(0, 80)}`];
    return a.flatMap((v, i) => valueChanges(v, b[i], `${path}[${i}]`, undefined, parsed));
  }
  if (isNode(a)) {
    if (!object && parsed.has(a)) return [];
    if (!isNode(b)) return [`${path}: the SDK round trip dropped this object`];
    const props = object ? schemaProps(object) : new Map<string, AdaptiveCards.PropertyDefinition[]>();
    return Object.entries(a).flatMap(([k, v]) => {
      if (k in b) return valueChanges(v, b[k], `${path}.${k}`, undefined, parsed);
      const known = props.get(k);
      // The SDK leaves out an empty list too.
      if ((known && isDefault(known, v)) || (Array.isArray(v) && v.length === 0)) return [];
      if (known?.every((p) => aboveTarget(p.targetVersion))) return [`${path}.${k}: needs Adaptive Cards ${known[0]?.targetVersion.toString()}; the SDK drops it`];
      if (known) return [`${path}.${k}: ${JSON.stringify(v)} is not a valid value; the SDK drops it`];
      return [object ? `${path}: "${k}" is not an Adaptive Cards 1.5 property of ${object.getJsonTypeName()} (the SDK drops it)` : `${path}.${k}: dropped by the SDK round trip`];
    });
  }
  const same = typeof a === 'string' && typeof b === 'string' ? a.toLowerCase() === b.toLowerCase() : Object.is(a, b);
  return same ? [] : [`${path}: ${JSON.stringify(a)} became ${JSON.stringify(b)} in the SDK round trip`];
}
