/**
 * The size of a request as Office.js's runtime sends it: `{"Actions":[…],"ObjectPaths":{…}}`.
 * Every proxy a step creates — a range, its `.format`, the format's `.fill` — is an object path
 * and an Instantiate action; a range created inside Excel.run also gets a `_KeepReference`
 * action; every property write or method call is one more action carrying its arguments. Ids
 * count up over the Excel.run, so sizes are taken at the widest id a long run reaches.
 */

export /** UTF-8 length of a string, without allocating the encoded bytes. */
function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4; // a surrogate pair encodes one 4-byte character
      i++;
    } else bytes += 3;
  }
  return bytes;
}

const WIDEST_ID = 99_999_999;
/** Room for a member name ("getRangeByIndexes", "horizontalAlignment") and small arguments. */
const NAME_ROOM = 24;

function jsonBytes(value: unknown): number {
  return utf8Length(JSON.stringify(value) ?? "null");
}

/** One action (property write, method call or load) without its arguments, with its comma. */
export const ACTION_BYTES =
  jsonBytes({
    Id: WIDEST_ID,
    ActionType: 4,
    Name: "",
    ObjectPathId: WIDEST_ID,
    ArgumentInfo: { Arguments: [] },
  }) +
  NAME_ROOM +
  1;

/** One proxy: its object path (keyed by id) and its Instantiate action. */
export const PROXY_BYTES =
  jsonBytes({ [WIDEST_ID]: {} }) +
  jsonBytes({
    Id: WIDEST_ID,
    ObjectPathType: 3,
    Name: "",
    ParentObjectPathId: WIDEST_ID,
    ArgumentInfo: { Arguments: [WIDEST_ID, WIDEST_ID, WIDEST_ID, WIDEST_ID] },
  }) +
  NAME_ROOM +
  ACTION_BYTES;

/** One range made in Excel.run: a proxy and its _KeepReference call. */
export const RANGE_BYTES = PROXY_BYTES + ACTION_BYTES;

/** The request's framing and the object paths of the sheets and collections its steps go through. */
export const REQUEST_BYTES = 64 * 1024;

/** What one queued step adds to a request. */
export interface StepShape {
  ranges?: number;
  /** Proxies other than ranges: .format, .fill, a note, a custom property, … */
  proxies?: number;
  /** Property writes, method calls and loads. */
  actions?: number;
  /** The arguments the actions carry, as they go out (JSON). */
  data?: unknown[];
}

export function stepBytes({ ranges = 0, proxies = 0, actions = 0, data = [] }: StepShape): number {
  return (
    ranges * RANGE_BYTES +
    proxies * PROXY_BYTES +
    actions * ACTION_BYTES +
    data.reduce<number>((sum, value) => sum + jsonBytes(value), 0)
  );
}
