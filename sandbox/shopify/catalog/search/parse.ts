// Shopify search syntax (https://shopify.dev/api/usage/search-syntax) as the captures show it:
// whitespace = AND; OR binds tighter than the implicit AND ("a OR b c" = "(a OR b) c",
// products-or-precedence.json); NOT / leading "-" negate; parentheses group; field:value with
// comparators (:>, :>=, :<, :<=), quoted values, trailing * for prefixes, field:* for "is set".
// Malformed input never errors (product-invalid-search-query-syntax.json): an unclosed "(" closes
// at the end, a dangling OR is dropped, "tag:(x" is the literal value "(x".

export type Comparator = ":" | ">" | ">=" | "<" | "<=";

export type SearchNode =
  | { kind: "and"; items: SearchNode[] }
  | { kind: "or"; items: SearchNode[] }
  | { kind: "not"; item: SearchNode }
  | SearchTerm;

export interface SearchTerm {
  kind: "term";
  field: string | null; // null = free text
  comparator: Comparator;
  value: string;
  prefix: boolean; // foo*
  exists: boolean; // field:*
}

type Token = { type: "word"; text: string } | { type: "(" } | { type: ")" } | { type: "OR" } | { type: "AND" } | { type: "NOT" };

function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const ch = input[i]!;
    if (/\s/.test(ch)) { i++; continue; }
    if (ch === "(") { tokens.push({ type: "(" }); i++; continue; }
    if (ch === "-" && input[i + 1] === "(") { tokens.push({ type: "NOT" }); i++; continue; } // -(a OR b)
    if (ch === ")") { tokens.push({ type: ")" }); i++; continue; }
    // A word runs to whitespace or a closing paren, keeping quoted sections whole.
    let text = "";
    while (i < input.length && !/\s/.test(input[i]!) && input[i] !== ")") {
      const q = input[i]!;
      if (q === '"' || q === "'") {
        const end = input.indexOf(q, i + 1);
        const stop = end === -1 ? input.length : end + 1;
        text += input.slice(i, stop);
        i = stop;
      } else {
        text += q;
        i++;
      }
    }
    if (text === "OR" || text === "AND" || text === "NOT") tokens.push({ type: text });
    else if (text) tokens.push({ type: "word", text });
  }
  return tokens;
}

export function parseSearch(input: string): SearchNode {
  const tokens = tokenize(input);
  let pos = 0;
  const peek = () => tokens[pos];

  function parseAnd(): SearchNode {
    const items: SearchNode[] = [];
    while (pos < tokens.length && peek()!.type !== ")") {
      if (peek()!.type === "AND" || peek()!.type === "OR") { pos++; continue; } // stray connective
      items.push(parseOr());
    }
    return items.length === 1 ? items[0]! : { kind: "and", items };
  }

  function parseOr(): SearchNode {
    const items = [parseUnary()];
    while (peek()?.type === "OR") {
      pos++;
      const next = peek();
      if (!next || next.type === ")" || next.type === "OR" || next.type === "AND") break; // dangling OR
      items.push(parseUnary());
    }
    return items.length === 1 ? items[0]! : { kind: "or", items };
  }

  function parseUnary(): SearchNode {
    const t = tokens[pos++]!;
    if (t.type === "NOT") return pos < tokens.length ? { kind: "not", item: parseUnary() } : { kind: "and", items: [] };
    if (t.type === "(") {
      const inner = parseAnd();
      if (peek()?.type === ")") pos++;
      return inner;
    }
    if (t.type !== "word") return { kind: "and", items: [] };
    if (t.text.startsWith("-") && t.text.length > 1) return { kind: "not", item: parseTerm(t.text.slice(1)) };
    return parseTerm(t.text);
  }

  const root = parseAnd();
  return root;
}

function unquote(value: string): { value: string; quoted: boolean } {
  const m = /^(["'])(.*)\1$/s.exec(value) ?? /^(["'])(.*)$/s.exec(value);
  return m ? { value: m[2]!, quoted: true } : { value, quoted: false };
}

function parseTerm(text: string): SearchTerm {
  const field = /^([A-Za-z_][A-Za-z0-9_.]*):(.*)$/s.exec(text);
  if (!field) {
    const { value, quoted } = unquote(text);
    const prefix = !quoted && value.endsWith("*") && value.length > 1;
    return { kind: "term", field: null, comparator: ":", value: prefix ? value.slice(0, -1) : value, prefix, exists: false };
  }
  let rest = field[2]!;
  let comparator: Comparator = ":";
  const cmp = /^(>=|<=|>|<)/.exec(rest);
  if (cmp) {
    comparator = cmp[1] as Comparator;
    rest = rest.slice(cmp[1]!.length);
  }
  const { value, quoted } = unquote(rest);
  const exists = !quoted && value === "*";
  const prefix = !quoted && !exists && value.endsWith("*");
  return { kind: "term", field: field[1]!.toLowerCase(), comparator, value: prefix ? value.slice(0, -1) : value, prefix, exists };
}

/** Every field:value term of the query (for warnings and fail-loud checks). */
export function fieldTerms(node: SearchNode): SearchTerm[] {
  if (node.kind === "term") return node.field ? [node] : [];
  if (node.kind === "not") return fieldTerms(node.item);
  return node.items.flatMap(fieldTerms);
}
