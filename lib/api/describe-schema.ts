type JsonSchema = Record<string, unknown>;

const INDENT = "  ";

function constraintsOf(schema: JsonSchema): string {
  const parts: string[] = [];
  const range = (min: unknown, max: unknown, unit = "") => {
    if (typeof min === "number" && typeof max === "number") parts.push(`${min}–${max}${unit}`);
    else if (typeof min === "number") parts.push(`≥ ${min}${unit}`);
    else if (typeof max === "number" && max < Number.MAX_SAFE_INTEGER) parts.push(`≤ ${max}${unit}`);
  };
  range(schema.minLength, schema.maxLength, " chars");
  range(schema.minItems, schema.maxItems, " items");
  range(schema.minimum, schema.maximum);
  if (typeof schema.format === "string") parts.push(schema.format);
  if (schema.default !== undefined && JSON.stringify(schema.default) !== undefined) parts.push(`default ${JSON.stringify(schema.default)}`);
  return parts.length ? ` (${parts.join(", ")})` : "";
}

/**
 * A JSON Schema as a short type expression a person reads at a glance, for the reference page:
 * `{ statement: string (1–400 chars), themeIds: string[] … }`. Shared schemas appear by name.
 */
export function describeSchema(schema: unknown, depth = 0): string {
  if (!schema || typeof schema !== "object") return "any";
  const node = schema as JsonSchema;
  if (typeof node.$ref === "string") return node.$ref.split("/").pop() ?? "any";
  if (Array.isArray(node.enum)) return node.enum.map((value) => JSON.stringify(value)).join(" | ");
  if (node.const !== undefined) return JSON.stringify(node.const);
  const alternatives = (node.anyOf ?? node.oneOf) as unknown[] | undefined;
  if (Array.isArray(alternatives)) return alternatives.map((item) => describeSchema(item, depth)).join(" | ");
  if (Array.isArray(node.type)) return node.type.join(" | ");
  if (node.type === "array") return `${wrap(describeSchema(node.items, depth))}[]${constraintsOf(node)}`;
  if (node.type === "object" || node.properties) {
    const properties = Object.entries((node.properties ?? {}) as Record<string, JsonSchema>);
    const required = new Set((node.required ?? []) as string[]);
    const extra = node.additionalProperties;
    if (properties.length === 0) return extra && typeof extra === "object" ? `{ [key: string]: ${describeSchema(extra, depth)} }` : "object";
    const pad = INDENT.repeat(depth + 1);
    const lines = properties.map(([name, property]) => {
      const note = typeof property.description === "string" ? `  // ${property.description}` : "";
      return `${pad}${name}${required.has(name) ? "" : "?"}: ${describeSchema(property, depth + 1)}${note}`;
    });
    return `{\n${lines.join("\n")}\n${INDENT.repeat(depth)}}`;
  }
  if (typeof node.type === "string") return `${node.type}${typeof node.pattern === "string" && node.pattern.includes("A-Za-z0-9_-") ? " (id)" : ""}${constraintsOf(node)}`;
  return "any";
}

function wrap(type: string): string {
  return type.includes(" | ") ? `(${type})` : type;
}
