export { validate, RULES } from "./engine";
export { RuleContext, type Rule, type ValidateOptions } from "./context";
export { RULE_CATALOGUE, ruleInfo, formatMessage, type RuleId } from "./catalogue";
export {
  Issue,
  Severity,
  Category,
  RuleInfo,
  SeverityTotals,
  TableTotals,
  ValidationResult,
  SEVERITY_LABEL,
  CATEGORY_LABEL,
} from "./schema";
export { expectedSeqs } from "./numbering/seqNumbers";
export { issueJson, issuePlace, rowPlace, seqGuesses, seqText } from "./where";
