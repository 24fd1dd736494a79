/**
 * The request body as Office.js's runtime sends it (OfficeExtension's ClientRequest, read in
 * excel-web-16.00.debug.js): `{"Actions":[…],"ObjectPaths":{"id":{…}}}`. Every proxy the batch
 * creates (a range, its `.format`, the format's `.fill`, …) is an object path plus an
 * Instantiate action in the request where it was created; a Range created inside Excel.run also
 * gets a `_KeepReference` method action. Object paths go out, with their parents, in every
 * request whose actions refer to them. Ids count up over the context's life.
 */

/** OfficeExtension's ActionType and ObjectPathType numbers. */
const ActionType = { instantiate: 1, query: 2, method: 3, setProperty: 4 } as const;
const ObjectPathType = { globalObject: 1, method: 3, property: 4 } as const;

export type WireAction =
  | { kind: "instantiate" | "keepReference"; path: string }
  | { kind: "setProperty" | "method"; path: string; name: string; args: unknown[] }
  | { kind: "query"; path: string; select: string[] };

/** Splits "workbook.worksheets.getItem(\"a.b\").getRange(\"A1\")" at the dots between members. */
export function pathSegments(path: string): string[] {
  const segments: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < path.length; i++) {
    const c = path[i];
    if (quoted) {
      if (c === "\\") i++;
      else if (c === '"') quoted = false;
    } else if (c === '"') quoted = true;
    else if (c === "(") depth++;
    else if (c === ")") depth--;
    else if (c === "." && depth === 0) {
      segments.push(path.slice(start, i));
      start = i + 1;
    }
  }
  segments.push(path.slice(start));
  return segments;
}

function parseArgs(text: string): unknown[] {
  try {
    const parsed: unknown = JSON.parse(`[${text}]`);
    return Array.isArray(parsed) ? parsed : [text];
  } catch {
    return [text];
  }
}

/** Assigns ids for one context and serialises each request. */
export class WireEncoder {
  private nextId = 1;
  private readonly pathIds = new Map<string, number>();
  private readonly rootId = this.nextId++;

  private pathId(path: string): number {
    let id = this.pathIds.get(path);
    if (id === undefined) {
      id = this.nextId++;
      this.pathIds.set(path, id);
    }
    return id;
  }

  /**
   * The object paths of `path` and of each of its parents, root first. A path's ids never change
   * in a context, so each path is parsed once and its parents' chain reused, not rebuilt for
   * every action that names it.
   */
  private readonly chains = new Map<string, readonly [number, object][]>();

  private chain(path: string): readonly [number, object][] {
    const known = this.chains.get(path);
    if (known) return known;
    const segments = pathSegments(path);
    const parent: readonly [number, object][] =
      segments.length > 1
        ? this.chain(segments.slice(0, -1).join("."))
        : [
            [
              this.rootId,
              { Id: this.rootId, ObjectPathType: ObjectPathType.globalObject, Name: "" },
            ],
          ];
    const parentId = parent[parent.length - 1][0];
    const id = this.pathId(path);
    const segment = segments[segments.length - 1];
    const open = segment.indexOf("(");
    const entry =
      open < 0
        ? {
            Id: id,
            ObjectPathType: ObjectPathType.property,
            Name: segment,
            ParentObjectPathId: parentId,
          }
        : {
            Id: id,
            ObjectPathType: ObjectPathType.method,
            Name: segment.slice(0, open),
            ParentObjectPathId: parentId,
            ArgumentInfo: { Arguments: parseArgs(segment.slice(open + 1, -1)) },
          };
    const chain: readonly [number, object][] = [...parent, [id, entry]];
    this.chains.set(path, chain);
    return chain;
  }

  /** Adds the object path of `path` and of each of its parents, keyed by id; returns its id. */
  private addPaths(path: string, into: Map<number, object>): number {
    const chain = this.chain(path);
    for (const [id, entry] of chain) into.set(id, entry);
    return chain[chain.length - 1][0];
  }

  /** The JSON text of one request carrying `actions`. */
  encode(actions: readonly WireAction[]): string {
    const paths = new Map<number, object>();
    const out = actions.map((action) => {
      const ObjectPathId = this.addPaths(action.path, paths);
      const Id = this.nextId++;
      switch (action.kind) {
        case "instantiate":
          return { Id, ActionType: ActionType.instantiate, Name: "", ObjectPathId };
        case "keepReference":
          return { Id, ActionType: ActionType.method, Name: "_KeepReference", ObjectPathId };
        case "query":
          return {
            Id,
            ActionType: ActionType.query,
            Name: "",
            ObjectPathId,
            QueryInfo: { Select: action.select, Expand: [] },
          };
        default:
          return {
            Id,
            ActionType: action.kind === "method" ? ActionType.method : ActionType.setProperty,
            Name: action.name,
            ObjectPathId,
            ArgumentInfo: { Arguments: action.args },
          };
      }
    });
    return JSON.stringify({ Actions: out, ObjectPaths: Object.fromEntries(paths) });
  }
}
