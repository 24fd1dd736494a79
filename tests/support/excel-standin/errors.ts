/**
 * Errors shaped like Office.js's OfficeExtension.Error (name, code, message, debugInfo), so the
 * adapter's error handling meets the same objects on the stand-in as in Excel.
 */
export const ErrorCode = {
  apiNotFound: "ApiNotFound",
  generalException: "GeneralException",
  invalidArgument: "InvalidArgument",
  invalidObjectPath: "InvalidObjectPath",
  invalidOperation: "InvalidOperation",
  invalidRequestContext: "InvalidRequestContext",
  itemAlreadyExists: "ItemAlreadyExists",
  itemNotFound: "ItemNotFound",
  propertyNotLoaded: "PropertyNotLoaded",
  rangeExceedsLimit: "RangeExceedsLimit",
  requestPayloadSizeLimitExceeded: "RequestPayloadSizeLimitExceeded",
  responsePayloadSizeLimitExceeded: "ResponsePayloadSizeLimitExceeded",
  runMustReturnPromise: "RunMustReturnPromise",
  notImplemented: "NotImplemented",
  accessDenied: "AccessDenied",
} as const;
export type ErrorCodeValue = (typeof ErrorCode)[keyof typeof ErrorCode];

export interface DebugInfo {
  code: string;
  message: string;
  errorLocation?: string;
}

export class StandInError extends Error {
  readonly code: string;
  readonly debugInfo: DebugInfo;
  readonly traceMessages: string[] = [];
  readonly innerError: StandInError | null = null;

  constructor(code: string, message: string, errorLocation?: string) {
    super(message);
    // Office.js's runtime errors carry this name; the adapter may log or match on it.
    this.name = "RichApi.Error";
    this.code = code;
    this.debugInfo =
      errorLocation === undefined ? { code, message } : { code, message, errorLocation };
  }

  override toString(): string {
    return `${this.code}: ${this.message}`;
  }
}

export function propertyNotLoaded(typeName: string, property: string): StandInError {
  return new StandInError(
    ErrorCode.propertyNotLoaded,
    `The property '${property}' is not available. Call load("${property}") on the ${typeName} and await context.sync() before reading it.`,
    `${typeName}.${property}`
  );
}

export function invalidArgument(message: string, location?: string): StandInError {
  return new StandInError(ErrorCode.invalidArgument, message, location);
}

export function itemNotFound(message: string, location?: string): StandInError {
  return new StandInError(ErrorCode.itemNotFound, message, location);
}

export function invalidOperation(message: string, location?: string): StandInError {
  return new StandInError(ErrorCode.invalidOperation, message, location);
}

/** Thrown for members of Office.js the stand-in does not provide: outside the agreed API subset. */
export function notImplemented(typeName: string, member: string): StandInError {
  return new StandInError(
    ErrorCode.notImplemented,
    `${typeName}.${member} is not implemented in the Excel stand-in: it is outside the API subset in the contract (or misspelt).`,
    `${typeName}.${member}`
  );
}
