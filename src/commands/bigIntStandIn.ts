/**
 * Internet Explorer 11 has no BigInt, and zod builds four BigInt constants as it loads: the ranges
 * of z.int64() and z.uint64(), which no schema here uses (nor any other BigInt). Where BigInt is
 * missing those constants become Numbers, so that zod loads and 校验 runs. Imported first.
 */
const scope = globalThis as unknown as { BigInt?: (value: unknown) => unknown };
if (typeof scope.BigInt === "undefined") scope.BigInt = (value) => Number(value);
